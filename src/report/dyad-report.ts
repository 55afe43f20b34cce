/**
 * Builds a {@link DyadReport} from the ledger: runs the dyad queries (all the
 * aggregation happens in DuckDB), then the pure analysis functions on their
 * small results, then fetches the cited events in one query.
 */
import { InputError } from '../errors.ts';
import { changePointsFromPeriodSums, changePointWithEvidence, defaultChangePointOptions } from '../analysis/change-points.ts';
import { intervalsFromPeriodSums, periodSumsFromFlows } from '../analysis/intervals.ts';
import { DEFAULT_CONTRADICTION_RULE, matrixSectionFromCells } from '../analysis/matrix.ts';
import { periodEndOf } from '../analysis/periods.ts';
import { DEFAULT_INDEX_OPTIONS, indexFromPeriodSums, trendOfIndex } from '../analysis/relationship-index.ts';
import { dyadSummaryFromFlows } from '../analysis/summary.ts';
import { DEFAULT_THIRD_PARTIES, thirdPartiesFromRows } from '../analysis/third-parties.ts';
import { defaultSplitOf, whatChangedFromCells } from '../analysis/what-changed.ts';
import type {
  AssessmentCellRow,
  ChangePointOptions,
  Comparison,
  ContradictionRule,
  DyadQuery,
  DyadReport,
  EvidenceEvent,
  EvidenceWindow,
  Granularity,
  Grouping,
  IndexOptions,
} from '../analysis/types.ts';
import type { Store } from '../store/connection.ts';
import { dyadBreakdown, dyadFlows, evidenceEventsByRefs, thirdPartyRows } from '../store/dyad-queries.ts';
import { dyadAssessmentCells } from '../store/assessments.ts';

/** How to analyse; every field has a default. */
export interface DyadReportOptions {
  readonly granularity?: Granularity;
  readonly grouping?: Grouping;
  /** Evidence events cited per side of each matrix row (default 3). */
  readonly evidence?: number;
  /** First day of the later period for "what changed" (`YYYY-MM-DD`); by default the strongest change point, else the median event. */
  readonly split?: string | null;
  readonly index?: Partial<IndexOptions>;
  readonly changePoints?: Partial<ChangePointOptions>;
  readonly rule?: Partial<ContradictionRule>;
  readonly thirdParties?: number;
}

/** The full report on one dyad, from one snapshot of the ledger. */
export async function dyadReportFromStore(store: Store, query: DyadQuery, options: DyadReportOptions = {}): Promise<DyadReport> {
  // One transaction: every section sees the same events, and the row numbers the rankings cite stay valid.
  return store.transaction(() => reportOf(store, query, options));
}

// The text's assessments exist for the rows of contexts and theaters only.
async function assessmentsOf(store: Store, query: DyadQuery, dimension: Grouping, k: number): Promise<AssessmentCellRow[]> {
  return dimension === 'context' || dimension === 'theater' ? dyadAssessmentCells(store, query, dimension, k) : [];
}

