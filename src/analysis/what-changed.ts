/**
 * What changed between two periods: per context and per type, the difference
 * in events and net intensity, each with the events that explain it.
 */
import { EMPTY_SUMS, eventsOfSums, roundTo, sumsWith } from './intervals.ts';
import type { FlowSums, PeriodSums } from './intervals.ts';
import { compareKeys, eventsOfIds, labelOfKey } from './matrix.ts';
import { periodStartOf } from './periods.ts';
import type {
  ChangeRow,
  Comparison,
  EvidenceEvent,
  Granularity,
  PeriodTotals,
  SplitCellEvidenceRow,
  SplitCellRow,
  WhatChanged,
} from './types.ts';

/** Rows kept per dimension, largest change first. */
export const DEFAULT_CHANGE_ROWS = 8;

function totalsOf(s: FlowSums): PeriodTotals {
  return { events: eventsOfSums(s), cooperation: s.quads.q1 + s.quads.q2, conflict: s.quads.q3 + s.quads.q4, net: roundTo(s.net, 6) };
}

/**
 * Where to split the dated periods when no split is given: at the strongest
 * change point if there is one, else at the period holding the median event
 * (so both sides have events); `null` when the events fill a single period.
 */
export function defaultSplitOf(periods: readonly PeriodSums[], granularity: Granularity, changePointStart: string | null): Pick<Comparison, 'split' | 'basis'> | null {
  if (changePointStart !== null) return { split: changePointStart, basis: 'change-point' };
  const total = periods.reduce((acc, p) => acc + eventsOfSums(p.total), 0);
  if (total === 0) return null;
  let seen = 0;
  let median: number | null = null;
  for (let i = 0; i < periods.length; i++) {
    seen += eventsOfSums(periods[i]?.total ?? EMPTY_SUMS);
    if (median === null && seen * 2 >= total) median = i;
  }
  if (median === null) return null;
  const firstWithEvents = periods.findIndex((p) => eventsOfSums(p.total) > 0);
  // The median period opens the later side; when it is the first period with events, the next one with events does.
  let split = median;
  if (split <= firstWithEvents) {
    split = periods.findIndex((p, i) => i > firstWithEvents && eventsOfSums(p.total) > 0);
    if (split < 0) return null;
  }
  const start = periods[split]?.start;
  return start === undefined ? null : { split: periodStartOf(start, granularity), basis: 'median' };
}

function changeRowsOf(
  dimension: 'context' | 'type',
  cells: readonly SplitCellRow[],
  evidence: readonly SplitCellEvidenceRow[],
  byId: ReadonlyMap<string, EvidenceEvent>,
  limit: number,
  perSide: number,
): ChangeRow[] {
  const sums = new Map<string | null, { before: FlowSums; after: FlowSums }>();
  for (const c of cells) {
    const entry = sums.get(c.key) ?? { before: EMPTY_SUMS, after: EMPTY_SUMS };
    if (c.after) entry.after = sumsWith(entry.after, c.quad, c.events, c.intensity);
    else entry.before = sumsWith(entry.before, c.quad, c.events, c.intensity);
    sums.set(c.key, entry);
  }
  const ids = new Map<string, readonly string[]>();
  for (const e of evidence) ids.set(`${e.after ? 'after' : 'before'}\u0000${e.side}\u0000${e.key ?? ''}`, e.ids);
  const rows: ChangeRow[] = [...sums.entries()].map(([key, s]) => {
    const before = totalsOf(s.before);
    const after = totalsOf(s.after);
    const deltaNet = roundTo(after.net - before.net, 6);
    // A rise is explained by cooperation that came and conflict that went; a fall the other way round.
    const towards = deltaNet >= 0 ? 'cooperation' : 'conflict';
    const awayFrom = deltaNet >= 0 ? 'conflict' : 'cooperation';
    const k = key ?? '';
    return {
      dimension,
      key,
      label: labelOfKey(dimension, key),
      before,
      after,
      deltaEvents: after.events - before.events,
      deltaNet,
      evidence: [
        ...eventsOfIds(ids.get(`after\u0000${towards}\u0000${k}`), byId).slice(0, perSide),
        ...eventsOfIds(ids.get(`before\u0000${awayFrom}\u0000${k}`), byId).slice(0, perSide),
      ],
    };
  });
  rows.sort((x, y) => Math.abs(y.deltaNet) - Math.abs(x.deltaNet) || Math.abs(y.deltaEvents) - Math.abs(x.deltaEvents) || compareKeys(x.key, y.key));
  return rows.filter((r) => r.deltaNet !== 0 || r.deltaEvents !== 0).slice(0, limit);
}

/** The comparison of two periods from per-(period side, key, quad) counts and ranked evidence. */
export function whatChangedFromCells(
  comparison: Comparison,
  contexts: { readonly cells: readonly SplitCellRow[]; readonly evidence: readonly SplitCellEvidenceRow[] },
  types: { readonly cells: readonly SplitCellRow[]; readonly evidence: readonly SplitCellEvidenceRow[] },
  byId: ReadonlyMap<string, EvidenceEvent>,
  options: { readonly rows?: number; readonly evidencePerSide?: number } = {},
): WhatChanged {
  const limit = options.rows ?? DEFAULT_CHANGE_ROWS;
  const perSide = options.evidencePerSide ?? 2;
  // Types partition the events (contexts may overlap), so the period totals come from them.
  let before = EMPTY_SUMS;
  let after = EMPTY_SUMS;
  for (const c of types.cells) {
    if (c.after) after = sumsWith(after, c.quad, c.events, c.intensity);
    else before = sumsWith(before, c.quad, c.events, c.intensity);
  }
  return {
    comparison,
    before: totalsOf(before),
    after: totalsOf(after),
    contexts: changeRowsOf('context', contexts.cells, contexts.evidence, byId, limit, perSide),
    types: changeRowsOf('type', types.cells, types.evidence, byId, limit, perSide),
  };
}
