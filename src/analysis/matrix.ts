/**
 * The contradictions matrix: for each context (theater, type, document) of a
 * dyad, how much cooperation and how much conflict, and a verdict on the row
 * with its strongest evidence on each side (rule in docs/analysis.md).
 */
import { EMPTY_SUMS, flowStatsOfSums, sumsWith } from './intervals.ts';
import type { FlowSums } from './intervals.ts';
import type { CellEvidenceRow, CellRow, ContradictionRule, EvidenceEvent, Grouping, MatrixCell, MatrixSection, Verdict } from './types.ts';

export const DEFAULT_CONTRADICTION_RULE: ContradictionRule = { minShare: 0.25, minSideEvents: 2, minEvents: 2 };

/**
 * `contradictory` when both sides reach `minShare` of the row's events and
 * `minSideEvents` each; otherwise the larger side names the row; `thin` below
 * `minEvents` or on a tie.
 */
export function verdictOf(cooperation: number, conflict: number, rule: ContradictionRule): Verdict {
  const n = cooperation + conflict;
  if (n === 0 || n < rule.minEvents) return 'thin';
  const substantial = (side: number): boolean => side >= rule.minSideEvents && side / n >= rule.minShare;
  if (substantial(cooperation) && substantial(conflict)) return 'contradictory';
  if (cooperation > conflict) return 'cooperative';
  if (conflict > cooperation) return 'conflictual';
  return 'thin';
}

const NONE_LABELS: Readonly<Record<Grouping, string>> = {
  context: '(no context)',
  theater: '(the dyad itself)',
  type: '(no type)',
  source: '(no document)',
};

/** How a row is named in a report: contexts with spaces (`human rights`), the rest as stored. */
export function labelOfKey(dimension: Grouping, key: string | null): string {
  if (key === null || key === '') return NONE_LABELS[dimension];
  return dimension === 'context' ? key.replaceAll('_', ' ') : key;
}

/** Events of `ids` found in `byId`, in the order of `ids`. */
export function eventsOfIds(ids: readonly string[] | undefined, byId: ReadonlyMap<string, EvidenceEvent>): EvidenceEvent[] {
  return (ids ?? []).flatMap((id) => {
    const e = byId.get(id);
    return e ? [e] : [];
  });
}

/** A matrix section from per-cell counts and the ranked evidence ids of each cell's sides. */
export function matrixSectionFromCells(
  dimension: Grouping,
  cells: readonly CellRow[],
  evidence: readonly CellEvidenceRow[],
  byId: ReadonlyMap<string, EvidenceEvent>,
  rule: ContradictionRule = DEFAULT_CONTRADICTION_RULE,
): MatrixSection {
  const sums = new Map<string | null, FlowSums>();
  for (const c of cells) sums.set(c.key, sumsWith(sums.get(c.key) ?? EMPTY_SUMS, c.quad, c.events, c.intensity));
  const ids = new Map<string, readonly string[]>();
  for (const e of evidence) ids.set(`${e.side}\u0000${e.key ?? ''}`, e.ids);
  const rows: MatrixCell[] = [...sums.entries()].map(([key, s]) => {
    const stats = flowStatsOfSums(s);
    return {
      key,
      label: labelOfKey(dimension, key),
      stats,
      verdict: verdictOf(stats.cooperation, stats.conflict, rule),
      evidence: {
        cooperation: eventsOfIds(ids.get(`cooperation\u0000${key ?? ''}`), byId),
        conflict: eventsOfIds(ids.get(`conflict\u0000${key ?? ''}`), byId),
      },
    };
  });
  rows.sort((x, y) => y.stats.events - x.stats.events || compareKeys(x.key, y.key));
  return { dimension, rows };
}

/** Keys in order, `null` (no context, no theater) last. */
export function compareKeys(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}
