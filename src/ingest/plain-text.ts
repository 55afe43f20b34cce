import type { Block, Span } from '../types.ts';
import { footnoteMarkersFromText } from './footnotes.ts';
import type { ParagraphDraft, Piece } from './layout.ts';

/**
 * How a plain text is read:
 * - `extracted`: text as PDF extraction leaves it (hard line ends, page numbers,
 *   footnote markers, hyphenation); repaired in full.
 * - `blank-lines`: ordinary text whose paragraphs are separated by blank lines;
 *   only the lines of a paragraph are joined.
 * - `lines`: ordinary text with one paragraph per line.
 */
export type TextMode = 'extracted' | 'blank-lines' | 'lines';

/** Paragraph drafts and non-prose blocks of a plain text. */
export interface TextStructure {
  readonly mode: TextMode;
  readonly drafts: readonly ParagraphDraft[];
  readonly blocks: readonly Block[];
}

interface Line {
  readonly start: number;
  readonly end: number;
  /** The line without leading junk (stray spaces, BOM, control characters) and trailing space. */
  readonly content: Span;
  readonly text: string;
  readonly pageBreak: boolean;
}

type Kind = 'blank' | 'prose' | 'heading' | 'number' | 'running' | 'table';

const LEADING_JUNK = /^[\s\u00A0\uFEFF\u200B-\u200D\u2060\p{Cc}\uFFFD]+/u;
const JUNK = /[\s\u00A0\uFEFF\u200B-\u200D\u2060\p{Cc}]/u;
// A page number or a footnote number left on a line of its own: `3`, `- 3 -`, `Page 3 of 12`.
const NUMBER_LINE = /^(?:\d{1,4}|[-–—]\s*\d{1,4}\s*[-–—]|page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)$/i;
// `.`, `!` or `?`, then closing quotes or brackets, then perhaps a footnote number (but not `$ 2.3`).
const SENTENCE_END = /(?:[.!?][”’"')\]]*|(?<!\d)[.!?][”’"')\]]*\d{1,3})$/u;
const TABLE_CAPTION = /^(?:table|exhibit)\s+[A-Z]{0,4}\.?\d+[A-Za-z]?(?:\.\d+)?\s*[:.]?(?:\s|$)/i;
const TABLE_END = /^(?:sources?|notes?)\s*:/i;
// A cell of a table flattened to one value per line: numbers with separators, signs, units, percentages.
const NUMERIC_CELL = /^[-+–−(]?[$€£¥]?\s?\d[\d,.\s]*%?\)?(?:\s+[-+–−(]?[$€£¥]?\d[\d,.]*%?\)?)*$/u;
const BULLET = /^[•●▪◦‣∙·]\s*/u;
const SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'into', 'of', 'on', 'or', 'the', 'to', 'vs', 'versus', 'with', 'over', 'after', 'between', 'against', 'under', 'its', 'their',
]);
// Left parts that keep their hyphen when a compound is broken at a line end (`counter-\nterrorism`).
const HYPHEN_PREFIXES = new Set([
  'anti', 'counter', 'non', 'self', 'cross', 'ex', 'quasi', 'semi', 'ultra', 'well', 'all', 'half', 'vice', 'neo', 'pan', 'intra', 'extra', 'long', 'short', 'so', 'full', 'high', 'low', 'near', 'far', 'co',
]);
// Right parts that are words of their own in compounds (`Russia-\nled`, `long-\nterm`).
const HYPHEN_SUFFIXES = new Set([
  'based', 'led', 'term', 'scale', 'level', 'related', 'owned', 'run', 'wide', 'like', 'free', 'oriented', 'backed', 'sponsored', 'friendly', 'style', 'making', 'building', 'bound', 'range', 'called', 'time', 'born', 'year', 'up', 'off', 'out', 'in',
]);

