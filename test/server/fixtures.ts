import { createHash } from 'node:crypto';
import { openStore, storeCodedDoc } from '../../src/store/index.ts';
import type { CodedDoc, Store } from '../../src/store/index.ts';
import { TYPE_TABLE } from '../../src/types.ts';
import type { Assessment, Context, Doc, Event, EventType, Sentence } from '../../src/types.ts';

/** Paragraphs of a made-up note on US-Russia relations, one coded event per sentence (see EVENTS), then one assessment (see ASSESSMENT). */
const PARAGRAPHS = [
  'Russia shared intelligence with the FBI about the bombers. The United States and Russia agreed to intensify counter-terrorism cooperation.',
  'Russia helped the US supply its troops in Afghanistan. Washington thanked Moscow for the transit route to Afghanistan.',
  'Washington criticised Moscow over the treatment of activists. Moscow accused Washington of meddling in its affairs over human rights.',
  'Russia vetoed the resolution on Syria. The United States condemned Russian arms deliveries to Syria.',
  'The two sides agreed to resume talks on arms control. Russia threatened to deploy missiles in Kaliningrad against missile defence.',
  'Arms control remains an issue of deep differences between Washington and Moscow.',
];

interface Coding {
  readonly source: string;
  readonly target: string;
  readonly type: EventType;
  readonly contexts: readonly Context[];
  readonly theater: string | null;
  readonly trigger: string;
  readonly date: string;
}

/** One event per sentence, in order. */
const EVENTS: readonly Coding[] = [
  { source: 'RUS', target: 'USA', type: 'COOPERATE', contexts: ['terrorism', 'intelligence'], theater: null, trigger: 'shared intelligence', date: '2013-04' },
  { source: 'USA', target: 'RUS', type: 'AGREE', contexts: ['terrorism'], theater: null, trigger: 'agreed', date: '2013-06-18' },
  { source: 'RUS', target: 'USA', type: 'AID', contexts: ['military'], theater: 'AFG', trigger: 'helped', date: '2012-11' },
  { source: 'USA', target: 'RUS', type: 'SUPPORT', contexts: ['diplomatic'], theater: 'AFG', trigger: 'thanked', date: '2012-12' },
  { source: 'USA', target: 'RUS', type: 'ACCUSE', contexts: ['human_rights'], theater: null, trigger: 'criticised', date: '2012-12' },
  { source: 'RUS', target: 'USA', type: 'ACCUSE', contexts: ['human_rights'], theater: null, trigger: 'accused', date: '2013-01' },
  { source: 'RUS', target: 'USA', type: 'REJECT', contexts: ['diplomatic'], theater: 'SYR', trigger: 'vetoed', date: '2012-07' },
  { source: 'USA', target: 'RUS', type: 'ACCUSE', contexts: ['military'], theater: 'SYR', trigger: 'condemned', date: '2013-05' },
  { source: 'USA', target: 'RUS', type: 'AGREE', contexts: ['cbrn', 'military'], theater: null, trigger: 'agreed', date: '2013-07' },
  { source: 'RUS', target: 'USA', type: 'THREATEN', contexts: ['military'], theater: null, trigger: 'threatened', date: '2012-05' },
];

/** The fixture document, with its paragraphs and sentences laid out as ingest and the NLP stage would. */
export function fixtureDoc(): { doc: Doc; sentences: Sentence[] } {
  const text = PARAGRAPHS.join('\n\n');
  const id = createHash('sha256').update(text).digest('hex');
  const paragraphs: { start: number; end: number }[] = [];
  const sentences: Sentence[] = [];
  let at = 0;
  PARAGRAPHS.forEach((p, pi) => {
    paragraphs.push({ start: at, end: at + p.length });
    let from = 0;
    for (const part of p.split(/(?<=\.) /)) {
      const start = at + p.indexOf(part, from);
      sentences.push({ docId: id, index: sentences.length, text: part, span: { start, end: start + part.length }, paragraph: pi, section: null });
      from = p.indexOf(part, from) + part.length;
    }
    at += p.length + 2;
  });
  const doc: Doc = {
    id,
    name: 'note.txt',
    origin: '/fixtures/note.txt',
    format: 'text',
    meta: { title: 'A note on US-Russia relations', date: '2013-07-15', source: 'https://example.org/note', publisher: null },
    text,
    original: text,
    offsets: [{ clean: 0, original: 0, length: text.length }],
    paragraphs,
    sections: [],
    blocks: [],
  };
  return { doc, sentences };
}

