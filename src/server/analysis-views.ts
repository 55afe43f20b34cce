import { INDEX_BANDS } from '../analysis/types.ts';
import type { ChangePoint, DyadReport, EvidenceEvent, MatrixSection, ThirdParty } from '../analysis/types.ts';
import type {
  ChangePointView,
  Interval,
  MatrixAxis,
  MatrixResponse,
  OverviewResponse,
  ThirdPartiesResponse,
  ThirdPartyView,
} from './api-types.ts';

/** Contexts of some events, most frequent first (ties by name). */
export function contextCountsOf(events: readonly EvidenceEvent[], limit = 4): { context: string; events: number }[] {
  const counts = new Map<string, number>();
  for (const e of events) for (const c of e.contexts) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()]
    .map(([context, n]) => ({ context, events: n }))
    .sort((x, y) => y.events - x.events || x.context.localeCompare(y.context))
    .slice(0, limit);
}

function changePointView(c: ChangePoint): ChangePointView {
  const drivers = contextCountsOf(c.drivers, 3);
  return {
    period: c.period,
    before: c.before.mean,
    after: c.after.mean,
    direction: c.direction,
    note: drivers.length > 0 ? `driven by ${drivers.map((d) => d.context.replaceAll('_', ' ')).join(', ')}` : null,
  };
}

/** The overview of a dyad (index, quads, change points) from its analysis. */
export function overviewOfReport(report: Pick<DyadReport, 'query' | 'granularity' | 'summary' | 'intervals' | 'index' | 'changePoints'>, documents: number): OverviewResponse {
  const { a, b } = report.query;
  return {
    dyad: `${a}-${b}`,
    interval: report.granularity as Interval,
    totals: {
      events: report.summary.total.events,
      cooperation: report.summary.total.cooperation,
      conflict: report.summary.total.conflict,
      documents,
    },
    bands: INDEX_BANDS.map((band) => ({ name: band.name, min: band.min, max: band.max })),
    index: report.index.points.map((p) => ({ period: p.period, value: p.value, band: p.band, events: p.events })),
    quads: report.intervals.map((i) => ({ period: i.period, ...i.total.quads })),
    changePoints: report.changePoints.points.map(changePointView),
  };
}

/** The matrix of the dashboard from an analysis section. */
export function matrixOfSection(dyad: string, axis: MatrixAxis, section: MatrixSection): MatrixResponse {
  return {
    dyad,
    axis,
    rows: section.rows.map((row) => ({
      key: row.key ?? '',
      label: row.label,
      cooperation: { events: row.stats.cooperation },
      conflict: { events: row.stats.conflict },
      net: row.stats.mean ?? 0,
      verdict: row.verdict,
      basis: row.basis,
      assessments: {
        discord: row.assessments.discord,
        accord: row.assessments.accord,
        quotes: (['discord', 'accord'] as const).flatMap((valence) =>
          row.assessments.evidence[valence].map((x) => ({ valence, cue: x.cue, sentence: x.sentence, doc: x.doc, docId: x.docId, sentenceIndex: x.sentenceIndex, date: x.date })),
        ),
      },
    })),
  };
}

function thirdPartyView(p: ThirdParty): ThirdPartyView {
  const role = (r: ThirdParty['withA']) => ({ events: r.events, cooperation: r.cooperation, conflict: r.conflict });
  return {
    actor: p.actor,
    events: p.events,
    withA: role(p.withA),
    withB: role(p.withB),
    asTheater: role(p.asTheater),
    alignment: p.alignment,
    contexts: contextCountsOf(p.evidence),
    types: p.types.slice(0, 4).map((t) => ({ type: t.type, events: t.events })),
  };
}

/** Third parties of a dyad from its analysis. */
export function thirdPartiesOfReport(dyad: string, parties: readonly ThirdParty[]): ThirdPartiesResponse {
  return { dyad, parties: parties.map(thirdPartyView) };
}
