import type { Span } from '../types.ts';

/** A footnote marker found in the original text. */
export interface FootnoteMarker {
  readonly span: Span;
  readonly number: number;
}

interface Candidate extends FootnoteMarker {
  /** After punctuation (`region.5`): safe alone. Glued to a word (`capability1`): only in a sequence. */
  readonly strong: boolean;
}

// `capability1,`: digits glued to an all-lowercase word (so `G20`, `MH17`, `Su27` never match).
const GLUED = /(?<=(?:^|[^\p{L}\p{M}\d])\p{Ll}{2,})([1-9]\d{0,2})(?=[.,;:!?”’"')\]]|\s|$)/gu;
// `stability”.2`, `NPT.7 Russia`, `Brazil.9`: digits after a letter and closing punctuation, then a space.
const AFTER_PUNCTUATION = /(?<=([\p{L}\p{M}]+)[.,;:!?”’"')\]]{1,3})([1-9]\d{0,2})(?=\s|$)/gu;
// Abbreviations and labels that are followed by a real number: `No.5`, `p.12`, `table US.1`.
const NUMBERED_ABBREVIATION = /^(?:no|nos|nr|vol|vols|p|pp|art|arts|para|paras|fig|figs|sec|ch|op|ed|eq|ref|tab|v)$/i;
const LABEL_WORDS = /\b(?:table|figure|chart|exhibit|annex|appendix|article|section|chapter|part|resolution|paragraph)\s+\S*$/i;

/** Largest allowed step between consecutive markers of one sequence (skipped notes sit on lines we drop). */
const MAX_STEP = 12;

/**
 * Footnote markers among the given prose ranges. A marker after punctuation
 * (`stability”.2`, `region.5`) is taken on its own; digits glued to a
 * lower-case word (`capability1`) only when they belong to the longest rising
 * sequence of candidates, since notes in a document are numbered in order.
 */
export function footnoteMarkersFromText(original: string, ranges: readonly Span[]): FootnoteMarker[] {
  const candidates: Candidate[] = [];
  for (const range of ranges) {
    const line = original.slice(range.start, range.end);
    if (!/\d/.test(line)) continue;
    for (const m of line.matchAll(GLUED)) {
      const start = range.start + (m.index ?? 0);
      candidates.push({ span: { start, end: start + (m[1]?.length ?? 0) }, number: Number(m[1]), strong: false });
    }
    for (const m of line.matchAll(AFTER_PUNCTUATION)) {
      const head = line.slice(0, m.index).replace(/[.,;:!?”’"')\]]+$/u, '');
      if (NUMBERED_ABBREVIATION.test(m[1] ?? '') || LABEL_WORDS.test(head)) continue;
      const start = range.start + (m.index ?? 0);
      candidates.push({ span: { start, end: start + (m[2]?.length ?? 0) }, number: Number(m[2]), strong: true });
    }
  }
  candidates.sort((a, b) => a.span.start - b.span.start);
  const inSequence = risingSequence(candidates);
  return candidates
    .filter((c, i) => c.strong || (inSequence.has(i) && inSequence.size >= 2))
    .map(({ span, number }) => ({ span, number }));
}

// Indexes of the longest chain of candidates whose numbers rise by 1..MAX_STEP; ties favour strong markers.
function risingSequence(candidates: readonly Candidate[]): Set<number> {
  const n = candidates.length;
  if (n === 0) return new Set();
  // Quadratic; bound the work on pathological inputs by only looking back a fixed window.
  const window = 400;
  const best: number[] = new Array<number>(n).fill(0);
  const strongCount: number[] = new Array<number>(n).fill(0);
  const previous: number[] = new Array<number>(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const ci = candidates[i];
    if (ci === undefined) continue;
    best[i] = 1;
    strongCount[i] = ci.strong ? 1 : 0;
    for (let j = Math.max(0, i - window); j < i; j++) {
      const cj = candidates[j];
      if (cj === undefined) continue;
      const step = ci.number - cj.number;
      if (step < 1 || step > MAX_STEP) continue;
      const length = (best[j] ?? 0) + 1;
      const strong = (strongCount[j] ?? 0) + (ci.strong ? 1 : 0);
      if (length > (best[i] ?? 0) || (length === best[i] && strong > (strongCount[i] ?? 0))) {
        best[i] = length;
        strongCount[i] = strong;
        previous[i] = j;
      }
    }
  }
  let end = 0;
  for (let i = 1; i < n; i++) {
    if ((best[i] ?? 0) > (best[end] ?? 0) || (best[i] === best[end] && (strongCount[i] ?? 0) > (strongCount[end] ?? 0))) end = i;
  }
  const chain = new Set<number>();
  for (let i = end; i >= 0; i = previous[i] ?? -1) chain.add(i);
  return chain;
}
