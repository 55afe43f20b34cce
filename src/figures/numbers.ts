/**
 * Reading numbers and units as tables and prose write them: thousands
 * separators, Unicode minus signs, accounting parentheses, currency marks,
 * scale words.
 */
import type { Scale, Unit } from './types.ts';

const MINUS = /^[-−–]/;
/** Marks that follow a figure without changing it: footnote symbols, "not significant" degrees. */
const TRAILING_MARKS = /[°*†‡]+$/;
const NUMBER_BODY = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$/;

/** A cell's text as a number ("1,278,495" → 1278495, "(12.5)" → -12.5, "–3.6%" → -3.6), or `null`. */
export function numberFromText(text: string): number | null {
  let s = text.trim().replace(TRAILING_MARKS, '');
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (s.startsWith('+')) s = s.slice(1);
  else if (MINUS.test(s)) {
    negative = !negative;
    s = s.slice(1);
  }
  s = s.replace(/^(?:US\s?)?[$€£¥]\s?/, '');
  if (MINUS.test(s) && !negative) {
    negative = true;
    s = s.slice(1);
  }
  s = s.replace(/\s?%$/, '');
  if (!NUMBER_BODY.test(s)) return null;
  const value = Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return null;
  return negative && value !== 0 ? -value : value;
}

/** Marks a table uses for "no value". */
export function isMissingMark(text: string): boolean {
  return /^(?:[-−–—]|\.\.|\.\.\.|…|n\/?a|n\.a\.|na|\(na\)|x|\*)$/i.test(text.trim());
}

/** A four-digit year a table header would use (1900–2099). */
export function isYear(text: string): boolean {
  return /^(?:19|20)\d{2}$/.test(text.trim());
}

/**
 * A period a header cell names: a year, a range ("2017–18", "2010-2014"), a
 * quarter or month with its year ("Q1 2013", "Apr 2021").
 */
export function periodFromHeader(text: string): string | null {
  const s = text.trim();
  if (isYear(s)) return s;
  const range = /^((?:19|20)\d{2})\s*[-–—/]\s*((?:19|20)?\d{2})$/.exec(s);
  if (range) {
    const from = range[1] ?? '';
    const toRaw = range[2] ?? '';
    const to = toRaw.length === 2 ? `${from.slice(0, 2)}${toRaw}` : toRaw;
    return Number(to) > Number(from) ? `${from}/${to}` : null;
  }
  const quarter = /^Q([1-4])\s+((?:19|20)\d{2})$/i.exec(s) ?? /^((?:19|20)\d{2})\s*[-\s]?Q([1-4])$/i.exec(s);
  if (quarter) {
    const [q, y] = /^Q/i.test(s) ? [quarter[1], quarter[2]] : [quarter[2], quarter[1]];
    return `${y}-Q${q}`;
  }
  const month = /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+((?:19|20)\d{2})$/i.exec(s);
  if (month) {
    const names = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
    const m = names.indexOf((month[1] ?? '').slice(0, 3).toLowerCase()) + 1;
    return `${month[2]}-${String(m).padStart(2, '0')}`;
  }
  return null;
}

const SCALE_WORDS: ReadonlyArray<readonly [RegExp, Scale]> = [
  [/^(?:thousands?|k|th)$/i, 'thousand'],
  [/^(?:millions?|mn|mln|m)$/i, 'million'],
  [/^(?:billions?|bn|bln|b)$/i, 'billion'],
  [/^(?:trillions?|tn|trn)$/i, 'trillion'],
];

/** A scale word ("billion", "bn", "Millions") as a `Scale`, or `null`. */
export function scaleFromWord(word: string): Scale | null {
  for (const [pattern, scale] of SCALE_WORDS) if (pattern.test(word)) return scale;
  return null;
}

const CURRENCIES: ReadonlyArray<readonly [RegExp, string]> = [
  [/US\s?\$|\$|\bdollars?\b|\bUSD\b/i, 'USD'],
  [/€|\beuros?\b|\bEUR\b/i, 'EUR'],
  [/£|\bpounds? sterling\b|\bGBP\b/i, 'GBP'],
  [/\brub(?:les?|\.)?\b|₽|\bRUB\b/i, 'RUB'],
  [/\byuan\b|\brenminbi\b|\bRMB\b|\bCNY\b/i, 'CNY'],
  [/¥|\byen\b|\bJPY\b/i, 'JPY'],
];

/** A currency named in a unit or beside a figure, as an ISO 4217 code. */
export function currencyFromText(text: string): string | null {
  for (const [pattern, code] of CURRENCIES) if (pattern.test(text)) return code;
  return null;
}

/**
 * The unit a caption or unit line states ("(in billions, US $)", "Million $",
 * "Percent", "in millions of dollars"), or `null` when it states none.
 */
export function unitFromText(text: string): Unit | null {
  const words = text.match(/[A-Za-z]+/g) ?? [];
  let scale: Scale | null = null;
  for (const w of words) {
    if (w.length < 4 && !/^(?:bn|mn|tn|mln|bln|trn)$/i.test(w)) continue;
    scale = scaleFromWord(w);
    if (scale) break;
  }
  const currency = currencyFromText(text);
  const percent = /%|\bper ?cent\b|\bpercentage\b/i.test(text);
  if (!scale && !currency && !percent) return null;
  const inParens = /\(([^()]*)\)\s*$/.exec(text);
  const written = inParens && unitFromTextStrict(inParens[1] ?? '') ? (inParens[1] ?? '') : text;
  return { text: written.trim(), scale, currency, percent };
}

function unitFromTextStrict(text: string): boolean {
  return /\b(?:thousands?|millions?|billions?|trillions?|bn|mn)\b|[$€£¥%]|\bdollars?\b|\bper ?cent\b/i.test(text);
}

/** A line that is nothing but a unit ("Million $", "(in billions of US dollars)", "Percent"). */
export function isUnitLine(text: string): boolean {
  const s = text.trim().replace(/^\(|\)$/g, '');
  if (s.length === 0 || s.length > 40) return false;
  const rest = s
    .replace(/\b(?:in|of|us|u\.s\.|current|constant|nominal|real)\b/gi, '')
    .replace(/\b(?:thousands?|millions?|billions?|trillions?|bn|mn|dollars?|euros?|rubles?|per ?cent|percentage|usd|eur)\b/gi, '')
    .replace(/[$€£¥%,.\s]/g, '');
  return rest.length === 0 && unitFromText(s) !== null;
}

/** Digits after the decimal point as written ("29.38" → 2, "1,278,495" → 0). */
export function decimalsOf(text: string): number {
  const m = /\.(\d+)/.exec(text);
  return m ? (m[1] ?? '').length : 0;
}
