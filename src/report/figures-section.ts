import { disagreementsFromSeries } from '../figures/series.ts';
import type { Disagreement, FigureSeries } from '../figures/types.ts';
import { seriesForDyad } from '../store/figures-queries.ts';
import { documents } from '../store/index.ts';
import type { Store } from '../store/index.ts';

/** The numbers the ledger holds about a dyad: series from tables and prose, and where sources disagree. */
export interface DyadFigures {
  readonly series: readonly FigureSeries[];
  readonly disagreements: readonly Disagreement[];
  /** Names of the documents the series come from, by id. */
  readonly documents: Readonly<Record<string, string>>;
}

/** Reads a dyad's stored series and compares sources of the same measure. */
export async function dyadFiguresFromStore(store: Store, a: string, b: string): Promise<DyadFigures> {
  const series = await seriesForDyad(store, a, b);
  const ids = new Set(series.flatMap((s) => (s.docId ? [s.docId] : [])));
  const names = (await documents(store)).filter((d) => ids.has(d.id)).map((d) => [d.id, d.name] as const);
  return { series, disagreements: disagreementsFromSeries(series), documents: Object.fromEntries(names) };
}

function unitOf(s: FigureSeries): string {
  return s.unit ?? s.currency ?? (s.percent ? '%' : '—');
}

/** The figures as a Markdown section: one line per series, its values as written, and disagreements between sources. */
export function markdownFromFigures(figures: DyadFigures): string {
  const lines = ['## Figures', ''];
  if (figures.series.length === 0) {
    lines.push('No tables or numeric facts about this dyad are stored (`detente ingest` extracts them from documents).');
    return lines.join('\n');
  }
  lines.push('| series | unit | from | values (as written) | document |', '|---|---|---|---|---|');
  for (const s of figures.series) {
    const values = s.points.map((p, i) => `${p.period}: ${s.written[i] ?? p.value}`).join(', ');
    const doc = s.docId ? (figures.documents[s.docId] ?? s.docId.slice(0, 12)) : '—';
    lines.push(`| ${s.name} | ${unitOf(s)} | ${s.origin} | ${values} | ${doc} |`);
  }
  if (figures.disagreements.length > 0) {
    lines.push('', 'Sources disagree:', '');
    for (const d of figures.disagreements) {
      lines.push(`- **${d.measure}**, ${d.period}: ${d.a.written} vs ${d.b.written} (${Math.round(d.relative * 100)}% apart)`);
    }
  }
  return lines.join('\n');
}
