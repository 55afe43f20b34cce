import type { Command } from 'commander';
import { defaultCoderConfig } from '../coding/coder.ts';
import { oneLine } from '../errors.ts';
import { docFromUrl, docsFromPaths } from '../ingest/index.ts';
import type { IngestFailure } from '../ingest/index.ts';
import { ledgerEntryFromDoc } from '../pipeline.ts';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';
import { openStore, storeCodedDoc } from '../store/index.ts';
import type { Store } from '../store/index.ts';
import type { Doc } from '../types.ts';
import { checkedDate, checkedFormat } from './flags.ts';
import { progressBarOf } from './progress-bar.ts';
import { DEFAULT_DB } from './flags.ts';

const OUTPUTS = ['text', 'json'] as const;
const URL_PATTERN = /^https?:\/\//i;

/** What one `detente ingest` run did. */
export interface IngestSummary {
  /** Documents coded and stored. */
  readonly stored: number;
  /** Documents already in the ledger (same content hash): nothing added. */
  readonly unchanged: number;
  /** Inputs that could not be read. */
  readonly failed: number;
  readonly events: number;
  readonly sentences: number;
  /** Whether the run was stopped (Ctrl-C) before the end; every document is stored whole or not at all. */
  readonly interrupted: boolean;
  readonly failures: readonly string[];
}

/** Options of {@link ingestIntoStore}. */
export interface IngestOptions {
  readonly date?: string;
  readonly progress?: Progress;
  /** Checked before each document: stop cleanly when it says so. */
  readonly stopRequested?: () => boolean;
  readonly onSkip?: (path: string, reason: string) => void;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

async function* docsOf(inputs: readonly string[], options: IngestOptions): AsyncGenerator<Doc | IngestFailure> {
  const paths = inputs.filter((i) => !URL_PATTERN.test(i));
  const urls = inputs.filter((i) => URL_PATTERN.test(i));
  if (paths.length > 0) yield* docsFromPaths(paths, { date: options.date, onSkip: options.onSkip, progress: options.progress });
  for (const url of urls) {
    try {
      yield await docFromUrl(url, { date: options.date, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
    } catch (error) {
      if (error instanceof Error && 'where' in error) yield { origin: url, error: error as IngestFailure['error'] };
      else throw error;
    }
  }
}

/**
 * Reads, codes and stores documents (files, folders read recursively, URLs):
 * each document with its sentences and events in one transaction, so a crash
 * or Ctrl-C leaves each one whole or absent; a document already stored adds
 * nothing, so ingesting the same inputs twice changes no count.
 */
export async function ingestIntoStore(store: Store, inputs: readonly string[], options: IngestOptions = {}): Promise<IngestSummary> {
  let stored = 0;
  let unchanged = 0;
  let events = 0;
  let sentences = 0;
  let interrupted = false;
  const failures: string[] = [];
  for await (const item of docsOf(inputs, options)) {
    if (options.stopRequested?.()) {
      interrupted = true;
      break;
    }
    if ('error' in item) {
      failures.push(oneLine(item.error));
      continue;
    }
    const result = await storeCodedDoc(store, ledgerEntryFromDoc(item, { date: options.date }));
    if (result.stored) {
      stored++;
      events += result.events;
      sentences += result.sentences;
    } else {
      unchanged++;
    }
  }
  return { stored, unchanged, failed: failures.length, events, sentences, interrupted, failures };
}

/** The summary line: `stored N documents (E events, S sentences), unchanged U, failed F`. */
export function ingestLineOf(s: IngestSummary): string {
  const n = (x: number): string => x.toLocaleString('en');
  return `stored ${n(s.stored)} document${s.stored === 1 ? '' : 's'} (${n(s.events)} events, ${n(s.sentences)} sentences), unchanged ${n(s.unchanged)}, failed ${n(s.failed)}${s.interrupted ? ' — interrupted' : ''}`;
}

interface IngestFlags {
  readonly db: string;
  readonly date?: string;
  readonly format: string;
}

/** `detente ingest`: documents into the ledger, coded, each stored whole or not at all. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read, code and store documents (files, folders, http(s) URLs); the same content twice adds nothing')
    .argument('<inputs...>', 'files, folders (read recursively) or http(s) URLs')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--date <YYYY-MM-DD>', 'document date, overriding front matter')
    .option('--format <format>', `output: ${OUTPUTS.join(', ')}`, 'text')
    .action(async (inputs: string[], flags: IngestFlags) => {
      const output = checkedFormat(flags.format, OUTPUTS);
      const date = flags.date === undefined ? undefined : checkedDate(flags.date, '--date');
      // Validate the dictionaries before opening the ledger or reading anything.
      defaultCoderConfig();
      const store = await openStore(flags.db);
      let stop = false;
      const onSignal = (): void => {
        if (stop) process.exit(130);
        stop = true;
        process.stderr.write('\ndetente: stopping after the current document (Ctrl-C again to quit now; no document is left half-stored)\n');
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      let summary: IngestSummary;
      try {
        summary = await ingestIntoStore(store, inputs, {
          date,
          progress: output === 'text' ? progressBarOf() : silentProgress,
          stopRequested: () => stop,
          onSkip: (path, why) => process.stderr.write(`detente: ${path}: skipped (${why})\n`),
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await store.close();
      }
      for (const failure of summary.failures) process.stderr.write(`detente: ${failure}\n`);
      if (output === 'json') process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else process.stdout.write(`${ingestLineOf(summary)}\n`);
      if (summary.interrupted) process.exitCode = 130;
      else if (summary.failed > 0) process.exitCode = 2;
    });
}
