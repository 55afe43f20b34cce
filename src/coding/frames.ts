import type { EventType, Modality } from '../types.ts';
import { TYPE_TABLE } from '../types.ts';
import { actorGroups, chainBefore, isVerb, opensClause, prepositionBefore } from './clauses.ts';
import type { ActorGroup, Chain } from './clauses.ts';
import type { Discourse, ResolvedMention } from './discourse.ts';
import {
  ATTITUDE_WORDS, FUTURE_LIGHT_VERBS, LIGHT_VERBS, PREPOSITIONS, REPORTING_VERBS,
} from './grammar.ts';
import type { Resolved, Word } from './mentions.ts';
import type { Trigger } from './triggers.ts';

/** One end of a drafted event: the actor and the words that named it. */
export interface End {
  readonly actor: Resolved;
  readonly text: string | null;
  readonly start: number | null;
  readonly end: number | null;
}

/** An event as the frames find it, before contexts, theater and date are added. */
export interface Draft {
  readonly source: End;
  readonly target: End;
  readonly type: EventType;
  readonly trigger: Trigger;
  readonly negated: boolean;
  readonly modality: Modality;
  /** How the ends were found, for the event's `rule`. */
  readonly how: string;
}

/** Why a trigger gave no event. */
export interface Rejection {
  readonly trigger: Trigger;
  readonly kind: 'one-actor' | 'not-an-act' | 'speculation' | 'same-country';
  readonly detail: string;
}

/** What the frames need to know about the document. */
export interface DocFacts {
  /** `analysis` (papers, fact sheets, articles): the author's predictions are not events. */
  readonly genre: 'analysis' | 'news' | 'speech';
}

/** A sentence ready for the frames. */
export interface FrameInput {
  readonly words: readonly Word[];
  readonly mentions: readonly ResolvedMention[];
  readonly triggers: readonly Trigger[];
  readonly discourse: Discourse;
  readonly facts: DocFacts;
  /** The sentence's speaker label ("John Kerry: …") ends before this word. */
  readonly contentStart: number;
  /** Whether "I"/"we" in this sentence are a speaker's words (transcript, first-person text). */
  readonly speech: boolean;
}

const END_OF_NP = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADV', 'PART', 'CCONJ', 'PUNCT']);
const GOVERNING_ANNOUNCE = new Set(['announce', 'plan', 'schedule', 'propose', 'unveil', 'outline']);
const GOVERNING_WOULD = new Set([...REPORTING_VERBS, 'agree', 'decide', 'promise', 'pledge', 'expect', 'hope', 'inform', 'confirm']);
const CONTENT_PREPS = new Set(['of', 'for', 'over']);

function endOf(m: ResolvedMention, actor: Resolved): End {
  return { actor, text: m.mention.text, start: m.mention.start, end: m.mention.end };
}

function endsOf(g: ActorGroup): End[] {
  return g.members.flatMap((m) => m.actors.map((a) => endOf(m, a)));
}

function groupAt(groups: readonly ActorGroup[], wordIndex: number): ActorGroup | undefined {
  return groups.find((g) => g.first <= wordIndex && wordIndex <= g.last);
}

function groupEndingAt(groups: readonly ActorGroup[], wordIndex: number): ActorGroup | undefined {
  return groups.find((g) => g.last === wordIndex);
}

/** Nearest verb to the left of `i` (within the sentence), skipping nothing else. */
function previousVerb(words: readonly Word[], i: number): number {
  for (let j = i - 1; j >= 0; j--) if (words[j]!.pos === 'VERB') return j;
  return -1;
}

/**
 * The subject of the verb chain starting at `start`: the nearest actor group
 * to its left that is not inside a prepositional phrase, within the clause;
 * for a coordinated verb ("… and has vetoed"), the subject of the verb before;
 * for a relative clause ("…, which denies"), the group before the pronoun.
 */
