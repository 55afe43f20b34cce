/**
 * The policy brief: one self-contained HTML file (styles inline, charts as
 * inline SVG, no scripts, nothing fetched) that a reader opens in any browser
 * and that prints one section per page.
 */
import type { DyadReport, EvidenceEvent, MatrixCell, MatrixSection, VerdictBasis } from '../analysis/types.ts';
import { overviewOfReport } from '../server/analysis-views.ts';
import type { Series } from '../types.ts';
import { indexChartOption, quadChartOption, seriesChartOption } from './charts.ts';
import { assessedWords } from './markdown.ts';
import { svgOfChart } from './svg-charts.ts';

/** A stored document the brief may cite. */
export interface BriefSource {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly source: string | null;
}

export interface BriefInput {
  readonly report: DyadReport;
  /** The documents behind the dyad's events, which the evidence cites. */
  readonly sources: readonly BriefSource[];
  /** Figures from the documents' tables and facts (the figures stage); may be empty. */
  readonly figures: readonly Series[];
  /** When the brief was made (ISO date), printed in its header. */
  readonly generated: string;
}

/** Context sections and quotes per side are capped so each section fits one printed page. */
const MAX_CONTEXT_SECTIONS = 12;
const QUOTES_PER_SIDE = 3;
const QUOTE_CHARS = 320;
const CHART_WIDTH = 680;

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function signed(n: number | null, digits = 1): string {
  if (n == null) return '—';
  const s = n.toFixed(digits);
  return n > 0 ? `+${s}` : s;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((100 * part) / whole)}%`;
}

function shortened(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function httpUrl(value: string | null): string | null {
  return value != null && /^https?:\/\/[^\s"<>]+$/i.test(value) ? value : null;
}

/** Numbers cited documents in order of first citation. */
class Citations {
  private readonly order: string[] = [];
  private readonly byId: ReadonlyMap<string, BriefSource>;

  constructor(sources: readonly BriefSource[]) {
    this.byId = new Map(sources.map((s) => [s.id, s]));
  }

  /** `[n]` for the event's document, or its link for an imported event. */
  cite(e: EvidenceEvent): string {
    if (e.docId != null) {
      let n = this.order.indexOf(e.docId);
      if (n < 0) n = this.order.push(e.docId) - 1;
      return `<a class="cite" href="#source-${n + 1}">[${n + 1}]</a>`;
    }
    const url = httpUrl(e.url);
    const label = `${e.origin.toUpperCase()}${e.doc ? `, ${escapeHtml(e.doc)}` : ''}`;
    return url ? `<a class="cite" href="${escapeHtml(url)}">[${label}]</a>` : `<span class="cite">[${label}]</span>`;
  }

  list(): string {
    if (this.order.length === 0) return '<p>No document was cited.</p>';
    const items = this.order.map((id, i) => {
      const s = this.byId.get(id);
      const title = escapeHtml(s?.title ?? s?.name ?? id.slice(0, 12));
      const url = httpUrl(s?.source ?? null);
      const where = url ? ` <a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : s?.source ? ` ${escapeHtml(s.source)}.` : '';
      return `<li id="source-${i + 1}"><cite>${title}</cite>${s?.date ? `, ${escapeHtml(s.date)}` : ''}${s?.name && s.title ? ` (${escapeHtml(s.name)})` : ''}.${where}</li>`;
    });
    return `<ol class="sources">${items.join('')}</ol>`;
  }
}

function quote(e: EvidenceEvent, citations: Citations): string {
  const who = `${escapeHtml(e.source)} → ${escapeHtml(e.target)}`;
  const what = `${e.type}${e.negated ? ' (negated)' : ''}${e.modality !== 'asserted' ? ` (${e.modality})` : ''}`;
  const when = e.date ?? e.day ?? 'undated';
  const text = e.sentence != null ? `<q>${escapeHtml(shortened(e.sentence, QUOTE_CHARS))}</q>` : '<span class="muted">(imported event; no sentence)</span>';
  return `<li class="${e.quad <= 2 ? 'coop' : 'conf'}">${text} <span class="meta">${who}, ${what}, ${escapeHtml(when)} ${citations.cite(e)}</span></li>`;
}

