import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { openStore } from '../../src/store/index.ts';
import { gdeltRow } from '../ingest/feed-rows.ts';
import { runCli } from './run-cli.ts';

let dir: string;
let gdelt: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'detente-cli-import-'));
  gdelt = join(dir, '20131024.export.CSV');
  writeFileSync(gdelt, `${[
    gdeltRow({ id: 1, a1: { code: 'USA', country: 'USA' }, a2: { code: 'RUS', country: 'RUS' }, code: '042' }),
    gdeltRow({ id: 2, a1: { code: 'RUS', country: 'RUS' }, a2: { code: 'USA', country: 'USA' }, code: '111' }),
    gdeltRow({ id: 3, a2: { code: 'RUS', country: 'RUS' }, code: '040' }),
  ].join('\n')}\n`);
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('cli import: one summary line per file, rejected rows with their line on stderr, all of them with --rejects', async () => {
  const db = join(dir, 'a.duckdb');
  const rejects = join(dir, 'rejects.tsv');
  const run = await runCli(['import', 'gdelt', gdelt, '--db', db, '--rejects', rejects]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(run.stdout, `imported 2, duplicates 0, rejected 1 of 3 rows (${gdelt})\n`);
  assert.match(run.stderr, new RegExp(`${gdelt.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3: no source actor: Actor1 is empty`));
  assert.deepEqual(readFileSync(rejects, 'utf8').trim().split('\n'), ['file\tline\treason\torigin_id', `${gdelt}\t3\tno source actor: Actor1 is empty\t3`]);
  const again = await runCli(['import', 'auto', gdelt, '--db', db, '--format', 'json']);
  assert.equal(again.code, 0);
  const report = JSON.parse(again.stdout) as { files: Array<{ imported: number; duplicates: number; rejected: number; rows: number; previousImportId: number }>; total: { rows: number } };
  assert.deepEqual(report.files.map((f) => [f.imported, f.duplicates, f.rejected, f.rows, f.previousImportId]), [[0, 2, 1, 3, 1]]);
  const store = await openStore(db);
  assert.deepEqual(await store.one('SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM imports) AS imports'), { events: 2, imports: 1 });
  await store.close();
});

const FAILURES: ReadonlyArray<{ name: string; args: (db: string) => string[]; code: number; stderr: RegExp }> = [
  {
    name: 'a spreadsheet-saved GDELT file is refused in one line (exit 3)',
    args: (db) => {
      const path = join(dir, 'mangled.csv');
      writeFileSync(path, 'GLOBALEVENTID;SQLDATE;MonthYear\r\n817930293;20180121;201801\r\n');
      return ['import', 'gdelt', path, '--db', db];
    },
    code: 3,
    stderr: /^detente: .*mangled\.csv:1: not a GDELT export: ';'-separated with a header row \(spreadsheet-saved\?\); import the original tab-separated file from GDELT\n$/,
  },
  { name: 'an unknown dataset kind (exit 2)', args: (db) => ['import', 'acled', gdelt, '--db', db], code: 2, stderr: /^detente: <kind>: unknown value "acled"/ },
  { name: 'a missing file (exit 2)', args: (db) => ['import', 'gdelt', join(dir, 'nope.csv'), '--db', db], code: 2, stderr: /^detente: .*nope\.csv: no such file or folder\n$/ },
];
for (const c of FAILURES) {
  test(`cli import: ${c.name}`, async () => {
    const run = await runCli(c.args(join(dir, `${c.code}.duckdb`)));
    assert.equal(run.code, c.code, run.stderr);
    assert.match(run.stderr, c.stderr);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  });
}
