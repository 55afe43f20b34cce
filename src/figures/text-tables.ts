/**
 * Tables rebuilt from extracted text: one value per line (labels before or
 * after their values), a label line then a line of values, or column-aligned
 * rows; prose lines of a neighbouring column interleaved with the cells are
 * set aside. Regions that only look like tables (chart labels, lists of
 * numbers) are reported with the reason.
 */
import type { Block, Span } from '../types.ts';
import { isFigureCaption, linesFromText, type Line, type Piece } from './lines.ts';
import { isMissingMark, isYear, numberFromText, periodFromHeader, unitFromText } from './numbers.ts';
import type { NotATable, Table, TableCell, TableLayout, TableRow, TablesResult, Unit } from './types.ts';

interface Tok {
  readonly kind: 'text' | 'period' | 'value';
  readonly text: string;
  readonly span: Span;
  readonly line: number;
  readonly col: number;
  /** Values on this token's line (for aligned rows), and whether the line had its own label. */
  readonly lineValues: number;
  readonly lineLabelled: boolean;
}

interface Region {
  readonly lines: readonly Line[];
  readonly truncated: boolean;
}

/** Options for {@link tablesFromText}. */
export interface TextTableOptions {
  /** Regions ingest recognised as tables (spans in the same text): each is read as one region. */
  readonly blocks?: readonly Block[];
}

/**
 * Rebuilds the tables in PDF-extracted (or any plain) text. Spans in the result
 * are offsets in `text`; every cell's text is a slice of `text`.
 */
export function tablesFromText(text: string, options: TextTableOptions = {}): TablesResult {
  const lines = linesFromText(text);
  const blocks = (options.blocks ?? []).filter((b) => b.kind === 'table');
  const tables: Table[] = [];
  const rejected: NotATable[] = [];
  for (const region of regionsFromLines(lines, blocks)) {
    const result = tableFromRegion(region);
    if (result === null) continue;
    if ('reason' in result) rejected.push(result);
    else tables.push(result);
  }
  return { tables, rejected };
}

/** Lines that can belong to a table: everything but blank lines and prose. */
function isTableLine(line: Line): boolean {
  return line.kind !== 'blank' && line.kind !== 'prose';
}

function regionsFromLines(lines: readonly Line[], blocks: readonly Block[]): Region[] {
  const regions: Region[] = [];
  const inBlock = (l: Line): Block | undefined => blocks.find((b) => l.span.start >= b.original.start && l.span.end <= b.original.end);
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line) break;
    const block = inBlock(line);
    if (block) {
      const taken: Line[] = [];
      while (i < lines.length && inBlock(lines[i] as Line) === block) taken.push(lines[i++] as Line);
      regions.push({ lines: taken, truncated: taken.some((l) => l.kind === 'truncated') });
      continue;
    }
    if (!isTableLine(line)) {
      i++;
      continue;
    }
    const taken: Line[] = [line];
    let truncated = line.kind === 'truncated';
    let j = i + 1;
    if (!truncated && line.kind !== 'source') {
      for (; j < lines.length; j++) {
        const next = lines[j] as Line;
        if (inBlock(next)) break;
        if (next.kind === 'caption') break;
        if (next.kind === 'prose') {
          // One prose line between cells is the other column of a two-column page; two end the table.
          const after = nextNonBlank(lines, j + 1);
          if (!after || !isTableLine(after) || after.kind === 'caption') break;
        }
        taken.push(next);
        if (next.kind === 'source') {
          j++;
          break;
        }
        if (next.kind === 'truncated') {
          truncated = true;
          j++;
          break;
        }
      }
    } else j = i + 1;
    regions.push({ lines: trimRegion(taken), truncated });
    i = j;
  }
  return regions;
}

function nextNonBlank(lines: readonly Line[], from: number): Line | undefined {
  for (let k = from; k < lines.length; k++) {
    const l = lines[k];
    if (l && l.kind !== 'blank') return l;
  }
  return undefined;
}

function trimRegion(lines: readonly Line[]): Line[] {
  const out = [...lines];
  while (out.length > 0 && (out[out.length - 1]?.kind === 'blank' || out[out.length - 1]?.kind === 'prose')) out.pop();
  return out;
}

function tokFromPiece(kind: Tok['kind'], p: Piece, line: Line): Tok {
  return { kind, text: p.text, span: p.span, line: line.index, col: p.col, lineValues: line.values.length, lineLabelled: line.labels.length > 0 };
}

