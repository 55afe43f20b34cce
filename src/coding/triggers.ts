import type { Word } from './mentions.ts';
import type { PosClass, VerbIndex, VerbRule } from './verbs.ts';

/** A verb-dictionary pattern found in a sentence. */
export interface Trigger {
  readonly rule: VerbRule;
  /** Word index of the pattern's head. */
  readonly head: number;
  /** Word index of the pattern's last word. */
  readonly end: number;
  /** Word indices the pattern matched (gaps excluded). */
  readonly matched: readonly number[];
}

const MAX_GAP = 4;
const CLAUSE_BREAK = new Set([';', ':', '.', '!', '?', '—', '–', '(', ')']);

function posFits(pos: string, want: PosClass | null): boolean {
  if (!want) return true;
  if (want === 'N') return pos === 'NOUN' || pos === 'PROPN';
  if (want === 'V') return pos === 'VERB' || pos === 'AUX';
  return pos === 'ADJ' || pos === 'VERB';
}

function wordFits(w: Word, words: ReadonlySet<string>): boolean {
  return words.has(w.lemma) || words.has(w.lower);
}

const BE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'got']);

// In the passive, a pattern's object comes before its verb: "the station chief's name being published", "evidence … was presented".
function matchPassive(rule: VerbRule, words: readonly Word[], head: number): number[] | null {
  if (!BE.has(words[head - 1]?.lower ?? '') && !BE.has(words[head - 2]?.lower ?? '')) return null;
  const parts = rule.rest.filter((el) => el.kind === 'word');
  if (parts.length !== 1 || parts[0]?.kind !== 'word') return null;
  const el = parts[0];
  for (let j = head - 1; j >= Math.max(0, head - 10); j--) {
    const w = words[j]!;
    if (CLAUSE_BREAK.has(w.text)) return null;
    if (wordFits(w, el.words) && posFits(w.pos, el.pos)) return [head, j];
  }
  return null;
}

function matchRest(rule: VerbRule, words: readonly Word[], head: number): number[] | null {
  const matched = [head];
  let at = head + 1;
  let gap = false;
  for (const el of rule.rest) {
    if (el.kind === 'gap') {
      gap = true;
      continue;
    }
    let found = -1;
    const limit = gap ? Math.min(words.length, at + MAX_GAP + 1) : Math.min(words.length, at + 1);
    for (let j = at; j < limit; j++) {
      const w = words[j]!;
      if (CLAUSE_BREAK.has(w.text)) break;
      if (wordFits(w, el.words) && posFits(w.pos, el.pos)) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    matched.push(found);
    at = found + 1;
    gap = false;
  }
  return matched;
}

/**
 * Every verb-dictionary pattern in a tagged sentence. Where two patterns
 * overlap, the one matching more words wins ("expressed concern" over a bare
 * "express"; "reach an agreement" over "agreement").
 */
export function triggersFromWords(index: VerbIndex, words: readonly Word[]): Trigger[] {
  const found: Trigger[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const byLemma = index.byHead.get(w.lemma);
    const byForm = w.lower === w.lemma ? undefined : index.byHead.get(w.lower);
    if (!byLemma && !byForm) continue;
    const rules = byLemma && byForm ? [...new Set([...byLemma, ...byForm])] : (byLemma ?? byForm ?? []);
    for (const rule of rules) {
      if (!posFits(w.pos, rule.head.pos)) continue;
      const matched = matchRest(rule, words, i) ?? (/(ed|en)$/.test(w.lower) ? matchPassive(rule, words, i) : null);
      if (matched) found.push({ rule, head: i, end: Math.max(...matched), matched });
    }
  }
  found.sort((a, b) => b.matched.length - a.matched.length || a.head - b.head);
  const taken = new Set<number>();
  const kept: Trigger[] = [];
  for (const t of found) {
    if (t.matched.some((k) => taken.has(k))) continue;
    kept.push(t);
    for (const k of t.matched) taken.add(k);
  }
  return kept.sort((a, b) => a.head - b.head);
}
