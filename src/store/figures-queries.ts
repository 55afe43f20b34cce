/**
 * The figures stage's tables in the ledger: rebuilt tables, regions judged not
 * to be tables, numeric facts, and the series made from them (one row per
 * series, one per point), each with the document it came from.
 */
import type { Context } from '../types.ts';
import type { Fact, Figures, FigureSeries, NotATable, Table, TableRow, Unit } from '../figures/types.ts';
import type { Migration } from './migrations.ts';
import type { Store } from './connection.ts';

/** Statements of the migration that adds the figures tables (appended to `MIGRATIONS`). */
export const FIGURES_MIGRATION: Omit<Migration, 'version'> = {
  name: 'figures: tables, rejected tables, facts, series and points',
  statements: [
    `CREATE TABLE figure_tables (
      doc_id VARCHAR NOT NULL,
      idx INTEGER NOT NULL,
      caption VARCHAR,
      unit_text VARCHAR,
      unit_scale VARCHAR,
      unit_currency VARCHAR,
      unit_percent BOOLEAN,
      source VARCHAR,
      stub VARCHAR,
      columns JSON NOT NULL,
      rows JSON NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      layout VARCHAR NOT NULL,
      page INTEGER,
      notes JSON NOT NULL
    )`,
    `CREATE TABLE figure_rejects (
      doc_id VARCHAR NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      page INTEGER,
      reason VARCHAR NOT NULL
    )`,
    `CREATE TABLE facts (
      doc_id VARCHAR NOT NULL,
      idx INTEGER NOT NULL,
      text VARCHAR NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      value_text VARCHAR NOT NULL,
      value DOUBLE NOT NULL,
      scale VARCHAR,
      currency VARCHAR,
      percent BOOLEAN NOT NULL,
      unit VARCHAR,
      kind VARCHAR NOT NULL,
      direction VARCHAR,
      approximate BOOLEAN NOT NULL,
      bound VARCHAR,
      qualifier VARCHAR,
      projection BOOLEAN NOT NULL,
      period VARCHAR,
      period_from VARCHAR,
      subject VARCHAR,
      measure VARCHAR,
      base VARCHAR,
      actors VARCHAR[] NOT NULL,
      from_actor VARCHAR,
      to_actor VARCHAR,
      context VARCHAR,
      sentence VARCHAR NOT NULL,
      sentence_start INTEGER NOT NULL,
      sentence_end INTEGER NOT NULL
    )`,
    `CREATE TABLE series (
      id VARCHAR PRIMARY KEY,
      doc_id VARCHAR,
      name VARCHAR NOT NULL,
      measure VARCHAR NOT NULL,
      origin VARCHAR NOT NULL,
      unit VARCHAR,
      factor DOUBLE NOT NULL,
      currency VARCHAR,
      percent BOOLEAN NOT NULL,
      from_actor VARCHAR,
      to_actor VARCHAR,
      dyad VARCHAR
    )`,
    `CREATE TABLE series_points (
      series_id VARCHAR NOT NULL,
      idx INTEGER NOT NULL,
      period VARCHAR NOT NULL,
      value DOUBLE NOT NULL,
      written VARCHAR NOT NULL,
      approximate BOOLEAN NOT NULL
    )`,
  ],
};

function dyadOf(a: string | null, b: string | null): string | null {
  if (!a || !b) return null;
  return [a, b].sort().join('-');
}

/** What storing a document's figures wrote. */
export interface StoredFigures {
  readonly tables: number;
  readonly rejected: number;
  readonly facts: number;
  readonly series: number;
}

/**
 * Stores a document's figures, replacing any stored before for it, in one
 * transaction (joining the caller's, so ingest can store a document and its
 * figures together).
 */
export async function storeFigures(store: Store, docId: string, figures: Figures): Promise<StoredFigures> {
  return store.transaction(async () => {
    await store.run('DELETE FROM series_points WHERE series_id IN (SELECT id FROM series WHERE doc_id = ?)', [docId]);
    for (const table of ['figure_tables', 'figure_rejects', 'facts', 'series']) {
      await store.run(`DELETE FROM ${table} WHERE doc_id = ?`, [docId]);
    }
    for (const [idx, t] of figures.tables.entries()) await insertTable(store, docId, idx, t);
    for (const r of figures.rejected) {
      await store.run('INSERT INTO figure_rejects (doc_id, span_start, span_end, page, reason) VALUES (?, ?, ?, ?, ?)', [docId, r.span.start, r.span.end, r.page, r.reason]);
    }
    for (const [idx, f] of figures.facts.entries()) await insertFact(store, docId, idx, f);
    for (const s of figures.series) await insertSeries(store, s);
    return { tables: figures.tables.length, rejected: figures.rejected.length, facts: figures.facts.length, series: figures.series.length };
  });
}

