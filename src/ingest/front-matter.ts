import { YAMLParseError, parseDocument } from 'yaml';
import { FormatError } from '../errors.ts';
import { isoDateFromValue } from './dates.ts';

/** What a front matter block says about its document; `null` where it says nothing. */
export interface FrontMatter {
  readonly title: string | null;
  readonly date: string | null;
  readonly source: string | null;
  readonly publisher: string | null;
}

/** The front matter of a text (if any) and where the body starts. */
export interface FrontMatterSplit {
  readonly frontMatter: FrontMatter | null;
  /** Character offset of the body in the text. */
  readonly bodyStart: number;
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;

/**
 * Splits an optional YAML front matter block (`---` … `---` at the very start)
 * from a text. `title`, `date`, `source` and `publisher` are read; dates may be YAML dates
 * or strings and come back as ISO dates. Invalid YAML or an unreadable date is
 * a FormatError naming the file and line.
 */
export function frontMatterFromText(text: string, where: string): FrontMatterSplit {
  const opening = OPENING.exec(text);
  if (opening === null) return { frontMatter: null, bodyStart: 0 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (closing === null) return { frontMatter: null, bodyStart: 0 };
  const yamlText = rest.slice(0, closing.index);
  let bodyStart = opening[0].length + closing.index + closing[0].length;
  if (text[bodyStart] === '\r') bodyStart++;
  if (text[bodyStart] === '\n') bodyStart++;
  const firstLine = 2;
  const document = parseDocument(yamlText, { prettyErrors: false });
  const error = document.errors[0];
  if (error !== undefined) {
    // An error at the end of the block (an unclosed bracket) is reported on the last line that has content.
    const at = Math.min(error instanceof YAMLParseError ? error.pos[0] : 0, yamlText.trimEnd().length);
    const line = firstLine + (yamlText.slice(0, at).match(/\n/g)?.length ?? 0);
    throw new FormatError(where, `invalid YAML front matter: ${firstSentence(error.message)}`, line);
  }
  const data: unknown = document.toJS();
  if (data === null || data === undefined) return { frontMatter: { title: null, date: null, source: null, publisher: null }, bodyStart };
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FormatError(where, 'front matter must be a YAML mapping (title:, date:, source:)', firstLine);
  }
  const record = data as Record<string, unknown>;
  const lineOf = (key: string): number => {
    const index = yamlText.search(new RegExp(`^${key}\\s*:`, 'm'));
    return index === -1 ? firstLine : firstLine + (yamlText.slice(0, index).match(/\n/g)?.length ?? 0);
  };
  let date: string | null = null;
  if (record['date'] !== undefined && record['date'] !== null && record['date'] !== '') {
    date = isoDateFromValue(record['date']);
    if (date === null) {
      throw new FormatError(where, `front matter date ${JSON.stringify(String(record['date']))} is not a date (expected e.g. 2013-07-15)`, lineOf('date'));
    }
  }
  return {
    frontMatter: { title: stringOrNull(record['title']), date, source: stringOrNull(record['source']), publisher: stringOrNull(record['publisher']) },
    bodyStart,
  };
}

function stringOrNull(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)).trim();
  return text === '' ? null : text;
}

function firstSentence(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
}
