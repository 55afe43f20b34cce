import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { docFromPath, originalSpanFromClean } from '../../src/ingest/index.ts';

// A synthetic paper written for the tests with the artifacts of PDF extraction:
// lone page numbers (one mid-sentence), footnote markers glued and after punctuation,
// hyphenation, a form feed, stray leading spaces, ligatures, a soft hyphen, headings
// without blank lines, and a table flattened to one value per line.
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'ingest', 'extracted-paper.txt');
const doc = await docFromPath(FIXTURE);

test('extracted fixture: metadata and structure', () => {
  assert.equal(doc.meta.title, 'Partners under strain: India and Russia (synthetic extracted paper)');
  assert.equal(doc.meta.date, '2014-03-01');
  assert.deepEqual(doc.sections.map((s) => s.title), ['Defence Cooperation', 'Counter-terrorism', 'Trade', 'Conclusion']);
  assert.equal(doc.paragraphs.length, 10);
  assert.equal(doc.blocks.length, 1);
  const table = doc.blocks[0];
  assert.ok(table);
  assert.ok(table.text.startsWith('Table 2: India-Russia Trade (in billions, US $)\n2008\n'));
  assert.ok(table.text.endsWith('Source: illustrative figures compiled for this test fixture'));
  assert.equal(doc.original.slice(table.original.start, table.original.end), table.text);
  assert.ok(!doc.text.includes('Exports'), 'the table is not prose');
});

const sentences = [
  'India and Russia have described their relationship as a special and privileged strategic partnership since 2010.',
  'Moscow has supplied most of the weapons that the Indian armed forces use, from the MiG-29 fighter to the T-90 tank, and the two governments have built the BrahMos cruise missile together.',
  'Over the last decade India has diversified its suppliers.',
  'It bought C-17 transport aircraft and P-8I maritime patrol aircraft from the United States, and it has deepened its defence ties with Israel and France.',
  'The largest single programme is the development of a fifth-generation fighter aircraft, which the two governments agreed to build jointly in 2007.',
  'Indian officials have complained about the cost of the programme and about their limited access to its technology.',
  'Russia, for its part, has pointed to the delays in Indian decisions.',
  'A second source of friction is the refitted aircraft carrier Vikramaditya, which was delivered in November 2013, five years late and at a price of about $ 2.3 billion.',
  'India and Russia share concerns about terrorism in Afghanistan and Central Asia and have worked together in the Shanghai Cooperation Organisation since India joined it as an observer.',
  'They hold regular consultations on counter-terrorism, and their security councils exchange information.',
  "Trade between India and Russia was about $11 billion in 2012, little more than 1.3% of Russia's foreign trade.",
  'Neither government wants it to weaken; both will need to broaden it beyond arms sales.',
];

for (const sentence of sentences) {
  test(`extracted fixture: sentence intact within one paragraph: ${sentence.slice(0, 50)}…`, () => {
    const at = doc.text.indexOf(sentence);
    assert.ok(at !== -1, `not found in:\n${doc.text}`);
    assert.ok(doc.paragraphs.some((p) => p.start <= at && at + sentence.length <= p.end));
  });
}

const absent = ['together1', 'France.2', 'technology3', 'observer.4', 'trade.5', 'sales.6', ' 2\n', '$ 2.3 7', 'com-', 'diversiﬁed', '\u00AD', '\f'];

for (const artifact of absent) {
  test(`extracted fixture: no ${JSON.stringify(artifact)} left`, () => {
    assert.ok(!doc.text.includes(artifact));
  });
}

test('extracted fixture: a cleaned sentence maps back to its original lines', () => {
  const sentence = 'at a price of about $ 2.3 billion';
  const at = doc.text.indexOf(sentence);
  const span = originalSpanFromClean(doc, { start: at, end: at + sentence.length });
  assert.equal(doc.original.slice(span.start, span.end), 'at a price of about $ 2.3\n7\nbillion');
});
