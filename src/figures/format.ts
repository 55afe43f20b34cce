/** Tables and facts as text: CSV (one row per cell), Markdown, JSON lines, an aligned listing. */
import type { Fact, NotATable, Table, TablesResult, Unit } from './types.ts';

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function unitText(unit: Unit | null): string | null {
  return unit ? unit.text : null;
}

/** Every cell of every table, one CSV row each: `table,caption,unit,source,section,row,column,value,written`. */
export function csvFromTables(result: TablesResult): string {
  const lines = ['table,caption,unit,source,section,row,column,value,written'];
  result.tables.forEach((t, i) => {
    for (const row of t.rows) {
      row.cells.forEach((cell, c) => {
        if (!cell) return;
        lines.push([i + 1, t.caption, unitText(t.unit), t.source, row.section, row.label, t.columns[c] ?? null, cell.value, cell.text].map(csvCell).join(','));
      });
    }
  });
  return `${lines.join('\n')}\n`;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function where(r: { readonly span: { readonly start: number; readonly end: number }; readonly page: number | null }): string {
  return `${r.page !== null ? `page ${r.page}, ` : ''}characters ${r.span.start}–${r.span.end}`;
}

function markdownOfTable(t: Table, n: number): string {
  const out: string[] = [`### ${t.caption ? mdCell(t.caption) : `Table ${n} (no caption)`}`, ''];
  const facts = [
    t.unit ? `unit: ${t.unit.text}` : null,
    `layout: ${t.layout}`,
    where(t),
  ].filter((x) => x !== null);
  out.push(`_${facts.join(' · ')}_`, '');
  const sections = t.rows.some((r) => r.section !== null);
  const header = [...(sections ? ['section'] : []), t.stub ?? '', ...t.columns.map((c) => c ?? '')];
  out.push(`| ${header.map(mdCell).join(' | ')} |`);
  out.push(`|${header.map((_, i) => (i < (sections ? 2 : 1) ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of t.rows) {
    const cells = [...(sections ? [row.section ?? ''] : []), row.label, ...row.cells.map((c) => c?.text ?? '')];
    out.push(`| ${cells.map(mdCell).join(' | ')} |`);
  }
  out.push('');
  if (t.source) out.push(t.source, '');
  for (const note of t.notes) out.push(`- note: ${note}`);
  if (t.notes.length > 0) out.push('');
  return out.join('\n');
}

function markdownOfRejected(r: NotATable): string {
  return `- not a table (${where(r)}): ${r.reason}`;
}

/** Tables as Markdown, then the regions that are not tables with the reason; says so when there is neither. */
export function markdownFromTables(result: TablesResult, file: string): string {
  const parts = [`## Tables in ${file}`, ''];
  result.tables.forEach((t, i) => parts.push(markdownOfTable(t, i + 1)));
  if (result.rejected.length > 0) parts.push(...result.rejected.map(markdownOfRejected), '');
  if (result.tables.length === 0 && result.rejected.length === 0) {
    parts.push('No table: no region of rows and columns (numbers appear only inside prose).', '');
  }
  return parts.join('\n');
}

/** Facts as JSON lines, each with the document name. */
export function jsonlFromFacts(facts: readonly Fact[], doc: string): string {
  return facts.map((f) => `${JSON.stringify({ doc, ...f })}\n`).join('');
}

function flagsOf(f: Fact): string {
  return [
    f.qualifier ? `"${f.qualifier}"` : null,
    f.approximate ? 'approx' : null,
    f.bound ? f.bound : null,
    f.direction,
    f.projection ? 'projection' : null,
  ].filter((x) => x !== null).join(', ');
}

/** Facts as an aligned listing: period, value, kind, measure, subject, flags. */
export function listingFromFacts(facts: readonly Fact[]): string {
  if (facts.length === 0) return 'no numeric facts\n';
  const rows = [['period', 'figure', 'value', 'kind', 'measure', 'subject', 'flags']];
  for (const f of facts) {
    const scale = f.scale ? ` ${f.scale}` : '';
    const value = `${Number(f.value.toPrecision(6))}${scale}${f.currency ? ` ${f.currency}` : ''}${f.percent ? ' %' : ''}${f.unit ? ` ${f.unit}` : ''}`;
    rows.push([f.period ?? '', f.text.replace(/\s+/g, ' '), value, f.kind, f.measure ?? '', f.subject ?? '', flagsOf(f)]);
  }
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return `${rows.map((r) => r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd()).join('\n')}\n`;
}
