import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { factsFromText } from '../../src/figures/facts.ts';
import { tablesFromHtml } from '../../src/figures/html-tables.ts';
import { disagreementsFromSeries, seriesFromFacts, seriesFromTables } from '../../src/figures/series.ts';
import { tablesFromText } from '../../src/figures/text-tables.ts';
import type { ActorResolver } from '../../src/figures/types.ts';

const brief = readFileSync(new URL('../fixtures/figures/trade-brief-extracted.txt', import.meta.url), 'utf8');
const codes: Readonly<Record<string, string>> = { US: 'USA', 'U.S.': 'USA', American: 'USA', Russia: 'RUS', Russian: 'RUS' };
const resolve: ActorResolver = (name) => codes[name] ?? null;

const census = `<table><caption>US trade with Russia, Census basis (in millions of US dollars)</caption>
<tr><th>Year</th><th>US exports</th><th>US imports</th></tr>
<tr><td>2008</td><td>9,330</td><td>26,780</td></tr>
<tr><td>2009</td><td>5,400</td><td>18,200</td></tr>
<tr><td>2012</td><td>10,700</td><td>29,300</td></tr></table>`;

test('series: one per table row over the year columns, named by measure and parties', () => {
  const series = seriesFromTables(tablesFromText(brief).tables, { docId: 'brief', resolve });
  assert.deepEqual(series.map((s) => [s.name, s.measure, s.unit, s.factor, s.from, s.to, s.points.length]), [
    ['US exports to Russia', 'exports:USA>RUS', 'billion USD', 1e9, 'USA', 'RUS', 10],
    ['US imports from Russia', 'imports:USA>RUS', 'billion USD', 1e9, 'USA', 'RUS', 10],
  ]);
  assert.deepEqual(series[1]?.points.at(-1), { period: '2012', value: 29.38 });
  assert.equal(series[1]?.written.at(-1), '29.38');
});

test('series: a year-by-row table gives one series per column; without a resolver names stand in for codes', () => {
  const series = seriesFromTables(tablesFromHtml(census).tables, { docId: 'census' });
  assert.deepEqual(series.map((s) => [s.name, s.measure, s.unit, s.factor]), [
    ['US exports to Russia', 'exports:us>russia', 'million USD', 1e6],
    ['US imports from Russia', 'imports:us>russia', 'million USD', 1e6],
  ]);
});

test('series: the same measure from two documents, disagreements beyond rounding flagged', () => {
  const a = seriesFromTables(tablesFromText(brief).tables, { docId: 'brief', resolve });
  const b = seriesFromTables(tablesFromHtml(census).tables, { docId: 'census', resolve });
  const found = disagreementsFromSeries([...a, ...b]);
  assert.deepEqual(found.map((d) => [d.measure, d.period, d.a.written, d.b.written]), [
    ['exports:USA>RUS', '2009', '5.3', '5,400'],
    ['imports:USA>RUS', '2012', '29.38', '29,300'],
  ]);
  assert.ok(Math.abs((found[0]?.relative ?? 0) - 0.1 / 5.4) < 1e-9);
  assert.deepEqual(disagreementsFromSeries(a), []);
});

test('series: observed levels in prose make series; projections, changes and undated facts do not', () => {
  const facts = factsFromText(brief, { date: '2013-07-15', resolve });
  const series = seriesFromFacts(facts, { docId: 'brief', resolve });
  assert.deepEqual(series.map((s) => [s.name, s.measure, s.points, s.written, s.approximate]), [
    ['bilateral trade in goods', 'trade', [{ period: '2012', value: 40 }], ['just over $40 billion'], [true]],
    ['US investment in Russia', 'investment:USA>RUS', [{ period: '2010', value: 9.9 }], ['about $9.9 billion'], [true]],
    ['Russian investment in US', 'investment:RUS>USA', [{ period: '2010', value: 4.4 }], ['about $ 4.4 billion'], [true]],
  ]);
});

test('series: a hedged figure disagrees only beyond 5%', () => {
  const text = (v: string) => `In 2010, US investments in Russia were about $${v} billion.`;
  const one = seriesFromFacts(factsFromText(text('9.9'), { resolve }), { docId: 'a', resolve });
  const near = seriesFromFacts(factsFromText('In 2010, US investments in Russia were $10.2 billion.', { resolve }), { docId: 'b', resolve });
  const far = seriesFromFacts(factsFromText('In 2010, US investments in Russia were $12.0 billion.', { resolve }), { docId: 'c', resolve });
  assert.equal(disagreementsFromSeries([...one, ...near]).length, 0);
  assert.equal(disagreementsFromSeries([...one, ...far]).length, 1);
});
