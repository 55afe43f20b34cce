import { existsSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { DEFAULT_DB, checkedFormat, checkedList } from './flags.ts';
import { InputError } from '../errors.ts';
import { GRANULARITIES, GROUPINGS } from '../analysis/types.ts';
import type { DyadQuery, Granularity, Grouping } from '../analysis/types.ts';
import { CSV_TABLES } from '../report/csv.ts';
import type { CsvTable } from '../report/csv.ts';
import { dyadReportFromStore } from '../report/dyad-report.ts';
import { REPORT_FORMATS } from '../report/formats.ts';
import { dayOfPartialDate, dyadFromFlag, lastDayOfPartialDate, openStore } from '../store/index.ts';
import { MODALITIES, ORIGINS } from '../types.ts';
import type { Modality, Origin } from '../types.ts';

interface ReportFlags {
  readonly dyad: string;
  readonly db: string;
  readonly from?: string;
  readonly to?: string;
  readonly by: string;
  readonly group: string;
  readonly directed?: boolean;
  readonly origin?: string;
  readonly modality: string;
  readonly includeNegated?: boolean;
  readonly format: string;
  readonly table: string;
  readonly split?: string;
  readonly evidence: string;
  readonly out?: string;
}

function dayOf(flag: string, value: string, end: 'first' | 'last'): string {
  const day = end === 'first' ? dayOfPartialDate(value)?.day : lastDayOfPartialDate(value);
  if (!day) throw new InputError(flag, `"${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return day;
}

/** The dyad query the flags ask for. */
export function dyadQueryFromFlags(flags: Pick<ReportFlags, 'dyad' | 'from' | 'to' | 'directed' | 'origin' | 'modality' | 'includeNegated'>): DyadQuery {
  const { a, b } = dyadFromFlag(flags.dyad);
  if (a === b) throw new InputError('--dyad', `"${flags.dyad}" names the same actor twice`);
  const from = flags.from !== undefined ? dayOf('--from', flags.from, 'first') : null;
  const to = flags.to !== undefined ? dayOf('--to', flags.to, 'last') : null;
  if (from !== null && to !== null && from > to) throw new InputError('--from', `${flags.from} is after --to ${flags.to}`);
  return {
    a,
    b,
    directed: flags.directed === true,
    from,
    to,
    origins: flags.origin !== undefined ? checkedList<Origin>(flags.origin, ORIGINS, '--origin') : null,
    modalities: checkedList<Modality>(flags.modality, MODALITIES, '--modality'),
    includeNegated: flags.includeNegated === true,
  };
}

async function writeOutput(out: string | undefined, content: string | Uint8Array): Promise<void> {
  if (out === undefined) {
    process.stdout.write(content);
    return;
  }
  // Written beside the target and renamed, so a failed run never leaves half a report.
  const partial = `${out}.partial-${process.pid}`;
  try {
    await writeFile(partial, content);
    await rename(partial, out);
  } catch (error) {
    throw new InputError(out, `cannot write the report: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/** `detente report`: the analysis of one dyad as a brief, JSON or CSV. */
export function registerReport(program: Command): void {
  program
    .command('report')
    .description('Analyse a dyad: counts per interval, relationship index, change points, contradictions matrix with cited sentences, third parties')
    .requiredOption('--dyad <A-B>', 'the two actors, e.g. USA-RUS (both directions unless --directed)')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--from <date>', 'first day (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'last day, inclusive (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--by <interval>', `interval of the time series: ${GRANULARITIES.join(', ')}`, 'month')
    .option('--group <rows>', `rows of the matrix: ${GROUPINGS.join(', ')} (theater rows are added to the others)`, 'context')
    .option('--directed', 'only events from the first actor to the second')
    .option('--origin <list>', `only events from these origins (${ORIGINS.join(', ')}), comma-separated`)
    .option('--modality <list>', `modalities counted (${MODALITIES.join(', ')})`, 'asserted,future')
    .option('--include-negated', 'count negated events too')
    .option('--split <date>', 'first day of the later period for "what changed" (default: strongest change point, else median event)')
    .option('--evidence <n>', 'events cited per side of each matrix row', '3')
    .option('--format <format>', `output: ${Object.keys(REPORT_FORMATS).join(', ')}`, 'md')
    .option('--table <table>', `table for --format csv: ${CSV_TABLES.join(', ')}`, 'intervals')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (flags: ReportFlags) => {
      const query = dyadQueryFromFlags(flags);
      const granularity = checkedFormat<Granularity>(flags.by, GRANULARITIES, '--by');
      const grouping = checkedFormat<Grouping>(flags.group, GROUPINGS, '--group');
      const format = REPORT_FORMATS[checkedFormat(flags.format, Object.keys(REPORT_FORMATS), '--format')]!;
      const table = checkedFormat<CsvTable>(flags.table, CSV_TABLES, '--table');
      const evidence = Number(flags.evidence);
      if (!Number.isInteger(evidence) || evidence < 0 || evidence > 50) throw new InputError('--evidence', `"${flags.evidence}" is not a whole number from 0 to 50`);
      const split = flags.split !== undefined ? dayOf('--split', flags.split, 'first') : null;
      if (!existsSync(flags.db)) throw new InputError(flags.db, 'no such database; build one with `detente ingest` or `detente import`, or name it with --db');
      const store = await openStore(flags.db);
      try {
        const report = await dyadReportFromStore(store, query, { granularity, grouping, evidence, split });
        const extras = format.extras ? await format.extras(store, report) : {};
        await writeOutput(flags.out, await format.render(report, { table, ...extras }));
      } finally {
        await store.close();
      }
    });
}
