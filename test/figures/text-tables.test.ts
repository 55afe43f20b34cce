import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { tablesFromText } from '../../src/figures/text-tables.ts';
import type { Table } from '../../src/figures/types.ts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/figures/${name}`, import.meta.url), 'utf8');
const YEARS = ['1980', '1985', '1990', '1994', '2000', '2008', '2009', '2010', '2011', '2012'];
const EXPORTS = ['1.5', '2.4', '3.1', '2.6', '2.1', '9.3', '5.3', '6.0', '8.3', '10.7'];
const IMPORTS = ['0.5', '0.4', '1.1', '3.2', '7.7', '26.8', '18.2', '25.7', '34.6', '29.38'];

function grid(t: Table): string[][] {
  return t.rows.map((r) => [r.label, ...r.cells.map((c) => c?.text ?? '·')]);
}

function checkSpans(text: string, t: Table): void {
  for (const row of t.rows) for (const c of row.cells) if (c) assert.equal(text.slice(c.span.start, c.span.end), c.text);
}

test('text-tables: the trade brief\'s Table 1, one value per line, comes out exactly', () => {
  const text = fixture('trade-brief-extracted.txt');
  const { tables, rejected } = tablesFromText(text);
  assert.equal(tables.length, 1);
  assert.deepEqual(rejected, []);
  const t = tables[0] as Table;
  assert.equal(t.caption, 'Table 1: US-Russia Trade (in billions, US $)');
  assert.deepEqual(t.unit, { text: 'in billions, US $', scale: 'billion', currency: 'USD', percent: false });
  assert.equal(t.source, 'Source: Compiled from the Office of the US Trade Representative and US Census Bureau');
  assert.deepEqual(t.columns, YEARS);
  assert.deepEqual(grid(t), [['US Exports', ...EXPORTS], ['US Imports', ...IMPORTS]]);
  assert.equal(t.rows[1]?.cells[9]?.value, 29.38);
  assert.equal(t.layout, 'one-per-line');
  assert.equal(text.slice(t.span.start, t.span.start + 7), 'Table 1');
  assert.ok(text.slice(t.span.start, t.span.end).trimEnd().endsWith('Census Bureau'));
  checkSpans(text, t);
  assert.deepEqual(t.notes, []);
});

function onePerLine(labelsAfter: boolean): string {
  const row = (label: string, values: readonly string[]): string[] => (labelsAfter ? [...values, label] : [label, ...values]);
  const cells = [...YEARS, ...row('US Exports', EXPORTS), ...row('US Imports', IMPORTS)];
  return `prose before the table that runs on for a while as prose does here.\n12\nTable 1: US-Russia Trade (in billions, US $)\n${cells.join('\n\n')}\n\nSource: Census\n`;
}

test('text-tables: labels after their values', () => {
  const text = onePerLine(true);
  const [t] = tablesFromText(text).tables;
  assert.ok(t);
  assert.deepEqual(grid(t), [['US Exports', ...EXPORTS], ['US Imports', ...IMPORTS]]);
  checkSpans(text, t);
});

test('text-tables: wrapped header, section row, thousands separators, truncated excerpt', () => {
  const text = [
    'Table A.1 Goods trade by sector, 2014–18', '', ' ', 'Million $', ' ', '', 'Item', '',
    '2014', '2015', '2016', '2017', '2018', 'Absolute change,', '2017–18', 'Percent', 'change,', '2017–18',
    'Total exports:', ' ', '',
    'Grain', '', '12,345', '', '13,000', '', '12,500', '', '14,100', '', '15,050', '', '950', '', '6.7', '',
    'Timber', '', '4,321', '', '4,000', '', '3,950', '', '4,200', '', '4,150', '', '-50', '', '-1.2', '',
    'Fuel', '[excerpt truncated]',
  ].join('\n');
  const { tables, rejected } = tablesFromText(text);
  assert.deepEqual(rejected, []);
  const t = tables[0] as Table;
  assert.equal(t.stub, 'Item');
  assert.deepEqual(t.columns, ['2014', '2015', '2016', '2017', '2018', 'Absolute change, 2017–18', 'Percent change, 2017–18']);
  assert.deepEqual(t.unit, { text: 'Million $', scale: 'million', currency: 'USD', percent: false });
  assert.deepEqual(t.rows.map((r) => [r.section, r.label, r.cells[0]?.value, r.cells[5]?.value]), [
    ['Total exports:', 'Grain', 12345, 950],
    ['Total exports:', 'Timber', 4321, -50],
  ]);
  assert.match(t.notes.join(' '), /ends inside the table/);
  checkSpans(text, t);
});

test('text-tables: label line then a line of values, with a unit line inside the header', () => {
  const text = [
    'Table B.2: Imports by sector, 2010–14', 'Item', '2010', '2011', 'Million $', '', '', '2012', '2013', '2014',
    'Absolute Change,', '2013-14', 'Percent Change,', '2013-14', 'Total imports:', '             ',
    'Grain', '1,000 1,100 1,200 1,300 1,400 100 7.7',
    'Ore', '2,000 1,900 1,800 1,700 1,600 -100 -5.9',
    'Total', '3,000 3,000 3,000 3,000 3,000 0 0.0',
  ].join('\n');
  const t = tablesFromText(text).tables[0] as Table;
  assert.equal(t.layout, 'label-then-values');
  assert.equal(t.columns.length, 7);
  assert.deepEqual(grid(t).map((r) => r[0]), ['Grain', 'Ore', 'Total']);
  assert.equal(t.rows[1]?.cells[6]?.value, -5.9);
  assert.equal(t.unit?.scale, 'million');
  checkSpans(text, t);
});