function quotes(events: readonly EvidenceEvent[], citations: Citations): string {
  if (events.length === 0) return '<p class="muted">None.</p>';
  return `<ul class="quotes">${events.slice(0, QUOTES_PER_SIDE).map((e) => quote(e, citations)).join('')}</ul>`;
}

function verdictBadge(verdict: string, basis: VerdictBasis = 'events'): string {
  const by = basis === 'assessments' ? ' <span class="basis" title="Too few events to call: the verdict follows what the text itself says of how the two stand">(by the text)</span>' : '';
  return `<span class="verdict ${escapeHtml(verdict)}">${escapeHtml(verdict)}</span>${by}`;
}

const ASSESSMENT_NOTE = '<p class="muted">Assessments, not events: sentences that say how the two stand. They are never counted as events.</p>';

function assessmentQuotes(row: MatrixCell, heading = 'What the text says of how they stand', note = true): string {
  const cited = [...row.assessments.evidence.discord.map((x) => ['conf', x] as const), ...row.assessments.evidence.accord.map((x) => ['coop', x] as const)].slice(0, QUOTES_PER_SIDE);
  if (cited.length === 0) return '';
  const items = cited
    .map(([side, x]) => `<li class="${side}"><q>${escapeHtml(shortened(x.sentence, QUOTE_CHARS))}</q> <span class="meta">${escapeHtml(x.cue)}: ${side === 'conf' ? 'discord' : 'accord'}, ${escapeHtml(x.date ?? 'undated')}, ${escapeHtml(x.doc)}</span></li>`)
    .join('');
  return `<h3>${escapeHtml(heading)}</h3>${note ? ASSESSMENT_NOTE : ''}<ul class="quotes">${items}</ul>`;
}

/** Background shade of a count cell: the larger the share of the row's events, the darker. */
function shade(side: 'coop' | 'conf', events: number, max: number): string {
  const level = max === 0 ? 0 : Math.round((events / max) * 4);
  return `${side}-${level}`;
}

function matrixTable(section: MatrixSection, caption: string): string {
  const rows = section.rows;
  const max = Math.max(0, ...rows.flatMap((r) => [r.stats.cooperation, r.stats.conflict]));
  const body = rows
    .map(
      (r) =>
        `<tr><th scope="row">${escapeHtml(labelOf(r.label))}</th>` +
        `<td class="num ${shade('coop', r.stats.cooperation, max)}">${r.stats.cooperation}</td>` +
        `<td class="num ${shade('conf', r.stats.conflict, max)}">${r.stats.conflict}</td>` +
        `<td class="num">${signed(r.stats.mean)}</td><td>${assessedWords(r.assessments)}</td><td>${verdictBadge(r.verdict, r.basis)}</td></tr>`,
    )
    .join('');
  return `<table class="matrix"><caption>${escapeHtml(caption)}</caption><thead><tr><th scope="col"></th><th scope="col">Cooperation</th><th scope="col">Conflict</th><th scope="col">Mean intensity</th><th scope="col">The text says</th><th scope="col">Verdict</th></tr></thead><tbody>${body}</tbody></table>`;
}

function labelsWith(rows: readonly MatrixCell[], verdict: string): string[] {
  return rows.filter((r) => r.verdict === verdict && r.key != null).map((r) => (r.basis === 'assessments' ? `${labelOf(r.label)} (by the text)` : labelOf(r.label)));
}

