/**
 * The dyad report as a Markdown brief: summary, contradictions matrix with
 * cited sentences, relationship index, per-interval table, change points,
 * what changed, third parties, and the rules used.
 */
import type {
  AssessmentEvidence,
  ChangePoint,
  ChangeRow,
  DyadReport,
  EvidenceEvent,
  FlowStats,
  IntervalRow,
  MatrixCell,
  MatrixSection,
  RoleStats,
  RowAssessments,
  ThirdParty,
  Verdict,
  VerdictBasis,
  WhatChanged,
} from '../analysis/types.ts';

/** `+1.5`, `−3.0`, `0.0`. */
export function signed(x: number, digits = 1): string {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return (0).toFixed(digits);
  return x > 0 ? `+${s}` : `−${s}`;
}

/** `63%`, or `–` without a value. */
export function percent(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

function mean(x: number | null): string {
  return x === null ? '–' : signed(x, 2);
}

/** Text safe inside a Markdown table cell or emphasis. */
function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('|', '\\|').trim();
}

function quote(text: string): string {
  return text.replace(/\s+/g, ' ').replaceAll('"', '\u201d').trim();
}

function arrow(source: string, target: string): string {
  return `${source}→${target}`;
}

/** One cited event: who did what, where it is written, and the sentence. */
export function evidenceLine(e: EvidenceEvent): string {
  const flags = [e.modality !== 'asserted' ? e.modality : null, e.negated ? 'negated' : null].filter((f) => f !== null);
  const what = `${arrow(e.source, e.target)} ${e.type}${flags.length > 0 ? ` (${flags.join(', ')})` : ''}, ${signed(e.intensity)}`;
  const when = e.date ?? (e.day ? `${e.day} (document date)` : 'undated');
  const where = [e.doc ? `*${cell(e.doc)}*` : null, e.sentenceIndex !== null ? `sentence ${e.sentenceIndex + 1}` : null, e.url ? `<${e.url}>` : null]
    .filter((x) => x !== null)
    .join(', ');
  const said = e.sentence ? ` — "${quote(e.sentence)}"` : '';
  return `${what}; ${when}; ${where || e.origin}${said} [${cell(e.rule)}]`;
}

const VERDICT_WORDS: Readonly<Record<Verdict, string>> = {
  cooperative: 'cooperative',
  conflictual: 'conflictual',
  contradictory: '**contradictory**',
  thin: 'thin',
};

function flowLine(s: FlowStats): string {
  return `${s.events} events, ${s.cooperation} cooperative (${percent(s.cooperationShare)}) and ${s.conflict} conflictual; net intensity ${signed(s.net)}, mean ${mean(s.mean)} per event`;
}

function summarySection(r: DyadReport): string[] {
  const s = r.summary;
  const lines = [`## Summary`, ``];
  const each = s.directions.reduce((n, d) => n + d.stats.events, 0) - s.total.events;
  lines.push(`- ${flowLine(s.total)}${s.directions.length > 1 && each > 0 ? ` (${each} ${each === 1 ? 'act' : 'acts'} coded each way, such as a meeting or an agreement, count once here and once in each direction)` : ''}.`);
  for (const d of s.directions) lines.push(`  - ${arrow(d.source, d.target)}: ${flowLine(d.stats)}.`);
  if (s.index) {
    const trend = r.index.trend;
    const trendText = trend ? `; over the last ${trend.periods} periods ${trend.direction} (${signed(trend.change)})` : '';
    lines.push(`- Relationship index at ${s.index.period}: **${signed(s.index.value)} (${s.index.band})** on the −9…+9 scale${trendText}.`);
  }
  const byVerdict = (section: MatrixSection, v: Verdict, basis: VerdictBasis): string[] =>
    section.rows.filter((row) => row.verdict === v && row.basis === basis).map((row) => row.label);
  for (const section of [r.matrix.primary, r.matrix.theater]) {
    if (!section) continue;
    const partsOf = (basis: VerdictBasis): string[] =>
      (['contradictory', 'cooperative', 'conflictual'] as const)
        .map((v) => [v, byVerdict(section, v, basis)] as const)
        .filter(([, labels]) => labels.length > 0)
        .map(([v, labels]) => `${VERDICT_WORDS[v]} on ${labels.join(', ')}`);
    const parts = partsOf('events');
    const assessed = partsOf('assessments');
    if (assessed.length > 0) parts.push(`too few events to call, the text itself says: ${assessed.join('; ')}`);
    if (parts.length > 0) lines.push(`- By ${section.dimension}: ${parts.join('; ')}.`);
  }
  const cps = r.changePoints.points;
  lines.push(
    cps.length > 0
      ? `- Turns: ${cps.map((c) => `${c.period} (${c.direction}, mean ${mean(c.before.mean)} → ${mean(c.after.mean)})`).join(', ')}.`
      : `- No change point found (|t| ≥ ${r.changePoints.options.threshold} with ≥ ${r.changePoints.options.minEvents} events on each side of a ${r.changePoints.options.window}-period window).`,
  );
  lines.push(`- Events: ${s.origins.map((o) => `${o.events} ${o.origin}`).join(', ') || 'none'}; ${s.dated} dated${s.undated > 0 ? `, ${s.undated} undated (in totals and the matrix, not in the time series)` : ''}.`);
  return lines;
}

