import type { Command } from 'commander';
import { openDashboard, type Dashboard } from '../server/dashboard.ts';
import { bindHostFrom, isLoopbackHost, portFrom } from '../server/host.ts';
import { DEFAULT_DB } from './flags.ts';

interface ServeFlags {
  readonly db: string;
  readonly port?: string;
  readonly host?: string;
}

/** Serves until SIGINT or SIGTERM, then closes the server and the database. */
export async function serveUntilStopped(dashboard: Dashboard): Promise<void> {
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  await dashboard.close();
}

/** The bind address and port of `serve` and `start` from their flags and the environment. */
export function bindOf(flags: Pick<ServeFlags, 'host' | 'port'>): { host: string; port: number } {
  return { host: bindHostFrom({ flag: flags.host, env: process.env.DETENTE_HOST }), port: portFrom(flags.port) };
}

/** Says on stderr that a non-loopback bind exposes the ledger, which has no login. */
export function warnIfExposed(host: string): void {
  if (!isLoopbackHost(host)) process.stderr.write(`warning: bound to ${host}: anyone who can reach this machine can read the ledger and add documents (there is no login)\n`);
}

/** `detente serve`: the dashboard and its JSON API on a local port. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the dashboard (web app and JSON API) on this machine')
    .option('--db <path>', 'the ledger database', DEFAULT_DB)
    .option('--port <n>', 'port to listen on (0 picks a free one)', '8723')
    .option('--host <address>', 'address to bind; anything but loopback exposes the ledger to the network (default 127.0.0.1, or DETENTE_HOST if loopback)')
    .action(async (flags: ServeFlags) => {
      const bind = bindOf(flags);
      const dashboard = await openDashboard({ db: flags.db, ...bind, say: (line) => process.stderr.write(`${line}\n`) });
      warnIfExposed(bind.host);
      process.stdout.write(`detente dashboard: ${dashboard.url}\n`);
      await serveUntilStopped(dashboard);
    });
}
