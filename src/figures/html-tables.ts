/**
 * Tables from HTML `<table>` elements: header rows (thead, th rows, leading
 * rows without numbers), colspan and rowspan, units in captions or header
 * cells, a "Source:" line after the table. Layout tables without numbers are
 * reported as not tables.
 */
import { Parser } from 'htmlparser2';
import type { Span } from '../types.ts';
import { isMissingMark, isUnitLine, numberFromText, periodFromHeader, unitFromText } from './numbers.ts';
import type { NotATable, Table, TableCell, TableRow, TablesResult, Unit } from './types.ts';

interface CellDraft {
  text: string;
  readonly th: boolean;
  readonly colspan: number;
  readonly rowspan: number;
  readonly start: number;
  end: number;
}

interface RowDraft {
  readonly cells: CellDraft[];
  readonly head: boolean;
  readonly foot: boolean;
}

interface TableDraft {
  readonly start: number;
  caption: string | null;
  inCaption: boolean;
  part: 'thead' | 'tbody' | 'tfoot' | null;
  readonly rows: RowDraft[];
  row: RowDraft | null;
  cell: CellDraft | null;
}

const BREAKS = new Set(['br', 'p', 'div', 'li']);

/**
 * Rebuilds every `<table>` of an HTML document. Spans are offsets in `html`:
 * a cell's span covers its `<td>`/`<th>` element, and its text is the cell's
 * text content with entities decoded and whitespace collapsed.
 */
export function tablesFromHtml(html: string): TablesResult {
  const tables: Table[] = [];
  const rejected: NotATable[] = [];
  const stack: TableDraft[] = [];
  let awaiting: { draft: TableDraft; end: number; text: string } | null = null;
  const finished: { draft: TableDraft; end: number; source: string | null }[] = [];

  const closeAwaiting = (): void => {
    if (!awaiting) return;
    const line = awaiting.text.trim().split('\n')[0]?.trim() ?? '';
    finished.push({ draft: awaiting.draft, end: awaiting.end, source: /^(?:Sources?|Notes?)\s*:/i.test(line) ? line : null });
    awaiting = null;
  };

  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const top = stack[stack.length - 1];
        if (name === 'table') {
          closeAwaiting();
          stack.push({ start: parser.startIndex, caption: null, inCaption: false, part: null, rows: [], row: null, cell: null });
          return;
        }
        if (!top) return;
        if (name === 'caption') {
          top.inCaption = true;
          top.caption = '';
        } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') top.part = name;
        else if (name === 'tr') {
          top.row = { cells: [], head: top.part === 'thead', foot: top.part === 'tfoot' };
          top.rows.push(top.row);
        } else if (name === 'td' || name === 'th') {
          if (!top.row) {
            top.row = { cells: [], head: top.part === 'thead', foot: top.part === 'tfoot' };
            top.rows.push(top.row);
          }
          top.cell = {
            text: '',
            th: name === 'th',
            colspan: spanAttribute(attribs['colspan']),
            rowspan: spanAttribute(attribs['rowspan']),
            start: parser.startIndex,
            end: parser.endIndex + 1,
          };
          top.row.cells.push(top.cell);
        } else if (BREAKS.has(name)) appendText(top, ' ');
      },
      ontext(data) {
        const top = stack[stack.length - 1];
        if (top) appendText(top, data);
        else if (awaiting) {
          awaiting.text += data;
          if (awaiting.text.trim().length > 0 && /\n/.test(awaiting.text.trimStart())) closeAwaiting();
        }
      },
      onclosetag(name) {
        const top = stack[stack.length - 1];
        if (!top) {
          if (awaiting && awaiting.text.trim().length > 0 && BREAKS.has(name)) closeAwaiting();
          return;
        }
        if (name === 'caption') top.inCaption = false;
        else if (name === 'td' || name === 'th') {
          if (top.cell) top.cell.end = parser.endIndex + 1;
          top.cell = null;
        } else if (name === 'tr') top.row = null;
        else if (name === 'thead' || name === 'tbody' || name === 'tfoot') top.part = null;
        else if (name === 'table') {
          stack.pop();
          closeAwaiting();
          awaiting = { draft: top, end: parser.endIndex + 1, text: '' };
        } else if (BREAKS.has(name)) appendText(top, ' ');
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  closeAwaiting();
  for (const f of finished.sort((a, b) => a.draft.start - b.draft.start)) {
    const result = tableFromDraft(f.draft, { start: f.draft.start, end: f.end }, f.source);
    if ('reason' in result) rejected.push(result);
    else tables.push(result);
  }
  return { tables, rejected };
}

function spanAttribute(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 1000) : 1;
}

function appendText(top: TableDraft, data: string): void {
  if (top.cell) top.cell.text += data;
  else if (top.inCaption) top.caption = (top.caption ?? '') + data;
}

