import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, MAX_UPLOAD_BYTES } from '../../src/server/app.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { ledgerOfStore } from '../../src/server/store-ledger.ts';
import { documents, storeCodedDoc, type Store } from '../../src/store/index.ts';
import { fixtureCodedDoc, fixtureStore } from './fixtures.ts';

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** A raw HTTP request, so paths reach the server exactly as written (no URL normalisation). */
function raw(port: number, method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string; hostHeader?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method, path, headers: { Host: options.hostHeader ?? `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (options.body != null) req.write(options.body);
    req.end();
  });
}

/** A web root with a page and a hashed asset, standing in for `web/dist`. */
function webRoot(): string {
  const dir = mkdtempSync(join(tmpdir(), 'detente-web-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>detente</title><script type="module" src="/assets/app-1.js"></script>');
  writeFileSync(join(dir, 'assets', 'app-1.js'), 'console.log("ok");');
  writeFileSync(join(dir, 'secret.key'), 'not served: unknown type');
  return dir;
}

let store: Store;
let server: RunningServer;
let port: number;
let added = 0;

before(async () => {
  store = await fixtureStore();
  const ledger = ledgerOfStore(store, async (s, bytes, name) => {
    // Stores the fixture under a new name: the route, the queue and the store are real; coding is not under test here.
    added += 1;
    const coded = fixtureCodedDoc();
    const text = `${coded.doc.text}\n\n${Buffer.from(bytes).toString('utf8')}`;
    const stored = await storeCodedDoc(s, { ...coded, doc: { ...coded.doc, id: `${'0'.repeat(63)}${added}`, name, text }, sentences: coded.sentences.map((x) => ({ ...x, docId: `${'0'.repeat(63)}${added}` })), events: coded.events.map((e) => ({ ...e, doc: name, docId: `${'0'.repeat(63)}${added}` })) });
    return { docId: stored.docId, name, events: stored.events, duplicate: !stored.stored };
  });
  server = await startServer({ ledger, host: '127.0.0.1', port: 0, webRoot: webRoot() });
  port = server.port;
});

after(async () => {
  await server.close();
  await store.close();
});

describe('static files', () => {
  // `status: 0` means any 4xx: parsers differ on which one a malformed path earns.
  const cases: readonly { path: string; status: number; type?: RegExp }[] = [
    { path: '/', status: 200, type: /text\/html/ },
    { path: '/index.html', status: 200, type: /text\/html/ },
    { path: '/assets/app-1.js', status: 200, type: /javascript/ },
    { path: '/secret.key', status: 404 },
    { path: '/../../etc/passwd', status: 404 },
    { path: '/assets/../../../etc/passwd', status: 404 },
    { path: '/%2e%2e/%2e%2e/etc/passwd', status: 404 },
    { path: '/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd', status: 404 },
    { path: '/assets/..%2f..%2fpackage.json', status: 404 },
    { path: '/..\\..\\package.json', status: 0 },
    { path: '/api/../../etc/passwd', status: 404 },
    { path: '/%00', status: 404 },
    { path: '/package.json', status: 404 },
    { path: '//etc/passwd', status: 404 },
  ];
  for (const c of cases) {
    test(`GET ${c.path} → ${c.status || '4xx'}`, async () => {
      const answer = await raw(port, 'GET', c.path);
      if (c.status === 0) assert.ok(answer.status >= 400 && answer.status < 500, String(answer.status));
      else assert.equal(answer.status, c.status);
      if (c.type) assert.match(String(answer.headers['content-type']), c.type);
      assert.doesNotMatch(answer.body, /root:|"name": "detente"/);
    });
  }

  test('every answer carries the security headers', async () => {
    for (const path of ['/', '/api/dyads', '/nope', '/api/events?dyad=bad']) {
      const answer = await raw(port, 'GET', path);
      assert.equal(answer.headers['content-security-policy'], CONTENT_SECURITY_POLICY, path);
      assert.equal(answer.headers['x-content-type-options'], 'nosniff', path);
      assert.equal(answer.headers['x-frame-options'], 'DENY', path);
    }
  });
});

describe('API parameters', () => {
  const cases: readonly { path: string; status: number; error?: RegExp }[] = [
    { path: '/api/dyads', status: 200 },
    { path: '/api/dyads?x=1', status: 400, error: /unknown parameter: x/ },
    { path: '/api/overview?dyad=RUS-USA', status: 200 },
    { path: '/api/overview?dyad=RUS-USA&interval=decade', status: 400, error: /interval/ },
    { path: '/api/overview', status: 400, error: /dyad/ },
    { path: '/api/matrix?dyad=RUS-USA&by=theater', status: 200 },
    { path: '/api/matrix?dyad=RUS-USA&by=sql', status: 400, error: /by/ },
    { path: '/api/events?dyad=RUS-USA', status: 200 },
    { path: '/api/events?dyad=usa-rus', status: 400, error: /dyad/ },
    { path: '/api/events?dyad=USA-USA', status: 400, error: /two different/ },
    { path: '/api/events?dyad=RUS-USA&page=0', status: 400, error: /page/ },
    { path: '/api/events?dyad=RUS-USA&size=100000', status: 400, error: /size/ },
    { path: '/api/events?dyad=RUS-USA&size=-1', status: 400, error: /size/ },
    { path: '/api/events?dyad=RUS-USA&sort=id;DROP%20TABLE%20events', status: 400, error: /sort/ },
    { path: '/api/events?dyad=RUS-USA&from=2013-13', status: 400, error: /from/ },
    { path: '/api/events?dyad=RUS-USA&context=weather', status: 400, error: /context/ },
    { path: '/api/events?dyad=RUS-USA&theater=%27%20OR%201%3D1', status: 400, error: /theater/ },
    { path: '/api/events?dyad=RUS-USA&doc=..%2F..%2Fetc', status: 400, error: /doc/ },
    { path: '/api/events?dyad=RUS-USA&dyad=CHN-USA', status: 400, error: /more than once/ },
    { path: '/api/events?dyad=RUS-USA&bogus=1', status: 400, error: /unknown parameter/ },
    { path: '/api/events/%27%20OR%201%3D1', status: 400, error: /event/ },
    { path: '/api/events/0000000000000000', status: 404 },
    { path: '/api/third-parties?dyad=RUS-USA', status: 200 },
    { path: '/api/jobs/zzz', status: 400, error: /job/ },
    { path: '/api/jobs/0123456789abcdef', status: 404 },
    { path: '/api/nothing', status: 404 },
  ];
  for (const c of cases) {
    test(`GET ${c.path} → ${c.status}`, async () => {
      const answer = await raw(port, 'GET', c.path);
      assert.equal(answer.status, c.status, answer.body);
      assert.match(String(answer.headers['content-type']), /json/);
      if (c.status >= 400) {
        const body = JSON.parse(answer.body) as { error: string };
        assert.equal(typeof body.error, 'string');
        assert.doesNotMatch(body.error, /\n/);
        if (c.error) assert.match(body.error, c.error);
      }
    });
  }

  test('the overview keeps to the period asked for', async () => {
    const overview = JSON.parse((await raw(port, 'GET', '/api/overview?dyad=USA-RUS&interval=quarter&from=2013&to=2013-06')).body) as { totals: { events: number }; index: { period: string }[] };
    assert.deepEqual(overview.index.map((p) => p.period), ['2013-Q1', '2013-Q2']);
    assert.equal(overview.totals.events, 4);
  });

  test('the events list pages and filters through the store', async () => {
    const page = JSON.parse((await raw(port, 'GET', '/api/events?dyad=RUS-USA&context=human_rights&size=1')).body) as { total: number; rows: { contexts: string[] }[] };
    assert.equal(page.total, 2);
    assert.equal(page.rows.length, 1);
    assert.deepEqual(page.rows[0]?.contexts, ['human_rights']);
  });
});

describe('methods, hosts and bodies', () => {
  test('methods other than GET and HEAD are refused outside the upload route', async () => {
    for (const [method, path] of [['DELETE', '/api/dyads'], ['PUT', '/'], ['POST', '/'], ['PATCH', '/api/events?dyad=RUS-USA'], ['POST', '/api/dyads']] as const) {
      const answer = await raw(port, method, path);
      assert.ok(answer.status === 404 || answer.status === 405, `${method} ${path}: ${answer.status}`);
    }
  });

  test('an oversized request line or header is refused before any route runs', async () => {
    const long = await raw(port, 'GET', `/api/events?dyad=RUS-USA&theater=${'A'.repeat(40_000)}`);
    assert.equal(long.status, 431);
    const header = await raw(port, 'GET', '/api/dyads', { headers: { 'X-Filler': 'x'.repeat(40_000) } });
    assert.equal(header.status, 431);
  });

  test('HEAD of the page has headers and no body', async () => {
    const answer = await raw(port, 'HEAD', '/');
    assert.equal(answer.status, 200);
    assert.equal(answer.body, '');
  });

  test('a foreign Host header (DNS rebinding) is refused', async () => {
    const answer = await raw(port, 'GET', '/api/dyads', { hostHeader: 'evil.example:80' });
    assert.equal(answer.status, 421);
  });

  test('localhost names of the same port are accepted', async () => {
    assert.equal((await raw(port, 'GET', '/api/dyads', { hostHeader: `localhost:${port}` })).status, 200);
  });

  const uploads: readonly { name: string; status: number; headers: Record<string, string>; body?: string; path?: string }[] = [
    { name: 'a simple content type (what a cross-site form can send)', status: 415, headers: { 'Content-Type': 'text/plain' }, body: 'Russia and the US agreed.' },
    { name: 'a cross-origin upload', status: 400, headers: { 'Content-Type': 'application/octet-stream', Origin: 'https://evil.example' }, body: 'x' },
    { name: 'an empty document', status: 400, headers: { 'Content-Type': 'application/octet-stream' }, body: '' },
    { name: 'a name with a slash', status: 400, headers: { 'Content-Type': 'application/octet-stream' }, body: 'x', path: '/api/documents?name=..%2Fx.txt' },
    { name: 'no name', status: 400, headers: { 'Content-Type': 'application/octet-stream' }, body: 'x', path: '/api/documents' },
  ];
  for (const u of uploads) {
    test(`upload refused: ${u.name}`, async () => {
      const answer = await raw(port, 'POST', u.path ?? '/api/documents?name=a.txt', { headers: u.headers, body: u.body });
      assert.equal(answer.status, u.status, answer.body);
      assert.equal(added, 0);
    });
  }

  test('an oversized body declared by Content-Length is answered 413 without being read', async () => {
    const before = (await documents(store)).length;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/documents?name=big.txt',
          headers: { Host: `127.0.0.1:${port}`, 'Content-Type': 'application/octet-stream', 'Content-Length': String(MAX_UPLOAD_BYTES + 1) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        },
      );
      req.on('error', reject);
      // Only 1 MB of the declared 20 MB is ever sent: an answer proves the server did not wait for the rest.
      req.write(Buffer.alloc(1024 * 1024, 'a'));
    });
    assert.equal(answer.status, 413);
    assert.match(answer.body, /larger than 20 MB/);
    assert.equal((await documents(store)).length, before);
    assert.equal(added, 0);
  });

  test('an oversized chunked body is cut off with 413', async () => {
    const answer = await raw(port, 'POST', '/api/documents?name=big.txt', {
      headers: { 'Content-Type': 'application/octet-stream', 'Transfer-Encoding': 'chunked' },
      body: Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 'a'),
    }).catch((error: NodeJS.ErrnoException) => ({ status: error.code === 'ECONNRESET' || error.code === 'EPIPE' ? 413 : 0, headers: {}, body: '' }));
    assert.equal(answer.status, 413);
    assert.equal(added, 0);
  });

  test('a good upload is queued, reported and stored', async () => {
    const answer = await raw(port, 'POST', '/api/documents?name=pasted.txt&date=2013-07', {
      headers: { 'Content-Type': 'application/octet-stream', Origin: `http://127.0.0.1:${port}` },
      body: 'Russia and the United States agreed to talk.',
    });
    assert.equal(answer.status, 202, answer.body);
    const job = JSON.parse(answer.body) as { id: string };
    await server.jobs.idle();
    const done = JSON.parse((await raw(port, 'GET', `/api/jobs/${job.id}`)).body) as { state: string; result: { name: string; events: number } };
    assert.equal(done.state, 'done');
    assert.equal(done.result.name, 'pasted.txt');
    assert.equal(done.result.events, 10);
    const stream = await raw(port, 'GET', `/api/jobs/${job.id}/stream`);
    assert.match(String(stream.headers['content-type']), /text\/event-stream/);
    assert.match(stream.body, /event: job\ndata: .*"state":"done"/);
  });
});
