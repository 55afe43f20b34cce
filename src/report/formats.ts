/**
 * The output formats of `detente report`. To add one, add a line to
 * {@link REPORT_FORMATS}; the CLI offers every key as a `--format` value.
 */
import type { DyadReport } from '../analysis/types.ts';
import type { Store } from '../store/index.ts';
import { briefExtrasFromStore, htmlBriefOfReport, pdfBriefOfReport } from './brief-formats.ts';
import type { BriefExtras } from './brief-formats.ts';
import { csvFromDyadReport } from './csv.ts';
import type { CsvTable } from './csv.ts';
import { jsonFromDyadReport } from './json.ts';
import { markdownFromDyadReport } from './markdown.ts';
import { dyadFiguresFromStore, markdownFromFigures } from './figures-section.ts';
import type { DyadFigures } from './figures-section.ts';

/** What a renderer may be told besides the report. */
export interface RenderOptions {
  /** Which table, for tabular formats. */
  readonly table?: CsvTable;
  /** Cited documents and figures, for the briefs (see `extras`). */
  readonly brief?: BriefExtras;
  /** The dyad's stored series and where sources disagree. */
  readonly figures?: DyadFigures;
}

const withFigures = async (store: Store, r: DyadReport): Promise<Partial<RenderOptions>> => ({ figures: await dyadFiguresFromStore(store, r.query.a, r.query.b) });

export interface ReportFormat {
  readonly description: string;
  /** Text (written as UTF-8) or bytes (a PDF). */
  readonly render: (report: DyadReport, options: RenderOptions) => string | Uint8Array | Promise<string | Uint8Array>;
  /** More the format needs from the store, read before rendering. */
  readonly extras?: (store: Store, report: DyadReport) => Promise<Partial<RenderOptions>>;
}

export const REPORT_FORMATS: Readonly<Record<string, ReportFormat>> = {
  md: {
    description: 'a Markdown brief with cited sentences and the figures',
    render: (r, o) => (o.figures ? `${markdownFromDyadReport(r).trimEnd()}\n\n${markdownFromFigures(o.figures)}\n` : markdownFromDyadReport(r)),
    extras: withFigures,
  },
  json: {
    description: 'every section, stable keys',
    render: (r, o) => (o.figures ? `${JSON.stringify({ ...JSON.parse(jsonFromDyadReport(r)), figures: o.figures }, null, 2)}\n` : jsonFromDyadReport(r)),
    extras: withFigures,
  },
  csv: { description: 'one table (--table)', render: (r, o) => csvFromDyadReport(r, o.table) },
  html: {
    description: 'a self-contained policy brief (charts inline as SVG, no scripts)',
    render: (r, o) => htmlBriefOfReport(r, o.brief),
    extras: async (store, r) => ({ brief: await briefExtrasFromStore(store, r) }),
  },
  pdf: {
    description: 'the brief printed to PDF by headless Chromium',
    render: (r, o) => pdfBriefOfReport(r, o.brief),
    extras: async (store, r) => ({ brief: await briefExtrasFromStore(store, r) }),
  },
};