function tidy(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

interface GridCell {
  readonly cell: CellDraft;
  /** Whether this grid position is the cell's own first column (not a colspan copy). */
  readonly origin: boolean;
}

function gridFromRows(rows: readonly RowDraft[]): (GridCell | null)[][] {
  const grid: (GridCell | null)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (grid[r]?.[c]) c++;
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr++) {
        for (let dc = 0; dc < cell.colspan; dc++) {
          const target = grid[r + dr] as (GridCell | null)[];
          target[c + dc] = { cell, origin: dr === 0 && dc === 0 };
        }
      }
      c += cell.colspan;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.length));
  return grid.map((g) => Array.from({ length: width }, (_, i) => g[i] ?? null));
}

function isNumeric(text: string): boolean {
  return numberFromText(text) !== null;
}

function tableFromDraft(draft: TableDraft, span: Span, source: string | null): Table | NotATable {
  const reject = (reason: string): NotATable => ({ span, reason, page: null });
  const grid = gridFromRows(draft.rows);
  const width = grid[0]?.length ?? 0;
  const text = (g: GridCell | null | undefined): string => (g ? tidy(g.cell.text) : '');
  const numericIn = (row: readonly (GridCell | null)[], from: number): boolean =>
    row.some((g, c) => c >= from && g?.origin === true && isNumeric(text(g)) && !periodFromHeader(text(g)));
  if (!grid.some((row) => numericIn(row, 0))) return reject('a layout table: no cell holds a number');
  if (width < 2) return reject('a single column of cells');

  // Header rows: thead rows, rows of th cells, and leading rows with no numbers past the first column.
  const hasThead = draft.rows.some((r) => r.head);
  const fullWidth = (row: readonly (GridCell | null)[]): boolean => new Set(row.map((g) => g?.cell)).size === 1;
  let headCount = 0;
  let title: string | null = null;
  while (headCount < grid.length) {
    const row = grid[headCount] as (GridCell | null)[];
    const draftRow = draft.rows[headCount];
    const allTh = row.every((g) => g === null || g.cell.th);
    const bare = !numericIn(row, 1) && (headCount === 0 || !fullWidth(row));
    if (!(draftRow?.head || allTh || (!hasThead && bare))) break;
    // A first row spanning the whole table is its title.
    if (headCount === 0 && fullWidth(row) && !isUnitLine(text(row[0]))) title = text(row[0]) || null;
    headCount++;
  }
  const bodyRows = grid.slice(headCount).filter((_, i) => !draft.rows[headCount + i]?.foot || numericIn(grid[headCount + i] ?? [], 1));
  const footRows = draft.rows.filter((r) => r.foot).map((r) => tidy(r.cells.map((c) => c.text).join(' ')));
  const sourceLine = source ?? footRows.find((t) => /^(?:Sources?|Notes?)\s*:/i.test(t)) ?? null;
  const labelled = bodyRows.filter((row) => text(row[0]).length > 0 && !isNumeric(text(row[0]))).length;
  const yearRows = bodyRows.filter((row) => periodFromHeader(text(row[0])) !== null).length;
  const firstIsLabel = labelled + yearRows >= bodyRows.length / 2;
  const from = firstIsLabel ? 1 : 0;

  const caption = (draft.caption !== null ? tidy(draft.caption) || null : null) ?? title;
  let unit: Unit | null = caption ? unitFromText(caption) : null;
  const headerRows = grid.slice(0, headCount).filter((row, i) => {
    if (i === 0 && title !== null && caption === title) return false;
    const distinct = new Set(row.map((g) => g?.cell));
    const only = [...distinct][0];
    if (distinct.size === 1 && only && isUnitLine(tidy(only.text))) {
      unit = unit ?? unitFromText(tidy(only.text));
      return false;
    }
    return true;
  });
  const headerText = (c: number): string => {
    const parts: string[] = [];
    for (const row of headerRows) {
      const t = text(row[c]);
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(' ');
  };
  if (!unit) {
    for (let c = 0; c < width && !unit; c++) {
      const h = headerText(c);
      if (isUnitLine(h)) unit = unitFromText(h);
    }
  }
  const columns = Array.from({ length: width - from }, (_, i) => headerText(i + from) || null);
  const rows: TableRow[] = [];
  let section: string | null = null;
  for (const row of bodyRows) {
    const label = firstIsLabel ? text(row[0]) : '';
    const cells = row.slice(from).map((g): TableCell | null => {
      if (!g || !g.origin) return null;
      const t = text(g);
      if (t.length === 0) return null;
      const value = isMissingMark(t) ? null : numberFromText(t);
      return { text: t, value, span: { start: g.cell.start, end: g.cell.end } };
    });
    if (cells.every((c) => c === null || (c.value === null && !isMissingMark(c.text)))) {
      const t = tidy(row.filter((g) => g?.origin).map((g) => text(g)).join(' '));
      if (t) section = t;
      continue;
    }
    rows.push({ label, section, cells });
  }
  if (rows.length === 0) return reject('no row holds numbers');
  const stub = firstIsLabel ? headerText(0) || null : null;
  return { caption, unit, source: sourceLine, stub, columns, rows, span, layout: 'html', page: null, notes: [] };
}