function tokensFromLines(lines: readonly Line[]): Tok[] {
  const toks: Tok[] = [];
  for (const line of lines) {
    if (line.kind === 'periods') {
      for (const p of line.labels) toks.push(tokFromPiece('text', p, line));
      for (const p of line.values) toks.push(tokFromPiece('period', p, line));
    } else if (line.kind === 'values') {
      for (const p of line.labels) toks.push(tokFromPiece('text', p, line));
      for (const p of line.values) toks.push(tokFromPiece('value', p, line));
    } else if (line.kind === 'label') {
      for (const p of line.labels) toks.push(tokFromPiece('text', p, line));
    }
  }
  return toks;
}

function spanOf(lines: readonly Line[]): Span {
  const first = lines.find((l) => l.kind !== 'blank') ?? lines[0];
  const last = lines[lines.length - 1];
  return { start: first?.span.start ?? 0, end: last?.span.end ?? 0 };
}

interface RowDraft {
  readonly label: Tok | null;
  readonly section: string | null;
  readonly values: readonly Tok[];
}

type Outcome = Table | NotATable | null;

function tableFromRegion(region: Region): Outcome {
  const lines = region.lines;
  if (lines.length === 0) return null;
  const span = spanOf(lines);
  const captionLine = lines[0]?.kind === 'caption' ? lines[0] : null;
  const caption = captionLine ? captionLine.text.trim() : null;
  const sourceLine = lines.find((l) => l.kind === 'source');
  const unitLines = lines.filter((l) => l.kind === 'unit');
  const unit: Unit | null = (unitLines[0] ? unitFromText(unitLines[0].text) : null) ?? (caption ? unitFromText(caption) : null);
  const prose = lines.filter((l) => l.kind === 'prose').length;
  const body = lines.filter((l) => l.kind === 'periods' || l.kind === 'values' || l.kind === 'label');
  const toks = tokensFromLines(body);
  const valueCount = toks.filter((t) => t.kind === 'value').length;
  const periodCount = toks.filter((t) => t.kind === 'period').length;
  if (valueCount < (caption ? 1 : periodCount >= 2 ? 2 : 4)) return null;
  const reject = (reason: string): NotATable => ({ span, reason, page: null });
  if (caption && isFigureCaption(caption)) return reject(`a chart, not a table (captioned "${caption}")`);
  if (!toks.some((t) => t.kind === 'text' || t.kind === 'period')) {
    return reject(`a list of ${valueCount} numbers with no header or row labels`);
  }

  const notes: string[] = [];
  if (prose > 0) notes.push(`${prose} interleaved prose line${prose === 1 ? '' : 's'} set aside (two-column page)`);
  const { header, drafts, orphans, trailing } = rowsFromTokens(dropLeadingLoneNumbers(toks, notes));
  if (trailing.length > 0) notes.push(`lone number${trailing.length === 1 ? '' : 's'} ${trailing.map((t) => t.text).join(', ')} after the table set aside (page or footnote number)`);

  const ticks = axisTicks(toks);
  const dates = timeAxis(toks);
  const failed = (reason: string): NotATable => {
    if (ticks.length > 0) return reject(`chart labels: ${ticks.map((t) => t.text).join(', ')} are evenly spaced axis ticks amid callouts, not cells`);
    if (dates.length > 0) return reject(`chart labels: ${dates.map((t) => t.text).join(', ')} are the dates of a time axis, scattered among other labels, not a header`);
    return reject(reason);
  };
  if (drafts.length === 0) return failed(`${valueCount} numbers but no row has a label`);
  if (orphans.length > 0) {
    return failed(`${orphans.length} value${orphans.length === 1 ? '' : 's'} (${orphans.slice(0, 5).map((t) => t.text).join(', ')}) belong to no row`);
  }

  const groups = headerGroups(header);
  trimTrailingLoneNumber(drafts, groups.length, notes);
  const counts = drafts.map((d) => d.values.length);
  const k = chooseWidth(groups, counts, drafts, region.truncated);
  if (typeof k === 'string') return failed(k);

  let kept = [...drafts];
  const last = kept[kept.length - 1];
  if (last && last.values.length < k && (region.truncated || kept.length > 1) && !alignedRow(last, kept, k)) {
    kept = kept.slice(0, -1);
    notes.push(`last row "${last.label?.text ?? ''}" has ${last.values.length} of ${k} values (${region.truncated ? 'text truncated' : 'incomplete'}); dropped`);
  }
  const rows: TableRow[] = [];
  const misfits: string[] = [];
  for (const d of kept) {
    const cells = cellsOfRow(d, kept, k);
    if (!cells) misfits.push(`"${d.label?.text ?? ''}" has ${d.values.length}`);
    else rows.push({ label: d.label?.text.trim() ?? '', section: d.section, cells });
  }
  if (misfits.length > 0) return failed(`rows do not line up: ${misfits.slice(0, 3).join('; ')} values where ${k} are expected`);
  if (rows.length === 0) return failed('no complete row');
  const named = groups.length > 0;
  if (!named && (rows.length < 2 || k < 2)) {
    return failed(`${rows.length} labelled row${rows.length === 1 ? '' : 's'} of ${k} value${k === 1 ? '' : 's'} with no header: a list, not a table`);
  }
  const stubbed = named && groups.length === k + 1;
  const columns = named ? groups.slice(stubbed ? 1 : groups.length - k).map((g) => g) : Array.from({ length: k }, () => null);
  if (region.truncated) notes.push(`text ends inside the table (after "${rows[rows.length - 1]?.label ?? ''}"): later rows missing`);
  return {
    caption,
    unit,
    source: sourceLine ? sourceLine.text.trim() : null,
    stub: stubbed ? (groups[0] ?? null) : null,
    columns,
    rows,
    span,
    layout: layoutOf(kept),
    page: null,
    notes,
  };
}

