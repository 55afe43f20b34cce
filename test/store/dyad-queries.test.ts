import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { DyadQuery } from '../../src/analysis/types.ts';
import { dyadBreakdown, dyadFlows, evidenceEventsByRefs, thirdPartyRows } from '../../src/store/dyad-queries.ts';
import type { BreakdownSpec } from '../../src/store/dyad-queries.ts';
import { dayOfPartialDate, eventIdOf } from '../../src/store/index.ts';
import type { Store } from '../../src/store/index.ts';
import type { Event } from '../../src/types.ts';
import { eventOf, SEED_DATE, SEED_EVENTS } from '../fixtures/analysis/seed-events.ts';
import { storeWithEvents } from '../fixtures/analysis/store-with-events.ts';

// A second document, a year later, with no USA–RUS event: its third parties must not count.
const OTHER_DOC = { name: 'other.txt', id: 'other' };
const OTHER_EVENTS: readonly Event[] = [
  eventOf({ s: 'RUS', t: 'CHN', type: 'AGREE', contexts: ['economic'], index: 0, sentence: 'Russia and China signed a gas deal.' }, OTHER_DOC),
  eventOf({ s: 'USA', t: 'JPN', type: 'CONSULT', contexts: ['diplomatic'], index: 1, sentence: 'The US president met the Japanese prime minister.' }, OTHER_DOC),
];
// Imported events of the dyad, one dated by the feed, one without any date.
const GDELT_EVENTS: readonly Event[] = [
  { ...eventOf({ s: 'USA', t: 'RUS', type: 'SANCTION', contexts: ['economic'], index: 0, date: '2014-03-17', sentence: '' }), origin: 'gdelt', originId: '1', doc: 'feed.csv', docId: null, sentence: null },
  { ...eventOf({ s: 'RUS', t: 'USA', type: 'ACCUSE', contexts: [], index: 0, sentence: '' }), origin: 'gdelt', originId: '2', doc: 'feed.csv', docId: null, sentence: null },
];

const BOTH: DyadQuery = { a: 'USA', b: 'RUS', directed: false, from: null, to: null, origins: null, modalities: ['asserted', 'future'], includeNegated: false };

let store: Store;
before(async () => {
  store = await storeWithEvents([
    { events: SEED_EVENTS, docDate: SEED_DATE },
    { events: OTHER_EVENTS, docDate: '2014-05-01' },
    { events: GDELT_EVENTS, docDate: null },
  ]);
});
after(async () => store.close());

/** The fixture's events as the ledger holds them, with the day they count on. */
function ledger(): { e: Event; id: string; day: string | null }[] {
  const dated = (events: readonly Event[], docDate: string | null) =>
    events.map((e) => ({ e, id: eventIdOf(e), day: dayOfPartialDate(e.date)?.day ?? dayOfPartialDate(docDate)?.day ?? null }));
  return [...dated(SEED_EVENTS, SEED_DATE), ...dated(OTHER_EVENTS, '2014-05-01'), ...dated(GDELT_EVENTS, null)];
}

function inDyad(x: { e: Event; day: string | null }, q: DyadQuery): boolean {
  const { e } = x;
  const pair = q.directed ? e.source.country === q.a && e.target.country === q.b : [e.source.country, e.target.country].sort().join() === [q.a, q.b].sort().join();
  return (
    pair &&
    q.modalities.includes(e.modality) &&
    (q.includeNegated || !e.negated) &&
    (q.origins === null || q.origins.includes(e.origin)) &&
    (q.from === null || (x.day !== null && x.day >= q.from)) &&
    (q.to === null || (x.day !== null && x.day <= q.to))
  );
}

/** The ranking the SQL promises, written again in JS: |intensity|, asserted, has a sentence, later day (then a hash of the id). */
function rankKey(x: { e: Event; day: string | null }): string {
  return [String(Math.round(Math.abs(x.e.intensity) * 100)).padStart(4, '0'), x.e.modality === 'asserted' ? 1 : 0, x.e.sentence ? 1 : 0, x.day ?? '0001-01-01'].join('|');
}

