import { InputError } from '../errors.ts';

/** The database `--db` names when not given. */
export const DEFAULT_DB = 'detente.duckdb';

/** A flag value that must be one of a fixed set; the error names the flag and the choices. */
export function checkedFormat<T extends string>(value: string, allowed: readonly T[], flag = '--format'): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(flag, `unknown value "${value}" (expected ${allowed.join(', ')})`);
}

/** A date flag: ISO, partial allowed (YYYY, YYYY-MM, YYYY-MM-DD), and a real calendar date. */
export function checkedDate(value: string, flag: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const month = m[2] === undefined ? 1 : Number(m[2]);
    const day = m[3] === undefined ? 1 : Number(m[3]);
    const t = new Date(Date.UTC(Number(m[1]), month - 1, day));
    if (month >= 1 && month <= 12 && t.getUTCMonth() === month - 1 && t.getUTCDate() === day) return value;
  }
  throw new InputError(flag, `"${value}" is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
}

/** A comma-separated list of values from a fixed set (`--origin coded,gdelt`), without repeats. */
export function checkedList<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const items = value.split(',').map((x) => x.trim()).filter((x) => x !== '');
  if (items.length === 0) throw new InputError(flag, `give at least one of ${allowed.join(', ')}`);
  return [...new Set(items.map((x) => checkedFormat(x, allowed, flag)))];
}
