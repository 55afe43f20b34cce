/** The `from`/`to` filter values (ISO dates, inclusive) covering an index period. */
export function rangeOfPeriod(period: string): { from: string; to: string } | null {
  let m = /^(\d{4})$/.exec(period);
  if (m) return { from: period, to: period };
  m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return { from: period, to: period };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(period);
  if (m) return { from: period, to: period };
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const first = (Number(m[2]) - 1) * 3 + 1;
    const pad = (n: number): string => String(n).padStart(2, '0');
    return { from: `${m[1]}-${pad(first)}`, to: `${m[1]}-${pad(first + 2)}` };
  }
  m = /^(\d{4})-W(\d{2})$/.exec(period);
  if (m) {
    // ISO week: the week with the year's first Thursday is week 1.
    const year = Number(m[1]);
    const jan4 = Date.UTC(year, 0, 4);
    const jan4Day = (new Date(jan4).getUTCDay() + 6) % 7;
    const monday = jan4 - jan4Day * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000;
    const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
    return { from: iso(monday), to: iso(monday + 6 * 86_400_000) };
  }
  return null;
}
