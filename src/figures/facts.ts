/**
 * Numeric facts in prose: the quantity as written (value, scale, currency,
 * percent, fraction or multiple), how exact it is, what it measures, the
 * period it belongs to, and the sentence that says so.
 */
import type { Span } from '../types.ts';
import { measureKey, measureOfPhrase, actorsOfPhrase, partiesOfPhrase } from './measures.ts';
import { currencyFromText, scaleFromWord } from './numbers.ts';
import type { ActorResolver, Fact, FactKind, Scale } from './types.ts';

/** A sentence to read: its text and where it starts in the document. */
export interface FactSentence {
  readonly text: string;
  readonly span: Span;
  /** Sentences of one paragraph share a number; periods carry over only within a paragraph. */
  readonly paragraph?: number;
}

export interface FactOptions {
  /** The document's date (ISO, partial allowed): the year of last resort, and "now" for "the next five years". */
  readonly date?: string | null;
  readonly resolve?: ActorResolver;
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALES = String.raw`thousand|million|billion|trillion|bn|mn|tn`;
/** A figure in prose: currency, number, a stray footnote number before the scale word, scale, percent, currency word. */
const QUANTITY = new RegExp(
  String.raw`(?<cur>US\s?\$|\$|€|£|¥|\b(?:USD|EUR|RUB)\s)?\s?` +
    String.raw`(?<![\w.,\-/–])(?<num>${NUMBER})(?![\d]|,\d|\.\d)` +
    String.raw`(?:\s+(?<foot>\d{1,3})(?=\s+(?:${SCALES})\b))?` +
    String.raw`(?:\s?(?<scale>${SCALES})\b)?` +
    String.raw`(?:\s?(?<pct>%|percent\b|per cent\b|percentage points?\b))?` +
    String.raw`(?:\s+(?<curword>(?:US\s)?dollars|euros|rubles|roubles|yuan)\b)?`,
  'gi',
);
const FRACTIONS: Readonly<Record<string, number>> = { half: 1 / 2, third: 1 / 3, thirds: 2 / 3, quarter: 1 / 4, quarters: 3 / 4, fifth: 1 / 5, tenth: 1 / 10 };
const WORD_FRACTION = /\b(?<all>(?<count>a|one|two|three)[- ](?<part>half|thirds?|quarters?|fifth|tenth)|(?<=\b(?:in|by) )half)\b/gi;
const MULTIPLE = /\b(?<word>doubled|doubling|doubles|double|tripled|tripling|trebled|quadrupled|halved|halving)\b/gi;
const MULTIPLES: Readonly<Record<string, number>> = { doubl: 2, double: 2, tripl: 3, trebl: 3, quadrupl: 4, halv: 0.5 };
const TIME_UNITS = /^(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|centuries|times|percent|per)$/i;

const QUALIFIERS: ReadonlyArray<{ readonly words: RegExp; readonly approximate: boolean; readonly bound: Fact['bound'] }> = [
  { words: /(?:just|slightly|a little) over$/i, approximate: true, bound: 'above' },
  { words: /(?:just|slightly|a little) (?:under|below)$/i, approximate: true, bound: 'below' },
  { words: /(?:more than|over|above|in excess of|at least|exceeding|well over|upwards of)$/i, approximate: false, bound: 'above' },
  { words: /(?:less than|under|below|up to|at most|no more than)$/i, approximate: false, bound: 'below' },
  { words: /(?:nearly|almost|close to|approaching)$/i, approximate: true, bound: 'below' },
  { words: /(?:about|around|approximately|roughly|some|circa|an estimated|estimated at|an approximate|~)$/i, approximate: true, bound: null },
];

const INCREASE = /\b(?:rose|rise[sn]?|rising|grew|grow(?:s|n|ing)?|increas(?:e|ed|es|ing)|up|jump(?:ed|s)?|climb(?:ed|s)?|expand(?:ed|s|ing)?|gain(?:ed|s)?|rais(?:e|ed|es|ing)|boost(?:ed|s|ing)?|surg(?:e|ed|es))\b/i;
const DECREASE = /\b(?:fell|fall(?:s|en|ing)?|declin(?:e|ed|es|ing)|dropp?(?:ed|s|ing)?|decreas(?:e|ed|es|ing)|down|reduc(?:e|ed|es|ing|tion)|cut(?:s|ting)?|lower(?:ed|ing|s)?|shr[ai]nk(?:s|ing)?|shrunk|slid|plung(?:e|ed)|slash(?:ed|ing)?)\b/i;
const CHANGE_VERB = new RegExp(`(?:${INCREASE.source})|(?:${DECREASE.source})`, 'gi');
const LINK_VERB = /\b(?:reached|reach(?:es)?|were|was|is|are|stood at|stands at|totall?ed|totals|amounted to|amounts to|came to|hit|exceeded|topped|accounted for|valued at|worth|equall?ed|grew to|rose to|fell to|increased to|declined to|dropped to)\b/gi;
/** A change verb right before the figure ("rose $51.6 billion"). */
const CHANGE_AT_END = new RegExp(`(?:${INCREASE.source}|${DECREASE.source})\\s*$`, 'i');
const PROJECTION = /\b(?:could|would|will|may|might|should|expected to|expects? to|projected|forecast|is set to|are set to|likely to|aims? to|plans? to|target(?:s|ed)?|potential(?:ly)?|estimated to)\b/i;
const MODALS = /\s+(?:could|would|will|may|might|should|can|has|have|had|is expected to|are expected to|is set to|are set to|is likely to|are likely to)\s*$/i;
const CLAUSE_BREAKS = /;|\bwhile\b|\bwhereas\b|,\s*but\b|\bbut\b|,\s*and\b|\bwhich\b|\bthat\b|:\s/gi;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twenty: 20 };