function subjectOf(input: FrameInput, groups: readonly ActorGroup[], start: number, depth = 0): ActorGroup | null {
  const { words } = input;
  let sawNoun = false;
  for (let j = start - 1; j >= input.contentStart; j--) {
    const w = words[j]!;
    const g = groupEndingAt(groups, j) ?? (words[j]?.lower === "'s" ? groupEndingAt(groups, j - 1) : undefined);
    if (g) {
      if (g.prep === null || g.prep === 'by' || (g.prep === 'of' && !sawNoun)) return g;
      j = g.first;
      continue;
    }
    if (['and', 'but', 'or'].includes(w.lower) && !sawNoun && depth < 3) {
      const v = previousVerb(words, j);
      if (v >= 0) {
        const c = chainBefore(words, v);
        return subjectOf(input, groups, c.start, depth + 1);
      }
      return null;
    }
    if (['which', 'who', 'that'].includes(w.lower)) {
      let k = j - 1;
      if (words[k]?.text === ',') k--;
      const ante = groupEndingAt(groups, k) ?? (words[k]?.lower === "'s" ? undefined : undefined);
      if (ante) return ante;
      if (w.lower !== 'that') return null;
      continue;
    }
    if (opensClause(words, j) || w.text === ';' || w.text === ':') return null;
    if (isVerb(w) && w.pos === 'VERB' && !/ing$/.test(w.lower)) return null;
    if (w.pos === 'NOUN' || w.pos === 'PROPN') sawNoun = true;
  }
  return null;
}

/** The agent named inside a nominal trigger's noun phrase: "the US drawdown", "Russia's support", "a US-Russia summit". */
function agentOfNoun(input: FrameInput, groups: readonly ActorGroup[], head: number): ActorGroup | null {
  const { words } = input;
  for (let j = head - 1; j >= Math.max(0, head - 5); j--) {
    const w = words[j]!;
    const g = groupEndingAt(groups, j) ?? (w.lower === "'s" ? groupEndingAt(groups, j - 1) : undefined);
    if (g) return g.prep === null || g.prep === 'of' || g.prep === 'by' || g.prep === 'to' || g.prep === 'with' || g.prep === 'for' || g.prep === 'in' ? g : null;
    if (!END_OF_NP.has(w.pos) || w.text === ',' || isVerb(w)) return null;
    if (PREPOSITIONS.has(w.lower)) return null;
  }
  return null;
}

/** "by X" right after a nominal trigger ("the announcement by Hagel"). */
function byAgentAfter(input: FrameInput, groups: readonly ActorGroup[], end: number): ActorGroup | null {
  for (let j = end + 1; j < Math.min(input.words.length, end + 6); j++) {
    const g = groupAt(groups, j);
    if (g) return g.prep === 'by' ? g : null;
    if (isVerb(input.words[j])) return null;
  }
  return null;
}

/** A light verb governing a nominal trigger ("held talks", "announced a summit"), and its word index. */
function lightVerbOf(words: readonly Word[], head: number): number {
  for (let j = head - 1; j >= Math.max(0, head - 7); j--) {
    const w = words[j]!;
    if (w.pos === 'VERB' || w.pos === 'AUX') return LIGHT_VERBS.has(w.lemma) ? j : -1;
    if (w.text === ',' || w.text === ';' || (PREPOSITIONS.has(w.lower) && w.lower !== 'of')) return -1;
  }
  return -1;
}

/**
 * The target of a trigger: the first actor group to its right, within the
 * clause, that the rule accepts (a direct object, or after one of its
 * prepositions), skipping groups of the source's own country.
 */
