import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { docFromPath, docsFromPaths } from '../../src/ingest/index.ts';
import type { Doc } from '../../src/types.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS = join(ROOT, 'examples', 'corpus');
const SOURCE = 'detente example corpus (written for this project)';

const expected: ReadonlyArray<{ name: string; format: Doc['format']; title: string; date: string; sections: string[]; blocks: number }> = [
  { name: 'india-pakistan-line-of-control-2016-2019.txt', format: 'text', title: 'India and Pakistan: two crises across the Line of Control', date: '2019-03-01', sections: ['Uri and the September 2016 strikes', 'Pulwama and Balakot'], blocks: 0 },
  {
    name: 'russia-china-gas-deal-2014.html',
    format: 'html',
    title: 'Gazprom and CNPC sign 30-year gas contract in Shanghai',
    date: '2014-05-21',
    sections: ['Gazprom and CNPC sign 30-year gas contract in Shanghai', 'A decade of talks'],
    blocks: 1,
  },
  { name: 'russia-china-xi-moscow-2013.txt', format: 'text', title: 'Xi Jinping makes Moscow his first foreign visit as president', date: '2013-03-22', sections: [], blocks: 0 },
  { name: 'russia-india-goa-summit-2016.txt', format: 'text', title: 'India and Russia sign S-400 agreement at Goa summit', date: '2016-10-15', sections: [], blocks: 0 },
  { name: 'us-china-xi-state-visit-2015.txt', format: 'text', title: 'Obama and Xi reach cyber and climate understandings during state visit', date: '2015-09-25', sections: [], blocks: 0 },
  {
    name: 'us-russia-counterterrorism-2013.md',
    format: 'markdown',
    title: 'After Boston: US-Russian counter-terrorism contacts in 2013',
    date: '2013-06-17',
    sections: ['After Boston: US-Russian counter-terrorism contacts in 2013', 'The attack and the call', 'Lough Erne', 'What to watch'],
    blocks: 0,
  },
  { name: 'us-russia-expulsions-2016.txt', format: 'text', title: 'US expels 35 Russian diplomats; Putin declines to retaliate', date: '2016-12-30', sections: [], blocks: 0 },
  { name: 'us-russia-new-start-2010.txt', format: 'text', title: 'Obama and Medvedev sign New START in Prague', date: '2010-04-08', sections: [], blocks: 0 },
];

test('corpus: every example document is read with its title, date, source and sections', async () => {
  const docs: Doc[] = [];
  for await (const item of docsFromPaths([CORPUS])) {
    if ('error' in item) assert.fail(`${item.origin}: ${item.error.message}`);
    docs.push(item);
  }
  assert.deepEqual(docs.map((d) => d.name), expected.map((e) => e.name));
  for (const [i, doc] of docs.entries()) {
    const e = expected[i];
    assert.ok(e);
    assert.equal(doc.format, e.format, doc.name);
    assert.equal(doc.meta.title, e.title, doc.name);
    assert.equal(doc.meta.date, e.date, doc.name);
    assert.equal(doc.meta.source, SOURCE, doc.name);
    assert.deepEqual(doc.sections.map((s) => s.title), e.sections, doc.name);
    assert.equal(doc.blocks.length, e.blocks, doc.name);
    const words = doc.text.match(/\S+/g)?.length ?? 0;
    assert.ok(words >= 150 && words <= 400, `${doc.name} has ${words} words`);
  }
});

test('corpus: the HTML page keeps its article and drops the furniture', async () => {
  const doc = await docFromPath(join(CORPUS, 'russia-china-gas-deal-2014.html'));
  for (const boilerplate of ['cookies', 'Share on Twitter', 'Related articles', 'Pipeline politics', 'All rights reserved', 'newsletter', 'Markets', 'analytics', 'By the Example Wire']) {
    assert.ok(!doc.text.includes(boilerplate), `"${boilerplate}" left in the text`);
  }
  assert.ok(doc.text.includes('Gazprom’s chief executive, Alexei Miller, put the total value of the contract at $400 billion.'));
  assert.ok(doc.text.includes('Joint Sea 2014'));
  assert.equal(doc.blocks[0]?.text, 'Item\tFigure\nTerm\t30 years\nAnnual volume\t38 billion cubic metres\nValue reported by Gazprom\t$400 billion');
});

test('corpus: wrapped lines are joined into whole sentences', async () => {
  const doc = await docFromPath(join(CORPUS, 'us-russia-new-start-2010.txt'));
  assert.ok(doc.text.includes('PRAGUE, 8 April 2010. President Barack Obama and President Dmitry Medvedev signed the New Strategic Arms Reduction Treaty at Prague Castle on Thursday.'));
  assert.equal(doc.paragraphs.length, 5);
  assert.ok(!doc.text.includes('\n\n\n'));
});