function strongestFirst(a: { e: Event; day: string | null }, b: { e: Event; day: string | null }): number {
  const [ka, kb] = [rankKey(a), rankKey(b)];
  return ka === kb ? 0 : ka < kb ? 1 : -1;
}

const MATRIX_ONLY = (matrix: BreakdownSpec['matrix'], k: number): BreakdownSpec => ({ matrix, split: null, windows: null, theaters: false, k });

const queries: ReadonlyArray<{ name: string; q: DyadQuery }> = [
  { name: 'both directions', q: BOTH },
  { name: 'directed', q: { ...BOTH, directed: true } },
  { name: 'negated counted', q: { ...BOTH, includeNegated: true } },
  { name: 'asserted only', q: { ...BOTH, modalities: ['asserted'] } },
  { name: 'gdelt only', q: { ...BOTH, origins: ['gdelt'] } },
  { name: 'dated window', q: { ...BOTH, from: '2013-06-01', to: '2013-12-31' } },
];

for (const { name, q } of queries) {
  test(`dyad queries: flows match a count by hand (${name})`, async () => {
    const want = ledger().filter((x) => inDyad(x, q));
    const { flows, origins, first, last } = await dyadFlows(store, q, 'month');
    assert.equal(flows.reduce((n, f) => n + f.events, 0), want.length);
    assert.equal(flows.reduce((n, f) => n + f.intensity, 0), want.reduce((n, x) => n + x.e.intensity, 0));
    assert.equal(flows.filter((f) => f.period === null).reduce((n, f) => n + f.events, 0), want.filter((x) => x.day === null).length);
    assert.equal(flows.filter((f) => f.forward).reduce((n, f) => n + f.events, 0), want.filter((x) => x.e.source.country === 'USA').length);
    assert.equal(origins.reduce((n, o) => n + o.events, 0), want.length);
    const days = want.flatMap((x) => (x.day ? [x.day] : [])).sort();
    assert.equal(first, days[0] ?? null);
    assert.equal(last, days[days.length - 1] ?? null);
    for (const f of flows) if (f.period !== null) assert.match(f.period, /^\d{4}-\d{2}-01$/);
  });

  test(`dyad queries: context cells and their strongest events match a brute force (${name})`, async () => {
    const k = 2;
    const want = ledger().filter((x) => inDyad(x, q));
    const { cells, evidence } = (await dyadBreakdown(store, q, MATRIX_ONLY(['context'], k))).matrix.get('context')!;
    const byId = new Map(want.map((x) => [x.id, x]));
    const keys = new Set<string | null>(want.flatMap((x): (string | null)[] => (x.e.contexts.length === 0 ? [null] : [...x.e.contexts])));
    assert.equal(new Set(cells.map((c) => c.key)).size, keys.size);
    for (const key of keys) {
      const inCell = want.filter((x) => (key === null ? x.e.contexts.length === 0 : x.e.contexts.includes(key as never)));
      for (const quad of [1, 2, 3, 4] as const) {
        const n = inCell.filter((x) => x.e.quad === quad).length;
        const got = cells.find((c) => c.key === key && c.quad === quad);
        assert.equal(got?.events ?? 0, n, `${key} q${quad}`);
      }
      for (const side of ['cooperation', 'conflict'] as const) {
        const onSide = inCell.filter((x) => (x.e.quad <= 2) === (side === 'cooperation'));
        const ranked = [...onSide].sort(strongestFirst).slice(0, k).map(rankKey);
        const refs = evidence.find((e) => e.key === key && e.side === side)?.ids ?? [];
        const cited = await evidenceEventsByRefs(store, q, refs);
        const got = refs.map((ref) => cited.get(ref)?.id ?? `missing ${ref}`);
        assert.ok(got.every((id) => onSide.some((x) => x.id === id)), `${key} ${side}: events from the cell`);
        assert.deepEqual(got.map((id) => rankKey(byId.get(id)!)), ranked, `${key} ${side}`);
      }
    }
  });
}

