const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * An ISO date (`2013`, `2013-07`, `2013-07-15`) from what documents and flags
 * give: ISO dates and timestamps, YAML dates, `15 July 2013`, `July 15, 2013`,
 * `July 2013`. Returns `null` when the value is not a date.
 */
export function isoDateFromValue(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (iso) return validDate(iso[1], iso[2], iso[3]);
  const slashed = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(text);
  if (slashed) return validDate(slashed[1], slashed[2], slashed[3]);
  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (dayFirst) return validDate(dayFirst[3], monthNumber(dayFirst[2]), dayFirst[1]);
  const monthFirst = /^([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(text);
  if (monthFirst) return validDate(monthFirst[3], monthNumber(monthFirst[1]), monthFirst[2]);
  const monthYear = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(text);
  if (monthYear) return validDate(monthYear[2], monthNumber(monthYear[1]), undefined);
  return null;
}

function monthNumber(name: string | undefined): string | undefined {
  const index = MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase());
  return index === -1 ? 'x' : String(index + 1);
}

function validDate(year: string | undefined, month: string | undefined, day: string | undefined): string | null {
  if (year === undefined) return null;
  if (month === undefined) return year;
  const m = Number(month);
  if (!Number.isInteger(m) || m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  if (!Number.isInteger(d) || d < 1 || d > daysInMonth) return null;
  return `${year}-${mm}-${String(d).padStart(2, '0')}`;
}
