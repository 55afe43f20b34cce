import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DyadQuery, MatrixSection } from '../../src/analysis/types.ts';
import { dyadReportFromStore } from '../../src/report/dyad-report.ts';
import type { Store } from '../../src/store/index.ts';
import { InputError } from '../../src/errors.ts';
import type { Event, EventType } from '../../src/types.ts';
import { eventOf, SEED_DATE, SEED_EVENTS } from '../fixtures/analysis/seed-events.ts';
import { storeWithEvents } from '../fixtures/analysis/store-with-events.ts';
import { ledgerEntryFromDoc } from '../../src/pipeline.ts';
import { openStore, storeCodedDoc } from '../../src/store/index.ts';
import { docOf } from '../store/fixtures.ts';

const QUERY: DyadQuery = { a: 'USA', b: 'RUS', directed: false, from: null, to: null, origins: null, modalities: ['asserted', 'future'], includeNegated: false };

/** A year of news: talks every month until June, sanctions from July. */
function turningYear(): { events: Event[]; docDate: string }[] {
  return Array.from({ length: 12 }, (_, m) => {
    const month = String(m + 1).padStart(2, '0');
    const type: EventType = m < 6 ? 'CONSULT' : 'SANCTION';
    const doc = { name: `news-2014-${month}.txt`, id: `news-2014-${month}` };
    const events = Array.from({ length: 4 }, (_, i) =>
      eventOf({ s: i % 2 === 0 ? 'USA' : 'RUS', t: i % 2 === 0 ? 'RUS' : 'USA', type, contexts: [m < 6 ? 'diplomatic' : 'economic'], index: i, sentence: `${type} number ${i} of 2014-${month}.` }, doc),
    );
    return { events, docDate: `2014-${month}-10` };
  });
}

let seed: Store;
let turning: Store;
before(async () => {
  seed = await storeWithEvents([{ events: SEED_EVENTS, docDate: SEED_DATE }]);
  turning = await storeWithEvents(turningYear());
});
after(async () => {
  await seed.close();
  await turning.close();
});

function verdicts(section: MatrixSection | null): Record<string, string> {
  return Object.fromEntries((section?.rows ?? []).map((r) => [r.key ?? '', r.verdict]));
}

test('dyad report: the seed reads as the paper does, each cell citing its sentences', async () => {
  const r = await dyadReportFromStore(seed, QUERY, { grouping: 'context' });
  const contexts = verdicts(r.matrix.primary);
  assert.equal(contexts.terrorism, 'cooperative');
  assert.equal(contexts.human_rights, 'conflictual');
  assert.equal(contexts.military, 'contradictory');
  assert.equal(contexts.cbrn, 'contradictory');
  assert.equal(verdicts(r.matrix.theater).AFG, 'cooperative');
  for (const row of r.matrix.primary.rows) {
    if (row.stats.cooperation > 0) assert.ok(row.evidence.cooperation.length > 0 && row.evidence.cooperation.every((e) => e.sentence && e.quad <= 2), row.label);
    if (row.stats.conflict > 0) assert.ok(row.evidence.conflict.length > 0 && row.evidence.conflict.every((e) => e.sentence && e.quad >= 3), row.label);
  }
  const military = r.matrix.primary.rows.find((row) => row.key === 'military');
  assert.deepEqual([military?.stats.cooperation, military?.stats.conflict], [7, 3]);
  assert.equal(r.summary.total.events, 41);
  assert.equal(r.summary.index?.band, 'ordinary');
  assert.deepEqual(r.changePoints.points, []);
  assert.equal(r.whatChanged?.comparison.basis, 'median');
  assert.ok(r.thirdParties.some((p) => p.actor === 'SYR' && p.withB.events === 2));
});

