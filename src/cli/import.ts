import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import type { ParquetImportResult } from '../ingest/parquet.ts';
import { FormatError, InputError, oneLine } from '../errors.ts';
import { FEED_FORMATS, feedPathsOf, importFeedFile } from '../ingest/feeds.ts';
import type { FeedFileResult } from '../ingest/feeds.ts';
import { importParquetPath } from '../ingest/parquet.ts';
import { silentProgress } from '../progress.ts';
import { openStore } from '../store/index.ts';
import { rejectPagesOfImport } from '../store/feed-import.ts';
import type { Store } from '../store/index.ts';
import { checkedFormat } from './flags.ts';
import { progressBarOf } from './progress-bar.ts';
import { DEFAULT_DB } from './flags.ts';

const KINDS = [...FEED_FORMATS, 'auto', 'parquet'] as const;
const OUTPUTS = ['text', 'json'] as const;
/** Rejected rows listed on stderr per file (all go to --rejects). */
const SHOWN_REJECTS = 20;

interface ImportFlags {
  readonly db: string;
  readonly format: string;
  readonly rejects?: string;
}

/** One file's outcome as `--format json` prints it: an import's result, or why the file was refused whole. */
type FileReport = Omit<ParquetImportResult, 'format' | 'error'> & {
  readonly format: string | null;
  /** Set when the file was refused whole (not the format, unreadable). */
  readonly error: string | null;
};

/** The summary line of one file: `imported N, duplicates D, rejected R of T rows (file)`. */
export function summaryLineOf(r: Pick<FileReport, 'imported' | 'duplicates' | 'rejected' | 'rows' | 'file'>): string {
  const n = (x: number): string => x.toLocaleString('en');
  return `imported ${n(r.imported)}, duplicates ${n(r.duplicates)}, rejected ${n(r.rejected)} of ${n(r.rows)} rows (${r.file})`;
}

function reportOf(result: FeedFileResult): FileReport {
  return {
    file: result.path,
    format: result.format,
    rows: result.rows,
    imported: result.imported,
    duplicates: result.duplicates,
    rejected: result.rejected,
    reasons: result.reasons,
    rejects: result.rejects.map((r) => ({ line: r.line, reason: r.reason })),
    importId: result.importId,
    previousImportId: result.previousImportId,
    error: null,
  };
}

async function writeRejects(store: Store, out: NodeJS.WritableStream, file: string, importId: number | null): Promise<void> {
  if (importId === null) return;
  for await (const page of rejectPagesOfImport(store, importId)) {
    const text = page.map((r) => `${file}\t${r.line}\t${r.reason.replace(/[\t\n]/g, ' ')}\t${r.originId ?? ''}\n`).join('');
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
}

/** `detente import`: event datasets (GDELT, ICEWS, POLECAT, Parquet exports) into the ledger, every row accounted for. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description('import event datasets into the ledger: every row imported, a duplicate, or rejected with its line and reason')
    .argument('<kind>', `dataset: ${KINDS.join(', ')} (auto tells GDELT, ICEWS and POLECAT apart by the first line)`)
    .argument('<paths...>', 'files (plain or .zip), folders, or wildcards like data/*.zip')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--format <format>', `output: ${OUTPUTS.join(', ')}`, 'text')
    .option('--rejects <file.tsv>', 'write every rejected row (file, line, reason, origin id) to this file')
    .action(async (kind: string, paths: string[], flags: ImportFlags) => {
      const chosen = checkedFormat(kind, KINDS, '<kind>');
      const output = checkedFormat(flags.format, OUTPUTS);
      const files = chosen === 'parquet' ? paths : await feedPathsOf(paths);
      const store = await openStore(flags.db);
      const rejectsOut = flags.rejects ? createWriteStream(flags.rejects) : null;
      rejectsOut?.write('file\tline\treason\torigin_id\n');
      const reports: FileReport[] = [];
      let refused = 0;
      try {
        const progress = output === 'text' ? progressBarOf() : silentProgress;
        for (const file of files) {
          try {
            const report = chosen === 'parquet' ? await importParquetPath(store, file, { progress }) : reportOf(await importFeedFile(store, chosen, file, { progress, rejectsLimit: SHOWN_REJECTS }));
            reports.push(report);
            if (rejectsOut) await writeRejects(store, rejectsOut, file, report.importId ?? report.previousImportId);
            if (output === 'text') {
              process.stdout.write(`${summaryLineOf(report)}${report.importId === null && report.previousImportId !== null ? ` — already imported as #${report.previousImportId}` : ''}\n`);
              if (report.rejected > 0) {
                process.stderr.write(`  rejected by reason: ${report.reasons.map((r) => `${r.kind} ${r.rows.toLocaleString('en')}`).join(', ')}\n`);
                for (const r of report.rejects) process.stderr.write(`  ${file}:${r.line}: ${r.reason}\n`);
                if (report.rejected > report.rejects.length) {
                  process.stderr.write(`  … and ${(report.rejected - report.rejects.length).toLocaleString('en')} more${flags.rejects ? ` in ${flags.rejects}` : ' (all of them with --rejects <file.tsv>)'}\n`);
                }
              }
            }
          } catch (error) {
            if (!(error instanceof FormatError || error instanceof InputError)) throw error;
            refused++;
            reports.push({ file, format: null, rows: 0, imported: 0, duplicates: 0, rejected: 0, reasons: [], rejects: [], importId: null, previousImportId: null, error: oneLine(error) });
            process.stderr.write(`detente: ${oneLine(error)}\n`);
          }
        }
      } finally {
        if (rejectsOut) await new Promise<void>((resolve) => rejectsOut.end(() => resolve()));
        await store.close();
      }
      const total = reports.reduce((t, r) => ({ rows: t.rows + r.rows, imported: t.imported + r.imported, duplicates: t.duplicates + r.duplicates, rejected: t.rejected + r.rejected }), { rows: 0, imported: 0, duplicates: 0, rejected: 0 });
      if (output === 'json') {
        process.stdout.write(`${JSON.stringify({ files: reports, total: { ...total, files: reports.length, refused } }, null, 2)}\n`);
      } else if (reports.length > 1) {
        process.stdout.write(`${summaryLineOf({ ...total, file: `${reports.length} files${refused > 0 ? `, ${refused} refused` : ''}` })}\n`);
      }
      if (refused > 0) process.exitCode = 3;
    });
}
