import { analysedSentences } from '../nlp/analyse.ts';
import { dateMentionsFromText } from '../nlp/dates.ts';
import type { DateMention } from '../nlp/dates.ts';
import { scanTokens } from '../nlp/scan.ts';
import type { ScanToken } from '../nlp/scan.ts';
import { ConfigError } from '../errors.ts';
import { SECTORS, TYPE_TABLE } from '../types.ts';
import type {
  ActorRef, AnalysedSentence, Assessment, Context, Doc, Event, NoEventReason, Sector, Sentence,
} from '../types.ts';
import { actorIndexFromLexicon, rawMatches } from './actor-index.ts';
import type { ActorIndex, RawMatch } from './actor-index.ts';
import { actorGroups, prepositionBefore } from './clauses.ts';
import type { ActorGroup } from './clauses.ts';
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
import { triggersFromWords } from './triggers.ts';
import type { Trigger } from './triggers.ts';
import { defaultContextIndex, defaultVerbIndex, inflections } from './verbs.ts';
import type { ContextIndex, VerbIndex } from './verbs.ts';
import { phraseHitsOf } from './phrases.ts';
import { assessmentsFromSentence, defaultStateIndex, hasStateWords } from './assessments.ts';
import type { StateIndex } from './assessments.ts';

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
  /** Inflected forms of the verbs that head verbal (not nominal) patterns. */
  readonly verbForms: ReadonlySet<string>;
  readonly contexts: ContextIndex;
  /** Words that say how two actors stand (assessments, not events). */
  readonly states: StateIndex;
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
    verbForms: verbFormsOf(verbs),
    contexts: defaultContextIndex(),
    states: defaultStateIndex(),
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
  /** What the sentence says about how two actors stand: not events, kept apart. */
  readonly assessments: readonly Assessment[];
  /** Whether the sentence went through POS tagging and the rules. */
  readonly analysed: boolean;
}

/** Words that stand for several actors or for a speaker and an addressee. */
const PLURAL_OR_SPEECH = new Set([
  ...FIRST_SINGULAR, ...FIRST_PLURAL, ...SECOND, ...THIRD_PLURAL, 'both', 'two', 'sides', 'bilateral', 'leaders', 'presidents', 'parties',
]);

const REFERRING = new Set([
  ...FIRST_SINGULAR, ...FIRST_PLURAL, ...SECOND, ...THIRD_SINGULAR_PERSON, ...THIRD_SINGULAR_THING, ...THIRD_PLURAL,
  'both', 'two', 'sides', 'latter', 'former', 'bilateral', 'country', 'president', 'presidents', 'leaders', 'parties',
]);

function wordsFromScan(tokens: readonly ScanToken[]): Word[] {
  return tokens.map((t, i) => ({ i, text: t.text, lower: t.lower, lemma: t.lower, pos: 'X', start: t.start, end: t.end }));
}

/** Inflected forms of the heads of verbal patterns ("sign", "expel"; not "summit"). */
export function verbFormsOf(verbs: VerbIndex): Set<string> {
  const forms = new Set<string>();
  for (const rule of verbs.rules) {
    if (rule.flags.has('noun') || rule.head.pos === 'N') continue;
    for (const w of rule.head.words) for (const f of inflections(w)) forms.add(f);
  }
  return forms;
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

function wordsFromAnalysed(s: AnalysedSentence): readonly Word[] {
  return s.tokens;
}

function isIsoDate(d: string | null | undefined): d is string {
  return !!d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d);
}

