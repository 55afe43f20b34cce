import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { FormatError, oneLine } from '../../src/errors.ts';
import { docFromBytes } from '../../src/ingest/index.ts';
import { pdfFromPages } from './helpers/pdf-writer.ts';

const PAGE_ONE = [
  { text: 'Missile and Nuclear Issues', size: 14 },
  'Moscow worries that the US missile defence programme could drive China to strengthen',
  'its offensive nuclear forces capability1, which would have security consequences for',
  'Russia. Russia has, therefore, demanded legally binding guarantees from the US and',
  'NATO that these systems would not be used against it—but so far to no avail.2 The',
  'two sides will continue the talks on the develop-',
  { text: '3', x: 300, y: 40 },
];
const PAGE_TWO = [
  'ment of a common position in the autumn, at a meeting in Geneva.3',
  { text: 'Counter-terrorism', size: 14 },
  'The US and Russia share concerns about global terrorism and have worked together on',
  'this issue.',
  { text: '4', x: 300, y: 40 },
];

test('pdf: text rebuilt from a generated two-page PDF and repaired', async () => {
  const doc = await docFromBytes(pdfFromPages([PAGE_ONE, PAGE_TWO], { title: 'US-Russia relations' }), 'paper.pdf');
  assert.equal(doc.format, 'pdf');
  assert.equal(doc.meta.title, 'US-Russia relations');
  assert.equal(
    doc.text,
    [
      'Missile and Nuclear Issues',
      'Moscow worries that the US missile defence programme could drive China to strengthen its offensive nuclear forces capability, which would have security consequences for Russia. ' +
        'Russia has, therefore, demanded legally binding guarantees from the US and NATO that these systems would not be used against it—but so far to no avail. ' +
        'The two sides will continue the talks on the development of a common position in the autumn, at a meeting in Geneva.',
      'Counter-terrorism',
      'The US and Russia share concerns about global terrorism and have worked together on this issue.',
    ].join('\n\n'),
  );
  assert.deepEqual(doc.sections.map((s) => s.title), ['Missile and Nuclear Issues', 'Counter-terrorism']);
  assert.ok(doc.original.includes('\f'), 'pages are separated by a form feed in the original');
});

test('pdf: running headers and footers repeated on every page are dropped', async () => {
  const page = (n: number, body: string[]) => [
    'Russia and the West: Working Paper',
    '',
    ...body,
    { text: `Example Institute for Testing, page ${n}`, x: 200, y: 40 },
  ];
  const doc = await docFromBytes(
    pdfFromPages([
      page(1, ['The ministers met in Geneva on Monday and discussed the ceasefire in', 'Syria, the delivery of aid and the next round of talks.']),
      page(2, ['They agreed to meet again before the end of the month, in Vienna or in', 'Geneva, and to invite the regional powers.']),
      page(3, ['Neither side announced a date for the next meeting.']),
    ]),
    'paper.pdf',
  );
  assert.equal(
    doc.text,
    'The ministers met in Geneva on Monday and discussed the ceasefire in Syria, the delivery of aid and the next round of talks.\n\n' +
      'They agreed to meet again before the end of the month, in Vienna or in Geneva, and to invite the regional powers.\n\n' +
      'Neither side announced a date for the next meeting.',
  );
});

test('pdf: a two-column page is read column by column', async () => {
  const left = ['The presidents met at the White House', 'on Friday and agreed that neither', 'government would support the theft of', 'trade secrets. They also set up a'];
  const right = ['dialogue on cybercrime that will meet', 'twice a year. China announced that it', 'would launch a national emissions', 'trading system in 2017.'];
  const lines = [
    { text: 'Cyber and Climate Understandings Reached During the State Visit', x: 72, y: 740 },
    ...left.map((text, i) => ({ text, x: 72, y: 700 - i * 14 })),
    ...right.map((text, i) => ({ text, x: 320, y: 700 - i * 14 })),
  ];
  const doc = await docFromBytes(pdfFromPages([lines]), 'columns.pdf');
  assert.equal(
    doc.text,
    'Cyber and Climate Understandings Reached During the State Visit\n\n' +
      'The presidents met at the White House on Friday and agreed that neither government would support the theft of trade secrets. ' +
      'They also set up a dialogue on cybercrime that will meet twice a year. China announced that it would launch a national emissions trading system in 2017.',
  );
});