test('text-tables: column-aligned rows, a missing cell placed by position, years as rows', () => {
  const text = [
    'Table 3: Trade by year (US$ billion)',
    'Year        Exports     Imports    Balance',
    '2010            6.0        25.7      -19.7',
    '2011            8.3                  -26.3',
    '2012           10.7       29.38     -18.68',
    '',
  ].join('\n');
  const t = tablesFromText(text).tables[0] as Table;
  assert.equal(t.layout, 'aligned');
  assert.equal(t.stub, 'Year');
  assert.deepEqual(t.columns, ['Exports', 'Imports', 'Balance']);
  assert.deepEqual(grid(t), [['2010', '6.0', '25.7', '-19.7'], ['2011', '8.3', '·', '-26.3'], ['2012', '10.7', '29.38', '-18.68']]);
  checkSpans(text, t);
});

test('text-tables: a table in one column of a two-column page, prose lines interleaved', () => {
  const prose = [
    'the other column keeps talking about the summit and its long agenda of',
    'issues that the two delegations discussed over several days in the capital',
    'while the ministers met separately to prepare the joint statement on trade',
    'and the press waited outside the building for news of any agreement at all',
  ];
  const cells = ['Table 2: Arms (warheads)', '2010', '2013', 'Deployed', '1,800', '1,650', 'Stored', '2,200', '2,100'];
  const lines: string[] = [];
  cells.forEach((c, i) => {
    lines.push(c);
    if (i > 0 && i % 2 === 0) lines.push(prose[(i / 2) % prose.length] as string);
  });
  const text = `${lines.join('\n')}\n`;
  const { tables } = tablesFromText(text);
  const t = tables[0] as Table;
  assert.deepEqual(t.columns, ['2010', '2013']);
  assert.deepEqual(grid(t), [['Deployed', '1,800', '1,650'], ['Stored', '2,200', '2,100']]);
  assert.match(t.notes.join(' '), /interleaved prose/);
  checkSpans(text, t);
});

const notTables: ReadonlyArray<{ name: string; text: string; reason: RegExp }> = [
  {
    name: 'chart axis ticks and callouts',
    text: 'TRADE DEFICIT\n\nBillion $\n115\n\nGoods deficit\n\n105\n\nDeficit:\n\n$74.6 Billion\n\n+23.0%\n\nExports:\n\n$249.0 Billion\n\n-3.6%\n\n95\n\nMonthly deficit\n85\n75\n65\n55\n',
    reason: /chart labels: .*evenly spaced/,
  },
  {
    name: 'a chart\'s time axis among its labels',
    text: 'Exhibit legend\n450\nApr 2021\nBureau of Analysis\nStatistics Office\n\nApr 2022\n\nApr 2023\n12.5\n',
    reason: /Apr 2021, Apr 2022, Apr 2023 are the dates of a time axis/,
  },
  { name: 'a list of numbers', text: 'Notes follow here.\n\n12\n\n45\n\n78\n\n90\n\n113\n', reason: /a list/ },
  { name: 'a figure caption', text: 'Figure 2: Exports, 2010–2012\n2010\n2011\n2012\nExports\n1.0\n2.0\n3.0\n', reason: /a chart, not a table/ },
  {
    name: 'rows that do not line up',
    text: 'Table 9: Broken\n2010\n2011\n2012\nAlpha\n1.0\n2.0\n3.0\nBeta\n4.0\nGamma\n5.0\n6.0\n7.0\nDelta\n8.0\n9.0\n',
    reason: /do not line up/,
  },
  { name: 'label: value pairs', text: 'Exports: 5.0\nImports: 3.0\nBalance: 2.0\nTrade: 8.0\n', reason: /no header: a list/ },
];
for (const c of notTables) {
  test(`text-tables: ${c.name} is not a table`, () => {
    const { tables, rejected } = tablesFromText(c.text);
    assert.deepEqual(tables, []);
    assert.equal(rejected.length, 1);
    assert.match(rejected[0]?.reason ?? '', c.reason);
  });
}

test('text-tables: prose with numbers in it has no table and no rejection', () => {
  const text = 'In 2012 trade reached $40 billion, up from 2011, when it was lower.\nThe two sides met 3 times in 2013 and again in 2014 to talk about it at length.\n';
  assert.deepEqual(tablesFromText(text), { tables: [], rejected: [] });
});

test('text-tables: an ingest block is read as one region', () => {
  const text = 'Heading words\n2010  2011\nAlpha  1.0  2.0\nBeta  3.0  4.0\n';
  const blocks = [{ kind: 'table' as const, original: { start: text.indexOf('2010'), end: text.length }, text: '' }];
  assert.equal(tablesFromText(text).tables[0]?.stub, 'Heading words');
  const t = tablesFromText(text, { blocks }).tables[0] as Table;
  assert.equal(t.stub, null);
  assert.deepEqual(grid(t), [['Alpha', '1.0', '2.0'], ['Beta', '3.0', '4.0']]);
});