function hostOf(source: string | null): string | null {
  if (!source) return null;
  const m = /^[a-z]+:\/\/([^/:?#]+)/i.exec(source.trim());
  return m?.[1]?.toLowerCase() ?? null;
}

// Who speaks as "I" and "we": the publisher of the source's site, else the first actor the front matter's
// publisher names ("The White House, Office of the Press Secretary"), not a place.
function authorOf(doc: Doc, config: CoderConfig): Resolved | null {
  const host = hostOf(doc.meta.source);
  const p = host ? config.publishers.find((x) => host === x.domain || host.endsWith(`.${x.domain}`)) : undefined;
  if (p) return { country: p.country, sector: p.sector, entry: `publisher:${p.domain}` };
  if (!doc.meta.publisher) return null;
  const named = mentionsFromWords(config.actors, wordsFromScan(scanTokens(doc.meta.publisher)), doc.meta.date);
  return named.find((m) => m.ref && !m.place && (m.kind === 'actor' || m.kind === 'title'))?.ref ?? null;
}

const NEWS_WORDS = /\b(readout|call|conversation|meeting|talks|statement|press|news|current events|remarks|transcript|interview|conference|visit|message|briefing|address)\b/i;

const CONVERSATION_WORDS = /\b(readout|call|conversation|meeting|talks|visit|conference|interview)\b/i;

function factsOf(doc: Doc): DocFacts {
  const title = `${doc.meta.title ?? ''} ${doc.meta.source ?? ''}`;
  const conversation = CONVERSATION_WORDS.test(doc.meta.title ?? '');
  if (NEWS_WORDS.test(title)) return { genre: 'news', conversation };
  return { genre: doc.text.length < 1500 ? 'news' : 'analysis', conversation };
}

/**
 * The two states a document is about, when two clearly dominate its mentions
 * (half of them at least, the second named three times or more); a digest of
 * unrelated news items has none.
 */
function docPairOf(countsByCountry: Map<string, number>, actors: ActorIndex): readonly [Resolved, Resolved] | null {
  const ranked = [...countsByCountry.entries()].filter(([c]) => actors.countries.has(c)).sort((a, b) => b[1] - a[1]);
  const a = ranked[0];
  const b = ranked[1];
  if (!a || !b) return null;
  const total = ranked.reduce((sum, [, n]) => sum + n, 0);
  if (a[1] + b[1] < total / 2 || b[1] < 3) return null;
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
  // A translator's note may sit between the name and the colon ("Xi Jinping (retranslated):").
  const note = words[colon - 1]?.text === ')' ? words.findLastIndex((w, i) => i < colon && w.text === '(') : -1;
  const end = note > 0 ? note - 1 : colon - 1;
  if (!label || label.actors.length !== 1 || label.mention.last !== end) return { contentStart: 0, speaker: null };
  if (!label.mention.person && label.mention.kind !== 'title') return { contentStart: 0, speaker: null };
  return { contentStart: colon + 1, speaker: label.actors[0] ?? null };
}

interface Prepared {
  readonly sentence: Sentence;
  readonly words: readonly Word[];
  readonly matches: readonly RawMatch[];
  readonly triggers: readonly Trigger[];
  readonly candidate: boolean;
  readonly why: NoEventReason | null;
}

/** Reads a tagged sentence far enough to tell whether it can hold an event: a trigger and something that can be an actor. */
function prepared(a: AnalysedSentence, config: CoderConfig, counts: Map<string, number>, conversation: boolean): Prepared {
  const words = wordsFromAnalysed(a);
  const matches = rawMatches(config.actors, words);
  for (const m of matches) {
    // A state named as a place ("in Syria") is not one of the parties the document is about.
    const before = words[m.first - 1]?.lower ?? '';
    if (LOCATIVE.has(before) || (before === 'the' && LOCATIVE.has(words[m.first - 2]?.lower ?? ''))) continue;
    const c = m.candidates.find((x) => x.kind === 'country' || x.kind === 'adjective' || x.kind === 'metonym' || x.kind === 'demonym' || x.kind === 'person');
    if (c) counts.set(c.code, (counts.get(c.code) ?? 0) + 1);
  }
  const sentence: Sentence = { docId: a.docId, index: a.index, text: a.text, span: a.span, paragraph: a.paragraph, section: a.section };
  const triggers = triggersFromWords(config.verbs, words);
  if (triggers.length === 0) {
    return { sentence, words, matches, triggers, candidate: false, why: { kind: 'no-trigger', detail: 'no verb or event noun of the dictionary' } };
  }
  // An event needs two ends: two references (names, places, pronouns), or one that stands for several
  // ("they", "both sides"), or a speaker and an addressee ("we", "you").
  let references = matches.length;
  let several = false;
  for (const w of words) {
    if (REFERRING.has(w.lower)) references++;
    if (PLURAL_OR_SPEECH.has(w.lower) && (w.text !== 'US' || w.lower !== 'us')) several = true;
  }
  if (!several) several = matches.some((m) => m.candidates.some((c) => c.plural));
  // In the record of a call or meeting, thanks, letters and stated needs may go to the other side unnamed.
  if (!several && conversation) several = triggers.some((t) => t.rule.flags.has('addressee') || t.rule.id === 'note-need');
  if (references === 0) return { sentence, words, matches, triggers, candidate: false, why: { kind: 'no-actor', detail: 'no actor, pronoun or collective' } };
  if (references < 2 && !several) return { sentence, words, matches, triggers, candidate: false, why: { kind: 'one-actor', detail: 'only one actor, pronoun or place: an event needs two ends' } };
  return { sentence, words, matches, triggers, candidate: true, why: null };
}

interface ContextHit {
  readonly at: number;
  readonly contexts: readonly Context[];
  readonly id: string;
}

/** Every context keyword of a sentence, with its word position. */
function contextHitsOf(words: readonly Word[], index: ContextIndex): ContextHit[] {
  return phraseHitsOf(words, index).map((h) => ({ at: h.at, contexts: h.phrase.value, id: h.phrase.id }));
}

/** The contexts of the hits, nearest to the trigger first. */
function contextsNear(hits: readonly ContextHit[], near: number): { contexts: Context[]; entries: string[] } {
  const sorted = [...hits].sort((x, y) => Math.abs(x.at - near) - Math.abs(y.at - near));
  const contexts: Context[] = [];
  for (const h of sorted) for (const c of h.contexts) if (!contexts.includes(c)) contexts.push(c);
  return { contexts, entries: sorted.map((h) => `context:${h.id}`) };
}

const STATE_ORGANS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'LEG', 'JUD', 'SPY']);

