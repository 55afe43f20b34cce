import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { importFeedFile } from '../../src/ingest/feeds.ts';
import { openStore } from '../../src/store/index.ts';
import { gdeltRow } from '../ingest/feed-rows.ts';

const CHILD = new URL('./kill-child.ts', import.meta.url).pathname;

/** Runs the child until it has printed `until` progress lines (then SIGKILLs it), or to the end when `until` is null. */
function runChild(args: readonly string[], until: number | null): Promise<{ lines: string[]; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let stderr = '';
    let killed = false;
    let rest = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (until !== null && !killed && lines.length >= until) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve({ lines, killed });
      else if (code === 0) resolve({ lines, killed: false });
      else reject(new Error(`child exited ${code ?? signal}: ${stderr}`));
    });
  });
}

test('kill: a SIGKILL mid-ingest leaves every document whole or absent, and a second run completes it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-kill-'));
  try {
    const db = join(dir, 'ledger.duckdb');
    const total = 30;
    const run = await runChild(['docs', db, String(total)], 5);
    assert.ok(run.killed, 'the child was killed mid-way');
    const store = await openStore(db);
    const docs = await store.all<{ id: string; sentences: number; events: number }>(
      `SELECT d.id, (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events FROM documents d`,
    );
    assert.ok(docs.length >= 5 && docs.length < total, `${docs.length} documents survived`);
    for (const d of docs) assert.deepEqual([d.sentences, d.events], [20, 20], `document ${d.id} is whole`);
    const orphans = await store.one<{ n: number }>(`SELECT (SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT id FROM documents)) + (SELECT count(*) FROM events WHERE doc_id NOT IN (SELECT id FROM documents)) AS n`);
    assert.equal(orphans?.n, 0, 'no sentence or event without its document');
    await store.close();
    await runChild(['docs', db, String(total)], null);
    const after = await openStore(db);
    const totals = await after.one<{ documents: number; sentences: number; events: number; ids: number }>(
      `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT id) FROM events) AS ids`,
    );
    assert.deepEqual(totals, { documents: total, sentences: total * 20, events: total * 20, ids: total * 20 });
    await after.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('kill: a SIGKILL mid-import keeps the committed batches consistent, and importing again resumes to one clean count', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-kill-'));
  try {
    const db = join(dir, 'ledger.duckdb');
    const file = join(dir, 'big.export.CSV');
    const rows = 6000;
    const lines = Array.from({ length: rows }, (_, i) =>
      i % 3 === 2 ? gdeltRow({ id: 1000 + i, a2: { code: 'RUS', country: 'RUS' }, code: '040' }) : gdeltRow({ id: 1000 + i, a1: { code: 'USA', country: 'USA' }, a2: { code: 'RUS', country: 'RUS' }, code: i % 2 === 0 ? '042' : '111' }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const run = await runChild(['import', db, file], 3);
    assert.ok(run.killed, 'the child was killed mid-way');
    const store = await openStore(db);
    const record = await store.one<{ id: number; status: string; rows: number; imported: number; duplicates: number; rejected: number; last_line: number }>('SELECT id, status, rows, imported, duplicates, rejected, last_line FROM imports');
    assert.ok(record);
    assert.equal(record.status, 'running');
    assert.ok(record.rows >= 1500 && record.rows < rows, `${record.rows} rows committed`);
    assert.equal(record.imported + record.duplicates + record.rejected, record.rows);
    assert.equal(record.last_line, record.rows);
    const stored = await store.one<{ events: number; rejects: number }>('SELECT (SELECT count(*) FROM events WHERE import_id = ?) AS events, (SELECT count(*) FROM import_rejects WHERE import_id = ?) AS rejects', [record.id, record.id]);
    assert.deepEqual(stored, { events: record.imported, rejects: record.rejected });
    const result = await importFeedFile(store, 'gdelt', file, { batchLines: 500 });
    assert.deepEqual([result.resumed, result.importId, result.rows, result.imported, result.duplicates, result.rejected], [true, record.id, rows, 4000, 0, 2000]);
    const totals = await store.one<{ events: number; ids: number; rejects: number; status: string }>(
      `SELECT (SELECT count(*) FROM events) AS events, (SELECT count(DISTINCT id) FROM events) AS ids, (SELECT count(*) FROM import_rejects) AS rejects, (SELECT status FROM imports) AS status`,
    );
    assert.deepEqual(totals, { events: 4000, ids: 4000, rejects: 2000, status: 'complete' });
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