function matrixSection(section: MatrixSection, title: string): string[] {
  const lines = [`## ${title}`, ``];
  if (section.rows.length === 0) return [...lines, `No events.`];
  lines.push(`| ${section.dimension} | events | cooperation | conflict | cooperation share | net | mean | the text says | verdict |`, `|---|--:|--:|--:|--:|--:|--:|---|---|`);
  for (const row of section.rows) {
    const s = row.stats;
    lines.push(
      `| ${cell(row.label)} | ${s.events} | ${s.cooperation} | ${s.conflict} | ${percent(s.cooperationShare)} | ${signed(s.net)} | ${mean(s.mean)} | ${assessedWords(row.assessments)} | ${verdictWords(row)} |`,
    );
  }
  lines.push(``);
  for (const row of section.rows) {
    const assessed = [...row.assessments.evidence.discord, ...row.assessments.evidence.accord];
    if (row.evidence.cooperation.length === 0 && row.evidence.conflict.length === 0 && assessed.length === 0) continue;
    lines.push(`**${cell(row.label)}** — ${verdictWords(row).replaceAll('*', '')} (${row.stats.cooperation} cooperation, ${row.stats.conflict} conflict)`, ``);
    for (const [side, events] of [['Cooperation', row.evidence.cooperation], ['Conflict', row.evidence.conflict]] as const) {
      if (events.length === 0) continue;
      lines.push(`- ${side}:`);
      for (const e of events) lines.push(`  - ${evidenceLine(e)}`);
    }
    for (const [valence, cited] of [['discord', row.assessments.evidence.discord], ['accord', row.assessments.evidence.accord]] as const) {
      if (cited.length === 0) continue;
      lines.push(`- The text says they are in ${valence} (not events):`);
      for (const x of cited) lines.push(`  - ${assessmentLine(x)}`);
    }
    lines.push(``);
  }
  return lines;
}

/** "discord 2, accord 1", or a dash. */
export function assessedWords(a: RowAssessments): string {
  const parts = [a.discord > 0 ? `discord ${a.discord}` : null, a.accord > 0 ? `accord ${a.accord}` : null].filter((x) => x !== null);
  return parts.length > 0 ? parts.join(', ') : '–';
}

function verdictWords(row: MatrixCell): string {
  return row.basis === 'assessments' ? `${VERDICT_WORDS[row.verdict]} (by the text's assessments)` : VERDICT_WORDS[row.verdict];
}

function assessmentLine(x: AssessmentEvidence): string {
  const when = x.date ?? 'undated';
  return `"${quote(x.cue)}"; ${when}; *${cell(x.doc)}*, sentence ${x.sentenceIndex + 1} — "${quote(x.sentence)}" [${cell(x.rule)}]`;
}

