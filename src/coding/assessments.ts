/**
 * Assessments: what a sentence says about how two actors stand with each
 * other ("serious differences over Iran's nuclear programme", "good ties"),
 * found with `dictionaries/states.tsv`. The coding guide rules these states of
 * affairs out as events; detente keeps them apart, as the text's own view of
 * an issue, with the sentence that says it.
 */
import { VALENCES } from '../types.ts';
import type { Assessment, Context, Doc, Sentence, Valence } from '../types.ts';
import { ConfigError } from '../errors.ts';
import type { ActorGroup } from './clauses.ts';
import { prepositionBefore } from './clauses.ts';
import { readDictionary } from './dictionary-file.ts';
import type { DictionaryFile } from './dictionary-file.ts';
import type { ResolvedMention } from './discourse.ts';
import type { Resolved } from './mentions.ts';
import type { Word } from './mentions.ts';
import { phraseHitsOf, phraseIndexFromDictionary } from './phrases.ts';
import type { PhraseHit, PhraseIndex } from './phrases.ts';

/**
 * What a state phrase says: discord or accord, and whether it is said of a
 * pair ("their differences") or of an issue between the pair the text is
 * about ("another issue of contention is Iran").
 */
export interface StateWord {
  readonly valence: Valence;
  readonly of: 'pair' | 'issue';
}

/** The state dictionary, compiled for matching. */
export type StateIndex = PhraseIndex<StateWord>;

/** Validates and compiles a parsed state dictionary. */
export function stateIndexFromDictionary(file: DictionaryFile): StateIndex {
  return phraseIndexFromDictionary(file, ['valence', 'of'], ([valence = '', of = ''], where) => {
    if (!(VALENCES as readonly string[]).includes(valence)) throw new ConfigError(where, `unknown valence "${valence}" (expected ${VALENCES.join(' or ')})`);
    if (of !== 'pair' && of !== 'issue') throw new ConfigError(where, `"of" must be pair or issue, not "${of}"`);
    return { valence: valence as Valence, of };
  });
}

let cached: StateIndex | null = null;

/** The state dictionary shipped with detente, validated once. */
export function defaultStateIndex(): StateIndex {
  cached ??= stateIndexFromDictionary(readDictionary('states.tsv'));
  return cached;
}

/** Whether a sentence holds any state word (cheap: no actors resolved). */
export function hasStateWords(words: readonly Word[], index: StateIndex): boolean {
  return phraseHitsOf(words, index).length > 0;
}

/** A context keyword of the sentence at word `at`. */
export interface ContextAt {
  readonly at: number;
  readonly contexts: readonly Context[];
}

/** What {@link assessmentsFromSentence} reads. */
export interface AssessmentInput {
  readonly doc: Pick<Doc, 'name' | 'id'>;
  readonly sentence: Sentence;
  readonly words: readonly Word[];
  readonly mentions: readonly ResolvedMention[];
  readonly groups: readonly ActorGroup[];
  readonly contexts: readonly ContextAt[];
  readonly date: string | null;
  /** Whether a code can be an end (a country or an international organisation). */
  readonly isActor: (code: string) => boolean;
  /** Whether a code is a state (not an organisation). */
  readonly isState: (code: string) => boolean;
  /** The pair the text is about so far (the discourse's), for words said of an issue between them. */
  readonly pair: readonly [Resolved, Resolved] | null;
}

const NEGATORS = new Set(['not', "n't", 'no', 'never', 'without', 'lack', 'absence', 'nor', 'neither', 'free', 'overcome', 'overcomes', 'overcoming', 'ease', 'easing', 'reduce', 'reducing']);
// The author's or an actor's forecast or wish is not a state ("could lead to tensions").
const MODALS = new Set(['could', 'might', 'may', 'would', 'will', 'should', 'can', 'avoid', 'prevent', 'risk']);
const CONDITIONS = new Set(['if', 'unless', 'whether']);
const CLAUSE_BREAK = new Set([',', ';', ':', '—', '–', '(', ')']);
const ABOUT = new Set(['on', 'over', 'in', 'about', 'regarding', 'concerning', 'towards', 'toward', 'with', 'around']);
const LOCATIVE = new Set(['in', 'on', 'over', 'about', 'regarding', 'concerning', 'towards', 'toward', 'to', 'from', 'into', 'across', 'within', 'around', 'near', 'inside']);
// How far (in words) the parties may stand from the state word; "local" ones are its own parties ("its distrust of Russia").
const PAIR_REACH = 16;
const LOCAL_REACH = 6;
const CONTEXT_REACH = 10;
// An organisation named before one of these is the occasion, not a party ("the G-20 meeting").
const GATHERINGS = new Set(['meeting', 'meetings', 'summit', 'summits', 'talks', 'conference', 'session', 'forum']);

