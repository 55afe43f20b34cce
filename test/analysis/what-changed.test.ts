import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EMPTY_SUMS, sumsWith } from '../../src/analysis/intervals.ts';
import type { PeriodSums } from '../../src/analysis/intervals.ts';
import { defaultSplitOf, whatChangedFromCells } from '../../src/analysis/what-changed.ts';
import type { EvidenceEvent, SplitCellRow } from '../../src/analysis/types.ts';

function period(start: string, events: number): PeriodSums {
  const total = events === 0 ? EMPTY_SUMS : sumsWith(EMPTY_SUMS, 1, events, 2.5 * events);
  return { start, total, forward: total, backward: EMPTY_SUMS };
}

const splits: ReadonlyArray<{ name: string; counts: number[]; cp: string | null; want: { split: string; basis: string } | null }> = [
  { name: 'a change point wins', counts: [1, 1, 1], cp: '2013-02-01', want: { split: '2013-02-01', basis: 'change-point' } },
  { name: 'the median event opens the later side', counts: [1, 1, 5, 1], cp: null, want: { split: '2013-03-01', basis: 'median' } },
  { name: 'a heavy first period moves the split to the next with events', counts: [9, 0, 1], cp: null, want: { split: '2013-03-01', basis: 'median' } },
  { name: 'one period with events: nothing to compare', counts: [0, 4, 0], cp: null, want: null },
  { name: 'no events', counts: [0, 0], cp: null, want: null },
];
for (const c of splits) {
  test(`what changed: split when ${c.name}`, () => {
    const periods = c.counts.map((n, i) => period(`2013-0${i + 1}-01`, n));
    assert.deepEqual(defaultSplitOf(periods, 'month', c.cp), c.want);
  });
}

function ev(id: string, intensity: number): EvidenceEvent {
  return {
    id,
    origin: 'coded',
    doc: null,
    docId: null,
    date: null,
    day: null,
    source: 'USA',
    sourceText: null,
    target: 'RUS',
    targetText: null,
    type: intensity >= 0 ? 'AGREE' : 'SANCTION',
    quad: intensity >= 0 ? 1 : 4,
    intensity,
    negated: false,
    modality: 'asserted',
    contexts: [],
    theater: null,
    sentence: null,
    sentenceIndex: null,
    rule: 'test',
    url: null,
  };
}

test('what changed: deltas per key, largest |Δ net| first, explained by the sides it moved between', () => {
  const cell = (after: boolean, key: string | null, quad: 1 | 2 | 3 | 4, events: number, intensity: number): SplitCellRow => ({ after, key, quad, events, intensity });
  const contexts = {
    cells: [
      cell(false, 'human_rights', 1, 2, 5),
      cell(true, 'human_rights', 4, 3, -18),
      cell(false, 'terrorism', 2, 1, 9.5),
      cell(true, 'terrorism', 2, 2, 19),
      cell(false, 'economic', 1, 1, 2.5),
      cell(true, 'economic', 1, 1, 2.5),
    ],
    evidence: [
      { after: true, key: 'human_rights', side: 'conflict' as const, ids: ['s1', 's2', 's3'] },
      { after: false, key: 'human_rights', side: 'cooperation' as const, ids: ['a1'] },
      { after: true, key: 'terrorism', side: 'cooperation' as const, ids: ['c1'] },
    ],
  };
  const types = { cells: [cell(false, 'AGREE', 1, 3, 7.5), cell(false, 'COOPERATE', 2, 1, 9.5), cell(true, 'SANCTION', 4, 3, -18), cell(true, 'COOPERATE', 2, 2, 19), cell(true, 'AGREE', 1, 1, 2.5)], evidence: [] };
  const byId = new Map(['s1', 's2', 's3', 'a1', 'c1'].map((id) => [id, ev(id, id.startsWith('s') ? -6 : 2.5)]));
  const w = whatChangedFromCells({ from: '2013-01-01', split: '2013-07-01', to: '2013-12-31', basis: 'given' }, contexts, types, byId);
  assert.deepEqual(w.before, { events: 4, cooperation: 4, conflict: 0, net: 17 });
  assert.deepEqual(w.after, { events: 6, cooperation: 3, conflict: 3, net: 3.5 });
  assert.deepEqual(
    w.contexts.map((r) => [r.key, r.before.events, r.after.events, r.deltaEvents, r.deltaNet]),
    [
      ['human_rights', 2, 3, 1, -23],
      ['terrorism', 1, 2, 1, 9.5],
    ],
  );
  assert.deepEqual(w.contexts[0]?.evidence.map((e) => e.id), ['s1', 's2', 'a1']);
  assert.deepEqual(w.contexts[1]?.evidence.map((e) => e.id), ['c1']);
  assert.deepEqual(w.types.map((r) => [r.key, r.deltaNet]), [['SANCTION', -18], ['COOPERATE', 9.5], ['AGREE', -5]]);
});