function targetOf(input: FrameInput, groups: readonly ActorGroup[], t: Trigger, sources: readonly End[]): ActorGroup | null {
  const { words } = input;
  const rule = t.rule;
  const sourceCountries = new Set(sources.map((s) => s.actor.country));
  let passedVerb = false;
  for (let j = t.end + 1; j < words.length; j++) {
    const w = words[j]!;
    if (j > t.end + 1 && opensClause(words, j)) return null;
    const g = groups.find((x) => x.first === j || (x.first < j && x.last >= j && j === t.end + 1));
    if (g) {
      const foreign = endsOf(g).some((e) => !sourceCountries.has(e.actor.country));
      const prep = g.prep;
      const accepted = prep === null ? rule.object || passedVerb : rule.preps.includes(prep) || (passedVerb && ['to', 'with', 'from', 'against', 'on'].includes(prep));
      if (accepted && foreign) return g;
      j = g.last;
      continue;
    }
    if (isVerb(w) && w.pos === 'VERB') {
      // Cross into a to-infinitive or gerund complement ("refused to extend X", "called for reducing X").
      const prev = words[j - 1];
      if (prev && (prev.lower === 'to' || PREPOSITIONS.has(prev.lower) || /ing$/.test(w.lower))) {
        passedVerb = true;
        continue;
      }
      return null;
    }
    if (w.text === ',' && words[j + 1] && ['and', 'but', 'while', 'which', 'who', 'as'].includes(words[j + 1]!.lower)) return null;
  }
  return null;
}

function isFirstPerson(g: ActorGroup): boolean {
  return g.members.some((m) => m.via === 'speaker' && ['i', 'we'].includes(m.mention.pronoun ?? ''));
}

/** Whether an attitude word ("worries that", "fears", "wants") governs the trigger within its clause. */
function underAttitude(words: readonly Word[], from: number, head: number): boolean {
  for (let j = head - 1; j >= from; j--) {
    const w = words[j]!;
    if (w.text === ';' || w.text === ':') return false;
    if (ATTITUDE_WORDS.has(w.lemma) || ATTITUDE_WORDS.has(w.lower)) {
      // "expressed concern" is an act, handled by its own pattern.
      return !(words[j - 1] && ['express', 'voice', 'raise', 'reiterate'].includes(words[j - 1]!.lemma));
    }
  }
  return false;
}

/** Whether a reporting or agreeing verb earlier in the sentence governs the trigger ("said that … would"). */
function governedBy(words: readonly Word[], from: number, head: number, verbs: ReadonlySet<string>): boolean {
  for (let j = head - 1; j >= from; j--) {
    const w = words[j]!;
    if ((w.pos === 'VERB' || w.pos === 'NOUN') && verbs.has(w.lemma)) return true;
  }
  return false;
}

function conditional(words: readonly Word[], from: number, head: number): boolean {
  for (let j = head - 1; j >= from; j--) {
    const l = words[j]!.lower;
    if (l === 'if' || l === 'unless') return true;
    if (words[j]!.text === ';' || words[j]!.text === ':') return false;
  }
  return false;
}

/** Triggers that only name the content of another act ("accused X of interfering", "sanctions over X's attacks"). */
function contentTriggers(input: FrameInput): Set<Trigger> {
  const out = new Set<Trigger>();
  const { words, triggers } = input;
  for (const t of triggers) {
    const q = TYPE_TABLE[t.rule.type].quad;
    if (t.rule.type !== 'ACCUSE' && t.rule.type !== 'SANCTION' && t.rule.type !== 'REJECT' && q !== 4) continue;
    for (const u of triggers) {
      if (u.head <= t.end) continue;
      let inside = false;
      for (let j = t.end + 1; j < u.head; j++) {
        if (opensClause(words, j)) break;
        if (CONTENT_PREPS.has(words[j]!.lower)) inside = true;
        if (isVerb(words[j]) && words[j]!.pos === 'VERB' && !/ing$/.test(words[j]!.lower) && words[j - 1]?.lower !== 'to') {
          inside = false;
          break;
        }
      }
      if (inside) out.add(u);
    }
  }
  return out;
}