function keyPoints(report: DyadReport): string {
  const { summary, matrix } = report;
  const points: string[] = [];
  const index = summary.index;
  if (index != null) {
    const trend = report.index.trend;
    points.push(
      `Relationship index <strong>${signed(index.value)}</strong> (${escapeHtml(index.band)}) in ${escapeHtml(index.period)}` +
        (trend != null ? `, ${escapeHtml(trend.direction)} over the last ${trend.periods} periods (${signed(trend.change)}).` : '.'),
    );
  }
  const t = summary.total;
  points.push(`${t.events} events: ${t.cooperation} cooperative (${percent(t.cooperation, t.events)}), ${t.conflict} conflictual (${percent(t.conflict, t.events)}).`);
  for (const [verdict, words] of [
    ['cooperative', 'Cooperative on'],
    ['conflictual', 'Conflictual on'],
    ['contradictory', 'Contradictory (both at once) on'],
  ] as const) {
    const labels = labelsWith(matrix.primary.rows, verdict);
    if (labels.length > 0) points.push(`${words}: <strong>${labels.map(escapeHtml).join(', ')}</strong>.`);
  }
  if (matrix.theater != null) {
    const coop = labelsWith(matrix.theater.rows, 'cooperative');
    const conf = labelsWith(matrix.theater.rows, 'conflictual');
    const both = labelsWith(matrix.theater.rows, 'contradictory');
    const parts = [
      coop.length > 0 ? `cooperating over ${coop.map(escapeHtml).join(', ')}` : '',
      conf.length > 0 ? `at odds over ${conf.map(escapeHtml).join(', ')}` : '',
      both.length > 0 ? `both over ${both.map(escapeHtml).join(', ')}` : '',
    ].filter((p) => p !== '');
    if (parts.length > 0) points.push(`Theaters: ${parts.join('; ')}.`);
  }
  const changed = report.whatChanged;
  const top = changed?.contexts[0];
  if (changed != null && top != null && top.deltaNet !== 0) {
    points.push(
      `Biggest shift since ${escapeHtml(changed.comparison.split)}: ${escapeHtml(top.label)} (net intensity ${signed(top.before.net)} → ${signed(top.after.net)}).`,
    );
  }
  return `<ul class="key-points">${points.map((p) => `<li>${p}</li>`).join('')}</ul>`;
}

function summarySection(report: DyadReport, sources: number, generated: string): string {
  const { a, b } = report.query;
  const s = report.summary;
  const span = s.first != null && s.last != null ? `${s.first} to ${s.last}` : 'undated events';
  return `<section id="summary">
<h1>${escapeHtml(a)} – ${escapeHtml(b)}: relations brief</h1>
<p class="byline">${escapeHtml(span)} · ${s.total.events} events from ${sources} document${sources === 1 ? '' : 's'} · made ${escapeHtml(generated)} by detente</p>
<h2>Summary</h2>
${keyPoints(report)}
${matrixTable(report.matrix.primary, `Issues of ${a} – ${b}: events on each side`)}
</section>`;
}

function indexSection(report: DyadReport, citations: Citations): string {
  const overview = overviewOfReport(report, 0);
  const indexSvg = svgOfChart(indexChartOption(overview, { static: true }), CHART_WIDTH, 250);
  const quadSvg = svgOfChart(quadChartOption(overview.quads, { static: true }), CHART_WIDTH, 220);
  const turns = report.changePoints.points
    .map((c) => {
      const driver = c.drivers[0];
      return `<li><strong>${escapeHtml(c.period)}</strong>: turned ${c.direction} (mean intensity ${signed(c.before.mean)} → ${signed(c.after.mean)}).${driver ? `<ul class="quotes">${quote(driver, citations)}</ul>` : ''}</li>`;
    })
    .join('');
  return `<section id="index">
<h2>The relationship over time</h2>
<p>The index runs from −9 (confrontation) to +9 (friendly); the six bands are shaded. Each event counts with the intensity of its type, weighted down as it ages.</p>
<figure>${indexSvg}<figcaption>Relationship index by ${escapeHtml(report.granularity)}; dashed lines mark change points.</figcaption></figure>
<figure>${quadSvg}<figcaption>Events by quad class: cooperation above the axis, conflict below.</figcaption></figure>
${turns ? `<h3>Change points</h3><ul class="turns">${turns}</ul>` : '<p>No change point: the series shows no clear break.</p>'}
</section>`;
}

