import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, daysBetween, nextPeriodStart, periodEndOf, periodLabelOf, periodStartOf, periodStartsBetween } from '../../src/analysis/periods.ts';
import type { Granularity } from '../../src/analysis/types.ts';

const cases: ReadonlyArray<{ day: string; by: Granularity; start: string; next: string; end: string; label: string }> = [
  { day: '2013-07-15', by: 'day', start: '2013-07-15', next: '2013-07-16', end: '2013-07-15', label: '2013-07-15' },
  // 2013-07-15 is a Monday; 2013-07-21 the Sunday of the same ISO week.
  { day: '2013-07-21', by: 'week', start: '2013-07-15', next: '2013-07-22', end: '2013-07-21', label: '2013-W29' },
  // 2013-01-01 is a Tuesday: its week starts in 2012 but is week 1 of 2013.
  { day: '2013-01-01', by: 'week', start: '2012-12-31', next: '2013-01-07', end: '2013-01-06', label: '2013-W01' },
  // 2010-01-03 is a Sunday in week 53 of 2009.
  { day: '2010-01-03', by: 'week', start: '2009-12-28', next: '2010-01-04', end: '2010-01-03', label: '2009-W53' },
  { day: '2012-02-29', by: 'month', start: '2012-02-01', next: '2012-03-01', end: '2012-02-29', label: '2012-02' },
  { day: '2013-12-31', by: 'month', start: '2013-12-01', next: '2014-01-01', end: '2013-12-31', label: '2013-12' },
  { day: '2013-05-20', by: 'quarter', start: '2013-04-01', next: '2013-07-01', end: '2013-06-30', label: '2013-Q2' },
  { day: '2013-11-02', by: 'quarter', start: '2013-10-01', next: '2014-01-01', end: '2013-12-31', label: '2013-Q4' },
  { day: '1803-10-28', by: 'year', start: '1803-01-01', next: '1804-01-01', end: '1803-12-31', label: '1803' },
];

for (const c of cases) {
  test(`periods: ${c.day} by ${c.by}`, () => {
    assert.equal(periodStartOf(c.day, c.by), c.start);
    assert.equal(nextPeriodStart(c.start, c.by), c.next);
    assert.equal(periodEndOf(c.start, c.by), c.end);
    assert.equal(periodLabelOf(c.start, c.by), c.label);
  });
}

test('periods: day arithmetic across a leap day', () => {
  assert.equal(addDays('2012-02-28', 1), '2012-02-29');
  assert.equal(addDays('2012-03-01', -1), '2012-02-29');
  assert.equal(daysBetween('2013-01-01', '2014-01-01'), 365);
  assert.equal(daysBetween('2012-01-01', '2013-01-01'), 366);
});

test('periods: every start between two days, bounded', () => {
  assert.deepEqual(periodStartsBetween('2013-01-20', '2013-04-02', 'month', 100), ['2013-01-01', '2013-02-01', '2013-03-01', '2013-04-01']);
  assert.deepEqual(periodStartsBetween('2013-05-05', '2013-05-05', 'quarter', 100), ['2013-04-01']);
  assert.throws(() => periodStartsBetween('2013-01-01', '2013-12-31', 'day', 100), RangeError);
  assert.throws(() => periodStartOf('2013-7-1', 'day'), RangeError);
});