function indexSection(r: DyadReport): string[] {
  const o = r.index.options;
  const lines = [
    `## Relationship index`,
    ``,
    `Exponentially weighted mean intensity (half-life ${o.halfLifeDays} days), starting from ${signed(o.prior)} with the weight of ${o.priorWeight} events, on the −9…+9 scale of the Tsinghua bands (confrontation < −6 ≤ tense < −3 ≤ discord < 0 ≤ ordinary < 3 ≤ good < 6 ≤ friendly). Periods with events:`,
    ``,
  ];
  const points = r.index.points.filter((p) => p.events > 0);
  if (points.length === 0) return [...lines, `No dated events.`];
  lines.push(`| period | events | index | band |`, `|---|--:|--:|---|`);
  for (const p of points) lines.push(`| ${p.period} | ${p.events} | ${signed(p.value)} | ${p.band} |`);
  const last = r.index.points[r.index.points.length - 1];
  if (last && last.events === 0) lines.push(``, `At ${last.period} (no events since ${points[points.length - 1]?.period}): ${signed(last.value)} (${last.band}).`);
  return lines;
}

function intervalSection(intervals: readonly IntervalRow[]): string[] {
  const rows = intervals.filter((i) => i.total.events > 0);
  const lines = [`## Per interval`, ``];
  if (rows.length === 0) return [...lines, `No dated events.`];
  const directions = rows[0]?.directions.map((d) => arrow(d.source, d.target)) ?? [];
  lines.push(
    `| period | events | q1 | q2 | q3 | q4 | cooperation share | net | mean | ${directions.map((d) => `${d} events | ${d} net`).join(' | ')} |`,
    `|---|--:|--:|--:|--:|--:|--:|--:|--:|${directions.map(() => '--:|--:|').join('')}`,
  );
  for (const i of rows) {
    const t = i.total;
    const dirs = i.directions.map((d) => `${d.stats.events} | ${signed(d.stats.net)}`).join(' | ');
    lines.push(`| ${i.period} | ${t.events} | ${t.quads.q1} | ${t.quads.q2} | ${t.quads.q3} | ${t.quads.q4} | ${percent(t.cooperationShare)} | ${signed(t.net)} | ${mean(t.mean)} | ${dirs} |`);
  }
  const empty = intervals.length - rows.length;
  if (empty > 0) lines.push(``, `${empty} of ${intervals.length} periods had no events and are not shown (the JSON and CSV outputs have them all).`);
  return lines;
}

function changePointLines(c: ChangePoint): string[] {
  const lines = [
    `### ${c.period}: ${c.direction}`,
    ``,
    `Mean intensity ${mean(c.before.mean)} over ${c.before.from}…${c.before.to} (${c.before.events} events) → ${mean(c.after.mean)} over ${c.after.from}…${c.after.to} (${c.after.events} events); shift ${signed(c.shift, 2)}, t = ${c.t.toFixed(1)}.`,
    ``,
  ];
  if (c.drivers.length > 0) {
    lines.push(`- Driven by:`);
    for (const e of c.drivers) lines.push(`  - ${evidenceLine(e)}`);
  }
  if (c.faded.length > 0) {
    lines.push(`- Before the turn:`);
    for (const e of c.faded) lines.push(`  - ${evidenceLine(e)}`);
  }
  return [...lines, ``];
}

function changeTable(rows: readonly ChangeRow[], dimension: string): string[] {
  if (rows.length === 0) return [`No ${dimension} changed.`, ``];
  const lines = [`| ${dimension} | events before | events after | Δ events | net before | net after | Δ net |`, `|---|--:|--:|--:|--:|--:|--:|`];
  for (const r of rows) {
    lines.push(`| ${cell(r.label)} | ${r.before.events} | ${r.after.events} | ${signed(r.deltaEvents, 0)} | ${signed(r.before.net)} | ${signed(r.after.net)} | ${signed(r.deltaNet)} |`);
  }
  lines.push(``);
  for (const r of rows) {
    if (r.evidence.length === 0) continue;
    lines.push(`- **${cell(r.label)}** (${signed(r.deltaNet)}):`);
    for (const e of r.evidence) lines.push(`  - ${evidenceLine(e)}`);
  }
  return [...lines, ``];
}

const BASIS_WORDS = { given: 'as asked', 'change-point': 'at the strongest change point', median: 'at the period of the median event' } as const;

function whatChangedSection(w: WhatChanged | null): string[] {
  const lines = [`## What changed`, ``];
  if (!w) return [...lines, `The dated events fall in a single period: nothing to compare.`];
  const c = w.comparison;
  lines.push(
    `${c.from} to the day before ${c.split} (${w.before.events} events, net ${signed(w.before.net)}) against ${c.split} to ${c.to} (${w.after.events} events, net ${signed(w.after.net)}); split ${BASIS_WORDS[c.basis]}.`,
    ``,
    `### By context`,
    ``,
    ...changeTable(w.contexts, 'context'),
    `### By type`,
    ``,
    ...changeTable(w.types, 'type'),
  );
  return lines;
}

