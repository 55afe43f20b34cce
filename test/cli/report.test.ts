import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { Command } from 'commander';
import { dyadQueryFromFlags, registerReport } from '../../src/cli/report.ts';
import { InputError } from '../../src/errors.ts';
import { openStore } from '../../src/store/index.ts';
import { appendEvents } from '../../src/store/events.ts';
import { SEED_DATE, SEED_EVENTS } from '../fixtures/analysis/seed-events.ts';

let dir: string;
let db: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'detente-report-'));
  db = join(dir, 'ledger.duckdb');
  const store = await openStore(db);
  const app = await store.appender('events');
  appendEvents(app, SEED_EVENTS, { docDate: SEED_DATE });
  app.closeSync();
  await store.close();
});
after(async () => rm(dir, { recursive: true, force: true }));

async function report(...args: string[]): Promise<void> {
  const program = new Command('detente').exitOverride();
  registerReport(program);
  await program.parseAsync(['node', 'detente', 'report', ...args]);
}

test('cli report: flags make the dyad query', () => {
  assert.deepEqual(dyadQueryFromFlags({ dyad: 'usa-rus', from: '2013', to: '2013-06', directed: true, origin: 'coded, gdelt', modality: 'asserted', includeNegated: true }), {
    a: 'USA',
    b: 'RUS',
    directed: true,
    from: '2013-01-01',
    to: '2013-06-30',
    origins: ['coded', 'gdelt'],
    modalities: ['asserted'],
    includeNegated: true,
  });
});

const bad: ReadonlyArray<{ flags: Parameters<typeof dyadQueryFromFlags>[0]; where: string }> = [
  { flags: { dyad: 'USA', modality: 'asserted' }, where: '--dyad' },
  { flags: { dyad: 'USA-USA', modality: 'asserted' }, where: '--dyad' },
  { flags: { dyad: 'USA-RUS', from: '2013-13', modality: 'asserted' }, where: '--from' },
  { flags: { dyad: 'USA-RUS', from: '2014', to: '2013', modality: 'asserted' }, where: '--from' },
  { flags: { dyad: 'USA-RUS', origin: 'twitter', modality: 'asserted' }, where: '--origin' },
  { flags: { dyad: 'USA-RUS', modality: 'maybe' }, where: '--modality' },
  { flags: { dyad: 'USA-RUS', modality: ' , ' }, where: '--modality' },
];
for (const c of bad) {
  test(`cli report: ${JSON.stringify(c.flags)} is refused naming ${c.where}`, () => {
    assert.throws(() => dyadQueryFromFlags(c.flags), (e: unknown) => e instanceof InputError && e.where === c.where);
  });
}

test('cli report: writes the brief, the JSON and a CSV table to files', async () => {
  const md = join(dir, 'brief.md');
  await report('--dyad', 'USA-RUS', '--db', db, '--group', 'context', '--out', md);
  assert.match(await readFile(md, 'utf8'), /\| human rights \| 7 \| 0 \| 7 \|.*conflictual \|/);
  const json = join(dir, 'report.json');
  await report('--dyad', 'USA-RUS', '--db', db, '--by', 'quarter', '--format', 'json', '--out', json);
  const parsed = JSON.parse(await readFile(json, 'utf8')) as { granularity: string; intervals: { period: string }[] };
  assert.equal(parsed.granularity, 'quarter');
  assert.deepEqual(parsed.intervals.map((i) => i.period), ['2013-Q1', '2013-Q2', '2013-Q3']);
  const csv = join(dir, 'matrix.csv');
  await report('--dyad', 'USA-RUS', '--db', db, '--format', 'csv', '--table', 'matrix', '--group', 'theater', '--out', csv);
  assert.match(await readFile(csv, 'utf8'), /^section,key,label,events,/);
  assert.deepEqual((await readdir(dir)).filter((f) => f.includes('.partial-')), []);
});

const badRuns: ReadonlyArray<{ args: string[]; where: string }> = [
  { args: ['--by', 'fortnight'], where: '--by' },
  { args: ['--group', 'colour'], where: '--group' },
  { args: ['--format', 'xml'], where: '--format' },
  { args: ['--table', 'nope'], where: '--table' },
  { args: ['--evidence', '-1'], where: '--evidence' },
  { args: ['--split', 'soon'], where: '--split' },
];
for (const c of badRuns) {
  test(`cli report: ${c.args.join(' ')} is refused`, async () => {
    await assert.rejects(report('--dyad', 'USA-RUS', '--db', db, ...c.args), (e: unknown) => e instanceof InputError && e.where === c.where);
  });
}

test('cli report: a missing database is named, not created', async () => {
  const missing = join(dir, 'nothing-here.duckdb');
  await assert.rejects(report('--dyad', 'USA-RUS', '--db', missing), (e: unknown) => e instanceof InputError && e.where === missing);
  assert.equal((await readdir(dir)).includes('nothing-here.duckdb'), false);
});