/**
 * Reads a plain text into paragraphs, headings and table blocks, repairing what
 * PDF extraction leaves behind when the text looks extracted (or `extracted` is
 * set): lines rejoined into paragraphs, words hyphenated across lines rejoined,
 * page numbers and footnote markers removed. Paragraph breaks in extracted text
 * are blank lines, headings, and lines that end a sentence although the next
 * word would have fitted on them.
 */
export function structureFromPlainText(original: string, options: { readonly extracted?: boolean } = {}): TextStructure {
  const lines = linesFromText(original);
  const tableLines = tableLineSets(lines);
  const proseRanges = lines.filter((_, i) => !tableLines.has(i)).map((l) => l.content);
  const footnotes = footnoteMarkersFromText(original, proseRanges);
  const mode = options.extracted ? 'extracted' : modeOfText(lines, tableLines, footnotes.length);
  const width = typicalWidth(lines, tableLines);
  const kinds = lines.map((line, i): Kind => {
    if (tableLines.has(i)) return 'table';
    if (line.text === '') return 'blank';
    if (mode === 'extracted' && NUMBER_LINE.test(line.text)) return 'number';
    return 'prose';
  });
  if (mode === 'extracted') markRunningLines(lines, kinds);
  markHeadings(lines, kinds, mode, width);
  const deletions = mode === 'extracted' ? footnotes.map((f) => f.span) : [];
  let words: Set<string> | null = null;
  const vocabulary = (): ReadonlySet<string> => (words ??= vocabularyOf(original));
  return {
    mode,
    drafts: draftsFromLines(original, lines, kinds, { mode, width, deletions, vocabulary }),
    blocks: blocksFromTables(original, lines, tableLines),
  };
}

function linesFromText(original: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= original.length) {
    let end = original.indexOf('\n', start);
    if (end === -1) end = original.length;
    const raw = original.slice(start, end);
    const lead = LEADING_JUNK.exec(raw)?.[0].length ?? 0;
    let contentEnd = end;
    while (contentEnd > start + lead && JUNK.test(original[contentEnd - 1] ?? '')) contentEnd--;
    const content = { start: start + lead, end: contentEnd };
    lines.push({ start, end, content, text: original.slice(content.start, content.end), pageBreak: raw.includes('\f') });
    if (end === original.length) break;
    start = end + 1;
  }
  return lines;
}

function modeOfText(lines: readonly Line[], tableLines: ReadonlySet<number>, footnotes: number): TextMode {
  if (lines.some((l) => l.pageBreak) || footnotes >= 2) return 'extracted';
  for (let i = 1; i + 1 < lines.length; i++) {
    // A lone number between two lines of prose is a page number: only extraction leaves those.
    if (!tableLines.has(i) && NUMBER_LINE.test(lines[i]?.text ?? '') && (lines[i - 1]?.text ?? '') !== '' && (lines[i + 1]?.text ?? '') !== '') {
      if (!NUMBER_LINE.test(lines[i - 1]?.text ?? '') && !NUMBER_LINE.test(lines[i + 1]?.text ?? '')) return 'extracted';
    }
  }
  const nonBlank = lines.filter((l) => l.text !== '');
  const hasBlankSeparators = lines.some((l, i) => l.text === '' && i > 0 && i + 1 < lines.length && nonBlank.length > 1);
  if (hasBlankSeparators) return 'blank-lines';
  const lengths = nonBlank.map((l) => l.text.length).sort((a, b) => a - b);
  const width = lengths[Math.floor(lengths.length * 0.8)] ?? 0;
  const filled = lengths.filter((n) => n >= width * 0.6).length;
  return nonBlank.length >= 3 && width <= 130 && filled >= nonBlank.length * 0.6 ? 'extracted' : 'lines';
}

// The width of a full line: lines of prose are filled up to about this many characters.
function typicalWidth(lines: readonly Line[], tableLines: ReadonlySet<number>): number {
  const lengths = lines
    .filter((l, i) => !tableLines.has(i) && l.text.length >= 20)
    .map((l) => l.text.length)
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.8)] ?? 80;
}