async function reportOf(store: Store, query: DyadQuery, options: DyadReportOptions): Promise<DyadReport> {
  const granularity = options.granularity ?? 'month';
  const grouping = options.grouping ?? 'context';
  const k = options.evidence ?? 3;
  const indexOptions: IndexOptions = { ...DEFAULT_INDEX_OPTIONS, ...options.index };
  const cpOptions: ChangePointOptions = { ...defaultChangePointOptions(granularity), ...options.changePoints };
  const rule: ContradictionRule = { ...DEFAULT_CONTRADICTION_RULE, ...options.rule };

  const flows = await dyadFlows(store, query, granularity);
  const periods = periodSumsFromFlows(flows.flows, query, granularity);
  const intervals = intervalsFromPeriodSums(periods, query, granularity);
  const indexPoints = indexFromPeriodSums(periods, granularity, indexOptions);
  const candidates = changePointsFromPeriodSums(periods, granularity, cpOptions);

  const comparison = comparisonOf(options.split ?? null, periods, granularity, candidates);
  const windows: EvidenceWindow[] = candidates.flatMap((c, i) => {
    const towards = c.direction === 'warmer' ? 'cooperation' : 'conflict';
    const awayFrom = c.direction === 'warmer' ? 'conflict' : 'cooperation';
    return [
      { id: `${i}:drivers`, from: c.start, until: c.afterUntil, side: towards },
      { id: `${i}:faded`, from: c.beforeFrom, until: c.start, side: awayFrom },
    ];
  });
  const breakdown = await dyadBreakdown(store, query, {
    matrix: grouping === 'theater' ? ['theater'] : [grouping, 'theater'],
    split: comparison ? { range: comparison, dimensions: ['context', 'type'] } : null,
    windows: { granularity, windows },
    theaters: true,
    k,
  });
  const none = { cells: [], evidence: [] };
  const primary = breakdown.matrix.get(grouping) ?? none;
  const theater = grouping === 'theater' ? null : (breakdown.matrix.get('theater') ?? none);
  const splitContexts = comparison ? (breakdown.split.get('context') ?? none) : null;
  const splitTypes = comparison ? (breakdown.split.get('type') ?? none) : null;
  const windowRows = breakdown.windows;
  const members = await thirdPartyRows(store, query, flows.docs, 1);
  const third = { rows: [...breakdown.theaters.rows, ...members.rows], evidence: [...breakdown.theaters.evidence, ...members.evidence] };

  const ids = [
    ...primary.evidence.flatMap((e) => e.ids),
    ...(theater?.evidence ?? []).flatMap((e) => e.ids),
    ...(splitContexts?.evidence ?? []).flatMap((e) => e.ids),
    ...(splitTypes?.evidence ?? []).flatMap((e) => e.ids),
    ...windowRows.flatMap((w) => w.ids),
    ...third.evidence.flatMap((e) => e.ids),
  ];
  const byId = await evidenceEventsByRefs(store, query, ids);
  const windowIds = new Map(windowRows.map((w) => [w.id, w.ids]));
  const cited = (id: string): EvidenceEvent[] => (windowIds.get(id) ?? []).flatMap((x) => byId.get(x) ?? []);

  return {
    query,
    granularity,
    grouping,
    summary: dyadSummaryFromFlows(query, flows.flows, flows.origins, { first: flows.first, last: flows.last }, indexPoints),
    intervals,
    index: { options: indexOptions, points: indexPoints, trend: trendOfIndex(indexPoints, 2 * cpOptions.window) },
    changePoints: { options: cpOptions, points: candidates.map((c, i) => changePointWithEvidence(c, cited(`${i}:drivers`), cited(`${i}:faded`))) },
    whatChanged:
      comparison && splitContexts && splitTypes
        ? whatChangedFromCells(comparison, splitContexts, splitTypes, byId, { evidencePerSide: Math.min(k, 2) })
        : null,
    matrix: {
      rule,
      primary: matrixSectionFromCells(grouping, primary.cells, primary.evidence, byId, rule, await assessmentsOf(store, query, grouping, k)),
      theater: theater ? matrixSectionFromCells('theater', theater.cells, theater.evidence, byId, rule, await assessmentsOf(store, query, 'theater', k)) : null,
    },
    thirdParties: thirdPartiesFromRows(third.rows, third.evidence, byId, { limit: options.thirdParties ?? DEFAULT_THIRD_PARTIES }),
  };
}

/** The two periods "what changed" compares, or `null` when the dated events do not span two. */
function comparisonOf(
  split: string | null,
  periods: ReturnType<typeof periodSumsFromFlows>,
  granularity: Granularity,
  candidates: ReturnType<typeof changePointsFromPeriodSums>,
): Comparison | null {
  const first = periods[0];
  const last = periods[periods.length - 1];
  if (!first || !last) return null;
  const from = first.start;
  const to = periodEndOf(last.start, granularity);
  if (split !== null) {
    if (split <= from || split > to) throw new InputError('--split', `${split} is not inside ${from}…${to}; give a day after the first and no later than the last`);
    return { from, split, to, basis: 'given' };
  }
  const strongest = [...candidates].sort((x, y) => Math.abs(y.t) - Math.abs(x.t))[0];
  const chosen = defaultSplitOf(periods, granularity, strongest?.start ?? null);
  return chosen ? { from, to, ...chosen } : null;
}
