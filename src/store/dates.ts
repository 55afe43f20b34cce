/** How precise a stored `day` is: the partial date it was made from. */
export type DayPrecision = 'day' | 'month' | 'year';

const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The first day of a partial ISO date (`2013` → `2013-01-01`) and its precision; `null` for anything else. */
export function dayOfPartialDate(date: string | null | undefined): { readonly day: string; readonly precision: DayPrecision } | null {
  if (!date) return null;
  const m = PARTIAL.exec(date.trim());
  if (!m) return null;
  const [, year, month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return null;
  if (day !== undefined) {
    const d = new Date(`${year}-${month}-${day}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.getUTCDate() !== Number(day)) return null;
    return { day: `${year}-${month}-${day}`, precision: 'day' };
  }
  if (month !== undefined) return { day: `${year}-${month}-01`, precision: 'month' };
  return { day: `${year}-01-01`, precision: 'year' };
}

/** The last day of a partial ISO date (`2013` → `2013-12-31`, `2013-02` → `2013-02-28`); `null` for anything else. */
export function lastDayOfPartialDate(date: string): string | null {
  const first = dayOfPartialDate(date);
  if (!first) return null;
  if (first.precision === 'day') return first.day;
  const [y, m] = first.day.split('-').map(Number) as [number, number];
  const end = first.precision === 'year' ? new Date(Date.UTC(y + 1, 0, 0)) : new Date(Date.UTC(y, m, 0));
  return end.toISOString().slice(0, 10);
}
