import type { EventType, Modality } from '../types.ts';
import { TYPE_TABLE } from '../types.ts';
import { actorGroups, chainBefore, isVerb, opensClause, prepositionBefore } from './clauses.ts';
import type { ActorGroup, Chain } from './clauses.ts';
import type { Discourse, ResolvedMention } from './discourse.ts';
import {
  ATTITUDE_WORDS, FUTURE_LIGHT_VERBS, LIGHT_VERBS, PERFORMATIVE, PREPOSITIONS, RECOMMENDING, REPORTING_VERBS,
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
  readonly kind: 'one-actor' | 'not-an-act' | 'speculation' | 'same-country' | 'statistic';
  readonly detail: string;
}

/** What the frames need to know about the document. */
export interface DocFacts {
  /** `analysis` (papers, fact sheets, articles): the author's predictions are not events. */
  readonly genre: 'analysis' | 'news' | 'speech';
  /** Whether the document records a call, meeting, talks or visit (its title says so). */
  readonly conversation: boolean;
}

/** A sentence ready for the frames. */
export interface FrameInput {
  readonly words: readonly Word[];
  readonly mentions: readonly ResolvedMention[];
  /** Coordinated actor groups of the mentions (`actorGroups`), when the caller has them. */
  readonly groups?: readonly ActorGroup[];
  readonly triggers: readonly Trigger[];
  readonly discourse: Discourse;
  readonly facts: DocFacts;
  /** The sentence's speaker label ("John Kerry: …") ends before this word. */
  readonly contentStart: number;
  /** Whether "I"/"we" in this sentence are a speaker's words (transcript, first-person text). */
  readonly speech: boolean;
}

const NP_WORDS = new Set(['DET', 'ADJ', 'NUM', 'NOUN', 'PROPN', 'PRON', 'ADV', 'PART', 'CCONJ', 'PUNCT', 'X']);
const GOVERNING_ANNOUNCE = new Set(['announce', 'announcement', 'plan', 'schedule', 'propose', 'unveil', 'outline', 'prepare']);
const GOVERNING_WOULD = new Set([...REPORTING_VERBS, 'agreement', 'decision', 'decide', 'promise', 'pledge', 'expect', 'hope', 'inform', 'confirm', 'instruct', 'order', 'ask']);
const CONTENT_PREPS = new Set(['of', 'for', 'over', 'about', 'against']);
const UNSPECIFIC = /\b(in|on) (some|many|several|various|a number of|all|other|certain) (areas|fields|spheres|sectors|issues|matters)\b/i;
const AMOUNT = /(?:[$€£¥]\s?\d|\d[\d.,]*\s*(?:%|percent|per cent|billion|million|trillion|bn\b))/i;

function endOf(m: ResolvedMention, actor: Resolved): End {
  return { actor, text: m.mention.text, start: m.mention.start, end: m.mention.end };
}

function endsOf(g: ActorGroup): End[] {
  return g.members.flatMap((m) => m.actors.map((a) => endOf(m, a)));
}

function groupEndingAt(groups: readonly ActorGroup[], i: number): ActorGroup | undefined {
  return groups.find((g) => g.last === i);
}

/** The group whose last word is at `i`, or whose possessive "'s" is. */
function groupBefore(words: readonly Word[], groups: readonly ActorGroup[], i: number): ActorGroup | undefined {
  return groupEndingAt(groups, i) ?? (words[i]?.lower === "'s" || words[i]?.lower === "'" ? groupEndingAt(groups, i - 1) : undefined);
}

const NOMINAL_GERUND_BEFORE = new Set(["'s", '’s', 'its', 'their', 'our', 'his', 'her', 'your', 'my', 'the', 'a', 'an', 'this', 'that']);

// A participle with its agent ("compounds used by Russian personnel") or in a compound ("intelligence-related")
// only describes a noun: it is not the verb before.
function previousVerb(words: readonly Word[], i: number, floor: number): number {
  for (let j = i - 1; j >= floor; j--) {
    const w = words[j]!;
    if (w.pos !== 'VERB' || words[j - 1]?.text === '-' || (words[j + 1]?.lower === 'by' && /ed$/.test(w.lower))) continue;
    // A gerund used as a noun is no predicate: "the U.S. side's holding of the summit".
    if (/ing$/.test(w.lower) && (NOMINAL_GERUND_BEFORE.has(words[j - 1]?.lower ?? '') || words[j + 1]?.lower === 'of')) continue;
    return j;
  }
  return -1;
}

const NOUN_PHRASE = new Set(['NOUN', 'ADJ', 'NUM']);
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'these']);

/**
 * The actor group that a relative pronoun at `rel` refers to: the nearest one
 * in the noun phrase before it, which may run through "of" ("phase IV of its
 * deployment, which…") but not through other prepositions.
 */
function antecedentOf(words: readonly Word[], groups: readonly ActorGroup[], rel: number): ActorGroup | null {
  if (isVerb(words[rel - 1])) return null;
  // "an executive order that provides": a noun phrase opened by an article, with no actor in it, is the antecedent.
  let k = words[rel - 1]?.text === ',' ? rel - 2 : rel - 1;
  if (words[k]?.pos === 'NOUN') {
    while (k >= 0 && NOUN_PHRASE.has(words[k]!.pos) && !groupBefore(words, groups, k)) k--;
    if (ARTICLES.has(words[k]?.lower ?? '')) return null;
  }
  for (let j = rel - 1; j >= Math.max(0, rel - 9); j--) {
    const w = words[j]!;
    if (w.text === ',' && j === rel - 1) continue;
    const g = groupBefore(words, groups, j);
    if (g) return g;
    if (isVerb(w) && w.pos === 'VERB' && !/ing$|ed$/.test(w.lower)) return null;
    if (PREPOSITIONS.has(w.lower) && w.lower !== 'of') return null;
    if (w.text === ';' || w.text === ':' || (w.text === ',' && j < rel - 1)) return null;
  }
  return null;
}

/**
 * The subject of the verb chain starting at `start`: the nearest actor group
 * to its left that is not inside a prepositional phrase, within the clause;
 * for a coordinated verb ("… and has vetoed"), the subject of the verb before;
 * for a relative clause ("…, which denies"), its antecedent; for a gerund after
 * a preposition ("cooperated in supporting"), the governing verb's subject.
 */
function subjectOf(input: FrameInput, groups: readonly ActorGroup[], start: number, depth = 0): ActorGroup | null {
  const { words } = input;
  const head = words[start];
  const before = words[start - 1];
  if (depth < 3 && head && /ing$/.test(head.lower) && before && PREPOSITIONS.has(before.lower) && before.lower !== 'of') {
    const v = previousVerb(words, start - 1, input.contentStart);
    if (v >= 0) return subjectOf(input, groups, chainBefore(words, v).start, depth + 1);
  }
  // "It is a great pleasure to receive…": the expletive "it" stands for the speaker (see mentions).
  const to = head?.lower === 'to' ? start : before?.lower === 'to' ? start - 1 : -1;
  if (to > 0) {
    for (let k = to - 1; k >= Math.max(input.contentStart, to - 6); k--) {
      if (words[k]!.lower !== 'it' || words[k + 1]?.lemma !== 'be') continue;
      const g = groups.find((x) => x.first === k && x.last === k);
      if (g && g.members.some((m) => m.mention.pronoun === 'i')) return g;
    }
  }
  let sawNoun = false;
  for (let j = start - 1; j >= input.contentStart; j--) {
    const w = words[j]!;
    if (w.text === ')') {
      // A parenthesis between subject and verb is an aside ("Xi Jinping (his family name…) made").
      while (j > input.contentStart && words[j]!.text !== '(') j--;
      continue;
    }
    const g = groupBefore(words, groups, j);
    if (g) {
      if (isVocative(words, g)) {
        j = g.first;
        continue;
      }
      // "After Islamabad denied …": the preposition opens a clause whose subject this is.
      if (g.prep !== null && CLAUSE_PREPS.has(g.prep) && g.last + 1 === start) return g;
      // "your visit will allow": a possessor is not the subject of the verb after its noun.
      const possessor = sawNoun && g.members.every((m) => m.mention.possessive);
      if (!possessor && (g.prep === null || g.prep === 'by' || (g.prep === 'of' && !sawNoun))) return g;
      j = g.first;
      continue;
    }
    if (['and', 'but', 'or'].includes(w.lower) && !sawNoun && depth < 3) {
      const v = previousVerb(words, j, input.contentStart);
      if (v >= 0) return subjectOf(input, groups, chainBefore(words, v).start, depth + 1);
      continue;
    }
    // "I very much hope that your visit will…": a clause after a verb of saying or thinking has its own subject, or none.
    if (w.lower === 'that' && CLAUSE_TAKING.has(words[j - 1]?.lemma ?? '')) return null;
    if (['which', 'who', 'that'].includes(w.lower)) {
      const ante = antecedentOf(words, groups, j);
      if (ante) return ante;
      // "an executive order that provides": a relative clause on a noun that is no actor has that noun as subject.
      if (w.lower !== 'that' || (!sawNoun && words[j - 1]?.pos === 'NOUN')) return null;
      continue;
    }
    if (opensClause(words, j) || w.text === ';' || w.text === ':') return null;
    // A verb right before "to" controls the infinitive with its own subject ("has agreed to continue", "looked forward to hosting").
    const controls = words[j + 1]?.lower === 'to' || (words[j + 1]?.lower === 'forward' && words[j + 2]?.lower === 'to');
    if (isVerb(w) && controls && !sawNoun && w.pos === 'VERB') {
      j = chainBefore(words, j).start;
      continue;
    }
    if (isVerb(w) && !/ing$/.test(w.lower)) return null;
    if (w.pos === 'NOUN' || w.pos === 'PROPN') sawNoun = true;
  }
  return null;
}

