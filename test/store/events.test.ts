import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/errors.ts';
import { dayOfPartialDate, dyadFromFlag, dyads, eventById, eventIdOf, eventsWhere, idOfKey, lastDayOfPartialDate, openStore, storeCodedDoc } from '../../src/store/index.ts';
import type { EventFilter } from '../../src/store/index.ts';
import { codedDocOf, codedEvent } from './fixtures.ts';

test('events: ids are deterministic and match SQL md5', async () => {
  const store = await openStore(':memory:');
  const row = await store.one<{ h: string }>(`SELECT left(md5('gdelt:881990832'), 16) AS h`);
  assert.equal(idOfKey('gdelt:881990832'), row?.h);
  const { doc, sentences, events } = codedDocOf('A met B. C said D.');
  assert.equal(eventIdOf(events[0]!), eventIdOf({ ...events[0]!, contexts: ['economic'] }));
  assert.notEqual(eventIdOf(events[0]!), eventIdOf({ ...events[0]!, negated: true }));
  assert.notEqual(eventIdOf(events[0]!), eventIdOf(codedEvent(doc, sentences[1]!, 'USA', 'RUS', 'CONSULT')));
  await store.close();
});

const partial: ReadonlyArray<[string, string | null, string | null]> = [
  ['2013', '2013-01-01', '2013-12-31'],
  ['2013-02', '2013-02-01', '2013-02-28'],
  ['2012-02', '2012-02-01', '2012-02-29'],
  ['2013-07-15', '2013-07-15', '2013-07-15'],
  ['2013-02-30', null, null],
  ['2013-13', null, null],
  ['July 2013', null, null],
];
for (const [input, first, last] of partial) {
  test(`dates: ${input} runs from ${first} to ${last}`, () => {
    assert.equal(dayOfPartialDate(input)?.day ?? null, first);
    assert.equal(lastDayOfPartialDate(input), last);
  });
}

test('events: dyad flags', () => {
  assert.deepEqual(dyadFromFlag('usa-RUS'), { a: 'USA', b: 'RUS' });
  assert.throws(() => dyadFromFlag('USA RUS'), InputError);
});

async function ledger() {
  const store = await openStore(':memory:');
  // doc A (2013-07-15): USA→RUS CONSULT (day from doc), RUS→USA ACCUSE 2013-06, USA→RUS CONSULT
  await storeCodedDoc(store, codedDocOf('Obama met Putin. Russia accused America. They met again.', { name: 'a.txt' }));
  // doc B (2014): USA→RUS CONSULT, RUS→USA ACCUSE 2013-06
  await storeCodedDoc(store, codedDocOf('Kerry met Lavrov. Lavrov blamed Kerry.', { name: 'b.txt', date: '2014' }));
  const c = codedDocOf('China and Russia met.', { name: 'c.txt', date: null });
  await storeCodedDoc(store, { ...c, events: [codedEvent(c.doc, c.sentences[0]!, 'CHN', 'RUS', 'CONSULT', { contexts: ['economic', 'diplomatic'], theater: 'CAS' })] });
  return store;
}

const filters: ReadonlyArray<{ name: string; filter: EventFilter; total: number }> = [
  { name: 'everything', filter: {}, total: 6 },
  { name: 'dyad both ways', filter: { dyad: 'RUS-USA' }, total: 5 },
  { name: 'dyad forward', filter: { dyad: 'USA-RUS', direction: 'forward' }, total: 3 },
  { name: 'dyad backward', filter: { dyad: 'USA-RUS', direction: 'backward' }, total: 2 },
  { name: 'country at either end', filter: { country: 'CHN' }, total: 1 },
  { name: 'from a year', filter: { from: '2014' }, total: 1 },
  { name: 'to a month (inclusive)', filter: { to: '2013-06' }, total: 2 },
  { name: 'a type', filter: { type: 'ACCUSE' }, total: 2 },
  { name: 'types', filter: { type: ['ACCUSE', 'CONSULT'] }, total: 6 },
  { name: 'a context', filter: { context: 'economic' }, total: 1 },
  { name: 'a theater', filter: { theater: 'CAS' }, total: 1 },
  { name: 'an origin', filter: { origin: 'gdelt' }, total: 0 },
  { name: 'a quad', filter: { quad: 3 }, total: 2 },
];
for (const c of filters) {
  test(`events: filter ${c.name}`, async () => {
    const store = await ledger();
    const { total, events } = await eventsWhere(store, c.filter);
    assert.equal(total, c.total);
    assert.equal(events.length, c.total);
    await store.close();
  });
}

test('events: day comes from the event, else from its document', async () => {
  const store = await ledger();
  const { events } = await eventsWhere(store, { dyad: 'USA-RUS', sort: 'day', order: 'asc' });
  assert.deepEqual(
    events.map((e) => [e.day, e.dayPrecision, e.dayFrom]),
    [
      ['2013-06-01', 'month', 'event'],
      ['2013-06-01', 'month', 'event'],
      ['2013-07-15', 'day', 'document'],
      ['2013-07-15', 'day', 'document'],
      ['2014-01-01', 'year', 'document'],
    ],
  );
  const { events: undated } = await eventsWhere(store, { country: 'CHN' });
  assert.equal(undated[0]?.day, null);
  await store.close();
});

test('events: paging and sorting are done by the database', async () => {
  const store = await ledger();
  const all = await eventsWhere(store, { sort: 'intensity', order: 'asc' });
  assert.deepEqual(all.events.map((e) => e.intensity), [-3, -3, 2.5, 2.5, 2.5, 2.5]);
  const page = await eventsWhere(store, { sort: 'intensity', order: 'asc', limit: 2, offset: 2 });
  assert.equal(page.total, 6);
  assert.deepEqual(page.events.map((e) => e.id), all.events.slice(2, 4).map((e) => e.id));
  await assert.rejects(eventsWhere(store, { from: 'last year' }), InputError);
  await assert.rejects(eventsWhere(store, { sort: 'nonsense' as never }), InputError);
  await store.close();
});

test('events: eventById round-trips the Event', async () => {
  const store = await ledger();
  const c = codedDocOf('China and Russia met.', { name: 'c.txt', date: null });
  const original = codedEvent(c.doc, c.sentences[0]!, 'CHN', 'RUS', 'CONSULT', { contexts: ['economic', 'diplomatic'], theater: 'CAS' });
  const back = await eventById(store, eventIdOf(original));
  assert.ok(back);
  const { id, day, dayPrecision, dayFrom, geoFips, importId, ...event } = back;
  assert.deepEqual(event, original);
  assert.deepEqual([id, day, dayPrecision, dayFrom, geoFips, importId], [eventIdOf(original), null, null, null, null, null]);
  assert.equal(await eventById(store, 'missing'), null);
  await store.close();
});

test('events: dyads with counts each way', async () => {
  const store = await ledger();
  assert.deepEqual(await dyads(store), [
    { dyad: 'RUS-USA', a: 'RUS', b: 'USA', events: 5, forward: 2, backward: 3, first: '2013-06-01', last: '2014-01-01' },
    { dyad: 'CHN-RUS', a: 'CHN', b: 'RUS', events: 1, forward: 1, backward: 0, first: null, last: null },
  ]);
  await store.close();
});
