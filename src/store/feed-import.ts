import type { DuckDBAppender } from '@duckdb/node-api';
import type { EventType, Origin } from '../types.ts';
import type { Store } from './connection.ts';
import { EVENT_ROW, LINES_FROM_CHUNKS } from './feed-sql.ts';
import type { FeedSql } from './feed-sql.ts';

/** What a key read from a dataset is, for the dictionaries to resolve. */
export type KeyKind = 'cameo-country' | 'fips' | 'country-name' | 'igo-name' | 'code';

/** The dictionary facts an import needs, loaded into temporary tables for the SQL to join. */
export interface FeedReference {
  /** CAMEO event codes; `type` null for codes that are not PLOVER events. */
  readonly cameo: ReadonlyArray<{ readonly code: string; readonly label: string; readonly type: EventType | null; readonly mode: string | null; readonly contexts: readonly string[]; readonly quad: number | null; readonly intensity: number | null }>;
  /** CAMEO actor Type codes (→ sector or `IGO`) and KnownGroup codes (→ IGO code). */
  readonly actorCodes: ReadonlyArray<{ readonly field: 'type' | 'group'; readonly code: string; readonly value: string }>;
  /** Lower-case sector words of a dataset (`military`, `foreign ministry`) → sector; lowest rank wins. */
  readonly sectorWords: ReadonlyArray<{ readonly word: string; readonly sector: string; readonly rank: number }>;
  /** Event type names a dataset uses (`DEMAND`) → PLOVER type, quad and intensity. */
  readonly typeNames: ReadonlyArray<{ readonly name: string; readonly type: EventType; readonly quad: number; readonly intensity: number }>;
  /** Codes that are IGOs, not states (they take no sector). */
  readonly igoCodes: readonly string[];
  /** Keys resolved up front (every code of a finite list, such as CAMEO country codes and FIPS codes). */
  readonly preloaded: ReadonlyArray<{ readonly kind: KeyKind; readonly key: string; readonly value: string | null }>;
  /** Resolves one key through the dictionaries (`null`: unknown). Called once per distinct key per import. */
  readonly resolve: (kind: KeyKind, key: string) => string | null;
}

/** A slice of a file's lines: `text` holds `lines` lines (joined by `\n`), the first being line `firstLine` (1-based). */
export interface LineChunk {
  readonly firstLine: number;
  readonly lines: number;
  readonly text: string;
}

/** The file being imported, as recorded in `imports`. */
export interface FeedFileInfo {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
  /** Size and modification time (`bytes:mtimeMs`): tells an interrupted import of this same file, to resume it. */
  readonly stamp: string;
}

/** One rejected row: its 1-based line in the file and why. */
export interface RejectedRow {
  readonly line: number;
  readonly reason: string;
  readonly originId: string | null;
}

/** What importing one file did. `imported + duplicates + rejected = rows`. */
export interface FeedImportCounts {
  /** The `imports` row written, or `null` when the file added nothing and was already recorded. */
  readonly importId: number | null;
  /** An earlier `imports` row of the same file (same hash), if any. */
  readonly previousImportId: number | null;
  /** Whether this run completed an import that was interrupted (its earlier batches were already stored). */
  readonly resumed: boolean;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  /** Rejected rows per reason kind (the part of the reason before the colon), most first. */
  readonly reasons: ReadonlyArray<{ readonly kind: string; readonly rows: number }>;
}

/** How an import runs: the format's SQL, the file, its lines, and the dictionary facts. */
export interface FeedImportPlan {
  readonly origin: Exclude<Origin, 'coded'>;
  readonly sql: FeedSql;
  readonly file: FeedFileInfo;
  /** sha256 of the file's bytes; read only after the chunks are exhausted (so it can be computed while reading). */
  readonly hash: () => Promise<string>;
  /** The file's lines after line `after` (0: from the start; more when resuming an interrupted import). */
  readonly chunks: (after: number) => AsyncIterable<LineChunk>;
  readonly reference: FeedReference;
  /** Lines per batch (memory stays bounded by this, not by the file). */
  readonly batchLines?: number;
  /** Called after each batch with the rows done so far. */
  readonly onRows?: (rows: number) => void;
}

const EVENT_COLUMNS = `id, origin, origin_id, import_id, doc, doc_id, sentence_index, sentence_text, sentence_start, sentence_end,
  span_start, span_end, source_country, source_sector, source_text, source_entry, source_start, source_end,
  target_country, target_sector, target_text, target_entry, target_start, target_end, dyad, type, mode, quad,
  intensity, cameo, negated, modality, contexts, theater, date, day, day_precision, day_from, section, rule, entries, url, geo_fips`;


function appendNullable(app: DuckDBAppender, value: string | null): void {
  if (value === null) app.appendNull();
  else app.appendVarchar(value);
}