/**
 * A page number right after the last row ("… 29.38", "7") lands on that row
 * as one value too many: set it aside when every other row agrees on the width.
 */
function trimTrailingLoneNumber(drafts: RowDraft[], headerWidth: number, notes: string[]): void {
  const last = drafts[drafts.length - 1];
  const extra = last?.values[last.values.length - 1];
  if (!last || !extra || !/^\d{1,3}$/.test(extra.text) || extra.lineValues !== 1 || extra.lineLabelled) return;
  const others = drafts.slice(0, -1).map((d) => d.values.length);
  const width = others[0] ?? (headerWidth > 0 ? headerWidth : -1);
  if (last.values.length !== width + 1 || !others.every((n) => n === width)) return;
  if (headerWidth > 0 && headerWidth !== width && headerWidth !== width + 1) return;
  drafts[drafts.length - 1] = { ...last, values: last.values.slice(0, -1) };
  notes.push(`lone number ${extra.text} after the table set aside (page or footnote number)`);
}

/**
 * A page or footnote number just before a table ("15" above the caption-less
 * header) is not a cell: set aside up to two small integers that start the region.
 */
function dropLeadingLoneNumbers(toks: readonly Tok[], notes: string[]): Tok[] {
  let i = 0;
  while (i < toks.length && i < 2 && toks[i]?.kind === 'value' && /^\d{1,3}$/.test(toks[i]?.text ?? '') && toks[i]?.lineValues === 1) i++;
  const next = toks[i];
  if (i === 0 || !next || next.kind === 'value') return [...toks];
  notes.push(`lone number${i === 1 ? '' : 's'} ${toks.slice(0, i).map((t) => t.text).join(', ')} before the table set aside (page or footnote number)`);
  return toks.slice(i);
}

