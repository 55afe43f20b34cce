import { createHash } from 'node:crypto';
import { LIST, VARCHAR, listValue } from '@duckdb/node-api';
import type { DuckDBAppender } from '@duckdb/node-api';
import type { ActorRef, Context, Event, EventType, Modality, Origin, Quad, Sector } from '../types.ts';
import { InputError } from '../errors.ts';
import type { Row, SqlValue, Store } from './connection.ts';
import { dayOfPartialDate, lastDayOfPartialDate } from './dates.ts';
import type { DayPrecision } from './dates.ts';

/** An event as stored: the `Event` plus its ledger id and the columns derived for querying. */
export interface StoredEvent extends Event {
  /** Deterministic id (see {@link eventIdOf}). */
  readonly id: string;
  /** First day of the event's date, or of its document's date when it has none (`YYYY-MM-DD`). */
  readonly day: string | null;
  readonly dayPrecision: DayPrecision | null;
  /** Whether `day` came from the event's own date or from its document's. */
  readonly dayFrom: 'event' | 'document' | null;
  /** GDELT ActionGeo country as given (FIPS 10-4, not ISO). */
  readonly geoFips: string | null;
  /** The `imports` row that brought it (imported events only). */
  readonly importId: number | null;
}

const ID_LENGTH = 16;

/** The first 16 hex digits of the MD5 of `key`: the same value as SQL `left(md5(key), 16)`. */
export function idOfKey(key: string): string {
  return createHash('md5').update(key).digest('hex').slice(0, ID_LENGTH);
}

/**
 * The ledger id of an event, stable across runs so that storing it twice adds
 * nothing: imported events hash origin and origin id; coded events hash
 * document, sentence, the two countries, type, negation and modality (the
 * coding guide keeps one event per those per sentence).
 */
export function eventIdOf(event: Event): string {
  if (event.origin !== 'coded' && event.originId !== null) return idOfKey(`${event.origin}:${event.originId}`);
  return idOfKey(
    ['coded', event.docId ?? event.doc ?? '', event.sentence?.index ?? '', event.source.country, event.target.country, event.type, event.negated, event.modality].join(':'),
  );
}

/** The unordered pair of an event's ends, as stored in `events.dyad` (`RUS-USA`). */
export function dyadOf(a: string, b: string): string {
  return a <= b ? `${a}-${b}` : `${b}-${a}`;
}

/** Parses `--dyad A-B`: two codes (ISO3 or IGO) separated by one hyphen. */
export function dyadFromFlag(flag: string): { readonly a: string; readonly b: string } {
  const m = /^([A-Za-z0-9]{2,8})-([A-Za-z0-9]{2,8})$/.exec(flag.trim());
  if (!m) throw new InputError('--dyad', `"${flag}" is not a dyad; write two codes joined by a hyphen, e.g. USA-RUS`);
  return { a: (m[1] ?? '').toUpperCase(), b: (m[2] ?? '').toUpperCase() };
}

/** Number of `events` columns for the appender (migration 1, then `mirror` from migration 5). */
const EVENT_COLUMNS = 44;

const STRING_LIST = LIST(VARCHAR);

function appendText(app: DuckDBAppender, value: string | null | undefined): void {
  if (value === null || value === undefined) app.appendNull();
  else app.appendVarchar(value);
}

function appendInt(app: DuckDBAppender, value: number | null | undefined): void {
  if (value === null || value === undefined) app.appendNull();
  else app.appendInteger(value);
}

function appendActor(app: DuckDBAppender, actor: ActorRef): void {
  appendText(app, actor.country);
  appendText(app, actor.sector);
  appendText(app, actor.text);
  appendText(app, actor.entry);
  appendInt(app, actor.span?.start);
  appendInt(app, actor.span?.end);
}

/**
 * Appends events to `events` through `app` (an appender on that table) and
 * returns how many. `docDate` is the document's date, used for `day` when an
 * event has none.
 */
export function appendEvents(app: DuckDBAppender, events: readonly Event[], options: { readonly docDate?: string | null; readonly importId?: number | null } = {}): number {
  if (app.columnCount !== EVENT_COLUMNS) throw new Error(`events table has ${app.columnCount} columns; the appender writes ${EVENT_COLUMNS}`);
  const docDay = dayOfPartialDate(options.docDate ?? null);
  for (const e of events) {
    const own = dayOfPartialDate(e.date);
    const day = own ?? docDay;
    appendText(app, eventIdOf(e));
    appendText(app, e.origin);
    appendText(app, e.originId);
    appendInt(app, options.importId ?? null);
    appendText(app, e.doc);
    appendText(app, e.docId);
    appendInt(app, e.sentence?.index);
    appendText(app, e.sentence?.text);
    appendInt(app, e.sentence?.start);
    appendInt(app, e.sentence?.end);
    appendInt(app, e.span?.start);
    appendInt(app, e.span?.end);
    appendActor(app, e.source);
    appendActor(app, e.target);
    app.appendVarchar(dyadOf(e.source.country, e.target.country));
    app.appendVarchar(e.type);
    appendText(app, e.mode);
    app.appendTinyInt(e.quad);
    app.appendDouble(e.intensity);
    appendText(app, e.cameo);
    app.appendBoolean(e.negated);
    app.appendVarchar(e.modality);
    app.appendList(listValue([...e.contexts]), STRING_LIST);
    appendText(app, e.theater);
    appendText(app, e.date);
    appendText(app, day?.day);
    appendText(app, day?.precision);
    appendText(app, own ? 'event' : day ? 'document' : null);
    appendText(app, e.section);
    app.appendVarchar(e.rule);
    app.appendList(listValue([...e.entries]), STRING_LIST);
    appendText(app, e.url);
    app.appendNull();
    // Marked after the document's events are in (markMirrors), since it pairs rows.
    app.appendBoolean(false);
    app.endRow();
  }
  return events.length;
}

