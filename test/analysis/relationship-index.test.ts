import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bandOf, indexFromPeriodSums, trendOfIndex } from '../../src/analysis/relationship-index.ts';
import { EMPTY_SUMS, sumsWith } from '../../src/analysis/intervals.ts';
import type { PeriodSums } from '../../src/analysis/intervals.ts';
import type { IndexPoint } from '../../src/analysis/types.ts';

const bands: ReadonlyArray<[number, string]> = [
  [-10, 'confrontation'],
  [-9, 'confrontation'],
  [-6.01, 'confrontation'],
  [-6, 'tense'],
  [-3.5, 'tense'],
  [-3, 'discord'],
  [-0.01, 'discord'],
  [0, 'ordinary'],
  [2.99, 'ordinary'],
  [3, 'good'],
  [6, 'friendly'],
  [9, 'friendly'],
];
for (const [value, band] of bands) {
  test(`index: ${value} is ${band}`, () => assert.equal(bandOf(value), band));
}

function year(start: string, events: ReadonlyArray<[1 | 2 | 3 | 4, number, number]>): PeriodSums {
  const total = events.reduce((acc, [quad, n, sum]) => sumsWith(acc, quad, n, sum), EMPTY_SUMS);
  return { start, total, forward: total, backward: EMPTY_SUMS };
}

// Years of 365 days with a half-life of 365 days: each year halves the past.
const YEARS = [year('2013-01-01', [[1, 2, 5]]), year('2014-01-01', []), year('2015-01-01', [[4, 4, -24]])];

test('index: hand-computed smoothed mean with a neutral prior', () => {
  const points = indexFromPeriodSums(YEARS, 'year', { halfLifeDays: 365, prior: 0, priorWeight: 3 });
  // 2013: N = 2, S = 5 → 5 / (2 + 3) = 1.
  // 2014: N = 1, S = 2.5 → 2.5 / 4 = 0.625.
  // 2015: N = 0.5 + 4 = 4.5, S = 1.25 − 24 = −22.75 → −22.75 / 7.5 = −3.0333….
  assert.deepEqual(points.map((p) => p.period), ['2013', '2014', '2015']);
  assert.ok(Math.abs((points[0]?.value ?? NaN) - 1) < 1e-12);
  assert.ok(Math.abs((points[1]?.value ?? NaN) - 0.625) < 1e-12);
  assert.ok(Math.abs((points[2]?.value ?? NaN) - -22.75 / 7.5) < 1e-12);
  assert.deepEqual(points.map((p) => p.band), ['ordinary', 'ordinary', 'tense']);
  assert.deepEqual(points.map((p) => p.events), [2, 0, 4]);
  assert.ok(Math.abs((points[2]?.weight ?? NaN) - 4.5) < 1e-12);
});

test('index: without events it rests at the prior; with no prior weight it clamps to the scale', () => {
  const empty = [year('2013-01-01', []), year('2014-01-01', [])];
  assert.deepEqual(indexFromPeriodSums(empty, 'year', { halfLifeDays: 90, prior: 2, priorWeight: 3 }).map((p) => p.value), [2, 2]);
  const aid = [year('2013-01-01', [[2, 10, 100]])];
  assert.equal(indexFromPeriodSums(aid, 'year', { halfLifeDays: 90, prior: 0, priorWeight: 0 })[0]?.value, 9);
  assert.ok(Math.abs((indexFromPeriodSums(aid, 'year', { halfLifeDays: 90, prior: 0, priorWeight: 3 })[0]?.value ?? NaN) - 100 / 13) < 1e-12);
  const assault = [year('2013-01-01', [[4, 2, -18]])];
  assert.equal(indexFromPeriodSums(assault, 'year', { halfLifeDays: 90, prior: 0, priorWeight: 0 })[0]?.band, 'confrontation');
});

const point = (value: number): IndexPoint => ({ period: '', start: '', end: '', value, band: bandOf(value), events: 0, weight: 0 });

test('index: trend is the least-squares slope over the last periods', () => {
  const rising = trendOfIndex([5, 0, 1, 2, 3].map(point), 4);
  assert.deepEqual(rising, { periods: 4, slope: 1, change: 3, direction: 'improving' });
  assert.equal(trendOfIndex([2, 1.9, 2.1, 2].map(point), 4)?.direction, 'stable');
  assert.equal(trendOfIndex([3, 1, -1].map(point), 6)?.direction, 'worsening');
  assert.equal(trendOfIndex([point(1)], 4), null);
});