test('dyad queries: theater, type and source cells', async () => {
  const all = (await dyadBreakdown(store, BOTH, MATRIX_ONLY(['context', 'theater', 'type', 'source'], 3))).matrix;
  const theater = all.get('theater')!;
  const afg = theater.cells.filter((c) => c.key === 'AFG');
  assert.deepEqual(afg.map((c) => [c.quad, c.events]).sort(), [[1, 2]]);
  assert.ok(theater.cells.some((c) => c.key === null));
  assert.equal(all.get('type')?.cells.find((c) => c.key === 'SANCTION')?.events, 7);
  assert.deepEqual([...new Set(all.get('source')?.cells.map((c) => c.key))].sort(), ['feed.csv', 'us-russia-2013.txt']);
  // Each dimension counts every event once (contexts: once per context), whatever else is grouped in the same pass.
  const alone = (await dyadBreakdown(store, BOTH, MATRIX_ONLY(['theater'], 3))).matrix.get('theater')!;
  const sorted = <T extends { key: string | null }>(rows: readonly T[]) => [...rows].map((r) => JSON.stringify(r)).sort();
  assert.deepEqual(sorted(alone.cells), sorted(theater.cells));
  assert.deepEqual(sorted(alone.evidence), sorted(theater.evidence));
  const total = (d: 'theater' | 'type' | 'source') => all.get(d)!.cells.reduce((n, c) => n + c.events, 0);
  assert.equal(total('theater'), total('type'));
  assert.equal(total('source'), total('type'));
  assert.deepEqual((await dyadBreakdown(store, BOTH, MATRIX_ONLY([], 3))).matrix, new Map());
});

test('dyad queries: split cells mark each side of the split day', async () => {
  const range = { from: '2013-01-01', split: '2013-07-01', to: '2014-12-31' };
  const split = (await dyadBreakdown(store, BOTH, { matrix: ['type'], split: { range, dimensions: ['type', 'context'] }, windows: null, theaters: false, k: 2 })).split;
  const { cells, evidence } = split.get('type')!;
  assert.ok((split.get('context')?.cells.length ?? 0) > 0);
  const count = (after: boolean, key: string) => cells.filter((c) => c.after === after && c.key === key).reduce((n, c) => n + c.events, 0);
  assert.equal(count(false, 'COOPERATE'), 4);
  assert.equal(count(true, 'SANCTION'), 7);
  assert.ok(evidence.every((e) => e.ids.length >= 1 && e.ids.length <= 2));
  // The undated imported event is outside any range.
  assert.equal(cells.reduce((n, c) => n + c.events, 0), ledger().filter((x) => inDyad(x, BOTH) && x.day !== null && x.day >= '2013-01-01').length);
});

test('dyad queries: strongest events of a side in time windows', async () => {
  const windows = [
    { id: 'july-conflict', from: '2013-07-01', until: '2013-08-01', side: 'conflict' as const },
    { id: 'june-cooperation', from: '2013-06-01', until: '2013-07-01', side: 'cooperation' as const },
    { id: 'summer-conflict', from: '2013-06-01', until: '2013-09-01', side: 'conflict' as const },
    { id: 'empty', from: '2000-01-01', until: '2000-02-01', side: 'conflict' as const },
  ];
  const rows = (await dyadBreakdown(store, BOTH, { matrix: [], split: null, windows: { granularity: 'month', windows }, theaters: false, k: 3 })).windows;
  const byId = new Map(rows.map((r) => [r.id, r.ids]));
  const events = [...(await evidenceEventsByRefs(store, BOTH, byId.get('july-conflict') ?? [])).values()];
  assert.equal(events.length, 3);
  assert.ok(events.every((e) => e.quad >= 3 && e.day?.startsWith('2013-07')));
  assert.deepEqual(events.map((e) => e.intensity).sort((x, y) => x - y), [-7, -6, -6]);
  assert.equal(byId.get('june-cooperation')?.length, 2);
  // Overlapping windows each get their own ranking.
  assert.deepEqual(byId.get('summer-conflict'), byId.get('july-conflict'));
  assert.equal(byId.has('empty'), false);
  assert.deepEqual((await dyadBreakdown(store, BOTH, { matrix: [], split: null, windows: { granularity: 'month', windows: [] }, theaters: false, k: 3 })).windows, []);
});