/**
 * Lines that belong to a table flattened into text: a caption (`Table 1: …`)
 * followed by short cells, one value per line, up to a `Source:` line or the
 * first line of prose; or, without a caption, a run of at least six numeric
 * lines.
 */
function tableLineSets(lines: readonly Line[]): Set<number> {
  const table = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || table.has(i)) continue;
    if (TABLE_CAPTION.test(line.text)) {
      let end = i + 1;
      let numeric = 0;
      let closed = false;
      for (; end < lines.length; end++) {
        const text = lines[end]?.text ?? '';
        if (TABLE_END.test(text)) {
          closed = true;
          end++;
          break;
        }
        if (text === '') continue;
        if (NUMERIC_CELL.test(text)) numeric++;
        else if (!isCellLabel(text)) break;
      }
      if (!closed) while (end > i + 1 && (lines[end - 1]?.text ?? '') === '') end--;
      if (numeric >= 3) for (let j = i; j < end; j++) table.add(j);
      continue;
    }
    if (NUMERIC_CELL.test(line.text)) {
      let end = i;
      let numeric = 0;
      for (; end < lines.length; end++) {
        const text = lines[end]?.text ?? '';
        if (text === '') continue;
        if (NUMERIC_CELL.test(text)) numeric++;
        else if (!isCellLabel(text) || text.length > 30) break;
      }
      while (end > i && !NUMERIC_CELL.test(lines[end - 1]?.text ?? '')) end--;
      if (numeric >= 6) {
        for (let j = i; j < end; j++) table.add(j);
        i = end - 1;
      }
    }
  }
  return table;
}

// A row or column label: short, no sentence inside it.
function isCellLabel(text: string): boolean {
  return text.length <= 50 && text.split(/\s+/).length <= 7 && !/[.!?]\s+\p{Lu}/u.test(text) && !SENTENCE_END.test(text.replace(/\d+$/, ''));
}

function markHeadings(lines: readonly Line[], kinds: Kind[], mode: TextMode, width: number): void {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]?.text ?? '';
    if (kinds[i] !== 'prose') continue;
    const next = neighbour(kinds, i, +1);
    if (next === -1 || kinds[next] === 'table' || !/^[\p{Lu}\d“"‘'(•●▪]/u.test(lines[next]?.text ?? '')) continue;
    // A short line standing alone between blank lines needs no title case to be a heading.
    const alone = (i === 0 || kinds[i - 1] === 'blank') && (kinds[i + 1] === 'blank' || kinds[i + 1] === undefined);
    if (mode === 'blank-lines') {
      // The first line of a paragraph wrapped early (`The conversation between`) is no heading.
      if (!alone || !isHeadingShaped(text, false)) continue;
    } else {
      if (!isHeadingShaped(text, !alone) || (mode === 'extracted' && text.length > width * 0.7)) continue;
      const prev = neighbour(kinds, i, -1);
      const prevText = prev === -1 ? '' : (lines[prev]?.text ?? '');
      const afterBreak = prev === -1 || kinds[prev] === 'table' || kinds[prev] === 'heading' || blankBetween(kinds, prev, i) || SENTENCE_END.test(prevText);
      if (!afterBreak) continue;
    }
    kinds[i] = 'heading';
  }
}

/**
 * Running headers and footers: on pages separated by form feeds, a line among
 * the first or last two of a page whose text (digits aside) recurs there on at
 * least three pages and half of them.
 */
function markRunningLines(lines: readonly Line[], kinds: Kind[]): void {
  const pages: number[][] = [[]];
  lines.forEach((line, i) => {
    if (line.pageBreak) pages.push([]);
    if (kinds[i] === 'prose') pages.at(-1)?.push(i);
  });
  if (pages.length < 3) return;
  const keyOf = (i: number): string => (lines[i]?.text ?? '').toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ');
  const edges = pages.map((page) => [...new Set([...page.slice(0, 2), ...page.slice(-2)])]);
  const pagesWithKey = new Map<string, number>();
  for (const edge of edges) for (const key of new Set(edge.map(keyOf))) pagesWithKey.set(key, (pagesWithKey.get(key) ?? 0) + 1);
  for (const edge of edges) {
    for (const i of edge) {
      const count = pagesWithKey.get(keyOf(i)) ?? 0;
      if (count >= 3 && count >= pages.length / 2) kinds[i] = 'running';
    }
  }
}

