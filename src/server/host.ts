import { isIP } from 'node:net';
import { ConfigError } from '../errors.ts';

/** Where the server binds when nothing says otherwise. */
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8723;

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  return mapped?.[1] != null && mapped[1].startsWith('127.');
}

/**
 * The address to bind to. An explicit `--host` is obeyed as given; anything else
 * (the `DETENTE_HOST` environment variable, the default) must be loopback, so
 * the dashboard is never exposed to a network by configuration alone.
 */
export function bindHostFrom(options: { readonly flag: string | undefined; readonly env: string | undefined }): string {
  if (options.flag != null) {
    if (options.flag.trim() === '') throw new ConfigError('--host', 'empty address');
    return options.flag;
  }
  const host = options.env != null && options.env.trim() !== '' ? options.env.trim() : DEFAULT_HOST;
  if (!isLoopbackHost(host)) {
    throw new ConfigError(
      'DETENTE_HOST',
      `refusing to bind to non-loopback address ${host}: pass --host ${host} on the command line to expose the dashboard`,
    );
  }
  return host;
}

/** The port from a flag, or a one-line error naming the flag. */
export function portFrom(value: string | undefined): number {
  if (value == null) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value)) throw new ConfigError('--port', `not a port number: ${value}`);
  const port = Number(value);
  if (port > 65535) throw new ConfigError('--port', `not a port number: ${value}`);
  return port;
}
