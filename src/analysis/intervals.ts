import { InputError } from '../errors.ts';
import type { Quad } from '../types.ts';
import { periodEndOf, periodLabelOf, periodStartOf, periodStartsBetween } from './periods.ts';
import type { DirectedFlow, DyadQuery, FlowStats, Granularity, IntervalRow, PeriodFlowRow, QuadCounts } from './types.ts';

/** More periods than this is a mistake of `--by` (daily over centuries), not a report. */
export const MAX_PERIODS = 50_000;

/** Running sums behind a {@link FlowStats}. */
export interface FlowSums {
  readonly quads: QuadCounts;
  readonly net: number;
  readonly squares: number;
}

export const EMPTY_SUMS: FlowSums = { quads: { q1: 0, q2: 0, q3: 0, q4: 0 }, net: 0, squares: 0 };

/** `sums` with `events` more events of `quad` whose intensities add to `intensity` (squares to `squares`). */
export function sumsWith(sums: FlowSums, quad: Quad, events: number, intensity: number, squares = 0): FlowSums {
  const key = `q${quad}` as const;
  return {
    quads: { ...sums.quads, [key]: sums.quads[key] + events },
    net: sums.net + intensity,
    squares: sums.squares + squares,
  };
}

/** Sum of two {@link FlowSums}. */
export function sumsPlus(x: FlowSums, y: FlowSums): FlowSums {
  return {
    quads: { q1: x.quads.q1 + y.quads.q1, q2: x.quads.q2 + y.quads.q2, q3: x.quads.q3 + y.quads.q3, q4: x.quads.q4 + y.quads.q4 },
    net: x.net + y.net,
    squares: x.squares + y.squares,
  };
}

/** Events counted in `sums`. */
export function eventsOfSums(sums: FlowSums): number {
  return sums.quads.q1 + sums.quads.q2 + sums.quads.q3 + sums.quads.q4;
}

/** Counts, net and mean intensity and cooperation share of some events. */
export function flowStatsOfSums(sums: FlowSums): FlowStats {
  const events = eventsOfSums(sums);
  const cooperation = sums.quads.q1 + sums.quads.q2;
  return {
    events,
    quads: sums.quads,
    cooperation,
    conflict: sums.quads.q3 + sums.quads.q4,
    net: roundTo(sums.net, 6),
    mean: events > 0 ? sums.net / events : null,
    cooperationShare: events > 0 ? cooperation / events : null,
  };
}

/** `x` rounded to `digits` decimals (sums of halves stay exact; this only trims float noise). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sums of one period: both directions together and each apart. */
export interface PeriodSums {
  readonly start: string;
  readonly total: FlowSums;
  readonly forward: FlowSums;
  readonly backward: FlowSums;
}

/**
 * The dated periods of a dyad, gap-filled: one entry for every period from the
 * query's `from` (or the first event) to its `to` (or the last event).
 */
export function periodSumsFromFlows(rows: readonly PeriodFlowRow[], query: Pick<DyadQuery, 'from' | 'to' | 'directed'>, granularity: Granularity): PeriodSums[] {
  const byStart = new Map<string, { total: FlowSums; forward: FlowSums; backward: FlowSums }>();
  let first: string | null = null;
  let last: string | null = null;
  for (const row of rows) {
    if (row.period === null) continue;
    const start = periodStartOf(row.period, granularity);
    if (first === null || start < first) first = start;
    if (last === null || start > last) last = start;
    const entry = byStart.get(start) ?? { total: EMPTY_SUMS, forward: EMPTY_SUMS, backward: EMPTY_SUMS };
    // The other direction of an act coded each way counts in its direction, not again in the total.
    if (!row.mirror || query.directed) entry.total = sumsWith(entry.total, row.quad, row.events, row.intensity, row.intensitySquares);
    if (row.forward) entry.forward = sumsWith(entry.forward, row.quad, row.events, row.intensity, row.intensitySquares);
    else entry.backward = sumsWith(entry.backward, row.quad, row.events, row.intensity, row.intensitySquares);
    byStart.set(start, entry);
  }
  const from = query.from ?? first;
  const to = query.to ?? last;
  if (from === null || to === null || from > to) return [];
  let starts: string[];
  try {
    starts = periodStartsBetween(from, to, granularity, MAX_PERIODS);
  } catch {
    throw new InputError('--by', `${from} to ${to} by ${granularity} is more than ${MAX_PERIODS} periods; choose a longer --by or a shorter --from/--to`);
  }
  return starts.map((start) => {
    const entry = byStart.get(start);
    return { start, total: entry?.total ?? EMPTY_SUMS, forward: entry?.forward ?? EMPTY_SUMS, backward: entry?.backward ?? EMPTY_SUMS };
  });
}

/** The per-interval table: counts per quad, net and mean intensity, cooperation share, per period and direction. */
export function intervalsFromPeriodSums(periods: readonly PeriodSums[], query: Pick<DyadQuery, 'a' | 'b' | 'directed'>, granularity: Granularity): IntervalRow[] {
  return periods.map((p) => ({
    period: periodLabelOf(p.start, granularity),
    start: p.start,
    end: periodEndOf(p.start, granularity),
    total: flowStatsOfSums(p.total),
    directions: directionsOf(query, p.forward, p.backward),
  }));
}

/** The directed flows of a dyad: A→B, then B→A unless the query is directed. */
export function directionsOf(query: Pick<DyadQuery, 'a' | 'b' | 'directed'>, forward: FlowSums, backward: FlowSums): DirectedFlow[] {
  const flows: DirectedFlow[] = [{ source: query.a, target: query.b, stats: flowStatsOfSums(forward) }];
  if (!query.directed) flows.push({ source: query.b, target: query.a, stats: flowStatsOfSums(backward) });
  return flows;
}
