/**
 * Lines of extracted text, each classified by what it could be in a table:
 * caption, unit, source, header periods, values (with or without a label),
 * a short label, or prose.
 */
import type { Span } from '../types.ts';
import { isMissingMark, isUnitLine, numberFromText, periodFromHeader } from './numbers.ts';

export type LineKind = 'blank' | 'caption' | 'unit' | 'source' | 'truncated' | 'periods' | 'values' | 'label' | 'prose';

/** A piece of a line: a word run between wide gaps, or one number. */
export interface Piece {
  readonly text: string;
  readonly span: Span;
  /** Column of its first character within the line. */
  readonly col: number;
}

export interface Line {
  readonly index: number;
  readonly text: string;
  readonly span: Span;
  readonly kind: LineKind;
  /** Text before the values (values lines), or the pieces of a label line split at wide gaps. */
  readonly labels: readonly Piece[];
  /** Numbers and missing-value marks (values lines) or periods (periods lines). */
  readonly values: readonly Piece[];
}

const CAPTION = /^\s*(?:Table|Exhibit|Figure|Chart|Graph)\s+(?:[A-Z]{1,3}[-.]?)?\d+(?:\.\d+)?[A-Za-z]?\b/i;
const FIGURE_CAPTION = /^\s*(?:Figure|Chart|Graph)\b/i;
const SOURCE = /^\s*(?:Sources?|Notes?|Data source)\s*:/i;
const TRUNCATED = /\[excerpt truncated\]/i;
const SCALE_WORD = /^(?:thousands?|millions?|billions?|trillions?|bn|mn)$/i;

/** Splits text into classified lines with their spans. */
export function linesFromText(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= to) {
    let end = text.indexOf('\n', start);
    if (end === -1 || end > to) end = to;
    const raw = text.slice(start, end).replace(/\r$/, '');
    lines.push(lineFromText(raw, start, lines.length));
    if (end >= to) break;
    start = end + 1;
  }
  return lines.map((line, i) => (line.kind === 'unit' && wrapsOn(lines, i) ? asLabel(line) : line));
}

/** "Percent" above "change," is the first line of a wrapped header, not a unit line. */
function wrapsOn(lines: readonly Line[], i: number): boolean {
  for (let k = i + 1; k < lines.length; k++) {
    const next = lines[k];
    if (!next) return false;
    if (next.kind !== 'blank') return /^\s*[a-z]/.test(next.text);
  }
  return false;
}

function asLabel(line: Line): Line {
  const lead = line.text.length - line.text.trimStart().length;
  const text = line.text.trim();
  return { ...line, kind: 'label', labels: [{ text, span: { start: line.span.start + lead, end: line.span.start + lead + text.length }, col: lead }] };
}

/** Whether a caption names a chart rather than a table. */
export function isFigureCaption(text: string): boolean {
  return FIGURE_CAPTION.test(text);
}

