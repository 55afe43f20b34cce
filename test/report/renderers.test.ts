import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DyadReport, EvidenceEvent } from '../../src/analysis/types.ts';
import { ConfigError } from '../../src/errors.ts';
import { csvFromDyadReport, csvOfRows } from '../../src/report/csv.ts';
import type { CsvTable } from '../../src/report/csv.ts';
import { dyadReportFromStore } from '../../src/report/dyad-report.ts';
import { REPORT_FORMATS } from '../../src/report/formats.ts';
import { jsonFromDyadReport } from '../../src/report/json.ts';
import { evidenceLine, markdownFromDyadReport, percent, signed } from '../../src/report/markdown.ts';
import type { Store } from '../../src/store/index.ts';
import { SEED_DATE, SEED_EVENTS } from '../fixtures/analysis/seed-events.ts';
import { storeWithEvents } from '../fixtures/analysis/store-with-events.ts';

let store: Store;
let report: DyadReport;
before(async () => {
  store = await storeWithEvents([{ events: SEED_EVENTS, docDate: SEED_DATE }]);
  report = await dyadReportFromStore(store, { a: 'USA', b: 'RUS', directed: false, from: null, to: null, origins: null, modalities: ['asserted', 'future'], includeNegated: false });
});
after(async () => store.close());

const numbers: ReadonlyArray<[number, number, string]> = [
  [1.5, 1, '+1.5'],
  [-3, 1, '−3.0'],
  [0, 1, '0.0'],
  [-0.001, 1, '0.0'],
  [1.696, 2, '+1.70'],
];
for (const [x, digits, want] of numbers) test(`markdown: ${x} signed is ${want}`, () => assert.equal(signed(x, digits), want));

test('markdown: shares', () => {
  assert.equal(percent(0.634), '63%');
  assert.equal(percent(null), '–');
});

test('markdown: an evidence line says who did what, when, where, and quotes the sentence', () => {
  const e: EvidenceEvent = {
    id: 'x',
    origin: 'coded',
    doc: 'a|b.txt',
    docId: 'd',
    date: null,
    day: '2013-07-15',
    source: 'RUS',
    sourceText: 'Moscow',
    target: 'USA',
    targetText: 'Washington',
    type: 'AGREE',
    quad: 1,
    intensity: 2.5,
    negated: true,
    modality: 'future',
    contexts: ['cbrn'],
    theater: null,
    sentence: 'They will "sign"\nit.',
    sentenceIndex: 4,
    rule: 'verb:sign',
    url: null,
  };
  assert.equal(evidenceLine(e), 'RUS→USA AGREE (future, negated), +2.5; 2013-07-15 (document date); *a\\|b.txt*, sentence 5 — "They will ”sign” it." [verb:sign]');
  assert.equal(evidenceLine({ ...e, doc: null, sentence: null, sentenceIndex: null, url: 'https://example.org/a', date: '2014-03', negated: false, modality: 'asserted' }), 'RUS→USA AGREE, +2.5; 2014-03; <https://example.org/a> [verb:sign]');
});

test('markdown: the brief has every section and cites the matrix rows', () => {
  const md = markdownFromDyadReport(report);
  for (const heading of ['# USA–RUS: relationship brief', '## Summary', '## Cooperation and conflict by context', '## Cooperation and conflict by theater', '## Relationship index', '## Per interval', '## Change points', '## What changed', '## Third parties', '## Method']) {
    assert.ok(md.includes(`\n${heading}\n`) || md.startsWith(`${heading}\n`), heading);
  }
  assert.match(md, /\| terrorism \| 8 \| 8 \| 0 \| 100% \| \+71\.5 \| \+8\.94 \| – \| cooperative \|/);
  assert.match(md, /\| human rights \| 7 \| 0 \| 7 \| 0% \| −39\.0 \| −5\.57 \| – \| conflictual \|/);
  assert.match(md, /\| military \| 10 \| 7 \| 3 \| 70% \| \+28\.0 \| \+2\.80 \| – \| \*\*contradictory\*\* \|/);
  assert.match(md, /\*\*AFG\*\* — cooperative \(2 cooperation, 0 conflict\)\n\n- Cooperation:\n {2}- RUS→USA SUPPORT, \+5\.0; .*Taliban/);
  assert.match(md, /By context: \*\*contradictory\*\* on diplomatic, military, cbrn; cooperative on terrorism/);
});

test('json: every section under stable keys, and parses back', () => {
  const text = jsonFromDyadReport(report);
  const parsed = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(Object.keys(parsed), ['kind', 'version', 'query', 'granularity', 'grouping', 'summary', 'intervals', 'index', 'changePoints', 'whatChanged', 'matrix', 'thirdParties']);
  assert.equal(parsed.kind, 'detente.dyad-report');
  assert.deepEqual(JSON.parse(text), JSON.parse(jsonFromDyadReport(report)));
  assert.ok(text.endsWith('}\n'));
});

test('csv: quoting follows RFC 4180', () => {
  assert.equal(csvOfRows(['a', 'b'], [['x,y', 'say "hi"'], [null, 1.23456789], ['line\nbreak', true]]), 'a,b\r\n"x,y","say ""hi"""\r\n,1.234568\r\n"line\nbreak",true\r\n');
});

test('csv: each table has a header and one row per item', () => {
  const lines = (table: CsvTable) => csvFromDyadReport(report, table).trimEnd().split('\r\n');
  const intervals = lines('intervals');
  assert.equal(intervals[0], 'period,start,end,events,q1,q2,q3,q4,cooperation,conflict,cooperation_share,net,mean,USA_RUS_events,USA_RUS_cooperation,USA_RUS_conflict,USA_RUS_net,RUS_USA_events,RUS_USA_cooperation,RUS_USA_conflict,RUS_USA_net');
  assert.equal(intervals.length, 1 + report.intervals.length);
  assert.ok(intervals.includes('2013-07,2013-07-01,2013-07-31,33,15,4,7,7,19,14,0.575758,23,0.69697,15,9,6,12.5,18,10,8,10.5'));
  const matrix = lines('matrix');
  assert.equal(matrix.length, 1 + report.matrix.primary.rows.length + (report.matrix.theater?.rows.length ?? 0));
  assert.ok(matrix.some((l) => l.startsWith('context,terrorism,terrorism,8,') && l.includes(',cooperative,')));
  assert.equal(lines('index').length, 1 + report.index.points.length);
  assert.equal(lines('third-parties')[0]?.startsWith('actor,events,theater_events'), true);
  assert.equal(lines('change-points').length, 1);
  assert.throws(() => csvFromDyadReport(report, 'nope' as never), ConfigError);
});

test('formats: the text formats render through the registry', async () => {
  for (const name of ['md', 'json', 'csv']) {
    const out = await REPORT_FORMATS[name]?.render(report, { table: 'matrix' });
    assert.ok(typeof out === 'string' && out.length > 100, name);
  }
});
