import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { counts, openStore } from '../../src/store/index.ts';
import { runCli, startCli } from './run-cli.ts';

const TEXTS = [
  'Russia and the United States held talks in Geneva on March 3, 2014. Lavrov met Kerry.',
  'On 5 July 2013 China signed a gas agreement with Russia. Putin praised Xi.',
  'The United States imposed sanctions on Russia in April 2014. Moscow condemned Washington.',
];

function corpusIn(dir: string, n: number): string {
  const docs = join(dir, 'docs');
  mkdirSync(join(docs, 'nested'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const text = `${TEXTS[i % TEXTS.length]} This is note ${i}.`;
    writeFileSync(join(docs, i % 2 === 0 ? 'nested' : '.', `note-${String(i).padStart(3, '0')}.txt`), `---\ntitle: Note ${i}\ndate: 2014-03-0${1 + (i % 9)}\n---\n${text}\n`);
  }
  return docs;
}

test('cli ingest: a folder is read recursively; ingesting it again changes no count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-cli-ingest-'));
  try {
    const docs = corpusIn(dir, 3);
    const db = join(dir, 'a.duckdb');
    const first = await runCli(['ingest', docs, '--db', db]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /^stored 3 documents \(\d+ events, \d+ sentences\), unchanged 0, failed 0\n$/);
    const store = await openStore(db);
    const before = await counts(store);
    await store.close();
    assert.equal(before.documents, 3);
    assert.ok(before.events > 0, 'the texts code into events');
    const second = await runCli(['ingest', docs, '--db', db]);
    assert.equal(second.stdout, 'stored 0 documents (0 events, 0 sentences), unchanged 3, failed 0\n');
    const again = await openStore(db);
    assert.deepEqual(await counts(again), before);
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli ingest: a URL is fetched from a real server; a dead one fails with one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-cli-ingest-'));
  const server = createServer((req, res) => {
    if (req.url === '/readout.txt') {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`${TEXTS[0]}\n`);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const db = join(dir, 'a.duckdb');
    const ok = await runCli(['ingest', `http://127.0.0.1:${port}/readout.txt`, '--db', db, '--format', 'json']);
    assert.equal(ok.code, 0, ok.stderr);
    const summary = JSON.parse(ok.stdout) as { stored: number; failed: number };
    assert.deepEqual([summary.stored, summary.failed], [1, 0]);
    const missing = await runCli(['ingest', `http://127.0.0.1:${port}/gone.txt`, '--db', db]);
    assert.equal(missing.code, 2);
    assert.match(missing.stdout, /^stored 0 documents .* failed 1\n$/);
    assert.match(missing.stderr, /^detente: http:\/\/127\.0\.0\.1:\d+\/gone\.txt: .*404/m);
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli ingest: killed mid-way, every document is whole or absent, and a second ingest completes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-cli-ingest-'));
  try {
    const total = 40;
    const docs = corpusIn(dir, total);
    const db = join(dir, 'a.duckdb');
    await (await openStore(db)).close();
    const child = startCli(['ingest', docs, '--db', db]);
    // The first document committed is the first write to the (checkpointed, empty) write-ahead log.
    const wal = `${db}.wal`;
    for (let i = 0; i < 600 && !(existsSync(wal) && statSync(wal).size > 0) && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const store = await openStore(db);
    const stored = (await counts(store)).documents;
    const broken = await store.one<{ n: number }>(
      `SELECT count(*) AS n FROM sentences s WHERE s.doc_id NOT IN (SELECT id FROM documents)`,
    );
    const orphanEvents = await store.one<{ n: number }>(`SELECT count(*) AS n FROM events WHERE doc_id NOT IN (SELECT id FROM documents)`);
    const empty = await store.one<{ n: number }>(`SELECT count(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.doc_id = d.id)`);
    await store.close();
    assert.ok(stored < total, `killed before the end (${stored} stored)`);
    assert.deepEqual([broken?.n, orphanEvents?.n, empty?.n], [0, 0, 0]);
    const rest = await runCli(['ingest', docs, '--db', db]);
    assert.equal(rest.code, 0, rest.stderr);
    assert.match(rest.stdout, new RegExp(`^stored ${total - stored} documents .*, unchanged ${stored}, failed 0\\n$`));
    const after = await openStore(db);
    const final = await counts(after);
    const ids = await after.one<{ n: number }>('SELECT count(DISTINCT id) AS n FROM events');
    await after.close();
    assert.equal(final.documents, total);
    assert.equal(ids?.n, final.events);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cli ingest: a database held by another detente gives one line and exit 4', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-cli-ingest-'));
  const db = join(dir, 'held.duckdb');
  const holder = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `const { openStore } = await import(${JSON.stringify(new URL('../../src/store/index.ts', import.meta.url).href)}); const s = await openStore(${JSON.stringify(db)}); process.stdout.write('open\\n'); process.stdin.on('end', async () => { await s.close(); process.exit(0); }); process.stdin.resume();`],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('open') && resolve());
      holder.once('exit', (code) => reject(new Error(`holder exited (${code})`)));
    });
    const run = await runCli(['ingest', corpusIn(dir, 1), '--db', db]);
    assert.equal(run.code, 4, run.stderr);
    assert.match(run.stderr, /^detente: .*held\.duckdb: database is locked by another detente process \(PID \d+\); wait for it to finish or use another --db\n$/);
  } finally {
    holder.stdin.end();
    await new Promise((resolve) => holder.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
