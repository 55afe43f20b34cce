import { createHash } from 'node:crypto';
import { FormatError, InputError } from '../errors.ts';
import type { Block, Doc, DocFormat } from '../types.ts';
import { isoDateFromValue } from './dates.ts';
import { formatFromBytes, isPdfBytes, textFromBytes } from './decode.ts';
import { frontMatterFromText } from './front-matter.ts';
import { structureFromHtml } from './html.ts';
import { layoutFromDrafts, type ParagraphDraft } from './layout.ts';
import { structureFromMarkdown } from './markdown.ts';
import { textFromPdf } from './pdf.ts';
import { structureFromPlainText } from './plain-text.ts';

/** How to read one document. */
export interface DocOptions {
  /** Read as this format whatever the name and content say. */
  readonly format?: DocFormat;
  /** Date of the document (ISO, or `15 July 2013`); overrides front matter and page metadata. */
  readonly date?: string;
  /** Path or URL the bytes came from, for `Doc.origin` and error messages; defaults to the name. */
  readonly origin?: string;
  /** Character set of the bytes when not UTF-8 (as a web server declares it). */
  readonly charset?: string;
  /** `Doc.meta.source` when the document's front matter gives none. */
  readonly source?: string;
}

/**
 * Reads one document from its bytes. The format comes from `options.format`,
 * else the content (`%PDF-`), else the extension (`.txt`, `.text`, `.md`,
 * `.markdown`, `.html`, `.htm`, `.xhtml`, `.pdf`); an unknown extension is
 * refused unless the content is clearly HTML or PDF, and a name without
 * extension is read as HTML when it looks like HTML, else as text. Text
 * formats may start with a YAML front matter block (`title`, `date`,
 * `source`). An empty file is a valid document with empty text.
 *
 * `Doc.original` is the text the cleaned text points into: the extracted text
 * for PDF, the source after front matter for text, Markdown and HTML (so HTML
 * offsets point into the markup, and a table block's original span is its
 * `<table>` element).
 */
export async function docFromBytes(bytes: Uint8Array, name: string, options: DocOptions = {}): Promise<Doc> {
  const where = options.origin ?? name;
  const date = options.date === undefined ? undefined : dateFromOption(options.date);
  const id = createHash('sha256').update(bytes).digest('hex');
  const format = formatFromBytes(bytes, name, options.format, where);
  const base = { id, name, origin: where, format };
  if (bytes.length === 0) {
    return { ...base, meta: { title: null, date: date ?? null, source: options.source ?? null, publisher: null }, text: '', original: '', offsets: [], paragraphs: [], sections: [], blocks: [] };
  }
  let original: string;
  let drafts: readonly ParagraphDraft[];
  let blocks: readonly Block[];
  let found: { title: string | null; date: string | null; source: string | null; publisher: string | null } = { title: null, date: null, source: null, publisher: null };
  if (format === 'pdf') {
    if (!isPdfBytes(bytes)) throw new FormatError(where, 'not a valid PDF: no %PDF- header');
    const pdf = await textFromPdf(bytes, where);
    original = pdf.text;
    ({ drafts, blocks } = structureFromPlainText(original, { extracted: true }));
    found = { ...found, title: usefulPdfTitle(pdf.title) };
  } else {
    const decoded = options.charset && !/^utf-?8$/i.test(options.charset) ? textFromCharset(bytes, options.charset, where) : textFromBytes(bytes, where);
    const { frontMatter, bodyStart } = frontMatterFromText(decoded, where);
    original = decoded.slice(bodyStart).replace(/^\uFEFF/, '');
    if (format === 'html') {
      const html = structureFromHtml(original);
      ({ drafts, blocks } = html);
      found = { ...found, title: html.title, date: html.date };
    } else if (format === 'markdown') {
      ({ drafts, blocks } = structureFromMarkdown(original));
    } else {
      ({ drafts, blocks } = structureFromPlainText(original));
    }
    if (frontMatter) {
      found = { title: frontMatter.title ?? found.title, date: frontMatter.date ?? found.date, source: frontMatter.source, publisher: frontMatter.publisher };
    }
  }
  const layout = layoutFromDrafts(original, drafts);
  // Without a stated title, a heading that opens the document is its title.
  const opening = layout.sections[0];
  const title = found.title ?? (opening && opening.span.start === 0 ? opening.title : null);
  return {
    ...base,
    meta: { title, date: date ?? found.date, source: found.source ?? options.source ?? null, publisher: found.publisher },
    original,
    ...layout,
    blocks,
  };
}

function dateFromOption(value: string): string {
  const date = isoDateFromValue(value);
  if (date === null) throw new InputError('--date', `"${value}" is not a date (expected e.g. 2013-07-15)`);
  return date;
}

function textFromCharset(bytes: Uint8Array, charset: string, where: string): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new InputError(where, `unknown character set "${charset}"`);
  }
  return decoder.decode(bytes);
}

// Producers often put the source file name or nothing useful in the PDF title.
function usefulPdfTitle(title: string | null): string | null {
  if (title === null || /^(?:microsoft (?:word|powerpoint) - |untitled)|\.(?:docx?|pdf|indd|pptx?)$/i.test(title)) return null;
  return title;
}

/** One line describing a document: name, format, date, title and size of its parts. */
export function describeDoc(doc: Doc): string {
  const words = doc.text.match(/\S+/g)?.length ?? 0;
  const title = doc.meta.title === null ? 'untitled' : `"${doc.meta.title}"`;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return [
    `${doc.name}: ${doc.format}, ${doc.meta.date ?? 'undated'}, ${title}`,
    `${plural(doc.paragraphs.length, 'paragraph')}, ${plural(doc.sections.length, 'section')}, ${plural(doc.blocks.length, 'table')}, ${plural(words, 'word')}`,
  ].join('; ');
}
