/**
 * Tables from PDF text positions: items are clustered by baseline into lines
 * and laid out on a character grid that keeps their x positions, so columns
 * stay aligned; the text-table reader then rebuilds rows and columns (right
 * edges of numbers find the column of a row with missing cells).
 */
import { numberFromText } from './numbers.ts';
import { tablesFromText } from './text-tables.ts';
import type { NotATable, Table, TablesResult } from './types.ts';

/** One pdf.js text item: its string and the start of its baseline, in PDF points (origin bottom left). */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Font size. */
  readonly height: number;
  /** 1-based page number. */
  readonly page: number;
}

/** The text of one page laid out as a character grid. */
export interface PdfPageText {
  readonly page: number;
  readonly text: string;
  /** Offset of this page's text in the text of all pages. */
  readonly offset: number;
}

function median(values: readonly number[], fallback: number): number {
  const sorted = values.filter((v) => Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  return sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] as number) : fallback;
}

/** Lines of a page: items whose baselines are within half a font size of each other. */
function linesOfPage(items: readonly PdfTextItem[]): PdfTextItem[][] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: { y: number; size: number; items: PdfTextItem[] }[] = [];
  for (const item of sorted) {
    const size = item.height > 0 ? item.height : 10;
    const line = lines.find((l) => Math.abs(l.y - item.y) <= Math.max(l.size, size) * 0.5);
    if (line) line.items.push(item);
    else lines.push({ y: item.y, size, items: [item] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => l.items.sort((a, b) => a.x - b.x));
}

function lineText(items: readonly PdfTextItem[], charWidth: number, left: number): string {
  let out = '';
  let prevEnd: number | null = null;
  for (const item of items) {
    const str = item.str.replace(/\s+/g, ' ').trim();
    if (str.length === 0) continue;
    // Numbers are right-aligned in tables: place them by their right edge.
    const desired = numberFromText(str) !== null
      ? Math.round((item.x + item.width - left) / charWidth) - str.length
      : Math.round((item.x - left) / charWidth);
    if (prevEnd === null) out += ' '.repeat(Math.max(0, desired));
    else {
      const gap = item.x - prevEnd;
      if (gap < charWidth * 0.25) out += '';
      else if (gap < charWidth * 2) out += ' ';
      else out += ' '.repeat(Math.max(2, desired - out.length));
    }
    out += str;
    prevEnd = item.x + item.width;
  }
  return out;
}

function wordCount(items: readonly PdfTextItem[]): number {
  return items.reduce((n, i) => n + i.str.trim().split(/\s+/).filter((w) => w.length > 0).length, 0);
}

/**
 * The x of the gutter of a two-column page: a vertical line no item crosses,
 * with prose (six words or more) on its left on at least five lines and a line
 * of words on its right. Column gaps inside a table have no prose beside them.
 */
function gutterOf(items: readonly PdfTextItem[]): number | null {
  if (items.length === 0) return null;
  const left = Math.min(...items.map((i) => i.x));
  const right = Math.max(...items.map((i) => i.x + i.width));
  const lines = linesOfPage(items);
  let best: { x: number; score: number } | null = null;
  for (const candidate of new Set(items.map((i) => i.x))) {
    if (candidate < left + (right - left) * 0.3 || candidate > left + (right - left) * 0.7) continue;
    if (items.some((i) => i.x < candidate - 1 && i.x + i.width > candidate - 1)) continue;
    let score = 0;
    let rightLines = 0;
    let rightWords = 0;
    for (const line of lines) {
      const before = line.filter((i) => i.x < candidate);
      const after = line.filter((i) => i.x >= candidate);
      if (wordCount(before) >= 6) score++;
      if (after.length > 0) rightLines++;
      rightWords = Math.max(rightWords, wordCount(after));
    }
    // Words on the right too (a caption, the other column's prose): not just the value columns of a wide table.
    if (score >= 5 && rightLines >= 3 && rightWords >= 4 && (!best || score > best.score)) best = { x: candidate, score };
  }
  return best ? best.x - 1 : null;
}

function columnText(items: readonly PdfTextItem[], size: number): string {
  if (items.length === 0) return '';
  const charWidth = median(items.map((i) => i.width / Math.max(1, i.str.length)), 5);
  const left = Math.min(...items.map((i) => i.x));
  const texts: string[] = [];
  let prevY: number | null = null;
  for (const line of linesOfPage(items)) {
    const y = line[0]?.y ?? 0;
    // A wide vertical gap is a paragraph or table break.
    if (prevY !== null && prevY - y > size * 2.2) texts.push('');
    texts.push(lineText(line, charWidth, left));
    prevY = y;
  }
  return texts.join('\n');
}

/**
 * Each page's items as text on a character grid; a two-column page is read
 * column by column (left, then right) instead of line by line across both.
 * Pages are joined by a blank line.
 */
export function pageTextsFromPdfItems(items: readonly PdfTextItem[]): PdfPageText[] {
  const pages = [...new Set(items.map((i) => i.page))].sort((a, b) => a - b);
  const out: PdfPageText[] = [];
  let offset = 0;
  for (const page of pages) {
    const onPage = items.filter((i) => i.page === page && i.str.trim().length > 0);
    const size = median(onPage.map((i) => i.height), 10);
    const gutter = gutterOf(onPage);
    const text = gutter === null
      ? columnText(onPage, size)
      : `${columnText(onPage.filter((i) => i.x < gutter), size)}\n\n${columnText(onPage.filter((i) => i.x >= gutter), size)}`;
    out.push({ page, text, offset });
    offset += text.length + 2;
  }
  return out;
}

/**
 * Rebuilds the tables on PDF pages from their text items. Spans are offsets in
 * the text of all pages as {@link pageTextsFromPdfItems} lays it out (pages
 * joined by "\n\n"); each table and rejection names its page.
 */
export function tablesFromPdfItems(items: readonly PdfTextItem[]): TablesResult {
  const tables: Table[] = [];
  const rejected: NotATable[] = [];
  for (const page of pageTextsFromPdfItems(items)) {
    const shift = <T extends { start: number; end: number }>(s: T): T => ({ ...s, start: s.start + page.offset, end: s.end + page.offset });
    const result = tablesFromText(page.text);
    for (const t of result.tables) {
      tables.push({
        ...t,
        layout: 'pdf',
        page: page.page,
        span: shift(t.span),
        rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c ? { ...c, span: shift(c.span) } : null)) })),
      });
    }
    for (const r of result.rejected) rejected.push({ ...r, page: page.page, span: shift(r.span) });
  }
  return { tables, rejected };
}

/** The text of all pages, as the spans of {@link tablesFromPdfItems} count it. */
export function textFromPdfItems(items: readonly PdfTextItem[]): string {
  return pageTextsFromPdfItems(items).map((p) => p.text).join('\n\n');
}
