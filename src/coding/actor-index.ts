import { scanTokens } from '../nlp/scan.ts';
import type { ActorCode, Sector } from '../types.ts';
import type { Lexicon } from './dictionaries.ts';
import type { BodyEntry, CountryEntry, PersonEntry } from './lexicon-types.ts';

/** The actor dictionaries the coder reads (what `loadLexicon()` returns). */
export type ActorLexicon = Lexicon;

export type CandidateKind =
  | 'country' | 'adjective' | 'demonym' | 'metonym' | 'igo' | 'body' | 'person' | 'agent' | 'region' | 'place';

/** What a dictionary phrase can mean. */
export interface Candidate {
  readonly kind: CandidateKind;
  /** Country (ISO3) or IGO code; for regions the theater name. */
  readonly code: ActorCode;
  readonly sector: Sector | null;
  readonly entry: string;
  /** The phrase as the dictionary writes it. */
  readonly form: string;
  /** How its first word must be written: exactly (short capitals: "US", not "us"), capitalised, or any way. */
  readonly casing: 'exact' | 'capital' | 'any';
  /** The first word as the dictionary writes it, for the exact case check. */
  readonly firstWord: string;
  readonly person: PersonEntry | null;
  readonly body: BodyEntry | null;
  readonly animate: boolean;
  readonly plural: boolean;
  /** Region or place's state, when it lies in one. */
  readonly within: ActorCode | null;
  readonly ambiguous: boolean;
}

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  candidates: Candidate[];
}

/** A phrase trie over lower-cased scanner tokens. */
export interface ActorIndex {
  readonly root: TrieNode;
  readonly countries: ReadonlyMap<ActorCode, CountryEntry>;
  /** Every token (lower-case) that starts some phrase: a quick test for the pre-filter. */
  readonly firstTokens: ReadonlySet<string>;
}

function node(): TrieNode {
  return { next: new Map(), candidates: [] };
}

// "the" is optional before every name; the matcher takes it when present.
function keyOf(phrase: string): string[] {
  const tokens = scanTokens(phrase).map((t) => t.lower);
  return tokens[0] === 'the' && tokens.length > 1 ? tokens.slice(1) : tokens;
}

function casingOf(form: string): Candidate['casing'] {
  if (/^[A-Z][A-Z.&-]{1,5}$/.test(form) && form.length <= 6) return 'exact';
  const first = form.charAt(0);
  return first !== first.toLowerCase() ? 'capital' : 'any';
}

function add(root: TrieNode, firsts: Set<string>, phrase: string, c: Omit<Candidate, 'form' | 'casing' | 'firstWord'>): void {
  const key = keyOf(phrase);
  if (key.length === 0) return;
  let n = root;
  for (const k of key) {
    let child = n.next.get(k);
    if (!child) {
      child = node();
      n.next.set(k, child);
    }
    n = child;
  }
  const form = phrase.replace(/^the\s+/i, '').trim();
  const firstWord = scanTokens(form)[0]?.text ?? form;
  if (!n.candidates.some((x) => x.entry === c.entry && x.kind === c.kind)) n.candidates.push({ ...c, form, casing: casingOf(form), firstWord });
  firsts.add(key[0] ?? '');
}

const base = { person: null, body: null, animate: true, plural: false, within: null, ambiguous: false } as const;

