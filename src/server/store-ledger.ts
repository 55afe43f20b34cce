import type { DyadQuery } from '../analysis/types.ts';
import type { Progress } from '../progress.ts';
import { documentCountOfDyad, evidenceContext } from '../store/dashboard-queries.ts';
import type { EventSort as StoreSort, StoredEvent, Store } from '../store/index.ts';
import { dayOfPartialDate, documents, dyadFromFlag, dyadOf, dyads, eventById, eventsWhere, lastDayOfPartialDate } from '../store/index.ts';
import { PLOVER_TYPES, TYPE_TABLE, type EventType, type Modality } from '../types.ts';
import { matrixFromStore, overviewFromStore, thirdPartiesFromStore } from './dyad-views.ts';
import type { EventRow, EventSort, EventsResponse, EvidenceResponse, JobView } from './api-types.ts';
import type { Ledger } from './ledger.ts';
import type { EventsQuery } from './params.ts';

const EXCERPT = 180;
const COUNTED_MODALITIES: readonly Modality[] = ['asserted', 'future'];

const SORTS: Readonly<Record<EventSort, StoreSort>> = {
  date: 'day',
  type: 'type',
  intensity: 'intensity',
  source: 'source',
  target: 'target',
  origin: 'origin',
  theater: 'theater',
};

const COOPERATION: readonly EventType[] = PLOVER_TYPES.filter((t) => TYPE_TABLE[t].quad <= 2);
const CONFLICT: readonly EventType[] = PLOVER_TYPES.filter((t) => TYPE_TABLE[t].quad >= 3);

/** An event as a row of the events table. */
export function eventRowOf(e: StoredEvent): EventRow {
  const text = e.sentence?.text ?? null;
  return {
    id: e.id,
    date: e.date ?? e.day,
    source: { country: e.source.country, sector: e.source.sector, text: e.source.text },
    target: { country: e.target.country, sector: e.target.sector, text: e.target.text },
    type: e.type,
    quad: e.quad,
    intensity: e.intensity,
    negated: e.negated,
    modality: e.modality,
    contexts: e.contexts,
    theater: e.theater,
    origin: e.origin,
    doc: e.doc,
    excerpt: text == null ? null : text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text,
  };
}

/** The event types a type filter and a cooperation/conflict choice leave (their intersection). */
function typesOf(query: Pick<EventsQuery, 'type' | 'polarity'>): readonly EventType[] | undefined {
  const side = query.polarity === 'cooperation' ? COOPERATION : query.polarity === 'conflict' ? CONFLICT : undefined;
  if (query.type == null) return side;
  if (side == null) return [query.type];
  return side.includes(query.type) ? [query.type] : [];
}

/** One page of the events table. */
export async function eventsPageOf(store: Store, query: EventsQuery): Promise<EventsResponse> {
  const { a, b } = dyadFromFlag(query.dyad);
  const { total, events } = await eventsWhere(store, {
    dyad: `${a}-${b}`,
    direction: query.direction === 'ab' ? 'forward' : query.direction === 'ba' ? 'backward' : 'both',
    from: query.from,
    to: query.to,
    origin: query.origin,
    type: typesOf(query),
    context: query.context,
    theater: query.theater,
    docId: query.doc,
    // The analysis counts asserted and future acts that were not negated, and an act coded each way once
    // when it counts both directions; `counted` shows exactly those, so a matrix cell and its list agree.
    ...(query.scope === 'counted' ? { negated: false, modality: COUNTED_MODALITIES, ...(query.direction === 'ab' || query.direction === 'ba' ? {} : { mirrors: false }) } : {}),
    sort: SORTS[query.sort],
    order: query.order,
    limit: query.size,
    offset: (query.page - 1) * query.size,
  });
  return { total, page: query.page, size: query.size, rows: events.map(eventRowOf) };
}

function httpUrl(value: string | null): string | null {
  return value != null && /^https?:\/\//i.test(value) ? value : null;
}