function rowsFromTokens(toks: readonly Tok[]): { header: Tok[]; drafts: RowDraft[]; orphans: Tok[]; trailing: Tok[] } {
  const first = toks.findIndex((t) => t.kind === 'value');
  if (first < 0) return { header: [...toks], drafts: [], orphans: [], trailing: [] };
  const labelFirst = first > 0 && toks[first - 1]?.kind === 'text';
  let headerEnd: number;
  if (labelFirst) {
    let lastPeriod = -1;
    for (let i = 0; i < first - 1; i++) if (toks[i]?.kind === 'period') lastPeriod = i;
    if (lastPeriod >= 0) headerEnd = lastPeriod + 1;
    else {
      // No periods: the header is the last line of several labels before the first row (an aligned header).
      const labelLine = toks[first - 1]?.line;
      const before = toks.slice(0, first - 1).filter((t) => t.line !== labelLine);
      const lastLine = before[before.length - 1]?.line;
      const lineToks = before.filter((t) => t.line === lastLine);
      headerEnd = lineToks.length >= 2 ? toks.indexOf(lineToks[lineToks.length - 1] as Tok) + 1 : 0;
    }
  } else headerEnd = first;
  const header = toks.slice(0, headerEnd);
  // Years inside the body are values, not headers.
  const body = toks.slice(headerEnd).map((t): Tok => (t.kind === 'period' && isYear(t.text) ? { ...t, kind: 'value' } : t));
  const runs: { texts: Tok[]; values: Tok[] }[] = [];
  for (const t of body) {
    const lastRun = runs[runs.length - 1];
    if (t.kind === 'value') {
      if (lastRun) lastRun.values.push(t);
      else runs.push({ texts: [], values: [t] });
    } else if (!lastRun || lastRun.values.length > 0) runs.push({ texts: [t], values: [] });
    else lastRun.texts.push(t);
  }
  const drafts: RowDraft[] = [];
  const orphans: Tok[] = [];
  const trailing: Tok[] = [];
  let section: string | null = null;
  if (labelFirst) {
    for (const run of runs) {
      if (run.texts.length === 0) {
        orphans.push(...run.values);
        continue;
      }
      const label = run.texts[run.texts.length - 1] as Tok;
      const sections = run.texts.slice(0, -1);
      if (sections.length > 0) section = (sections[sections.length - 1] as Tok).text.trim();
      if (run.values.length > 0) drafts.push({ label, section, values: run.values });
    }
  } else {
    let pending: Tok[] = [];
    for (const run of runs) {
      if (run.texts.length > 0) {
        const [label, ...rest] = run.texts;
        if (pending.length > 0 && label) drafts.push({ label, section, values: pending });
        else if (pending.length > 0) orphans.push(...pending);
        const sections = pending.length > 0 ? rest : run.texts;
        if (sections.length > 0) section = (sections[sections.length - 1] as Tok).text.trim();
        pending = [];
      }
      pending.push(...run.values);
    }
    // One or two small numbers after the last label: page or footnote numbers, not a row.
    if (pending.length > 0 && pending.length <= 2 && drafts.length > 0 && pending.every((t) => /^\d{1,3}$/.test(t.text) && t.lineValues === 1 && !t.lineLabelled)) {
      trailing.push(...pending);
    } else orphans.push(...pending);
  }
  return { header, drafts, orphans, trailing };
}

/** Header cells with wrapped labels joined ("Absolute change," + "2017–18"). */
function headerGroups(header: readonly Tok[]): string[] {
  const groups: { text: string; line: number; open: boolean }[] = [];
  for (const t of header) {
    const prev = groups[groups.length - 1];
    const text = t.text.trim();
    const continues = prev && prev.line !== t.line && (prev.open || (/^[a-z(]/.test(text) && t.kind === 'text'));
    if (prev && continues) {
      prev.text = `${prev.text} ${text}`;
      prev.line = t.line;
      prev.open = /[,\-–]$/.test(text);
    } else groups.push({ text, line: t.line, open: t.kind === 'text' && /[,\-–]$/.test(text) });
  }
  return groups.map((g) => g.text);
}

function chooseWidth(groups: readonly string[], counts: readonly number[], drafts: readonly RowDraft[], truncated: boolean): number | string {
  const full = truncated ? counts.slice(0, -1) : counts;
  const mode = modeOf(full.length > 0 ? full : counts);
  if (groups.length === 0) return mode;
  const stubbable = groups.length > 1 && periodFromHeader(groups[0] ?? '') === null;
  if (mode === groups.length) return mode;
  if (mode === groups.length - 1 && stubbable) return mode;
  // A header with more groups than values: leading text (a heading above the table) may sit before the stub.
  const periods = groups.filter((g) => periodFromHeader(g) !== null).length;
  if (periods === mode) return mode;
  const widest = Math.max(...counts);
  if (drafts.some((d) => d.values.length === groups.length)) return groups.length;
  return `the header names ${groups.length} column${groups.length === 1 ? '' : 's'} (${groups.slice(0, 4).join(', ')}${groups.length > 4 ? ', …' : ''}) but rows have ${mode === widest ? mode : `${mode}–${widest}`} values`;
}

function modeOf(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [v, c] of counts) if (c > bestCount || (c === bestCount && v > best)) [best, bestCount] = [v, c];
  return best;
}