async function createWorkTables(store: Store, reference: FeedReference): Promise<void> {
  await store.run('CREATE OR REPLACE TEMP TABLE feed_chunks (first_line BIGINT, text VARCHAR)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_keys (kind VARCHAR, key VARCHAR, value VARCHAR)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_cameo (code VARCHAR, label VARCHAR, type VARCHAR, mode VARCHAR, contexts_text VARCHAR, quad TINYINT, intensity DOUBLE)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_actor_codes (field VARCHAR, code VARCHAR, value VARCHAR)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_sectors (word VARCHAR, sector VARCHAR, rank INTEGER)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_types (name VARCHAR, type VARCHAR, quad TINYINT, intensity DOUBLE)');
  await store.run('CREATE OR REPLACE TEMP TABLE feed_igo_codes (value VARCHAR)');
  const cameo = await store.appender('feed_cameo');
  for (const c of reference.cameo) {
    cameo.appendVarchar(c.code);
    cameo.appendVarchar(c.label);
    appendNullable(cameo, c.type);
    appendNullable(cameo, c.mode);
    cameo.appendVarchar(c.contexts.join('\u001f'));
    if (c.quad === null) cameo.appendNull();
    else cameo.appendTinyInt(c.quad);
    if (c.intensity === null) cameo.appendNull();
    else cameo.appendDouble(c.intensity);
    cameo.endRow();
  }
  cameo.closeSync();
  const actors = await store.appender('feed_actor_codes');
  for (const a of reference.actorCodes) {
    actors.appendVarchar(a.field);
    actors.appendVarchar(a.code);
    actors.appendVarchar(a.value);
    actors.endRow();
  }
  actors.closeSync();
  const sectors = await store.appender('feed_sectors');
  for (const s of reference.sectorWords) {
    sectors.appendVarchar(s.word);
    sectors.appendVarchar(s.sector);
    sectors.appendInteger(s.rank);
    sectors.endRow();
  }
  sectors.closeSync();
  const types = await store.appender('feed_types');
  for (const t of reference.typeNames) {
    types.appendVarchar(t.name);
    types.appendVarchar(t.type);
    types.appendTinyInt(t.quad);
    types.appendDouble(t.intensity);
    types.endRow();
  }
  types.closeSync();
  const keys = await store.appender('feed_keys');
  for (const k of reference.preloaded) {
    keys.appendVarchar(k.kind);
    keys.appendVarchar(k.key);
    appendNullable(keys, k.value);
    keys.endRow();
  }
  keys.closeSync();
  const igos = await store.appender('feed_igo_codes');
  for (const code of reference.igoCodes) {
    igos.appendVarchar(code);
    igos.endRow();
  }
  igos.closeSync();
}

const WORK_TABLES = ['feed_chunks', 'feed_lines', 'feed_keys', 'feed_cameo', 'feed_actor_codes', 'feed_sectors', 'feed_types', 'feed_igo_codes', 'feed_cells', 'feed_candidates', 'feed_classified'];

async function dropWorkTables(store: Store): Promise<void> {
  for (const table of WORK_TABLES) await store.run(`DROP TABLE IF EXISTS temp.${table}`);
}

const FINGERPRINT_OF_STORED = `md5(concat_ws('|', coalesce(e.source_country, ''), coalesce(e.target_country, ''), coalesce(e.cameo, e.type, ''), coalesce(e.date, ''), coalesce(e.source_text, ''), coalesce(e.target_text, '')))`;

interface BatchCounts {
  rows: number;
  imported: number;
  duplicates: number;
  rejected: number;
}

async function resolveNewKeys(store: Store, sql: FeedSql, reference: FeedReference): Promise<void> {
  if (sql.keys === null) return;
  const fresh = await store.all<{ kind: string; key: string }>(
    `SELECT DISTINCT k.kind, k.key FROM (${sql.keys}) k
      WHERE NOT EXISTS (SELECT 1 FROM feed_keys f WHERE f.kind = k.kind AND f.key = k.key)`,
  );
  if (fresh.length === 0) return;
  const app = await store.appender('feed_keys');
  for (const { kind, key } of fresh) {
    app.appendVarchar(kind);
    app.appendVarchar(key);
    appendNullable(app, reference.resolve(kind as KeyKind, key));
    app.endRow();
  }
  app.closeSync();
}