/** The evidence of one event: its sentence in its paragraph, its document and its rule. */
export async function evidenceOf(store: Store, id: string): Promise<EvidenceResponse | null> {
  const event = await eventById(store, id);
  if (event == null) return null;
  const context = event.docId != null ? await evidenceContext(store, event.docId, event.sentence?.index ?? null) : null;
  let paragraph: EvidenceResponse['paragraph'] = null;
  if (context?.paragraph != null && context.paragraphStart != null && event.sentence != null) {
    const text = context.paragraph;
    const expected = event.sentence.start - context.paragraphStart;
    // Offsets are UTF-16 in JS and code points in DuckDB; find the sentence itself rather than trust either.
    const found = text.slice(expected, expected + event.sentence.text.length) === event.sentence.text ? expected : text.indexOf(event.sentence.text);
    if (found >= 0) {
      const start = found;
      const end = found + event.sentence.text.length;
      const shift = start - event.sentence.start;
      const trigger = event.span != null && event.span.start + shift >= start && event.span.end + shift <= end ? { start: event.span.start + shift, end: event.span.end + shift } : null;
      paragraph = { text, sentence: { start, end }, trigger };
    }
  }
  return {
    event: eventRowOf(event),
    paragraph,
    sentence: event.sentence?.text ?? null,
    document: {
      id: event.docId,
      name: context?.name ?? event.doc,
      title: context?.title ?? null,
      date: context?.date ?? null,
      url: httpUrl(event.url) ?? httpUrl(context?.source ?? null),
      source: context?.source ?? null,
    },
    rule: event.rule,
    entries: event.entries,
    cameo: event.cameo,
  };
}


/** The analysis of a dyad over the whole ledger, as `detente report` does it by default. */
export function dyadQueryOf(dyad: string, period: { readonly from?: string | undefined; readonly to?: string | undefined } = {}): DyadQuery {
  const { a, b } = dyadFromFlag(dyad);
  return {
    a,
    b,
    directed: false,
    // The analysis takes whole days: a partial date stands for its first day (from) or its last (to).
    from: period.from != null ? (dayOfPartialDate(period.from)?.day ?? null) : null,
    to: period.to != null ? lastDayOfPartialDate(period.to) : null,
    origins: null,
    modalities: COUNTED_MODALITIES,
    includeNegated: false,
  };
}

/** Adds one document to the ledger (ingest, code, store) and says what it stored. */
export type AddDocument = (store: Store, bytes: Uint8Array, name: string, date: string | null, progress: Progress) => Promise<NonNullable<JobView['result']>>;

const CACHED_VIEWS = 32;

/**
 * The API over a real store. Analyses of a dyad (overview, matrix, third
 * parties) are kept until the ledger changes (a document is added).
 */
export function ledgerOfStore(store: Store, addDocument: AddDocument): Ledger {
  const views = new Map<string, Promise<unknown>>();
  const cached = <T>(key: string, make: () => Promise<T>): Promise<T> => {
    let view = views.get(key) as Promise<T> | undefined;
    if (view == null) {
      view = make();
      view.catch(() => views.delete(key));
      views.set(key, view);
      if (views.size > CACHED_VIEWS) views.delete(views.keys().next().value ?? key);
    }
    return view;
  };
  const periodKey = (q: { from?: string | undefined; to?: string | undefined }): string => `${q.from ?? ''}|${q.to ?? ''}`;

  return {
    async dyads() {
      const rows = await dyads(store);
      return {
        dyads: rows.map((d) => ({ key: d.dyad, a: d.a, b: d.b, events: d.events })),
        totalEvents: rows.reduce((n, d) => n + d.events, 0),
      };
    },
    overview: (query) =>
      cached(`overview|${query.dyad}|${query.interval}|${periodKey(query)}`, async () => {
        const { a, b } = dyadFromFlag(query.dyad);
        return overviewFromStore(store, dyadQueryOf(query.dyad, query), query.interval, await documentCountOfDyad(store, dyadOf(a, b)));
      }),
    matrix: (query) => cached(`matrix|${query.dyad}|${query.by}|${periodKey(query)}`, () => matrixFromStore(store, dyadQueryOf(query.dyad, query), query.by)),
    thirdParties: (query) => cached(`third|${query.dyad}|${periodKey(query)}`, () => thirdPartiesFromStore(store, dyadQueryOf(query.dyad, query))),
    events: (query) => eventsPageOf(store, query),
    evidence: (id) => evidenceOf(store, id),
    async documents() {
      const rows = await documents(store);
      return {
        documents: rows.map((d) => ({ id: d.id, name: d.name, title: d.title, date: d.date, format: d.format, source: d.source, events: d.events })),
      };
    },
    async addDocument(bytes, name, date, progress) {
      const result = await addDocument(store, bytes, name, date, progress);
      views.clear();
      return result;
    },
  };
}