test('dyad queries: third parties come from theaters and from documents holding dyad events', async () => {
  const { docs } = await dyadFlows(store, BOTH, 'month');
  assert.deepEqual(docs, ['seed-us-russia-2013']);
  const members = await thirdPartyRows(store, BOTH, docs, 2);
  const theaters = (await dyadBreakdown(store, BOTH, { matrix: [], split: null, windows: null, theaters: true, k: 2 })).theaters;
  const rows = [...members.rows, ...theaters.rows];
  const evidence = [...members.evidence, ...theaters.evidence];
  const actors = new Set(rows.map((r) => r.actor));
  for (const want of ['SYR', 'IRN', 'NATO', 'UNSC', 'AFG', 'Europe', 'Arctic']) assert.ok(actors.has(want), want);
  // CHN and JPN only appear in a document without USA–RUS events; PAK→NATO has neither member; USA→CHN is hypothetical.
  for (const absent of ['CHN', 'JPN', 'PAK', 'USA', 'RUS']) assert.equal(actors.has(absent), false, absent);
  const syr = rows.filter((r) => r.actor === 'SYR');
  assert.deepEqual(syr.filter((r) => r.role === 'with-b').map((r) => r.type).sort(), ['AID', 'SUPPORT']);
  assert.deepEqual(syr.filter((r) => r.role === 'theater').map((r) => r.type).sort(), ['ACCUSE', 'AGREE']);
  const syrEvidence = evidence.find((e) => e.actor === 'SYR' && e.role === 'with-b');
  const [top] = (await evidenceEventsByRefs(store, BOTH, syrEvidence?.ids.slice(0, 1) ?? [])).values();
  assert.equal(top?.type, 'AID');
  const theaterEvidence = evidence.filter((e) => e.actor === 'SYR' && e.role === 'theater');
  assert.equal(theaterEvidence.length, 1);
  assert.equal(theaterEvidence[0]?.ids.length, 2);
  // Without the document, the seed's coded events with third parties are out; the imported ones stay.
  assert.deepEqual((await thirdPartyRows(store, BOTH, [], 2)).rows, []);
});

test('dyad queries: cited events carry the sentence and where it is; only dyad and coded rows are cited', async () => {
  const refs = await store.all<{ ref: number; id: string }>('SELECT rowid AS ref, id FROM events ORDER BY rowid');
  const seedId = eventIdOf(SEED_EVENTS[0]!);
  const seedRef = String(refs.find((r) => r.id === seedId)?.ref);
  const gdeltOther = refs.find((r) => r.id === eventIdOf(GDELT_EVENTS[0]!));
  const cited = await evidenceEventsByRefs(store, BOTH, [seedRef, seedRef, '999999', String(gdeltOther?.ref)]);
  const e = cited.get(seedRef);
  assert.equal(e?.id, seedId);
  assert.equal(e?.doc, 'us-russia-2013.txt');
  assert.equal(e?.day, '2013-07-15');
  assert.equal(e?.date, null);
  assert.match(e?.sentence ?? '', /CIA/);
  assert.equal(cited.has('999999'), false);
  // The imported dyad event is a dyad row: cited.
  assert.equal(cited.get(String(gdeltOther?.ref))?.origin, 'gdelt');
  // A coded event outside the dyad (RUS→CHN in the other document) can be cited too.
  const chn = refs.find((r) => r.id === eventIdOf(OTHER_EVENTS[0]!));
  assert.equal((await evidenceEventsByRefs(store, BOTH, [String(chn?.ref)])).get(String(chn?.ref))?.target, 'CHN');
  assert.deepEqual(await evidenceEventsByRefs(store, BOTH, []), new Map());
});