async function importBatch(store: Store, plan: FeedImportPlan, importId: number): Promise<BatchCounts> {
  await store.run(LINES_FROM_CHUNKS);
  // Replaced, not emptied: deleted rows would keep their long strings' storage until the connection ends.
  await store.run('CREATE OR REPLACE TEMP TABLE feed_chunks (first_line BIGINT, text VARCHAR)');
  if (plan.sql.cells !== null) await store.run(plan.sql.cells);
  await resolveNewKeys(store, plan.sql, plan.reference);
  await store.run(`CREATE OR REPLACE TEMP TABLE feed_candidates AS ${plan.sql.candidates}`, { origin: plan.origin });
  await store.run(
    `CREATE OR REPLACE TEMP TABLE feed_classified AS
     WITH accepted AS (SELECT line, id, fingerprint FROM feed_candidates WHERE reason IS NULL),
     stored AS (
       SELECT e.id, ${FINGERPRINT_OF_STORED} AS fp
         FROM events e
        WHERE e.origin = $origin AND e.id IN (SELECT id FROM accepted)
     ), ranked AS (
       SELECT a.line, a.id, a.fingerprint, s.fp AS stored_fp,
              row_number() OVER (PARTITION BY a.id ORDER BY a.line) AS nth,
              first_value(a.fingerprint) OVER (PARTITION BY a.id ORDER BY a.line) AS first_fp,
              first_value(a.line) OVER (PARTITION BY a.id ORDER BY a.line) AS first_line
         FROM accepted a LEFT JOIN stored s ON s.id = a.id
     )
     SELECT line, first_line,
            CASE WHEN stored_fp = fingerprint THEN 'duplicate'
                 WHEN stored_fp IS NOT NULL THEN 'conflict-stored'
                 WHEN nth > 1 AND first_fp = fingerprint THEN 'duplicate'
                 WHEN nth > 1 THEN 'conflict-line'
                 ELSE 'new' END AS status
       FROM ranked`,
    { origin: plan.origin },
  );
  const imported = await store.run(
    `INSERT INTO events (${EVENT_COLUMNS})
     SELECT ${EVENT_ROW} FROM feed_candidates c JOIN feed_classified s ON s.line = c.line WHERE s.status = 'new'`,
    { origin: plan.origin, doc: plan.file.name, import_id: importId },
  );
  await store.run(
    `INSERT INTO import_rejects
     SELECT $import_id, line, reason, origin_id FROM feed_candidates WHERE reason IS NOT NULL
     UNION ALL
     SELECT $import_id, c.line,
            CASE s.status WHEN 'conflict-stored' THEN format('id conflict: {} {} is already stored with different actors, event or date', $origin, c.origin_id)
                          ELSE format('id conflict: {} {} is also on line {} with different actors, event or date', $origin, c.origin_id, s.first_line) END,
            c.origin_id
       FROM feed_candidates c JOIN feed_classified s ON s.line = c.line WHERE s.status LIKE 'conflict%'`,
    { origin: plan.origin, import_id: importId },
  );
  const counts = await store.one<{ rows: number; rejected: number; duplicates: number; conflicts: number; last: number }>(
    `SELECT (SELECT count(*) FROM feed_candidates) AS rows, (SELECT max(line) FROM feed_candidates) AS last,
            (SELECT count(*) FROM feed_candidates WHERE reason IS NOT NULL) AS rejected,
            (SELECT count(*) FROM feed_classified WHERE status = 'duplicate') AS duplicates,
            (SELECT count(*) FROM feed_classified WHERE status LIKE 'conflict%') AS conflicts`,
  );
  const batch = {
    rows: counts?.rows ?? 0,
    imported,
    duplicates: counts?.duplicates ?? 0,
    rejected: (counts?.rejected ?? 0) + (counts?.conflicts ?? 0),
  };
  await store.run(
    `UPDATE imports SET rows = rows + ?, imported = imported + ?, duplicates = duplicates + ?, rejected = rejected + ?, last_line = ?, finished_at = current_timestamp WHERE id = ?`,
    [batch.rows, batch.imported, batch.duplicates, batch.rejected, counts?.last ?? 0, importId],
  );
  return batch;
}

/**
 * Imports one dataset file in batches of lines, each batch one transaction
 * with its rejected rows and the running counts of its `imports` row: every
 * row ends imported, a duplicate (same origin id and content as an event
 * already stored or earlier in the file), or rejected with its line and
 * reason. After a crash the file's committed batches are kept and running it
 * again resumes after the last one, so the counts come out as for one clean
 * run. A file already recorded (same hash) that adds nothing leaves no new
 * `imports` row. Memory is bounded by the batch, not the file.
 */
