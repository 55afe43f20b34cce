import { analysedSentences } from '../nlp/analyse.ts';
import { dateMentionsFromText } from '../nlp/dates.ts';
import type { DateMention } from '../nlp/dates.ts';
import { scanTokens } from '../nlp/scan.ts';
import type { ScanToken } from '../nlp/scan.ts';
import { ConfigError } from '../errors.ts';
import { SECTORS, TYPE_TABLE } from '../types.ts';
import type {
  ActorRef, AnalysedSentence, Context, Doc, Event, NoEventReason, Sector, Sentence,
} from '../types.ts';
import { actorIndexFromLexicon, rawMatches } from './actor-index.ts';
import type { ActorIndex } from './actor-index.ts';
import { actorGroups, prepositionBefore } from './clauses.ts';
import { readDictionary } from './dictionary-file.ts';
import { loadLexicon } from './dictionaries.ts';
import { nextDiscourse, openingDiscourse, resolvedMentions } from './discourse.ts';
import type { Discourse, ResolvedMention } from './discourse.ts';
import { draftsFromSentence } from './frames.ts';
import type { DocFacts, Draft, End, Rejection } from './frames.ts';
import {
  FIRST_PLURAL, FIRST_SINGULAR, GRAMMAR_VERBS, SECOND, THIRD_PLURAL, THIRD_SINGULAR_PERSON, THIRD_SINGULAR_THING,
} from './grammar.ts';
import { mentionsFromWords } from './mentions.ts';
import type { Mention, Resolved, Word } from './mentions.ts';
import { mayHoldTrigger, triggersFromWords } from './triggers.ts';
import type { Trigger } from './triggers.ts';
import { defaultContextIndex, defaultVerbIndex, inflections } from './verbs.ts';
import type { ContextIndex, VerbIndex } from './verbs.ts';

/** A government website whose texts speak in the first person. */
export interface Publisher {
  readonly domain: string;
  readonly country: string;
  readonly sector: Sector;
}

/** Everything the coder reads, validated up front. */
export interface CoderConfig {
  readonly actors: ActorIndex;
  readonly verbs: VerbIndex;
  /** Inflected forms of the verbs the rules know, to their lemma ("staged" → "stage"). */
  readonly lemmas: ReadonlyMap<string, readonly string[]>;
  readonly contexts: ContextIndex;
  readonly publishers: readonly Publisher[];
  /** Codes of international organisations (their ends take sector null). */
  readonly igoCodes: ReadonlySet<string>;
}

let cached: CoderConfig | null = null;

/** Reads and validates the actor dictionaries of `dir` (default: those shipped with detente), once per process. */
export function defaultCoderConfig(dir?: string): CoderConfig {
  if (cached && dir === undefined) return cached;
  const lexicon = loadLexicon(dir);
  const file = readDictionary('publishers.tsv');
  const publishers = file.rows.map((row): Publisher => {
    const [domain = '', country = '', sector = ''] = row.cells;
    if (!(SECTORS as readonly string[]).includes(sector)) throw new ConfigError(`${row.file}:${row.line}`, `unknown sector "${sector}"`);
    return { domain: domain.toLowerCase(), country, sector: sector as Sector };
  });
  const verbs = defaultVerbIndex();
  const config: CoderConfig = {
    actors: actorIndexFromLexicon(lexicon),
    verbs,
    lemmas: lemmaMapOf(verbs),
    contexts: defaultContextIndex(),
    publishers,
    igoCodes: new Set(lexicon.igos.map((g) => g.code)),
  };
  if (dir === undefined) cached = config;
  return config;
}

/** Options of a coding run. */
export interface CodeOptions {
  /** Document date (ISO) overriding the document's own. */
  readonly date?: string | null;
  /**
   * Skip POS tagging and rules for sentences that cannot hold an event (no
   * verb or event noun of the dictionary, or no actor, pronoun or collective).
   * On by default; turning it off must give the same events (`npm run eval` checks).
   */
  readonly prefilter?: boolean;
}

