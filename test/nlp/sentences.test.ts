import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentencesFromDoc } from '../../src/nlp/sentences.ts';
import type { Doc } from '../../src/types.ts';

function doc(text: string): Doc {
  return {
    id: 'x', name: 'x.txt', origin: 'x.txt', format: 'text', meta: { title: null, date: null, source: null, publisher: null },
    text, original: text, offsets: [{ clean: 0, original: 0, length: text.length }], paragraphs: [], sections: [], blocks: [],
  };
}

const cases: ReadonlyArray<{ name: string; text: string; sentences: readonly string[] }> = [
  { name: 'plain', text: 'Russia agreed. The US refused!', sentences: ['Russia agreed.', 'The US refused!'] },
  { name: 'U.S. mid-sentence', text: 'The U.S. State Department said so. It was done.', sentences: ['The U.S. State Department said so.', 'It was done.'] },
  { name: 'U.S. at the end', text: 'Moscow blamed the U.S. The talks ended.', sentences: ['Moscow blamed the U.S.', 'The talks ended.'] },
  { name: 'titles', text: 'Mr. Kerry met Gen. Petraeus on Dec. 5, 2012 in Kabul. Dr. Smith left.', sentences: ['Mr. Kerry met Gen. Petraeus on Dec. 5, 2012 in Kabul.', 'Dr. Smith left.'] },
  { name: 'initials', text: 'President George W. Bush spoke. President George H.W. Bush announced it.', sentences: ['President George W. Bush spoke.', 'President George H.W. Bush announced it.'] },
  { name: 'quote after period', text: 'He said "we agree." Then they left.', sentences: ['He said "we agree."', 'Then they left.'] },
  { name: 'lower case after period', text: 'It cost approx. ten billion. Fine.', sentences: ['It cost approx. ten billion.', 'Fine.'] },
  { name: 'paragraphs never joined', text: 'Counter-terrorism\n\nThe US and Russia share concerns', sentences: ['Counter-terrorism', 'The US and Russia share concerns'] },
  { name: 'decimal numbers', text: 'Trade was $9.9 billion in 2010. It grew.', sentences: ['Trade was $9.9 billion in 2010.', 'It grew.'] },
];

for (const c of cases) {
  test(`sentences: ${c.name}`, () => {
    const got = sentencesFromDoc(doc(c.text));
    assert.deepEqual(got.map((s) => s.text), c.sentences);
    for (const s of got) assert.equal(c.text.slice(s.span.start, s.span.end), s.text);
    assert.deepEqual(got.map((s) => s.index), got.map((_, i) => i));
  });
}

test('sentences: carry their section and paragraph', () => {
  const text = 'Afghanistan\n\nRussia allowed the US to use the NDN. It helped.\n\nMiddle East\n\nMoscow abstained.';
  const span = (p: string): { start: number; end: number } => ({ start: text.indexOf(p), end: text.indexOf(p) + p.length });
  const paragraphs = ['Afghanistan', 'Russia allowed the US to use the NDN. It helped.', 'Middle East', 'Moscow abstained.'].map(span);
  const d: Doc = {
    ...doc(text),
    paragraphs,
    sections: [
      { title: 'Afghanistan', span: { start: 0, end: paragraphs[1]!.end } },
      { title: 'Middle East', span: { start: paragraphs[2]!.start, end: text.length } },
    ],
  };
  const got = sentencesFromDoc(d);
  assert.deepEqual(got.map((s) => [s.text, s.section, s.paragraph]), [
    ['Afghanistan', 'Afghanistan', 0],
    ['Russia allowed the US to use the NDN.', 'Afghanistan', 1],
    ['It helped.', 'Afghanistan', 1],
    ['Middle East', 'Middle East', 2],
    ['Moscow abstained.', 'Middle East', 3],
  ]);
});