const CLAUSE_TAKING = new Set([...REPORTING_VERBS, ...ATTITUDE_WORDS, 'hope', 'expect', 'trust', 'agree', 'announce', 'stress', 'note', 'emphasize', 'emphasise']);
const MEETINGS = new Set(['call', 'conversation', 'meeting', 'talks', 'visit', 'summit', 'conference']);
const TIME_PREPS = new Set(['after', 'before', 'following', 'since', 'until']);
const CONCESSIVE = new Set(['despite', 'notwithstanding', 'regardless']);
const CLAUSE_PREPS = new Set(['after', 'before', 'since', 'until', 'as', 'once', 'following']);

/** A form of address ("Mr President, thank you"): a title followed by a comma, never a subject. */
function isVocative(words: readonly Word[], g: ActorGroup): boolean {
  const next = words[g.last + 1];
  if (!next || (next.text !== ',' && next.text !== '!')) return false;
  const first = words[g.first]?.lower ?? '';
  return g.members.every((m) => m.mention.kind === 'title' || m.via === 'title') || ['mr', 'mrs', 'ms', 'madam', 'sir', 'dear'].includes(first.replace(/\.$/, ''));
}

/** The agent named inside a nominal trigger's noun phrase: "the US drawdown", "Russia's support", "a US-Russia summit". */
function agentOfNoun(input: FrameInput, groups: readonly ActorGroup[], head: number): ActorGroup | null {
  const { words } = input;
  // The noun was read as part of an actor ("US opposition"): its country is the agent.
  const around = groups.find((g) => g.first < head && head <= g.last);
  if (around) return around;
  for (let j = head - 1; j >= Math.max(0, head - 5); j--) {
    const w = words[j]!;
    const g = groupBefore(words, groups, j);
    if (g) return g;
    // "… the World Trade Organization (WTO) and cooperation on Iran": the actor before a conjunction is another conjunct.
    if (!NP_WORDS.has(w.pos) || w.text === ',' || w.pos === 'CCONJ' || isVerb(w) || PREPOSITIONS.has(w.lower)) return null;
  }
  return null;
}

/** "of X" right after a nominal whose `of` phrase is its agent ("the drawdown of your forces"). */
function ofAgentAfter(input: FrameInput, groups: readonly ActorGroup[], end: number): ActorGroup | null {
  const g = groups.find((x) => x.first > end && x.first <= end + 4 && x.prep === 'of');
  return g ?? null;
}

// Verbs by which a relative clause names who did a nominal act ("the cooperation which we have been able to achieve").
const ACHIEVING = new Set(['achieve', 'reach', 'build', 'establish', 'develop', 'conclude', 'sign', 'strike', 'launch', 'create', 'forge', 'hold', 'impose', 'conduct', 'maintain', 'deepen', 'strengthen']);

/** The subject of a relative clause on a nominal act, when its verb says it did the act: "the cooperation, both political and military, which we have been able to achieve". */
function relativeAgent(input: FrameInput, groups: readonly ActorGroup[], end: number): ActorGroup | null {
  const { words } = input;
  for (let j = end + 1; j < Math.min(words.length, end + 9); j++) {
    const w = words[j]!;
    if (w.lower === 'which' || w.lower === 'that') {
      const g = groups.find((x) => x.first === j + 1 && x.prep === null);
      if (!g) return null;
      for (let k = g.last + 1; k < Math.min(words.length, g.last + 7); k++) {
        const v = words[k]!;
        if (v.text === ',' || opensClause(words, k)) return null;
        if (v.pos === 'VERB' && ACHIEVING.has(v.lemma)) return g;
      }
      return null;
    }
    // Only the noun's own modifiers may come between ("cooperation, both political and military, which").
    if (!(w.text === ',' || w.pos === 'ADJ' || w.pos === 'CCONJ' || w.pos === 'ADV' || w.lower === 'both')) return null;
  }
  return null;
}

/** Who a stated need falls on: the agent after "by" in its complement, or the subject of "for … to". */
function whoMustAct(input: FrameInput, groups: readonly ActorGroup[], t: Trigger, sources: readonly End[]): ActorGroup | null {
  const { words } = input;
  const own = new Set(sources.map((s) => s.actor.country));
  for (const g of groups) {
    if (g.first <= t.end || g.first > t.end + 14 || !isForeign(g, own)) continue;
    if (words.slice(t.end + 1, g.first).some((w, k) => w.text === ';' || opensClause(words, t.end + 1 + k))) return null;
    if (g.prep === 'by') return g;
    if (g.prep === 'for' && words[g.last + 1]?.lower === 'to') return g;
  }
  return null;
}

const RELATIONSHIP_NOUNS = new Set(['relations', 'relationship', 'ties', 'cooperation', 'partnership', 'dialogue']);
const LISTING = new Set(['including', 'notably', 'namely']);

/**
 * The pair whose relationship a list of nominal acts itemises: "achievements in U.S.-Russia relations …, including
 * cooperation on Afghanistan, the conclusion of the START agreement". Only a pair named with a relationship noun
 * before the list, and only items of the list (no verb between).
 */
function listedUnderPair(input: FrameInput, groups: readonly ActorGroup[], head: number): ActorGroup | null {
  const { words } = input;
  let listing = -1;
  for (let j = head - 1; j >= Math.max(input.contentStart, head - 30); j--) {
    const w = words[j]!;
    if (LISTING.has(w.lower)) {
      listing = j;
      break;
    }
    if (w.pos === 'VERB' || w.text === ';' || w.text === ':' || opensClause(words, j)) return null;
  }
  if (listing < 0) return null;
  for (let j = listing - 1; j >= Math.max(input.contentStart, listing - 14); j--) {
    if (!RELATIONSHIP_NOUNS.has(words[j]!.lower)) continue;
    // "discussed bilateral relations, including cooperation on trade": topics of another act, not acts.
    if (input.triggers.some((u) => u.head < j && u.head >= j - 6)) return null;
    const pair = groups.find((g) => g.last < j && g.last >= j - 3 && new Set(endsOf(g).map((e) => e.actor.country)).size === 2);
    return pair ?? null;
  }
  return null;
}

/** "X is … of assistance": the subject of "be" before a predicative "of" + noun. */
function predicativeAgent(input: FrameInput, groups: readonly ActorGroup[], head: number): ActorGroup | null {
  const { words } = input;
  if (words[head - 1]?.lower !== 'of' || words[head - 2]?.lemma !== 'be') return null;
  return subjectOf(input, groups, chainBefore(words, head - 2).start);
}

const WHERE = new Set(['in', 'at', 'inside', 'near', 'across', 'throughout']);

/** "by X" right after a trigger ("the announcement by Hagel", "was published by Russia"). */
function byAgentAfter(input: FrameInput, groups: readonly ActorGroup[], end: number): ActorGroup | null {
  for (let j = end + 1; j < Math.min(input.words.length, end + 7); j++) {
    const g = groups.find((x) => x.first === j);
    // "harassment in Moscow by Russian security services": the place comes between the act and its agent.
    if (g && g.prep !== null && WHERE.has(g.prep)) {
      j = g.last;
      continue;
    }
    if (g) {
      // "killed by the Malaysia Airlines flight": the actor only qualifies the agent.
      const after = input.words[g.last + 1];
      if (after && (after.pos === 'NOUN' || after.pos === 'PROPN') && !g.members.at(-1)?.mention.possessive) return null;
      return g.prep === 'by' ? g : null;
    }
    if (isVerb(input.words[j]) && input.words[j]!.pos === 'VERB') return null;
  }
  return null;
}

/** The verb governing a nominal trigger as its object ("held talks", "announced a summit", "strengthen their cooperation"). */
const ENGAGING = new Set(['engage', 'participate']);
const TRAVELLING = new Set(['arrive', 'travel', 'fly']);