/** The fixture coded: its events point at their sentences and trigger words. */
export function fixtureCodedDoc(): CodedDoc {
  const { doc, sentences } = fixtureDoc();
  const events: Event[] = EVENTS.map((c, i) => {
    const s = sentences[i];
    if (s == null) throw new Error(`fixture: no sentence ${i}`);
    const at = s.span.start + s.text.indexOf(c.trigger);
    const actor = (country: string) => ({ text: country, country, sector: 'GOV' as const, entry: `country:${country.toLowerCase()}`, span: null });
    return {
      origin: 'coded',
      originId: null,
      doc: doc.name,
      docId: doc.id,
      sentence: { index: s.index, text: s.text, start: s.span.start, end: s.span.end },
      span: { start: at, end: at + c.trigger.length },
      source: actor(c.source),
      target: actor(c.target),
      type: c.type,
      mode: null,
      quad: TYPE_TABLE[c.type].quad,
      intensity: TYPE_TABLE[c.type].intensity,
      cameo: null,
      negated: false,
      modality: 'asserted',
      contexts: c.contexts,
      theater: c.theater,
      date: c.date,
      section: null,
      rule: `fixture:${c.type.toLowerCase()}`,
      entries: [`verb:${c.trigger}`],
      url: null,
    };
  });
  const said = sentences[EVENTS.length];
  if (said == null) throw new Error('fixture: no sentence for the assessment');
  const cue = said.span.start + said.text.indexOf('deep differences');
  const assessment: Assessment = {
    doc: doc.name,
    docId: doc.id,
    sentence: { index: said.index, text: said.text, start: said.span.start, end: said.span.end },
    span: { start: cue, end: cue + 'deep differences'.length },
    cue: 'deep differences',
    a: 'RUS',
    b: 'USA',
    valence: 'discord',
    contexts: ['cbrn'],
    theater: null,
    date: '2013-07-15',
    section: null,
    rule: 'states.tsv:1 differences; pair "Washington and Moscow"',
  };
  return { doc, sentences, events, assessments: [assessment] };
}

/** A second, smaller document about another dyad (China and the United States), so there is a dyad to pick. */
export function otherCodedDoc(): CodedDoc {
  const text = 'China and the United States held talks on trade. Beijing protested against US arms sales to Taiwan.';
  const id = createHash('sha256').update(text).digest('hex');
  const cut = text.indexOf('Beijing');
  const sentences: Sentence[] = [
    { docId: id, index: 0, text: text.slice(0, cut - 1), span: { start: 0, end: cut - 1 }, paragraph: 0, section: null },
    { docId: id, index: 1, text: text.slice(cut), span: { start: cut, end: text.length }, paragraph: 0, section: null },
  ];
  const doc: Doc = {
    id,
    name: 'china.txt',
    origin: '/fixtures/china.txt',
    format: 'text',
    meta: { title: 'China and the US', date: '2015-09', source: null, publisher: null },
    text,
    original: text,
    offsets: [{ clean: 0, original: 0, length: text.length }],
    paragraphs: [{ start: 0, end: text.length }],
    sections: [],
    blocks: [],
  };
  const actor = (country: string) => ({ text: country, country, sector: 'GOV' as const, entry: null, span: null });
  const event = (s: Sentence, source: string, target: string, type: EventType, contexts: readonly Context[], theater: string | null): Event => ({
    origin: 'coded',
    originId: null,
    doc: doc.name,
    docId: id,
    sentence: { index: s.index, text: s.text, start: s.span.start, end: s.span.end },
    span: null,
    source: actor(source),
    target: actor(target),
    type,
    mode: null,
    quad: TYPE_TABLE[type].quad,
    intensity: TYPE_TABLE[type].intensity,
    cameo: null,
    negated: false,
    modality: 'asserted',
    contexts,
    theater,
    date: '2015-09',
    section: null,
    rule: 'fixture',
    entries: [],
    url: null,
  });
  const [first, second] = sentences as [Sentence, Sentence];
  return { doc, sentences, events: [event(first, 'CHN', 'USA', 'CONSULT', ['economic'], null), event(second, 'CHN', 'USA', 'ACCUSE', ['military'], 'TWN')] };
}

/** An in-memory store holding the fixture documents. */
export async function fixtureStore(): Promise<Store> {
  const store = await openStore(':memory:');
  await storeCodedDoc(store, fixtureCodedDoc());
  await storeCodedDoc(store, otherCodedDoc());
  return store;
}

/** An empty in-memory store. */
export async function emptyStore(): Promise<Store> {
  return openStore(':memory:');
}
