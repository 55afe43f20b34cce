import { Hono } from 'hono';
import type { Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { ConfigError, FormatError, InputError, oneLine } from '../errors.ts';
import type { JobView } from './api-types.ts';
import type { Jobs } from './jobs.ts';
import type { Ledger } from './ledger.ts';
import {
  emptyQuery,
  eventId,
  eventsQuery,
  jobId,
  matrixQuery,
  oneLineIssue,
  overviewQuery,
  thirdPartiesQuery,
  uploadQuery,
} from './params.ts';
import type { StaticFile } from './static-files.ts';

/** Largest document accepted by upload or paste. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * The policy every answer carries: only this origin's scripts, styles, images
 * and connections; no framing, no plugins, no forms posted elsewhere.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface AppOptions {
  readonly ledger: Ledger;
  readonly jobs: Jobs;
  /** The built web app, by URL path (see `staticFilesFrom`). */
  readonly files: ReadonlyMap<string, StaticFile>;
  /**
   * `Host` header values accepted (e.g. `127.0.0.1:8723`, `localhost:8723`), so a
   * web page cannot reach the local dashboard through DNS rebinding; `null`
   * accepts any host (an explicit `--host`).
   */
  readonly allowedHosts: ReadonlySet<string> | null;
}

function badRequest(message: string, status: 400 | 404 | 405 | 413 | 415 | 421 = 400): HTTPException {
  return new HTTPException(status, { res: Response.json({ error: message }, { status }) });
}

/** Parses the query string with `schema`; a repeated or unknown parameter is a 400. */
function queryOf<S extends z.ZodType>(c: HonoContext, schema: S): z.infer<S> {
  const raw = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [key, values] of Object.entries(raw)) {
    if (values.length !== 1) throw badRequest(`${key}: given more than once`);
    flat[key] = values[0] ?? '';
  }
  const parsed = schema.safeParse(flat);
  if (!parsed.success) throw badRequest(oneLineIssue(parsed.error));
  return parsed.data;
}

function paramOf<S extends z.ZodType>(value: string, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw badRequest(`${what}: ${oneLineIssue(parsed.error)}`);
  return parsed.data;
}

/** The dashboard: JSON API under `/api`, the built web app everywhere else. */
export function appFrom(options: AppOptions): Hono {
  const { ledger, jobs, files, allowedHosts } = options;
  const app = new Hono();

  app.use('*', async (c, next) => {
    const host = c.req.header('host')?.toLowerCase();
    if (allowedHosts != null && (host == null || !allowedHosts.has(host))) {
      throw badRequest(`unexpected Host header: ${host ?? '(none)'}`, 421);
    }
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
    if (c.req.path.startsWith('/api/')) c.header('Cache-Control', 'no-store');
  });

  app.get('/api/health', (c) => c.json({ ok: true }));

  app.get('/api/dyads', async (c) => {
    queryOf(c, emptyQuery);
    return c.json(await ledger.dyads());
  });

  app.get('/api/overview', async (c) => c.json(await ledger.overview(queryOf(c, overviewQuery))));
  app.get('/api/matrix', async (c) => c.json(await ledger.matrix(queryOf(c, matrixQuery))));
  app.get('/api/events', async (c) => c.json(await ledger.events(queryOf(c, eventsQuery))));
  app.get('/api/third-parties', async (c) => c.json(await ledger.thirdParties(queryOf(c, thirdPartiesQuery))));

  app.get('/api/events/:id', async (c) => {
    queryOf(c, emptyQuery);
    const id = paramOf(c.req.param('id'), eventId, 'event');
    const evidence = await ledger.evidence(id);
    if (evidence == null) throw badRequest(`no event ${id}`, 404);
    return c.json(evidence);
  });

  app.get('/api/documents', async (c) => {
    queryOf(c, emptyQuery);
    return c.json(await ledger.documents());
  });

  app.post(
    '/api/documents',
    async (c, next) => {
      // A cross-site page can only send simple content types without a preflight,
      // which this server never answers; requiring octet-stream keeps uploads same-origin.
      const type = c.req.header('content-type')?.split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/octet-stream') throw badRequest('send the document as application/octet-stream', 415);
      const origin = c.req.header('origin');
      const host = c.req.header('host');
      if (origin != null && host != null && origin !== `http://${host}`) throw badRequest(`cross-origin upload from ${origin}`);
      await next();
    },
    bodyLimit({
      maxSize: MAX_UPLOAD_BYTES,
      onError: () => {
        throw badRequest(`document larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`, 413);
      },
    }),
    async (c) => {
      const query = queryOf(c, uploadQuery);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length === 0) throw badRequest('empty document');
      const job = jobs.start(`Adding ${query.name}`, (progress) =>
        ledger.addDocument(bytes, query.name, query.date ?? null, progress),
      );
      return c.json(job, 202);
    },
  );

  app.get('/api/jobs/:id', (c) => {
    queryOf(c, emptyQuery);
    const job = jobs.get(paramOf(c.req.param('id'), jobId, 'job'));
    if (job == null) throw badRequest('no such job', 404);
    return c.json(job);
  });

  app.get('/api/jobs/:id/stream', (c) => {
    queryOf(c, emptyQuery);
    const id = paramOf(c.req.param('id'), jobId, 'job');
    const first = jobs.get(id);
    if (first == null) throw badRequest('no such job', 404);
    return streamSSE(c, async (stream) => {
      let latest: JobView = first;
      let wake: (() => void) | null = null;
      const unsubscribe = jobs.subscribe(id, (job) => {
        latest = job;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      try {
        let sent: JobView | null = null;
        while (!stream.aborted) {
          if (latest !== sent) {
            sent = latest;
            await stream.writeSSE({ event: 'job', data: JSON.stringify(sent) });
            if (sent.state !== 'running') break;
          }
          await new Promise<void>((resolve) => {
            wake = resolve;
            if (latest !== sent) resolve();
          });
          wake = null;
        }
      } finally {
        unsubscribe();
      }
    });
  });

  app.all('/api/*', (c) => {
    throw badRequest(`no such API route: ${c.req.method} ${c.req.path}`, 404);
  });

  app.on(['GET', 'HEAD'], '*', (c) => {
    const file = files.get(c.req.path);
    if (file == null) {
      if (c.req.path === '/' || c.req.path === '/index.html') {
        return c.text('The web app is not built: run `npx vite build --config web/vite.config.ts` or `npm start`.', 503);
      }
      return c.text('Not found', 404);
    }
    c.header('Content-Type', file.type);
    c.header('Cache-Control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (c.req.method === 'HEAD') return c.body(null);
    return c.body(new Uint8Array(file.body));
  });

  app.all('*', () => {
    throw badRequest('method not allowed', 405);
  });

  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    if (error instanceof InputError || error instanceof ConfigError) return c.json({ error: oneLine(error) }, 400);
    if (error instanceof FormatError) return c.json({ error: oneLine(error) }, 422);
    process.stderr.write(`detente serve: ${oneLine(error)}\n`);
    return c.json({ error: `internal error: ${oneLine(error)}` }, 500);
  });

  return app;
}