function verbGoverning(words: readonly Word[], head: number): number {
  for (let j = head - 1; j >= Math.max(0, head - 7); j--) {
    const w = words[j]!;
    if (w.pos === 'VERB' || (w.pos === 'AUX' && w.lemma === 'have')) return j;
    // "engaged in a detailed discussion", "took part in talks".
    if (w.lower === 'in' && ENGAGING.has(words[j - 1]?.lemma ?? '')) return j - 1;
    if (w.lower === 'in' && words[j - 1]?.lower === 'part' && words[j - 2]?.lemma === 'take') return j - 2;
    // "arrived for a meeting with", "flew for talks with": the traveller's meeting.
    if (w.lower === 'for' && TRAVELLING.has(words[j - 1]?.lemma ?? '')) return j - 1;
    // "agreed to an arms embargo on Iran": the measure agreed to is the agreeing side's.
    if (w.lower === 'to' && words[j - 1]?.lemma === 'agree') return j - 1;
    if (w.text === ',' || w.text === ';' || (PREPOSITIONS.has(w.lower) && w.lower !== 'of')) return -1;
  }
  return -1;
}

function isForeign(g: ActorGroup, countries: ReadonlySet<string>): boolean {
  return endsOf(g).some((e) => !countries.has(e.actor.country));
}

/**
 * The target of a trigger: the first actor group to its right, within the
 * clause, that the rule accepts (a direct object, or after one of its
 * prepositions), skipping groups of the source's own country. Words inside the
 * pattern ("threw USAID out") count as its object.
 */
function targetOf(input: FrameInput, groups: readonly ActorGroup[], t: Trigger, sources: readonly End[], stopAtVerbs: boolean): ActorGroup | null {
  const { words } = input;
  const rule = t.rule;
  const own = new Set(sources.map((s) => s.actor.country));
  // In the passive the pattern's object comes first, with its own target: "evidence against Russia was presented by the US".
  const object = t.matched.find((j) => j < t.head);
  if (object !== undefined) {
    const inner = groups.find((g) => g.first > object && g.last < t.head && g.prep !== null && rule.preps.includes(g.prep) && isForeign(g, own));
    if (inner) return inner;
  }
  let crossed = false;
  let passed = false;
  for (let j = t.head + 1; j < words.length; j++) {
    if (t.matched.includes(j)) continue;
    const w = words[j]!;
    // "sanctioned nine entities and individuals: the GRU and the FSB": a colon after the object opens its list.
    if (w.text === ':' && rule.object && !passed && j > t.end + 1) continue;
    if (j > t.end + 1 && opensClause(words, j)) return null;
    const g = groups.find((x) => x.first === j);
    if (g) {
      passed = true;
      const prep = g.prep;
      // "ratified an agreement with the EU": the partner of the agreement the verb takes.
      const partner = prep === 'with' && AGREEMENT_NOUNS.has(words[g.first - 2]?.lemma ?? '') || (prep === 'with' && AGREEMENT_NOUNS.has(words[g.first - 3]?.lemma ?? ''));
      const accepted = prep === null
        ? rule.object || crossed || j < t.end
        : rule.preps.includes(prep) || partner || (crossed && ['to', 'with', 'from', 'against', 'on'].includes(prep));
      if (accepted && isForeign(g, own)) return g;
      // The direct object names the target; when it is the source's own country the act is domestic.
      if (accepted && prep === null && rule.object && !crossed && !isForeign(g, own) && !g.members.some((m) => m.mention.kind === 'adjectival')) return null;
      j = g.last;
      continue;
    }
    if (j > t.end && isVerb(w) && w.pos === 'VERB') {
      // Cross into a to-infinitive or gerund complement ("refused to extend X", "called for reducing X").
      const prev = words[j - 1];
      if (!stopAtVerbs && prev && (prev.lower === 'to' || PREPOSITIONS.has(prev.lower))) {
        crossed = true;
        continue;
      }
      return null;
    }
    if (w.text === ',' && words[j + 1] && ['and', 'but', 'while', 'which', 'who', 'as', 'whereas'].includes(words[j + 1]!.lower)) return null;
    // "…, despite differences with the Russian government": a concession names no target.
    if (CONCESSIVE.has(w.lower) && j > t.end) return null;
  }
  return null;
}

/**
 * When the clause names no target, the other member of the document's pair
 * if the sentence refers to it anywhere ("… a significant victory for Obama",
 * "despite US opposition"), or, for a withdrawal, the country withdrawn from.
 */
function fallbackTarget(input: FrameInput, groups: readonly ActorGroup[], t: Trigger, sources: readonly End[]): End | null {
  const own = new Set(sources.map((s) => s.actor.country));
  const { words } = input;
  // Only within the sentence's own stretch: a dash, semicolon or colon starts another thought.
  let from = input.contentStart;
  let to = words.length;
  for (let j = t.head - 1; j >= input.contentStart; j--) if (['—', '–', ';', ':'].includes(words[j]!.text)) { from = j + 1; break; }
  for (let j = t.end + 1; j < words.length; j++) if (['—', '–', ';', ':'].includes(words[j]!.text)) { to = j; break; }
  const near = groups.filter((g) => g.first >= from && g.last < to);
  // Those acting together with the source ("Washington and Moscow do not want …") are not its target.
  const alongside = (g: ActorGroup): boolean => endsOf(g).some((e) => own.has(e.actor.country));
  if (t.rule.type === 'RETREAT') {
    const place = near.find((g) => (g.prep === 'from' || g.prep === 'in') && isForeign(g, own))
      ?? near.find((g) => !alongside(g) && g.members.every((m) => m.mention.kind !== 'adjectival'));
    if (place) return endsOf(place).find((e) => !own.has(e.actor.country)) ?? null;
  }
  if (t.rule.flags.has('noun')) {
    // A nominal act in an adjunct ("despite US opposition") is aimed at the clause's subject.
    const subject = near.find((g) => g.prep === null && g.last < t.head && !g.members.some((m) => m.mention.kind === 'adjectival'));
    return subject && isForeign(subject, own) && !alongside(subject) ? endsOf(subject).find((e) => !own.has(e.actor.country)) ?? null : null;
  }
  const pair = input.discourse.docPair;
  if (!pair || !sources.every((s) => pair.some((p) => p.country === s.actor.country))) return null;
  const other = pair.find((p) => !own.has(p.country));
  if (!other) return null;
  for (const g of near) {
    const e = endsOf(g).find((x) => x.actor.country === other.country);
    if (e) return e;
  }
  // An unnamed body of the other side in the sentence ("officials", "the side").
  const title = input.mentions.find((m) => m.mention.kind === 'title' && m.actors.length === 0 && m.mention.first > t.end && m.mention.last < to);
  if (title) return { actor: other, text: title.mention.text, start: title.mention.start, end: title.mention.end };
  return null;
}

// A past form right after a noun is a finite verb when no other verb follows in the clause
// ("Russia expelled diplomats"), a participle modifying the noun otherwise ("diplomats expelled by").
function isFiniteHere(words: readonly Word[], head: number): boolean {
  if (words[head + 1]?.lower === 'by') return false;
  for (let j = head - 1; j >= 0; j--) {
    const w = words[j]!;
    if (opensClause(words, j) || w.text === ';' || ['which', 'who', 'that', 'and', 'but'].includes(w.lower)) break;
    // "Israel released the mayor …, a member … jailed": the clause has its verb already.
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !/ing$/.test(w.lower) && words[j - 1]?.lower !== 'to')) return false;
  }
  for (let j = head + 1; j < words.length; j++) {
    const w = words[j]!;
    if (opensClause(words, j) || w.text === ',' || w.text === ';' || ['which', 'who', 'that', 'and', 'but'].includes(w.lower)) return true;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !/ing$/.test(w.lower) && words[j - 1]?.lower !== 'to')) return false;
  }
  return true;
}

/** Whether a group is the subject of an act right after it ("expect C to do", "hope that C would"). */
function actsNext(words: readonly Word[], g: ActorGroup): boolean {
  for (let j = g.last + 1; j <= g.last + 3 && j < words.length; j++) {
    const w = words[j]!;
    if (w.lower === 'to' || w.pos === 'AUX' || w.pos === 'VERB') return true;
    if (w.pos !== 'ADV') return false;
  }
  return false;
}

/** The actor a hope is about: the subject of the "that" clause right after it, when an act follows ("hope that C would…"). */
function hopedActor(input: FrameInput, groups: readonly ActorGroup[], t: Trigger, sources: readonly End[]): ActorGroup | null {
  const { words } = input;
  if (words[t.end + 1]?.lower !== 'that') return null;
  const own = new Set(sources.map((s) => s.actor.country));
  const g = groups.find((x) => x.first >= t.end + 2 && x.first <= t.end + 4 && x.prep === null);
  return g && isForeign(g, own) && actsNext(words, g) ? g : null;
}

/** Material acts aimed at a place: the state it lies in is the target ("exercises in Alaska", "shelling in Gaza"). */
const PLACE_TARGETED = new Set<EventType>(['ASSAULT', 'MOBILIZE', 'PROTEST', 'COERCE']);

function placeTarget(input: FrameInput, t: Trigger, sources: readonly End[]): End | null {
  const own = new Set(sources.map((s) => s.actor.country));
  for (const r of input.mentions) {
    const m = r.mention;
    if (m.first <= t.end || opensClauseBetween(input.words, t.end, m.first)) continue;
    const code = m.kind === 'location' ? m.theater : r.actors.length === 1 ? r.actors[0]!.country : null;
    if (!code || !/^[A-Z]{3}$/.test(code) || own.has(code)) continue;
    return { actor: { country: code, sector: 'GOV', entry: r.actors[0]?.entry ?? `place:${m.text}` }, text: m.text, start: m.start, end: m.end };
  }
  return null;
}

