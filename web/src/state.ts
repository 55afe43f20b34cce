import type { Direction, EventSort, Interval, MatrixAxis, Polarity, Scope } from '../../src/server/api-types.ts';

export const VIEWS = ['overview', 'matrix', 'events', 'documents', 'third-parties'] as const;
export type View = (typeof VIEWS)[number];

/** Filters of the events table; empty strings mean "any". */
export interface Filters {
  readonly type: string;
  readonly context: string;
  readonly theater: string;
  readonly from: string;
  readonly to: string;
  readonly direction: Direction;
  readonly polarity: Polarity;
  readonly scope: Scope;
  readonly origin: string;
  readonly doc: string;
  readonly sort: EventSort;
  readonly order: 'asc' | 'desc';
  readonly page: number;
  readonly size: number;
}

/** Everything the page shows is a function of this, kept in the URL's hash so views can be linked. */
export interface State {
  readonly view: View;
  readonly dyad: string;
  readonly interval: Interval;
  readonly by: MatrixAxis;
  readonly filters: Filters;
  /** The event whose evidence is open, if any. */
  readonly event: string;
}

export const NO_FILTERS: Filters = {
  type: '',
  context: '',
  theater: '',
  from: '',
  to: '',
  direction: 'both',
  polarity: 'all',
  scope: 'all',
  origin: '',
  doc: '',
  sort: 'date',
  order: 'asc',
  page: 1,
  size: 50,
};

const DEFAULTS: State = { view: 'overview', dyad: '', interval: 'month', by: 'context', filters: NO_FILTERS, event: '' };

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value != null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

function intIn(value: string | null, min: number, max: number, fallback: number): number {
  const n = value == null ? NaN : Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

export function stateFromHash(hash: string): State {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const text = (key: string): string => p.get(key) ?? '';
  return {
    view: oneOf(p.get('view'), VIEWS, DEFAULTS.view),
    dyad: text('dyad'),
    interval: oneOf(p.get('interval'), ['year', 'quarter', 'month', 'week', 'day'], DEFAULTS.interval),
    by: oneOf(p.get('by'), ['context', 'theater'], DEFAULTS.by),
    event: text('event'),
    filters: {
      type: text('type'),
      context: text('context'),
      theater: text('theater'),
      from: text('from'),
      to: text('to'),
      direction: oneOf(p.get('direction'), ['both', 'ab', 'ba'], NO_FILTERS.direction),
      polarity: oneOf(p.get('polarity'), ['all', 'cooperation', 'conflict'], NO_FILTERS.polarity),
      scope: oneOf(p.get('scope'), ['all', 'counted'], NO_FILTERS.scope),
      origin: text('origin'),
      doc: text('doc'),
      sort: oneOf(p.get('sort'), ['date', 'type', 'intensity', 'source', 'target', 'origin', 'theater'], NO_FILTERS.sort),
      order: oneOf(p.get('order'), ['asc', 'desc'], NO_FILTERS.order),
      page: intIn(p.get('page'), 1, 1_000_000, 1),
      size: intIn(p.get('size'), 1, 200, NO_FILTERS.size),
    },
  };
}

/** The hash for `state`, leaving out defaults so links stay short. */
export function hashFromState(state: State): string {
  const p = new URLSearchParams();
  p.set('view', state.view);
  if (state.dyad) p.set('dyad', state.dyad);
  if (state.interval !== DEFAULTS.interval) p.set('interval', state.interval);
  if (state.by !== DEFAULTS.by) p.set('by', state.by);
  for (const [key, value] of Object.entries(state.filters)) {
    if (value !== NO_FILTERS[key as keyof Filters]) p.set(key, String(value));
  }
  if (state.event) p.set('event', state.event);
  return `#${p.toString()}`;
}

/** The query string of `/api/events` for these filters. */
export function eventsParams(dyad: string, f: Filters): Record<string, string> {
  const params: Record<string, string> = { dyad };
  for (const [key, value] of Object.entries(f)) {
    if (value !== '' && value !== NO_FILTERS[key as keyof Filters]) params[key] = String(value);
  }
  return params;
}
