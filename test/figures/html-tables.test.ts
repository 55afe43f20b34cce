import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tablesFromHtml } from '../../src/figures/html-tables.ts';
import type { Table } from '../../src/figures/types.ts';

function grid(t: Table): string[][] {
  return t.rows.map((r) => [r.section ?? '', r.label, ...r.cells.map((c) => c?.text ?? '·')]);
}

const TRADE = `<html><body><p>Intro text.</p>
<table>
  <caption>Table 2: US-Russia trade (in billions, US $)</caption>
  <thead>
    <tr><th rowspan="2">Flow</th><th colspan="2">Goods</th><th>Services</th></tr>
    <tr><th>2011</th><th>2012</th><th>2012</th></tr>
  </thead>
  <tbody>
    <tr><td colspan="4">United States</td></tr>
    <tr><td>US Exports</td><td>8.3</td><td>10.7</td><td>&ndash;</td></tr>
    <tr><td>US Imports</td><td>34.6</td><td>29.38</td><td>1,234.5</td></tr>
  </tbody>
</table>
<p>Source: Census Bureau</p>
<table><tr><td>Home</td><td>About</td></tr></table>
</body></html>`;

test('html-tables: header rows with colspan and rowspan, a section row, unit in the caption, source after', () => {
  const { tables, rejected } = tablesFromHtml(TRADE);
  assert.equal(tables.length, 1);
  const t = tables[0] as Table;
  assert.equal(t.caption, 'Table 2: US-Russia trade (in billions, US $)');
  assert.equal(t.unit?.scale, 'billion');
  assert.equal(t.unit?.currency, 'USD');
  assert.equal(t.source, 'Source: Census Bureau');
  assert.equal(t.stub, 'Flow');
  assert.deepEqual(t.columns, ['Goods 2011', 'Goods 2012', 'Services 2012']);
  assert.deepEqual(grid(t), [
    ['United States', 'US Exports', '8.3', '10.7', '–'],
    ['United States', 'US Imports', '34.6', '29.38', '1,234.5'],
  ]);
  assert.equal(t.rows[0]?.cells[2]?.value, null);
  assert.equal(t.rows[1]?.cells[2]?.value, 1234.5);
  const cell = t.rows[1]?.cells[1];
  assert.ok(cell && TRADE.slice(cell.span.start, cell.span.end).includes('29.38'));
  assert.equal(TRADE.slice(t.span.start, t.span.start + 6), '<table');
  assert.equal(rejected.length, 1);
  assert.match(rejected[0]?.reason ?? '', /layout table/);
});

const cases: ReadonlyArray<{ name: string; html: string; check: (t: Table) => void }> = [
  {
    name: 'no thead: leading rows without numbers are the header; unit in a spanning header cell',
    html: '<table><tr><td colspan="3">Million $</td></tr><tr><td>Item</td><td>2013</td><td>2014</td></tr><tr><td>Grain</td><td>1,000</td><td>1,100</td></tr><tr><td>Ore</td><td>(20)</td><td>n/a</td></tr></table>',
    check: (t) => {
      assert.equal(t.unit?.scale, 'million');
      assert.deepEqual(t.columns, ['2013', '2014']);
      assert.equal(t.stub, 'Item');
      assert.deepEqual(t.rows.map((r) => r.cells.map((c) => c?.value)), [[1000, 1100], [-20, null]]);
    },
  },
  {
    name: 'years down the first column',
    html: '<table><tr><th>Year</th><th>Exports</th><th>Imports</th></tr><tr><td>2011</td><td>8.3</td><td>34.6</td></tr><tr><td>2012</td><td>10.7</td><td>29.38</td></tr></table>',
    check: (t) => {
      assert.deepEqual(t.rows.map((r) => r.label), ['2011', '2012']);
      assert.deepEqual(t.columns, ['Exports', 'Imports']);
    },
  },
  {
    name: 'a nested data table inside a layout table',
    html: '<table><tr><td>Menu</td><td><table><tr><th></th><th>2012</th></tr><tr><td>Exports</td><td>10.7</td></tr></table></td></tr></table>',
    check: (t) => assert.deepEqual(grid(t), [['', 'Exports', '10.7']]),
  },
];
for (const c of cases) {
  test(`html-tables: ${c.name}`, () => {
    const { tables } = tablesFromHtml(c.html);
    assert.equal(tables.length, 1);
    c.check(tables[0] as Table);
  });
}