function opensClauseBetween(words: readonly Word[], from: number, to: number): boolean {
  for (let j = from + 1; j < to; j++) if (opensClause(words, j) || words[j]!.text === ',' || words[j]!.text === ';') return true;
  return false;
}

const TIME_ADJUNCT = new Set(['during', 'on', 'amid', 'throughout', 'for']);

/** The verb a nominal in a time adjunct ("during a visit to X") qualifies, or -1. */
function adjunctVerb(words: readonly Word[], head: number): number {
  let j = head - 1;
  while (j >= 0 && ['DET', 'ADJ', 'NUM', 'PRON', 'PROPN', 'NOUN'].includes(words[j]!.pos)) j--;
  if (!words[j] || !TIME_ADJUNCT.has(words[j]!.lower)) return -1;
  // "arrived for a meeting": only a meeting or visit is what one comes for.
  if (words[j]!.lower === 'for' && !['meeting', 'talks', 'visit', 'summit', 'consultations', 'negotiations', 'conversation'].includes(words[head]!.lower)) return -1;
  for (let k = j - 1; k >= 0; k--) {
    if (opensClause(words, k) || words[k]!.text === ';') return -1;
    if (words[k]!.pos === 'VERB') return k;
  }
  return -1;
}

const OWN_RELATIONS = new Set(['relations', 'relationship', 'ties', 'bilateral', 'cooperation', 'partnership', 'our', 'their', 'both', 'mutual', 'joint']);

// The one state, other than the sources, named in what the sources stressed, unless it is about their own relations.
function thirdPartyProcess(input: FrameInput, t: Trigger, sources: readonly End[]): End | null {
  const { words } = input;
  const own = new Set(sources.map((s) => s.actor.country));
  let end = t.end + 1;
  while (end < words.length && !opensClause(words, end) && words[end]!.text !== ';' && words[end]!.text !== ',') end++;
  for (let j = t.end + 1; j < end; j++) if (OWN_RELATIONS.has(words[j]!.lower)) return null;
  const third = input.mentions.filter((m) => m.mention.first > t.end && m.mention.last < end && m.actors.length === 1
    && m.mention.kind !== 'location' && !own.has(m.actors[0]!.country) && m.actors[0]!.country.length === 3);
  const first = third[0];
  if (!first || third.some((m) => m.actors[0]!.country !== first.actors[0]!.country)) return null;
  return endOf(first, first.actors[0]!);
}

// "X's invitation to join Y": Y invited X.
function invitedToJoin(input: FrameInput, groups: readonly ActorGroup[], t: Trigger): { inviter: ActorGroup; invitee: ActorGroup } | null {
  const { words } = input;
  if (words[t.end + 1]?.lower !== 'to' || words[t.end + 2]?.lemma !== 'join') return null;
  const invitee = agentOfNoun(input, groups, t.head);
  const inviter = groups.find((g) => g.first > t.end + 2 && g.first <= t.end + 4);
  if (!invitee || !inviter || !invitee.members.every((m) => m.mention.possessive)) return null;
  return { inviter, invitee };
}

// The other side of the pair the text is about, when every source is on one side of it.
function partnerOf(d: Discourse, sources: readonly End[]): Resolved | null {
  if (!d.pair || sources.length === 0) return null;
  const [a, b] = d.pair;
  if (sources.every((s) => s.actor.country === a.country)) return b;
  if (sources.every((s) => s.actor.country === b.country)) return a;
  return null;
}

/** Whether every actor the sentence names is the source's or the partner's ("the importance of increasing trade between the two nations"). */
function onlyThePair(input: FrameInput, partner: Resolved, sources: readonly End[]): boolean {
  const allowed = new Set([partner.country, ...sources.map((s) => s.actor.country)]);
  return input.mentions.every((r) => r.actors.every((a) => allowed.has(a.country)) && !(r.mention.kind === 'location' && r.mention.theater && !allowed.has(r.mention.theater)));
}

const LAWS = new Set(['law', 'bill', 'decree', 'act', 'legislation', 'order', 'amendment', 'ordinance', 'statute']);

