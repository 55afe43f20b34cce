import { directionsOf, EMPTY_SUMS, eventsOfSums, flowStatsOfSums, sumsWith } from './intervals.ts';
import type { FlowSums } from './intervals.ts';
import type { DyadQuery, DyadSummary, IndexPoint, OriginCountRow, PeriodFlowRow } from './types.ts';

/** The headline numbers of a dyad: totals per quad and direction, first and last day, origins, and the latest index. */
export function dyadSummaryFromFlows(
  query: Pick<DyadQuery, 'a' | 'b' | 'directed'>,
  flows: readonly PeriodFlowRow[],
  origins: readonly OriginCountRow[],
  span: { readonly first: string | null; readonly last: string | null },
  index: readonly IndexPoint[],
): DyadSummary {
  let total: FlowSums = EMPTY_SUMS;
  let forward: FlowSums = EMPTY_SUMS;
  let backward: FlowSums = EMPTY_SUMS;
  let undated = 0;
  for (const row of flows) {
    if (row.mirror && !query.directed) {
      // The other direction of an act already counted: it shows in its direction only.
      if (row.forward) forward = sumsWith(forward, row.quad, row.events, row.intensity);
      else backward = sumsWith(backward, row.quad, row.events, row.intensity);
      continue;
    }
    total = sumsWith(total, row.quad, row.events, row.intensity);
    if (row.forward) forward = sumsWith(forward, row.quad, row.events, row.intensity);
    else backward = sumsWith(backward, row.quad, row.events, row.intensity);
    if (row.period === null) undated += row.events;
  }
  const latest = index[index.length - 1];
  return {
    a: query.a,
    b: query.b,
    directed: query.directed,
    first: span.first,
    last: span.last,
    total: flowStatsOfSums(total),
    directions: directionsOf(query, forward, backward),
    dated: eventsOfSums(total) - undated,
    undated,
    origins: [...origins].sort((x, y) => y.events - x.events || (x.origin < y.origin ? -1 : 1)),
    index: latest ? { period: latest.period, value: latest.value, band: latest.band } : null,
  };
}
