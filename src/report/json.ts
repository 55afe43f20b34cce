import type { DyadReport } from '../analysis/types.ts';

/** Version of the JSON report's shape; bumped when a key changes meaning or goes away. */
export const REPORT_JSON_VERSION = 2;

/** The whole report as JSON: every section, keys in a fixed order, dates as ISO days. */
export function jsonFromDyadReport(report: DyadReport): string {
  return `${JSON.stringify({ kind: 'detente.dyad-report', version: REPORT_JSON_VERSION, ...report }, null, 2)}\n`;
}