const LOCATIVE = new Set(['in', 'to', 'from', 'into', 'across', 'within', 'throughout', 'over', 'on', 'inside', 'near', 'towards', 'toward', 'against']);

/**
 * The place an event is about: the first region, or state named as a place
 * ("policy in Syria", "routes to Afghanistan"), that is not one of its ends.
 * Cities and venues say where, not what about; a capital standing for its
 * government is an actor, not a place.
 */
function theaterOf(words: readonly Word[], resolved: readonly ResolvedMention[], ends: ReadonlySet<string>, acting: ReadonlySet<string>, igoCodes: ReadonlySet<string>): string | null {
  for (const r of resolved) {
    const m = r.mention;
    if (m.kind === 'location' && m.theater && !m.place && !ends.has(m.theater) && !isVenue(words, m.first)) return m.theater;
    if ((m.kind === 'actor' || m.kind === 'adjectival') && r.actors.length === 1 && r.via === 'named') {
      const a = r.actors[0]!;
      // A state acting in another event of the sentence is an actor, not a place ("despite US opposition");
      // one acted upon may still be where the act is about ("supporting the Northern Alliance").
      if (ends.has(a.country) || acting.has(a.country) || a.country.length !== 3 || igoCodes.has(a.country)) continue;
      const prep = prepositionBefore(words, m.first);
      if (m.theater && !m.ref?.entry.includes(':', 'country:'.length) && prep && LOCATIVE.has(prep)) return a.country;
      // The state of a non-state third party the act concerns ("efforts to oust the Taliban"); a state's own
      // organs (its legislature, courts, services, laws) are that state acting, not a place.
      if (!STATE_ORGANS.has(a.sector ?? '')) return a.country;
    }
  }
  return null;
}

const PROJECTS = new Set(['project', 'projects', 'venture', 'ventures', 'plant', 'plants', 'programme', 'program', 'exercise', 'exercises', 'operation', 'operations', 'mission', 'initiative', 'fund', 'festival', 'construction', 'pipeline', 'station', 'hotline', 'group', 'centre', 'center', 'agreement', 'treaty']);

function namesAProject(words: readonly Word[]): boolean {
  return words.some((w) => PROJECTS.has(w.lower));
}

const GATHERINGS = new Set(['meeting', 'summit', 'talks', 'conference', 'session', 'forum']);

