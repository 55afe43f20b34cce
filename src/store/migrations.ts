import { StoreError } from '../errors.ts';
import type { Store } from './connection.ts';
import { ASSESSMENTS_MIGRATION, MIRROR_NOT_NULL_MIGRATION } from './assessments.ts';
import { FIGURES_MIGRATION } from './figures-queries.ts';

/**
 * One step of the schema. Versions count up from 1 without gaps; a migration,
 * once released, is never edited: change the schema by appending a new one.
 * Each runs in its own transaction together with its `schema_version` row, so
 * a crash leaves the database at the previous version.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly statements: readonly string[];
}

/**
 * The schema, oldest first. To add tables: append
 * `{ version: <last + 1>, name: 'what it adds', statements: ['CREATE TABLE …'] }`
 * (or import it from your own file under `src/store/` and append it here), and
 * document the tables in `src/store/schema.md`.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger: documents, sentences, events, actors, imports',
    statements: [
      `CREATE TABLE documents (
        id VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        title VARCHAR,
        date VARCHAR,
        day DATE,
        source VARCHAR,
        text VARCHAR NOT NULL,
        original VARCHAR NOT NULL,
        offsets JSON NOT NULL,
        paragraphs JSON NOT NULL,
        sections JSON NOT NULL,
        blocks JSON NOT NULL,
        stored_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      )`,
      `CREATE TABLE sentences (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        span_start INTEGER NOT NULL,
        span_end INTEGER NOT NULL,
        paragraph INTEGER NOT NULL,
        section VARCHAR
      )`,
      `CREATE SEQUENCE import_ids START 1`,
      `CREATE TABLE imports (
        id INTEGER PRIMARY KEY,
        format VARCHAR NOT NULL,
        path VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        file_hash VARCHAR NOT NULL,
        bytes BIGINT NOT NULL,
        started_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP NOT NULL,
        rows BIGINT NOT NULL,
        imported BIGINT NOT NULL,
        duplicates BIGINT NOT NULL,
        rejected BIGINT NOT NULL
      )`,
      `CREATE TABLE import_rejects (
        import_id INTEGER NOT NULL,
        line BIGINT NOT NULL,
        reason VARCHAR NOT NULL,
        origin_id VARCHAR
      )`,
      `CREATE TABLE events (
        id VARCHAR NOT NULL,
        origin VARCHAR NOT NULL,
        origin_id VARCHAR,
        import_id INTEGER,
        doc VARCHAR,
        doc_id VARCHAR,
        sentence_index INTEGER,
        sentence_text VARCHAR,
        sentence_start INTEGER,
        sentence_end INTEGER,
        span_start INTEGER,
        span_end INTEGER,
        source_country VARCHAR NOT NULL,
        source_sector VARCHAR,
        source_text VARCHAR,
        source_entry VARCHAR,
        source_start INTEGER,
        source_end INTEGER,
        target_country VARCHAR NOT NULL,
        target_sector VARCHAR,
        target_text VARCHAR,
        target_entry VARCHAR,
        target_start INTEGER,
        target_end INTEGER,
        dyad VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        quad TINYINT NOT NULL,
        intensity DOUBLE NOT NULL,
        cameo VARCHAR,
        negated BOOLEAN NOT NULL,
        modality VARCHAR NOT NULL,
        contexts VARCHAR[] NOT NULL,
        theater VARCHAR,
        date VARCHAR,
        day DATE,
        day_precision VARCHAR,
        day_from VARCHAR,
        section VARCHAR,
        rule VARCHAR NOT NULL,
        entries VARCHAR[] NOT NULL,
        url VARCHAR,
        geo_fips VARCHAR
      )`,
      `CREATE TABLE actors (
        entry VARCHAR PRIMARY KEY,
        country VARCHAR NOT NULL,
        sector VARCHAR,
        text VARCHAR
      )`,
    ],
  },
  { version: 2, ...FIGURES_MIGRATION },
  {
    version: 3,
    name: 'imports resume: status, last committed line, file stamp',
    statements: [
      `ALTER TABLE imports ADD COLUMN status VARCHAR DEFAULT 'complete'`,
      `ALTER TABLE imports ADD COLUMN last_line BIGINT DEFAULT 0`,
      `ALTER TABLE imports ADD COLUMN stamp VARCHAR`,
    ],
  },
  {
    version: 4,
    name: 'documents: publisher from front matter',
    statements: ['ALTER TABLE documents ADD COLUMN publisher VARCHAR'],
  },
  { version: 5, ...ASSESSMENTS_MIGRATION },
  { version: 6, ...MIRROR_NOT_NULL_MIGRATION },
];

/** Checks that versions run 1, 2, 3… with no gap or repeat. */
export function checkedMigrations(migrations: readonly Migration[]): readonly Migration[] {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new StoreError(`migration "${m.name}" has version ${m.version}; expected ${i + 1} (versions count up from 1 without gaps)`);
  });
  return migrations;
}

/** The schema version the database is at (0 for a new database). */
export async function schemaVersion(store: Store): Promise<number> {
  const table = await store.one<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'schema_version' AND table_schema = 'main'`);
  if (!table || table.n === 0) return 0;
  const row = await store.one<{ v: number | null }>('SELECT max(version) AS v FROM schema_version');
  return row?.v ?? 0;
}

/**
 * Brings the database forward to the last migration, one transaction per
 * step; returns the versions applied. Refuses a database written by a newer
 * detente rather than guess at its tables.
 */
export async function migrate(store: Store, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  checkedMigrations(migrations);
  await store.run(`CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    name VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp
  )`);
  const current = await schemaVersion(store);
  const latest = migrations.length;
  if (current > latest) {
    throw new StoreError(`${store.path}: database schema version ${current} is newer than this detente knows (${latest}); upgrade detente`);
  }
  const applied: number[] = [];
  for (const migration of migrations.slice(current)) {
    await store.transaction(async () => {
      for (const statement of migration.statements) await store.run(statement);
      await store.run('INSERT INTO schema_version (version, name) VALUES (?, ?)', [migration.version, migration.name]);
    });
    applied.push(migration.version);
  }
  // DuckDB cannot replay some schema changes from its write-ahead log after a crash: write them to the file now.
  if (applied.length > 0) await store.run('CHECKPOINT');
  return applied;
}
