import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changePointsFromPeriodSums, changePointWithEvidence, defaultChangePointOptions, welchT } from '../../src/analysis/change-points.ts';
import { EMPTY_SUMS, sumsWith } from '../../src/analysis/intervals.ts';
import type { FlowSums, PeriodSums } from '../../src/analysis/intervals.ts';
import { nextPeriodStart } from '../../src/analysis/periods.ts';

/** `n` events of one intensity. */
function same(n: number, intensity: number): FlowSums {
  const quad = intensity >= 0 ? 1 : 4;
  return n === 0 ? EMPTY_SUMS : sumsWith(EMPTY_SUMS, quad, n, n * intensity, n * intensity * intensity);
}

function months(first: string, sums: readonly FlowSums[]): PeriodSums[] {
  let start = first;
  return sums.map((total) => {
    const p = { start, total, forward: total, backward: EMPTY_SUMS };
    start = nextPeriodStart(start, 'month');
    return p;
  });
}

test('change points: Welch t from sums, by hand', () => {
  // Before: 4 events 1, 3, 1, 3 (mean 2, variance 4/3); after: 4 events 5, 7, 5, 7 (mean 6, variance 4/3).
  const before = sumsWith(EMPTY_SUMS, 1, 4, 8, 20);
  const after = sumsWith(EMPTY_SUMS, 1, 4, 24, 148);
  assert.ok(Math.abs(welchT(before, after) - 4 / Math.sqrt(2 / 3)) < 1e-12);
  // Identical events have no variance: the floor of 1 keeps t finite.
  assert.ok(Math.abs(welchT(same(4, 2.5), same(4, -6)) - -8.5 / Math.sqrt(0.5)) < 1e-12);
});

test('change points: a warm half-year then a cold one turns once, at the first cold month', () => {
  const periods = months('2013-01-01', [...Array(6).fill(same(4, 2.5)), ...Array(6).fill(same(4, -6))]);
  const found = changePointsFromPeriodSums(periods, 'month', defaultChangePointOptions('month'));
  assert.equal(found.length, 1);
  const c = found[0];
  assert.equal(c?.period, '2013-07');
  assert.equal(c?.direction, 'cooler');
  assert.equal(c?.shift, -8.5);
  assert.deepEqual([c?.before.from, c?.before.to, c?.before.events, c?.before.mean], ['2013-04', '2013-06', 12, 2.5]);
  assert.deepEqual([c?.after.from, c?.after.to, c?.after.events, c?.after.mean], ['2013-07', '2013-09', 12, -6]);
  assert.ok(Math.abs((c?.t ?? 0) - -8.5 / Math.sqrt(2 / 12)) < 1e-9);
  assert.equal(c?.beforeFrom, '2013-04-01');
  assert.equal(c?.afterUntil, '2013-10-01');
  const withEvidence = changePointWithEvidence(c!, [], []);
  assert.deepEqual(Object.keys(withEvidence).sort(), ['after', 'before', 'direction', 'drivers', 'faded', 'period', 'shift', 'start', 't'].sort());
});

const quiet: ReadonlyArray<{ name: string; sums: FlowSums[] }> = [
  { name: 'a steady series', sums: Array(12).fill(same(4, 2.5)) },
  { name: 'too few events on a side', sums: [...Array(6).fill(same(1, 2.5)), ...Array(6).fill(same(1, -6))] },
  { name: 'a series shorter than two windows', sums: [same(9, 2.5), same(9, 2.5), same(9, -6), same(9, -6), same(9, -6)] },
];
for (const c of quiet) {
  test(`change points: none in ${c.name}`, () => {
    assert.deepEqual(changePointsFromPeriodSums(months('2013-01-01', c.sums), 'month', defaultChangePointOptions('month')), []);
  });
}

test('change points: a small shift in noisy events stays under the threshold', () => {
  // Mean 0 → 0.5 with variance ~9: t ≈ 0.5 / sqrt(9/12 + 9/12) ≈ 0.4.
  const noisy = sumsWith(sumsWith(EMPTY_SUMS, 1, 2, 6, 18), 4, 2, -6, 18);
  const shifted = sumsWith(sumsWith(EMPTY_SUMS, 1, 2, 7, 24.5), 4, 2, -5, 12.5);
  const periods = months('2013-01-01', [...Array(6).fill(noisy), ...Array(6).fill(shifted)]);
  assert.deepEqual(changePointsFromPeriodSums(periods, 'month', defaultChangePointOptions('month')), []);
});

test('change points: two turns far apart are both kept, in time order; max caps them', () => {
  const periods = months('2013-01-01', [...Array(6).fill(same(4, 2.5)), ...Array(6).fill(same(4, -6)), ...Array(6).fill(same(4, 9.5))]);
  const options = defaultChangePointOptions('month');
  assert.deepEqual(changePointsFromPeriodSums(periods, 'month', options).map((c) => [c.period, c.direction]), [['2013-07', 'cooler'], ['2014-01', 'warmer']]);
  assert.deepEqual(changePointsFromPeriodSums(periods, 'month', { ...options, max: 1 }).map((c) => c.period), ['2014-01']);
});