export async function importFeed(store: Store, plan: FeedImportPlan): Promise<FeedImportCounts> {
  const batchLines = plan.batchLines ?? 125_000;
  await createWorkTables(store, plan.reference);
  // Each batch's commit would otherwise pass the default 16 MB log threshold and checkpoint the whole
  // database; one checkpoint at the end of the file costs a fraction of that.
  await store.run(`SET checkpoint_threshold = '1GB'`);
  try {
    const running = await store.one<{ id: number; last_line: number; rows: number }>(
      `SELECT id, last_line, rows FROM imports WHERE status = 'running' AND path = ? AND stamp = ? ORDER BY id DESC LIMIT 1`,
      [plan.file.path, plan.file.stamp],
    );
    let importId: number;
    if (running) {
      importId = running.id;
    } else {
      importId = await store.transaction(async () => {
        await store.run(`UPDATE imports SET status = 'abandoned' WHERE status = 'running' AND path = ?`, [plan.file.path]);
        const id = (await store.one<{ id: number }>(`SELECT nextval('import_ids') AS id`))?.id ?? 0;
        await store.run(
          `INSERT INTO imports (id, format, path, name, file_hash, bytes, started_at, finished_at, rows, imported, duplicates, rejected, status, last_line, stamp)
           VALUES (?, ?, ?, ?, '', ?, current_timestamp, current_timestamp, 0, 0, 0, 0, 'running', 0, ?)`,
          [id, plan.origin, plan.file.path, plan.file.name, plan.file.bytes, plan.file.stamp],
        );
        return id;
      });
    }
    let rowsDone = running?.rows ?? 0;
    let pending = 0;
    let chunks: DuckDBAppender | null = null;
    const flush = async (): Promise<void> => {
      if (chunks) chunks.closeSync();
      chunks = null;
      if (pending === 0) return;
      pending = 0;
      const batch = await store.transaction(() => importBatch(store, plan, importId));
      rowsDone += batch.rows;
      plan.onRows?.(rowsDone);
    };
    for await (const chunk of plan.chunks(running?.last_line ?? 0)) {
      chunks ??= await store.appender('feed_chunks');
      chunks.appendBigInt(BigInt(chunk.firstLine));
      chunks.appendVarchar(chunk.text);
      chunks.endRow();
      pending += chunk.lines;
      if (pending >= batchLines) await flush();
    }
    await flush();
    const hash = await plan.hash();
    return await store.transaction(async () => {
      const total = await store.one<{ rows: number; imported: number; duplicates: number; rejected: number }>('SELECT rows, imported, duplicates, rejected FROM imports WHERE id = ?', [importId]);
      const counts = { rows: total?.rows ?? 0, imported: total?.imported ?? 0, duplicates: total?.duplicates ?? 0, rejected: total?.rejected ?? 0 };
      const previous = await store.one<{ id: number | null }>(`SELECT min(id) AS id FROM imports WHERE file_hash = ? AND status = 'complete' AND id <> ?`, [hash, importId]);
      const previousImportId = previous?.id ?? null;
      const resumed = running !== null;
      if (counts.imported === 0 && previousImportId !== null) {
        const reasons = await reasonsOfImport(store, previousImportId);
        await store.run('DELETE FROM import_rejects WHERE import_id = ?', [importId]);
        await store.run('DELETE FROM imports WHERE id = ?', [importId]);
        return { importId: null, previousImportId, resumed, ...counts, reasons };
      }
      await store.run(`UPDATE imports SET status = 'complete', file_hash = ?, finished_at = current_timestamp WHERE id = ?`, [hash, importId]);
      return { importId, previousImportId, resumed, ...counts, reasons: await reasonsOfImport(store, importId) };
    });
  } finally {
    await dropWorkTables(store);
    await store.run('RESET checkpoint_threshold');
    await store.run('CHECKPOINT');
  }
}

async function reasonsOfImport(store: Store, importId: number): Promise<Array<{ kind: string; rows: number }>> {
  return store.all<{ kind: string; rows: number }>(
    `SELECT split_part(reason, ':', 1) AS kind, count(*) AS rows FROM import_rejects WHERE import_id = ? GROUP BY kind ORDER BY rows DESC, kind`,
    [importId],
  );
}

/** Every rejected row of an import, in line order, a page at a time (memory stays bounded however many there are). */
export async function* rejectPagesOfImport(store: Store, importId: number, pageSize = 50_000): AsyncGenerator<RejectedRow[]> {
  let after = -1;
  for (;;) {
    const rows = await store.all<{ line: number; reason: string; origin_id: string | null }>(
      `SELECT line, reason, origin_id FROM import_rejects WHERE import_id = ? AND line > ? ORDER BY line LIMIT ${Math.max(1, Math.floor(pageSize))}`,
      [importId, after],
    );
    if (rows.length === 0) return;
    yield rows.map((r) => ({ line: r.line, reason: r.reason, originId: r.origin_id }));
    after = rows[rows.length - 1]?.line ?? after;
  }
}

/** The rejected rows of an import, in line order (`limit` rows at most). */
export async function rejectsOfImport(store: Store, importId: number, limit?: number): Promise<RejectedRow[]> {
  const rows = await store.all<{ line: number; reason: string; origin_id: string | null }>(
    `SELECT line, reason, origin_id FROM import_rejects WHERE import_id = ? ORDER BY line${limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(limit))}` : ''}`,
    [importId],
  );
  return rows.map((r) => ({ line: r.line, reason: r.reason, originId: r.origin_id }));
}
