import { createHash } from 'node:crypto';
import type { ActorRef, Doc, Event, EventType, Sentence } from '../../src/types.ts';
import { TYPE_TABLE } from '../../src/types.ts';
import type { CodedDoc } from '../../src/store/index.ts';

/** A small real-shaped document: two sentences, hashed like ingest does. */
export function docOf(text: string, options: { name?: string; date?: string | null } = {}): Doc {
  const id = createHash('sha256').update(text).digest('hex');
  const paragraphs = [{ start: 0, end: text.length }];
  return {
    id,
    name: options.name ?? `${id.slice(0, 8)}.txt`,
    origin: `/tmp/${options.name ?? id.slice(0, 8)}.txt`,
    format: 'text',
    meta: { title: 'A test document', date: options.date === undefined ? '2013-07-15' : options.date, source: 'test', publisher: 'The White House' },
    text,
    original: text,
    offsets: [{ clean: 0, original: 0, length: text.length }],
    paragraphs,
    sections: [],
    blocks: [],
  };
}

/** Splits on '. ' into sentences of the document. */
export function sentencesOf(doc: Doc): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (const part of doc.text.split(/(?<=\.)\s+/)) {
    const at = doc.text.indexOf(part, start);
    out.push({ docId: doc.id, index: out.length, text: part, span: { start: at, end: at + part.length }, paragraph: 0, section: null });
    start = at + part.length;
  }
  return out;
}

function actor(country: string, text: string, entry: string | null): ActorRef {
  return { text, country, sector: country.length === 3 ? 'GOV' : null, entry, span: null };
}

/** A coded event in sentence `s` of `doc`. */
export function codedEvent(doc: Doc, s: Sentence, source: string, target: string, type: EventType, extra: Partial<Event> = {}): Event {
  return {
    origin: 'coded',
    originId: null,
    doc: doc.name,
    docId: doc.id,
    sentence: { index: s.index, text: s.text, start: s.span.start, end: s.span.end },
    span: { start: s.span.start, end: s.span.start + 3 },
    source: actor(source, source, `country:${source.toLowerCase()}`),
    target: actor(target, target, `country:${target.toLowerCase()}`),
    type,
    mode: null,
    quad: TYPE_TABLE[type].quad,
    intensity: TYPE_TABLE[type].intensity,
    cameo: null,
    negated: false,
    modality: 'asserted',
    contexts: ['diplomatic'],
    theater: null,
    date: null,
    section: null,
    rule: 'test',
    entries: [],
    url: null,
    ...extra,
  };
}

/** A coded document with one event per sentence, alternating USA→RUS and RUS→USA. */
export function codedDocOf(text: string, options: { name?: string; date?: string | null } = {}): CodedDoc {
  const doc = docOf(text, options);
  const sentences = sentencesOf(doc);
  const events = sentences.map((s, i) => (i % 2 === 0 ? codedEvent(doc, s, 'USA', 'RUS', 'CONSULT') : codedEvent(doc, s, 'RUS', 'USA', 'ACCUSE', { date: '2013-06' })));
  return { doc, sentences, events };
}
