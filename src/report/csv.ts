/**
 * Tables of the dyad report as CSV (RFC 4180: comma-separated, CRLF line
 * ends, fields with commas, quotes or line breaks in double quotes).
 */
import { ConfigError } from '../errors.ts';
import type { DyadReport, EvidenceEvent, FlowStats, MatrixSection, RoleStats } from '../analysis/types.ts';

export const CSV_TABLES = ['intervals', 'matrix', 'index', 'third-parties', 'change-points'] as const;
/** Which table `--format csv` writes (`--table`). */
export type CsvTable = (typeof CSV_TABLES)[number];

type Field = string | number | boolean | null;

function field(value: Field): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(roundForCsv(value)) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function roundForCsv(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Rows as CSV text, header first. */
export function csvOfRows(header: readonly string[], rows: readonly (readonly Field[])[]): string {
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

const FLOW_HEADER = ['events', 'q1', 'q2', 'q3', 'q4', 'cooperation', 'conflict', 'cooperation_share', 'net', 'mean'] as const;

function flowFields(s: FlowStats): Field[] {
  return [s.events, s.quads.q1, s.quads.q2, s.quads.q3, s.quads.q4, s.cooperation, s.conflict, s.cooperationShare, s.net, s.mean];
}

function intervalsCsv(r: DyadReport): string {
  const directions = r.summary.directions.map((d) => `${d.source}_${d.target}`);
  const header = ['period', 'start', 'end', ...FLOW_HEADER, ...directions.flatMap((d) => [`${d}_events`, `${d}_cooperation`, `${d}_conflict`, `${d}_net`])];
  const rows = r.intervals.map((i) => [
    i.period,
    i.start,
    i.end,
    ...flowFields(i.total),
    ...i.directions.flatMap((d): Field[] => [d.stats.events, d.stats.cooperation, d.stats.conflict, d.stats.net]),
  ]);
  return csvOfRows(header, rows);
}

function topSentence(events: readonly EvidenceEvent[]): Field {
  const e = events[0];
  return e ? (e.sentence ?? e.url ?? e.id) : null;
}

function matrixCsv(r: DyadReport): string {
  const header = [
    'section', 'key', 'label', ...FLOW_HEADER, 'verdict', 'verdict_basis', 'discord_assessments', 'accord_assessments',
    'cooperation_evidence', 'conflict_evidence', 'top_cooperation', 'top_conflict', 'top_discord', 'top_accord',
  ];
  const sections: MatrixSection[] = [r.matrix.primary, ...(r.matrix.theater ? [r.matrix.theater] : [])];
  const rows = sections.flatMap((s) =>
    s.rows.map((row) => [
      s.dimension,
      row.key,
      row.label,
      ...flowFields(row.stats),
      row.verdict,
      row.basis,
      row.assessments.discord,
      row.assessments.accord,
      row.evidence.cooperation.map((e) => e.id).join(' '),
      row.evidence.conflict.map((e) => e.id).join(' '),
      topSentence(row.evidence.cooperation),
      topSentence(row.evidence.conflict),
      row.assessments.evidence.discord[0]?.sentence ?? null,
      row.assessments.evidence.accord[0]?.sentence ?? null,
    ]),
  );
  return csvOfRows(header, rows);
}

function indexCsv(r: DyadReport): string {
  return csvOfRows(
    ['period', 'start', 'end', 'events', 'weight', 'index', 'band'],
    r.index.points.map((p) => [p.period, p.start, p.end, p.events, p.weight, p.value, p.band]),
  );
}

function roleFields(s: RoleStats): Field[] {
  return [s.events, s.cooperation, s.conflict, s.net];
}

function thirdPartiesCsv(r: DyadReport): string {
  const a = r.query.a;
  const b = r.query.b;
  const role = (name: string): string[] => [`${name}_events`, `${name}_cooperation`, `${name}_conflict`, `${name}_net`];
  return csvOfRows(
    ['actor', 'events', ...role('theater'), ...role(`with_${a}`), ...role(`with_${b}`), 'alignment', 'types'],
    r.thirdParties.map((p) => [
      p.actor,
      p.events,
      ...roleFields(p.asTheater),
      ...roleFields(p.withA),
      ...roleFields(p.withB),
      p.alignment,
      p.types.map((t) => `${t.type}:${t.events}`).join(' '),
    ]),
  );
}

function changePointsCsv(r: DyadReport): string {
  return csvOfRows(
    ['period', 'start', 'direction', 'before_from', 'before_to', 'before_events', 'before_mean', 'after_from', 'after_to', 'after_events', 'after_mean', 'shift', 't', 'drivers'],
    r.changePoints.points.map((c) => [
      c.period,
      c.start,
      c.direction,
      c.before.from,
      c.before.to,
      c.before.events,
      c.before.mean,
      c.after.from,
      c.after.to,
      c.after.events,
      c.after.mean,
      c.shift,
      c.t,
      c.drivers.map((e) => e.id).join(' '),
    ]),
  );
}

const TABLES: Readonly<Record<CsvTable, (r: DyadReport) => string>> = {
  intervals: intervalsCsv,
  matrix: matrixCsv,
  index: indexCsv,
  'third-parties': thirdPartiesCsv,
  'change-points': changePointsCsv,
};

/** One table of the report as CSV (the per-interval table by default). */
export function csvFromDyadReport(report: DyadReport, table: CsvTable = 'intervals'): string {
  const render = TABLES[table];
  if (!render) throw new ConfigError('--table', `no table "${table}"; choose one of ${CSV_TABLES.join(', ')}`);
  return render(report);
}