function lineFromText(raw: string, start: number, index: number): Line {
  const span = { start, end: start + raw.length };
  const trimmed = raw.trim();
  const base = { index, text: raw, span };
  if (trimmed.length === 0) return { ...base, kind: 'blank', labels: [], values: [] };
  if (TRUNCATED.test(trimmed)) return { ...base, kind: 'truncated', labels: [], values: [] };
  if (CAPTION.test(trimmed)) return { ...base, kind: 'caption', labels: [], values: [] };
  if (SOURCE.test(trimmed)) return { ...base, kind: 'source', labels: [], values: [] };
  if (isUnitLine(trimmed)) return { ...base, kind: 'unit', labels: [], values: [] };
  const lead = raw.length - raw.trimStart().length;
  const whole: Piece = { text: trimmed, span: { start: start + lead, end: start + lead + trimmed.length }, col: lead };
  if (periodFromHeader(trimmed)) return { ...base, kind: 'periods', labels: [], values: [whole] };
  const words = wordsOf(raw, start);
  if (words.length > 1 && words.every((w) => periodFromHeader(w.text))) {
    return { ...base, kind: 'periods', labels: [], values: words };
  }
  const split = valuesAtEnd(words);
  if (split.values.length > 0) {
    const labelWords = split.labels;
    let labels = labelWords.length > 0 ? [joinPieces(raw, start, labelWords)] : [];
    let values = split.values;
    // A row of a year-by-row table: "2010   6.0   25.7" has its year as the label.
    const first = values[0];
    if (labels.length === 0 && first && values.length > 1 && /^(?:19|20)\d{2}$/.test(first.text)) {
      labels = [first];
      values = values.slice(1);
    }
    const label = labels[0];
    // "Item   2010   2011": a header with its stub, not a row of values.
    if (values.length > 1 && values.every((v) => periodFromHeader(v.text)) && (!label || !isProse(label.text))) {
      return { ...base, kind: 'periods', labels, values };
    }
    if (!label || !isProse(label.text)) return { ...base, kind: 'values', labels, values };
  }
  if (isProse(trimmed)) return { ...base, kind: 'prose', labels: [], values: [] };
  return { ...base, kind: 'label', labels: piecesAtGaps(raw, start), values: [] };
}

/** Prose rather than a label: long, or a sentence. */
export function isProse(text: string): boolean {
  const words = text.trim().split(/\s+/).filter((w) => w.length > 0);
  if (words.length >= 8 || text.trim().length > 60) return true;
  return words.length >= 4 && /[.!?]["”’)]?$/.test(text.trim());
}

function wordsOf(raw: string, start: number): Piece[] {
  const words: Piece[] = [];
  for (const m of raw.matchAll(/\S+/g)) {
    const col = m.index;
    words.push({ text: m[0], span: { start: start + col, end: start + col + m[0].length }, col });
  }
  return mergeScaleWords(words, raw, start);
}

/** "$74.6 Billion" is one value: keep a scale word with the number before it. */
function mergeScaleWords(words: Piece[], raw: string, start: number): Piece[] {
  const out: Piece[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (prev && SCALE_WORD.test(w.text) && numberFromText(prev.text) !== null && w.col - (prev.col + prev.text.length) === 1) {
      out[out.length - 1] = { text: raw.slice(prev.col, w.col + w.text.length), span: { start: prev.span.start, end: start + w.col + w.text.length }, col: prev.col };
    } else out.push(w);
  }
  return out;
}

function isValueWord(text: string): boolean {
  return numberFromText(text) !== null || isMissingMark(text);
}

/** The run of numbers (and missing marks) that ends a line, and the words before it. */
function valuesAtEnd(words: readonly Piece[]): { labels: Piece[]; values: Piece[] } {
  let i = words.length;
  while (i > 0 && isValueWord(words[i - 1]?.text ?? '')) i--;
  // A run of only missing marks ("–") is punctuation, not values.
  while (i < words.length && isMissingMark(words[i]?.text ?? '')) i++;
  const values = words.slice(i);
  if (!values.some((w) => numberFromText(w.text) !== null)) return { labels: [...words], values: [] };
  return { labels: words.slice(0, i), values };
}

function joinPieces(raw: string, start: number, words: readonly Piece[]): Piece {
  const first = words[0];
  const last = words[words.length - 1];
  if (!first || !last) throw new Error('joinPieces needs words');
  const text = raw.slice(first.col, last.col + last.text.length);
  return { text, span: { start: start + first.col, end: start + last.col + last.text.length }, col: first.col };
}

/** Pieces of a line separated by two or more spaces or a tab (an aligned header). */
function piecesAtGaps(raw: string, start: number): Piece[] {
  const pieces: Piece[] = [];
  for (const m of raw.matchAll(/\S+(?: \S+)*/g)) {
    const col = m.index;
    pieces.push({ text: m[0], span: { start: start + col, end: start + col + m[0].length }, col });
  }
  return pieces;
}