// Where a meeting was held ("the G-8 meeting held in June in Fermanagh, Northern Ireland") is no theater.
function isVenue(words: readonly Word[], first: number): boolean {
  let at = first - 1;
  // "in Fermanagh, Northern Ireland": the region after the town.
  if (words[at]?.text === ',') {
    at--;
    while (at > 0 && /^\p{Lu}/u.test(words[at]!.text)) at--;
  }
  const prep = words[at]?.lower;
  if (prep !== 'in' && prep !== 'at') return false;
  for (let k = at - 1; k >= Math.max(0, at - 7); k--) if (GATHERINGS.has(words[k]!.lower)) return true;
  return false;
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
  readonly groups: readonly ActorGroup[];
  readonly speaker: Resolved | null;
}

function codeOne(
  doc: Doc, s: Sentence, words: readonly Word[], d: Discourse, config: CoderConfig, docDate: string | null, facts: DocFacts,
  found?: readonly Trigger[], matches?: readonly RawMatch[],
): SentenceOutcome {
  const mentions: Mention[] = mentionsFromWords(config.actors, words, docDate, matches);
  const first = resolvedMentions(mentions, d);
  const label = speakerLabel(words, first);
  const discourse = label.speaker ? nextDiscourse(d, [], label.speaker) : d;
  const resolved = withPluralPronouns(words, label.speaker ? resolvedMentions(mentions, discourse) : first);
  const triggers = found ?? triggersFromWords(config.verbs, words);
  const speech = !!discourse.speaker && (label.speaker !== null || hasFirstOrSecondPerson(words));
  const groups = actorGroups(words, resolved);
  const { drafts, rejections } = draftsFromSentence({
    words, mentions: resolved, groups, triggers, discourse, facts, contentStart: label.contentStart, speech,
  });
  const heading = s.section !== null && s.text === s.section && doc.sections.some((x) => x.span.start === s.span.start);
  const reasons: NoEventReason[] = rejections.map(reasonOf);
  if (triggers.length === 0) reasons.push({ kind: 'no-trigger', detail: 'no verb or event noun of the dictionary' });
  if (heading && !words.some((w) => w.pos === 'VERB')) {
    return { events: [], reasons: [{ kind: 'heading', detail: 'a heading without a finite verb' }], trace: { words, mentions: resolved, triggers, drafts, rejections }, resolved, groups, speaker: label.speaker };
  }
  const merged = new Map<string, Event>();
  if (drafts.length === 0) return { events: [], reasons, trace: { words, mentions: resolved, triggers, drafts, rejections }, resolved, groups, speaker: label.speaker };
  const dates = dateMentionsFromText(s.text, docDate).map((m) => ({ ...m, start: m.start + s.span.start, end: m.end + s.span.start }));
  const hits = contextHitsOf(words, config.contexts);
  const sectionContexts = s.section ? contextsNear(contextHitsOf(wordsFromScan(scanTokens(s.section)), config.contexts), 0).contexts : [];
  const acting = new Set(drafts.map((d) => d.source.actor.country));
  for (const draft of drafts) {
    const head = words[draft.trigger.head]!;
    const ends = new Set([draft.source.actor.country, draft.target.actor.country]);
    const { contexts: keywordContexts, entries: contextEntries } = contextsNear(hits, draft.trigger.head);
    let contexts: Context[] = [...draft.trigger.rule.contexts];
    for (const c of keywordContexts) if (!contexts.includes(c)) contexts.push(c);
    // A sentence that names no issue takes its section's ("Counter-terrorism"),
    // unless the act is about the relationship as a whole ("tried to reset the US-Russia relationship").
    const sectionGiven = keywordContexts.length === 0 && sectionContexts.length > 0 && !aboutTheRelationship(words, draft.trigger.end);
    if (sectionGiven) for (const c of sectionContexts) if (!contexts.includes(c)) contexts.push(c);
    const theater = theaterOf(words, resolved, ends, acting, config.igoCodes);
    // Cooperation with no named issue, project or place is a state ("deepening our practical cooperation").
    if (draft.type === 'COOPERATE' && draft.trigger.rule.contexts.length === 0 && keywordContexts.length === 0 && !sectionGiven && theater === null && !namesAProject(words)) {
      reasons.push({ kind: 'not-an-act', detail: `"${head.text}": cooperation with no named issue, project or place is a state` });
      continue;
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
      cameo: type === rule.type ? rule.cameo : TYPE_TABLE[type].cameo,
      negated: draft.negated,
      modality: draft.modality,
      contexts,
      theater,
      date: dateFor(draft, dates, words, docDate, facts),
      section: s.section,
      rule: `${rule.id} (verbs.tsv:${rule.line}); ${draft.how}`,
      entries: [`verb:${rule.id}`, draft.source.actor.entry, draft.target.actor.entry, ...contextEntries],
      url: null,
    });
  }
  return { events: [...merged.values()], reasons, trace: { words, mentions: resolved, triggers, drafts, rejections }, resolved, groups, speaker: label.speaker };
}

