import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DyadQuery } from '../../src/analysis/types.ts';
import { dyadAssessmentCells } from '../../src/store/assessments.ts';
import { dyadFlows, dyadBreakdown } from '../../src/store/dyad-queries.ts';
import { eventsWhere, openStore, storeCodedDoc } from '../../src/store/index.ts';
import type { Store } from '../../src/store/index.ts';
import type { Assessment, Doc, Event, Sentence } from '../../src/types.ts';
import { codedEvent, docOf, sentencesOf } from './fixtures.ts';

const BOTH: DyadQuery = { a: 'USA', b: 'RUS', directed: false, from: null, to: null, origins: null, modalities: ['asserted', 'future'], includeNegated: false };

function assessmentOf(doc: Doc, s: Sentence, extra: Partial<Assessment> = {}): Assessment {
  return {
    doc: doc.name,
    docId: doc.id,
    sentence: { index: s.index, text: s.text, start: s.span.start, end: s.span.end },
    span: { start: s.span.start, end: s.span.start + 5 },
    cue: s.text.slice(0, 5),
    a: 'RUS',
    b: 'USA',
    valence: 'discord',
    contexts: [],
    theater: null,
    date: '2013-07-15',
    section: null,
    rule: 'states.tsv:1 test',
    ...extra,
  };
}

/** Runs `fn` on a fresh in-memory ledger and closes it. */
async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
  const store = await openStore(':memory:');
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

const TEXT = 'Russia and the US agreed on talks. Russia criticised the US. The two met again. They differ on Syria.';

// Which of a document's events are the second direction of one act: pairs need the same trigger, type, negation and modality.
const pairs: ReadonlyArray<{ name: string; events: (doc: Doc, s: readonly Sentence[]) => Event[]; mirrors: number }> = [
  { name: 'one agreement coded each way', events: (d, s) => [codedEvent(d, s[0]!, 'USA', 'RUS', 'AGREE'), codedEvent(d, s[0]!, 'RUS', 'USA', 'AGREE')], mirrors: 1 },
  { name: 'a one-sided act', events: (d, s) => [codedEvent(d, s[1]!, 'RUS', 'USA', 'ACCUSE')], mirrors: 0 },
  {
    name: 'two triggers, one each way',
    events: (d, s) => [codedEvent(d, s[2]!, 'USA', 'RUS', 'CONSULT'), codedEvent(d, s[2]!, 'RUS', 'USA', 'CONSULT', { span: { start: s[2]!.span.start + 4, end: s[2]!.span.start + 7 } })],
    mirrors: 0,
  },
  { name: 'each way but different types', events: (d, s) => [codedEvent(d, s[0]!, 'USA', 'RUS', 'AGREE'), codedEvent(d, s[0]!, 'RUS', 'USA', 'CONSULT')], mirrors: 0 },
  {
    name: 'each way, one negated',
    events: (d, s) => [codedEvent(d, s[0]!, 'USA', 'RUS', 'AGREE'), codedEvent(d, s[0]!, 'RUS', 'USA', 'AGREE', { negated: true })],
    mirrors: 0,
  },
];
for (const c of pairs) {
  test(`store mirrors: ${c.name}`, () =>
    withStore(async (store) => {
      const doc = docOf(TEXT);
      const sentences = sentencesOf(doc);
      await storeCodedDoc(store, { doc, sentences, events: c.events(doc, sentences) });
      const all = await eventsWhere(store, {});
      const kept = await eventsWhere(store, { mirrors: false });
      assert.equal(all.total - kept.total, c.mirrors);
    }));
}