/** One sentence's outcome: its events, or the reasons it has none. */
export interface CodedSentence {
  readonly sentence: Sentence;
  readonly events: readonly Event[];
  readonly reasons: readonly NoEventReason[];
  /** Whether the sentence went through POS tagging and the rules. */
  readonly analysed: boolean;
}

const REFERRING = new Set([
  ...FIRST_SINGULAR, ...FIRST_PLURAL, ...SECOND, ...THIRD_SINGULAR_PERSON, ...THIRD_SINGULAR_THING, ...THIRD_PLURAL,
  'both', 'two', 'sides', 'latter', 'former', 'bilateral', 'country', 'president', 'presidents', 'leaders', 'parties',
]);

function wordsFromScan(tokens: readonly ScanToken[]): Word[] {
  return tokens.map((t, i) => ({ i, text: t.text, lower: t.lower, lemma: t.lower, pos: 'X', start: t.start, end: t.end }));
}

/** Inflected forms of every verb the rules name (dictionary heads and grammar words) mapped to their lemmas. */
export function lemmaMapOf(verbs: VerbIndex): Map<string, string[]> {
  const known = new Set<string>([...verbs.byHead.keys(), ...GRAMMAR_VERBS]);
  const map = new Map<string, string[]>();
  for (const lemma of known) {
    if (lemma.includes(' ')) continue;
    for (const form of inflections(lemma)) {
      const list = map.get(form) ?? [];
      if (!list.includes(lemma)) list.push(lemma);
      map.set(form, list);
    }
  }
  return map;
}

// The tagger's lemmatizer slips on some forms ("staged" → "stag"): prefer a lemma the rules know.
function lemmaFor(lower: string, tagged: string, pos: string, lemmas: ReadonlyMap<string, readonly string[]>): string {
  if (pos !== 'VERB' && pos !== 'AUX' && pos !== 'ADJ') return tagged;
  const known = lemmas.get(lower);
  if (!known || known.includes(tagged)) return tagged;
  return known.length === 1 ? known[0]! : tagged;
}

function wordsFromAnalysed(s: AnalysedSentence, lemmas: ReadonlyMap<string, readonly string[]>): Word[] {
  return s.tokens.map((t, i) => {
    const lower = t.text.toLowerCase().replace(/’/g, "'");
    return { i, text: t.text, lower, lemma: lemmaFor(lower, t.lemma.replace(/’/g, "'"), t.pos, lemmas), pos: t.pos, start: t.start, end: t.end };
  });
}

function isIsoDate(d: string | null | undefined): d is string {
  return !!d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
}

