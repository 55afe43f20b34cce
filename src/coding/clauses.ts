import type { ResolvedMention } from './discourse.ts';
import {
  AUXILIARIES, FUTURE_CONTROL, FUTURE_MARKERS, HYPOTHETICAL_MARKERS, NEGATORS, PASS_CONTROL, PREPOSITIONS,
  RELATIVES, SUBORDINATORS,
} from './grammar.ts';
import type { Word } from './mentions.ts';

/** A run of coordinated actor mentions acting together ("Iran and Russia, along with India"). */
export interface ActorGroup {
  readonly members: readonly ResolvedMention[];
  readonly first: number;
  readonly last: number;
  /** The preposition right before the group, if any ("with", "in", "by"). */
  readonly prep: string | null;
}

const HARD_BREAK = new Set([';', ':', '—', '–', '(', ')', '[', ']']);
const COORD_LINKS = [['and'], [','], [',', 'and'], ['along', 'with'], [',', 'along', 'with'], ['as', 'well', 'as'], ['together', 'with'], ['or'], ['&']];

/** Whether a word is a finite or non-finite verb form. */
export function isVerb(w: Word | undefined): boolean {
  return !!w && (w.pos === 'VERB' || (w.pos === 'AUX' && !['to'].includes(w.lower)));
}

// The words joining two coordinated mentions, normalised ("and", ",", "along with"), or null.
function linkBetween(words: readonly Word[], from: number, to: number): string | null {
  const between = words.slice(from, to).map((w) => w.lower);
  const link = COORD_LINKS.find((l) => l.length === between.length && l.every((x, k) => x === between[k]));
  if (!link) return null;
  return link.length === 1 && link[0] === ',' ? ',' : link[0] === ',' ? ', and' : 'and';
}

/** The preposition that governs the word at `i` (skipping determiners and adjectives), if any. */
export function prepositionBefore(words: readonly Word[], i: number): string | null {
  let j = i - 1;
  while (j >= 0 && (words[j]!.pos === 'DET' || words[j]!.pos === 'ADJ' || words[j]!.pos === 'NUM' || words[j]!.lower === 'both' || words[j]!.lower === 'all')) j--;
  const w = words[j];
  if (!w) return null;
  if (PREPOSITIONS.has(w.lower) && (w.pos === 'ADP' || w.pos === 'SCONJ' || w.lower === 'with' || w.lower === 'to' || w.lower === 'by')) return w.lower;
  return null;
}

/**
 * Groups coordinated actor mentions; every mention with actors is in exactly
 * one group. A bare comma coordinates only inside a list that an "and" (or
 * "along with", "as well as") closes, so "in Pakistan, Russia allowed…" stays
 * two groups while "Iran, Russia and India" is one.
 */
export function actorGroups(words: readonly Word[], mentions: readonly ResolvedMention[]): ActorGroup[] {
  const withActors = mentions.filter((m) => m.actors.length > 0 && m.mention.kind !== 'location');
  const runs: { members: ResolvedMention[]; links: string[] }[] = [];
  for (const m of withActors) {
    const run = runs.at(-1);
    const prev = run?.members.at(-1);
    // "X's Y" is one actor, never a coordination; adjectives qualify a noun.
    const link = prev ? linkBetween(words, prev.mention.last + 1, m.mention.first) : null;
    // Two adjectives of one noun coordinate, though: "Russian and Indian foreign ministries".
    const adjectives = m.mention.kind === 'adjectival' && prev?.mention.kind === 'adjectival' && link === 'and';
    if (run && prev && link && !prev.mention.possessive && (adjectives || (m.mention.kind !== 'adjectival' && prev.mention.kind !== 'adjectival'))) {
      run.members.push(m);
      run.links.push(link);
    } else {
      runs.push({ members: [m], links: [] });
    }
  }
  const groups: ActorGroup[] = [];
  for (const run of runs) {
    // Split at bare commas that no later "and"-like link closes; a list inside a phrase
    // ("from Afghanistan, Moscow and Tehran might") ends at its first comma when a verb follows it.
    const first = run.members[0]!.mention.first;
    const after = words[run.members.at(-1)!.mention.last + 1];
    const pp = prepositionBefore(words, first) !== null && !!after && (after.pos === 'AUX' || after.pos === 'VERB');
    let current: ResolvedMention[] = [run.members[0]!];
    run.links.forEach((link, k) => {
      // ", and" after a prepositional phrase starts a new clause when a verb follows ("in Ukraine, and the two leaders agreed").
      const closed = link === ',' ? !pp && run.links.slice(k + 1).some((l) => l !== ',') : !(pp && link === ', and' && k === run.links.length - 1);
      if (closed) {
        current.push(run.members[k + 1]!);
      } else {
        groups.push(groupOf(words, current));
        current = [run.members[k + 1]!];
      }
    });
    groups.push(groupOf(words, current));
  }
  return groups;
}