/** Triggers in the `to`-complement of an `own` verb ("refused to support", "agreed to reduce"): the own verb's type wins. */
function complementTriggers(input: FrameInput): Set<Trigger> {
  const out = new Set<Trigger>();
  const { words, triggers } = input;
  for (const t of triggers) {
    if (!t.rule.flags.has('own')) continue;
    for (const u of triggers) {
      if (u.head <= t.end || u.head > t.end + 8) continue;
      const between = words.slice(t.end + 1, u.head);
      if (between.some((w) => w.lower === 'to') && !between.some((w) => opensClause(words, w.i) || w.text === ',' && between.length > 4)) out.add(u);
    }
  }
  return out;
}

function modalityOf(input: FrameInput, chain: Chain, head: number, clauseStart: number): { modality: Modality; author: boolean } {
  const { words } = input;
  const reported = governedBy(words, input.contentStart, head, GOVERNING_WOULD);
  if (conditional(words, clauseStart, head)) return { modality: 'hypothetical', author: !reported };
  if (chain.hypothetical) return { modality: 'hypothetical', author: !reported };
  if (chain.would) return reported ? { modality: 'future', author: false } : { modality: 'hypothetical', author: true };
  if (chain.future) return { modality: 'future', author: !reported };
  if (governedBy(words, input.contentStart, chain.start, GOVERNING_ANNOUNCE) && !chain.perfect && !/ed$/.test(words[head]?.lower ?? '')) {
    return { modality: 'future', author: false };
  }
  return { modality: 'asserted', author: false };
}

function clauseStartOf(words: readonly Word[], head: number, floor: number): number {
  for (let j = head - 1; j >= floor; j--) if (opensClause(words, j)) return j;
  return floor;
}

/**
 * Drafts the events of one sentence from its triggers: finds each trigger's
 * source and target, expands groups and pairs, reads negation and modality,
 * and drops what the coding guide says is not an event (the author's
 * speculation, attitudes, acts named only as another act's content).
 */
