import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { factsFromText } from '../../src/figures/facts.ts';
import { tablesFromHtml } from '../../src/figures/html-tables.ts';
import { isMissingMark, numberFromText } from '../../src/figures/numbers.ts';
import { tablesFromPdfItems, textFromPdfItems, type PdfTextItem } from '../../src/figures/pdf-tables.ts';
import { tablesFromText } from '../../src/figures/text-tables.ts';
import type { TablesResult } from '../../src/figures/types.ts';

const RUNS = { numRuns: 300, seed: 20130715 };

/** Every cell is a slice of the input and its value is that slice read as a number: nothing invented. */
function assertNothingInvented(input: string, result: TablesResult): void {
  for (const t of result.tables) {
    assert.ok(t.span.start >= 0 && t.span.end <= input.length && t.span.start <= t.span.end);
    for (const row of t.rows) {
      for (const cell of row.cells) {
        if (!cell) continue;
        assert.equal(input.slice(cell.span.start, cell.span.end), cell.text);
        assert.equal(cell.value, isMissingMark(cell.text) ? null : numberFromText(cell.text));
      }
    }
  }
}

const word = fc.constantFrom('Exports', 'imports', 'trade', 'the', 'of', 'Russia', 'US', 'grain', 'Total', 'Item', 'and', 'billion', 'percent', 'change,', 'Source:', 'Table', '1:', '(in', 'millions)', '$', '–', 'n/a');
const numberText = fc.oneof(
  fc.integer({ min: -99999, max: 9999999 }).map((n) => n.toLocaleString('en-US')),
  fc.float({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true }).map((x) => x.toFixed(2)),
  fc.integer({ min: 1900, max: 2099 }).map(String),
  fc.integer({ min: 0, max: 999 }).map(String),
  fc.constantFrom('29.38', '(12.5)', '$74.6 Billion', '+23.0%°', '–3.6%', '2017–18', '1,23', '.5', '-', '…'),
);
const line = fc.oneof(
  { weight: 3, arbitrary: numberText },
  { weight: 2, arbitrary: fc.array(word, { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.array(numberText, { minLength: 2, maxLength: 8 }).map((n) => n.join(fc.sample(fc.constantFrom(' ', '   ', '\t'), 1)[0] ?? ' ')) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constantFrom('Table 1: US-Russia Trade (in billions, US $)', 'Million $', 'Source: Census', '[excerpt truncated]', 'Figure 2: Chart', '   ', 'Percent', 'Item', 'U.S. total exports:') },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
const extractedText = fc.array(line, { maxLength: 80 }).map((lines) => lines.join('\n'));

test('properties: random and adversarial extracted text: no crash, every cell a slice of the input', () => {
  fc.assert(fc.property(extractedText, (text) => assertNothingInvented(text, tablesFromText(text))), RUNS);
});

test('properties: random HTML: no crash, every value read from a cell of the input', () => {
  const cell = fc.oneof(numberText, word, fc.constant(''));
  const row = fc.array(cell, { maxLength: 6 }).chain((cells) =>
    fc.constantFrom('td', 'th').map((tag) => `<tr>${cells.map((c, i) => `<${tag}${i === 0 ? ' colspan="2"' : ''}>${c}</${tag}>`).join('')}</tr>`),
  );
  const html = fc.tuple(fc.array(row, { maxLength: 8 }), fc.string({ maxLength: 30 }), fc.boolean()).map(([rows, junk, open]) => `<p>${junk}</p><table>${open ? '<caption>Table (in millions)' : ''}${rows.join('')}${open ? '' : '</table>'}<p>Source: x</p>`);
  fc.assert(
    fc.property(html, (input) => {
      for (const t of tablesFromHtml(input).tables) {
        for (const row of t.rows) for (const c of row.cells) if (c && c.value !== null) assert.ok(input.includes(c.text) && numberFromText(c.text) === c.value);
      }
    }),
    RUNS,
  );
});

test('properties: random PDF text items: no crash, every cell a slice of the page text', () => {
  const item = fc.record({
    str: fc.oneof(numberText, word, fc.array(word, { minLength: 1, maxLength: 10 }).map((w) => w.join(' '))),
    x: fc.integer({ min: 0, max: 600 }),
    y: fc.integer({ min: 0, max: 800 }),
    width: fc.integer({ min: 0, max: 300 }),
    height: fc.constantFrom(0, 8, 10, 12),
    page: fc.integer({ min: 1, max: 3 }),
  });
  fc.assert(
    fc.property(fc.array(item, { maxLength: 60 }), (items: PdfTextItem[]) => {
      assertNothingInvented(textFromPdfItems(items), tablesFromPdfItems(items));
    }),
    RUNS,
  );
});

test('properties: facts from random prose: no crash, every value written in the input', () => {
  const proseWord = fc.oneof(
    word,
    numberText,
    fc.constantFrom('about', 'just over', 'nearly', 'by a third', 'doubled', 'in half', 'two-thirds', '$', '$ 4.4\n11\nbillion', '%', 'percent', 'million', 'reached', 'were', 'grew by', 'could reach', 'In 2012,', 'officials', '.', '\n', '\n\n7\n'),
  );
  const prose = fc.array(proseWord, { maxLength: 60 }).map((w) => w.join(' '));
  fc.assert(
    fc.property(prose, fc.option(fc.constantFrom('2013-07-15', '2013', 'bad')), (text, date) => {
      for (const f of factsFromText(text, { date })) {
        const written = text.slice(f.span.start, f.span.end);
        assert.ok(written.includes(f.valueText), `"${f.valueText}" not in "${written}"`);
        if (/^[\d,.]+$/.test(f.valueText)) assert.equal(f.value, Number(f.valueText.replace(/,/g, '')));
        assert.ok(Number.isFinite(f.value));
      }
    }),
    RUNS,
  );
});

// Round trip: a table rendered the ways PDF extraction leaves tables comes back exactly.
const LABELS = ['US Exports', 'US Imports', 'Grain', 'Forest products', 'Chemicals and related products', 'Total', 'Machinery', 'Ore'];
const cellValue = fc.oneof(
  fc.integer({ min: 1000, max: 9999999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: -9999, max: 9999 }).map((n) => (n / 10).toFixed(1)),
  fc.integer({ min: 1, max: 99999 }).map((n) => (n / 100).toFixed(2)),
);
const layouts = ['label-first', 'label-last', 'label-then-values', 'aligned', 'interleaved'] as const;
const tableCase = fc
  .record({
    width: fc.integer({ min: 2, max: 8 }),
    height: fc.integer({ min: 1, max: 5 }),
    firstYear: fc.integer({ min: 1950, max: 2000 }),
    caption: fc.boolean(),
    source: fc.boolean(),
    blanks: fc.boolean(),
    layout: fc.constantFrom(...layouts),
    pageBefore: fc.integer({ min: 1, max: 300 }),
    pageAfter: fc.option(fc.integer({ min: 1, max: 300 })),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      labels: fc.shuffledSubarray(LABELS, { minLength: c.height, maxLength: c.height }),
      values: fc.array(fc.array(cellValue, { minLength: c.width, maxLength: c.width }), { minLength: c.height, maxLength: c.height }),
    }),
  );

const PROSE = [
  'the summit in the other column went on with a long and careful agenda of talks',
  'between the delegations, who met again the next morning to settle the text',
];

type TableCase = typeof tableCase extends fc.Arbitrary<infer T> ? T : never;

function rendered(t: TableCase): string {
  const { c, labels, values } = t;
  const years = Array.from({ length: c.width }, (_, i) => String(c.firstYear + i * 2));
  const gap = c.blanks ? '\n\n' : '\n';
  const lines: string[] = [];
  if (c.layout === 'aligned') {
    const w = 14;
    lines.push(' '.repeat(32) + years.map((y) => y.padStart(w)).join(''));
    labels.forEach((l, r) => lines.push(l.padEnd(32) + (values[r] ?? []).map((v) => v.padStart(w)).join('')));
  } else if (c.layout === 'label-then-values') {
    lines.push(...years);
    labels.forEach((l, r) => lines.push(l, (values[r] ?? []).join(' ')));
  } else {
    const cells = [...years];
    labels.forEach((l, r) => cells.push(...(c.layout === 'label-last' ? [...(values[r] ?? []), l] : [l, ...(values[r] ?? [])])));
    if (c.layout === 'interleaved') cells.forEach((cell, i) => lines.push(cell, ...(i % 3 === 2 ? [PROSE[i % 2] as string] : [])));
    else lines.push(cells.join(gap));
  }
  const before = `This report reads extracted text in which prose lines are long, as they are in papers.\n${c.pageBefore}\n`;
  const caption = c.caption ? 'Table 7: Trade of the two countries (in millions, US $)\n' : '';
  const source = c.source ? '\nSource: Compiled from national statistics' : '';
  const after = `${source}\n${c.pageAfter !== null ? `${c.pageAfter}\n` : ''}The text goes on after the table with more prose that is long enough to be prose.\n`;
  return `${before}${caption}${lines.join('\n')}${after}`;
}

test('properties: generated tables in every extracted layout come back exactly', () => {
  fc.assert(
    fc.property(tableCase, (t) => {
      // A caption-less, source-less table after a lone number is read with that number set aside, not as a cell.
      const text = rendered(t);
      const { tables } = tablesFromText(text);
      assert.equal(tables.length, 1, text);
      const table = tables[0];
      assert.ok(table);
      assert.deepEqual(table.columns, Array.from({ length: t.c.width }, (_, i) => String(t.c.firstYear + i * 2)));
      assert.deepEqual(table.rows.map((r) => [r.label, ...r.cells.map((x) => x?.text)]), t.labels.map((l, r) => [l, ...(t.values[r] ?? [])]));
      assertNothingInvented(text, { tables, rejected: [] });
    }),
    RUNS,
  );
});
