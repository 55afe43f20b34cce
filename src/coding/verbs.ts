import { ConfigError } from '../errors.ts';
import { CONTEXTS, PLOVER_TYPES } from '../types.ts';
import type { Context, EventType } from '../types.ts';
import { listCell, readDictionary } from './dictionary-file.ts';
import type { DictionaryFile } from './dictionary-file.ts';
import { phraseIndexFromDictionary } from './phrases.ts';
import type { Phrase, PhraseIndex } from './phrases.ts';

export type PosClass = 'N' | 'V' | 'A';

/** One element of a verb pattern: a set of words, or a gap. */
export type PatternElement =
  | { readonly kind: 'word'; readonly words: ReadonlySet<string>; readonly pos: PosClass | null }
  | { readonly kind: 'gap' };

export const VERB_FLAGS = ['mutual', 'noun', 'own', 'future', 'pass', 'report', 'material', 'recip', 'light', 'speaker', 'ofagent', 'hope', 'joint', 'addressee'] as const;
export type VerbFlag = (typeof VERB_FLAGS)[number];

/** A compiled row of `dictionaries/verbs.tsv`. */
export interface VerbRule {
  readonly id: string;
  readonly head: { readonly words: ReadonlySet<string>; readonly pos: PosClass | null };
  readonly rest: readonly PatternElement[];
  readonly type: EventType;
  readonly cameo: string;
  /** Prepositions that introduce the target, in order of preference. */
  readonly preps: readonly string[];
  /** Whether a direct object can be the target. */
  readonly object: boolean;
  readonly flags: ReadonlySet<VerbFlag>;
  readonly contexts: readonly Context[];
  readonly line: number;
}

/** Verb rules indexed by head word, plus every inflected form for the fast pre-filter. */
export interface VerbIndex {
  readonly rules: readonly VerbRule[];
  readonly byHead: ReadonlyMap<string, readonly VerbRule[]>;
  /** Surface forms (lower-case) of every head word: a sentence without one cannot hold a verbal event. */
  readonly forms: ReadonlySet<string>;
}

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  meet: ['met'], hold: ['held'], send: ['sent'], give: ['gave', 'given'], take: ['took', 'taken'],
  throw: ['threw', 'thrown'], break: ['broke', 'broken'], speak: ['spoke', 'spoken'], seek: ['sought'],
  fight: ['fought'], sell: ['sold'], strike: ['struck', 'stricken'], shoot: ['shot'], freeze: ['froze', 'frozen'],
  withdraw: ['withdrew', 'withdrawn'], draw: ['drew', 'drawn'], lead: ['led'], come: ['came'], tell: ['told'],
  bring: ['brought'], buy: ['bought'], make: ['made'], pay: ['paid'], lay: ['laid'], win: ['won'],
  stand: ['stood'], begin: ['began', 'begun'], undertake: ['undertook', 'undertaken'], forbid: ['forbade', 'forbidden'],
  overthrow: ['overthrew', 'overthrown'], shut: ['shut'], cut: ['cut'], set: ['set'], put: ['put'], let: ['let'],
  spend: ['spent'], lend: ['lent'], build: ['built'], keep: ['kept'], leave: ['left'], feel: ['felt'],
  hear: ['heard'], see: ['saw', 'seen'], go: ['went', 'gone'], do: ['did', 'done'], be: ['was', 'were', 'been', 'is', 'are', 'am'],
  have: ['has', 'had'], say: ['said'], think: ['thought'], find: ['found'], know: ['knew', 'known'],
  bomb: ['bombed'], shell: ['shelled'], kick: ['kicked'], rebuff: ['rebuffed'], veto: ['vetoed', 'vetoes'],
  deal: ['dealt'], slam: ['slammed'], ban: ['banned'], scrap: ['scrapped'], jail: ['jailed'], free: ['freed'],
  ally: ['allied'], apply: ['applied'], supply: ['supplied', 'supplies'], deny: ['denied', 'denies'], rally: ['rallied'],
  ratify: ['ratified'], imply: ['implied'], reply: ['replied'], try: ['tried'],
};

/** Every form a word can take in running text, generously (extra forms only cost speed). */
export function inflections(word: string): string[] {
  const w = word.toLowerCase();
  const forms = new Set([w, `${w}s`, `${w}es`, `${w}ed`, `${w}d`, `${w}ing`]);
  if (w.endsWith('e')) forms.add(`${w.slice(0, -1)}ing`);
  if (w.endsWith('y')) {
    forms.add(`${w.slice(0, -1)}ies`);
    forms.add(`${w.slice(0, -1)}ied`);
  }
  const last = w.at(-1) ?? '';
  if (/[bcdfgklmnprstvz]/.test(last)) {
    forms.add(`${w}${last}ed`);
    forms.add(`${w}${last}ing`);
  }
  if (w.endsWith('ise')) for (const f of inflections(`${w.slice(0, -3)}ize`)) forms.add(f);
  for (const f of IRREGULAR[w] ?? []) forms.add(f);
  return [...forms];
}