// "The Declaration on Strategic Partnership": capitals inside a sentence make a name, not a state.
function inName(words: readonly Word[], at: number): boolean {
  return at > 0 && /^\p{Lu}/u.test(words[at]!.text) && words[at]!.text !== words[at]!.text.toUpperCase();
}

// Whether a state word is denied, overcome or only foreseen ("no differences", "could strain ties", "if … their differences").
function qualified(words: readonly Word[], at: number): boolean {
  for (let k = at - 1; k >= 0; k--) {
    const w = words[k]!;
    if (CLAUSE_BREAK.has(w.text)) return false;
    if (CONDITIONS.has(w.lower)) return true;
    if (at - k <= 5 && (NEGATORS.has(w.lower) || MODALS.has(w.lower))) return true;
  }
  return false;
}

interface Pair {
  readonly a: string;
  readonly b: string;
  /** Word positions of the mentions that gave it. */
  readonly first: number;
  readonly last: number;
  readonly how: string;
}

function pairOf(x: string, y: string, first: number, last: number, how: string): Pair {
  return x < y ? { a: x, b: y, first, last, how } : { a: y, b: x, first, last, how };
}

function countriesOf(r: ResolvedMention, input: AssessmentInput): string[] {
  return [...new Set(r.actors.map((a) => a.country).filter(input.isActor))];
}

// A mention that names where or what about, not a party: a city or venue, a region, or a state after "in", "on", "over".
function isPlace(r: ResolvedMention, words: readonly Word[]): boolean {
  if (r.mention.place || r.mention.kind === 'location') return true;
  const prep = prepositionBefore(words, r.mention.first);
  return prep !== null && LOCATIVE.has(prep);
}

// Pairs the sentence names as pairs: "US-Russia", "the two countries", "they", "Moscow and Washington".
function namedPairs(input: AssessmentInput): Pair[] {
  const pairs: Pair[] = [];
  for (const r of input.mentions) {
    const c = countriesOf(r, input);
    if (c.length === 2) pairs.push(pairOf(c[0]!, c[1]!, r.mention.first, r.mention.last, `pair "${r.mention.text}"`));
  }
  for (const g of input.groups) {
    if (g.members.length < 2 || (g.prep !== null && LOCATIVE.has(g.prep))) continue;
    const c = [...new Set(g.members.flatMap((m) => countriesOf(m, input)))];
    if (c.length === 2) pairs.push(pairOf(c[0]!, c[1]!, g.first, g.last, `pair "${g.members.map((m) => m.mention.text).join(' and ')}"`));
  }
  return pairs;
}

// The two parties of a sentence, or of the words near the state word, when they name exactly two, none as a place
// ("its distrust of Russia", "their differences with the US on Syria, the Russians…").
function partiesPair(input: AssessmentInput, at: number, reach: number): Pair | null {
  const parties = new Map<string, ResolvedMention>();
  for (const r of input.mentions) {
    if (isPlace(r, input.words) || GATHERINGS.has(input.words[r.mention.last + 1]?.lower ?? '')) continue;
    if (Math.min(Math.abs(r.mention.first - at), Math.abs(r.mention.last - at)) > reach) continue;
    const c = countriesOf(r, input);
    if (c.length !== 1) continue;
    if (!parties.has(c[0]!)) parties.set(c[0]!, r);
  }
  if (parties.size !== 2) return null;
  const [x, y] = [...parties.entries()];
  const first = Math.min(x![1].mention.first, y![1].mention.first);
  const last = Math.max(x![1].mention.last, y![1].mention.last);
  return pairOf(x![0], y![0], first, last, `parties "${x![1].mention.text}" and "${y![1].mention.text}"`);
}

function distance(p: Pair, at: number): number {
  if (at >= p.first && at <= p.last) return 0;
  return at < p.first ? p.first - at : at - p.last;
}

// The place the assessment is about: a state or region named as a place, else the one other state a named pair leaves.
function theaterOf(input: AssessmentInput, pair: Pair, namedPair: boolean): string | null {
  // `bare`: named with no preposition, as the issue itself is ("It is Syria which has emerged as the most vexed issue").
  const others: { code: string; about: boolean; bare: boolean }[] = [];
  for (const r of input.mentions) {
    const m = r.mention;
    if (m.kind === 'location') {
      if (m.theater && !m.place && m.theater !== pair.a && m.theater !== pair.b) others.push({ code: m.theater, about: true, bare: false });
      continue;
    }
    if (m.place || m.kind === 'title' || m.person) continue;
    const c = countriesOf(r, input);
    if (c.length !== 1 || c[0] === pair.a || c[0] === pair.b || !input.isState(c[0]!)) continue;
    const prep = prepositionBefore(input.words, m.first);
    others.push({ code: c[0]!, about: prep !== null && ABOUT.has(prep), bare: prep === null });
  }
  const about = others.find((o) => o.about);
  if (about) return about.code;
  const distinct = [...new Set(others.map((o) => o.code))];
  return namedPair && distinct.length === 1 && others.every((o) => o.bare) ? distinct[0]! : null;
}