/** A row label as written in prose: acronyms in capitals. */
function labelOf(label: string): string {
  return label === 'cbrn' ? 'CBRN' : label;
}

/** A context as a section heading: capitalised, acronyms spelled out. */
function headingOf(label: string): string {
  if (label === 'cbrn') return 'CBRN (chemical, biological, radiological, nuclear)';
  return label.charAt(0).toUpperCase() + label.slice(1);
}

function contextSection(row: MatrixCell, citations: Citations): string {
  const s = row.stats;
  return `<section class="context">
<h2>${escapeHtml(headingOf(row.label))} ${verdictBadge(row.verdict, row.basis)}</h2>
<p>${s.events} events: ${s.cooperation} cooperative, ${s.conflict} conflictual; mean intensity ${signed(s.mean)} on the PLOVER scale (−10 to +10).</p>
<h3>Cooperation</h3>
${quotes(row.evidence.cooperation, citations)}
<h3>Conflict</h3>
${quotes(row.evidence.conflict, citations)}
${assessmentQuotes(row)}
</section>`;
}

// The theaters whose verdict the text's assessments gave, with the sentences that gave it.
function theaterAssessments(rows: readonly MatrixCell[]): string {
  const decided = rows.filter((r) => r.key != null && r.basis === 'assessments');
  if (decided.length === 0) return '';
  return `${ASSESSMENT_NOTE}${decided.map((r) => assessmentQuotes(r, `${labelOf(r.label)}: what the text says`, false)).join('\n')}`;
}

function theaterSection(report: DyadReport): string {
  const theater = report.matrix.theater;
  if (theater == null || theater.rows.every((r) => r.key == null)) return '';
  const parties = report.thirdParties
    .map(
      (p) =>
        `<tr><th scope="row">${escapeHtml(p.actor)}</th><td class="num">${p.withA.events}</td><td class="num">${p.withB.events}</td><td class="num">${p.asTheater.events}</td><td>${escapeHtml(p.alignment)}</td></tr>`,
    )
    .join('');
  const { a, b } = report.query;
  return `<section id="theaters">
<h2>Theaters and third parties</h2>
${matrixTable({ ...theater, rows: theater.rows.filter((r) => r.key != null) }, 'Where the two deal with each other: events on each side')}
${theaterAssessments(theater.rows)}
${parties ? `<table class="parties"><caption>Third parties around the dyad</caption><thead><tr><th scope="col">Actor</th><th scope="col">With ${escapeHtml(a)}</th><th scope="col">With ${escapeHtml(b)}</th><th scope="col">As theater</th><th scope="col">Alignment</th></tr></thead><tbody>${parties}</tbody></table>` : ''}
</section>`;
}

