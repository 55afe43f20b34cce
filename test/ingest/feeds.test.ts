import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FormatError } from '../../src/errors.ts';
import { feedFormatOfFirstLine, importFeedFile } from '../../src/ingest/feeds.ts';
import { counts, eventsWhere, openStore } from '../../src/store/index.ts';
import type { Store, StoredEvent } from '../../src/store/index.ts';
import { gdeltRow, zipOf } from './feed-rows.ts';

const FIXTURES = new URL('../fixtures/feeds/', import.meta.url).pathname;
const USA = { code: 'USA', name: 'UNITED STATES', country: 'USA' };
const RUS = { code: 'RUSGOV', name: 'RUSSIA', country: 'RUS', type1: 'GOV' };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'detente-feeds-'));
}

async function byOriginId(store: Store, origin: string): Promise<Map<string, StoredEvent>> {
  const { events } = await eventsWhere(store, { origin: origin as never, limit: 10_000 });
  return new Map(events.map((e) => [e.originId ?? '', e]));
}

async function rejectsByLine(store: Store, importId: number): Promise<Map<number, string>> {
  const rows = await store.all<{ line: number; reason: string }>('SELECT line, reason FROM import_rejects WHERE import_id = ? ORDER BY line', [importId]);
  return new Map(rows.map((r) => [r.line, r.reason]));
}

