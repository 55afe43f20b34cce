import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { factsFromSentences, factsFromText, proseOfText } from '../../src/figures/facts.ts';
import type { Fact } from '../../src/figures/types.ts';

const fixture = readFileSync(new URL('../fixtures/figures/trade-brief-extracted.txt', import.meta.url), 'utf8');

type Expected = Partial<Pick<Fact, 'text' | 'value' | 'scale' | 'currency' | 'percent' | 'kind' | 'direction' | 'approximate' | 'bound' | 'projection' | 'period' | 'periodFrom' | 'subject' | 'measure' | 'base' | 'context' | 'unit'>> & { actors?: readonly string[] };

function pick(f: Fact, e: Expected): Expected {
  return Object.fromEntries(Object.keys(e).map((k) => [k, f[k as keyof Fact]])) as Expected;
}

const BRIEF: readonly Expected[] = [
  { text: 'just over $40 billion', value: 40, scale: 'billion', currency: 'USD', kind: 'level', approximate: true, bound: 'above', period: '2012', subject: 'bilateral trade in goods', measure: 'trade', context: 'economic', projection: false },
  { text: '0.6%', value: 0.6, percent: true, kind: 'share', base: 'its total exports', measure: 'exports', period: '2012', periodFrom: 'context', actors: ['American', 'Russia'] },
  { text: 'about $9.9 billion', value: 9.9, scale: 'billion', approximate: true, bound: null, period: '2010', subject: 'US investments in Russia', measure: 'investment', actors: ['US', 'Russia'] },
  { text: 'about $ 4.4 billion', value: 4.4, scale: 'billion', currency: 'USD', approximate: true, period: '2010', subject: 'Russian investments in the US', measure: 'investment', actors: ['Russian', 'US'] },
  { text: '$ 20 billion', value: 20, scale: 'billion', projection: true, period: '2013/2018', subject: 'US exports to Russia', measure: 'exports' },
  { text: 'a third', value: 1 / 3, kind: 'change', direction: 'decrease', subject: 'deployed strategic nuclear warheads', measure: 'warheads', context: 'cbrn', period: '2013', periodFrom: 'document' },
];

test('facts: the trade brief as extracted, footnote number between "$ 4.4" and "billion" included', () => {
  const facts = factsFromText(fixture, { date: '2013-07-15' });
  assert.deepEqual(facts.map((f, i) => pick(f, BRIEF[i] ?? {})), BRIEF);
  const four = facts[3] as Fact;
  assert.equal(fixture.slice(four.span.start, four.span.end), 'about $ 4.4\n11\nbillion');
  assert.match(fixture.slice(four.sentenceSpan.start, four.sentenceSpan.end), /^In 2010, US investments/);
});

const cleanedVariants: ReadonlyArray<readonly [string, string]> = [
  ['cleaned text, footnote removed', 'In 2010, Russian investments in the US were about $ 4.4 billion, still small.'],
  ['cleaned text, footnote left in', 'In 2010, Russian investments in the US were about $ 4.4 11 billion, still small.'],
];
for (const [name, sentence] of cleanedVariants) {
  test(`facts: ${name}`, () => {
    const [f] = factsFromSentences([{ text: sentence, span: { start: 100, end: 100 + sentence.length } }], { date: '2013-07-15' });
    assert.ok(f);
    assert.deepEqual([f.value, f.scale, f.currency, f.approximate, f.period, f.subject], [4.4, 'billion', 'USD', true, '2010', 'Russian investments in the US']);
    assert.equal(f.span.start, 100 + sentence.indexOf('about'));
  });
}

const sentences: ReadonlyArray<{ text: string; expect: readonly Expected[] }> = [
  { text: 'In 2014, U.S. exports grew by $43.9 billion (3 percent) to $1,623.4 billion.', expect: [
    { value: 43.9, kind: 'change', direction: 'increase', subject: 'U.S. exports' },
    { value: 3, percent: true, kind: 'change', direction: 'increase', subject: 'U.S. exports' },
    { value: 1623.4, kind: 'level', subject: 'U.S. exports', period: '2014' },
  ] },
  { text: 'The deficit was $74.6 billion in April, up $14.0 billion from $60.6 billion in March.', expect: [
    { value: 74.6, kind: 'level', period: '2023-04', measure: 'trade-balance' },
    { value: 14, kind: 'change', direction: 'increase' },
    { value: 60.6, kind: 'level', period: '2023-03' },
  ] },
  { text: 'Trade between the two countries doubled after 2005.', expect: [{ text: 'doubled', value: 2, kind: 'multiple', direction: 'increase', measure: 'trade' }] },
  { text: 'Both sides agreed to cut their arsenals in half and to reduce stocks by two-thirds.', expect: [{ text: 'half', value: 0.5 }, { text: 'two-thirds', value: 2 / 3, kind: 'change', direction: 'decrease' }] },
  { text: 'The US published a list of 18 officials banned from travel.', expect: [{ text: '18 officials', value: 18, kind: 'count', unit: 'officials' }] },
  { text: 'Russia holds 1,550 deployed warheads under the treaty.', expect: [{ value: 1550, kind: 'count', unit: 'warheads', measure: 'warheads', context: 'cbrn' }] },
  { text: 'Nearly 20% of Russian exports go to the EU.', expect: [{ value: 20, kind: 'share', approximate: true, bound: 'below', base: 'Russian exports' }] },
  { text: 'Exports could reach €5 million by then.', expect: [{ value: 5, currency: 'EUR', scale: 'million', projection: true }] },
  { text: 'After the September 11 attacks, the G-8 met in Brazil.9 Nothing else.', expect: [] },
  { text: 'Resolution 1973 passed in 2011 with 10 votes.', expect: [{ text: '10 votes', value: 10, kind: 'count' }] },
  { text: 'The program ran for 5 years and 3 months.', expect: [] },
];
for (const c of sentences) {
  test(`facts: "${c.text}"`, () => {
    const facts = factsFromSentences([{ text: c.text, span: { start: 0, end: c.text.length } }], { date: '2023-06-07' });
    assert.deepEqual(facts.map((f, i) => pick(f, c.expect[i] ?? {})), c.expect);
    for (const f of facts) assert.equal(c.text.slice(f.span.start, f.span.end), f.text);
  });
}

test('facts: a year carries to the next sentence of the paragraph only', () => {
  const s = (text: string, paragraph: number, start: number) => ({ text, span: { start, end: start + text.length }, paragraph });
  const facts = factsFromSentences([
    s('In 2012, trade was $40 billion.', 0, 0),
    s('Exports were $10 billion.', 0, 40),
    s('Imports were $30 billion.', 0, 80),
    s('Investment was $9 billion.', 1, 120),
  ], { date: '2013-07-15' });
  assert.deepEqual(facts.map((f) => [f.period, f.periodFrom]), [['2012', 'sentence'], ['2012', 'context'], ['2013', 'document'], ['2013', 'document']]);
});

test('facts: prose of extracted text drops lone page numbers and keeps offsets', () => {
  const text = 'worth about $ 4.4\n11\nbillion in all\n\n12\n\nNext paragraph';
  const prose = proseOfText(text);
  assert.equal(prose.text, 'worth about $ 4.4 billion in all\nNext paragraph');
  assert.equal(text[prose.offsets[prose.text.indexOf('billion')] ?? -1], 'b');
});