function figuresSection(figures: readonly Series[]): string {
  if (figures.length === 0) {
    return `<section id="figures"><h2>Figures</h2><p>No tables or numeric facts with a time dimension were found in the documents.</p></section>`;
  }
  const byUnit = new Map<string, Series[]>();
  for (const s of figures) byUnit.set(s.unit ?? '', [...(byUnit.get(s.unit ?? '') ?? []), s]);
  const charts = [...byUnit.entries()]
    .slice(0, 2)
    .map(([unit, group]) => `<figure>${svgOfChart(seriesChartOption(group.slice(0, 6), unit || null, { static: true }), CHART_WIDTH, 220)}<figcaption>${escapeHtml(group.map((s) => s.name).slice(0, 6).join('; '))}${unit ? ` (${escapeHtml(unit)})` : ''}</figcaption></figure>`)
    .join('');
  const periods = [...new Set(figures.flatMap((s) => s.points.map((p) => p.period)))].sort().slice(-8);
  const rows = figures
    .slice(0, 10)
    .map((s) => {
      const byPeriod = new Map(s.points.map((p) => [p.period, p.value]));
      return `<tr><th scope="row">${escapeHtml(s.name)}${s.unit ? ` <span class="muted">(${escapeHtml(s.unit)})</span>` : ''}</th>${periods.map((p) => `<td class="num">${byPeriod.has(p) ? escapeHtml(String(byPeriod.get(p))) : ''}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<section id="figures"><h2>Figures</h2>${charts}<table class="figures"><thead><tr><th scope="col">Series</th>${periods.map((p) => `<th scope="col">${escapeHtml(p)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

const STYLE = `
@page { size: A4; margin: 14mm 14mm 16mm; }
* { box-sizing: border-box; }
body { font-family: 'DejaVu Sans', Verdana, sans-serif; font-size: 10.5pt; line-height: 1.4; color: #1c2430; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
h1 { font-size: 19pt; margin: 0 0 2mm; color: #1a237e; }
h2 { font-size: 14pt; margin: 0 0 3mm; color: #1a237e; border-bottom: 1px solid #c5cae9; padding-bottom: 1mm; }
h3 { font-size: 11pt; margin: 4mm 0 1mm; }
section { margin-bottom: 10mm; }
@media print { section { break-before: page; break-inside: avoid; margin: 0; } section:first-of-type { break-before: auto; } body { padding: 0; } }
.byline, .muted, figcaption { color: #5a6472; }
figcaption { font-size: 9pt; }
figure { margin: 0 0 3mm; }
figure svg { max-width: 100%; height: auto; }
.key-points li { margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; margin: 2mm 0; }
caption { text-align: left; font-weight: bold; margin-bottom: 1mm; }
th, td { border-bottom: 1px solid #dde1e7; padding: 0.6mm 2mm; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.coop-0, .conf-0 { background: #fff; }
.coop-1 { background: #e3f4e8; } .coop-2 { background: #bfe5cb; } .coop-3 { background: #8fd19e; } .coop-4 { background: #5cb87a; }
.conf-1 { background: #fbe7e4; } .conf-2 { background: #f4c4bd; } .conf-3 { background: #e89a8f; } .conf-4 { background: #d66a5c; }
.verdict { font-size: 8.5pt; font-weight: normal; padding: 0.2mm 2mm; border-radius: 3mm; border: 1px solid #ccd; white-space: nowrap; }
.verdict.cooperative { background: #d4efdf; } .verdict.conflictual { background: #f5d5d1; }
.verdict.contradictory { background: linear-gradient(90deg, #d4efdf 50%, #f5d5d1 50%); } .verdict.thin { background: #eee; }
ul.quotes { list-style: none; padding-left: 0; margin: 1mm 0; }
ul.quotes li { border-left: 3px solid #ccc; padding: 0.5mm 0 0.5mm 3mm; margin-bottom: 2mm; }
ul.quotes li.coop { border-left-color: #1e8449; } ul.quotes li.conf { border-left-color: #b03a2e; }
q { font-style: italic; }
.meta { display: block; font-size: 8.5pt; color: #5a6472; }
a { color: #1a237e; }
a.cite { text-decoration: none; }
ol.sources li { margin-bottom: 1mm; overflow-wrap: anywhere; }
`;

/** The whole brief as one HTML document. */
export function htmlBriefOf(input: BriefInput): string {
  const { report } = input;
  const citations = new Citations(input.sources);
  const contexts = report.matrix.primary.rows.filter((r) => r.verdict !== 'thin' && r.key != null).slice(0, MAX_CONTEXT_SECTIONS);
  const body = [
    summarySection(report, input.sources.length, input.generated),
    indexSection(report, citations),
    ...contexts.map((row) => contextSection(row, citations)),
    theaterSection(report),
    figuresSection(input.figures),
    `<section id="sources"><h2>Sources and method</h2>${citations.list()}<p class="muted">Events were coded sentence by sentence by detente; each quote above is the sentence an event was coded from. Intensities follow the PLOVER scale; the index and the verdicts are explained in the project's documentation.</p></section>`,
  ].filter((s) => s !== '');
  const { a, b } = report.query;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(a)} – ${escapeHtml(b)}: relations brief</title>
<style>${STYLE}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
