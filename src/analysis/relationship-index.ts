/**
 * The relationship index: an exponentially weighted mean of event intensities,
 * pulled towards a prior when events are few, on the −9…+9 scale of the
 * Tsinghua bands. The formula is in docs/analysis.md; keep the two in step.
 */
import { daysBetween, periodEndOf, periodLabelOf } from './periods.ts';
import { eventsOfSums } from './intervals.ts';
import type { PeriodSums } from './intervals.ts';
import { INDEX_BANDS } from './types.ts';
import type { BandName, Granularity, IndexOptions, IndexPoint, Trend } from './types.ts';

export const DEFAULT_INDEX_OPTIONS: IndexOptions = { halfLifeDays: 90, prior: 0, priorWeight: 3 };

export const INDEX_MIN = -9;
export const INDEX_MAX = 9;

/** The band a value falls in: `[min, max)`, with 9 itself in `friendly` and anything below −9 in `confrontation`. */
export function bandOf(value: number): BandName {
  for (const band of INDEX_BANDS) if (value < band.max) return band.name;
  return 'friendly';
}

/** `value` held inside −9…+9 (PLOVER intensities run to +10, the scale to +9). */
export function clampToScale(value: number): number {
  return Math.min(INDEX_MAX, Math.max(INDEX_MIN, value));
}

/**
 * The index at the end of each period. With `n` events of intensity sum `s`
 * in period p (of `d` days) and `λ = 0.5^(d / halfLife)`:
 * `N_p = λ·N_{p−1} + n`, `S_p = λ·S_{p−1} + s` (both 0 before the first period),
 * `index_p = clamp((S_p + prior·w) / (N_p + w))` with `w` the prior's weight.
 */
export function indexFromPeriodSums(periods: readonly PeriodSums[], granularity: Granularity, options: IndexOptions = DEFAULT_INDEX_OPTIONS): IndexPoint[] {
  let weight = 0;
  let sum = 0;
  return periods.map((p) => {
    const end = periodEndOf(p.start, granularity);
    const decay = 0.5 ** ((daysBetween(p.start, end) + 1) / options.halfLifeDays);
    const events = eventsOfSums(p.total);
    weight = decay * weight + events;
    sum = decay * sum + p.total.net;
    const value = clampToScale((sum + options.prior * options.priorWeight) / (weight + options.priorWeight));
    return { period: periodLabelOf(p.start, granularity), start: p.start, end, value, band: bandOf(value), events, weight };
  });
}

/** A change smaller than this over the trend window is called stable. */
export const STABLE_CHANGE = 0.5;

/** Least-squares slope of the index over its last `periods` points; `null` with fewer than 2. */
export function trendOfIndex(points: readonly IndexPoint[], periods: number): Trend | null {
  const tail = points.slice(-Math.max(2, periods));
  const n = tail.length;
  if (n < 2) return null;
  const meanX = (n - 1) / 2;
  const meanY = tail.reduce((acc, p) => acc + p.value, 0) / n;
  let num = 0;
  let den = 0;
  tail.forEach((p, i) => {
    num += (i - meanX) * (p.value - meanY);
    den += (i - meanX) ** 2;
  });
  const slope = num / den;
  const change = slope * (n - 1);
  const direction = Math.abs(change) < STABLE_CHANGE ? 'stable' : change > 0 ? 'improving' : 'worsening';
  return { periods: n, slope, change, direction };
}