const RELATIONSHIP = new Set(['relations', 'relationship', 'ties']);

function aboutTheRelationship(words: readonly Word[], end: number): boolean {
  for (let k = end + 1; k < words.length && k <= end + 8; k++) {
    const w = words[k]!;
    if (RELATIONSHIP.has(w.lower)) return true;
    if (w.text === ',' || w.text === ';' || (w.pos === 'VERB' && k > end + 1)) return false;
  }
  return false;
}

// "US" in capitals is the country, not the pronoun "us".
function hasFirstOrSecondPerson(words: readonly Word[]): boolean {
  for (const w of words) {
    if ((FIRST_SINGULAR.has(w.lower) || FIRST_PLURAL.has(w.lower) || SECOND.has(w.lower)) && (w.text === 'I' || w.text !== w.text.toUpperCase())) return true;
  }
  return false;
}

/**
 * Codes a document's sentences into events, in order, carrying the discourse
 * (speaker, pair, pronoun candidates) from sentence to sentence. Sentences
 * with no trigger, or with fewer than two ends, skip the rules: they only carry
 * the discourse on, and give their assessments (how two actors stand), which
 * any sentence with a state word may hold.
 */
export function codedSentencesFromDoc(doc: Doc, sentences: readonly Sentence[], config: CoderConfig = defaultCoderConfig(), options: CodeOptions = {}): CodedSentence[] {
  const docDate = isIsoDate(options.date) ? options.date : isIsoDate(doc.meta.date) ? doc.meta.date : null;
  const counts = new Map<string, number>();
  const prefilter = options.prefilter !== false;
  const facts = factsOf(doc);
  const prep = analysedSentences(sentences, { lemmas: config.lemmas, verbForms: config.verbForms }).map((a) => prepared(a, config, counts, facts.conversation));
  const author = authorOf(doc, config);
  let discourse = openingDiscourse(author, docPairOf(counts, config.actors));
  const out: CodedSentence[] = [];
  for (const p of prep) {
    if (!p.candidate && (prefilter || p.triggers.length === 0)) {
      // Nothing to code: only carry the discourse on, with whoever a label gives the floor to ("Dmitry Medvedev: Mr President,").
      const light = lightMentions(p, config, docDate, discourse);
      const assessments = assessmentsOf(doc, p.sentence, p.words, light, null, config, docDate, discourse.pair);
      discourse = nextDiscourse(discourse, light, speakerLabel(p.words, light).speaker);
      out.push({ sentence: p.sentence, events: [], reasons: p.why ? [p.why] : [], assessments, analysed: false });
      continue;
    }
    const before = discourse;
    const outcome = codeOne(doc, p.sentence, p.words, discourse, config, docDate, facts, p.triggers, p.matches);
    discourse = nextDiscourse(discourse, withGroups(p.words, outcome.resolved, outcome.groups), outcome.speaker);
    // Whom the speaker met or called is whom "you" and "our conversation" refer to from then on.
    const met = outcome.events.find((e) => e.type === 'CONSULT' && e.source.country === discourse.speaker?.country && e.target.country !== e.source.country && isState(e.target.country, config));
    if (met) discourse = { ...discourse, addressee: { country: met.target.country, sector: met.target.sector, entry: met.target.entry ?? `country:${met.target.country}` } };
    // The two states that met are the pair "the two leaders" and "both sides" refer to next, unless the sentence named one.
    const meeting = outcome.events.find((e) => e.type === 'CONSULT' && isState(e.source.country, config) && isState(e.target.country, config) && e.source.country !== e.target.country);
    if (meeting && discourse.pair === before.pair) {
      discourse = { ...discourse, pair: [{ country: meeting.source.country, sector: 'GOV', entry: `country:${meeting.source.country}` }, { country: meeting.target.country, sector: 'GOV', entry: `country:${meeting.target.country}` }] };
    }
    const assessments = assessmentsOf(doc, p.sentence, p.words, outcome.resolved, outcome.groups, config, docDate, before.pair);
    out.push({ sentence: p.sentence, events: outcome.events, reasons: outcome.events.length > 0 ? [] : outcome.reasons, assessments, analysed: true });
  }
  return out;
}

