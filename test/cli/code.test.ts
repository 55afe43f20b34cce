import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, startCli } from './run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'detente-code-'));
const doc = join(dir, 'readout.txt');
writeFileSync(doc, '---\ntitle: "Readout"\ndate: "2013-04-20"\n---\nVladimir Putin had a telephone conversation with US President Barack Obama.\n\nRussia has criticised the US for its policy in Syria.\n');

test('code: jsonl has the documented keys in order, one event a line', async () => {
  const run = await runCli(['code', doc]);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.equal(lines.length, 3);
  assert.deepEqual(Object.keys(lines[0]!).slice(0, 17), ['doc', 'sentence', 'source', 'target', 'type', 'mode', 'quad', 'intensity', 'cameo', 'negated', 'modality', 'contexts', 'theater', 'date', 'section', 'rule', 'span']);
  const accuse = lines.find((l) => l.type === 'ACCUSE')!;
  assert.deepEqual(accuse.source, { text: 'Russia', country: 'RUS', sector: 'GOV', entry: 'country:RUS', span: (accuse.source as { span: unknown }).span });
  assert.equal((accuse.target as { country: string }).country, 'USA');
  assert.equal(accuse.theater, 'SYR');
  assert.equal((accuse.sentence as { index: number }).index, 1);
  assert.equal(lines.filter((l) => l.type === 'CONSULT').length, 2);
  assert.equal(lines[0]!.date, '2013-04-20');
});

test('code: --assessments prints what the text says of how two actors stand, not its events', async () => {
  const file = join(dir, 'paper.txt');
  writeFileSync(file, 'Russia has criticised the US for its policy in Syria. However, Russia and the US have serious differences over Iran.\n');
  const run = await runCli(['code', file, '--assessments', '--date', '2013-07-15']);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(lines.map((l) => [l.pair, l.valence, l.cue, l.theater, (l.sentence as { index: number }).index]), [[['RUS', 'USA'], 'discord', 'differences', 'IRN', 1]]);
  const table = await runCli(['code', file, '--assessments', '--format', 'table']);
  assert.match(table.stdout, /^doc +sent +pair +valence +words +contexts +theater +evidence\npaper\.txt +1 +RUS-USA +discord +differences +IRN +However, Russia/);
});

test('code: a reader that stops early ends the output quietly', async () => {
  const big = join(dir, 'many.txt');
  writeFileSync(big, Array.from({ length: 3000 }, (_, i) => `Russia criticised the United States on day ${i + 1}.`).join('\n\n'));
  const child = startCli(['code', big, '--date', '2013-07-15']);
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  // Take the first chunk, then close the pipe as `head` does.
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  child.stdout?.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  assert.equal(code, 0, stderr);
  assert.doesNotMatch(stderr, /EPIPE|Error/);
});

test('code: --date overrides the document date and json and table formats work', async () => {
  const json = await runCli(['code', doc, '--date', '2016-01-01', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const events = JSON.parse(json.stdout) as { date: string | null }[];
  assert.ok(events.some((e) => e.date === '2016-01-01'));
  const table = await runCli(['code', doc, '--format', 'table']);
  assert.match(table.stdout.split('\n')[0] ?? '', /^doc\s+sent\s+source\s+target\s+type/);
});

const bad: ReadonlyArray<{ name: string; write: (path: string) => void; file: string; code: number; message: RegExp }> = [
  { name: 'an empty file gives no event and exit 0', file: 'empty.txt', write: (p) => writeFileSync(p, ''), code: 0, message: /^$/ },
  { name: 'a binary file', file: 'bin.txt', write: (p) => writeFileSync(p, Buffer.from([0, 1, 2, 0, 98, 0])), code: 2, message: /bin\.txt: binary file/ },
  { name: 'invalid UTF-8 names the line', file: 'latin1.txt', write: (p) => writeFileSync(p, Buffer.from('ok\ncaf\xe9\n', 'latin1')), code: 3, message: /latin1\.txt:2: invalid UTF-8/ },
  { name: 'a 100 MB file is refused before reading', file: 'big.txt', write: (p) => { writeFileSync(p, ''); truncateSync(p, 100 * 1024 * 1024); }, code: 2, message: /big\.txt: file is 100\.0 MB, above the 64 MB limit/ },
  { name: 'a broken PDF', file: 'broken.pdf', write: (p) => writeFileSync(p, '%PDF-1.4\nbroken'), code: 3, message: /broken\.pdf: not a valid PDF/ },
  { name: 'an unknown extension', file: 'doc.docx', write: (p) => writeFileSync(p, 'hello'), code: 2, message: /doc\.docx: unsupported file type \.docx/ },
  { name: 'a missing path', file: 'missing.txt', write: () => undefined, code: 2, message: /missing\.txt: no such file/ },
];

for (const c of bad) {
  test(`code: ${c.name}`, async () => {
    const path = join(dir, c.file);
    c.write(path);
    const run = await runCli(['code', path]);
    assert.equal(run.code, c.code);
    assert.equal(run.stdout, '');
    assert.match(run.stderr.trim(), c.message);
    assert.ok(run.stderr.trim().split('\n').length <= 1, 'one line');
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  });
}

test('code: a bad flag is one line and exit 2', async () => {
  const run = await runCli(['code', doc, '--format', 'xml']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /--format: unknown value "xml" \(expected jsonl, json, table\)/);
});

test('explain: shows actors, the pattern that fired, and why nothing was coded', async () => {
  const coded = await runCli(['explain', 'Russia has vetoed resolutions in the UNSC.', '--date', '2013-07-15']);
  assert.equal(coded.code, 0, coded.stderr);
  assert.match(coded.stdout, /actors:\s+"Russia" → RUS\/GOV/);
  assert.match(coded.stdout, /"vetoed" → REJECT by veto \(verbs\.tsv:\d+\)/);
  assert.match(coded.stdout, /RUS\/GOV "Russia" → UNSC "the UNSC"\s+REJECT/);
  const none = await runCli(['explain', 'Moscow and Washington could also cooperate in exploring the Arctic resources.']);
  assert.match(none.stdout, /no event: speculation/);
  const state = await runCli(['explain', "However, Russia and the US have serious differences over Iran's nuclear programme.", '--date', '2013-07-15']);
  assert.match(state.stdout, /no event: no-trigger/);
  assert.match(state.stdout, /assessment \(not an event\): RUS–USA discord "differences"; theater: IRN; contexts: cbrn\n\s+rule: states\.tsv:\d+ differences/);
  const json = await runCli(['explain', 'Relations remain minimal.', '--format', 'json']);
  assert.deepEqual((JSON.parse(json.stdout) as { reasons: { kind: string }[] }[])[0]?.reasons.map((r) => r.kind), ['no-trigger']);
  for (const who of [['--source', 'https://www.kremlin.ru/events/1'], ['--publisher', 'The White House']]) {
    const speaker = await runCli(['explain', 'We have expelled two diplomats of Syria.', '--date', '2016-12-29', ...who]);
    assert.match(speaker.stdout, /"We" → (RUS|USA)\/GOV/, who.join(' '));
  }
  const told = ['explain', 'Putin told Obama that Russia would respect the ceasefire.', '--date', '2016-02-14'];
  assert.match((await runCli(told)).stdout, /outside a call or meeting/);
  assert.match((await runCli([...told, '--title', 'Telephone conversation with US President Barack Obama'])).stdout, /CONSULT/);
});
