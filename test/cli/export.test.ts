import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gdeltRow } from '../ingest/feed-rows.ts';
import { runCli } from './run-cli.ts';

test('cli export and import parquet: the ledger goes out partitioned by year and comes back whole', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-cli-export-'));
  try {
    const file = join(dir, 'g.export.CSV');
    writeFileSync(file, `${[
      gdeltRow({ id: 1, a1: { code: 'USA', country: 'USA' }, a2: { code: 'RUS', country: 'RUS' }, code: '042', date: '20130301' }),
      gdeltRow({ id: 2, a1: { code: 'RUS', country: 'RUS' }, a2: { code: 'USA', country: 'USA' }, code: '111', date: '20140301' }),
    ].join('\n')}\n`);
    const db = join(dir, 'a.duckdb');
    assert.equal((await runCli(['import', 'gdelt', file, '--db', db])).code, 0);
    const out = join(dir, 'out');
    const exported = await runCli(['export', out, '--db', db, '--format', 'parquet']);
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, `exported 2 events, 0 documents, 0 sentences to ${out} (events/, documents.parquet, sentences.parquet, assessments.parquet)\n`);
    const other = join(dir, 'b.duckdb');
    const back = await runCli(['import', 'parquet', out, '--db', other]);
    assert.equal(back.code, 0, back.stderr);
    assert.equal(back.stdout, `imported 2, duplicates 0, rejected 0 of 2 rows (${out})\n`);
    const bad = await runCli(['export', out, '--db', db, '--format', 'xlsx']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /^detente: --format: unknown value "xlsx" \(expected parquet, csv, jsonl\)\n$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