function cellOf(t: Tok): TableCell {
  return { text: t.text, value: isMissingMark(t.text) ? null : numberFromText(t.text), span: t.span };
}

/** Right edges of each column, from rows that have all `k` values on one line. */
function columnEdges(drafts: readonly RowDraft[], k: number): number[] | null {
  const full = drafts.filter((d) => d.values.length === k && singleLine(d));
  if (full.length === 0) return null;
  const edges: number[] = [];
  for (let c = 0; c < k; c++) {
    const ends = full.map((d) => (d.values[c] as Tok).col + (d.values[c] as Tok).text.length).sort((a, b) => a - b);
    edges.push(ends[Math.floor(ends.length / 2)] as number);
  }
  return edges;
}

function singleLine(d: RowDraft): boolean {
  const first = d.values[0];
  return first !== undefined && d.values.every((v) => v.line === first.line);
}

/** Places the values of a short aligned row under the columns whose right edges they share. */
function alignedRow(d: RowDraft, drafts: readonly RowDraft[], k: number): (TableCell | null)[] | null {
  if (d.values.length >= k || !singleLine(d)) return null;
  const edges = columnEdges(drafts, k);
  if (!edges) return null;
  const gaps = edges.slice(1).map((e, i) => e - (edges[i] as number));
  const tolerance = Math.max(1, Math.min(...gaps) / 2);
  const cells: (TableCell | null)[] = Array.from({ length: k }, () => null);
  for (const v of d.values) {
    const end = v.col + v.text.length;
    let best = -1;
    let bestDistance = Infinity;
    edges.forEach((e, c) => {
      const distance = Math.abs(e - end);
      if (distance < bestDistance) [best, bestDistance] = [c, distance];
    });
    if (best < 0 || bestDistance >= tolerance || cells[best] !== null) return null;
    cells[best] = cellOf(v);
  }
  return cells;
}

function cellsOfRow(d: RowDraft, drafts: readonly RowDraft[], k: number): (TableCell | null)[] | null {
  if (d.values.length === k) return d.values.map(cellOf);
  return alignedRow(d, drafts, k);
}

function layoutOf(drafts: readonly RowDraft[]): TableLayout {
  if (drafts.every((d) => singleLine(d) && d.label && d.label.line === d.values[0]?.line)) return 'aligned';
  if (drafts.every((d) => singleLine(d))) return 'label-then-values';
  return 'one-per-line';
}

/** Lone plain numbers (one on a line, no label) that step evenly: the axis of a chart flattened into text. */
function axisTicks(toks: readonly Tok[]): Tok[] {
  const lone = toks.filter((t) => t.kind === 'value' && t.lineValues === 1 && !t.lineLabelled && /^\d+$/.test(t.text));
  const values = lone.map((t) => Number(t.text));
  return evenlySpaced(values) ? lone : [];
}

/** Three or more evenly spaced dates ("Apr 2021", "Apr 2022", "Apr 2023") with other labels between some of them: a chart's time axis. */
function timeAxis(toks: readonly Tok[]): Tok[] {
  const dated = toks.flatMap((t, i) => {
    const period = t.kind === 'period' ? periodFromHeader(t.text) : null;
    const m = period ? /^(\d{4})(?:-(\d{2}))?$/.exec(period) : null;
    return m ? [{ t, i, month: Number(m[1]) * 12 + Number(m[2] ?? 1) }] : [];
  });
  if (dated.length < 3) return [];
  const scattered = dated.some((d, k) => k > 0 && d.i - (dated[k - 1] as { i: number }).i > 1);
  return scattered && evenlySpaced(dated.map((d) => d.month), 3) ? dated.map((d) => d.t) : [];
}

/** `least` (four) or more distinct values with one step between them: the ticks of a chart axis. */
function evenlySpaced(values: readonly number[], least = 4): boolean {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length < least) return false;
  for (let size = distinct.length; size >= least; size--) {
    for (let s = 0; s + size <= distinct.length; s++) {
      const run = distinct.slice(s, s + size);
      const step = (run[1] as number) - (run[0] as number);
      if (step > 0 && run.every((v, i) => i === 0 || Math.abs(v - (run[i - 1] as number) - step) < 1e-9)) return true;
    }
  }
  return false;
}
