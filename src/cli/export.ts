import { mkdir } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { EXPORT_FORMATS, exportLedger } from '../store/interop.ts';
import { dyadFromFlag, openStore } from '../store/index.ts';
import type { EventFilter } from '../store/index.ts';
import { ORIGINS } from '../types.ts';
import type { Origin } from '../types.ts';
import { checkedDate, checkedFormat } from './flags.ts';
import { DEFAULT_DB } from './flags.ts';

interface ExportFlags {
  readonly db: string;
  readonly format: string;
  readonly dyad?: string;
  readonly from?: string;
  readonly to?: string;
  readonly origin?: string;
}

/** `detente export`: the ledger as Parquet (partitioned by year), CSV or JSON lines, for any other engine to read. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write the ledger to a folder: Parquet partitioned by year (with documents and sentences), CSV, or JSON lines')
    .argument('<dir>', 'folder to write into (created if needed)')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--format <format>', `one of ${EXPORT_FORMATS.join(', ')}`, 'parquet')
    .option('--dyad <A-B>', 'only events between A and B')
    .option('--from <date>', 'only events from this date (YYYY, YYYY-MM or YYYY-MM-DD)')
    .option('--to <date>', 'only events up to this date, inclusive')
    .option('--origin <origins>', `only these origins, comma-separated (${ORIGINS.join(', ')})`)
    .action(async (dir: string, flags: ExportFlags) => {
      const format = checkedFormat(flags.format, EXPORT_FORMATS);
      if (flags.dyad !== undefined) dyadFromFlag(flags.dyad);
      const origins = flags.origin?.split(',').map((o) => o.trim()).filter((o) => o !== '');
      for (const o of origins ?? []) checkedFormat(o, ORIGINS, '--origin');
      const filter: EventFilter = {
        ...(flags.dyad !== undefined ? { dyad: flags.dyad } : {}),
        ...(flags.from !== undefined ? { from: checkedDate(flags.from, '--from') } : {}),
        ...(flags.to !== undefined ? { to: checkedDate(flags.to, '--to') } : {}),
        ...(origins !== undefined ? { origin: origins as Origin[] } : {}),
      };
      try {
        await mkdir(dir, { recursive: true });
      } catch (error) {
        throw new InputError(dir, `cannot create folder (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      }
      const store = await openStore(flags.db);
      try {
        const result = await exportLedger(store, dir, format, filter);
        process.stdout.write(`exported ${result.events.toLocaleString('en')} events${format === 'parquet' ? `, ${result.documents} documents, ${result.sentences.toLocaleString('en')} sentences` : ''} to ${dir} (${result.files.join(', ')})\n`);
      } finally {
        await store.close();
      }
    });
}