interface Found {
  readonly start: number;
  readonly end: number;
  readonly valueText: string;
  readonly value: number;
  readonly scale: Scale | null;
  readonly currency: string | null;
  readonly percent: boolean;
  readonly unit: string | null;
  readonly kind: FactKind | null;
  readonly direction: Fact['direction'];
}

/** Quantities in a sentence, before their meaning is read. */
function quantitiesOf(text: string): Found[] {
  const found: Found[] = [];
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups ?? {};
    const num = g['num'] ?? '';
    const cur = g['cur'] ?? null;
    const scaleWord = g['scale'] ?? null;
    const pct = g['pct'] ?? null;
    const curWord = g['curword'] ?? null;
    let start = m.index;
    if (!cur) start = m.index + m[0].indexOf(num);
    const end = m.index + m[0].length;
    const value = Number(num.replace(/,/g, ''));
    if (!Number.isFinite(value)) continue;
    const scale = scaleWord ? scaleFromWord(scaleWord) : null;
    const currency = cur || curWord ? currencyFromText(`${cur ?? ''} ${curWord ?? ''}`) : null;
    if (scale || currency || pct) {
      found.push({ start, end, valueText: num, value, scale, currency, percent: pct !== null, unit: null, kind: null, direction: null });
      continue;
    }
    // A bare number counts something only when a plural noun follows ("18 officials", "1,550 deployed warheads").
    if (/^(?:19|20)\d{2}$/.test(num)) continue;
    // "September 11 attacks", "June 7 meeting": a date, not a count.
    if (/\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+$/i.test(text.slice(0, start))) continue;
    const after = /^\s+((?:[A-Za-z][\w-]*\s+){0,3}?[A-Za-z][\w-]*[^s\W]s)\b/.exec(text.slice(end));
    const noun = after?.[1] ?? '';
    const head = noun.split(/\s+/).pop() ?? '';
    if (!after || TIME_UNITS.test(head) || /\b(?:of|and|the|in|to)\b/i.test(noun)) continue;
    found.push({ start, end: end + after[0].length, valueText: num, value, scale: null, currency: null, percent: false, unit: noun, kind: 'count', direction: null });
  }
  for (const m of text.matchAll(WORD_FRACTION)) {
    const g = m.groups ?? {};
    const part = (g['part'] ?? 'half').toLowerCase();
    const count = (g['count'] ?? '').toLowerCase();
    const n = count === 'a' || count === 'one' ? 1 : (WORD_NUMBERS[count] ?? 1);
    const base = FRACTIONS[part.replace(/s$/, '')] ?? 0;
    const value = n * base;
    if (value <= 0) continue;
    found.push({ start: m.index, end: m.index + m[0].length, valueText: g['all'] ?? m[0], value, scale: null, currency: null, percent: false, unit: null, kind: null, direction: null });
  }
  for (const m of text.matchAll(MULTIPLE)) {
    const word = (m.groups?.['word'] ?? '').toLowerCase();
    const stem = Object.keys(MULTIPLES).find((k) => word.startsWith(k));
    if (!stem) continue;
    const value = MULTIPLES[stem] ?? 0;
    found.push({
      start: m.index,
      end: m.index + m[0].length,
      valueText: m[0],
      value,
      scale: null,
      currency: null,
      percent: false,
      unit: null,
      kind: 'multiple',
      direction: value >= 1 ? 'increase' : 'decrease',
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | null {
  const flags = pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`;
  const re = new RegExp(pattern.source, flags);
  let last: RegExpExecArray | null = null;
  for (let m = re.exec(text); m; m = re.exec(text)) last = m;
  return last;
}

/** Start of the clause holding `at`: after the last clause break before it (never inside an open parenthesis's outside). */
function clauseStart(text: string, at: number): number {
  const before = text.slice(0, at);
  const paren = before.lastIndexOf('(');
  const floor = paren > before.lastIndexOf(')') ? paren + 1 : 0;
  const m = lastMatch(CLAUSE_BREAKS, before.slice(floor));
  return m ? floor + m.index + m[0].length : floor;
}

/** The phrase a figure measures: the subject of the clause's linking verb, tidied. */
function tidySubject(raw: string): string | null {
  let s = raw.replace(MODALS, '').trim();
  // Leading time adverbials: "In 2012,", "Last year,", "Since 2010,".
  s = s.replace(/^(?:(?:in|by|since|during|as of|at the end of|last|this|next)\b[^,]{0,40},\s*)+/i, '');
  s = s.replace(/^(?:while|whereas|although|though|and|but|so|thus|however,?)\s+/i, '');
  // A leading adverb with its comma ("Combined, these sectors").
  s = s.replace(/^[A-Z][a-z]+ly,\s*|^(?:Combined|Together|Overall|Meanwhile|Moreover|Further|Furthermore|Also|Still|Yet|Thus|Hence|Instead),\s*/, '');
  s = s.replace(/^(?:the|a|an)\s+/i, '');
  s = s.replace(/(\b[A-Z][A-Za-z.]*)['’]s?\s/g, '$1 ');
  s = s.replace(/[\s,;:]+$/, '').replace(/\s+/g, ' ');
  if (s.length === 0) return null;
  const words = s.split(' ');
  return words.length > 8 ? null : s;
}

function subjectBefore(text: string, from: number, to: number): string | null {
  const segment = text.slice(from, to);
  const verb = lastMatch(LINK_VERB, segment);
  if (!verb) return null;
  return tidySubject(segment.slice(0, verb.index));
}

function qualifierOf(before: string): { text: string; approximate: boolean; bound: Fact['bound'] } | null {
  const tail = before.replace(/\s+$/, '');
  for (const q of QUALIFIERS) {
    const m = new RegExp(`(?:^|\\s)(${q.words.source})`, 'i').exec(tail);
    if (m && m.index + m[0].length === tail.length) return { text: (m[1] ?? '').trim(), approximate: q.approximate, bound: q.bound };
  }
  return null;
}

function yearsIn(text: string): { year: string; index: number }[] {
  return [...text.matchAll(/(?<![\d$.,])\b((?:19|20)\d{2})\b(?!\s*(?:%|percent|billion|million))/g)].map((m) => ({ year: m[1] ?? '', index: m.index }));
}

function monthBefore(text: string, index: number): number | null {
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s*$/i.exec(text.slice(0, index));
  return m ? MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1 : null;
}

/** The sentence's period for a figure at `at`: the nearest year before it in the clause or sentence, else the first after. */
function periodOf(text: string, at: number, excluded: readonly Found[]): string | null {
  const inside = (i: number): boolean => excluded.some((q) => i >= q.start && i < q.end);
  const years = yearsIn(text).filter((y) => !inside(y.index));
  const before = years.filter((y) => y.index < at);
  const pick = before[before.length - 1] ?? years.find((y) => y.index > at);
  if (!pick) {
    const month = /\bin (January|February|March|April|May|June|July|August|September|October|November|December)\b/i.exec(text);
    return month ? `month:${MONTHS.indexOf((month[1] ?? '').toLowerCase()) + 1}` : null;
  }
  const month = monthBefore(text, pick.index);
  return month ? `${pick.year}-${String(month).padStart(2, '0')}` : pick.year;
}

/** "… $74.6 billion in April", "… in 2012": the period written right after a figure wins. */
function periodAfter(after: string, text: string, docYear: number | null): string | null {
  const m = /^\s*,?\s*(?:in|during|for)\s+(?:(January|February|March|April|May|June|July|August|September|October|November|December)\b)?\s*((?:19|20)\d{2})?\b/i.exec(after);
  if (!m || (!m[1] && !m[2])) return null;
  if (!m[1]) return m[2] ?? null;
  const year = m[2] ?? yearsIn(text)[0]?.year ?? (docYear ? String(docYear) : null);
  return year ? `${year}-${String(MONTHS.indexOf((m[1] ?? '').toLowerCase()) + 1).padStart(2, '0')}` : null;
}

/** "over the next five years" from the document's year → `2013/2018`. */
function horizonOf(text: string, docYear: number | null): string | null {
  const m = /\b(?:over|in|within) the next (\w+) years?\b/i.exec(text);
  if (!m || docYear === null) return null;
  const n = Number(m[1]) || WORD_NUMBERS[(m[1] ?? '').toLowerCase()];
  return n ? `${docYear}/${docYear + n}` : null;
}

function directionBefore(segment: string): Fact['direction'] {
  const m = lastMatch(CHANGE_VERB, segment);
  if (!m) return null;
  return DECREASE.test(m[0]) ? 'decrease' : 'increase';
}

/** Facts in one sentence; `previous` gives the period carried from earlier sentences of the paragraph. */
function factsOfSentence(sentence: FactSentence, carried: string | null, options: FactOptions): Fact[] {
  const text = sentence.text;
  const docYear = options.date ? Number(options.date.slice(0, 4)) || null : null;
  const quantities = quantitiesOf(text);
  const facts: Fact[] = [];
  for (const q of quantities) {
    const before = text.slice(0, q.start);
    const qualifier = qualifierOf(before);
    const qStart = qualifier ? before.replace(/\s+$/, '').length - qualifier.text.length : q.start;
    const beforeQ = text.slice(0, qStart);
    const clause = clauseStart(text, qStart);
    const inParens = clause > 0 && text[clause - 1] === '(';
    const byBefore = /\bby\s*$/i.test(beforeQ);
    const toBefore = /\bto\s*$/i.test(beforeQ);
    const after = text.slice(q.end);
    let kind: FactKind = q.kind ?? 'level';
    let direction = q.direction;
    let base: string | null = null;
    let subject: string | null = null;
    const clauseText = text.slice(clause, qStart);
    const shareOf = /^\s*of\s+((?:[\w'’.-]+\s?){1,6}?)(?=[),;.]|\s*\b(?:in|and|while|which|for|since|during|go|goes|went|is|are|was|were|come|comes|came|has|have|had)\b|$)/i.exec(after);
    if (q.kind === 'multiple') {
      subject = tidySubject(text.slice(clause, q.start)) ?? null;
      if (/\b(?:doubling|tripling|halving)\b/i.test(q.valueText)) subject = tidySubject(/^\s*((?:[\w'’.-]+\s?){1,6})/.exec(after)?.[1] ?? '');
    } else if (byBefore || /\b(?:up|down)\s*$/i.test(clauseText) || CHANGE_AT_END.test(clauseText)) {
      kind = 'change';
      const segment = clauseText;
      const verb = lastMatch(CHANGE_VERB, segment);
      direction = directionBefore(segment) ?? direction;
      if (verb) {
        const between = segment.slice(verb.index + verb[0].length).replace(/\bby\s*$/i, '').trim();
        subject = between.length > 0 && !/^(?:up|down)$/i.test(between) ? tidySubject(between) : tidySubject(segment.slice(0, verb.index));
      }
    } else if ((q.percent || (q.value < 1 && /[a-z]/i.test(q.valueText))) && shareOf) {
      kind = 'share';
      base = shareOf[1]?.trim() ?? null;
    } else if (toBefore && directionBefore(clauseText)) {
      kind = 'level';
      const verb = lastMatch(CHANGE_VERB, clauseText);
      subject = verb ? tidySubject(clauseText.slice(0, verb.index)) : null;
    } else if (q.percent && directionBefore(clauseText)) {
      kind = 'change';
      direction = directionBefore(clauseText);
    }
    const comparison = /^\s*(less|lower|smaller|fewer|more|higher|larger|greater) than\b/i.exec(after);
    if (comparison && kind === 'level') {
      kind = 'change';
      direction = /less|lower|smaller|fewer/i.test(comparison[1] ?? '') ? 'decrease' : 'increase';
    }
    if (q.kind === 'count') {
      kind = 'count';
      subject = q.unit;
    }
    if (subject === null && kind !== 'count') {
      subject = subjectBefore(text, clause, qStart);
      if (subject === null && inParens) {
        // "(just 0.6% of its total exports)", "grew by $43.9 billion (3 percent)": the figure belongs to the clause around the parenthesis.
        const outer = clauseStart(text, clause - 1);
        const outerText = text.slice(outer, clause - 1);
        const verb = lastMatch(CHANGE_VERB, outerText);
        if (verb && kind === 'level' && q.percent) {
          kind = 'change';
          direction = directionBefore(outerText);
        }
        subject = subjectBefore(text, outer, clause - 1) ?? (kind === 'change' && verb ? tidySubject(outerText.slice(0, verb.index)) : null);
      }
    }
    const projection = PROJECTION.test(text.slice(clause, qStart)) || /\bover the next\b/i.test(after.slice(0, 40));
    const horizon = projection ? horizonOf(after.slice(0, 60), docYear) : null;
    const own = periodAfter(after, text, docYear) ?? periodOf(text, q.start, quantities);
    let period = horizon ?? (own && !own.startsWith('month:') ? own : null);
    let periodFrom: Fact['periodFrom'] = period ? 'sentence' : null;
    if (!period && own?.startsWith('month:') && docYear) {
      period = `${docYear}-${own.slice(6).padStart(2, '0')}`;
      periodFrom = 'document';
    }
    if (!period && carried) [period, periodFrom] = [carried, 'context'];
    if (!period && docYear) [period, periodFrom] = [String(docYear), 'document'];
    const measured = measureOfPhrase(subject ?? '') ?? (q.unit ? measureOfPhrase(q.unit) : null);
    const actors = subject ? actorsOfPhrase(subject) : [];
    const parties = subject ? partiesOfPhrase(subject) : { from: null, to: null };
    const codes = measured ? measureKey(measured.key, parties.from, parties.to, options.resolve) : { from: null, to: null };
    const start = qualifier ? qStart : q.start;
    facts.push({
      text: text.slice(start, q.end),
      span: { start: sentence.span.start + start, end: sentence.span.start + q.end },
      valueText: q.valueText,
      value: q.value,
      scale: q.scale,
      currency: q.currency,
      percent: q.percent,
      unit: q.kind === 'count' ? (q.unit?.split(/\s+/).pop() ?? null) : null,
      kind,
      direction: kind === 'change' || kind === 'multiple' ? direction : null,
      approximate: qualifier?.approximate ?? false,
      bound: qualifier?.bound ?? null,
      qualifier: qualifier?.text ?? null,
      projection,
      period,
      periodFrom,
      subject,
      measure: measured?.key ?? null,
      base,
      actors,
      from: codes.from,
      to: codes.to,
      context: measured?.context ?? contextOfSentence(text),
      sentence: text,
      sentenceSpan: sentence.span,
    });
  }
  return facts;
}

function contextOfSentence(text: string): Fact['context'] {
  return measureOfPhrase(text)?.context ?? null;
}

/** Facts in sentences (from the NLP stage, or {@link sentencesOfProse}); spans are the sentences' own coordinates. */
export function factsFromSentences(sentences: readonly FactSentence[], options: FactOptions = {}): Fact[] {
  const facts: Fact[] = [];
  let carried: string | null = null;
  let paragraph: number | undefined;
  for (const sentence of sentences) {
    if (sentence.paragraph !== paragraph) carried = null;
    paragraph = sentence.paragraph;
    facts.push(...factsOfSentence(sentence, carried, options));
    // A year carries to the next sentence only ("In 2012, trade … . Exports (0.6% of …)").
    const years = yearsIn(sentence.text);
    carried = years[years.length - 1]?.year ?? null;
  }
  return facts;
}

/**
 * Prose read from extracted text: lines rejoined, lone page and footnote
 * numbers dropped ("$ 4.4\n11\nbillion" reads "$ 4.4 billion"), ranges in
 * `exclude` (tables) left out. Each kept character maps back to its offset.
 */
export function proseOfText(text: string, exclude: readonly Span[] = []): { text: string; offsets: number[] } {
  const out: string[] = [];
  const offsets: number[] = [];
  let start = 0;
  let blank = true;
  let heading = false;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const line = text.slice(start, end);
    const excluded = exclude.some((s) => start < s.end && end > s.start);
    const lone = /^\s*\d{1,3}\s*$/.test(line);
    if (line.trim().length === 0 || excluded) {
      if (!blank) {
        out.push('\n');
        offsets.push(start);
      }
      blank = true;
    } else if (!lone) {
      if (!blank) {
        // A short line without end punctuation before a capitalised line is a heading: end the paragraph.
        out.push(heading && /^\s*[A-Z]/.test(line) ? '\n' : ' ');
        offsets.push(start - 1);
      }
      const lead = line.length - line.trimStart().length;
      const body = line.trim();
      for (let i = 0; i < body.length; i++) {
        out.push(body[i] as string);
        offsets.push(start + lead + i);
      }
      blank = false;
      heading = body.length < 50 && body.split(/\s+/).length <= 8 && !/[.,;:!?-]$/.test(body);
    }
    if (end >= text.length) break;
    start = end + 1;
  }
  return { text: out.join(''), offsets };
}

const ABBREVIATIONS = /(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|No|Nos|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Gen|Gov|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|fig|cf)\.)$/;

/** Sentences of prose (paragraphs split at newlines), with spans in `prose`. */
export function sentencesOfProse(prose: string): FactSentence[] {
  const sentences: FactSentence[] = [];
  let paragraph = 0;
  let offset = 0;
  for (const para of prose.split('\n')) {
    let from = 0;
    // A footnote number may follow the full stop ("Brazil.9 While"), but not a decimal point ("$74.6 Billion").
    const boundary = /(?:(?<!\d)[.!?]["”’)]*\d{0,2}|(?<=\d)[.!?]["”’)]*)\s+(?=["“‘(]?[A-Z0-9$])/g;
    for (let m = boundary.exec(para); m; m = boundary.exec(para)) {
      const head = para.slice(0, m.index + 1);
      if (ABBREVIATIONS.test(head)) continue;
      const cut = m.index + m[0].trimEnd().length;
      const text = para.slice(from, cut);
      if (text.trim().length > 0) sentences.push({ text, span: { start: offset + from, end: offset + cut }, paragraph });
      from = m.index + m[0].length;
    }
    if (para.slice(from).trim().length > 0) sentences.push({ text: para.slice(from), span: { start: offset + from, end: offset + para.length }, paragraph });
    offset += para.length + 1;
    paragraph++;
  }
  return sentences;
}

/**
 * Facts in extracted or plain text. Spans (of facts and sentences) are offsets
 * in `text`; a fact's `text` is the prose reading of that range (lone page or
 * footnote numbers inside it left out).
 */
export function factsFromText(text: string, options: FactOptions & { readonly exclude?: readonly Span[] } = {}): Fact[] {
  const prose = proseOfText(text, options.exclude ?? []);
  const back = (s: Span): Span => ({
    start: prose.offsets[s.start] ?? text.length,
    end: s.end > s.start ? (prose.offsets[s.end - 1] ?? text.length - 1) + 1 : (prose.offsets[s.start] ?? text.length),
  });
  return factsFromSentences(sentencesOfProse(prose.text), options).map((f) => ({ ...f, span: back(f.span), sentenceSpan: back(f.sentenceSpan) }));
}