const broken: ReadonlyArray<{ name: string; bytes: () => Uint8Array; message: RegExp }> = [
  { name: 'encrypted', bytes: () => pdfFromPages([['Secret text.']], { userPassword: 'letmein' }), message: /^encrypted PDF \(password required\)$/ },
  { name: 'garbage after the header', bytes: () => new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body at all\n'), message: /^not a valid PDF: / },
  {
    name: 'truncated',
    bytes: () => {
      const whole = pdfFromPages([PAGE_ONE, PAGE_TWO]);
      return whole.subarray(0, Math.floor(whole.length / 3));
    },
    message: /^not a valid PDF: /,
  },
];

for (const c of broken) {
  test(`pdf: ${c.name} file is a one-line FormatError`, async () => {
    await assert.rejects(docFromBytes(c.bytes(), 'bad.pdf', { origin: 'in/bad.pdf' }), (error: unknown) => {
      assert.ok(error instanceof FormatError, String(error));
      assert.match(error.message, c.message);
      assert.ok(oneLine(error).startsWith('in/bad.pdf: '));
      assert.ok(!oneLine(error).includes('\n'));
      return true;
    });
  });
}

const CHROMIUM = '/usr/bin/chromium';
const PARAGRAPHS = [
  'After the Boston bombings, Moscow and Washington have been cooperating more intensely on counter terrorism, and the two governments have exchanged information about suspects and about the routes that fighters use to travel between the North Caucasus and the Middle East.',
  'Russia has, therefore, demanded legally binding guarantees from the US and NATO that these systems would not be used against it, but so far to no avail, and the question will remain on the agenda of every meeting between the two defence ministers.',
  'In 2012, bilateral trade in goods reached just over $40 billion, much below bilateral trade between the US and China, as well as with other emerging countries like India and Brazil, which shows how much room there is for growth.',
];

test('pdf: a real PDF printed by Chromium, with page numbers in the footer', { skip: existsSync(CHROMIUM) ? false : `no ${CHROMIUM}` }, async () => {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    const body = ['<h2>Counter Terrorism</h2>', ...Array.from({ length: 12 }, (_, i) => `<p>${PARAGRAPHS[i % PARAGRAPHS.length]}</p>`), '<h2>Economic Relations</h2>', `<p>${PARAGRAPHS[2]}</p>`].join('\n');
    await page.setContent(`<!DOCTYPE html><html><head><title>Printed paper</title><style>body { font: 16px serif; width: 15cm; } p { margin: 0 0 1em; }</style></head><body>${body}</body></html>`);
    const pdf = await page.pdf({
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: '<div style="font-size: 10px; width: 100%; text-align: center"><span class="pageNumber"></span></div>',
      margin: { top: '40px', bottom: '60px', left: '40px', right: '40px' },
    });
    const doc = await docFromBytes(new Uint8Array(pdf), 'printed.pdf');
    assert.equal(doc.format, 'pdf');
    assert.ok(doc.original.split('\f').length >= 2, `the text spans several pages: ${JSON.stringify(doc.original)}`);
    const paragraphs = doc.paragraphs.map((p) => doc.text.slice(p.start, p.end));
    assert.deepEqual(paragraphs, ['Counter Terrorism', ...Array.from({ length: 12 }, (_, i) => PARAGRAPHS[i % PARAGRAPHS.length]), 'Economic Relations', PARAGRAPHS[2]]);
    assert.deepEqual(doc.sections.map((s) => s.title), ['Counter Terrorism', 'Economic Relations']);
  } finally {
    await browser.close();
  }
});
