import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FormatError } from '../../src/errors.ts';
import { importFeedFile } from '../../src/ingest/feeds.ts';
import { importParquetPath } from '../../src/ingest/parquet.ts';
import { counts, documentById, eventsWhere, openStore, storeCodedDoc } from '../../src/store/index.ts';
import type { Store, StoredEvent } from '../../src/store/index.ts';
import { exportLedger } from '../../src/store/interop.ts';
import { gdeltRow } from '../ingest/feed-rows.ts';
import { codedDocOf } from './fixtures.ts';

async function ledgerIn(dir: string): Promise<Store> {
  const store = await openStore(':memory:');
  await storeCodedDoc(store, codedDocOf('Obama met Putin. Russia accused America. They met again.', { name: 'a.txt' }));
  await storeCodedDoc(store, codedDocOf('Kerry met Lavrov. Lavrov blamed Kerry.', { name: 'b.txt', date: null }));
  const file = join(dir, 'g.export.CSV');
  writeFileSync(file, `${[
    gdeltRow({ id: 1, a1: { code: 'USA', country: 'USA' }, a2: { code: 'RUS', country: 'RUS' }, code: '042', date: '20140301' }),
    gdeltRow({ id: 2, a1: { code: 'CHN', country: 'CHN' }, a2: { code: 'RUS', country: 'RUS' }, code: '0311', date: '20150301', fips: 'KZ' }),
  ].join('\n')}\n`);
  await importFeedFile(store, 'gdelt', file);
  return store;
}

const withoutImport = (events: readonly StoredEvent[]): Array<Omit<StoredEvent, 'importId'>> => events.map(({ importId: _, ...e }) => e);

test('interop: Parquet export (by year, with documents and sentences) imports back into an empty ledger unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-interop-'));
  try {
    const store = await ledgerIn(dir);
    const out = join(dir, 'export');
    const written = await exportLedger(store, out, 'parquet');
    assert.deepEqual([written.events, written.documents, written.sentences], [7, 2, 5]);
    assert.deepEqual(readdirSync(join(out, 'events')).sort(), ['year=2013', 'year=2014', 'year=2015', 'year=__HIVE_DEFAULT_PARTITION__']);
    assert.ok(existsSync(join(out, 'documents.parquet')) && existsSync(join(out, 'sentences.parquet')));
    const original = await eventsWhere(store, { sort: 'day', order: 'asc', limit: 100 });
    const fresh = await openStore(':memory:');
    const first = await importParquetPath(fresh, out);
    assert.deepEqual([first.rows, first.imported, first.duplicates, first.rejected], [7, 7, 0, 0]);
    const back = await eventsWhere(fresh, { sort: 'day', order: 'asc', limit: 100 });
    assert.deepEqual(withoutImport(back.events), withoutImport(original.events));
    const docId = original.events.find((e) => e.docId !== null)?.docId ?? '';
    assert.deepEqual(await documentById(fresh, docId).then((d) => d && { doc: d.doc, sentences: d.sentences }), await documentById(store, docId).then((d) => d && { doc: d.doc, sentences: d.sentences }));
    const before = await counts(fresh);
    const again = await importParquetPath(fresh, out);
    assert.deepEqual([again.imported, again.duplicates, again.importId], [0, 7, null]);
    assert.deepEqual(await counts(fresh), before);
    await fresh.close();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('interop: CSV and JSON lines exports, filtered by the shared flags', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-interop-'));
  try {
    const store = await ledgerIn(dir);
    const csv = await exportLedger(store, join(dir, 'csv'), 'csv');
    const csvLines = readFileSync(join(dir, 'csv', 'events.csv'), 'utf8').trim().split('\n');
    assert.equal(csv.events, 7);
    assert.equal(csvLines.length, 8);
    assert.ok(csvLines[0]?.startsWith('id,origin,origin_id,'));
    const jsonl = await exportLedger(store, join(dir, 'jsonl'), 'jsonl', { dyad: 'RUS-USA', from: '2014' });
    const lines = readFileSync(join(dir, 'jsonl', 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(jsonl.events, 1);
    assert.equal(lines.length, 1);
    const e = lines[0] ?? {};
    assert.deepEqual([e.origin, e.originId, e.type, e.cameo, e.day, (e.source as { country: string }).country, (e.target as { country: string }).country], ['gdelt', '1', 'CONSULT', '042', '2014-03-01', 'USA', 'RUS']);
    assert.deepEqual(Object.keys(e).slice(0, 6), ['id', 'doc', 'sentence', 'source', 'target', 'type']);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('interop: a Parquet file that is not an events export is refused with one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'detente-interop-'));
  try {
    const store = await openStore(':memory:');
    const file = join(dir, 'other.parquet');
    await store.run(`COPY (SELECT 1 AS id, 'x' AS name) TO '${file}' (FORMAT parquet)`);
    await assert.rejects(importParquetPath(store, file), (e: unknown) => e instanceof FormatError && /not a detente events export: missing columns origin, source_country/.test(e.message));
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
