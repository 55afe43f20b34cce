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

const HARD_BREAK = new Set([';', ':', '—', '–', '(', ')', '[', ']', '"', '“', '”']);
const COORD_LINKS = [['and'], [','], [',', 'and'], ['along', 'with'], [',', 'along', 'with'], ['as', 'well', 'as'], ['together', 'with'], ['or'], ['&']];

/** Whether a word is a finite or non-finite verb form. */
export function isVerb(w: Word | undefined): boolean {
  return !!w && (w.pos === 'VERB' || (w.pos === 'AUX' && !['to'].includes(w.lower)));
}

function linkAt(words: readonly Word[], from: number, to: number): boolean {
  const between = words.slice(from, to).map((w) => w.lower);
  return COORD_LINKS.some((l) => l.length === between.length && l.every((x, k) => x === between[k]));
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

/** Groups coordinated actor mentions; every mention with actors is in exactly one group. */
export function actorGroups(words: readonly Word[], mentions: readonly ResolvedMention[]): ActorGroup[] {
  const withActors = mentions.filter((m) => m.actors.length > 0 && m.mention.kind !== 'location');
  const groups: ActorGroup[] = [];
  let current: ResolvedMention[] = [];
  const flush = (): void => {
    if (current.length === 0) return;
    const first = current[0]!.mention.first;
    groups.push({ members: current, first, last: current.at(-1)!.mention.last, prep: prepositionBefore(words, first) });
    current = [];
  };
  for (const m of withActors) {
    const prev = current.at(-1);
    // "X's Y" is one actor, never a coordination; "between A and B" keeps both.
    if (prev && !prev.mention.possessive && linkAt(words, prev.mention.last + 1, m.mention.first) && m.mention.kind !== 'adjectival' && prev.mention.kind !== 'adjectival') {
      current.push(m);
    } else {
      flush();
      current.push(m);
    }
  }
  flush();
  // A trailing ", along with X," after a group joins it even when commas surround it.
  return groups;
}

/** Markers found in the verb chain before a trigger. */
export interface Chain {
  /** First word of the chain (aux, modal, control verb), the trigger's head when there is none. */
  readonly start: number;
  readonly negated: boolean;
  readonly future: boolean;
  readonly hypothetical: boolean;
  /** "would" seen: future after a reporting verb, hypothetical otherwise. */
  readonly would: boolean;
  readonly passive: boolean;
  readonly progressive: boolean;
  readonly perfect: boolean;
  /** Words of the chain, for explanations. */
  readonly words: readonly string[];
}

const SEMI_MODAL_ADJ = new Set(['able', 'unable', 'likely', 'unlikely', 'going', 'about', 'set', 'due', 'expected', 'scheduled', 'supposed', 'bound', 'yet', 'poised', 'keen', 'eager']);
const FUTURE_ADJ = new Set(['going', 'about', 'set', 'due', 'expected', 'scheduled', 'poised']);

/**
 * Walks left from a verbal trigger over its auxiliaries, modals, negation and
 * control verbs ("have not yet been able to reach", "will intensify",
 * "plans to visit") and reports what they say about the act.
 */
export function chainBefore(words: readonly Word[], head: number): Chain {
  let i = head - 1;
  let negated = false;
  let future = false;
  let hypothetical = false;
  let would = false;
  let passive = false;
  let progressive = false;
  let perfect = false;
  const seen: string[] = [];
  const headWord = words[head];
  if (headWord && /ing$/.test(headWord.lower)) progressive = true;
  while (i >= 0) {
    const w = words[i]!;
    const l = w.lower;
    if (NEGATORS.has(l) && l !== 'no' && l !== 'nor' && l !== 'neither') negated = true;
    else if (FUTURE_MARKERS.has(l)) future = true;
    else if (l === 'would') would = true;
    else if (HYPOTHETICAL_MARKERS.has(l)) hypothetical = true;
    else if (l === 'to') {
      // "is to", "plans to", "able to": look at what governs the infinitive.
      const g = words[i - 1];
      if (g && g.lemma === 'be') future = true;
      if (g && (FUTURE_CONTROL.has(g.lemma) || FUTURE_ADJ.has(g.lower))) future = true;
    } else if (AUXILIARIES.has(l)) {
      if (['been', 'be', 'being', 'is', 'are', 'was', 'were', 'am'].includes(l) && headWord && /(ed|en|wn|t)$/.test(headWord.lower) && headWord.lower !== 'been') passive = passive || i === head - 1 || seen.every((s) => ['not', "n't", 'yet', 'also', 'already', 'been'].includes(s));
      if (['have', 'has', 'had', 'having'].includes(l)) perfect = true;
      if (l === 'been' && headWord && /ing$/.test(headWord.lower)) progressive = true;
    } else if (w.pos === 'ADV' || ['also', 'already', 'yet', 'still', 'just', 'now', 'jointly', 'together', 'again', 'finally', 'recently', 'formally', 'officially', 'even', 'further', 'actively'].includes(l)) {
      // adverbs inside the chain
    } else if (SEMI_MODAL_ADJ.has(l) || PASS_CONTROL.has(w.lemma) || FUTURE_CONTROL.has(w.lemma)) {
      if (words[i + 1]?.lower !== 'to' && !SEMI_MODAL_ADJ.has(l)) break;
      if (FUTURE_ADJ.has(l) || FUTURE_CONTROL.has(w.lemma)) future = true;
      if (w.lemma === 'fail' || l === 'unable') negated = !negated;
    } else {
      break;
    }
    seen.push(l);
    i--;
  }
  return { start: i + 1, negated, future, hypothetical, would, passive, progressive, perfect, words: seen.reverse() };
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
