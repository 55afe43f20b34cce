import { DuckDBInstance, DuckDBTypeId, listValue, VARCHAR, LIST } from '@duckdb/node-api';
import type { DuckDBAppender, DuckDBConnection, DuckDBResultReader, DuckDBValue } from '@duckdb/node-api';
import { StoreError } from '../errors.ts';
import { MIGRATIONS, migrate } from './migrations.ts';
import type { Migration } from './migrations.ts';

/** A value that can be bound to a `?` or `$name` parameter. Arrays bind as `VARCHAR[]`. */
export type SqlValue = string | number | boolean | bigint | null | readonly string[];

/** Parameters of one statement: positional (`?`, `$1`) or named (`$name`). */
export type SqlParams = readonly SqlValue[] | Readonly<Record<string, SqlValue>>;

/** A row as returned by {@link Store.all}: JSON-safe values (DATE and TIMESTAMP as ISO strings, lists as arrays). */
export type Row = Record<string, unknown>;

/**
 * The one handle on the database. Every query is parameterised; values come
 * back JSON-safe: integers (BIGINT included, when they fit) as numbers,
 * DATE as `YYYY-MM-DD`, TIMESTAMP as ISO text, lists as arrays.
 *
 * Other stages write their SQL in their own file under `src/store/` and run it
 * through `all`, `one` and `run`, e.g.
 * `await store.all<{ day: string; n: number }>('SELECT day, count(*) AS n FROM events WHERE dyad = ? GROUP BY day', ['RUS-USA'])`.
 */
export interface Store {
  /** The database file, or `:memory:`. */
  readonly path: string;
  /** Runs a statement and returns every row. */
  all<T = Row>(sql: string, params?: SqlParams): Promise<T[]>;
  /** Runs a statement and returns its first row, or `null`. */
  one<T = Row>(sql: string, params?: SqlParams): Promise<T | null>;
  /** Runs a statement for its effect; returns the number of rows changed. */
  run(sql: string, params?: SqlParams): Promise<number>;
  /**
   * Runs `work` inside one transaction: committed when it resolves, rolled
   * back when it throws. Nested calls join the outer transaction.
   */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  /** A bulk appender on a table (rows join the current transaction, if any). Close it before committing. */
  appender(table: string): Promise<DuckDBAppender>;
  close(): Promise<void>;
}

const LOCK_PATTERN = /Could not set lock on file .*Conflicting lock is held in .*\(PID (\d+)\)/s;

/**
 * Opens (creating if needed) the database at `path`, or an in-memory one for
 * `:memory:`, and brings its schema up to date. A file held by another
 * process gives a one-line StoreError.
 */
export async function openStore(path: string, options: { readonly migrations?: readonly Migration[] } = {}): Promise<Store> {
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(path);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const lock = LOCK_PATTERN.exec(message);
    if (lock) throw new StoreError(`${path}: database is locked by another detente process (PID ${lock[1]}); wait for it to finish or use another --db`, { cause: error });
    throw new StoreError(`${path}: cannot open database: ${firstLine(message)}`, { cause: error });
  }
  const connection = await instance.connect();
  const store = new DuckStore(path, instance, connection);
  try {
    await migrate(store, options.migrations ?? MIGRATIONS);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function bindable(value: SqlValue): DuckDBValue {
  if (Array.isArray(value)) return listValue(value as readonly string[]);
  return value as DuckDBValue;
}

const STRING_LIST = LIST(VARCHAR);

function bind(params: SqlParams | undefined): { values?: DuckDBValue[] | Record<string, DuckDBValue>; types?: Record<string, typeof STRING_LIST> | (typeof STRING_LIST | undefined)[] } {
  if (params === undefined) return {};
  if (Array.isArray(params)) {
    const list = params as readonly SqlValue[];
    if (!list.some((v) => Array.isArray(v))) return { values: list.map(bindable) };
    return { values: list.map(bindable), types: list.map((v) => (Array.isArray(v) ? STRING_LIST : undefined)) };
  }
  const named = params as Readonly<Record<string, SqlValue>>;
  const values: Record<string, DuckDBValue> = {};
  const types: Record<string, typeof STRING_LIST> = {};
  for (const [key, value] of Object.entries(named)) {
    values[key] = bindable(value);
    if (Array.isArray(value)) types[key] = STRING_LIST;
  }
  return { values, types };
}

const BIG_INTEGER_TYPES = new Set([DuckDBTypeId.BIGINT, DuckDBTypeId.UBIGINT, DuckDBTypeId.HUGEINT, DuckDBTypeId.UHUGEINT]);

function rowsOf<T>(reader: DuckDBResultReader): T[] {
  const rows = reader.getRowObjectsJson() as Record<string, unknown>[];
  const names = reader.deduplicatedColumnNames();
  const big: string[] = [];
  for (let i = 0; i < reader.columnCount; i++) {
    if (BIG_INTEGER_TYPES.has(reader.columnTypeId(i))) big.push(names[i] ?? '');
  }
  if (big.length > 0) {
    for (const row of rows) {
      for (const name of big) {
        const value = row[name];
        if (typeof value === 'string') {
          const n = Number(value);
          if (Number.isSafeInteger(n)) row[name] = n;
        }
      }
    }
  }
  return rows as T[];
}

class DuckStore implements Store {
  private depth = 0;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  private async read(sql: string, params?: SqlParams): Promise<DuckDBResultReader> {
    const { values, types } = bind(params);
    try {
      return await this.connection.runAndReadAll(sql, values, types as never);
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
    return rowsOf<T>(await this.read(sql, params));
  }

  async one<T = Row>(sql: string, params?: SqlParams): Promise<T | null> {
    return (await this.all<T>(sql, params))[0] ?? null;
  }

  async run(sql: string, params?: SqlParams): Promise<number> {
    const { values, types } = bind(params);
    try {
      const result = await this.connection.run(sql, values, types as never);
      return result.rowsChanged;
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) return work();
    await this.run('BEGIN TRANSACTION');
    this.depth++;
    try {
      const result = await work();
      this.depth--;
      await this.run('COMMIT');
      return result;
    } catch (error) {
      this.depth--;
      try {
        await this.run('ROLLBACK');
      } catch {
        // the transaction may already be aborted by DuckDB; the original error matters
      }
      throw error;
    }
  }

  async appender(table: string): Promise<DuckDBAppender> {
    try {
      return await this.connection.createAppender(table);
    } catch (error) {
      throw storeErrorOf(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Wraps a DuckDB error as a one-line {@link StoreError}, keeping the original as cause. */
export function storeErrorOf(error: unknown): StoreError {
  if (error instanceof StoreError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new StoreError(firstLine(message), { cause: error });
}
