import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FormatError } from '../errors.ts';
import { MODALITIES, ORIGINS, PLOVER_TYPES } from '../types.ts';
import type { Store } from './connection.ts';
import { markAllMirrors } from './assessments.ts';
import type { EventFilter } from './events.ts';
import { whereOfFilter } from './events.ts';
import type { FeedImportCounts } from './feed-import.ts';

/** Formats the ledger can be written to for other tools. */
export const EXPORT_FORMATS = ['parquet', 'csv', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export wrote. */
export interface ExportResult {
  readonly events: number;
  readonly documents: number;
  readonly sentences: number;
  /** Paths written, relative to the export folder. */
  readonly files: readonly string[];
}

/** The Event JSON shape (as `detente code --format jsonl`) plus the ledger id and day, built in SQL. */
const EVENT_JSON = `id,
  doc,
  CASE WHEN sentence_index IS NULL THEN NULL ELSE struct_pack(index := sentence_index, text := sentence_text, start := sentence_start, "end" := sentence_end) END AS sentence,
  struct_pack(text := source_text, country := source_country, sector := source_sector, entry := source_entry,
              span := CASE WHEN source_start IS NULL THEN NULL ELSE struct_pack(start := source_start, "end" := source_end) END) AS source,
  struct_pack(text := target_text, country := target_country, sector := target_sector, entry := target_entry,
              span := CASE WHEN target_start IS NULL THEN NULL ELSE struct_pack(start := target_start, "end" := target_end) END) AS target,
  type, mode, quad, intensity, cameo, negated, modality, contexts, theater, date, section, rule,
  CASE WHEN span_start IS NULL THEN NULL ELSE struct_pack(start := span_start, "end" := span_end) END AS span,
  entries, origin, origin_id AS "originId", doc_id AS "docId", url, day, geo_fips AS "geoFips"`;

/**
 * Writes the events matching `filter` to `dir`: Parquet partitioned by year
 * (`events/year=2013/…`, events with no day under `year=__HIVE_DEFAULT_PARTITION__`)
 * with `documents.parquet`, `sentences.parquet` and `assessments.parquet`
 * beside it so the evidence travels too; or one `events.csv` (lists joined by `|`); or `events.jsonl`
 * (one Event per line). DuckDB streams the rows, so memory stays flat.
 */
export async function exportLedger(store: Store, dir: string, format: ExportFormat, filter: EventFilter = {}): Promise<ExportResult> {
  const { sql: where, params } = whereOfFilter(filter);
  await mkdir(dir, { recursive: true });
  const count = await store.one<{ n: number }>(`SELECT count(*) AS n FROM events ${where}`, params);
  const events = count?.n ?? 0;
  // COPY takes the output path as a named parameter, so the filter's `?`s become `$p1`, `$p2`…
  const named = Object.fromEntries(params.map((p, i) => [`p${i + 1}`, p]));
  let n = 0;
  const whereNamed = where.replace(/\?/g, () => `$p${++n}`);
  if (format === 'parquet') {
    await store.run(
      `COPY (SELECT *, year(day) AS year FROM events ${whereNamed}) TO $out (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE)`,
      { ...named, out: join(dir, 'events') },
    );
    const docs = `SELECT DISTINCT doc_id FROM events ${whereNamed}`;
    await store.run(`COPY (SELECT * FROM documents WHERE id IN (${docs}) ORDER BY id) TO $out (FORMAT parquet)`, { ...named, out: join(dir, 'documents.parquet') });
    await store.run(`COPY (SELECT * FROM sentences WHERE doc_id IN (${docs}) ORDER BY doc_id, idx) TO $out (FORMAT parquet)`, { ...named, out: join(dir, 'sentences.parquet') });
    await store.run(`COPY (SELECT * FROM assessments WHERE doc_id IN (${docs}) ORDER BY doc_id, sentence_index, dyad) TO $out (FORMAT parquet)`, {
      ...named,
      out: join(dir, 'assessments.parquet'),
    });
    const sizes = await store.one<{ documents: number; sentences: number }>(
      `SELECT (SELECT count(*) FROM documents WHERE id IN (${docs})) AS documents, (SELECT count(*) FROM sentences WHERE doc_id IN (${docs})) AS sentences`,
      named,
    );
    return { events, documents: sizes?.documents ?? 0, sentences: sizes?.sentences ?? 0, files: ['events/', 'documents.parquet', 'sentences.parquet', 'assessments.parquet'] };
  }
  if (format === 'csv') {
    await store.run(
      `COPY (SELECT * REPLACE (array_to_string(contexts, '|') AS contexts, array_to_string(entries, '|') AS entries) FROM events ${whereNamed} ORDER BY day NULLS LAST, id)
         TO $out (FORMAT csv, HEADER)`,
      { ...named, out: join(dir, 'events.csv') },
    );
    return { events, documents: 0, sentences: 0, files: ['events.csv'] };
  }
  await store.run(`COPY (SELECT ${EVENT_JSON} FROM events ${whereNamed} ORDER BY day NULLS LAST, id) TO $out (FORMAT json)`, { ...named, out: join(dir, 'events.jsonl') });
  return { events, documents: 0, sentences: 0, files: ['events.jsonl'] };
}

const REQUIRED_COLUMNS = ['id', 'origin', 'source_country', 'target_country', 'type', 'quad', 'intensity', 'negated', 'modality', 'contexts', 'rule', 'entries'];

/** The Parquet files an export folder (or a single file, or a glob) holds. */
export interface ParquetSet {
  /** Glob or file of event rows. */
  readonly events: string;
  readonly documents: string | null;
  readonly sentences: string | null;
  /** The documents' assessments (exports before they existed have none). */
  readonly assessments: string | null;
}

const quoteList = (values: readonly string[]): string => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/**
 * Imports events written by {@link exportLedger} (or any Parquet with the
 * `events` columns) in one transaction: rows already in the ledger (same id
 * and content) are duplicates, rows that break the schema are rejected with
 * their row number and reason, documents and sentences are added when absent.
 */
export async function importParquetSet(store: Store, set: ParquetSet, file: { readonly path: string; readonly name: string; readonly hash: string; readonly bytes: number }): Promise<FeedImportCounts> {
  const described = await store.all<{ column_name: string }>('DESCRIBE SELECT * FROM read_parquet($p, hive_partitioning = true, union_by_name = true)', { p: set.events });
  const columns = new Set(described.map((c) => c.column_name));
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length > 0) throw new FormatError(file.path, `not a detente events export: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
  const eventColumns = (await store.all<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = 'events' AND table_schema = 'main' ORDER BY ordinal_position`)).map((c) => c.column_name);
  const select = eventColumns
    .map((c) => (c === 'import_id' ? '$import_id AS import_id' : c === 'mirror' ? (columns.has(c) ? 'coalesce(mirror, false) AS mirror' : 'false AS mirror') : columns.has(c) ? `"${c}"` : `NULL AS "${c}"`))
    .join(', ');
  return store.transaction(async () => {
    const id = await store.one<{ id: number }>(`SELECT nextval('import_ids') AS id`);
    const importId = id?.id ?? 0;
    await store.run(
      `CREATE OR REPLACE TEMP TABLE parquet_rows AS
       SELECT row_number() OVER () AS line, * FROM read_parquet($p, hive_partitioning = true, union_by_name = true, filename = true, file_row_number = true)`,
      { p: set.events },
    );
    await store.run(
      `CREATE OR REPLACE TEMP TABLE parquet_classified AS
       WITH checked AS (
         SELECT r.*,
           CASE
             WHEN r.id IS NULL OR r.id = '' THEN 'no id: the row has no id'
             WHEN NOT list_contains(${quoteList(ORIGINS)}, r.origin) THEN format('bad origin: "{}"', r.origin)
             WHEN r.source_country IS NULL OR r.target_country IS NULL THEN 'no country: an end has no country'
             WHEN NOT list_contains(${quoteList(PLOVER_TYPES)}, r.type) THEN format('bad type: "{}" is not a PLOVER type', r.type)
             WHEN r.quad NOT BETWEEN 1 AND 4 THEN format('bad quad: {}', r.quad)
             WHEN NOT list_contains(${quoteList(MODALITIES)}, r.modality) THEN format('bad modality: "{}"', r.modality)
           END AS reason
         FROM parquet_rows r
       ), ranked AS (
         SELECT c.*, e.id AS stored_id,
           row_number() OVER (PARTITION BY c.id ORDER BY c.line) AS nth
         FROM checked c LEFT JOIN (SELECT id FROM events WHERE id IN (SELECT id FROM checked)) e ON e.id = c.id
       )
       SELECT *, CASE WHEN reason IS NOT NULL THEN 'rejected' WHEN stored_id IS NOT NULL OR nth > 1 THEN 'duplicate' ELSE 'new' END AS status
       FROM ranked`,
    );
    const imported = await store.run(`INSERT INTO events SELECT ${select} FROM parquet_classified WHERE status = 'new'`, { import_id: importId });
    if (set.documents) {
      await store.run(`INSERT INTO documents BY NAME SELECT * FROM read_parquet($p) d WHERE d.id NOT IN (SELECT id FROM documents)`, { p: set.documents });
    }
    if (set.sentences) {
      await store.run(
        `INSERT INTO sentences BY NAME SELECT s.* FROM read_parquet($p) s
          WHERE NOT EXISTS (SELECT 1 FROM sentences x WHERE x.doc_id = s.doc_id AND x.idx = s.idx)`,
        { p: set.sentences },
      );
    }
    if (set.assessments) {
      await store.run(
        `INSERT INTO assessments BY NAME SELECT x.* FROM read_parquet($p) x
          WHERE x.doc_id NOT IN (SELECT DISTINCT doc_id FROM assessments) AND x.doc_id IN (SELECT id FROM documents)`,
        { p: set.assessments },
      );
    }
    // An export written before events were marked: pair the coded events now.
    if (!columns.has('mirror')) await markAllMirrors(store);
    const counts = await store.one<{ rows: number; duplicates: number; rejected: number }>(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE status = 'duplicate') AS duplicates, count(*) FILTER (WHERE status = 'rejected') AS rejected FROM parquet_classified`,
    );
    const reasons = await store.all<{ kind: string; rows: number }>(
      `SELECT split_part(reason, ':', 1) AS kind, count(*) AS rows FROM parquet_classified WHERE status = 'rejected' GROUP BY kind ORDER BY rows DESC, kind`,
    );
    const total = { rows: counts?.rows ?? 0, imported, duplicates: counts?.duplicates ?? 0, rejected: counts?.rejected ?? 0 };
    const previous = await store.one<{ id: number }>('SELECT min(id) AS id FROM imports WHERE file_hash = ?', [file.hash]);
    const previousImportId = previous?.id ?? null;
    const result = { previousImportId, resumed: false, ...total, reasons };
    if (imported === 0 && previousImportId !== null) {
      await dropParquetTables(store);
      return { importId: null, ...result };
    }
    await store.run(
      `INSERT INTO imports (id, format, path, name, file_hash, bytes, started_at, finished_at, rows, imported, duplicates, rejected)
       VALUES (?, 'parquet', ?, ?, ?, ?, current_timestamp, current_timestamp, ?, ?, ?, ?)`,
      [importId, file.path, file.name, file.hash, file.bytes, total.rows, total.imported, total.duplicates, total.rejected],
    );
    await store.run(
      `INSERT INTO import_rejects SELECT ?, line, format('{} ({} row {})', reason, filename, file_row_number + 1), id FROM parquet_classified WHERE status = 'rejected' ORDER BY line`,
      [importId],
    );
    await dropParquetTables(store);
    return { importId, ...result };
  });
}

async function dropParquetTables(store: Store): Promise<void> {
  await store.run('DROP TABLE IF EXISTS temp.parquet_rows');
  await store.run('DROP TABLE IF EXISTS temp.parquet_classified');
}
