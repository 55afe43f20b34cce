import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { minimalPdf } from '../figures/minimal-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const brief = fileURLToPath(new URL('../fixtures/figures/trade-brief-extracted.txt', import.meta.url));
let dir: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'detente-figures-'));
});
after(async () => rm(dir, { recursive: true, force: true }));

function detente(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), ...args], { cwd: root, env: { ...process.env, TZ: 'UTC' } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('cli tables: the brief\'s Table 1 as CSV, one row per cell', async () => {
  const { code, stdout } = await detente('tables', brief, '--format', 'csv');
  assert.equal(code, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines[0], 'table,caption,unit,source,section,row,column,value,written');
  assert.equal(lines.length, 21);
  assert.equal(lines[20], '1,"Table 1: US-Russia Trade (in billions, US $)","in billions, US $",Source: Compiled from the Office of the US Trade Representative and US Census Bureau,,US Imports,2012,29.38,29.38');
});

test('cli tables: Markdown and JSON', async () => {
  const md = await detente('tables', brief);
  assert.match(md.stdout, /\| US Imports \| 0\.5 \| 0\.4 \| 1\.1 \| 3\.2 \| 7\.7 \| 26\.8 \| 18\.2 \| 25\.7 \| 34\.6 \| 29\.38 \|/);
  const json = JSON.parse((await detente('tables', brief, '--format', 'json')).stdout) as { tables: { columns: string[] }[]; rejected: unknown[] };
  assert.equal(json.tables[0]?.columns.length, 10);
  assert.deepEqual(json.rejected, []);
});

test('cli tables: a PDF is read from its text positions', async () => {
  const pdf = join(dir, 'table.pdf');
  await writeFile(pdf, minimalPdf([[
    { x: 72, y: 700, text: 'Table 5: Arms (warheads)' },
    { x: 250, y: 680, text: '2010', right: true }, { x: 310, y: 680, text: '2013', right: true },
    { x: 72, y: 664, text: 'Deployed' }, { x: 250, y: 664, text: '1,800', right: true }, { x: 310, y: 664, text: '1,650', right: true },
    { x: 72, y: 648, text: 'Stored' }, { x: 250, y: 648, text: '2,200', right: true }, { x: 310, y: 648, text: '2,100', right: true },
  ]]));
  const { code, stdout } = await detente('tables', pdf, '--format', 'csv');
  assert.equal(code, 0);
  assert.match(stdout, /^1,Table 5: Arms \(warheads\),,,,Stored,2013,2100,"2,100"$/m);
});

test('cli tables: prose only says there is no table; bad flags and files fail in one line', async () => {
  const prose = join(dir, 'prose.txt');
  await writeFile(prose, 'Trade grew in 2012 to $40 billion, a record.\n');
  assert.match((await detente('tables', prose)).stdout, /No table: no region of rows and columns/);
  const flag = await detente('tables', brief, '--format', 'xml');
  assert.equal(flag.code, 2);
  assert.equal(flag.stderr, 'detente: --format: unknown value "xml" (expected md, csv, json)\n');
  const missing = await detente('tables', join(dir, 'nope.txt'));
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  const broken = join(dir, 'broken.pdf');
  await writeFile(broken, '%PDF-1.4 not really');
  const bad = await detente('tables', broken);
  assert.equal(bad.code, 3);
  assert.match(bad.stderr, /^detente: .*broken\.pdf: /);
});

test('cli facts: the brief\'s facts as JSON lines and as a listing', async () => {
  const { code, stdout, stderr } = await detente('facts', brief, '--format', 'jsonl');
  assert.equal(code, 0, stderr);
  const facts = stdout.trim().split('\n').map((l) => JSON.parse(l) as { doc: string; text: string; value: number; period: string; from: string | null; to: string | null });
  assert.deepEqual(facts.map((f) => [f.text, f.value, f.period]), [
    ['just over $40 billion', 40, '2012'],
    ['0.6%', 0.6, '2012'],
    ['about $9.9 billion', 9.9, '2010'],
    ['about $ 4.4 billion', 4.4, '2010'],
    ['$ 20 billion', 20, '2013/2018'],
    ['a third', 1 / 3, '2013'],
  ]);
  assert.deepEqual([facts[2]?.from, facts[2]?.to], ['USA', 'RUS']);
  assert.equal(facts[0]?.doc, 'trade-brief-extracted.txt');
  const listing = await detente('facts', brief);
  assert.match(listing.stdout, /^2010 +about \$ 4\.4 billion +4\.4 billion USD +level +investment +Russian investments in the US +"about", approx$/m);
});
