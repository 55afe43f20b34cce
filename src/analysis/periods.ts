/**
 * Calendar arithmetic for time series, in UTC on `YYYY-MM-DD` strings. A
 * period is named by its first day; weeks start on Monday as in ISO 8601 and
 * as DuckDB's `date_trunc('week', …)`.
 */
import type { Granularity } from './types.ts';

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function msOf(day: string): number {
  const m = ISO_DAY.exec(day);
  if (!m) throw new RangeError(`not an ISO day: ${day}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function dayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The day `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return dayOfMs(msOf(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((msOf(to) - msOf(from)) / DAY_MS);
}

/** First day of the period holding `day`. */
export function periodStartOf(day: string, granularity: Granularity): string {
  const d = new Date(msOf(day));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return day;
    case 'week':
      return dayOfMs(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY_MS);
    case 'month':
      return dayOfMs(Date.UTC(y, m, 1));
    case 'quarter':
      return dayOfMs(Date.UTC(y, m - (m % 3), 1));
    case 'year':
      return dayOfMs(Date.UTC(y, 0, 1));
  }
}

/** First day of the period after the one starting on `start`. */
export function nextPeriodStart(start: string, granularity: Granularity): string {
  const d = new Date(msOf(start));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (granularity) {
    case 'day':
      return addDays(start, 1);
    case 'week':
      return addDays(start, 7);
    case 'month':
      return dayOfMs(Date.UTC(y, m + 1, 1));
    case 'quarter':
      return dayOfMs(Date.UTC(y, m + 3, 1));
    case 'year':
      return dayOfMs(Date.UTC(y + 1, 0, 1));
  }
}

/** Last day of the period starting on `start`. */
export function periodEndOf(start: string, granularity: Granularity): string {
  return addDays(nextPeriodStart(start, granularity), -1);
}

/** ISO week-numbering year and week of a day. */
function isoWeekOf(day: string): { readonly year: number; readonly week: number } {
  const d = new Date(msOf(day));
  // The Thursday of the same ISO week decides the year.
  const thursday = new Date(d.getTime() + (3 - ((d.getUTCDay() + 6) % 7)) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return { year, week };
}

/** The name of the period starting on `start`: `2013`, `2013-Q2`, `2013-06`, `2013-W24`, `2013-06-18`. */
export function periodLabelOf(start: string, granularity: Granularity): string {
  switch (granularity) {
    case 'day':
      return start;
    case 'week': {
      const { year, week } = isoWeekOf(start);
      return `${year}-W${String(week).padStart(2, '0')}`;
    }
    case 'month':
      return start.slice(0, 7);
    case 'quarter':
      return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return start.slice(0, 4);
  }
}

/** Every period start from the period of `first` to the period of `last`, in order. */
export function periodStartsBetween(first: string, last: string, granularity: Granularity, limit: number): string[] {
  const end = periodStartOf(last, granularity);
  const starts: string[] = [];
  for (let s = periodStartOf(first, granularity); s <= end; s = nextPeriodStart(s, granularity)) {
    if (starts.length >= limit) throw new RangeError(`more than ${limit} periods`);
    starts.push(s);
  }
  return starts;
}