async function insertTable(store: Store, docId: string, idx: number, t: Table): Promise<void> {
  await store.run(
    `INSERT INTO figure_tables (doc_id, idx, caption, unit_text, unit_scale, unit_currency, unit_percent, source, stub, columns, rows, span_start, span_end, layout, page, notes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [docId, idx, t.caption, t.unit?.text ?? null, t.unit?.scale ?? null, t.unit?.currency ?? null, t.unit?.percent ?? null, t.source, t.stub,
      JSON.stringify(t.columns), JSON.stringify(t.rows), t.span.start, t.span.end, t.layout, t.page, JSON.stringify(t.notes)],
  );
}

async function insertFact(store: Store, docId: string, idx: number, f: Fact): Promise<void> {
  await store.run(
    `INSERT INTO facts (doc_id, idx, text, span_start, span_end, value_text, value, scale, currency, percent, unit, kind, direction, approximate, bound,
                        qualifier, projection, period, period_from, subject, measure, base, actors, from_actor, to_actor, context, sentence, sentence_start, sentence_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [docId, idx, f.text, f.span.start, f.span.end, f.valueText, f.value, f.scale, f.currency, f.percent, f.unit, f.kind, f.direction, f.approximate, f.bound,
      f.qualifier, f.projection, f.period, f.periodFrom, f.subject, f.measure, f.base, [...f.actors], f.from, f.to, f.context, f.sentence, f.sentenceSpan.start, f.sentenceSpan.end],
  );
}

async function insertSeries(store: Store, s: FigureSeries): Promise<void> {
  await store.run(
    `INSERT INTO series (id, doc_id, name, measure, origin, unit, factor, currency, percent, from_actor, to_actor, dyad)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [s.id, s.docId, s.name, s.measure, s.origin, s.unit, s.factor, s.currency, s.percent, s.from, s.to, dyadOf(s.from, s.to)],
  );
  for (const [idx, p] of s.points.entries()) {
    await store.run('INSERT INTO series_points (series_id, idx, period, value, written, approximate) VALUES (?, ?, ?, ?, ?, ?)', [
      s.id, idx, p.period, p.value, s.written[idx] ?? String(p.value), s.approximate[idx] ?? false,
    ]);
  }
}

interface SeriesRow {
  id: string;
  docId: string | null;
  name: string;
  measure: string;
  origin: 'table' | 'fact';
  unit: string | null;
  factor: number;
  currency: string | null;
  percent: boolean;
  from: string | null;
  to: string | null;
}

interface PointRow {
  seriesId: string;
  period: string;
  value: number;
  written: string;
  approximate: boolean;
}

async function seriesWhere(store: Store, where: string, params: readonly (string | null)[]): Promise<FigureSeries[]> {
  const rows = await store.all<SeriesRow>(
    `SELECT s.id, s.doc_id AS "docId", s.name, s.measure, s.origin, s.unit, s.factor, s.currency, s.percent, s.from_actor AS "from", s.to_actor AS "to"
       FROM series s LEFT JOIN documents d ON d.id = s.doc_id
      WHERE ${where}
      ORDER BY s.measure, d.day NULLS LAST, s.id`,
    params,
  );
  if (rows.length === 0) return [];
  const points = await store.all<PointRow>(
    `SELECT series_id AS "seriesId", period, value, written, approximate FROM series_points
      WHERE list_contains(?, series_id) ORDER BY series_id, idx`,
    [rows.map((r) => r.id)],
  );
  const bySeries = new Map<string, PointRow[]>();
  for (const p of points) bySeries.set(p.seriesId, [...(bySeries.get(p.seriesId) ?? []), p]);
  return rows.map((r) => {
    const ps = bySeries.get(r.id) ?? [];
    return {
      ...r,
      points: ps.map((p) => ({ period: p.period, value: p.value })),
      written: ps.map((p) => p.written),
      approximate: ps.map((p) => p.approximate),
    };
  });
}

/**
 * Every stored series between two actors (either direction: "US exports to
 * Russia" and "Russian investment in the US" both belong to USA–RUS), ordered
 * by measure, so series of one measure from several documents sit together.
 */
export async function seriesForDyad(store: Store, a: string, b: string): Promise<FigureSeries[]> {
  return seriesWhere(store, 's.dyad = ?', [dyadOf(a, b)]);
}

/** Every stored series of one measure key (`exports:USA>RUS`), from every document. */
export async function seriesForMeasure(store: Store, measure: string): Promise<FigureSeries[]> {
  return seriesWhere(store, 's.measure = ?', [measure]);
}

/** Every stored series of one document. */
export async function seriesOfDoc(store: Store, docId: string): Promise<FigureSeries[]> {
  return seriesWhere(store, 's.doc_id = ?', [docId]);
}

interface TableRowDb {
  caption: string | null;
  unitText: string | null;
  unitScale: Unit['scale'];
  unitCurrency: string | null;
  unitPercent: boolean | null;
  source: string | null;
  stub: string | null;
  columns: string;
  rows: string;
  spanStart: number;
  spanEnd: number;
  layout: Table['layout'];
  page: number | null;
  notes: string;
}

function parsed<T>(json: unknown): T {
  return (typeof json === 'string' ? JSON.parse(json) : json) as T;
}

/** The tables stored for a document, in reading order. */
export async function tablesOfDoc(store: Store, docId: string): Promise<Table[]> {
  const rows = await store.all<TableRowDb>(
    `SELECT caption, unit_text AS "unitText", unit_scale AS "unitScale", unit_currency AS "unitCurrency", unit_percent AS "unitPercent", source, stub,
            columns, rows, span_start AS "spanStart", span_end AS "spanEnd", layout, page, notes
       FROM figure_tables WHERE doc_id = ? ORDER BY idx`,
    [docId],
  );
  return rows.map((r) => ({
    caption: r.caption,
    unit: r.unitText === null ? null : { text: r.unitText, scale: r.unitScale, currency: r.unitCurrency, percent: r.unitPercent ?? false },
    source: r.source,
    stub: r.stub,
    columns: parsed<(string | null)[]>(r.columns),
    rows: parsed<TableRow[]>(r.rows),
    span: { start: r.spanStart, end: r.spanEnd },
    layout: r.layout,
    page: r.page,
    notes: parsed<string[]>(r.notes),
  }));
}

/** Regions of a document judged not to be tables, with the reason. */
export async function rejectedTablesOfDoc(store: Store, docId: string): Promise<NotATable[]> {
  const rows = await store.all<{ start: number; end: number; page: number | null; reason: string }>(
    'SELECT span_start AS start, span_end AS "end", page, reason FROM figure_rejects WHERE doc_id = ? ORDER BY span_start',
    [docId],
  );
  return rows.map((r) => ({ span: { start: r.start, end: r.end }, page: r.page, reason: r.reason }));
}

interface FactRowDb {
  text: string;
  spanStart: number;
  spanEnd: number;
  valueText: string;
  value: number;
  scale: Fact['scale'];
  currency: string | null;
  percent: boolean;
  unit: string | null;
  kind: Fact['kind'];
  direction: Fact['direction'];
  approximate: boolean;
  bound: Fact['bound'];
  qualifier: string | null;
  projection: boolean;
  period: string | null;
  periodFrom: Fact['periodFrom'];
  subject: string | null;
  measure: string | null;
  base: string | null;
  actors: string[];
  from: string | null;
  to: string | null;
  context: Context | null;
  sentence: string;
  sentenceStart: number;
  sentenceEnd: number;
}

/** The facts stored for a document, in reading order. */
export async function factsOfDoc(store: Store, docId: string): Promise<Fact[]> {
  const rows = await store.all<FactRowDb>(
    `SELECT text, span_start AS "spanStart", span_end AS "spanEnd", value_text AS "valueText", value, scale, currency, percent, unit, kind, direction,
            approximate, bound, qualifier, projection, period, period_from AS "periodFrom", subject, measure, base, actors,
            from_actor AS "from", to_actor AS "to", context, sentence, sentence_start AS "sentenceStart", sentence_end AS "sentenceEnd"
       FROM facts WHERE doc_id = ? ORDER BY idx`,
    [docId],
  );
  return rows.map(({ spanStart, spanEnd, sentenceStart, sentenceEnd, ...r }) => ({
    ...r,
    span: { start: spanStart, end: spanEnd },
    sentenceSpan: { start: sentenceStart, end: sentenceEnd },
  }));
}

/** How many tables, facts and series the ledger holds, per document. */
export async function figureCounts(store: Store): Promise<{ docId: string; tables: number; facts: number; series: number }[]> {
  return store.all(
    `SELECT d.id AS "docId",
            (SELECT count(*) FROM figure_tables t WHERE t.doc_id = d.id) AS tables,
            (SELECT count(*) FROM facts f WHERE f.doc_id = d.id) AS facts,
            (SELECT count(*) FROM series s WHERE s.doc_id = d.id) AS series
       FROM documents d ORDER BY d.name`,
  );
}