// "signs the Dima Yakovlev Law", "signed an executive order": the object is a law.
function signsALaw(words: readonly Word[], t: Trigger): boolean {
  for (let k = t.end + 1; k < words.length && k <= t.end + 8; k++) {
    const w = words[k]!;
    if (LAWS.has(w.lower) && (w.pos === 'NOUN' || w.pos === 'PROPN')) return true;
    if (!['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'PUNCT'].includes(w.pos) || w.text === ',') return false;
  }
  return false;
}

function consultingTrip(words: readonly Word[], t: Trigger, u: Trigger): boolean {
  return t.rule.type === 'CONSULT' && u.rule.type === 'CONSULT' && u.rule.flags.has('mutual') && TRAVELLING.has(words[t.head]!.lemma)
    && words[t.end + 1]?.lower === 'for' && u.head <= t.end + 4 && words[u.end + 1]?.lower === 'with';
}

function meetsTheAddressee(words: readonly Word[], u: Trigger): boolean {
  const a = words[u.end + 1]?.lower;
  const b = words[u.end + 2]?.lower;
  return a === 'with' && (b === 'you' || b === 'me' || b === 'us');
}

function visitAfter(words: readonly Word[], from: number): boolean {
  for (let k = from + 1; k < words.length && k <= from + 8; k++) {
    if (opensClause(words, k) || words[k]!.text === ';') return false;
    if (words[k]!.lemma === 'visit' && words[k]!.pos === 'NOUN') return true;
  }
  return false;
}

/** "looked forward to hosting", "agreed to continue": the act is future. */
function lookingForward(words: readonly Word[], start: number, head: number): boolean {
  // The chain may have taken "forward to" in ("looked forward to hosting").
  for (let k = head - 1; k >= start - 1 && k >= 1; k--) {
    const b = words[k - 1]!;
    if (words[k]!.lower === 'to' && (b.lower === 'forward' || ['agree', 'decide', 'promise', 'pledge', 'vow', 'undertake', 'commit'].includes(b.lemma))) return true;
  }
  return false;
}

function firstContentWord(words: readonly Word[], from: number, groups: readonly ActorGroup[]): number {
  const skip = (i: number): number => {
    while (i < words.length && (words[i]!.pos === 'PUNCT' || words[i]!.pos === 'INTJ' || ['so', 'and', 'but', 'well', 'first', 'of', 'all', 'once', 'again'].includes(words[i]!.lower))) i++;
    return i;
  };
  let i = skip(from);
  // A form of address opens the words: "Mr President, thank you."
  const vocative = groups.find((g) => g.first === i && isVocative(words, g));
  if (vocative) i = skip(vocative.last + 1);
  return i;
}

function isFirstPlural(g: ActorGroup | null): boolean {
  return !!g && g.members.length === 1 && g.members[0]!.via === 'speaker' && g.members[0]!.mention.pronoun === 'we' && ['we', 'us', 'our'].includes(g.members[0]!.mention.text.toLowerCase());
}

/** Both members of the document's pair, when the sentence refers to each of them (or says "bilateral"). */
const PLACE_PREPS = new Set(['in', 'at', 'near', 'inside']);
const SAYING = new Set(['stress', 'note', 'emphasize', 'emphasise', 'underline', 'say', 'point', 'reiterate', 'reaffirm', 'express', 'inform', 'recall', 'highlight']);

function pairReferredTo(input: FrameInput): End[] | null {
  const pair = input.discourse.docPair;
  if (!pair) return null;
  const found: End[] = [];
  for (const p of pair) {
    // A capital named as the place ("signed in Prague") is not a party.
    const venue = (r: ResolvedMention): boolean => r.actors.every((a) => a.entry.startsWith('country:') && a.entry.split(':').length > 2)
      && PLACE_PREPS.has(prepositionBefore(input.words, r.mention.first) ?? '');
    const m = input.mentions.find((r) => r.actors.some((a) => a.country === p.country) && !venue(r));
    if (!m) return null;
    found.push(endOf(m, p));
  }
  return found;
}

function isFirstPerson(g: ActorGroup | null): boolean {
  return !!g && g.members.some((m) => m.via === 'speaker' && ['i', 'we'].includes(m.mention.pronoun ?? ''));
}

/**
 * Whether an attitude word ("worries that", "fears", "wants", "believe") governs
 * the trigger within its clause. A coordinated verb after the attitude ("share
 * concerns … and have worked together") is not governed by it.
 */
/** "it is (fundamentally) important": an impersonal predicate before the word at `j`. */
function impersonal(words: readonly Word[], j: number): boolean {
  let k = j - 1;
  while (k >= 0 && words[k]!.pos === 'ADV') k--;
  return ['is', 'was', "'s", 'be'].includes(words[k]?.lower ?? '') && words[k - 1]?.lower === 'it';
}

function underAttitude(words: readonly Word[], from: number, head: number): boolean {
  let coordinated = false;
  let complementAfter = false;
  for (let j = head - 1; j >= from; j--) {
    const w = words[j]!;
    if (w.text === ';' || w.text === ':') return false;
    if (['and', 'but'].includes(w.lower) && (isVerb(words[j + 1]) || words[j + 1]?.pos === 'AUX')) coordinated = true;
    if (['and', 'but', 'so', 'yet'].includes(w.lower) && words[j - 1]?.text === ',' && words[j + 1]?.lower !== 'to') return false;
    if (coordinated && (w.lower === 'that' || w.lower === 'to')) complementAfter = true;
    // "I would like to stress that…" says it now; it is no wish.
    if (w.lower === 'like' && words[j - 1]?.lower === 'would' && words[j + 1]?.lower === 'to' && SAYING.has(words[j + 2]?.lemma ?? '')) return false;
    const governs = (RECOMMENDING.has(w.lower) && impersonal(words, j))
      // "expressed concern" is an act, handled by its own pattern.
      || ((ATTITUDE_WORDS.has(w.lemma) || ATTITUDE_WORDS.has(w.lower)) && !(words[j - 1] && ['express', 'voice', 'raise', 'reiterate'].includes(words[j - 1]!.lemma)));
    // "share concerns … and have worked together": a verb coordinated with the attitude is not governed by it.
    if (governs) return !coordinated || complementAfter;
  }
  return false;
}

/** Whether a word of `verbs` earlier in the sentence governs the trigger ("said that … would", "announced … a summit"). */
function governedBy(words: readonly Word[], from: number, head: number, verbs: ReadonlySet<string>): boolean {
  for (let j = head - 1; j >= from; j--) {
    const w = words[j]!;
    // A past form the tagger read as an adjective still governs ("informed … that it would").
    if ((w.pos === 'VERB' || w.pos === 'NOUN' || (w.pos === 'ADJ' && /ed$/.test(w.lower))) && verbs.has(w.lemma)) return true;
  }
  return false;
}

function conditionalAt(words: readonly Word[], from: number, head: number): number {
  for (let j = head - 1; j >= from; j--) {
    const l = words[j]!.lower;
    if (l === 'if' || l === 'unless') return j;
    if (words[j]!.text === ';' || words[j]!.text === ':') return -1;
  }
  return -1;
}

// "… is better placed if we can work with Russia": an act in an "if" clause that follows its main clause only
// conditions it; a leading "If needed, a commission …" closes at its comma and leaves the act in the main clause.
function insideCondition(words: readonly Word[], from: number, head: number): boolean {
  const ifAt = conditionalAt(words, from, head);
  if (ifAt < 0) return false;
  for (let j = ifAt + 1; j < head; j++) if (words[j]!.text === ',') return false;
  return true;
}

const BARE_COURTESY_WORDS = new Set(['thank', 'thanks', 'you', 'welcome', 'very', 'so', 'much', 'a', 'lot', 'again', 'once', 'all', 'everyone']);

// "Thank you.", "Thank you very much!", "Welcome!": a courtesy that is the whole of what is said.
function bareCourtesy(words: readonly Word[], from: number, t: Trigger): boolean {
  if (t.rule.type !== 'SUPPORT') return false;
  const said = words.slice(from).filter((w) => w.pos !== 'PUNCT');
  return said.length > 0 && said.length <= 6 && said.every((w) => BARE_COURTESY_WORDS.has(w.lower));
}

// What follows "glad to be" when it says where the speaker is, not what they are doing ("meeting with you").
const BEING_THERE = new Set(['back', 'here', 'there', 'again', 'in', 'at', 'with', 'among', 'together', 'present']);

const AGREEMENT_NOUNS = new Set(['agreement', 'treaty', 'declaration', 'accord', 'deal', 'memorandum', 'statement', 'communique', 'resolution', 'plan', 'framework']);

/**
 * Triggers that only name the content or grounds of another act ("accused X of interfering", "sanctions over X's
 * attacks"), and meetings agreed on, which are coded besides the agreement ("a protocol signed on consultations").
 */
function contentTriggers(input: FrameInput): { readonly content: Set<Trigger>; readonly meetings: Set<Trigger> } {
  const out = new Set<Trigger>();
  const meetings = new Set<Trigger>();
  const { words, triggers } = input;
  for (const t of triggers) {
    // "bilateral cooperation agreements", "a trade deal": a noun naming what a document is about.
    if (t.rule.flags.has('noun') && AGREEMENT_NOUNS.has(words[t.end + 1]?.lemma ?? '')) out.add(t);
    const q = TYPE_TABLE[t.rule.type].quad;
    const document = t.rule.flags.has('noun') && AGREEMENT_NOUNS.has(words[t.head]!.lemma);
    const agreeing = t.rule.type === 'AGREE';
    const consulting = t.rule.type === 'CONSULT';
    if (q < 3 && t.rule.type !== 'SUPPORT' && !agreeing && !consulting) continue;
    for (const u of triggers) {
      if (u.head <= t.end || u.head > t.end + 15) continue;
      // "thank you for finding the time to meet with me", "glad to be meeting with you": the meeting is coded too.
      if (t.rule.type === 'SUPPORT' && u.rule.type === 'CONSULT' && meetsTheAddressee(words, u)) continue;
      // "arrived for a meeting with the President": a visit and the meeting on it are one meeting, each way.
      if (consultingTrip(words, t, u)) continue;
      let inside = t.rule.type === 'SUPPORT';
      let bracket = 0;
      for (let j = t.end + 1; j < u.head; j++) {
        const w = words[j]!;
        // A name in brackets after a document is its content: "the treaty [on friendship, good neighbourliness and cooperation]".
        if ((w.text === '[' || w.text === '(') && document && j === t.end + 1) {
          bracket++;
          inside = true;
          continue;
        }
        if (bracket > 0) continue;
        // ", including …" goes on with what was agreed or outlined.
        if (agreeing && w.text === ',' && words[j + 1]?.lower === 'including') continue;
        if (opensClause(words, j) || w.text === ',' || w.text === ';') {
          inside = false;
          break;
        }
        if (CONTENT_PREPS.has(w.lower) && q >= 3) inside = true;
        // What an accusation alleges is not coded: "alleged that France … helped".
        if (t.rule.type === 'ACCUSE' && w.lower === 'that' && j === t.end + 1) {
          out.add(u);
          break;
        }
        // What is agreed or declared is content: "agreed on a joint venture", "outlined areas … including", "a Declaration on Partnership".
        if (agreeing && (w.lower === 'on' || w.lower === 'including' || (document && w.lower === 'of'))) inside = true;
        // What was discussed is the topic of the talks: "discussed … prospects for developing bilateral cooperation".
        if (consulting && u.rule.flags.has('noun') && ['on', 'about', 'of', 'regarding', 'for', 'including'].includes(w.lower)) inside = true;
        if ((w.lower === 'and' || w.lower === 'but') && (words[j + 1]?.pos === 'AUX' || words[j + 1]?.pos === 'VERB')) {
          inside = false;
          break;
        }
        if (isVerb(w) && !/ing$/.test(w.lower) && words[j - 1]?.lower !== 'to') {
          inside = false;
          break;
        }
      }
      // A meeting of the parties in an agreement's content is coded too, as announced (the guide's ruling).
      if (inside && agreeing && u.rule.type === 'CONSULT') meetings.add(u);
      else if (inside) out.add(u);
    }
  }
  return { content: out, meetings };
}

/**
 * Triggers in the `to`-complement of an `own` verb or of a conflict verb
 * ("refused to support", "agreed to reduce", "broke a contract to supply"):
 * the governing verb's type wins. Agreeing to a measure against a state is
 * that measure ("agreed to an arms embargo"): there the agreement yields. A
 * meeting agreed on is coded besides the agreement ("agreed to continue
 * discussions"), and a hope about one's own or a joint act codes that act.
 */
function complementTriggers(input: FrameInput): { suppressed: Set<Trigger>; hoped: Set<Trigger> } {
  const suppressed = new Set<Trigger>();
  const hoped = new Set<Trigger>();
  const { words, triggers } = input;
  for (const t of triggers) {
    const hope = t.rule.flags.has('hope');
    const conflict = TYPE_TABLE[t.rule.type].quad >= 3 && !hope;
    if (!t.rule.flags.has('own') && !conflict) continue;
    // The complement starts at a "to", "for" or "that" right after the verb or its object ("urged the US to").
    let link = -1;
    const first = ['to', 'for'].includes(words[t.end]!.lower) && t.end > t.head ? t.end : t.end + 1;
    for (let j = first; j < Math.min(words.length, first + 7); j++) {
      const w = words[j]!;
      // An infinitive ("refused to extend"), a gerund or act after "for" ("called for reducing"), a clause after "that".
      const next = words[j + 1];
      const infinitive = w.lower === 'to' && !!next && (next.pos === 'VERB' || next.pos === 'AUX' || (next.pos === 'ADV' && words[j + 2]?.pos === 'VERB'));
      const forAct = w.lower === 'for' && !hope && !!next && (/ing$/.test(next.lower) || triggers.some((u) => u.head === j + 1 || u.head === j + 2));
      // "agreed to an arms embargo": a measure agreed to.
      const toMeasure = t.rule.type === 'AGREE' && w.lower === 'to' && j === t.end + 1 && !!next && (next.pos === 'DET' || next.pos === 'ADJ' || next.pos === 'NOUN');
      if (infinitive || forAct || toMeasure || w.lower === 'that') {
        link = j;
        break;
      }
      if (w.text === ',' || w.text === ';' || isVerb(w) || opensClause(words, j)) break;
    }
    if (link < 0 && !(hope && first < words.length)) continue;
    const from = link < 0 ? first : link;
    for (const u of triggers) {
      if (u.head <= t.end || u.head < from || u.head > from + 15) continue;
      const between = words.slice(from, u.head);
      // A new clause ends the complement: ", Russia allowed", "; …", "although …".
      const broken = between.some((w, k) => opensClause(words, w.i) || w.text === ';'
        || (w.text === ',' && between[k + 1]?.lower !== 'to' && !['and', 'or'].includes(between[k + 1]?.lower ?? '')));
      if (broken) continue;
      if (hope) {
        hoped.add(u);
        continue;
      }
      if (link < 0 || words[link]!.lower === 'that') continue;
      if (t.rule.type === 'SUPPORT' && u.rule.type === 'CONSULT' && meetsTheAddressee(words, u)) continue;
      if (t.rule.type === 'AGREE' && u.rule.flags.has('noun') && TYPE_TABLE[u.rule.type].quad >= 3 && !between.some((w) => isVerb(w))) suppressed.add(t);
      else if (t.rule.type === 'AGREE' && u.rule.type === 'CONSULT') hoped.add(u);
      else suppressed.add(u);
    }
  }
  return { suppressed, hoped };
}

interface ModalityReading {
  readonly modality: Modality;
  /** The author's own speculation or prediction, not an actor's reported act. */
  readonly author: boolean;
}

function modalityOf(input: FrameInput, chain: Chain, head: number, clauseStart: number): ModalityReading {
  const { words } = input;
  const reported = governedBy(words, input.contentStart, chain.start, GOVERNING_WOULD);
  const ifAt = conditionalAt(words, clauseStart, head);
  if (ifAt >= 0) return { modality: 'hypothetical', author: !governedBy(words, input.contentStart, ifAt, REPORTING_VERBS) };
  if (chain.hypothetical) return { modality: 'hypothetical', author: !reported };
  if (chain.would) return reported ? { modality: 'future', author: false } : { modality: 'hypothetical', author: true };
  if (chain.planned) return { modality: 'future', author: false };
  if (chain.will) return { modality: 'future', author: !reported };
  if (governedBy(words, input.contentStart, chain.start, GOVERNING_ANNOUNCE) && !chain.perfect && !/ed$/.test(words[head]?.lower ?? '')) {
    return { modality: 'future', author: false };
  }
  return { modality: 'asserted', author: false };
}

function clauseStartOf(words: readonly Word[], head: number, floor: number): number {
  for (let j = head - 1; j >= floor; j--) if (opensClause(words, j)) return j;
  return floor;
}

const HABITUAL = new Set(['regularly', 'often', 'frequently', 'actively', 'constantly', 'routinely', 'usually', 'always', 'periodically', 'repeatedly', 'systematically']);

/** "we meet regularly", "have been meeting very actively": contact with no specific occasion. */
function habitual(words: readonly Word[], t: Trigger): boolean {
  for (let j = Math.max(0, t.head - 4); j <= Math.min(words.length - 1, t.end + 3); j++) if (HABITUAL.has(words[j]!.lower)) return true;
  return false;
}

/** A trigger word inside a name ("the International Syria Support Group") or an unnamed body ("the armed opposition"). */
function insideName(input: FrameInput, t: Trigger): boolean {
  return input.mentions.some((r) => {
    const m = r.mention;
    if (t.head < m.first || t.head > m.last) return false;
    const entry = m.ref?.entry ?? '';
    // "military operations": a title word that only opens the trigger's phrase is not a name around it.
    if (m.kind === 'title') return t.end <= m.last;
    return entry.startsWith('igo:') || entry.startsWith('body:') || entry.startsWith('person:');
  });
}

/** Whether the verb group after a nominal subject is modal ("Russia with its veto can be a spoiler"). */
function modalVerbAfter(words: readonly Word[], end: number): boolean {
  for (let j = end + 1; j < words.length; j++) {
    const w = words[j]!;
    if (opensClause(words, j) || w.text === ',' || w.text === ';') return false;
    if (w.pos === 'AUX' || w.pos === 'VERB') return ['can', 'could', 'might', 'may', 'would', 'should'].includes(w.lower);
  }
  return false;
}

/** "following NATO attacks on …", "in retaliation for …": an act named only as the antecedent of another. */
function isAntecedent(words: readonly Word[], head: number): boolean {
  let j = head - 1;
  while (j >= 0 && ['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PRON', 'PART'].includes(words[j]!.pos) && words[j]!.text !== ',') j--;
  const w = words[j]?.lower ?? '';
  if (w === 'following' || w === 'amid') return true;
  return w === 'for' && ['retaliation', 'revenge'].includes(words[j - 1]?.lower ?? '') || (w === 'to' && words[j - 1]?.lower === 'response');
}

/** "the cancellation of bilateral talks", "a cancelled summit": the meeting will not take place. */
function isCancelled(words: readonly Word[], head: number): boolean {
  for (let j = head - 1; j >= Math.max(0, head - 5); j--) {
    const l = words[j]!.lower;
    if (['cancellation', 'cancelled', 'canceled', 'postponement', 'postponed'].includes(l)) return true;
    if (words[j]!.text === ',' || isVerb(words[j])) return false;
  }
  return false;
}

/** "announced at the G-8 meeting": a meeting named only as where another act happened. */
function isVenue(words: readonly Word[], head: number): boolean {
  let j = head - 1;
  while (j >= 0 && ['DET', 'ADJ', 'NUM', 'PROPN', 'NOUN', 'PUNCT'].includes(words[j]!.pos) && words[j]!.text !== ',') j--;
  const prep = words[j]?.lower;
  if (prep === 'at' && words.slice(0, j).some((w) => w.pos === 'VERB')) return true;
  // "on the sidelines of the SCO summit", "on the margins of", "on the eve of".
  return prep === 'of' && ['sidelines', 'margins', 'margin', 'sideline', 'eve', 'framework', 'eve'].includes(words[j - 1]?.lower ?? '');
}

const MEASURES = new Set(['level', 'levels', 'degree', 'scale', 'quality', 'nature', 'state', 'intensity', 'depth', 'scope']);

// "the unprecedented level of our military and technical cooperation": a relationship measured is a state (not "a level of harassment").
function measuredRelation(words: readonly Word[], head: number): boolean {
  for (let j = head - 1; j >= Math.max(1, head - 6); j--) {
    const w = words[j]!;
    if (w.lower === 'of') return MEASURES.has(words[j - 1]!.lower);
    if (!['ADJ', 'DET', 'PRON', 'CCONJ', 'NOUN', 'PROPN'].includes(w.pos) || w.text === ',') return false;
  }
  return false;
}

/** "is a member of …", "a key player in the P5+1 talks": membership is a state. */
function isMembership(words: readonly Word[], head: number): boolean {
  for (let j = head - 1; j >= Math.max(0, head - 16); j--) {
    const w = words[j]!;
    if (['member', 'members', 'player', 'players', 'participant', 'participants', 'part', 'party', 'parties'].includes(w.lower)) {
      // "It is a permanent member of the UN Security Council, …, and a key player in … the P5+1 talks": coordinated predicates.
      for (let k = j - 1; k >= Math.max(0, j - 24); k--) {
        if (words[k]!.lemma === 'be') return true;
        if (words[k]!.text === ';' || (isVerb(words[k]) && words[k]!.pos === 'VERB')) break;
      }
    }
    if (w.text === ';' || (isVerb(w) && w.lemma !== 'be')) return false;
  }
  return false;
}

/** A statistic told about an act ("US investments in Russia were about $9.9 billion") is a fact, not an event. */
function isStatistic(words: readonly Word[], t: Trigger): boolean {
  const near = words.slice(t.end + 1, t.end + 6).map((w) => w.lower).join(' ');
  // "our reciprocal investment and trade are actually increasing": a trend, not an act.
  if (/\b(is|are|was|were|has been|have been)( \w+ly)? (increasing|growing|rising|declining|decreasing|falling|expanding|improving|developing|shrinking)\b/.test(near)) return true;
  const after = words.slice(t.end + 1, t.end + 12).map((w) => w.text).join(' ');
  return AMOUNT.test(after) && /\b(were|was|is|are|reached|reach|stood|totall?ed|amounted|grew|rose|fell|increased|decreased|doubled|exceeded)\b/i.test(after);
}

function rejection(trigger: Trigger, kind: Rejection['kind'], detail: string): Rejection {
  return { trigger, kind, detail };
}

/**
 * Drafts the events of one sentence from its triggers: finds each trigger's
 * source and target, expands groups and pairs, reads negation and modality,
 * and drops what the coding guide says is not an event (the author's
 * speculation, attitudes, statistics, acts named only as another act's content).
 */
export function draftsFromSentence(input: FrameInput): { drafts: Draft[]; rejections: Rejection[] } {
  const { words } = input;
  const groups = input.groups ?? actorGroups(words, input.mentions);
  const drafts: Draft[] = [];
  const rejections: Rejection[] = [];
  const { content, meetings } = contentTriggers(input);
  const { suppressed: complements, hoped: hopedFor } = complementTriggers(input);
  const hoped = new Set([...hopedFor, ...meetings]);
  let sentenceText: string | null = null;

  for (const t of input.triggers) {
    const headText = words[t.head]!.text;
    if (t.head < input.contentStart) continue;
    if (insideName(input, t)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is part of a name`));
      continue;
    }
    if ((t.rule.type === 'CONSULT' || t.rule.type === 'COOPERATE') && habitual(words, t)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is habitual contact with no occasion: a state`));
      continue;
    }
    if (content.has(t)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" names the content or grounds of another act`));
      continue;
    }
    if (complements.has(t)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is in the complement of a verb whose type wins`));
      continue;
    }
    const rule = t.rule;
    const nominal = rule.flags.has('noun');
    // "tells Obama to go to hell" in a news line: outside a call or meeting, telling codes only what was told.
    if (rule.flags.has('report') && rule.type === 'CONSULT' && !input.facts.conversation && !words.some((w) => MEETINGS.has(w.lower))) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" outside a call or meeting: only what was told is coded`));
      continue;
    }
    if (rule.id === 'sign' && signsALaw(words, t)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" signs a law: a domestic act, whose provisions are coded on their own`));
      continue;
    }
    if (rule.flags.has('hope') && input.triggers.some((u) => hoped.has(u) && u.head > t.head && u.head <= t.end + 10)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" only frames the act it hopes for, which is coded on its own`));
      continue;
    }
    let chainHead = t.head;
    let sourceGroup: ActorGroup | null = null;
    let how = '';
    let announced = false;
    let passive = false;
    let invitee: ActorGroup | null = null;

    if (nominal) {
      if (isAntecedent(words, t.head)) {
        rejections.push(rejection(t, 'not-an-act', `"${headText}" is named only as what came before another act`));
        continue;
      }
      if (rule.type === 'CONSULT' && isVenue(words, t.head)) {
        rejections.push(rejection(t, 'not-an-act', `"${headText}" is only the place of another act`));
        continue;
      }
      if (TYPE_TABLE[rule.type].quad <= 2 && measuredRelation(words, t.head)) {
        rejections.push(rejection(t, 'not-an-act', `"${headText}" is measured ("the level of cooperation"): a state`));
        continue;
      }
      if (isMembership(words, t.head)) {
        rejections.push(rejection(t, 'not-an-act', `"${headText}" is named as something an actor is part of: a state`));
        continue;
      }
      if (isStatistic(words, t)) {
        rejections.push(rejection(t, 'statistic', `"${headText}" is measured by a figure: a statistic, not an event`));
        continue;
      }
      // "Russia's invitation to join the WTO": the organisation invites the possessor.
      const joining = rule.id === 'invitation' ? invitedToJoin(input, groups, t) : null;
      if (joining) {
        sourceGroup = joining.inviter;
        invitee = joining.invitee;
        how = `${rule.id}: the body one is invited to join`;
      }
      const governor = joining ? -1 : verbGoverning(words, t.head);
      if (governor >= 0) {
        chainHead = governor;
        announced = FUTURE_LIGHT_VERBS.has(words[governor]!.lemma);
        if (LIGHT_VERBS.has(words[governor]!.lemma) || hoped.has(t)) {
          sourceGroup = subjectOf(input, groups, chainBefore(words, governor).start);
          how = `${rule.id} with light verb "${words[governor]!.text}"`;
        }
      }
      if (!sourceGroup) {
        sourceGroup = agentOfNoun(input, groups, t.head) ?? byAgentAfter(input, groups, t.end)
          ?? (rule.flags.has('ofagent') ? ofAgentAfter(input, groups, t.end) : null) ?? predicativeAgent(input, groups, t.head)
          ?? relativeAgent(input, groups, t.end) ?? listedUnderPair(input, groups, t.head);
        if (sourceGroup) how = `${rule.id}: agent of the noun`;
      }
      // "held talks … during a visit to Beirut": an act in a time adjunct is the clause subject's.
      const adjunct = adjunctVerb(words, t.head);
      if (!sourceGroup && adjunct >= 0) {
        sourceGroup = subjectOf(input, groups, chainBefore(words, adjunct).start);
        if (sourceGroup) how = `${rule.id}: subject of the clause it qualifies`;
      }
    } else {
      const chain0 = chainBefore(words, t.head);
      // "we are prepared to", "is critical of": an adjective, not a passive.
      const chain = rule.head.pos === 'A' || words[t.head]!.pos === 'ADJ' ? { ...chain0, passive: false } : chain0;
      const next = words[t.head + 1];
      const reducedPassive = chain.start === t.head && /(ed|en)$/.test(words[t.head]!.lower) && words[t.head - 1]?.pos === 'NOUN'
        && words[t.head]!.pos === 'VERB' && (!next || next.lower === 'by' || PREPOSITIONS.has(next.lower) || next.pos === 'ADV' || next.pos === 'PUNCT')
        && !isFiniteHere(words, t.head);
      if (chain.passive || reducedPassive) {
        sourceGroup = byAgentAfter(input, groups, t.end);
        if (sourceGroup) {
          passive = true;
          how = `${rule.id}: passive, agent after "by"`;
        }
      }
      // A passive without "by" has no agent: its subject is what the act was done to.
      if (!sourceGroup && !reducedPassive && !chain.passive) {
        sourceGroup = subjectOf(input, groups, chain.start);
        how = `${rule.id}: subject`;
      }
    }

    // "between A and B" makes an act mutual even without an agent ("an exchange of letters between A and B").
    // In the passive, "relations between A and B were established": the pair stands between the object and the verb.
    const object = t.matched.find((j) => j < t.head);
    const between = groups.find((g) => g.prep === 'between' && g.members.length >= 2
      && ((g.first > t.end && g.first <= t.end + 6) || (object !== undefined && g.first > object && g.last < t.head))) ?? null;

    const chain = chainBefore(words, chainHead);
    const clauseStart = clauseStartOf(words, chainHead, input.contentStart);
    let reading = modalityOf(input, chain, chainHead, clauseStart);
    if (nominal && chainHead === t.head && modalVerbAfter(words, t.end)) reading = { modality: 'hypothetical', author: true };
    const hopedFor = hoped.has(t);
    // A cancelled meeting with no canceller named: it will not take place, each way.
    const cancelled = nominal && rule.type === 'CONSULT' && isCancelled(words, t.head);
    const modality: Modality = (announced || hopedFor || cancelled || lookingForward(words, chain.start, chainHead)) && reading.modality === 'asserted' ? 'future' : reading.modality;
    let negated = chain.negated;
    if (nominal && words[t.head - 1]?.lower === 'no') negated = true;
    if (cancelled) negated = true;

    let sources: End[] = sourceGroup ? endsOf(sourceGroup) : [];
    // "The treaty was signed" with no agent, in a sentence naming both sides of the document's pair.
    if (sources.length === 0 && !nominal && chain.passive && rule.flags.has('recip')) {
      const pair = pairReferredTo(input);
      if (pair) {
        sources = pair;
        how = `${rule.id}: passive, the pair the sentence names`;
      }
    }
    if (sources.length === 0 && between) {
      sources = endsOf(between);
      how = `${rule.id} between`;
    }
    // A bare "Thank you." or "Welcome!", with nothing thanked for and no one named, codes nothing.
    if (sourceGroup === null && bareCourtesy(words, input.contentStart, t)) {
      rejections.push(rejection(t, 'not-an-act', `a bare "${words.slice(t.head, t.end + 1).map((w) => w.text).join(' ')}" with no addressee or object codes nothing`));
      continue;
    }
    // In speech, a courtesy with no subject at the start of the content is the speaker's ("Thank you", "Welcome").
    if (sources.length === 0 && input.speech && input.discourse.speaker && t.head <= firstContentWord(words, input.contentStart, groups) + 1
      && (rule.type === 'SUPPORT' || rule.type === 'AGREE') && !/ing$/.test(words[t.head]!.lower)) {
      sources = [{ actor: input.discourse.speaker, text: null, start: null, end: null }];
      how = `${rule.id}: speaker`;
    }
    // "It is a pleasure for me too to meet with you", "thank you for finding the time to meet with me": speaker and addressee.
    if (sources.length === 0 && input.speech && rule.flags.has('mutual') && meetsTheAddressee(words, t)) {
      const you = words[t.end + 2]?.lower === 'you';
      const other = you ? input.discourse.speaker : input.discourse.addressee;
      if (other) {
        sources = [{ actor: other, text: null, start: null, end: null }];
        how = `${rule.id}: ${you ? 'speaker' : 'addressee'}`;
      }
    }
    if (sources.length === 0) {
      rejections.push(rejection(t, 'one-actor', `no actor found for "${headText}"`));
      continue;
    }
    // A speaker glad to be meeting the addressee says so: the meeting is coded ("I am happy to be meeting with you").
    const courtesyMeeting = input.speech && rule.type === 'CONSULT' && meetsTheAddressee(words, t);
    // "… do not want X to happen after the US drawdown": an act named as the time of the attitude's content is not wanted.
    const timeOfIt = nominal && TIME_PREPS.has(prepositionBefore(words, sourceGroup && sourceGroup.last < t.head ? sourceGroup.first : t.head) ?? '');
    if (!courtesyMeeting && !timeOfIt && underAttitude(words, clauseStart, chain.start)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is inside an attitude (worry, fear, want, belief): a state`));
      continue;
    }
    if (insideCondition(words, clauseStart, t.head)) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is the condition of another clause, not an act`));
      continue;
    }
    const firstPerson = isFirstPerson(sourceGroup) || (sourceGroup === null && input.speech);
    if (rule.flags.has('speaker') && !firstPerson) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is an attitude unless the speaker says it of themselves`));
      continue;
    }
    if (!firstPerson && chain.words.some((x) => PERFORMATIVE.has(x.replace(/(es|s|ed|d)$/, '')) || PERFORMATIVE.has(x))) {
      rejections.push(rejection(t, 'not-an-act', `"${headText}" is only wanted or liked: a state`));
      continue;
    }
    if (reading.author && !firstPerson && (modality === 'hypothetical' || input.facts.genre === 'analysis')) {
      rejections.push(rejection(t, 'speculation', `"${headText}" is the author's ${modality === 'hypothetical' ? 'speculation' : 'prediction'}`));
      continue;
    }
    if (rule.type === 'COOPERATE' && !t.rule.contexts.length && UNSPECIFIC.test(sentenceText ??= words.map((w) => w.text).join(' '))) {
      rejections.push(rejection(t, 'not-an-act', 'cooperation in unnamed fields is a state, not an act'));
      continue;
    }

    // Both sides stressing the importance of something about their relations agree on it.
    const jointNote = rule.id === 'note-need' && sources.length >= 2;
    // Their joint stress on a third party's process ("the inter-Syrian talks") supports that party.
    const endorsed = jointNote ? thirdPartyProcess(input, t, sources) : null;
    const recip = rule.flags.has('mutual') || rule.flags.has('recip') || jointNote;
    let targetGroup: ActorGroup | null = null;
    if (passive) targetGroup = subjectOf(input, groups, chain.start);
    targetGroup ??= invitee;
    const groupActs = recip && sources.length >= 2 && new Set(sources.map((s) => s.actor.country)).size >= 2;
    targetGroup ??= targetOf(input, groups, t, sources, groupActs);
    // "stressed the need for … by the Ukrainian authorities", "the need for the opposition to distance itself": who must act.
    if (!targetGroup && rule.id === 'note-need' && !groupActs) targetGroup = whoMustAct(input, groups, t, sources);
    if (groupActs && targetGroup && !(targetGroup.prep === 'with' || targetGroup.prep === 'between' || targetGroup.prep === null)) targetGroup = null;
    if (rule.flags.has('hope') && targetGroup && !actsNext(words, targetGroup)) targetGroup = null;
    // "expressed the hope that the authorities in Kiev would…": the subject of the hoped-for clause.
    if (!targetGroup && rule.flags.has('hope') && !groupActs) targetGroup = hopedActor(input, groups, t, sources);
    // "attacked themselves": a reflexive is the subject again.
    if (targetGroup && targetGroup.members.some((m) => /sel(f|ves)$/.test(m.mention.text.toLowerCase()))) targetGroup = sourceGroup;
    let targets: End[] = targetGroup ? endsOf(targetGroup) : [];

    // "honoured to be back here in Prague with President Medvedev": being there with a named actor is a meeting, each way.
    const beingWith = rule.id === 'glad' && targetGroup?.prep === 'with' && words[t.end + 1]?.lower === 'to' && words[t.end + 2]?.lemma === 'be'
      && BEING_THERE.has(words[t.end + 3]?.lower ?? '');
    if (beingWith) how += ' (being there with them: a meeting, each way)';
    const pairs: [End, End][] = [];
    if (endorsed) {
      for (const s of sources) pairs.push([s, endorsed]);
      how += ' → the third party whose process it is';
    } else if (targets.length > 0) {
      for (const s of sources) for (const g of targets) pairs.push([s, g]);
      if (rule.flags.has('mutual') || beingWith) for (const s of sources) for (const g of targets) pairs.push([g, s]);
      // "hosted Xi for a state visit": the guest's visit is the other half of the meeting.
      if ((rule.id === 'host' || rule.id === 'receive') && targetGroup && visitAfter(words, targetGroup.last)) {
        for (const s of sources) for (const g of targets) pairs.push([g, s]);
        how += ' (and the guest visits)';
      }
    } else if (PLACE_TARGETED.has(rule.type) && placeTarget(input, t, sources)) {
      const place = placeTarget(input, t, sources)!;
      for (const s0 of sources) pairs.push([s0, place]);
      how += ' → the state where it happened';
    } else if (between && between !== sourceGroup) {
      targets = endsOf(between);
      for (const s of sources) for (const g of targets) pairs.push([s, g]);
    } else if (groupActs) {
      for (const a of sources) for (const b of sources) if (a !== b) pairs.push([a, b]);
      how += ' (each way)';
    } else if (recip && input.speech && isFirstPlural(sourceGroup) && input.discourse.addressee) {
      // "what we have managed to achieve" in a conversation: the two sides together.
      const other: End = { actor: input.discourse.addressee, text: null, start: null, end: null };
      for (const s0 of sources) pairs.push([s0, other], [other, s0]);
      how += ' (we: speaker and addressee, each way)';
    } else if (input.speech && input.discourse.addressee && ['SUPPORT', 'AGREE', 'CONSULT', 'AID'].includes(rule.type)
      && (firstPerson || sourceGroup === null) && sources.every((s) => s.actor.country === input.discourse.speaker?.country)) {
      // A courtesy or an offer in a conversation goes to the addressee ("we are prepared to help").
      for (const s of sources) pairs.push([s, { actor: input.discourse.addressee, text: null, start: null, end: null }]);
      how += ' → addressee';
    } else if (rule.id === 'note-need' && input.facts.conversation && partnerOf(input.discourse, sources) && onlyThePair(input, partnerOf(input.discourse, sources)!, sources)) {
      // In the record of a call or meeting, a need stated with no one else named falls on the partner (a joint act).
      for (const s of sources) pairs.push([s, { actor: partnerOf(input.discourse, sources)!, text: null, start: null, end: null }]);
      how += ' → the other side of the conversation';
    } else if (rule.flags.has('addressee') && partnerOf(input.discourse, sources)) {
      // Thanks, condolences or a letter in the record of a call go to the other side of it.
      const other: End = { actor: partnerOf(input.discourse, sources)!, text: null, start: null, end: null };
      for (const s of sources) pairs.push([s, other]);
      how += ' → the other side of the conversation';
    } else if (!rule.flags.has('hope')) {
      const fallback = fallbackTarget(input, groups, t, sources);
      if (fallback) {
        for (const s of sources) pairs.push([s, fallback]);
        if (rule.flags.has('mutual')) for (const s of sources) pairs.push([fallback, s]);
        how += ' → the other side named in the sentence';
      }
    }
    // "The two sides decided to…" is an agreement; one side's decision is only what it decided.
    if (rule.flags.has('joint') && !groupActs) {
      rejections.push(rejection(t, 'one-actor', `"${headText}" is an event only when several act together`));
      continue;
    }
    const kept = pairs.filter(([s, g]) => s.actor.country !== g.actor.country);
    if (kept.length === 0) {
      rejections.push(rejection(t, pairs.length > 0 ? 'same-country' : 'one-actor', pairs.length > 0 ? 'both ends are the same country' : `no target found for "${headText}"`));
      continue;
    }
    // "said he would not provide support": a declared refusal is REJECT, not a negated act.
    const refusal = chain.negated && modality === 'future' && TYPE_TABLE[rule.type].quad <= 2 && !reading.author;
    const type: EventType = refusal ? 'REJECT' : endorsed ? 'SUPPORT' : jointNote ? 'AGREE' : beingWith ? 'CONSULT' : rule.type;
    if (refusal) how += ' (a declared refusal)';
    for (const [s, g] of kept) drafts.push({ source: s, target: g, type, trigger: t, negated: refusal ? false : negated, modality: refusal ? 'asserted' : modality, how });
  }
  return { drafts, rejections };
}