test('dyad report: rows by theater, type or document; no extra theater section for theater', async () => {
  for (const grouping of ['theater', 'type', 'source'] as const) {
    const r = await dyadReportFromStore(seed, QUERY, { grouping });
    assert.equal(r.matrix.primary.dimension, grouping);
    assert.equal(r.matrix.theater === null, grouping === 'theater');
  }
  const byType = await dyadReportFromStore(seed, QUERY, { grouping: 'type' });
  assert.equal(verdicts(byType.matrix.primary).SANCTION, 'conflictual');
});

test('dyad report: a turning year gives one change point with the events that drive it, and what changed', async () => {
  const r = await dyadReportFromStore(turning, QUERY, { granularity: 'month' });
  assert.equal(r.intervals.length, 12);
  assert.equal(r.changePoints.points.length, 1);
  const c = r.changePoints.points[0];
  assert.equal(c?.period, '2014-07');
  assert.equal(c?.direction, 'cooler');
  assert.equal(c?.drivers.length, 3);
  assert.ok(c?.drivers.every((e) => e.type === 'SANCTION' && (e.day ?? '') >= '2014-07-01' && (e.day ?? '') < '2014-10-01'));
  assert.ok(c?.faded.every((e) => e.type === 'CONSULT' && (e.day ?? '') >= '2014-04-01' && (e.day ?? '') < '2014-07-01'));
  assert.deepEqual(r.whatChanged?.comparison, { from: '2014-01-01', to: '2014-12-31', split: '2014-07-01', basis: 'change-point' });
  assert.deepEqual(r.whatChanged?.types.map((t) => [t.key, t.deltaNet]), [['SANCTION', -144], ['CONSULT', -60]]);
  assert.equal(r.index.points[5]?.band, 'ordinary');
  assert.equal(r.index.points[11]?.band, 'tense');
  assert.equal(r.index.trend?.direction, 'worsening');
});

test('dyad report: a given split; one out of range is a flag error', async () => {
  const r = await dyadReportFromStore(turning, QUERY, { split: '2014-10-01' });
  assert.deepEqual([r.whatChanged?.before.events, r.whatChanged?.after.events], [36, 12]);
  await assert.rejects(dyadReportFromStore(turning, QUERY, { split: '2015-01-01' }), (e: unknown) => e instanceof InputError && e.where === '--split');
});

test('dyad report: a dyad with no events is an empty report, not an error', async () => {
  const r = await dyadReportFromStore(seed, { ...QUERY, a: 'FRA', b: 'DEU' });
  assert.equal(r.summary.total.events, 0);
  assert.deepEqual(r.intervals, []);
  assert.equal(r.summary.index, null);
  assert.equal(r.whatChanged, null);
  assert.deepEqual(r.matrix.primary.rows, []);
  assert.deepEqual(r.thirdParties, []);
});

test('dyad report: from text to verdict, a joint act counts once and the text decides a row its events cannot', async () => {
  const store = await openStore(':memory:');
  try {
    const text = [
      'Syria has become the most contentious issue between Russia and the United States.',
      'Russia has criticised the United States for its policy in Syria.',
      'Russia and the United States signed an agreement on a ceasefire in Syria.',
      'Russia and the United States have deep differences over Syria.',
      'Russia and the United States have worked together against terrorism.',
    ].join(' ');
    await storeCodedDoc(store, ledgerEntryFromDoc(docOf(text)));
    const r = await dyadReportFromStore(store, QUERY, { grouping: 'theater' });
    const syria = r.matrix.primary.rows.find((row) => row.key === 'SYR');
    assert.deepEqual([syria?.stats.cooperation, syria?.stats.conflict], [1, 1], 'the ceasefire agreement, coded each way, counts once');
    assert.deepEqual([syria?.verdict, syria?.basis, syria?.assessments.discord], ['conflictual', 'assessments', 2]);
    assert.ok(syria?.assessments.evidence.discord.every((x) => x.sentence.includes('Syria')));
    assert.deepEqual(r.summary.directions.map((d) => d.stats.events), [2, 3], 'each direction counts its side of a joint act');
    assert.equal(r.summary.total.events, 3);
  } finally {
    await store.close();
  }
});