function groupOf(words: readonly Word[], members: ResolvedMention[]): ActorGroup {
  const first = members[0]!.mention.first;
  return { members, first, last: members.at(-1)!.mention.last, prep: prepositionBefore(words, first) };
}

/** Markers found in the verb chain before a trigger. */
export interface Chain {
  /** First word of the chain (aux, modal, control verb), the trigger's head when there is none. */
  readonly start: number;
  readonly negated: boolean;
  /** "will", "shall", "must": future, and a prediction when the author says it. */
  readonly will: boolean;
  /** "is to", "plans to", "is scheduled to": an actor's announced plan. */
  readonly planned: boolean;
  readonly hypothetical: boolean;
  /** "would" seen: future after a reporting verb, hypothetical otherwise. */
  readonly would: boolean;
  readonly passive: boolean;
  readonly progressive: boolean;
  readonly perfect: boolean;
  /** Words of the chain, for explanations. */
  readonly words: readonly string[];
}

const SEMI_MODAL_ADJ = new Set(['able', 'unable', 'likely', 'unlikely', 'going', 'about', 'set', 'due', 'expected', 'scheduled', 'supposed', 'bound', 'yet', 'poised', 'keen', 'eager', 'ready', 'prepared', 'willing']);
const PLANNED_ADJ = new Set(['going', 'about', 'set', 'due', 'expected', 'scheduled', 'poised', 'prepared']);
const QUOTES = new Set(["'", '"', '‘', '’', '“', '”']);
const CHAIN_ADVERBS = new Set(['also', 'already', 'yet', 'still', 'just', 'now', 'jointly', 'together', 'again', 'finally', 'recently', 'formally', 'officially', 'even', 'further', 'actively', 'then', 'soon', 'later', 'never', 'always', 'often', 'heartily', 'sincerely', 'warmly', 'strongly', 'firmly', 'repeatedly', 'reportedly', 'allegedly']);

/**
 * Walks left from a verbal trigger over its auxiliaries, modals, negation and
 * control verbs ("have not yet been able to reach", "will intensify",
 * "plans to visit", "need to strengthen") and reports what they say about the act.
 */
