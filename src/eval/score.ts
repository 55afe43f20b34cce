import { PLOVER_TYPES, TYPE_TABLE } from '../types.ts';
import type { Event, EventType, Quad } from '../types.ts';

/** A gold event as the gold files write it (one JSON object a line). */
export interface GoldEvent {
  readonly doc: string;
  readonly sentence: string;
  readonly source: string;
  readonly target: string;
  readonly type: EventType;
  readonly negated: boolean;
  readonly modality: string;
  /** PLOVER contexts, when the gold set codes them. */
  readonly contexts: readonly string[];
  /** Theater (`SYR`, `Central Asia`), `null` for none, `undefined` when the gold set does not code it. */
  readonly theater?: string | null;
}

/** A coded or gold event reduced to what scoring compares. */
export interface Scored {
  readonly sentence: string;
  readonly source: string;
  readonly target: string;
  readonly type: EventType;
  readonly quad: Quad;
  readonly negated: boolean;
  readonly modality: string;
  readonly contexts: readonly string[];
  readonly theater?: string | null;
}

export const LEVELS = ['dyad', 'quad', 'type'] as const;
/** dyad: sentence + source + target; quad: + quad class; type: + PLOVER type. */
export type Level = (typeof LEVELS)[number];

export interface Counts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

export interface Agreement {
  readonly agree: number;
  readonly total: number;
}

/** Scores of one document (or a sum of several). */
export interface DocScore {
  readonly doc: string;
  readonly levels: Readonly<Record<Level, Counts>>;
  readonly negation: Agreement;
  readonly modality: Agreement;
  /** Over events matched at the quad level whose gold names contexts: the overlap of the two sets (shared over all, summed). */
  readonly contexts: Agreement;
  /** Over events matched at the quad level whose gold codes a theater (or none): same theater. */
  readonly theater: Agreement;
  /** Gold events not found at the quad level, and coded events that matched nothing: for error analysis. */
  readonly missed: readonly Scored[];
  readonly spurious: readonly Scored[];
}

/** Parses one gold line; throws with the reason when a key is missing or wrong. */
export function goldFromJson(value: unknown): GoldEvent {
  const v = value as Record<string, unknown>;
  const str = (k: string): string => {
    if (typeof v[k] !== 'string') throw new Error(`"${k}" must be a string`);
    return v[k] as string;
  };
  const type = str('type');
  if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new Error(`unknown type "${type}"`);
  return {
    doc: str('doc'), sentence: str('sentence'), source: str('source'), target: str('target'), type: type as EventType,
    negated: v.negated === true, modality: typeof v.modality === 'string' ? v.modality : 'asserted',
    contexts: Array.isArray(v.contexts) ? v.contexts.filter((c): c is string => typeof c === 'string') : [],
    theater: 'theater' in v ? (typeof v.theater === 'string' ? v.theater : null) : undefined,
  };
}

export function scoredFromGold(g: GoldEvent): Scored {
  return { sentence: g.sentence, source: g.source, target: g.target, type: g.type, quad: TYPE_TABLE[g.type].quad, negated: g.negated, modality: g.modality, contexts: g.contexts, theater: g.theater };
}

export function scoredFromEvent(e: Event): Scored {
  return {
    sentence: e.sentence?.text ?? '', source: e.source.country, target: e.target.country, type: e.type, quad: e.quad,
    negated: e.negated, modality: e.modality, contexts: e.contexts, theater: e.theater,
  };
}

