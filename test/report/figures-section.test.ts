import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { docFromBytes } from '../../src/ingest/index.ts';
import { ledgerEntryFromDoc } from '../../src/pipeline.ts';
import { dyadFiguresFromStore, markdownFromFigures } from '../../src/report/figures-section.ts';
import { openStore, storeCodedDoc } from '../../src/store/index.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'figures', 'trade-brief-extracted.txt');

test('figures: ingest stores a document\'s table and facts with it, and the report lists them', async () => {
  const store = await openStore(':memory:');
  try {
    const doc = await docFromBytes(readFileSync(FIXTURE), 'trade-brief.txt');
    const entry = ledgerEntryFromDoc(doc);
    assert.ok(entry.figures.tables.length >= 1);
    const stored = await storeCodedDoc(store, entry);
    assert.equal(stored.stored, true);
    const figures = await dyadFiguresFromStore(store, 'RUS', 'USA');
    const names = figures.series.map((s) => s.name);
    assert.ok(names.some((n) => /exports/i.test(n)), names.join('; '));
    assert.ok(figures.series.some((s) => s.origin === 'fact' && s.points.some((p) => p.value === 9.9)));
    assert.equal(figures.documents[doc.id], 'trade-brief.txt');
    const md = markdownFromFigures(figures);
    assert.match(md, /^## Figures/);
    assert.match(md, /trade-brief\.txt/);
    // A second ingest of the same content adds nothing, figures included.
    assert.equal((await storeCodedDoc(store, entry)).stored, false);
    assert.equal((await dyadFiguresFromStore(store, 'USA', 'RUS')).series.length, figures.series.length);
  } finally {
    await store.close();
  }
});

test('figures: a dyad without figures says how to get them', () => {
  assert.match(markdownFromFigures({ series: [], disagreements: [], documents: {} }), /No tables or numeric facts/);
});

test('figures: disagreements between sources are flagged', () => {
  const base = { unit: 'billion USD', docId: null, measure: 'exports:USA>RUS', origin: 'table' as const, from: 'USA', to: 'RUS', factor: 1e9, currency: 'USD', percent: false, approximate: [false] };
  const md = markdownFromFigures({
    series: [{ ...base, id: 'a', name: 'US exports to Russia', points: [{ period: '2009', value: 5.3 }], written: ['5.3'] }],
    disagreements: [{ measure: 'exports:USA>RUS', period: '2009', a: { seriesId: 'a', docId: null, written: '5.3', value: 5.3e9 }, b: { seriesId: 'b', docId: null, written: '5,400', value: 5.4e9 }, relative: 0.0185 }],
    documents: {},
  });
  assert.match(md, /Sources disagree/);
  assert.match(md, /2009: 5\.3 vs 5,400 \(2% apart\)/);
});