/** What a sentence says about how two actors stand, read only when it holds a state word. */
function assessmentsOf(
  doc: Doc, s: Sentence, words: readonly Word[], resolved: readonly ResolvedMention[], groups: readonly ActorGroup[] | null, config: CoderConfig, docDate: string | null,
  pair: readonly [Resolved, Resolved] | null,
): Assessment[] {
  if (resolved.length === 0 || !hasStateWords(words, config.states)) return [];
  return assessmentsFromSentence({
    doc,
    sentence: s,
    words,
    mentions: resolved,
    groups: groups ?? actorGroups(words, resolved),
    contexts: contextHitsOf(words, config.contexts),
    date: docDate,
    isActor: (code) => config.igoCodes.has(code) || config.actors.countries.has(code),
    isState: (code) => isState(code, config),
    pair,
  }, config.states);
}

function isState(code: string, config: CoderConfig): boolean {
  return code.length === 3 && !config.igoCodes.has(code) && config.actors.countries.has(code);
}

/** Mentions of a sentence that is not coded, for the discourse after it. */
function lightMentions(p: Prepared, config: CoderConfig, docDate: string | null, discourse: Discourse): readonly ResolvedMention[] {
  if (p.matches.length === 0 && !p.words.some((w) => REFERRING.has(w.lower))) return [];
  return withGroups(p.words, resolvedMentions(mentionsFromWords(config.actors, p.words, docDate, p.matches), discourse));
}

function pluralPronoun(r: ResolvedMention): boolean {
  return r.mention.pronoun === 'they' || r.mention.pronoun === 'pair';
}

// "They" after a coordination in the same sentence ("Russia and the US announced that they will…") is that group;
// "Both countries" after "Obama and Medvedev sign…" in the same sentence is those two.
function withPluralPronouns(words: readonly Word[], resolved: readonly ResolvedMention[]): readonly ResolvedMention[] {
  if (!resolved.some(pluralPronoun)) return resolved;
  const groups = actorGroups(words, resolved.filter((r) => !pluralPronoun(r)));
  return resolved.map((r) => {
    if (!pluralPronoun(r)) return r;
    const group = [...groups].reverse().find((g) => g.last < r.mention.first && g.members.length >= 2
      && (r.mention.pronoun === 'they' || new Set(g.members.flatMap((m) => m.actors.map((a) => a.country))).size === 2));
    return group ? { ...r, actors: group.members.flatMap((m) => m.actors) } : r;
  });
}

// Coordinated actors ("Moscow and Washington") count as one named pair for later collectives.
function withGroups(words: readonly Word[], resolved: readonly ResolvedMention[], known?: readonly ActorGroup[]): readonly ResolvedMention[] {
  let named = 0;
  for (const r of resolved) if (r.via === 'named' && r.actors.length > 0) named++;
  if (named < 2) return resolved;
  const groups = known ?? actorGroups(words, resolved);
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
  const [a] = analysedSentences([sentence], { lemmas: config.lemmas, verbForms: config.verbForms });
  const words = a ? wordsFromAnalysed(a) : [];
  const counts = new Map<string, number>();
  if (a) prepared(a, config, counts, factsOf(doc).conversation);
  const discourse = openingDiscourse(authorOf(doc, config), docPairOf(counts, config.actors));
  const outcome = codeOne(doc, sentence, words, discourse, config, docDate, factsOf(doc));
  return {
    coded: {
      sentence,
      events: outcome.events,
      reasons: outcome.events.length > 0 ? [] : outcome.reasons,
      assessments: assessmentsOf(doc, sentence, words, outcome.resolved, outcome.groups, config, docDate, discourse.pair),
      analysed: true,
    },
    trace: outcome.trace,
  };
}
