import type { Command } from 'commander';
import { openDashboard } from '../server/dashboard.ts';
import { EXAMPLE_CORPUS } from '../server/example-corpus.ts';
import { progressBarOf } from './progress-bar.ts';
import { DEFAULT_DB } from './flags.ts';
import { bindOf, serveUntilStopped, warnIfExposed } from './serve.ts';

interface StartFlags {
  readonly db: string;
  readonly port?: string;
  readonly host?: string;
}

/** `detente start` (what `npm start` runs): the example corpus ingested if needed, then the dashboard. */
export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Ingest the bundled example corpus into the database if it is not there yet, then serve the dashboard')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8723')
    .option('--host <address>', 'address to bind (default 127.0.0.1)')
    .action(async (flags: StartFlags) => {
      const bind = bindOf(flags);
      const say = (line: string): void => void process.stderr.write(`${line}\n`);
      const dashboard = await openDashboard({ db: flags.db, ...bind, corpus: EXAMPLE_CORPUS, progress: progressBarOf(), say });
      const ingested = dashboard.ingested;
      if (ingested != null) {
        say(
          ingested.added > 0
            ? `Example corpus: ${ingested.added} documents added (${ingested.events} events), ${ingested.present} already in ${flags.db}.`
            : `Example corpus: all ${ingested.present} documents already in ${flags.db}.`,
        );
        for (const failure of ingested.failures) say(`skipped ${failure}`);
      }
      warnIfExposed(bind.host);
      process.stdout.write(`detente dashboard: ${dashboard.url}\n`);
      await serveUntilStopped(dashboard);
    });
}