function hostOf(source: string | null): string | null {
  if (!source) return null;
  const m = /^[a-z]+:\/\/([^/:?#]+)/i.exec(source.trim());
  return m?.[1]?.toLowerCase() ?? null;
}

function authorOf(doc: Doc, config: CoderConfig): Resolved | null {
  const host = hostOf(doc.meta.source);
  if (!host) return null;
  const p = config.publishers.find((x) => host === x.domain || host.endsWith(`.${x.domain}`));
  return p ? { country: p.country, sector: p.sector, entry: `publisher:${p.domain}` } : null;
}

const NEWS_WORDS = /\b(readout|call|conversation|meeting|talks|statement|press|news|current events|remarks|transcript|interview|conference|visit|message|briefing|address)\b/i;

function factsOf(doc: Doc): DocFacts {
  const title = `${doc.meta.title ?? ''} ${doc.meta.source ?? ''}`;
  if (NEWS_WORDS.test(title)) return { genre: 'news' };
  return { genre: doc.text.length < 1500 ? 'news' : 'analysis' };
}

function docPairOf(countsByCountry: Map<string, number>, actors: ActorIndex): readonly [Resolved, Resolved] | null {
  const ranked = [...countsByCountry.entries()].filter(([c]) => actors.countries.has(c)).sort((a, b) => b[1] - a[1]);
  const a = ranked[0];
  const b = ranked[1];
  if (!a || !b) return null;
  return [
    { country: a[0], sector: 'GOV', entry: `country:${a[0]}` },
    { country: b[0], sector: 'GOV', entry: `country:${b[0]}` },
  ];
}

/** The speaker label that opens a transcript sentence ("Vladimir Putin: …"), as the word index after the colon. */
function speakerLabel(words: readonly Word[], resolved: readonly ResolvedMention[]): { contentStart: number; speaker: Resolved | null } {
  const colon = words.findIndex((w, i) => w.text === ':' && i <= 14);
  if (colon < 1) return { contentStart: 0, speaker: null };
  const before = resolved.filter((r) => r.mention.last < colon);
  const label = before.at(-1);
  if (!label || label.actors.length !== 1 || label.mention.last !== colon - 1) return { contentStart: 0, speaker: null };
  if (!label.mention.person && label.mention.kind !== 'title') return { contentStart: 0, speaker: null };
  return { contentStart: colon + 1, speaker: label.actors[0] ?? null };
}

interface Prepared {
  readonly sentence: Sentence;
  readonly scan: readonly ScanToken[];
  readonly candidate: boolean;
  readonly why: NoEventReason | null;
}

/** Decides, from the fast scan alone, whether a sentence can hold an event. */
function prepared(sentence: Sentence, config: CoderConfig, counts: Map<string, number>): Prepared {
  const scan = scanTokens(sentence.text, sentence.span.start);
  const lowers = scan.map((t) => t.lower);
  const matches = rawMatches(config.actors, scan);
  for (const m of matches) {
    // A state named as a place ("in Syria") is not one of the parties the document is about.
    if (LOCATIVE.has(scan[m.first - 1]?.lower ?? '') || (scan[m.first - 1]?.lower === 'the' && LOCATIVE.has(scan[m.first - 2]?.lower ?? ''))) continue;
    const c = m.candidates.find((x) => ['country', 'adjective', 'metonym', 'demonym', 'person'].includes(x.kind));
    if (c) counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
  }
  if (!mayHoldTrigger(config.verbs, lowers)) {
    return { sentence, scan, candidate: false, why: { kind: 'no-trigger', detail: 'no verb or event noun of the dictionary' } };
  }
  const actorish = matches.some((m) => m.candidates.some((c) => c.kind !== 'agent' && c.kind !== 'region' && c.kind !== 'place'))
    || lowers.some((l) => REFERRING.has(l)) || matches.some((m) => m.candidates.some((c) => c.kind === 'agent'));
  if (!actorish) return { sentence, scan, candidate: false, why: { kind: 'no-actor', detail: 'no actor, pronoun or collective' } };
  return { sentence, scan, candidate: true, why: null };
}

function contextsOf(words: readonly Word[], index: ContextIndex, near: number): { contexts: Context[]; entries: string[] } {
  const hits: { at: number; contexts: readonly Context[]; id: string }[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const options = index.byFirst.get(w.lower) ?? index.byFirst.get(w.lemma);
    let matched = false;
    for (const p of options ?? []) {
      const ok = p.words.every((x, k) => {
        const t = words[i + k];
        if (!t) return false;
        if (p.prefix && k === p.words.length - 1) return t.lower.startsWith(x);
        return t.lower === x || t.lemma === x;
      });
      if (ok) {
        hits.push({ at: i, contexts: p.contexts, id: p.id });
        i += p.words.length - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    for (const p of index.prefixes) {
      if (w.lower.startsWith(p.words[0] ?? '\u0000')) {
        hits.push({ at: i, contexts: p.contexts, id: p.id });
        break;
      }
    }
  }
  hits.sort((a, b) => Math.abs(a.at - near) - Math.abs(b.at - near));
  const contexts: Context[] = [];
  for (const h of hits) for (const c of h.contexts) if (!contexts.includes(c)) contexts.push(c);
  return { contexts, entries: hits.map((h) => `context:${h.id}`) };
}

const LOCATIVE = new Set(['in', 'to', 'from', 'into', 'across', 'within', 'throughout', 'over', 'on', 'inside', 'near', 'towards', 'toward', 'against']);

/**
 * The place an event is about: the first region, or state named as a place
 * ("policy in Syria", "routes to Afghanistan"), that is not one of its ends.
 * Cities and venues say where, not what about; a capital standing for its
 * government is an actor, not a place.
 */
function theaterOf(words: readonly Word[], resolved: readonly ResolvedMention[], ends: ReadonlySet<string>): string | null {
  for (const r of resolved) {
    const m = r.mention;
    if (m.kind === 'location' && m.theater && !m.place && !ends.has(m.theater)) return m.theater;
    if ((m.kind === 'actor' || m.kind === 'adjectival') && m.theater && r.actors.length === 1 && !m.ref?.entry.includes(':', 'country:'.length)) {
      const a = r.actors[0]!;
      const prep = prepositionBefore(words, m.first);
      if (prep && LOCATIVE.has(prep) && !ends.has(a.country) && a.country.length === 3) return a.country;
    }
  }
  return null;
}

function dateFor(d: Draft, dates: readonly DateMention[], words: readonly Word[], docDate: string | null, facts: DocFacts): string | null {
  const head = words[d.trigger.head];
  if (head) {
    let best: DateMention | null = null;
    let bestDistance = Infinity;
    for (const m of dates) {
      if (m.kind === 'deadline' || m.kind === 'vague') {
        if (m.kind === 'vague' && Math.abs(m.start - head.start) < 80) return null;
        continue;
      }
      const distance = Math.abs(m.start - head.start);
      if (distance < bestDistance) {
        best = m;
        bestDistance = distance;
      }
    }
    if (best?.value) return best.value;
  }
  if (d.modality !== 'asserted') return null;
  if (facts.genre === 'news') return docDate;
  const l = head?.lower ?? '';
  if (docDate && (/ing$/.test(l) || /s$/.test(l))) return docDate.slice(0, 4);
  return null;
}

function refOf(end: End, igoCodes: ReadonlySet<string>): ActorRef {
  const isIgo = igoCodes.has(end.actor.country);
  return {
    text: end.text,
    country: end.actor.country,
    sector: isIgo ? null : end.actor.sector,
    entry: end.actor.entry,
    span: end.start != null && end.end != null ? { start: end.start, end: end.end } : null,
  };
}

function reasonOf(r: Rejection): NoEventReason {
  return { kind: r.kind, detail: r.detail };
}

/** What the coder saw in one sentence, for `detente explain`. */
export interface SentenceTrace {
  readonly words: readonly Word[];
  readonly mentions: readonly ResolvedMention[];
  readonly triggers: readonly Trigger[];
  readonly drafts: readonly Draft[];
  readonly rejections: readonly Rejection[];
}

interface SentenceOutcome {
  readonly events: Event[];
  readonly reasons: NoEventReason[];
  readonly trace: SentenceTrace;
  readonly resolved: readonly ResolvedMention[];
  readonly speaker: Resolved | null;
}

function codeOne(
  doc: Doc, s: Sentence, words: readonly Word[], d: Discourse, config: CoderConfig, docDate: string | null, facts: DocFacts,
): SentenceOutcome {
  const mentions: Mention[] = mentionsFromWords(config.actors, words, docDate);
  const first = resolvedMentions(mentions, d);
  const label = speakerLabel(words, first);
  const discourse = label.speaker ? nextDiscourse(d, [], label.speaker) : d;
  const resolved = withPluralPronouns(words, label.speaker ? resolvedMentions(mentions, discourse) : first);
  const triggers = triggersFromWords(config.verbs, words);
  // "US" in capitals is the country, not the pronoun.
  const firstOrSecond = words.some((w) => w.text !== w.text.toUpperCase() || w.text === 'I' ? FIRST_SINGULAR.has(w.lower) || FIRST_PLURAL.has(w.lower) || SECOND.has(w.lower) : false);
  const speech = !!discourse.speaker && (label.speaker !== null || firstOrSecond);
  const { drafts, rejections } = draftsFromSentence({
    words, mentions: resolved, triggers, discourse, facts, contentStart: label.contentStart, speech,
  });
  const heading = doc.sections.some((x) => x.span.start === s.span.start && x.title === s.text);
  const reasons: NoEventReason[] = rejections.map(reasonOf);
  if (triggers.length === 0) reasons.push({ kind: 'no-trigger', detail: 'no verb or event noun of the dictionary' });
  if (heading && !words.some((w) => w.pos === 'VERB')) {
    return { events: [], reasons: [{ kind: 'heading', detail: 'a heading without a finite verb' }], trace: { words, mentions: resolved, triggers, drafts, rejections }, resolved, speaker: label.speaker };
  }
  const dates = dateMentionsFromText(s.text, docDate).map((m) => ({ ...m, start: m.start + s.span.start, end: m.end + s.span.start }));
  const merged = new Map<string, Event>();
  for (const draft of drafts) {
    const head = words[draft.trigger.head]!;
    const ends = new Set([draft.source.actor.country, draft.target.actor.country]);
    const { contexts: keywordContexts, entries: contextEntries } = contextsOf(words, config.contexts, draft.trigger.head);
    let contexts: Context[] = [...draft.trigger.rule.contexts];
    for (const c of keywordContexts) if (!contexts.includes(c)) contexts.push(c);
    if (keywordContexts.length === 0 && s.section) {
      for (const c of contextsOf(scanTokens(s.section).map((t, i) => ({ i, text: t.text, lower: t.lower, lemma: t.lower, pos: 'X', start: 0, end: 0 })), config.contexts, 0).contexts) {
        if (!contexts.includes(c)) contexts.push(c);
      }
    }
    if (contexts.length === 0) contexts = ['diplomatic'];
    const type = draft.type;
    const key = `${draft.source.actor.country}|${draft.target.actor.country}|${type}|${draft.negated}|${draft.modality}`;
    const existing = merged.get(key);
    if (existing) {
      const union = [...existing.contexts];
      for (const c of contexts) if (!union.includes(c)) union.push(c);
      merged.set(key, { ...existing, contexts: union });
      continue;
    }
    const rule = draft.trigger.rule;
    const triggerEnd = words[draft.trigger.end] ?? head;
    merged.set(key, {
      origin: 'coded',
      originId: null,
      doc: doc.name,
      docId: doc.id,
      sentence: { index: s.index, text: s.text, start: s.span.start, end: s.span.end },
      span: { start: head.start, end: triggerEnd.end },
      source: refOf(draft.source, config.igoCodes),
      target: refOf(draft.target, config.igoCodes),
      type,
      mode: null,
      quad: TYPE_TABLE[type].quad,
      intensity: TYPE_TABLE[type].intensity,
      cameo: rule.cameo,
      negated: draft.negated,
      modality: draft.modality,
      contexts,
      theater: theaterOf(words, resolved, ends),
      date: dateFor(draft, dates, words, docDate, facts),
      section: s.section,
      rule: `${rule.id} (verbs.tsv:${rule.line}); ${draft.how}`,
      entries: [`verb:${rule.id}`, draft.source.actor.entry, draft.target.actor.entry, ...contextEntries],
      url: null,
    });
  }
  return { events: [...merged.values()], reasons, trace: { words, mentions: resolved, triggers, drafts, rejections }, resolved, speaker: label.speaker };
}

/**
 * Codes a document's sentences into events, in order, carrying the discourse
 * (speaker, pair, pronoun candidates) from sentence to sentence. Sentences the
 * fast scan shows cannot hold an event skip POS tagging and the rules.
 */
export function codedSentencesFromDoc(doc: Doc, sentences: readonly Sentence[], config: CoderConfig = defaultCoderConfig(), options: CodeOptions = {}): CodedSentence[] {
  const docDate = isIsoDate(options.date) ? options.date : isIsoDate(doc.meta.date) ? doc.meta.date : null;
  const counts = new Map<string, number>();
  const prefilter = options.prefilter !== false;
  const prep = sentences.map((s) => prepared(s, config, counts));
  const toAnalyse = prep.filter((p) => p.candidate || !prefilter).map((p) => p.sentence);
  const analysed = new Map<number, AnalysedSentence>();
  for (const a of analysedSentences(toAnalyse)) analysed.set(a.index, a);
  const facts = factsOf(doc);
  const author = authorOf(doc, config);
  let discourse = openingDiscourse(author, docPairOf(counts, config.actors));
  const out: CodedSentence[] = [];
  for (const p of prep) {
    const a = analysed.get(p.sentence.index);
    if (!a) {
      const words = wordsFromScan(p.scan);
      const resolved = resolvedMentions(mentionsFromWords(config.actors, words, docDate), discourse);
      discourse = nextDiscourse(discourse, withGroups(words, resolved), null);
      out.push({ sentence: p.sentence, events: [], reasons: p.why ? [p.why] : [], analysed: false });
      continue;
    }
    const words = wordsFromAnalysed(a, config.lemmas);
    const outcome = codeOne(doc, p.sentence, words, discourse, config, docDate, facts);
    discourse = nextDiscourse(discourse, withGroups(words, outcome.resolved), outcome.speaker);
    // Whom the speaker met or called is whom "you" and "our conversation" refer to from then on.
    const met = outcome.events.find((e) => e.type === 'CONSULT' && e.source.country === discourse.speaker?.country && e.target.country !== e.source.country);
    if (met) discourse = { ...discourse, addressee: { country: met.target.country, sector: met.target.sector, entry: met.target.entry ?? `country:${met.target.country}` } };
    out.push({ sentence: p.sentence, events: outcome.events, reasons: outcome.events.length > 0 ? [] : outcome.reasons, analysed: true });
  }
  return out;
}

// "They" after a coordination in the same sentence ("Russia and the US announced that they will…") is that group.
function withPluralPronouns(words: readonly Word[], resolved: readonly ResolvedMention[]): ResolvedMention[] {
  const groups = actorGroups(words, resolved.filter((r) => r.mention.pronoun !== 'they'));
  return resolved.map((r) => {
    if (r.mention.pronoun !== 'they') return r;
    const group = [...groups].reverse().find((g) => g.last < r.mention.first && g.members.length >= 2);
    return group ? { ...r, actors: group.members.flatMap((m) => m.actors) } : r;
  });
}

// Coordinated actors ("Moscow and Washington") count as one named pair for later collectives.
function withGroups(words: readonly Word[], resolved: readonly ResolvedMention[]): ResolvedMention[] {
  const groups = actorGroups(words, resolved);
  const extra: ResolvedMention[] = [];
  for (const g of groups) {
    const actors = g.members.flatMap((m) => m.actors);
    const countries = new Set(actors.map((a) => a.country));
    if (g.members.length >= 2 && countries.size === 2 && g.members.every((m) => m.via === 'named')) {
      const first = g.members[0]!.mention;
      extra.push({ mention: { ...first, kind: 'pair', plural: true }, actors, via: 'named' });
    }
  }
  return [...resolved, ...extra];
}

/** Explains how one sentence is read: its words, actors, triggers, drafts, and why nothing was coded. */
export function explainSentence(doc: Doc, sentence: Sentence, config: CoderConfig = defaultCoderConfig()): { readonly coded: CodedSentence; readonly trace: SentenceTrace } {
  const docDate = isIsoDate(doc.meta.date) ? doc.meta.date : null;
  const [a] = analysedSentences([sentence]);
  const words = a ? wordsFromAnalysed(a, config.lemmas) : [];
  const counts = new Map<string, number>();
  prepared(sentence, config, counts);
  const discourse = openingDiscourse(authorOf(doc, config), docPairOf(counts, config.actors));
  const outcome = codeOne(doc, sentence, words, discourse, config, docDate, factsOf(doc));
  return {
    coded: { sentence, events: outcome.events, reasons: outcome.events.length > 0 ? [] : outcome.reasons, analysed: true },
    trace: outcome.trace,
  };
}
