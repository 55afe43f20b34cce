/**
 * The dashboard's views of a dyad, each from the fewest passes over the
 * ledger it needs: the overview from the per-period flows (plus the evidence
 * windows of its change points), the matrix from one breakdown, third parties
 * from theirs. The same analysis functions as `detente report`, without
 * computing the whole report for every view.
 */
import { changePointsFromPeriodSums, changePointWithEvidence, defaultChangePointOptions } from '../analysis/change-points.ts';
import { intervalsFromPeriodSums, periodSumsFromFlows } from '../analysis/intervals.ts';
import { DEFAULT_CONTRADICTION_RULE, matrixSectionFromCells } from '../analysis/matrix.ts';
import { DEFAULT_INDEX_OPTIONS, indexFromPeriodSums, trendOfIndex } from '../analysis/relationship-index.ts';
import { dyadSummaryFromFlows } from '../analysis/summary.ts';
import { DEFAULT_THIRD_PARTIES, thirdPartiesFromRows } from '../analysis/third-parties.ts';
import type { DyadQuery, EvidenceEvent, EvidenceWindow, Granularity, MatrixSection } from '../analysis/types.ts';
import { dyadBreakdown, dyadFlows, evidenceEventsByRefs, thirdPartyRows } from '../store/dyad-queries.ts';
import { dyadAssessmentCells } from '../store/assessments.ts';
import type { Store } from '../store/index.ts';
import { matrixOfSection, overviewOfReport, thirdPartiesOfReport } from './analysis-views.ts';
import type { MatrixAxis, MatrixResponse, OverviewResponse, ThirdPartiesResponse } from './api-types.ts';

/** Strongest events fetched per change point side, for its note. */
const DRIVERS = 3;

/** Index, quads and change points of a dyad per `granularity`. */
export async function overviewFromStore(store: Store, query: DyadQuery, granularity: Granularity, documents: number): Promise<OverviewResponse> {
  const flows = await dyadFlows(store, query, granularity);
  const periods = periodSumsFromFlows(flows.flows, query, granularity);
  const points = indexFromPeriodSums(periods, granularity, DEFAULT_INDEX_OPTIONS);
  const cpOptions = defaultChangePointOptions(granularity);
  const candidates = changePointsFromPeriodSums(periods, granularity, cpOptions);
  const windows: EvidenceWindow[] = candidates.map((c, i) => ({ id: String(i), from: c.start, until: c.afterUntil, side: c.direction === 'warmer' ? 'cooperation' : 'conflict' }));
  let drivers = new Map<string, readonly EvidenceEvent[]>();
  if (windows.length > 0) {
    const breakdown = await dyadBreakdown(store, query, { matrix: [], split: null, windows: { granularity, windows }, theaters: false, k: DRIVERS });
    const byId = await evidenceEventsByRefs(store, query, breakdown.windows.flatMap((w) => w.ids));
    drivers = new Map(breakdown.windows.map((w) => [w.id, w.ids.flatMap((id) => byId.get(id) ?? [])]));
  }
  return overviewOfReport(
    {
      query,
      granularity,
      summary: dyadSummaryFromFlows(query, flows.flows, flows.origins, { first: flows.first, last: flows.last }, points),
      intervals: intervalsFromPeriodSums(periods, query, granularity),
      index: { options: DEFAULT_INDEX_OPTIONS, points, trend: trendOfIndex(points, 2 * cpOptions.window) },
      changePoints: { options: cpOptions, points: candidates.map((c, i) => changePointWithEvidence(c, drivers.get(String(i)) ?? [], [])) },
    },
    documents,
  );
}

/** Sentences of each valence quoted per matrix row. */
const ASSESSMENT_QUOTES = 3;

/** The contradictions matrix of a dyad, by context or by theater, with what the texts say of each row. */
export async function matrixFromStore(store: Store, query: DyadQuery, axis: MatrixAxis): Promise<MatrixResponse> {
  // The dashboard's matrix opens events through the events table, so no evidence events are fetched here.
  const breakdown = await dyadBreakdown(store, query, { matrix: [axis], split: null, windows: null, theaters: false, k: 1 });
  const cells = breakdown.matrix.get(axis) ?? { cells: [], evidence: [] };
  const assessed = await dyadAssessmentCells(store, query, axis, ASSESSMENT_QUOTES);
  const section: MatrixSection = matrixSectionFromCells(axis, cells.cells, [], new Map(), DEFAULT_CONTRADICTION_RULE, assessed);
  return matrixOfSection(`${query.a}-${query.b}`, axis, section);
}

/** Who else appears around a dyad, with the issues of their strongest events. */
export async function thirdPartiesFromStore(store: Store, query: DyadQuery): Promise<ThirdPartiesResponse> {
  const flows = await dyadFlows(store, query, 'year');
  const theaters = (await dyadBreakdown(store, query, { matrix: [], split: null, windows: null, theaters: true, k: 1 })).theaters;
  const members = await thirdPartyRows(store, query, flows.docs, 1);
  const evidence = [...theaters.evidence, ...members.evidence];
  const byId = await evidenceEventsByRefs(store, query, evidence.flatMap((e) => e.ids));
  const parties = thirdPartiesFromRows([...theaters.rows, ...members.rows], evidence, byId, { limit: DEFAULT_THIRD_PARTIES });
  return thirdPartiesOfReport(`${query.a}-${query.b}`, parties);
}
