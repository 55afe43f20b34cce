import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { disagreementsFromSeries } from '../../src/figures/series.ts';
import { figuresFromDoc } from '../../src/figures/figures.ts';
import type { ActorResolver } from '../../src/figures/types.ts';
import { openStore, storeCodedDoc } from '../../src/store/index.ts';
import { factsOfDoc, figureCounts, rejectedTablesOfDoc, seriesForDyad, seriesForMeasure, storeFigures, tablesOfDoc } from '../../src/store/figures-queries.ts';
import { docOf } from './fixtures.ts';

const brief = readFileSync(new URL('../fixtures/figures/trade-brief-extracted.txt', import.meta.url), 'utf8');
const codes: Readonly<Record<string, string>> = { US: 'USA', American: 'USA', Russia: 'RUS', Russian: 'RUS' };
const resolve: ActorResolver = (name) => codes[name] ?? null;

test('figures-queries: a document\'s tables, facts and series stored and read back; storing again replaces', async () => {
  const store = await openStore(':memory:');
  try {
    const doc = docOf(brief, { name: 'brief.txt' });
    const figures = figuresFromDoc(doc, undefined, { resolve });
    await store.transaction(async () => {
      await storeCodedDoc(store, { doc, sentences: [], events: [] });
      await storeFigures(store, doc.id, figures);
    });
    assert.deepEqual(await tablesOfDoc(store, doc.id), figures.tables);
    assert.deepEqual(await factsOfDoc(store, doc.id), figures.facts);
    assert.deepEqual(await rejectedTablesOfDoc(store, doc.id), figures.rejected);
    const again = await storeFigures(store, doc.id, figures);
    assert.equal(again.tables, 1);
    assert.deepEqual(await figureCounts(store), [{ docId: doc.id, tables: 1, facts: figures.facts.length, series: figures.series.length }]);
    const dyad = await seriesForDyad(store, 'RUS', 'USA');
    assert.deepEqual(dyad.map((s) => s.name), ['US exports to Russia', 'US imports from Russia', 'Russian investment in US', 'US investment in Russia']);
    const imports = dyad.find((s) => s.measure === 'imports:USA>RUS');
    assert.deepEqual(imports?.points.at(-1), { period: '2012', value: 29.38 });
    assert.equal(imports?.written.at(-1), '29.38');
  } finally {
    await store.close();
  }
});

test('figures-queries: one measure from two documents side by side, with the disagreement', async () => {
  const store = await openStore(':memory:');
  try {
    const a = docOf(brief, { name: 'brief.txt' });
    const other = 'Table 2: US-Russia trade (in millions, US $)\n2009   2012\nUS Exports   5,400   10,700\nUS Imports   18,200   29,300\n';
    const b = docOf(other, { name: 'census.txt', date: '2014-01-01' });
    for (const doc of [a, b]) {
      await storeCodedDoc(store, { doc, sentences: [], events: [] });
      await storeFigures(store, doc.id, figuresFromDoc(doc, undefined, { resolve }));
    }
    const exports = await seriesForMeasure(store, 'exports:USA>RUS');
    assert.deepEqual(exports.map((s) => [s.docId, s.unit]), [[a.id, 'billion USD'], [b.id, 'million USD']]);
    const found = disagreementsFromSeries(await seriesForDyad(store, 'USA', 'RUS'));
    assert.deepEqual(found.map((d) => [d.measure, d.period, d.a.written, d.b.written]), [
      ['exports:USA>RUS', '2009', '5.3', '5,400'],
      ['imports:USA>RUS', '2012', '29.38', '29,300'],
    ]);
  } finally {
    await store.close();
  }
});