function words(s: string): Set<string> {
  return new Set(s.toLowerCase().replace(/[’‘]/g, "'").match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * Whether two sentences overlap: most of the shorter one's words are in the
 * other (sentence splitting and PDF repair may cut them differently).
 */
export function sentencesOverlap(a: string, b: string): boolean {
  const wa = words(a);
  const wb = words(b);
  const [small, large] = wa.size <= wb.size ? [wa, wb] : [wb, wa];
  if (small.size === 0) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  // Most of the shorter one, and a fair part of the longer ("Thank you, Sir." is not "Kerry: Mr President, thank you.").
  return shared / small.size >= 0.6 && shared / large.size >= 0.25;
}

/** Whether a coded actor code counts as the gold one (exact by default). */
export type SameActor = (coded: string, gold: string) => boolean;

const exact: SameActor = (a, b) => a === b;

/**
 * Peer suites code every international organisation as `IGO`; ours name them
 * (`UN`, `EU`). This treats a named organisation as matching a gold `IGO`.
 */
export function sameActorWithIgo(igoCodes: ReadonlySet<string>): SameActor {
  return (a, b) => a === b || (b === 'IGO' && igoCodes.has(a)) || (a === 'IGO' && igoCodes.has(b));
}

function keyFits(level: Level, c: Scored, g: Scored, same: SameActor): boolean {
  if (!same(c.source, g.source) || !same(c.target, g.target)) return false;
  if (level === 'quad') return c.quad === g.quad;
  if (level === 'type') return c.type === g.type;
  return true;
}

/**
 * One-to-one matching at a level: as many gold events matched as possible
 * (augmenting paths, so an early gold event cannot take the only match of a
 * later one), each trying first the coded event whose sentence is most alike
 * and which agrees on type, then quad, then negation, then modality.
 */
export function matchAt(level: Level, coded: readonly Scored[], gold: readonly Scored[], same: SameActor = exact): { pairs: [number, number][]; counts: Counts } {
  const ranked = gold.map((g) => coded
    .map((c, ci) => ({ ci, score: keyFits(level, c, g, same) && sentencesOverlap(c.sentence, g.sentence)
      ? sentenceLikeness(c.sentence, g.sentence) * 8 + (c.type === g.type ? 4 : 0) + (c.quad === g.quad ? 2 : 0) + (c.negated === g.negated ? 1 : 0) + (c.modality === g.modality ? 0.5 : 0)
      : -1 }))
    .filter((e) => e.score >= 0)
    .sort((a, b) => b.score - a.score || a.ci - b.ci));
  const edges = ranked.map((list) => list.map((e) => e.ci));
  const goldOf = new Map<number, number>();
  const augment = (gi: number, seen: Set<number>): boolean => {
    for (const ci of edges[gi] ?? []) {
      if (seen.has(ci)) continue;
      seen.add(ci);
      const other = goldOf.get(ci);
      if (other === undefined || augment(other, seen)) {
        goldOf.set(ci, gi);
        return true;
      }
    }
    return false;
  };
  // Gold events with the closest candidate choose first.
  const order = gold.map((_, gi) => gi).sort((a, b) => (ranked[b]?.[0]?.score ?? -1) - (ranked[a]?.[0]?.score ?? -1) || a - b);
  for (const gi of order) augment(gi, new Set());
  const pairs: [number, number][] = [...goldOf.entries()].map(([ci, gi]): [number, number] => [ci, gi]).sort((a, b) => a[1] - b[1]);
  return { pairs, counts: { tp: pairs.length, fp: coded.length - pairs.length, fn: gold.length - pairs.length } };
}

// Shared words over all words: 1 for the same sentence.
function sentenceLikeness(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.max(1, wa.size + wb.size - shared);
}

function theaterAgreement(pairs: readonly [number, number][], coded: readonly Scored[], gold: readonly Scored[]): Agreement {
  let agree = 0;
  let total = 0;
  for (const [ci, gi] of pairs) {
    const g = gold[gi]!.theater;
    if (g === undefined) continue;
    total++;
    if ((coded[ci]!.theater ?? null) === g) agree++;
  }
  return { agree, total };
}

/** Scores one document's coded events against its gold events. */
export function scoreDoc(doc: string, coded: readonly Scored[], gold: readonly Scored[], same: SameActor = exact): DocScore {
  const levels = {} as Record<Level, Counts>;
  for (const level of LEVELS) levels[level] = matchAt(level, coded, gold, same).counts;
  const dyadPairs = matchAt('dyad', coded, gold, same).pairs;
  let negAgree = 0;
  let modAgree = 0;
  for (const [ci, gi] of dyadPairs) {
    if (coded[ci]!.negated === gold[gi]!.negated) negAgree++;
    if (coded[ci]!.modality === gold[gi]!.modality) modAgree++;
  }
  const quadPairs = matchAt('quad', coded, gold, same).pairs;
  const matchedCoded = new Set(quadPairs.map(([c]) => c));
  const matchedGold = new Set(quadPairs.map(([, g]) => g));
  let ctxAgree = 0;
  let ctxTotal = 0;
  for (const [ci, gi] of quadPairs) {
    const g = new Set(gold[gi]!.contexts);
    if (g.size === 0) continue;
    const c = new Set(coded[ci]!.contexts);
    const shared = [...c].filter((x) => g.has(x)).length;
    ctxAgree += shared / (c.size + g.size - shared);
    ctxTotal++;
  }
  return {
    doc,
    levels,
    negation: { agree: negAgree, total: dyadPairs.length },
    modality: { agree: modAgree, total: dyadPairs.length },
    contexts: { agree: ctxAgree, total: ctxTotal },
    theater: theaterAgreement(quadPairs, coded, gold),
    missed: gold.filter((_, i) => !matchedGold.has(i)),
    spurious: coded.filter((_, i) => !matchedCoded.has(i)),
  };
}

/** Sums document scores. */
export function totalOf(name: string, scores: readonly DocScore[]): DocScore {
  const levels = {} as Record<Level, Counts>;
  for (const level of LEVELS) {
    levels[level] = scores.reduce((acc, s) => ({ tp: acc.tp + s.levels[level].tp, fp: acc.fp + s.levels[level].fp, fn: acc.fn + s.levels[level].fn }), { tp: 0, fp: 0, fn: 0 });
  }
  const sum = (f: (s: DocScore) => Agreement): Agreement => scores.reduce((a, s) => ({ agree: a.agree + f(s).agree, total: a.total + f(s).total }), { agree: 0, total: 0 });
  return {
    doc: name, levels, negation: sum((s) => s.negation), modality: sum((s) => s.modality), contexts: sum((s) => s.contexts), theater: sum((s) => s.theater),
    missed: scores.flatMap((s) => s.missed), spurious: scores.flatMap((s) => s.spurious),
  };
}

/** Precision, recall and F1 from counts (0 when undefined). */
export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