function element(raw: string, where: string): PatternElement {
  if (raw === '~') return { kind: 'gap' };
  const m = /^([^/]+)(?:\/([NVA]))?$/.exec(raw);
  if (!m?.[1]) throw new ConfigError(where, `bad pattern element "${raw}"`);
  const words = new Set(m[1].split('|').map((w) => w.toLowerCase()));
  return { kind: 'word', words, pos: (m[2] as PosClass | undefined) ?? null };
}

/** Validates and compiles a parsed verbs dictionary. */
export function verbIndexFromDictionary(file: DictionaryFile): VerbIndex {
  const expected = ['id', 'pattern', 'type', 'cameo', 'target', 'flags', 'contexts'];
  if (file.columns.join(',') !== expected.join(',')) {
    throw new ConfigError(file.file, `columns must be ${expected.join(', ')}`);
  }
  const seen = new Set<string>();
  const rules: VerbRule[] = file.rows.map((row) => {
    const where = `${row.file}:${row.line}`;
    const [id = '', pattern = '', type = '', cameo = '', target = '', flags = '', contexts = ''] = row.cells;
    if (seen.has(id)) throw new ConfigError(where, `duplicate id "${id}"`);
    seen.add(id);
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new ConfigError(where, `unknown PLOVER type "${type}"`);
    if (!/^\d{2,4}$/.test(cameo)) throw new ConfigError(where, `CAMEO code must be 2-4 digits, got "${cameo}"`);
    const elements = pattern.split(/\s+/).filter(Boolean).map((p) => element(p, where));
    const [head, ...rest] = elements;
    if (!head || head.kind !== 'word') throw new ConfigError(where, 'pattern must start with a word');
    if (rest.at(-1)?.kind === 'gap') throw new ConfigError(where, 'pattern must not end with a gap');
    const flagList = listCell(flags.replace(/,/g, '|'));
    for (const f of flagList) {
      if (!(VERB_FLAGS as readonly string[]).includes(f)) throw new ConfigError(where, `unknown flag "${f}"`);
    }
    const ctx = listCell(contexts);
    for (const c of ctx) {
      if (!(CONTEXTS as readonly string[]).includes(c)) throw new ConfigError(where, `unknown context "${c}"`);
    }
    const targets = listCell(target);
    return {
      id,
      head: { words: head.words, pos: head.pos },
      rest,
      type: type as EventType,
      cameo,
      preps: targets.filter((t) => t !== 'obj'),
      object: targets.includes('obj'),
      flags: new Set(flagList as VerbFlag[]),
      contexts: ctx as Context[],
      line: row.line,
    };
  });
  const byHead = new Map<string, VerbRule[]>();
  const forms = new Set<string>();
  for (const rule of rules) {
    for (const w of rule.head.words) {
      const list = byHead.get(w) ?? [];
      list.push(rule);
      byHead.set(w, list);
      for (const f of inflections(w)) forms.add(f);
    }
  }
  return { rules, byHead, forms };
}

/** A phrase of `dictionaries/contexts.tsv`: the contexts it names. */
export type ContextPhrase = Phrase<readonly Context[]>;

/** The contexts dictionary, compiled for matching. */
export type ContextIndex = PhraseIndex<readonly Context[]>;

/** Validates and compiles a parsed contexts dictionary. */
export function contextIndexFromDictionary(file: DictionaryFile): ContextIndex {
  return phraseIndexFromDictionary(file, ['contexts'], ([cell = ''], where) => {
    const ctx = listCell(cell);
    if (ctx.length === 0) throw new ConfigError(where, 'no context given');
    for (const c of ctx) {
      if (!(CONTEXTS as readonly string[]).includes(c)) throw new ConfigError(where, `unknown context "${c}"`);
    }
    return ctx as Context[];
  });
}

let cachedVerbs: VerbIndex | null = null;
let cachedContexts: ContextIndex | null = null;

/** The verb dictionary shipped with detente, validated once. */
export function defaultVerbIndex(): VerbIndex {
  cachedVerbs ??= verbIndexFromDictionary(readDictionary('verbs.tsv'));
  return cachedVerbs;
}

/** The context dictionary shipped with detente, validated once. */
export function defaultContextIndex(): ContextIndex {
  cachedContexts ??= contextIndexFromDictionary(readDictionary('contexts.tsv'));
  return cachedContexts;
}
