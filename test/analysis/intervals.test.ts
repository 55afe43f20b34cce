import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flowStatsOfSums, intervalsFromPeriodSums, MAX_PERIODS, periodSumsFromFlows, sumsWith, EMPTY_SUMS } from '../../src/analysis/intervals.ts';
import type { PeriodFlowRow } from '../../src/analysis/types.ts';
import { InputError } from '../../src/errors.ts';

const row = (period: string | null, forward: boolean, quad: 1 | 2 | 3 | 4, events: number, intensity: number, mirror = false): PeriodFlowRow => ({
  period,
  forward,
  mirror,
  quad,
  events,
  intensity,
  intensitySquares: 0,
});

const FLOWS: readonly PeriodFlowRow[] = [
  row('2013-01-01', true, 1, 2, 5),
  row('2013-01-01', false, 4, 1, -6),
  row('2013-03-01', false, 2, 1, 9.5),
  row(null, true, 3, 4, -12),
];

test('intervals: stats of some events', () => {
  const s = flowStatsOfSums(sumsWith(sumsWith(EMPTY_SUMS, 1, 3, 7.5), 4, 1, -6));
  assert.deepEqual(s, { events: 4, quads: { q1: 3, q2: 0, q3: 0, q4: 1 }, cooperation: 3, conflict: 1, net: 1.5, mean: 0.375, cooperationShare: 0.75 });
  assert.deepEqual(flowStatsOfSums(EMPTY_SUMS), { events: 0, quads: { q1: 0, q2: 0, q3: 0, q4: 0 }, cooperation: 0, conflict: 0, net: 0, mean: null, cooperationShare: null });
});

const spans: ReadonlyArray<{ name: string; from: string | null; to: string | null; periods: string[] }> = [
  { name: 'first to last event, gaps filled', from: null, to: null, periods: ['2013-01', '2013-02', '2013-03'] },
  { name: 'query bounds win', from: '2012-12-15', to: '2013-04-30', periods: ['2012-12', '2013-01', '2013-02', '2013-03', '2013-04'] },
];
for (const c of spans) {
  test(`intervals: ${c.name}`, () => {
    const periods = periodSumsFromFlows(FLOWS, { from: c.from, to: c.to, directed: false }, 'month');
    const rows = intervalsFromPeriodSums(periods, { a: 'USA', b: 'RUS', directed: false }, 'month');
    assert.deepEqual(rows.map((r) => r.period), c.periods);
    const jan = rows.find((r) => r.period === '2013-01');
    assert.equal(jan?.total.events, 3);
    assert.equal(jan?.total.net, -1);
    assert.equal(jan?.total.cooperationShare, 2 / 3);
    assert.equal(jan?.end, '2013-01-31');
    assert.deepEqual(jan?.directions.map((d) => [d.source, d.target, d.stats.events, d.stats.net]), [['USA', 'RUS', 2, 5], ['RUS', 'USA', 1, -6]]);
    assert.equal(rows.find((r) => r.period === '2013-02')?.total.events, 0);
  });
}

test('intervals: undated events are left out of the series; directed keeps one direction', () => {
  const periods = periodSumsFromFlows(FLOWS, { from: null, to: null, directed: true }, 'year');
  const rows = intervalsFromPeriodSums(periods, { a: 'USA', b: 'RUS', directed: true }, 'year');
  assert.deepEqual(rows.map((r) => [r.period, r.total.events, r.directions.length]), [['2013', 4, 1]]);
});

test('intervals: no dated events, no periods; too many periods is an input error', () => {
  assert.deepEqual(periodSumsFromFlows([row(null, true, 1, 1, 2.5)], { from: null, to: null, directed: false }, 'month'), []);
  assert.throws(
    () => periodSumsFromFlows(FLOWS, { from: '1800-01-01', to: '2013-12-31', directed: false }, 'day'),
    (e: unknown) => e instanceof InputError && e.where === '--by' && e.message.includes(String(MAX_PERIODS)),
  );
});

const mirrored: ReadonlyArray<{ name: string; directed: boolean; total: number; directions: number[] }> = [
  { name: 'both directions count an act coded each way once, each direction counts it', directed: false, total: 1, directions: [1, 1] },
  { name: 'one direction counts its own event, mirror or not', directed: true, total: 1, directions: [1] },
];
for (const c of mirrored) {
  test(`intervals: ${c.name}`, () => {
    const flows = [row('2013-01-01', true, 1, 1, 2.5), row('2013-01-01', false, 1, 1, 2.5, true)].filter((r) => !c.directed || r.forward);
    const query = { a: 'USA', b: 'RUS', from: null, to: null, directed: c.directed };
    const [jan] = intervalsFromPeriodSums(periodSumsFromFlows(flows, query, 'month'), query, 'month');
    assert.equal(jan?.total.events, c.total);
    assert.equal(jan?.total.net, 2.5);
    assert.deepEqual(jan?.directions.map((d) => d.stats.events), c.directions);
  });
}