export function chainBefore(words: readonly Word[], head: number): Chain {
  let i = head - 1;
  let negated = false;
  let will = false;
  let planned = false;
  let hypothetical = false;
  let would = false;
  let passive = false;
  let progressive = false;
  let perfect = false;
  const seen: string[] = [];
  const headWord = words[head];
  if (headWord && /ing$/.test(headWord.lower)) progressive = true;
  const participle = !!headWord && /(ed|en|wn|t)$/.test(headWord.lower) && headWord.lower !== 'been';
  while (i >= 0) {
    const w = words[i]!;
    const l = w.lower;
    if (QUOTES.has(w.text)) {
      // quotes around a verb ("tried to 'reset'") do not break the chain
    } else if (w.text === ',') {
      // A parenthetical adverb inside the chain ("has, therefore, demanded").
      let k = i - 1;
      while (k >= 0 && (words[k]!.pos === 'ADV' || CHAIN_ADVERBS.has(words[k]!.lower))) k--;
      if (k < i - 1 && words[k]?.text === ',' && words[k - 1] && (words[k - 1]!.pos === 'AUX' || FUTURE_MARKERS.has(words[k - 1]!.lower))) {
        i = k - 1;
        continue;
      }
      break;
    } else if (NEGATORS.has(l) && l !== 'no' && l !== 'nor' && l !== 'neither') {
      negated = true;
    } else if (FUTURE_MARKERS.has(l)) {
      will = true;
    } else if (l === 'would' && words[i + 1]?.lower === 'like') {
      // "I would like to thank you" is a courtesy said now, not a conditional.
    } else if (l === 'would') {
      would = true;
    } else if (w.text === 'May' && (i > 0 || w.pos === 'NOUN' || w.pos === 'PROPN')) {
      // "Theresa May met…": capitalised inside a sentence, the name, not the modal.
      break;
    } else if (HYPOTHETICAL_MARKERS.has(l)) {
      hypothetical = true;
    } else if (l === 'to') {
      // "is to", "plans to", "needs to": what governs the infinitive says what the act is.
      const g = words[i - 1];
      if (g && g.lemma === 'be' && !SEMI_MODAL_ADJ.has(words[i - 1]?.lower ?? '')) planned = true;
      if (g && (FUTURE_CONTROL.has(g.lemma) || PLANNED_ADJ.has(g.lower))) planned = true;
      if (g && (g.lemma === 'need' || g.lower === 'ought')) hypothetical = true;
      if (g && (g.lemma === 'have' || g.lemma === 'need') && words[i - 2] && HYPOTHETICAL_MARKERS.has(words[i - 2]!.lower)) hypothetical = true;
    } else if (AUXILIARIES.has(l)) {
      // Only adverbs between the auxiliary and the participle ("was wrongly arrested").
      const adverbsOnly = words.slice(i + 1, head).every((x) => x.pos === 'ADV' || CHAIN_ADVERBS.has(x.lower) || x.lower === "n't" || x.lower === 'not' || QUOTES.has(x.text));
      if (['been', 'be', 'being', 'is', 'are', 'was', 'were', 'am', 'get', 'got'].includes(l) && participle && adverbsOnly) passive = true;
      if (['have', 'has', 'had', 'having'].includes(l) && words[i + 1]?.lower !== 'to') perfect = true;
      if (l === 'been' && headWord && /ing$/.test(headWord.lower)) progressive = true;
    } else if (w.pos === 'ADV' || CHAIN_ADVERBS.has(l)) {
      // adverbs inside the chain
    } else if (l === 'need' || SEMI_MODAL_ADJ.has(l) || PASS_CONTROL.has(w.lemma) || FUTURE_CONTROL.has(w.lemma)) {
      if (words[i + 1]?.lower !== 'to' && !SEMI_MODAL_ADJ.has(l)) break;
      if (w.lemma === 'fail' || l === 'unable') negated = !negated;
    } else {
      break;
    }
    seen.push(l);
    i--;
  }
  return { start: i + 1, negated, will, planned, hypothetical, would, passive, progressive, perfect, words: seen.reverse() };
}

/** Whether the word at `i` begins a new clause (a subordinator, a relative pronoun after a comma, a hard break). */
export function opensClause(words: readonly Word[], i: number): boolean {
  const w = words[i];
  if (!w) return true;
  if (HARD_BREAK.has(w.text)) return true;
  if (SUBORDINATORS.has(w.lower) && w.pos !== 'ADP' && w.pos !== 'ADV') return true;
  if (SUBORDINATORS.has(w.lower) && (w.lower === 'although' || w.lower === 'though' || w.lower === 'while' || w.lower === 'whereas' || w.lower === 'because' || w.lower === 'if' || w.lower === 'unless')) return true;
  if (RELATIVES.has(w.lower) && w.lower !== 'that' && words[i - 1]?.text === ',') return true;
  return false;
}
