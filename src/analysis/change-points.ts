/**
 * Change points: boundaries between periods where the mean intensity of the
 * events after differs from the mean before, by a two-window Welch t test
 * computed from per-period sums (docs/analysis.md).
 */
import { eventsOfSums, sumsPlus, EMPTY_SUMS } from './intervals.ts';
import type { FlowSums, PeriodSums } from './intervals.ts';
import { nextPeriodStart, periodLabelOf } from './periods.ts';
import type { ChangePoint, ChangePointOptions, EvidenceEvent, Granularity, WindowStats } from './types.ts';

/** Default window (periods each side) per granularity: about a quarter to half a year of context. */
export const DEFAULT_WINDOWS: Readonly<Record<Granularity, number>> = { day: 14, week: 8, month: 3, quarter: 2, year: 2 };

export function defaultChangePointOptions(granularity: Granularity): ChangePointOptions {
  return { window: DEFAULT_WINDOWS[granularity], threshold: 3, minEvents: 5, max: 5 };
}

/** Variances below this (intensity units²) are raised to it, so a few identical events cannot give an infinite t. */
export const VARIANCE_FLOOR = 1;

/** A boundary found by {@link changePointsFromPeriodSums}, before its evidence is fetched. */
export interface ChangePointCandidate extends Omit<ChangePoint, 'drivers' | 'faded'> {
  /** Index of the first period after the turn. */
  readonly index: number;
  /** First day of the before window, and the first day after the after window (exclusive). */
  readonly beforeFrom: string;
  readonly afterUntil: string;
}

interface Moments {
  readonly n: number;
  readonly mean: number;
  readonly variance: number;
}

function momentsOf(sums: FlowSums): Moments {
  const n = eventsOfSums(sums);
  const mean = n > 0 ? sums.net / n : 0;
  const variance = n > 1 ? (sums.squares - n * mean * mean) / (n - 1) : 0;
  return { n, mean, variance: Math.max(VARIANCE_FLOOR, variance) };
}

/** Welch's t of the difference of means `after − before`. */
export function welchT(before: FlowSums, after: FlowSums): number {
  const x = momentsOf(before);
  const y = momentsOf(after);
  return (y.mean - x.mean) / Math.sqrt(x.variance / x.n + y.variance / y.n);
}

function windowStats(periods: readonly PeriodSums[], from: number, to: number, granularity: Granularity, sums: FlowSums): WindowStats {
  const n = eventsOfSums(sums);
  return {
    from: periodLabelOf(periods[from]?.start ?? '', granularity),
    to: periodLabelOf(periods[to]?.start ?? '', granularity),
    events: n,
    mean: n > 0 ? sums.net / n : null,
  };
}

/**
 * Boundaries where |t| ≥ threshold with enough events on both sides, the
 * strongest first; a boundary within `window` periods of a stronger one is
 * the same turn and is dropped. Periods must be consecutive (gap-filled).
 */
export function changePointsFromPeriodSums(periods: readonly PeriodSums[], granularity: Granularity, options: ChangePointOptions): ChangePointCandidate[] {
  const w = options.window;
  const found: ChangePointCandidate[] = [];
  for (let i = w; i + w <= periods.length; i++) {
    const before = periods.slice(i - w, i).reduce((acc, p) => sumsPlus(acc, p.total), EMPTY_SUMS);
    const after = periods.slice(i, i + w).reduce((acc, p) => sumsPlus(acc, p.total), EMPTY_SUMS);
    if (eventsOfSums(before) < options.minEvents || eventsOfSums(after) < options.minEvents) continue;
    const t = welchT(before, after);
    if (!(Math.abs(t) >= options.threshold)) continue;
    const b = windowStats(periods, i - w, i - 1, granularity, before);
    const a = windowStats(periods, i, i + w - 1, granularity, after);
    const shift = (a.mean ?? 0) - (b.mean ?? 0);
    const start = periods[i]?.start ?? '';
    found.push({
      index: i,
      period: periodLabelOf(start, granularity),
      start,
      before: b,
      after: a,
      shift,
      t,
      direction: shift >= 0 ? 'warmer' : 'cooler',
      beforeFrom: periods[i - w]?.start ?? start,
      afterUntil: periods[i + w]?.start ?? nextAfter(periods, granularity),
    });
  }
  found.sort((x, y) => Math.abs(y.t) - Math.abs(x.t) || x.index - y.index);
  const kept: ChangePointCandidate[] = [];
  for (const c of found) {
    if (kept.length >= options.max) break;
    if (kept.some((k) => Math.abs(k.index - c.index) < w)) continue;
    kept.push(c);
  }
  return kept.sort((x, y) => x.index - y.index);
}

function nextAfter(periods: readonly PeriodSums[], granularity: Granularity): string {
  const last = periods[periods.length - 1]?.start ?? '';
  return last === '' ? '' : nextPeriodStart(last, granularity);
}

/** A candidate with its evidence. */
export function changePointWithEvidence(candidate: ChangePointCandidate, drivers: readonly EvidenceEvent[], faded: readonly EvidenceEvent[]): ChangePoint {
  const { index: _index, beforeFrom: _from, afterUntil: _until, ...rest } = candidate;
  return { ...rest, drivers, faded };
}