// The contexts named in the state word's own clause, nearest first.
function contextsNear(words: readonly Word[], contexts: readonly ContextAt[], at: number): Context[] {
  const sorted = contexts.filter((h) => Math.abs(h.at - at) <= CONTEXT_REACH && !breakBetween(words, h.at, at)).sort((x, y) => Math.abs(x.at - at) - Math.abs(y.at - at));
  const out: Context[] = [];
  for (const h of sorted) for (const c of h.contexts) if (!out.includes(c)) out.push(c);
  return out;
}

const CONCESSIVE = new Set(['though', 'although', 'but', 'while', 'whereas', 'despite', 'yet']);

function breakBetween(words: readonly Word[], x: number, y: number): boolean {
  for (let k = Math.min(x, y) + 1; k < Math.max(x, y); k++) if (CLAUSE_BREAK.has(words[k]!.text) || CONCESSIVE.has(words[k]!.lower)) return true;
  return false;
}

// Which clause of the sentence word `at` is in: breaks and concessive words count.
function clauseOf(words: readonly Word[], at: number): number {
  let n = 0;
  for (let k = 0; k < at; k++) if (CLAUSE_BREAK.has(words[k]!.text) || CONCESSIVE.has(words[k]!.lower)) n++;
  return n;
}

// The pair a state word is about: its own parties nearby, else the nearest pair named as one, else the sentence's two
// parties; a word said of an issue ("another issue of contention is Iran") may name only the issue, between the pair the
// text is about.
function pairFor(input: AssessmentInput, named: readonly Pair[], hit: PhraseHit<StateWord>): { readonly pair: Pair; readonly namedPair: boolean } | null {
  const at = hit.at;
  const local = partiesPair(input, at, LOCAL_REACH);
  if (local) return { pair: local, namedPair: false };
  const near = named.filter((p) => distance(p, at) <= PAIR_REACH).sort((x, y) => distance(x, at) - distance(y, at))[0];
  if (near) return { pair: near, namedPair: true };
  const parties = partiesPair(input, at, PAIR_REACH);
  if (parties) return { pair: parties, namedPair: false };
  const [x, y] = input.pair ?? [];
  if (hit.phrase.value.of !== 'issue' || !x || !y || x.country === y.country) return null;
  return { pair: pairOf(x.country, y.country, -1, -1, 'the pair the text is about'), namedPair: true };
}

/**
 * The assessments of one sentence: one per pair and clause that its state
 * words (neither denied, overcome nor only foreseen) are about, when they
 * lean one way.
 */
export function assessmentsFromSentence(input: AssessmentInput, index: StateIndex): Assessment[] {
  const { words } = input;
  const hits = phraseHitsOf(words, index).filter((h) => !qualified(words, h.at) && !inName(words, h.at));
  if (hits.length === 0) return [];
  const named = namedPairs(input);
  // One assessment per pair and clause: "though they share concerns about Iran, they differ on the tactics" says both.
  const byPair = new Map<string, { pair: Pair; namedPair: boolean; hits: PhraseHit<StateWord>[] }>();
  for (const h of hits) {
    const found = pairFor(input, named, h);
    if (!found) continue;
    const key = `${found.pair.a}-${found.pair.b}|${clauseOf(words, h.at)}`;
    const entry = byPair.get(key) ?? { ...found, hits: [] };
    entry.hits.push(h);
    byPair.set(key, entry);
  }
  const out: Assessment[] = [];
  for (const { pair, namedPair, hits: own } of byPair.values()) {
    let lean = 0;
    for (const h of own) lean += h.phrase.value.valence === 'discord' ? 1 : -1;
    if (lean === 0) continue;
    const valence: Valence = lean > 0 ? 'discord' : 'accord';
    const cues = own.filter((h) => h.phrase.value.valence === valence);
    const cue = cues[0]!;
    const theater = theaterOf(input, pair, namedPair);
    // The text's pair stands in only for an issue the sentence names ("another issue of contention is Iran").
    if (pair.first < 0 && theater === null) continue;
    const first = words[cue.at]!;
    const last = words[cue.end]!;
    out.push({
      doc: input.doc.name,
      docId: input.doc.id,
      sentence: { index: input.sentence.index, text: input.sentence.text, start: input.sentence.span.start, end: input.sentence.span.end },
      span: { start: first.start, end: last.end },
      cue: input.sentence.text.slice(first.start - input.sentence.span.start, last.end - input.sentence.span.start),
      a: pair.a,
      b: pair.b,
      valence,
      contexts: contextsNear(words, input.contexts, cue.at),
      theater,
      date: input.date,
      section: input.sentence.section,
      rule: `${cues.map((h) => `states.tsv:${h.phrase.line} ${h.phrase.id}`).join(', ')}; ${pair.how}`,
    });
  }
  return out;
}
