import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isUnitLine, numberFromText, periodFromHeader, unitFromText } from '../../src/figures/numbers.ts';

const numbers: ReadonlyArray<readonly [string, number | null]> = [
  ['29.38', 29.38],
  ['1,278,495', 1278495],
  ['-8,515', -8515],
  ['–3.6%', -3.6],
  ['+23.0%°', 23],
  ['(12.5)', -12.5],
  ['$74.6', 74.6],
  ['US$ 4.4', 4.4],
  ['.5', 0.5],
  ['1,23', null],
  ['12a', null],
  ['2017–18', null],
  ['—', null],
  ['', null],
];
for (const [text, value] of numbers) {
  test(`numbers: "${text}" → ${value}`, () => assert.equal(numberFromText(text), value));
}

const periods: ReadonlyArray<readonly [string, string | null]> = [
  ['2012', '2012'],
  ['2017–18', '2017/2018'],
  ['2010-2014', '2010/2014'],
  ['Q2 2013', '2013-Q2'],
  ['Apr 2021', '2021-04'],
  ['1,980', null],
  ['Percent change', null],
  ['2018–17', null],
];
for (const [text, period] of periods) {
  test(`numbers: period of "${text}" → ${period}`, () => assert.equal(periodFromHeader(text), period));
}

const units: ReadonlyArray<readonly [string, { scale: string | null; currency: string | null; percent: boolean } | null]> = [
  ['Table 1: US-Russia Trade (in billions, US $)', { scale: 'billion', currency: 'USD', percent: false }],
  ['Million $', { scale: 'million', currency: 'USD', percent: false }],
  ['Percent', { scale: null, currency: null, percent: true }],
  ['in millions of euros', { scale: 'million', currency: 'EUR', percent: false }],
  ['Table 2: Trade by sector', null],
];
for (const [text, unit] of units) {
  test(`numbers: unit of "${text}"`, () => {
    const u = unitFromText(text);
    assert.deepEqual(u && { scale: u.scale, currency: u.currency, percent: u.percent }, unit);
  });
}

test('numbers: unit lines are only units', () => {
  assert.equal(isUnitLine('Million $'), true);
  assert.equal(isUnitLine('(in billions of US dollars)'), true);
  assert.equal(isUnitLine('US Exports'), false);
  assert.equal(isUnitLine('Trade in billions grew fast'), false);
});
