/**
 * The contradictions matrix: for each context (theater, type, document) of a
 * dyad, how much cooperation and how much conflict, and a verdict on the row
 * with its strongest evidence on each side (rule in docs/analysis.md).
 */
import { EMPTY_SUMS, flowStatsOfSums, sumsWith } from './intervals.ts';
import type { FlowSums } from './intervals.ts';
import type { AssessmentCellRow, CellEvidenceRow, CellRow, ContradictionRule, EvidenceEvent, Grouping, MatrixCell, MatrixSection, RowAssessments, Verdict, VerdictBasis } from './types.ts';

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

/**
 * A row's verdict: from its events ({@link verdictOf}); where those are thin
 * (too few, or evenly split), from the text's own assessments when they lean
 * one way (discord → conflictual, accord → cooperative). Assessments never
 * overrule events that can be called.
 */
export function rowVerdictOf(cooperation: number, conflict: number, assessed: Pick<RowAssessments, 'discord' | 'accord'>, rule: ContradictionRule): { readonly verdict: Verdict; readonly basis: VerdictBasis } {
  const verdict = verdictOf(cooperation, conflict, rule);
  if (verdict !== 'thin' || assessed.discord === assessed.accord) return { verdict, basis: 'events' };
  return { verdict: assessed.discord > assessed.accord ? 'conflictual' : 'cooperative', basis: 'assessments' };
}

const NO_ASSESSMENTS: RowAssessments = { discord: 0, accord: 0, evidence: { discord: [], accord: [] } };

/** Assessment rows of one dimension by row key. */
export function rowAssessmentsFromCells(rows: readonly AssessmentCellRow[]): Map<string | null, RowAssessments> {
  const out = new Map<string | null, RowAssessments>();
  for (const r of rows) {
    const x = out.get(r.key) ?? NO_ASSESSMENTS;
    out.set(r.key, {
      discord: x.discord + (r.valence === 'discord' ? r.count : 0),
      accord: x.accord + (r.valence === 'accord' ? r.count : 0),
      evidence: {
        discord: r.valence === 'discord' ? [...x.evidence.discord, ...r.evidence] : x.evidence.discord,
        accord: r.valence === 'accord' ? [...x.evidence.accord, ...r.evidence] : x.evidence.accord,
      },
    });
  }
  return out;
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

/**
 * A matrix section from per-cell counts, the ranked evidence ids of each
 * cell's sides and, for contexts and theaters, the text's assessments (a row
 * with assessments and no events is a row too).
 */
export function matrixSectionFromCells(
  dimension: Grouping,
  cells: readonly CellRow[],
  evidence: readonly CellEvidenceRow[],
  byId: ReadonlyMap<string, EvidenceEvent>,
  rule: ContradictionRule = DEFAULT_CONTRADICTION_RULE,
  assessments: readonly AssessmentCellRow[] = [],
): MatrixSection {
  const sums = new Map<string | null, FlowSums>();
  for (const c of cells) sums.set(c.key, sumsWith(sums.get(c.key) ?? EMPTY_SUMS, c.quad, c.events, c.intensity));
  const assessed = rowAssessmentsFromCells(assessments);
  for (const key of assessed.keys()) if (!sums.has(key)) sums.set(key, EMPTY_SUMS);
  const ids = new Map<string, readonly string[]>();
  for (const e of evidence) ids.set(`${e.side}\u0000${e.key ?? ''}`, e.ids);
  const rows: MatrixCell[] = [...sums.entries()].map(([key, s]) => {
    const stats = flowStatsOfSums(s);
    const own = assessed.get(key) ?? NO_ASSESSMENTS;
    return {
      key,
      label: labelOfKey(dimension, key),
      stats,
      ...rowVerdictOf(stats.cooperation, stats.conflict, own, rule),
      evidence: {
        cooperation: eventsOfIds(ids.get(`cooperation\u0000${key ?? ''}`), byId),
        conflict: eventsOfIds(ids.get(`conflict\u0000${key ?? ''}`), byId),
      },
      assessments: own,
    };
  });
  rows.sort((x, y) => y.stats.events - x.stats.events || y.assessments.discord + y.assessments.accord - (x.assessments.discord + x.assessments.accord) || compareKeys(x.key, y.key));
  return { dimension, rows };
}

/** Keys in order, `null` (no context, no theater) last. */
export function compareKeys(x: string | null, y: string | null): number {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -1 : 1;
}
