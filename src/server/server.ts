import { createAdaptorServer } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../errors.ts';
import { appFrom } from './app.ts';
import { isLoopbackHost } from './host.ts';
import { jobsInMemory, type Jobs } from './jobs.ts';
import type { Ledger } from './ledger.ts';
import { staticFilesFrom } from './static-files.ts';

export interface ServeOptions {
  readonly ledger: Ledger;
  /** Address to bind (already checked by `bindHostFrom`). */
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** The built web app (`web/dist`). */
  readonly webRoot: string;
}

export interface RunningServer {
  /** `http://host:port/` as a browser should open it. */
  readonly url: string;
  readonly port: number;
  readonly jobs: Jobs;
  close(): Promise<void>;
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts the dashboard's HTTP server and resolves once it listens. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const jobs = jobsInMemory();
  // Filled once the port is known; `null` when an explicit non-loopback host exposes the server on purpose.
  const allowedHosts = isLoopbackHost(options.host) ? new Set<string>() : null;
  const app = appFrom({ ledger: options.ledger, jobs, files: staticFilesFrom(options.webRoot), allowedHosts });
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new ConfigError('--port', `port ${options.port} on ${options.host} is in use; pass another --port`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new ConfigError('--host', `cannot bind to ${options.host}: no such address on this machine`));
      else if (error.code === 'EACCES') reject(new ConfigError('--port', `not allowed to bind port ${options.port}; use a port above 1023`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  if (allowedHosts != null) {
    for (const h of ['127.0.0.1', 'localhost', '[::1]', urlHost(options.host.toLowerCase())]) allowedHosts.add(`${h}:${port}`);
  }
  return {
    url: `http://${urlHost(options.host)}:${port}/`,
    port,
    jobs,
    close: async () => {
      await jobs.idle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