/** Builds the phrase index from the actor dictionaries. */
export function actorIndexFromLexicon(lex: ActorLexicon): ActorIndex {
  const root = node();
  const firsts = new Set<string>();
  const countries = new Map<ActorCode, CountryEntry>();
  for (const c of lex.countries) {
    countries.set(c.code, c);
    const amb = new Set(c.ambiguous ?? []);
    const entry = `country:${c.code}`;
    for (const n of c.names) add(root, firsts, n, { ...base, kind: 'country', code: c.code, sector: 'GOV', entry, ambiguous: amb.has(n) });
    for (const n of c.adjectives) add(root, firsts, n, { ...base, kind: 'adjective', code: c.code, sector: 'GOV', entry, ambiguous: amb.has(n) });
    for (const n of c.demonyms) add(root, firsts, n, { ...base, kind: 'demonym', code: c.code, sector: 'CVL', entry, plural: true, ambiguous: amb.has(n) });
    for (const n of c.metonyms) add(root, firsts, n, { ...base, kind: 'metonym', code: c.code, sector: 'GOV', entry: `${entry}:${n}`, ambiguous: amb.has(n) });
  }
  for (const g of lex.igos) {
    const amb = new Set(g.ambiguous ?? []);
    for (const n of g.names) add(root, firsts, n, { ...base, kind: 'igo', code: g.code, sector: null, entry: `igo:${g.id}`, ambiguous: amb.has(n) });
  }
  for (const b of lex.bodies) {
    const amb = new Set(b.ambiguous ?? []);
    for (const n of b.names) {
      add(root, firsts, n, { ...base, kind: 'body', code: b.country, sector: b.sector, entry: `body:${b.id}`, body: b, ambiguous: amb.has(n) });
    }
  }
  for (const p of lex.people) {
    const amb = new Set(p.ambiguous ?? []);
    for (const n of p.names) {
      add(root, firsts, n, { ...base, kind: 'person', code: p.country, sector: p.sector, entry: `person:${p.id}`, person: p, ambiguous: amb.has(n) });
    }
  }
  for (const a of lex.agents) {
    const plural = /s$/.test(a.words) && !/ss$/.test(a.words);
    add(root, firsts, a.words, { ...base, kind: 'agent', code: '', sector: a.sector, entry: `agent:${a.words}`, animate: a.animate, plural });
  }
  for (const r of lex.regions) {
    const amb = new Set(r.ambiguous ?? []);
    for (const n of r.names) {
      add(root, firsts, n, { ...base, kind: 'region', code: r.name, sector: null, entry: `region:${r.id}`, within: r.code ?? null, ambiguous: amb.has(n) });
    }
  }
  for (const p of lex.places) {
    const amb = new Set(p.ambiguous ?? []);
    for (const n of p.names) {
      add(root, firsts, n, { ...base, kind: 'place', code: p.country, sector: null, entry: `place:${p.id}`, within: p.country, ambiguous: amb.has(n) });
    }
  }
  return { root, countries, firstTokens: firsts };
}

/** Whether a word is written as a candidate requires: "US" in capitals (not the pronoun "us"), "Russia" capitalised. */
export function caseFits(c: Pick<Candidate, 'casing' | 'firstWord'>, firstText: string): boolean {
  if (c.casing === 'exact') return firstText === c.firstWord;
  if (c.casing === 'capital') {
    const ch = firstText.charAt(0);
    return ch !== ch.toLowerCase();
  }
  return true;
}

/** One dictionary match over scanner tokens, before composition into actor mentions. */
export interface RawMatch {
  /** Token range, inclusive. */
  readonly first: number;
  readonly last: number;
  readonly candidates: readonly Candidate[];
}

const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
// Not "by", "and", "that", "of": "criticised by May", "Trump and May", "said that May…" are the person.
const BEFORE_DATE = new Set(['in', 'on', 'since', 'until', 'till', 'from', 'early', 'late', 'mid', 'during', 'through', 'last', 'next', 'this', 'between']);

// A name that is also a month ("May") is the month after "in", "since", "early"… or beside a number ("May 5", "5 May 2012").
function monthInDate(tokens: readonly { readonly text: string; readonly lower: string }[], i: number): boolean {
  if (!MONTHS.has(tokens[i]!.lower)) return false;
  const before = tokens[i - 1]?.lower ?? '';
  return BEFORE_DATE.has(before) || /^\d/.test(before) || /^\d/.test(tokens[i + 1]?.lower ?? '');
}

const INTER = /^(inter|intra)-/;

/** Longest dictionary matches over a sentence's tokens, left to right, case-checked. */
export function rawMatches(index: ActorIndex, tokens: readonly { readonly text: string; readonly lower: string }[]): RawMatch[] {
  const out: RawMatch[] = [];
  let i = 0;
  while (i < tokens.length) {
    let n: TrieNode | undefined = index.root;
    let best: RawMatch | null = null;
    for (let j = i; j < tokens.length && n; j++) {
      const lower = tokens[j]?.lower ?? '';
      // The tagger sometimes keeps a possessive on its word ("Xi's"): look the word up without it.
      n = n.next.get(lower) ?? (lower.length > 2 && lower.endsWith("'s") ? n.next.get(lower.slice(0, -2)) : undefined)
        // "inter-Syrian talks": among the Syrians.
        ?? (j === i && INTER.test(lower) ? n.next.get(lower.slice(6)) : undefined);
      if (!n) break;
      if (n.candidates.length > 0) {
        const firstText = INTER.test(tokens[i]!.lower) ? tokens[i]!.text.slice(6) : tokens[i]!.text;
        let fitting: Candidate[] | null = null;
        for (const c of n.candidates) {
          if (!caseFits(c, firstText)) continue;
          (fitting ??= []).push(c);
        }
        if (fitting) best = { first: i, last: j, candidates: fitting };
      }
    }
    if (best && !(best.first === best.last && best.candidates.every((c) => c.ambiguous) && monthInDate(tokens, i))) {
      out.push(best);
      i = best.last + 1;
    } else {
      i++;
    }
  }
  return out;
}
