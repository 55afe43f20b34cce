import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateMentionsFromText } from '../../src/nlp/dates.ts';

const cases: ReadonlyArray<{ text: string; doc: string | null; values: readonly (string | null)[] }> = [
  { text: 'Russia recognized the United States on October 28, 1803.', doc: null, values: ['1803-10-28'] },
  { text: 'On December 6, 1917, Wilson instructed them.', doc: null, values: ['1917-12-06'] },
  { text: 'signed on 8 April 2010 in Prague', doc: null, values: ['2010-04-08'] },
  { text: 'The Declaration signed in October 2000 became historic.', doc: null, values: ['2000-10'] },
  { text: 'the announcement in March this year by Hagel', doc: '2013-07-15', values: ['2013-03'] },
  { text: 'a summit in Moscow in September this year', doc: '2013-07-15', values: ['2013-09'] },
  { text: 'during the US elections last year', doc: '2013-07-15', values: ['2012'] },
  { text: 'In 2010, Russia supported UN sanctions but has refused since 2011.', doc: null, values: ['2010', '2011'] },
  { text: 'reductions in nuclear arms by 2018', doc: null, values: ['2018'] },
  { text: 'September 26 to 28, President Xi visited the United Nations', doc: '2015-10-07', values: ['2015-09-26'] },
  { text: 'Obama spoke today with Putin', doc: '2014-08-01', values: ['2014-08-01'] },
  { text: 'Israel on Wednesday released the mayor', doc: '2008-08-07', values: ['2008-08-06'] },
  { text: 'the protests against Putin in the last two years', doc: '2013-07-15', values: [null] },
  { text: 'harassment of our diplomats over the last year', doc: '2016-12-29', values: [null] },
  { text: 'bilateral trade reached $40 billion in 2012', doc: null, values: ['2012'] },
  { text: 'it cost 2012 billion', doc: null, values: [] },
  { text: 'no date here at all', doc: '2013-07-15', values: [] },
];

for (const c of cases) {
  test(`dates: ${c.text}`, () => {
    const got = dateMentionsFromText(c.text, c.doc);
    assert.deepEqual(got.map((m) => m.value), c.values);
    for (const m of got) assert.equal(c.text.slice(m.start, m.end), m.text);
  });
}

test('dates: deadlines are marked as such', () => {
  const [m] = dateMentionsFromText('mandates reductions by 2018', null);
  assert.equal(m?.kind, 'deadline');
});
