/**
 * Word dictionaries matched on a sentence's words (contexts, states): phrases
 * of lower-cased words or lemmas, where `word*` matches any ending and `~`
 * between words allows up to three others.
 */
import { ConfigError } from '../errors.ts';
import type { Word } from './mentions.ts';
import type { DictionaryFile } from './dictionary-file.ts';

/** One phrase of a word dictionary and what it stands for. */
export interface Phrase<V> {
  readonly id: string;
  /** Line in its dictionary file. */
  readonly line: number;
  /** Words, `~` for a gap of up to three words. */
  readonly words: readonly string[];
  /** Per word: it matches any ending (`terror*`). */
  readonly stems: readonly boolean[];
  /** The first word matches any ending: the phrase is indexed by its first three letters. */
  readonly prefix: boolean;
  readonly value: V;
}

/** A word dictionary compiled for matching: phrases by first word, longest first. */
export interface PhraseIndex<V> {
  readonly byFirst: ReadonlyMap<string, readonly Phrase<V>[]>;
  readonly prefixes: readonly Phrase<V>[];
  /** Prefix phrases by their first three letters. */
  readonly prefixesByStart: ReadonlyMap<string, readonly Phrase<V>[]>;
}

/**
 * Compiles the rows of a dictionary whose columns are `id`, `phrase` and the
 * value columns; `valueOf` checks and reads the value cells (throwing a
 * `ConfigError` at `where`).
 */
export function phraseIndexFromDictionary<V>(
  file: DictionaryFile,
  valueColumns: readonly string[],
  valueOf: (cells: readonly string[], where: string) => V,
): PhraseIndex<V> {
  const expected = ['id', 'phrase', ...valueColumns];
  if (file.columns.join(',') !== expected.join(',')) throw new ConfigError(file.file, `columns must be ${expected.join(', ')}`);
  const byFirst = new Map<string, Phrase<V>[]>();
  const prefixes: Phrase<V>[] = [];
  const seen = new Set<string>();
  for (const row of file.rows) {
    const where = `${row.file}:${row.line}`;
    const [id = '', phrase = '', ...cells] = row.cells;
    if (seen.has(id)) throw new ConfigError(where, `duplicate id "${id}"`);
    seen.add(id);
    const value = valueOf(cells, where);
    const raw = phrase.toLowerCase().split(/\s+/).filter(Boolean);
    const stems = raw.map((w) => w.length > 1 && w.endsWith('*'));
    const words = raw.map((w, k) => (stems[k] ? w.slice(0, -1) : w));
    if (words.length === 0 || words.some((w) => w === '')) throw new ConfigError(where, `empty phrase "${phrase}"`);
    if (words[0] === '~' || words.at(-1) === '~') throw new ConfigError(where, `a gap "~" must stand between words in "${phrase}"`);
    const prefix = stems[0] === true;
    if (prefix && (words[0] ?? '').length < 3) throw new ConfigError(where, `prefix "${words[0] ?? ''}*" is shorter than three letters`);
    const entry: Phrase<V> = { id, line: row.line, words, stems, prefix, value };
    if (prefix) {
      prefixes.push(entry);
    } else {
      const first = words[0] ?? '';
      byFirst.set(first, [...(byFirst.get(first) ?? []), entry]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  prefixes.sort((a, b) => b.words.length - a.words.length);
  const prefixesByStart = new Map<string, Phrase<V>[]>();
  for (const p of prefixes) {
    const key = (p.words[0] ?? '').slice(0, 3);
    prefixesByStart.set(key, [...(prefixesByStart.get(key) ?? []), p]);
  }
  return { byFirst, prefixes, prefixesByStart };
}

/** Where a phrase matched: its first and last word. */
export interface PhraseHit<V> {
  readonly at: number;
  readonly end: number;
  readonly phrase: Phrase<V>;
}

/** Every match of the index's phrases in `words`, left to right, longest first at each word, never overlapping. */
export function phraseHitsOf<V>(words: readonly Word[], index: PhraseIndex<V>): PhraseHit<V>[] {
  const hits: PhraseHit<V>[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const options = index.byFirst.get(w.lower) ?? index.byFirst.get(w.lemma);
    let hit = options ? firstHit(words, i, options) : null;
    if (hit === null && w.lower.length >= 3) {
      const stems = index.prefixesByStart.get(w.lower.slice(0, 3));
      if (stems) hit = firstHit(words, i, stems);
    }
    if (hit !== null) {
      hits.push(hit);
      i = hit.end;
    }
  }
  return hits;
}

// The first of `phrases` that matches at word `i`.
function firstHit<V>(words: readonly Word[], i: number, phrases: readonly Phrase<V>[]): PhraseHit<V> | null {
  for (const phrase of phrases) {
    const end = phraseEnd(words, i, phrase, 0);
    if (end >= 0) return { at: i, end, phrase };
  }
  return null;
}

const GAP = 3;

// The index of the last word of `p` matched from word `i` (its `k`-th word on), or -1.
function phraseEnd<V>(words: readonly Word[], i: number, p: Phrase<V>, k: number): number {
  if (k === p.words.length) return i - 1;
  const x = p.words[k]!;
  if (x === '~') {
    for (let gap = 0; gap <= GAP; gap++) {
      if (gap > 0 && words[i + gap - 1]?.pos === 'PUNCT') return -1;
      const end = phraseEnd(words, i + gap, p, k + 1);
      if (end >= 0) return end;
    }
    return -1;
  }
  const t = words[i];
  if (!t) return -1;
  const ok = p.stems[k] ? t.lower.startsWith(x) : t.lower === x || t.lemma === x;
  return ok ? phraseEnd(words, i + 1, p, k + 1) : -1;
}
