import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { InputError, oneLine } from '../../src/errors.ts';
import { docFromUrl } from '../../src/ingest/index.ts';
import { pdfFromPages } from './helpers/pdf-writer.ts';

type Route = (request: IncomingMessage, response: ServerResponse) => void;

const send = (type: string | null, body: string | Uint8Array, status = 200): Route => (_, response) => {
  response.writeHead(status, type === null ? {} : { 'content-type': type });
  response.end(body);
};

const ARTICLE = '<!doctype html><html><head><title>Readout</title></head><body><nav>Menu</nav><article><p>The presidents spoke by telephone.</p></article></body></html>';

const routes: Record<string, Route> = {
  '/readout.html': send('text/html; charset=utf-8', ARTICLE),
  '/notes': send('text/markdown', '# Notes\n\nThe **ministers** met.'),
  '/plain.txt': send('text/plain', 'Plain words.'),
  '/latin1': send('text/plain; charset=iso-8859-1', Buffer.from('Caf\xe9 talks.', 'latin1')),
  '/paper.pdf': send('application/pdf', pdfFromPages([['Russia and China signed an agreement.']])),
  '/download': send('application/octet-stream', pdfFromPages([['Sniffed from the bytes.']])),
  '/untyped': send(null, '<html><body><p>No content type at all, but clearly a page.</p></body></html>'),
  '/missing': send('text/html', 'gone', 404),
  '/error': send('text/plain', 'boom', 500),
  '/image.png': send('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47])),
  '/redirect': (_, response) => {
    response.writeHead(302, { location: '/plain.txt' });
    response.end();
  },
  '/slow': () => {
    // Never answers: the client must give up.
  },
  '/declared-big': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(5 * 1024 * 1024) });
    response.write('x');
  },
  '/streamed-big': (_, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' });
    const chunk = 'y'.repeat(64 * 1024);
    let sent = 0;
    const more = (): void => {
      if (sent >= 64 || response.destroyed) {
        response.end();
        return;
      }
      sent++;
      if (response.write(chunk)) setImmediate(more);
      else response.once('drain', more);
    };
    more();
  },
};

let base = '';
let closedPort = 0;
const requests: string[] = [];
const server = createServer((request, response) => {
  requests.push(request.url ?? '');
  const route = routes[request.url ?? ''];
  if (route) route(request, response);
  else send('text/plain', 'not found', 404)(request, response);
});

before(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const fetched: ReadonlyArray<{ path: string; format: string; text: string; name: string }> = [
  { path: '/readout.html', format: 'html', text: 'The presidents spoke by telephone.', name: 'readout.html' },
  { path: '/notes', format: 'markdown', text: 'Notes\n\nThe ministers met.', name: 'notes' },
  { path: '/plain.txt', format: 'text', text: 'Plain words.', name: 'plain.txt' },
  { path: '/latin1', format: 'text', text: 'Café talks.', name: 'latin1' },
  { path: '/paper.pdf', format: 'pdf', text: 'Russia and China signed an agreement.', name: 'paper.pdf' },
  { path: '/download', format: 'pdf', text: 'Sniffed from the bytes.', name: 'download' },
  { path: '/untyped', format: 'html', text: 'No content type at all, but clearly a page.', name: 'untyped' },
  { path: '/redirect', format: 'text', text: 'Plain words.', name: 'redirect' },
];

for (const c of fetched) {
  test(`url: ${c.path} read as ${c.format}`, async () => {
    const doc = await docFromUrl(`${base}${c.path}`, { timeoutMs: 5000 });
    assert.equal(doc.format, c.format);
    assert.equal(doc.text, c.text);
    assert.equal(doc.name, c.name);
    assert.equal(doc.origin, `${base}${c.path}`);
    assert.equal(doc.meta.source, `${base}${c.path}`);
  });
}

const failures: ReadonlyArray<{ name: string; url: () => string; options?: Parameters<typeof docFromUrl>[1]; message: string }> = [
  { name: '404', url: () => `${base}/missing`, message: 'HTTP 404 Not Found' },
  { name: '500', url: () => `${base}/error`, message: 'HTTP 500 Internal Server Error' },
  { name: 'unsupported content type', url: () => `${base}/image.png`, message: 'unsupported content-type image/png (expected text/html, text/plain, text/markdown or application/pdf)' },
  { name: 'timeout', url: () => `${base}/slow`, options: { timeoutMs: 200 }, message: 'no complete answer within 0.2 s (timed out)' },
  { name: 'declared too large', url: () => `${base}/declared-big`, options: { maxBytes: 1024 * 1024 }, message: 'response is 5.0 MB, above the 1 MB limit for one document' },
  { name: 'streamed too large', url: () => `${base}/streamed-big`, options: { maxBytes: 1024 * 1024 }, message: 'response is larger than the 1 MB limit for one document' },
  { name: 'nothing listening', url: () => `http://127.0.0.1:${closedPort}/`, options: { timeoutMs: 2000 }, message: 'cannot fetch (connection refused)' },
  { name: 'not http', url: () => 'file:///etc/passwd', message: 'only http:// and https:// URLs can be fetched' },
  { name: 'not a URL', url: () => 'not a url', message: 'not a valid URL' },
];

for (const c of failures) {
  test(`url error: ${c.name}`, async () => {
    const url = c.url();
    await assert.rejects(docFromUrl(url, c.options), (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.equal(oneLine(error), `${url}: ${c.message}`);
      return true;
    });
  });
}

test('url: only the asked URL and its redirect are requested', async () => {
  requests.length = 0;
  await docFromUrl(`${base}/redirect`);
  assert.deepEqual(requests, ['/redirect', '/plain.txt']);
});