export function draftsFromSentence(input: FrameInput): { drafts: Draft[]; rejections: Rejection[] } {
  const { words } = input;
  const groups = actorGroups(words, input.mentions);
  const drafts: Draft[] = [];
  const rejections: Rejection[] = [];
  const content = contentTriggers(input);
  const complements = complementTriggers(input);
  const reject = (t: Trigger, kind: Rejection['kind'], detail: string): void => {
    rejections.push({ trigger: t, kind, detail });
  };

  for (const t of input.triggers) {
    if (t.head < input.contentStart) continue;
    if (content.has(t)) {
      reject(t, 'not-an-act', `"${words[t.head]!.text}" names the content of another act`);
      continue;
    }
    if (complements.has(t)) {
      reject(t, 'not-an-act', `"${words[t.head]!.text}" is the complement of an earlier verb whose type wins`);
      continue;
    }
    const rule = t.rule;
    const nominal = rule.flags.has('noun');
    let chainHead = t.head;
    let sourceGroup: ActorGroup | null = null;
    let how = '';
    let futureByGovernor = false;

    if (nominal) {
      const light = lightVerbOf(words, t.head);
      if (light >= 0) {
        chainHead = light;
        futureByGovernor = FUTURE_LIGHT_VERBS.has(words[light]!.lemma);
        sourceGroup = subjectOf(input, groups, chainBefore(words, light).start);
        how = `light verb "${words[light]!.text}" + ${rule.id}`;
      }
      if (!sourceGroup) {
        sourceGroup = agentOfNoun(input, groups, t.head) ?? byAgentAfter(input, groups, t.end);
        if (sourceGroup) how = `nominal ${rule.id} with its agent`;
      }
    } else {
      const chain = chainBefore(words, t.head);
      if (chain.passive) {
        sourceGroup = byAgentAfter(input, groups, t.end);
        if (sourceGroup) how = `passive ${rule.id} by agent`;
      }
      if (!sourceGroup) {
        sourceGroup = subjectOf(input, groups, chain.start);
        how = `${rule.id}: subject`;
      }
    }

    // "between A and B" makes a nominal act mutual even without an agent ("an exchange of letters between A and B").
    let between: ActorGroup | null = null;
    for (const g of groups) if (g.first > t.end && g.first <= t.end + 4 && g.prep === 'between' && g.members.length >= 2) between = g;

    const chain = chainBefore(words, chainHead);
    const clauseStart = clauseStartOf(words, chainHead, input.contentStart);
    const { modality: baseModality, author } = modalityOf(input, chain, chainHead, clauseStart);
    const modality: Modality = futureByGovernor && baseModality === 'asserted' ? 'future' : baseModality;
    let negated = chain.negated;
    if (nominal && ['no'].includes(words[t.head - 1]?.lower ?? '')) negated = true;

    let sources: End[] = sourceGroup ? endsOf(sourceGroup) : [];
    if (sources.length === 0 && between) {
      sources = endsOf(between);
      how = `${rule.id} between`;
    }
    // In speech, a verb with no subject at the start of the content is the speaker's ("Thank you", "Welcome").
    if (sources.length === 0 && input.speech && input.discourse.speaker && t.head <= input.contentStart + 3) {
      sources = [{ actor: input.discourse.speaker, text: null, start: null, end: null }];
      how = `${rule.id}: speaker`;
    }
    if (sources.length === 0) {
      reject(t, 'one-actor', `no actor found for "${words[t.head]!.text}"`);
      continue;
    }
    if (underAttitude(words, clauseStart, chainHead)) {
      reject(t, 'not-an-act', `"${words[t.head]!.text}" is inside an attitude (worry, fear, want), a state`);
      continue;
    }
    const firstPerson = sourceGroup ? isFirstPerson(sourceGroup) : input.speech;
    if (author && !firstPerson && (modality === 'hypothetical' || input.facts.genre === 'analysis')) {
      reject(t, 'speculation', `"${words[t.head]!.text}" is the author's ${modality === 'hypothetical' ? 'speculation' : 'prediction'}`);
      continue;
    }

    let targetGroup: ActorGroup | null = null;
    if (chain.passive && sourceGroup && sourceGroup.prep === 'by') {
      targetGroup = subjectOf(input, groups, chain.start);
    }
    targetGroup ??= targetOf(input, groups, t, sources);
    let targets: End[] = targetGroup ? endsOf(targetGroup) : [];

    const recip = rule.flags.has('mutual') || rule.flags.has('recip');
    const pairs: [End, End][] = [];
    if (targets.length > 0) {
      for (const s of sources) for (const g of targets) pairs.push([s, g]);
      if (rule.flags.has('mutual')) for (const s of sources) for (const g of targets) pairs.push([g, s]);
    } else if (between && between !== sourceGroup) {
      targets = endsOf(between);
      for (const s of sources) for (const g of targets) pairs.push([s, g]);
    } else if (recip && sources.length >= 2) {
      for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      how += ' (each way)';
    } else if (input.speech && input.discourse.addressee && rule.type !== 'ACCUSE' && ['SUPPORT', 'AGREE', 'CONSULT'].includes(rule.type) && sources.every((s) => s.actor.country === input.discourse.speaker?.country)) {
      // A courtesy or offer in a conversation goes to the addressee ("we are prepared to help").
      for (const s of sources) pairs.push([s, { actor: input.discourse.addressee, text: null, start: null, end: null }]);
      how += ' → addressee';
    }
    const kept = pairs.filter(([s, g]) => s.actor.country !== g.actor.country);
    if (kept.length === 0) {
      reject(t, pairs.length > 0 ? 'same-country' : 'one-actor', pairs.length > 0 ? 'both ends are the same country' : `no target found for "${words[t.head]!.text}"`);
      continue;
    }
    for (const [s, g] of kept) {
      drafts.push({ source: s, target: g, type: rule.type, trigger: t, negated, modality, how });
    }
  }
  return { drafts, rejections };
}
