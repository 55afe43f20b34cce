import assert from 'node:assert/strict';
import { test } from 'node:test';
import { counts, documentById, documents, openStore, storeCodedDoc } from '../../src/store/index.ts';
import { StoreError } from '../../src/errors.ts';
import { codedDocOf } from './fixtures.ts';

const TEXT = 'Obama met Putin in Moscow. Russia accused the United States of meddling. The two sides agreed to talk again.';

test('documents: a coded document is stored whole, and storing it again adds nothing', async () => {
  const store = await openStore(':memory:');
  const coded = codedDocOf(TEXT, { name: 'seed.txt' });
  const first = await storeCodedDoc(store, coded);
  assert.deepEqual(first, { docId: coded.doc.id, stored: true, sentences: 3, events: 3 });
  const before = await counts(store);
  assert.deepEqual(before, { documents: 1, sentences: 3, events: 3, eventsByOrigin: { coded: 3 }, actors: 2, imports: 0 });
  const second = await storeCodedDoc(store, coded);
  assert.deepEqual(second, { docId: coded.doc.id, stored: false, sentences: 0, events: 0 });
  assert.deepEqual(await counts(store), before);
  await store.close();
});

test('documents: documentById gives back the Doc and its sentences', async () => {
  const store = await openStore(':memory:');
  const coded = codedDocOf(TEXT);
  await storeCodedDoc(store, coded);
  const back = await documentById(store, coded.doc.id);
  assert.ok(back);
  assert.deepEqual(back.doc, coded.doc);
  assert.deepEqual(back.sentences, coded.sentences);
  assert.match(back.storedAt, /^\d{4}-\d\d-\d\dT/);
  assert.equal(await documentById(store, 'nope'), null);
  const list = await documents(store);
  assert.deepEqual(list.map((d) => [d.id, d.sentences, d.events, d.date]), [[coded.doc.id, 3, 3, '2013-07-15']]);
  await store.close();
});

test('documents: an event repeated within a document is kept once', async () => {
  const store = await openStore(':memory:');
  const coded = codedDocOf(TEXT);
  const first = coded.events[0];
  assert.ok(first);
  const result = await storeCodedDoc(store, { ...coded, events: [...coded.events, { ...first, contexts: ['military'] }] });
  assert.equal(result.events, 3);
  await store.close();
});

test('documents: a sentence of another document is refused before anything is written', async () => {
  const store = await openStore(':memory:');
  const a = codedDocOf(TEXT);
  const b = codedDocOf('Another text. With two sentences.');
  await assert.rejects(storeCodedDoc(store, { ...a, sentences: [...a.sentences, ...b.sentences] }), StoreError);
  assert.equal((await counts(store)).documents, 0);
  await store.close();
});

test('documents: a failure mid-way leaves the document absent', async () => {
  const store = await openStore(':memory:');
  const coded = codedDocOf(TEXT);
  const broken = { ...coded, events: [...coded.events, { ...coded.events[0]!, negated: true, type: 'NOT-A-TYPE' as never, quad: null as never }] };
  await assert.rejects(storeCodedDoc(store, broken));
  assert.deepEqual(await counts(store), { documents: 0, sentences: 0, events: 0, eventsByOrigin: {}, actors: 0, imports: 0 });
  await store.close();
});