interface EventRow {
  id: string;
  origin: Origin;
  origin_id: string | null;
  import_id: number | null;
  doc: string | null;
  doc_id: string | null;
  sentence_index: number | null;
  sentence_text: string | null;
  sentence_start: number | null;
  sentence_end: number | null;
  span_start: number | null;
  span_end: number | null;
  source_country: string;
  source_sector: Sector | null;
  source_text: string | null;
  source_entry: string | null;
  source_start: number | null;
  source_end: number | null;
  target_country: string;
  target_sector: Sector | null;
  target_text: string | null;
  target_entry: string | null;
  target_start: number | null;
  target_end: number | null;
  type: EventType;
  mode: string | null;
  quad: Quad;
  intensity: number;
  cameo: string | null;
  negated: boolean;
  modality: Modality;
  contexts: Context[];
  theater: string | null;
  date: string | null;
  day: string | null;
  day_precision: DayPrecision | null;
  day_from: 'event' | 'document' | null;
  section: string | null;
  rule: string;
  entries: string[];
  url: string | null;
  geo_fips: string | null;
}

function actorOf(row: EventRow, end: 'source' | 'target'): ActorRef {
  const start = row[`${end}_start`];
  const stop = row[`${end}_end`];
  return {
    text: row[`${end}_text`],
    country: row[`${end}_country`],
    sector: row[`${end}_sector`],
    entry: row[`${end}_entry`],
    span: start !== null && stop !== null ? { start, end: stop } : null,
  };
}

/** Rebuilds a {@link StoredEvent} from a row of `events` (all columns). */
export function storedEventOf(row: Row): StoredEvent {
  const r = row as unknown as EventRow;
  return {
    id: r.id,
    origin: r.origin,
    originId: r.origin_id,
    doc: r.doc,
    docId: r.doc_id,
    sentence:
      r.sentence_index !== null
        ? { index: r.sentence_index, text: r.sentence_text ?? '', start: r.sentence_start ?? 0, end: r.sentence_end ?? 0 }
        : null,
    span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
    source: actorOf(r, 'source'),
    target: actorOf(r, 'target'),
    type: r.type,
    mode: r.mode,
    quad: r.quad,
    intensity: r.intensity,
    cameo: r.cameo,
    negated: r.negated,
    modality: r.modality,
    contexts: r.contexts,
    theater: r.theater,
    date: r.date,
    section: r.section,
    rule: r.rule,
    entries: r.entries,
    url: r.url,
    day: r.day,
    dayPrecision: r.day_precision,
    dayFrom: r.day_from,
    geoFips: r.geo_fips,
    importId: r.import_id,
  };
}