test('store mirrors: both directions count an agreement coded each way once; each direction counts it', () =>
  withStore(async (store) => {
    const doc = docOf(TEXT);
    const s = sentencesOf(doc);
    await storeCodedDoc(store, {
      doc,
      sentences: s,
      events: [
        codedEvent(doc, s[0]!, 'USA', 'RUS', 'AGREE', { theater: 'SYR' }),
        codedEvent(doc, s[0]!, 'RUS', 'USA', 'AGREE', { theater: 'SYR' }),
        codedEvent(doc, s[1]!, 'RUS', 'USA', 'ACCUSE', { theater: 'SYR' }),
      ],
    });
    const both = await dyadBreakdown(store, BOTH, { matrix: ['theater'], split: null, windows: null, theaters: false, k: 3 });
    const cells = both.matrix.get('theater')?.cells ?? [];
    assert.deepEqual(cells.map((c) => [c.key, c.quad, c.events]).sort(), [['SYR', 1, 1], ['SYR', 3, 1]]);
    const forward = await dyadBreakdown(store, { ...BOTH, directed: true }, { matrix: ['theater'], split: null, windows: null, theaters: false, k: 3 });
    assert.deepEqual(forward.matrix.get('theater')?.cells.map((c) => [c.key, c.quad, c.events]), [['SYR', 1, 1]]);
    const flows = await dyadFlows(store, BOTH, 'month');
    // The event with the lower id stays unmarked (here RUS→USA).
    assert.deepEqual(flows.flows.map((f) => [f.forward, f.mirror, f.quad, f.events]), [[true, true, 1, 1], [false, false, 1, 1], [false, false, 3, 1]]);
    assert.deepEqual(flows.origins, [{ origin: 'coded', events: 2 }]);
  }));

test('store assessments: stored with their document, counted per row, filtered by dates and origins', () =>
  withStore(async (store) => {
    const doc = docOf(TEXT);
    const s = sentencesOf(doc);
    const later = docOf('Russia and the US share concerns about terrorism.', { date: '2016-01-10' });
    await storeCodedDoc(store, {
      doc,
      sentences: s,
      events: [],
      assessments: [assessmentOf(doc, s[3]!, { theater: 'SYR', contexts: ['military'] }), assessmentOf(doc, s[2]!, { valence: 'accord' })],
    });
    const ls = sentencesOf(later);
    await storeCodedDoc(store, { doc: later, sentences: ls, events: [], assessments: [assessmentOf(later, ls[0]!, { valence: 'accord', contexts: ['terrorism'], date: '2016-01-10' })] });
    const byTheater = await dyadAssessmentCells(store, BOTH, 'theater', 3);
    assert.deepEqual(byTheater.map((r) => [r.key, r.valence, r.count]), [['SYR', 'discord', 1], [null, 'accord', 2]]);
    assert.equal(byTheater[0]?.evidence[0]?.sentence, 'They differ on Syria.');
    assert.equal(byTheater[1]?.evidence[0]?.date, '2016-01-10', 'latest first');
    // An assessment that names no issue is in no context row.
    const byContext = await dyadAssessmentCells(store, BOTH, 'context', 3);
    assert.deepEqual(byContext.map((r) => [r.key, r.valence, r.count]), [['military', 'discord', 1], ['terrorism', 'accord', 1]]);
    assert.deepEqual((await dyadAssessmentCells(store, { ...BOTH, to: '2015-12-31' }, 'context', 3)).map((r) => r.key), ['military']);
    assert.deepEqual(await dyadAssessmentCells(store, { ...BOTH, origins: ['gdelt'] }, 'context', 3), []);
    assert.deepEqual(await dyadAssessmentCells(store, { ...BOTH, a: 'FRA', b: 'DEU' }, 'theater', 3), []);
  }));

test('store assessments: a document stored before assessments gets them when ingested again, once', () =>
  withStore(async (store) => {
    const doc = docOf(TEXT);
    const s = sentencesOf(doc);
    const events = [codedEvent(doc, s[1]!, 'RUS', 'USA', 'ACCUSE')];
    const count = async (): Promise<number> => (await store.one<{ n: number }>('SELECT count(*) AS n FROM assessments'))?.n ?? -1;
    await storeCodedDoc(store, { doc, sentences: s, events });
    assert.deepEqual(await count(), 0);
    const again = await storeCodedDoc(store, { doc, sentences: s, events, assessments: [assessmentOf(doc, s[3]!)] });
    assert.equal(again.stored, false);
    assert.equal(await count(), 1);
    await storeCodedDoc(store, { doc, sentences: s, events, assessments: [assessmentOf(doc, s[3]!)] });
    assert.equal(await count(), 1);
    assert.equal((await eventsWhere(store, {})).total, 1);
  }));