function roleText(s: RoleStats): string {
  return s.events === 0 ? '–' : `${s.events} (${s.cooperation}/${s.conflict}, ${signed(s.net)})`;
}

function thirdPartySection(r: DyadReport, parties: readonly ThirdParty[]): string[] {
  const { a, b } = r.query;
  const lines = [`## Third parties`, ``];
  if (parties.length === 0) return [...lines, `No other actor appears around the dyad's events.`];
  lines.push(
    `Actors other than ${a} and ${b} that are the theater of their events, or the other end of ${a}'s or ${b}'s events in the same documents. Cells: events (cooperation/conflict, net intensity).`,
    ``,
    `| actor | events | as theater | with ${a} | with ${b} | alignment | main types |`,
    `|---|--:|--:|--:|--:|---|---|`,
  );
  for (const p of parties) {
    lines.push(
      `| ${cell(p.actor)} | ${p.events} | ${roleText(p.asTheater)} | ${roleText(p.withA)} | ${roleText(p.withB)} | ${p.alignment} | ${p.types.map((t) => `${t.type} ${t.events}`).join(', ')} |`,
    );
  }
  lines.push(``);
  for (const p of parties) {
    if (p.evidence.length === 0) continue;
    lines.push(`- **${cell(p.actor)}**:`);
    for (const e of p.evidence) lines.push(`  - ${evidenceLine(e)}`);
  }
  return lines;
}

function scopeLine(r: DyadReport): string {
  const q = r.query;
  const span = `${q.from ?? r.summary.first ?? '…'} to ${q.to ?? r.summary.last ?? '…'}`;
  const direction = q.directed ? `${q.a}→${q.b} only` : 'both directions';
  const origins = q.origins ? `origins ${q.origins.join(', ')}` : 'all origins';
  const counted = `${q.modalities.join(' and ')} events${q.includeNegated ? '' : ', negated ones left out'}`;
  return `*${span} · by ${r.granularity} · rows by ${r.grouping} · ${direction} · ${origins} · ${counted}*`;
}

/** The report as a readable Markdown brief. */
export function markdownFromDyadReport(r: DyadReport): string {
  const rule = r.matrix.rule;
  const lines = [
    `# ${r.query.a}–${r.query.b}: relationship brief`,
    ``,
    scopeLine(r),
    ``,
    ...summarySection(r),
    ``,
    ...matrixSection(r.matrix.primary, `Cooperation and conflict by ${r.matrix.primary.dimension}`),
    ...(r.matrix.theater ? matrixSection(r.matrix.theater, 'Cooperation and conflict by theater') : []),
    ...indexSection(r),
    ``,
    ...intervalSection(r.intervals),
    ``,
    `## Change points`,
    ``,
    ...(r.changePoints.points.length > 0 ? r.changePoints.points.flatMap(changePointLines) : [`None found.`, ``]),
    ...whatChangedSection(r.whatChanged),
    ...thirdPartySection(r, r.thirdParties),
    ``,
    `## Method`,
    ``,
    `- A row is **contradictory** when cooperation (quads 1–2) and conflict (quads 3–4) each reach ${percent(rule.minShare)} of its events and ${rule.minSideEvents} events; otherwise the larger side names it; below ${rule.minEvents} events, or on a tie, it is thin. An event with several contexts counts in each.`,
    `- Both directions together count an act coded each way (one meeting, one agreement: the same words in the same sentence, A→B and B→A) once; each direction counts it.`,
    `- The text's assessments are sentences that say how the two stand ("serious differences over Iran", "good ties"); the coding guide makes them no events, so they are never counted as events. A row whose events are thin takes its verdict from them when they lean one way, and says so.`,
    `- Evidence: the strongest events of each side (largest |intensity|, asserted before announced, with a sentence before without, latest first).`,
    `- Change points: Welch's t on the mean intensity of the ${r.changePoints.options.window} periods before and after each boundary.`,
    `- Formulas: docs/analysis.md.`,
    ``,
  ];
  return lines.join('\n');
}
