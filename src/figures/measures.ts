/**
 * What a figure measures: the measure's key word, its PLOVER context, and the
 * actors it runs between, read from a subject phrase ("US investments in
 * Russia") or a table row label and caption ("US Exports" in "US-Russia Trade").
 * A small vocabulary of economic and security measures, kept here because
 * only this stage uses it.
 */
import type { ActorCode, Context } from '../types.ts';
import type { ActorResolver } from './types.ts';

/** Measure key words, the words that name them, and their context; first match wins. */
const MEASURES: ReadonlyArray<{ readonly key: string; readonly words: RegExp; readonly context: Context }> = [
  { key: 'exports', words: /\bexports?\b|\bshipments?\b|\bsales to\b/i, context: 'economic' },
  { key: 'imports', words: /\bimports?\b/i, context: 'economic' },
  { key: 'trade-balance', words: /\b(?:trade )?(?:deficit|surplus|balance)\b/i, context: 'economic' },
  { key: 'investment', words: /\binvestments?\b|\bFDI\b|\binvestment stock\b/i, context: 'economic' },
  { key: 'trade', words: /\btrade\b|\bturnover\b|\bcommerce\b/i, context: 'economic' },
  { key: 'gdp', words: /\bGDP\b|\bgross domestic product\b|\beconomy\b/i, context: 'economic' },
  { key: 'aid', words: /\baid\b|\bassistance\b/i, context: 'economic' },
  { key: 'warheads', words: /\bwarheads?\b/i, context: 'cbrn' },
  { key: 'nuclear-weapons', words: /\bnuclear (?:arms|weapons|forces|stockpiles?)\b/i, context: 'cbrn' },
  { key: 'launchers', words: /\blaunchers?\b|\bmissiles?\b|\bICBMs?\b|\bbombers?\b/i, context: 'military' },
  { key: 'troops', words: /\btroops\b|\bsoldiers\b|\bservice ?members\b|\bpersonnel\b/i, context: 'military' },
  { key: 'military-spending', words: /\b(?:defen[cs]e|military) (?:spending|budget|expenditure)\b/i, context: 'military' },
  { key: 'oil', words: /\boil\b|\bcrude\b/i, context: 'natural_resource' },
  { key: 'gas', words: /\bgas\b|\bLNG\b/i, context: 'natural_resource' },
  { key: 'refugees', words: /\brefugees\b|\bmigrants\b|\basylum seekers\b/i, context: 'migration' },
  { key: 'casualties', words: /\b(?:killed|dead|deaths|casualties|wounded)\b/i, context: 'human_security' },
];

/** Words that start with a capital but do not name an actor. */
const NOT_ACTORS = new Set([
  'The', 'A', 'An', 'In', 'On', 'Of', 'For', 'By', 'To', 'And', 'Its', 'Their', 'His', 'Her', 'This', 'That', 'These', 'Those',
  'Total', 'Table', 'Item', 'Exports', 'Imports', 'Export', 'Import', 'Trade', 'Goods', 'Services', 'Balance', 'Investment', 'Investments',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'President', 'Prime', 'Minister', 'Secretary', 'General', 'Some', 'Main', 'Bilateral', 'Direct', 'Foreign', 'Net', 'Gross',
]);

/** The measure named in a phrase, with its context, or `null`. */
export function measureOfPhrase(phrase: string): { readonly key: string; readonly context: Context } | null {
  for (const m of MEASURES) if (m.words.test(phrase)) return { key: m.key, context: m.context };
  return null;
}

/** Actor names in a phrase as written: capitalised words and initialisms ("US", "U.S.", "Russian", "South Korea"). */
export function actorsOfPhrase(phrase: string): string[] {
  const names: string[] = [];
  const pattern = /(?:[A-Z]\.){2,}|[A-Z][A-Za-z]*(?:[-\s][A-Z][A-Za-z]*)*/g;
  for (const m of phrase.matchAll(pattern)) {
    // A capital at the start is only sentence case unless it is an initialism or qualifies the measure ("Russian investments").
    if (m.index === 0 && !/^[A-Z.]{2,}$|^[A-Z][A-Za-z]*-[A-Z]/.test(m[0]) && !/\s/.test(m[0])) {
      const next = phrase.slice(m[0].length).trimStart().split(/\s+/).slice(0, 2).join(' ');
      if (!measureOfPhrase(next)) continue;
    }
    if (m[0].includes('.')) {
      names.push(m[0]);
      continue;
    }
    // "US-Russia Trade" names two actors; "Trade" is not one.
    for (const part of m[0].split('-')) {
      const words = part.split(/\s+/).filter((w) => w.length > 0 && !NOT_ACTORS.has(w));
      if (words.length > 0) names.push(words.join(' '));
    }
  }
  return names.filter((n, i) => names.indexOf(n) === i);
}

/** A name reduced for matching when no resolver gives codes ("U.S." → "us"). */
export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[.'’]/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The reporter and partner of a measure phrase: "US exports to Russia" → US,
 * Russia; "Russian investments in the US" → Russian, US. `context` supplies
 * the other party when the phrase names one ("US Exports" in "US-Russia Trade").
 */
export function partiesOfPhrase(phrase: string, context: readonly string[] = []): { from: string | null; to: string | null } {
  const actors = actorsOfPhrase(phrase);
  const partner = /\b(?:to|in|into|from|with)\s+(?:the\s+)?((?:[A-Z]\.){2,}|[A-Z][A-Za-z]*(?:\s[A-Z][A-Za-z]*)*)/.exec(phrase);
  const to = partner?.[1] ?? null;
  const from = actors.find((a) => a !== to) ?? null;
  if (to !== null || from === null) return { from, to };
  const other = context.find((c) => nameKey(c) !== nameKey(from)) ?? null;
  return { from, to: other };
}

/** The key shared by every series of one measure: `exports:USA>RUS`, or names when codes are unknown. */
export function measureKey(measure: string, from: string | null, to: string | null, resolve?: ActorResolver): { key: string; from: ActorCode | null; to: ActorCode | null } {
  const fromCode = from && resolve ? resolve(from) : null;
  const toCode = to && resolve ? resolve(to) : null;
  const side = (name: string | null, code: ActorCode | null): string => code ?? (name ? nameKey(name) : '');
  if (!from && !to) return { key: measure, from: null, to: null };
  if (measure === 'trade') {
    // Bilateral trade runs both ways: one key whichever side is named first.
    const [a, b] = [side(from, fromCode), side(to, toCode)].sort();
    return { key: `${measure}:${a}<>${b}`, from: fromCode, to: toCode };
  }
  return { key: `${measure}:${side(from, fromCode)}>${side(to, toCode)}`, from: fromCode, to: toCode };
}
