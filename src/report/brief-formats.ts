/** The `html` and `pdf` formats of `detente report`: the policy brief, and the brief printed. */
import type { DyadReport } from '../analysis/types.ts';
import { seriesForDyad } from '../store/figures-queries.ts';
import type { FigureSeries } from '../figures/types.ts';
import { documentsOfDyad } from '../store/dashboard-queries.ts';
import { dyadOf, type Store } from '../store/index.ts';
import { htmlBriefOf, type BriefSource } from './html-brief.ts';
import { pdfFromHtml } from './pdf.ts';

/** What the brief needs besides the report: the documents it cites and their figures. */
export interface BriefExtras {
  readonly sources: readonly BriefSource[];
  readonly figures: readonly FigureSeries[];
  /** ISO date printed as the brief's date. */
  readonly generated: string;
}

const MAX_FIGURES = 10;

/** A figure series belongs in a dyad's brief when it is a time series about the two, or from a table. */
function aboutDyad(s: FigureSeries, a: string, b: string): boolean {
  if (s.points.length < 2) return false;
  const ends = [s.from, s.to].filter((x): x is string => x != null);
  return ends.length === 0 ? s.origin === 'table' : ends.every((x) => x === a || x === b);
}

/** Reads the dyad's documents and the series stored with them. */
export async function briefExtrasFromStore(store: Store, report: DyadReport, generated: string = new Date().toISOString().slice(0, 10)): Promise<BriefExtras> {
  const { a, b } = report.query;
  const sources = await documentsOfDyad(store, dyadOf(a, b));
  const figures = (await seriesForDyad(store, a, b)).filter((s) => aboutDyad(s, a, b));
  return { sources, figures: figures.slice(0, MAX_FIGURES), generated };
}

const NO_EXTRAS: BriefExtras = { sources: [], figures: [], generated: new Date().toISOString().slice(0, 10) };

/** The self-contained HTML brief. */
export function htmlBriefOfReport(report: DyadReport, extras: BriefExtras | undefined): string {
  return htmlBriefOf({ report, ...(extras ?? NO_EXTRAS) });
}

/** The brief as PDF (needs Chromium). */
export async function pdfBriefOfReport(report: DyadReport, extras: BriefExtras | undefined): Promise<Uint8Array> {
  return pdfFromHtml(htmlBriefOfReport(report, extras));
}
