import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chromium } from 'playwright-core';
import { needsChromium } from '../chromium.ts';
import { FormatError } from '../../src/errors.ts';
import { pdfItemsFromBytes } from '../../src/figures/pdf-items.ts';
import { tablesFromPdfItems, textFromPdfItems } from '../../src/figures/pdf-tables.ts';
import type { Table } from '../../src/figures/types.ts';
import { minimalPdf, type PlacedText } from './minimal-pdf.ts';

function grid(t: Table): string[][] {
  return t.rows.map((r) => [r.label, ...r.cells.map((c) => c?.text ?? '·')]);
}

const YEARS = ['1980', '1985', '1990', '2012'];
const ROWS: ReadonlyArray<readonly [string, readonly (string | null)[]]> = [
  ['US Exports', ['1.5', '2.4', null, '10.7']],
  ['US Imports', ['0.5', '0.4', '1.1', '29.38']],
];

function tablePage(top: number, x0: number, step = 60): PlacedText[] {
  return [
    { x: x0, y: top, text: 'Table 1: US-Russia Trade (in billions, US $)' },
    ...YEARS.map((y, i) => ({ x: x0 + 3 * step + i * step, y: top - 20, text: y, right: true })),
    ...ROWS.flatMap(([label, values], r) => [
      { x: x0, y: top - 36 - r * 16, text: label },
      ...values.flatMap((v, i) => (v ? [{ x: x0 + 3 * step + i * step, y: top - 36 - r * 16, text: v, right: true }] : [])),
    ]),
    { x: x0, y: top - 80, text: 'Source: Census Bureau' },
  ];
}

test('pdf-tables: a generated PDF: rows and columns from positions, a missing cell, a page number', async () => {
  const page2: PlacedText[] = [
    { x: 72, y: 740, text: 'The text above the table runs across the page in one column, as prose does in reports.' },
    ...tablePage(700, 72),
    { x: 300, y: 40, text: '2' },
  ];
  const items = await pdfItemsFromBytes(minimalPdf([[{ x: 72, y: 700, text: 'A first page with no table at all.' }], page2]), 't.pdf');
  const { tables, rejected } = tablesFromPdfItems(items);
  assert.deepEqual(rejected, []);
  assert.equal(tables.length, 1);
  const t = tables[0] as Table;
  assert.equal(t.page, 2);
  assert.equal(t.layout, 'pdf');
  assert.equal(t.caption, 'Table 1: US-Russia Trade (in billions, US $)');
  assert.equal(t.source, 'Source: Census Bureau');
  assert.deepEqual(t.columns, YEARS);
  assert.deepEqual(grid(t), [['US Exports', '1.5', '2.4', '·', '10.7'], ['US Imports', '0.5', '0.4', '1.1', '29.38']]);
  const text = textFromPdfItems(items);
  for (const row of t.rows) for (const c of row.cells) if (c) assert.equal(text.slice(c.span.start, c.span.end), c.text);
});

test('pdf-tables: a two-column page: prose on the left, the table on the right', async () => {
  const prose = Array.from({ length: 12 }, (_, i) => ({ x: 40, y: 740 - i * 14, text: `Left column line ${i + 1} of prose beside the table.` }));
  const items = await pdfItemsFromBytes(minimalPdf([[...prose, ...tablePage(730, 320, 40)]]), 'two.pdf');
  const { tables } = tablesFromPdfItems(items);
  assert.equal(tables.length, 1);
  assert.deepEqual(grid(tables[0] as Table), [['US Exports', '1.5', '2.4', '·', '10.7'], ['US Imports', '0.5', '0.4', '1.1', '29.38']]);
});

test('pdf-tables: bytes that are not a PDF give a FormatError naming the file', async () => {
  await assert.rejects(pdfItemsFromBytes(new TextEncoder().encode('%PDF-1.4 broken'), 'bad.pdf'), (e: unknown) => e instanceof FormatError && e.where === 'bad.pdf');
});

test('pdf-tables: an HTML table printed to PDF by Chromium', { skip: needsChromium }, async () => {
  const browser = await chromium.launch({
    executablePath: process.env['DETENTE_CHROMIUM'] ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(`<html><body style="font: 11px Helvetica, Arial, sans-serif">
      <p>Trade between the two countries grew over the decade, as the table below shows in some detail.</p>
      <p>Table 4: Trade by year (in billions, US $)</p>
      <table style="border-collapse: collapse">
        <tr><th style="text-align:left; width: 140px">Flow</th>${YEARS.map((y) => `<th style="text-align:right; width: 70px">${y}</th>`).join('')}</tr>
        ${ROWS.map(([label, values]) => `<tr><td>${label}</td>${values.map((v) => `<td style="text-align:right">${v ?? ''}</td>`).join('')}</tr>`).join('\n')}
      </table>
      <p>Source: Census Bureau</p></body></html>`);
    const bytes = await page.pdf({ format: 'A4' });
    const items = await pdfItemsFromBytes(new Uint8Array(bytes), 'printed.pdf');
    const { tables } = tablesFromPdfItems(items);
    assert.equal(tables.length, 1);
    const t = tables[0] as Table;
    assert.equal(t.caption, 'Table 4: Trade by year (in billions, US $)');
    assert.equal(t.stub, 'Flow');
    assert.deepEqual(t.columns, YEARS);
    assert.deepEqual(grid(t), [['US Exports', '1.5', '2.4', '·', '10.7'], ['US Imports', '0.5', '0.4', '1.1', '29.38']]);
  } finally {
    await browser.close();
  }
});
