import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { StoreError } from '../../src/errors.ts';
import { MIGRATIONS, migrate, openStore, schemaVersion } from '../../src/store/index.ts';
import type { Migration } from '../../src/store/index.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'detente-store-'));
}

test('migrations: a new database is brought to the last version, and reopening applies nothing', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'x.duckdb');
    const store = await openStore(path);
    assert.equal(await schemaVersion(store), MIGRATIONS.length);
    await store.close();
    const again = await openStore(path);
    assert.deepEqual(await migrate(again), []);
    const rows = await again.all<{ version: number }>('SELECT version FROM schema_version ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), MIGRATIONS.map((m) => m.version));
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations: an appended migration runs forward on an existing database', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'x.duckdb');
    await (await openStore(path)).close();
    const next: Migration = { version: MIGRATIONS.length + 1, name: 'test: facts', statements: ['CREATE TABLE facts_test (id INTEGER, value DOUBLE)'] };
    const store = await openStore(path, { migrations: [...MIGRATIONS, next] });
    assert.equal(await schemaVersion(store), next.version);
    assert.equal(await store.run('INSERT INTO facts_test VALUES (1, 2.5)'), 1);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const broken: ReadonlyArray<{ name: string; migrations: Migration[]; message: RegExp }> = [
  { name: 'a gap in versions', migrations: [...MIGRATIONS, { version: MIGRATIONS.length + 2, name: 'gap', statements: [] }], message: /expected/ },
  { name: 'a repeated version', migrations: [...MIGRATIONS, { version: MIGRATIONS.length, name: 'again', statements: [] }], message: /expected/ },
];
for (const c of broken) {
  test(`migrations: refuses ${c.name}`, async () => {
    await assert.rejects(openStore(':memory:', { migrations: c.migrations }), (e: unknown) => e instanceof StoreError && c.message.test(e.message));
  });
}

test('migrations: a failing migration leaves the database at the previous version', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'x.duckdb');
    await (await openStore(path)).close();
    const bad: Migration = { version: MIGRATIONS.length + 1, name: 'bad', statements: ['CREATE TABLE half_done (id INTEGER)', 'CREATE TABLE events (id INTEGER)'] };
    await assert.rejects(openStore(path, { migrations: [...MIGRATIONS, bad] }), StoreError);
    const store = await openStore(path);
    assert.equal(await schemaVersion(store), MIGRATIONS.length);
    const half = await store.one<{ n: number }>(`SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'half_done'`);
    assert.equal(half?.n, 0);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('migrations: a database from a newer detente is refused, not guessed at', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'x.duckdb');
    const store = await openStore(path);
    await store.run('INSERT INTO schema_version (version, name) VALUES (?, ?)', [MIGRATIONS.length + 5, 'from the future']);
    await store.close();
    await assert.rejects(openStore(path), (e: unknown) => e instanceof StoreError && /newer than this detente/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('connection: a database held by another process gives one clear line', async () => {
  const dir = tempDir();
  const path = join(dir, 'held.duckdb');
  const holder = spawn(
    process.execPath,
    ['--import', 'tsx', '-e', `const { openStore } = await import(${JSON.stringify(new URL('../../src/store/index.ts', import.meta.url).href)}); const s = await openStore(${JSON.stringify(path)}); process.stdout.write('open\\n'); process.stdin.on('end', async () => { await s.close(); process.exit(0); }); process.stdin.resume();`],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('open')) resolve();
      });
      holder.on('exit', (code) => reject(new Error(`holder exited early (${code})`)));
    });
    await assert.rejects(openStore(path), (e: unknown) => e instanceof StoreError && /database is locked by another detente process \(PID \d+\)/.test(e.message) && !e.message.includes('\n'));
  } finally {
    holder.stdin.end();
    await new Promise((resolve) => holder.once('exit', resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});

test('connection: values come back JSON-safe', async () => {
  const store = await openStore(':memory:');
  const row = await store.one<Record<string, unknown>>(
    `SELECT count(*) AS n, DATE '2013-07-15' AS d, ['a', 'b'] AS l, 2.5::DOUBLE AS x, NULL AS z, list_contains(?, 'b') AS has`,
    [['a', 'b']],
  );
  assert.deepEqual(row, { n: 1, d: '2013-07-15', l: ['a', 'b'], x: 2.5, z: null, has: true });
  const named = await store.one<{ v: string }>('SELECT $word AS v', { word: 'détente' });
  assert.equal(named?.v, 'détente');
  await assert.rejects(store.all('SELECT * FROM no_such_table'), (e: unknown) => e instanceof StoreError && !e.message.includes('\n'));
  await store.close();
});

test('migrations: versions 5 and 6 mark the second direction of acts coded each way in an older ledger', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'x.duckdb');
    const old = await openStore(path, { migrations: MIGRATIONS.slice(0, 4) });
    const insert = `INSERT INTO events (id, origin, doc_id, sentence_index, span_start, span_end, source_country, target_country, dyad, type, quad, intensity, negated, modality, contexts, rule, entries)
                    VALUES (?, ?, 'd', ?, 10, 14, ?, ?, 'RUS-USA', 'AGREE', 1, 2.5, false, 'asserted', [], 'r', [])`;
    await old.run(insert, ['a', 'coded', 0, 'USA', 'RUS']);
    await old.run(insert, ['b', 'coded', 0, 'RUS', 'USA']);
    await old.run(insert, ['c', 'coded', 1, 'RUS', 'USA']);
    await old.close();
    const store = await openStore(path);
    const rows = await store.all<{ id: string; mirror: boolean }>('SELECT id, mirror FROM events ORDER BY id');
    assert.deepEqual(rows, [{ id: 'a', mirror: false }, { id: 'b', mirror: true }, { id: 'c', mirror: false }]);
    await assert.rejects(store.run("UPDATE events SET mirror = NULL WHERE id = 'a'"), StoreError);
    assert.equal((await store.one<{ n: number }>('SELECT count(*) AS n FROM assessments'))?.n, 0);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
