import type { ActorRef, Assessment, Event } from '../types.ts';

function actorJson(a: ActorRef): Record<string, unknown> {
  return { text: a.text, country: a.country, sector: a.sector, entry: a.entry, span: a.span };
}

/**
 * An event in the shape of `detente code --format jsonl` (the coder issue's
 * line, keys in that order, then the extra keys: span, entries, origin, ids).
 */
export function jsonFromEvent(e: Event): Record<string, unknown> {
  return {
    doc: e.doc,
    sentence: e.sentence,
    source: actorJson(e.source),
    target: actorJson(e.target),
    type: e.type,
    mode: e.mode,
    quad: e.quad,
    intensity: e.intensity,
    cameo: e.cameo,
    negated: e.negated,
    modality: e.modality,
    contexts: e.contexts,
    theater: e.theater,
    date: e.date,
    section: e.section,
    rule: e.rule,
    span: e.span,
    entries: e.entries,
    origin: e.origin,
    originId: e.originId,
    docId: e.docId,
    url: e.url,
  };
}

/** A fixed-width table of events for reading in a terminal. */
export function tableFromEvents(events: readonly Event[]): string {
  const head = ['doc', 'sent', 'source', 'target', 'type', 'quad', 'modality', 'contexts', 'theater', 'date', 'evidence'];
  return tableOf(head, events.map((e) => [
    e.doc ?? '',
    String(e.sentence?.index ?? ''),
    `${e.source.country}${e.source.sector ? `/${e.source.sector}` : ''}`,
    `${e.target.country}${e.target.sector ? `/${e.target.sector}` : ''}`,
    `${e.type}${e.negated ? ' (not)' : ''}`,
    String(e.quad),
    e.modality,
    e.contexts.join(','),
    e.theater ?? '',
    e.date ?? '',
    (e.sentence?.text ?? '').replace(/\s+/g, ' ').slice(0, 90),
  ]));
}

// Columns padded to their widest cell (the first at most 28, others 40); the last runs on.
function tableOf(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.min(i === 0 ? 28 : 40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.slice(0, widths[i]).padEnd(widths[i] ?? 0))).join('  ');
  return [line(head), ...rows.map(line)].join('\n');
}

/** An assessment as `detente code --assessments` prints it: the pair, how they stand, on what, and the sentence that says so. */
export function jsonFromAssessment(a: Assessment): Record<string, unknown> {
  return {
    doc: a.doc,
    sentence: a.sentence,
    pair: [a.a, a.b],
    valence: a.valence,
    cue: a.cue,
    span: a.span,
    contexts: a.contexts,
    theater: a.theater,
    date: a.date,
    section: a.section,
    rule: a.rule,
  };
}

/** Assessments as an aligned text table. */
export function tableFromAssessments(assessments: readonly Assessment[]): string {
  const head = ['doc', 'sent', 'pair', 'valence', 'words', 'contexts', 'theater', 'evidence'];
  return tableOf(head, assessments.map((a) => [
    a.doc,
    String(a.sentence.index),
    `${a.a}-${a.b}`,
    a.valence,
    a.cue,
    a.contexts.join(','),
    a.theater ?? '',
    a.sentence.text.replace(/\s+/g, ' ').slice(0, 90),
  ]));
}