/** Each case is one line of one GDELT file: what it must become. */
const GDELT_CASES: ReadonlyArray<{ name: string; line: string; expect: { reason: RegExp } | { source: string; target: string; type: string; sector?: string | null; theater?: string | null; rule?: RegExp; url?: string | null; mode?: string | null } }> = [
  { name: 'a 2.0 visit', line: gdeltRow({ id: 101, a1: USA, a2: RUS, code: '042', fips: 'RS' }), expect: { source: 'USA', target: 'RUS', type: 'CONSULT', mode: 'visit', sector: 'GOV', theater: null, rule: /gdelt2\.0/ } },
  { name: 'FIPS names the theater', line: gdeltRow({ id: 102, a1: USA, a2: RUS, code: '0834', fips: 'SY' }), expect: { source: 'USA', target: 'RUS', type: 'CONCEDE', theater: 'SYR' } },
  { name: 'a UN actor by its group code', line: gdeltRow({ id: 103, a1: { code: 'IGOUNO', name: 'UNITED NATIONS', group: 'UNO', type1: 'IGO' }, a2: RUS, code: '111' }), expect: { source: 'UN', target: 'RUS', type: 'ACCUSE', sector: null } },
  { name: 'the EU under a region code', line: gdeltRow({ id: 104, a1: { code: 'IGOEUREEC', name: 'THE EU', country: 'EUR', group: 'EEC', type1: 'IGO' }, a2: RUS, code: '163' }), expect: { source: 'EU', target: 'RUS', type: 'SANCTION' } },
  { name: 'a CAMEO-only country code', line: gdeltRow({ id: 105, a1: { code: 'ROM', name: 'ROMANIA', country: 'ROM' }, a2: RUS, code: '040' }), expect: { source: 'ROU', target: 'RUS', type: 'CONSULT' } },
  { name: 'a military actor', line: gdeltRow({ id: 106, a1: { code: 'RUSMIL', name: 'RUSSIA', country: 'RUS', type1: 'MIL' }, a2: { code: 'UKR', name: 'UKRAINE', country: 'UKR' }, code: '190' }), expect: { source: 'RUS', target: 'UKR', type: 'ASSAULT', sector: 'MIL' } },
  { name: 'a 1.0 daily row', line: gdeltRow({ id: 107, a1: USA, a2: RUS, code: '051' }, 58), expect: { source: 'USA', target: 'RUS', type: 'SUPPORT', rule: /gdelt1\.0/, url: 'https://example.org/news/107' } },
  { name: 'a 1.0 backfile row', line: gdeltRow({ id: 108, a1: USA, a2: RUS, code: '036', date: '19820115' }, 57), expect: { source: 'USA', target: 'RUS', type: 'AGREE', url: null } },
  { name: 'a region only', line: gdeltRow({ id: 109, a1: { code: 'AFR', name: 'AFRICA', country: 'AFR' }, a2: RUS, code: '040' }), expect: { reason: /^no source country: Actor1 "AFR" \(AFRICA\) has no state or IGO code \("AFR" is a region, not a state\)/ } },
  { name: 'an empty actor', line: gdeltRow({ id: 110, a2: RUS, code: '040' }), expect: { reason: /^no source actor: Actor1 is empty/ } },
  { name: 'an empty target', line: gdeltRow({ id: 111, a1: USA, code: '040' }), expect: { reason: /^no target actor: Actor2 is empty/ } },
  { name: 'a public statement', line: gdeltRow({ id: 112, a1: USA, a2: RUS, code: '010' }), expect: { reason: /^not an event: CAMEO 010 \(Make statement/ } },
  { name: 'a lost leading zero', line: gdeltRow({ id: 113, a1: USA, a2: RUS, code: '42' }), expect: { reason: /^bad EventCode: "42" is not a CAMEO code \(leading zero lost\?/ } },
  { name: 'a code that is no code', line: gdeltRow({ id: 114, a1: USA, a2: RUS, code: 'X99' }), expect: { reason: /^bad EventCode: "X99" is not a CAMEO event code/ } },
  { name: 'a domestic event', line: gdeltRow({ id: 115, a1: USA, a2: { code: 'USAGOV', country: 'USA', type1: 'GOV' }, code: '040' }), expect: { reason: /^domestic: both ends are USA/ } },
  { name: 'a short row', line: 'only\tthree\tfields', expect: { reason: /^wrong width: expected 57, 58 or 61 tab-separated columns \(GDELT 1\.0 or 2\.0\), found 3/ } },
  { name: 'a bad date', line: gdeltRow({ id: 117, a1: USA, a2: RUS, code: '040', date: '2013-7-1' }), expect: { reason: /^bad SQLDATE: "2013-7-1"/ } },
  { name: 'an impossible date', line: gdeltRow({ id: 118, a1: USA, a2: RUS, code: '040', date: '20130231' }), expect: { reason: /^bad SQLDATE: "20130231"/ } },
  { name: 'a blank line', line: '', expect: { reason: /^blank line/ } },
  { name: 'a bad id', line: gdeltRow({ id: 'x12', a1: USA, a2: RUS, code: '040' }), expect: { reason: /^bad GLOBALEVENTID: "x12"/ } },
  { name: 'the same event again', line: gdeltRow({ id: 101, a1: USA, a2: RUS, code: '042', fips: 'RS' }), expect: { reason: /^duplicate/ } },
  { name: 'the same id with other content', line: gdeltRow({ id: 101, a1: USA, a2: RUS, code: '111', fips: 'RS' }), expect: { reason: /^id conflict: gdelt 101 is also on line 1 with different actors, event or date/ } },
];

test('gdelt: every line of a mixed 1.0/2.0 file is imported, a duplicate, or rejected with its line and reason', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'mixed.export.CSV');
    writeFileSync(path, `${GDELT_CASES.map((c) => c.line).join('\n')}\n`);
    const store = await openStore(':memory:');
    const result = await importFeedFile(store, 'gdelt', path);
    assert.equal(result.rows, GDELT_CASES.length);
    assert.equal(result.imported + result.duplicates + result.rejected, result.rows);
    assert.equal(result.duplicates, 1);
    assert.ok(result.importId !== null);
    const events = await byOriginId(store, 'gdelt');
    const rejects = await rejectsByLine(store, result.importId);
    for (const [i, c] of GDELT_CASES.entries()) {
      const line = i + 1;
      if ('reason' in c.expect) {
        if (c.expect.reason.source === '^duplicate') {
          assert.equal(rejects.get(line), undefined, `${c.name}: a duplicate is not a reject`);
          continue;
        }
        assert.match(rejects.get(line) ?? '(not rejected)', c.expect.reason, c.name);
        continue;
      }
      assert.equal(rejects.get(line), undefined, `${c.name}: rejected as ${rejects.get(line)}`);
      const id = c.line.split('\t')[0] ?? '';
      const e = events.get(id);
      assert.ok(e, `${c.name}: stored`);
      assert.equal(e.source.country, c.expect.source, c.name);
      assert.equal(e.target.country, c.expect.target, c.name);
      assert.equal(e.type, c.expect.type, c.name);
      if (c.expect.sector !== undefined) assert.equal(e.source.sector, c.expect.sector, c.name);
      if (c.expect.theater !== undefined) assert.equal(e.theater, c.expect.theater, c.name);
      if (c.expect.rule !== undefined) assert.match(e.rule, c.expect.rule, c.name);
      if (c.expect.url !== undefined) assert.equal(e.url, c.expect.url, c.name);
      if (c.expect.mode !== undefined) assert.equal(e.mode, c.expect.mode, c.name);
      assert.equal(e.day, e.date, `${c.name}: day is the event's date`);
      assert.equal(e.dayPrecision, 'day');
    }
    const visit = events.get('101');
    assert.deepEqual([visit?.cameo, visit?.geoFips, visit?.date, visit?.contexts, visit?.quad, visit?.intensity, visit?.doc], ['042', 'RS', '2013-10-24', ['diplomatic'], 1, 2.5, 'mixed.export.CSV']);
    assert.deepEqual(visit?.entries, ['cameo:042', 'actor1:USA', 'actor2:RUSGOV']);
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gdelt: importing the same file again adds nothing and leaves no new import record', async () => {
  const dir = tempDir();
  try {
    const path = join(dir, 'a.export.CSV');
    writeFileSync(path, `${GDELT_CASES.map((c) => c.line).join('\n')}\n`);
    const store = await openStore(':memory:');
    const first = await importFeedFile(store, 'gdelt', path);
    const before = await counts(store);
    const again = await importFeedFile(store, 'gdelt', path);
    assert.deepEqual(await counts(store), before);
    assert.deepEqual([again.imported, again.duplicates + again.imported, again.rejected, again.rows, again.importId, again.previousImportId], [0, first.imported + first.duplicates, first.rejected, first.rows, null, first.importId]);
    assert.equal(again.rejects.length, Math.min(20, first.rejected));
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('gdelt: a zipped export with CRLF line ends reads like the plain file', async () => {
  const dir = tempDir();
  try {
    const rows = [gdeltRow({ id: 201, a1: USA, a2: RUS, code: '042', url: 'https://example.org/a' }), gdeltRow({ id: 202, a1: RUS, a2: USA, code: '1123' })];
    const path = join(dir, '20131024143000.export.CSV.zip');
    writeFileSync(path, zipOf('20131024143000.export.CSV', `${rows.join('\r\n')}\r\n`));
    const store = await openStore(':memory:');
    const result = await importFeedFile(store, 'auto', path);
    assert.deepEqual([result.format, result.rows, result.imported], ['gdelt', 2, 2]);
    const events = await byOriginId(store, 'gdelt');
    assert.equal(events.get('201')?.url, 'https://example.org/a');
    assert.equal(events.get('202')?.type, 'ACCUSE');
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const REFUSED: ReadonlyArray<{ name: string; text: string; message: RegExp }> = [
  { name: 'a spreadsheet-saved export', text: 'GLOBALEVENTID;SQLDATE;MonthYear;Year\r\n817930293;20180121;201801;2018\r\n', message: /not a GDELT export: ';'-separated with a header row \(spreadsheet-saved\?\)/ },
  { name: 'a comma-separated export', text: 'GLOBALEVENTID,SQLDATE,MonthYear\n1,20180121,201801\n', message: /not a GDELT export: ','-separated with a header row/ },
  { name: 'an ICEWS file named as GDELT', text: 'Event ID\tEvent Date\tSource Name\n1\t2018-01-01\tx\n', message: /not a GDELT export: the first line has 3 tab-separated fields/ },
];
for (const c of REFUSED) {
  test(`gdelt: refuses ${c.name} with one line before storing anything`, async () => {
    const dir = tempDir();
    try {
      const path = join(dir, 'x.csv');
      writeFileSync(path, c.text);
      const store = await openStore(':memory:');
      await assert.rejects(importFeedFile(store, 'gdelt', path), (e: unknown) => e instanceof FormatError && e.line === 1 && c.message.test(e.message) && !e.message.includes('\n'));
      assert.deepEqual(await counts(store), { documents: 0, sentences: 0, events: 0, eventsByOrigin: {}, actors: 0, imports: 0 });
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('icews: reused Event IDs on other dates stay distinct; the same id and date with other content is not merged', async () => {
  const store = await openStore(':memory:');
  const result = await importFeedFile(store, 'auto', join(FIXTURES, 'icews-sample.tab'));
  assert.equal(result.format, 'icews');
  assert.equal(result.rows, 11);
  assert.equal(result.imported + result.duplicates + result.rejected, 11);
  assert.deepEqual([result.imported, result.duplicates, result.rejected], [4, 1, 6]);
  const events = await byOriginId(store, 'icews');
  assert.deepEqual([...events.keys()].sort(), ['5001@2018-06-01', '5001@2018-06-02', '5002@2018-06-01', '5004@2018-06-03']);
  const visit = events.get('5001@2018-06-01');
  assert.deepEqual([visit?.source.country, visit?.source.sector, visit?.target.country, visit?.type, visit?.mode, visit?.source.text], ['RUS', 'GOV', 'USA', 'CONSULT', 'visit', 'Foreign Affairs (Russia)']);
  assert.deepEqual([events.get('5001@2018-06-02')?.source.country, events.get('5001@2018-06-02')?.target.country], ['CHN', 'JPN']);
  assert.deepEqual([events.get('5002@2018-06-01')?.source.country, events.get('5002@2018-06-01')?.source.sector], ['UN', null]);
  const army = events.get('5004@2018-06-03');
  assert.deepEqual([army?.source.sector, army?.date, army?.theater], ['MIL', '2018-06-03', null]);
  assert.ok(result.importId !== null);
  const rejects = await rejectsByLine(store, result.importId);
  const expected: ReadonlyArray<[number, RegExp]> = [
    [5, /^id conflict: icews 5001@2018-06-01 is also on line 2/],
    [7, /^domestic: both ends are RUS/],
    [9, /^not an event: CAMEO 010/],
    [10, /^unknown source country: Source Country "Atlantis"/],
    [11, /^wrong width: expected 20 tab-separated columns \(ICEWS\), found 19/],
    [12, /^bad Event Date: "2018-06-31"/],
  ];
  assert.deepEqual([...rejects.keys()], expected.map(([line]) => line));
  for (const [line, reason] of expected) assert.match(rejects.get(line) ?? '', reason);
  await store.close();
});

test('polecat: PLOVER names map to detente types, IGOs by name, unknowns rejected with reasons', async () => {
  const store = await openStore(':memory:');
  const result = await importFeedFile(store, 'auto', join(FIXTURES, 'polecat-sample.tsv'));
  assert.equal(result.format, 'polecat');
  assert.deepEqual([result.rows, result.imported, result.duplicates, result.rejected], [7, 4, 0, 3]);
  const events = await byOriginId(store, 'polecat');
  const consult = events.get('pc-0001');
  assert.deepEqual([consult?.source.country, consult?.target.country, consult?.type, consult?.mode, consult?.contexts, consult?.quad], ['USA', 'RUS', 'CONSULT', 'visit', ['diplomatic', 'economic'], 1]);
  const demand = events.get('pc-0002');
  assert.deepEqual([demand?.type, demand?.quad, demand?.target.sector, demand?.mode], ['REQUEST', 3, 'MIL', null]);
  assert.deepEqual([events.get('pc-0003')?.source.country, events.get('pc-0003')?.source.sector], ['NATO', null]);
  const sanction = events.get('pc-0007');
  assert.deepEqual([sanction?.source.country, sanction?.target.sector, sanction?.contexts], ['EU', 'BUS', ['economic']]);
  assert.ok(sanction?.entries.includes('polecat-context:foo-bar'));
  assert.ok(result.importId !== null);
  const rejects = [...(await rejectsByLine(store, result.importId)).entries()];
  assert.deepEqual(rejects.map(([line]) => line), [5, 6, 7]);
  assert.match(rejects[0]?.[1] ?? '', /^several source countries: Actor Country "USA; GBR"/);
  assert.match(rejects[1]?.[1] ?? '', /^bad Event Type: "FLY"/);
  assert.match(rejects[2]?.[1] ?? '', /^unknown target country: Recipient Country "XXX"/);
  await store.close();
});

const FIRST_LINES: ReadonlyArray<[string, string, string | null]> = [
  ['GDELT 2.0 row', gdeltRow({ id: 1, a1: USA, a2: RUS, code: '040' }), 'gdelt'],
  ['GDELT 1.0 row', gdeltRow({ id: 1, a1: USA, a2: RUS, code: '040' }, 57), 'gdelt'],
  ['spreadsheet GDELT', 'GLOBALEVENTID;SQLDATE;MonthYear', 'gdelt'],
  ['ICEWS header', 'Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\tTarget Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\tProvince\tCountry\tLatitude\tLongitude', 'icews'],
  ['POLECAT header', 'Event ID\tEvent Date\tEvent Type\tActor Name\tActor Country\tRecipient Name\tRecipient Country', 'polecat'],
  ['anything else', 'hello, world', null],
];
for (const [name, line, format] of FIRST_LINES) {
  test(`feeds: auto tells ${name}`, () => {
    assert.equal(feedFormatOfFirstLine(line), format);
  });
}