// Nearest line before (-1) or after (+1) that is prose, heading or table.
function neighbour(kinds: readonly Kind[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < kinds.length; j += step) {
    const k = kinds[j];
    if (k === 'prose' || k === 'heading' || k === 'table') return j;
  }
  return -1;
}

function blankBetween(kinds: readonly Kind[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (kinds[j] === 'blank') return true;
  return false;
}

/** A short line without terminal punctuation, title-like if asked: `Missile and Nuclear Issues`, `Counter-terrorism`. */
function isHeadingShaped(text: string, titleCase: boolean): boolean {
  if (text.length < 3 || text.length > 80 || /[.,;:!?\-–—]$/.test(text)) return false;
  if (!/^(?:[\p{Lu}]|(?:\d+(?:\.\d+)*\.?|[IVX]+\.)\s+\p{Lu})/u.test(text)) return false;
  const words = text.split(/\s+/);
  if (words.length > 10 || !/\p{L}{2}/u.test(text)) return false;
  const body = text.replace(/^\d+(?:\.\d+)*\.?\s+/, '');
  if ((body.match(/\d/g)?.length ?? 0) > (body.match(/\p{L}/gu)?.length ?? 0) * 0.3) return false;
  const significant = words.filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[\p{Lu}\d“"‘'(]/u.test(w));
  return !titleCase || words.length <= 3 || capitalised.length === significant.length;
}

interface JoinContext {
  readonly mode: TextMode;
  readonly width: number;
  readonly deletions: readonly Span[];
  /** Words and compounds the document writes, built when first needed. */
  readonly vocabulary: () => ReadonlySet<string>;
}

function draftsFromLines(original: string, lines: readonly Line[], kinds: readonly Kind[], context: JoinContext): ParagraphDraft[] {
  const drafts: ParagraphDraft[] = [];
  let current: Piece[] = [];
  let previous: Line | null = null;
  let pendingBlank = false;
  const deletions = new DeletionCursor(context.deletions);
  const flush = (): void => {
    if (current.length > 0) drafts.push({ pieces: current, heading: false });
    current = [];
    previous = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const kind = kinds[i];
    if (line === undefined) continue;
    if (kind === 'number' || kind === 'running') continue;
    if (kind === 'blank') {
      pendingBlank = previous !== null;
      continue;
    }
    if (kind === 'table') {
      flush();
      continue;
    }
    if (kind === 'heading') {
      flush();
      drafts.push({ pieces: deletions.piecesOf(line.content), heading: true });
      pendingBlank = false;
      continue;
    }
    let text = line.text;
    const bullet = BULLET.exec(text);
    const content = bullet ? { start: line.content.start + bullet[0].length, end: line.content.end } : line.content;
    if (bullet) text = text.slice(bullet[0].length);
    if (previous !== null && breaksParagraph(previous, text, pendingBlank || context.mode === 'lines', bullet !== null, context)) flush();
    pendingBlank = false;
    if (previous !== null) {
      const join = joinOf(previous, text, context);
      if (join === 'space') current.push({ text: ' ' });
      if (join === 'drop-hyphen') current = withoutLastCharacter(current);
    }
    current.push(...deletions.piecesOf(content));
    previous = { ...line, content, text: original.slice(content.start, content.end) };
  }
  flush();
  return drafts;
}

function breaksParagraph(previous: Line, next: string, blank: boolean, bullet: boolean, context: JoinContext): boolean {
  if (bullet) return true;
  const ended = SENTENCE_END.test(previous.text);
  if (blank) {
    // Extraction leaves blank lines inside sentences at page ends; a lower-case continuation shows it.
    return !(context.mode === 'extracted' && !ended && /^\p{Ll}/u.test(next));
  }
  if (context.mode !== 'extracted' || !ended) return false;
  const nextWord = /^\S+/.exec(next)?.[0].length ?? 0;
  return previous.text.length + 1 + nextWord < context.width * 0.85;
}

/** What goes between two lines of one paragraph: a space, nothing (after dashes, kept hyphens), or the hyphen goes. */
function joinOf(previous: Line, next: string, context: JoinContext): 'space' | 'none' | 'drop-hyphen' {
  const prev = previous.text;
  if (/[\u00AD–—/]$/.test(prev)) return 'none';
  if (!prev.endsWith('-')) return 'space';
  const hyphen = /(\p{L}+)-$/u.exec(prev.slice(-64));
  if (hyphen === null || !/^\p{L}/u.test(next)) return 'space';
  if (context.mode !== 'extracted') return 'none';
  const left = hyphen[1] ?? '';
  const right = /^\p{L}+/u.exec(next)?.[0] ?? '';
  return keepsHyphen(left, right, context.vocabulary()) ? 'none' : 'drop-hyphen';
}

function withoutLastCharacter(pieces: readonly Piece[]): Piece[] {
  const last = pieces.at(-1);
  if (last === undefined || 'text' in last) return [...pieces];
  const rest = pieces.slice(0, -1);
  return last.end - 1 > last.start ? [...rest, { start: last.start, end: last.end - 1 }] : rest;
}

/**
 * Whether `left-\nright` is a compound (keep the hyphen) or a word broken by
 * hyphenation (drop it). Capitalised right parts are compounds (`US-\nRussia`);
 * otherwise what the document itself writes elsewhere decides; otherwise known
 * prefixes (`counter-`) and compound endings (`-led`) keep the hyphen.
 */
function keepsHyphen(left: string, right: string, vocabulary: ReadonlySet<string>): boolean {
  if (/^\p{Lu}/u.test(right)) return true;
  const l = left.toLowerCase();
  const r = right.toLowerCase();
  if (vocabulary.has(`${l}-${r}`)) return true;
  if (vocabulary.has(l + r)) return false;
  return HYPHEN_PREFIXES.has(l) || HYPHEN_SUFFIXES.has(r);
}

function vocabularyOf(original: string): Set<string> {
  const words = new Set<string>();
  // Words broken at a line end are not evidence: skip `xxx-` at the end of a line.
  for (const m of original.matchAll(/\p{L}+(?:-\p{L}+)*(?!-\s*\n)/gu)) {
    const word = m[0].toLowerCase();
    words.add(word);
  }
  return words;
}

/** Hands out the pieces of a range with footnote markers cut out; ranges are asked for in order. */
class DeletionCursor {
  private index = 0;
  constructor(private readonly deletions: readonly Span[]) {}

  piecesOf(range: Span): Piece[] {
    const pieces: Piece[] = [];
    let at = range.start;
    while (this.index < this.deletions.length && (this.deletions[this.index]?.end ?? 0) <= range.start) this.index++;
    for (let j = this.index; j < this.deletions.length; j++) {
      const d = this.deletions[j];
      if (d === undefined || d.start >= range.end) break;
      if (d.start > at) pieces.push({ start: at, end: d.start });
      at = Math.max(at, d.end);
    }
    if (at < range.end) pieces.push({ start: at, end: range.end });
    return pieces;
  }
}

function blocksFromTables(original: string, lines: readonly Line[], tableLines: ReadonlySet<number>): Block[] {
  const blocks: Block[] = [];
  let first = -1;
  for (let i = 0; i <= lines.length; i++) {
    if (tableLines.has(i)) {
      if (first === -1) first = i;
      continue;
    }
    if (first === -1) continue;
    const start = lines[first]?.content.start ?? 0;
    const end = lines[i - 1]?.content.end ?? start;
    blocks.push({ kind: 'table', original: { start, end }, text: original.slice(start, end) });
    first = -1;
  }
  return blocks;
}
