import { FormatError } from '../errors.ts';
import { gdeltSql } from '../store/feed-sql.ts';
import type { FeedSql } from '../store/feed-sql.ts';

/** Column counts of GDELT event exports and what each is. */
export const GDELT_WIDTHS: Readonly<Record<number, string>> = {
  57: 'GDELT 1.0 backfile (to March 2013, no SOURCEURL)',
  58: 'GDELT 1.0 daily (from April 2013, with SOURCEURL)',
  61: 'GDELT 2.0 (ADM2 geography, DATEADDED to the second)',
};

/** How to read a file of a given format: lines to skip before the rows, and the SQL that maps them. */
export interface FeedLinePlan {
  readonly skipLines: number;
  readonly sql: FeedSql;
  /** What was recognised, for messages (`GDELT 2.0`). */
  readonly detail: string;
}

const HEADER = /^GLOBALEVENTID\b/i;

/** Whether a first line looks like a GDELT event row (tab-separated, 57/58/61 fields, numeric id and date) or its header. */
export function looksLikeGdelt(line: string): boolean {
  if (HEADER.test(line)) return true;
  const cells = line.split('\t');
  return cells.length in GDELT_WIDTHS && /^\d+$/.test(cells[0] ?? '') && /^\d{8}$/.test(cells[1] ?? '');
}

/**
 * Decides from its first line whether a file can be read as a GDELT export.
 * A spreadsheet round-trip (`;` or `,` separators with a header row) is
 * refused with one line: such files have lost the leading zeros of CAMEO
 * codes and the digits of DATEADDED, so importing them would store damaged
 * events. A tab-separated header row (BigQuery exports) is skipped.
 */
export function gdeltPlanOfFirstLine(line: string, where: string): FeedLinePlan {
  const first = line.replace(/^\uFEFF/, '').replace(/\r$/, '');
  if (HEADER.test(first)) {
    const separator = first.charAt('GLOBALEVENTID'.length);
    if (separator !== '\t') {
      const name = separator === ';' ? "';'" : separator === ',' ? "','" : `'${separator}'`;
      throw new FormatError(where, `not a GDELT export: ${name}-separated with a header row (spreadsheet-saved?); import the original tab-separated file from GDELT`, 1);
    }
    return { skipLines: 1, sql: gdeltSql(), detail: 'GDELT with a header row' };
  }
  const cells = first.split('\t');
  const width = cells.length;
  const kind = GDELT_WIDTHS[width];
  if (kind === undefined || !/^\d+$/.test(cells[0] ?? '')) {
    const semicolons = first.split(';').length;
    if (semicolons >= 57) throw new FormatError(where, "not a GDELT export: ';'-separated (spreadsheet-saved?); import the original tab-separated file from GDELT", 1);
    throw new FormatError(where, `not a GDELT export: the first line has ${width} tab-separated fields, expected 57, 58 or 61 starting with GLOBALEVENTID`, 1);
  }
  return { skipLines: 0, sql: gdeltSql(), detail: kind };
}