/** Columns the events list can be sorted by. */
export const EVENT_SORTS = ['day', 'intensity', 'type', 'quad', 'origin', 'source', 'target', 'theater'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

const SORT_SQL: Record<EventSort, string> = {
  day: 'day',
  intensity: 'intensity',
  type: 'type',
  quad: 'quad',
  origin: 'origin',
  source: 'source_country',
  target: 'target_country',
  theater: 'theater',
};

/** What {@link eventsWhere} selects; every field is optional and they combine with AND. */
export interface EventFilter {
  /** `A-B`: events between A and B (see `direction`). */
  readonly dyad?: string;
  /** With `dyad A-B`: `both` (default), `forward` (A→B only) or `backward` (B→A only). */
  readonly direction?: 'both' | 'forward' | 'backward';
  /** Events with this code at either end. */
  readonly country?: string;
  /** Partial ISO date: from its first day, inclusive. */
  readonly from?: string;
  /** Partial ISO date: to its last day, inclusive. */
  readonly to?: string;
  readonly origin?: Origin | readonly Origin[];
  readonly type?: EventType | readonly EventType[];
  readonly quad?: Quad;
  readonly context?: Context;
  readonly theater?: string;
  readonly docId?: string;
  readonly importId?: number;
  readonly negated?: boolean;
  /** One modality, or any of a list. */
  readonly modality?: Modality | readonly Modality[];
  /** `false`: leave out the second direction of each act coded each way, as the analysis does when it counts both directions together. */
  readonly mirrors?: boolean;
  readonly sort?: EventSort;
  readonly order?: 'asc' | 'desc';
  /** Page size (default 100, at most 10 000). */
  readonly limit?: number;
  readonly offset?: number;
}

/** The SQL `WHERE` clause and its parameters for a filter (shared with the analysis queries). */
export function whereOfFilter(filter: EventFilter): { readonly sql: string; readonly params: SqlValue[] } {
  const clauses: string[] = [];
  const params: SqlValue[] = [];
  if (filter.dyad !== undefined) {
    const { a, b } = dyadFromFlag(filter.dyad);
    const direction = filter.direction ?? 'both';
    if (direction === 'forward') {
      clauses.push('source_country = ? AND target_country = ?');
      params.push(a, b);
    } else if (direction === 'backward') {
      clauses.push('source_country = ? AND target_country = ?');
      params.push(b, a);
    } else {
      clauses.push('dyad = ?');
      params.push(dyadOf(a, b));
    }
  }
  if (filter.country !== undefined) {
    clauses.push('(source_country = ? OR target_country = ?)');
    params.push(filter.country, filter.country);
  }
  if (filter.from !== undefined) {
    const from = dayOfPartialDate(filter.from);
    if (!from) throw new InputError('--from', `"${filter.from}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    clauses.push('day >= CAST(? AS DATE)');
    params.push(from.day);
  }
  if (filter.to !== undefined) {
    const to = lastDayOfPartialDate(filter.to);
    if (!to) throw new InputError('--to', `"${filter.to}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    clauses.push('day <= CAST(? AS DATE)');
    params.push(to);
  }
  const listOrOne = (column: string, value: string | readonly string[] | undefined): void => {
    if (value === undefined) return;
    const list = typeof value === 'string' ? [value] : value;
    clauses.push(`list_contains(?, ${column})`);
    params.push(list);
  };
  listOrOne('origin', filter.origin);
  listOrOne('type', filter.type);
  if (filter.quad !== undefined) {
    clauses.push('quad = ?');
    params.push(filter.quad);
  }
  if (filter.context !== undefined) {
    clauses.push('list_contains(contexts, ?)');
    params.push(filter.context);
  }
  if (filter.theater !== undefined) {
    clauses.push('theater = ?');
    params.push(filter.theater);
  }
  if (filter.docId !== undefined) {
    clauses.push('doc_id = ?');
    params.push(filter.docId);
  }
  if (filter.importId !== undefined) {
    clauses.push('import_id = ?');
    params.push(filter.importId);
  }
  if (filter.negated !== undefined) {
    clauses.push('negated = ?');
    params.push(filter.negated);
  }
  listOrOne('modality', filter.modality);
  if (filter.mirrors === false) clauses.push('NOT mirror');
  return { sql: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** One page of events matching a filter, with the total number that match. */
export async function eventsWhere(store: Store, filter: EventFilter = {}): Promise<{ readonly total: number; readonly events: StoredEvent[] }> {
  const { sql: where, params } = whereOfFilter(filter);
  const sort = SORT_SQL[filter.sort ?? 'day'];
  if (sort === undefined) throw new InputError('--sort', `cannot sort by "${String(filter.sort)}"; choose one of ${EVENT_SORTS.join(', ')}`);
  const order = filter.order === 'asc' ? 'ASC' : 'DESC';
  const limit = Math.max(0, Math.min(10_000, Math.floor(filter.limit ?? 100)));
  const offset = Math.max(0, Math.floor(filter.offset ?? 0));
  const total = await store.one<{ n: number }>(`SELECT count(*) AS n FROM events ${where}`, params);
  const rows = await store.all(`SELECT * FROM events ${where} ORDER BY ${sort} ${order} NULLS LAST, id LIMIT ${limit} OFFSET ${offset}`, params);
  return { total: total?.n ?? 0, events: rows.map(storedEventOf) };
}

/** One event by its ledger id, or `null`. */
export async function eventById(store: Store, id: string): Promise<StoredEvent | null> {
  const row = await store.one('SELECT * FROM events WHERE id = ?', [id]);
  return row ? storedEventOf(row) : null;
}

/** A pair of ends present in the ledger, with how many events run each way. */
export interface DyadCount {
  /** `A-B` with A ≤ B. */
  readonly dyad: string;
  readonly a: string;
  readonly b: string;
  readonly events: number;
  /** Events A→B and B→A. */
  readonly forward: number;
  readonly backward: number;
  readonly first: string | null;
  readonly last: string | null;
}

/** Every dyad in the ledger, most events first. */
export async function dyads(store: Store, filter: Pick<EventFilter, 'origin' | 'from' | 'to'> = {}): Promise<DyadCount[]> {
  const { sql: where, params } = whereOfFilter(filter);
  const rows = await store.all<{ dyad: string; events: number; forward: number; first: string | null; last: string | null }>(
    `SELECT dyad, count(*) AS events,
            count(*) FILTER (WHERE source_country <= target_country) AS forward,
            min(day) AS first, max(day) AS last
       FROM events ${where}
      GROUP BY dyad
      ORDER BY events DESC, dyad`,
    params,
  );
  return rows.map((r) => {
    const [a = '', b = ''] = r.dyad.split('-');
    return { dyad: r.dyad, a, b, events: r.events, forward: r.forward, backward: r.events - r.forward, first: r.first, last: r.last };
  });
}
