/** A time expression found in a sentence, resolved against the document's date. */
export interface DateMention {
  /** Offsets relative to the text searched. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** ISO date, partial allowed (`2013`, `2013-06`, `2013-06-18`); null for vague spans. */
  readonly value: string | null;
  readonly kind: 'absolute' | 'relative' | 'vague' | 'deadline';
}

const MONTHS: Readonly<Record<string, number>> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)';
const YEAR = '((?:1[7-9]|20)\\d\\d)';

const pad = (n: number): string => String(n).padStart(2, '0');

function monthOf(word: string): number {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? 0;
}

function parts(iso: string | null): { y: number; m: number; d: number } | null {
  if (!iso) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2] ?? 0), d: Number(m[3] ?? 0) };
}

function shiftDays(y: number, m: number, d: number, days: number): string {
  const t = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

interface Rule {
  readonly re: RegExp;
  readonly kind: DateMention['kind'];
  readonly value: (m: RegExpExecArray, doc: { y: number; m: number; d: number } | null) => string | null;
}

const RULES: readonly Rule[] = [
  // "December 6, 1917", "Dec. 5, 2012", "September 26 to 28, 2015"
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:[-–]|to)\\s*\\d{1,2})?,?\\s+${YEAR}\\b`, 'g'), kind: 'absolute',
    value: (m) => `${m[3]}-${pad(monthOf(m[1] ?? ''))}-${pad(Number(m[2]))}` },
  // "6 December 1917", "28-30 June 2013"
  { re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2})?\\s+${MONTH}\\s+${YEAR}\\b`, 'g'), kind: 'absolute',
    value: (m) => `${m[3]}-${pad(monthOf(m[2] ?? ''))}-${pad(Number(m[1]))}` },
  // "in October 2000", "October 2000"
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, 'g'), kind: 'absolute', value: (m) => `${m[2]}-${pad(monthOf(m[1] ?? ''))}` },
  // "September 26 to 28", "on March 24" (year from the document)
  { re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!,?\\s*\\d{4})`, 'g'), kind: 'relative',
    value: (m, doc) => (doc ? `${doc.y}-${pad(monthOf(m[1] ?? ''))}-${pad(Number(m[2]))}` : null) },
  // "in March this year", "in September"
  { re: new RegExp(`\\b(?:in|since|by|until|from|during|this|last|next|early|late|mid-?)\\s+${MONTH}(?:\\s+(this|last|next)\\s+year)?\\b(?!\\s+\\d)`, 'gi'), kind: 'relative',
    value: (m, doc) => {
      if (!doc) return null;
      const rel = (m[2] ?? '').toLowerCase();
      const y = rel === 'last' ? doc.y - 1 : rel === 'next' ? doc.y + 1 : doc.y;
      return `${y}-${pad(monthOf(m[1] ?? ''))}`;
    } },
  // "2019–20", "since 2011", "in 2010", "2008"
  { re: new RegExp(`\\b(?:by|before|until)\\s+${YEAR}\\b`, 'g'), kind: 'deadline', value: (m) => m[1] ?? null },
  { re: new RegExp(`\\b${YEAR}(?:\\s*[-–]\\s*\\d{2,4})?\\b(?!\\s*(?:%|percent|billion|million))`, 'g'), kind: 'absolute', value: (m) => m[1] ?? null },
  { re: /\b(this|last|next|the previous|the following|the coming)\s+(year|month|week|autumn|fall|spring|summer|winter)\b/gi, kind: 'relative',
    value: (m, doc) => {
      if (!doc) return null;
      const rel = (m[1] ?? '').toLowerCase();
      const unit = (m[2] ?? '').toLowerCase();
      const step = rel === 'last' || rel === 'the previous' ? -1 : rel === 'next' || rel === 'the following' || rel === 'the coming' ? 1 : 0;
      if (unit === 'month' && doc.m) {
        const t = new Date(Date.UTC(doc.y, doc.m - 1 + step, 1));
        return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}`;
      }
      if (unit === 'week') return null;
      return String(doc.y + step);
    } },
  { re: /\b(today|yesterday|tonight|this morning|this afternoon|this evening|earlier today)\b/gi, kind: 'relative',
    value: (m, doc) => {
      if (!doc?.d) return null;
      return (m[1] ?? '').toLowerCase() === 'yesterday' ? shiftDays(doc.y, doc.m, doc.d, -1) : `${doc.y}-${pad(doc.m)}-${pad(doc.d)}`;
    } },
  { re: /\b(?:on|this|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g, kind: 'relative',
    value: (m, doc) => {
      if (!doc?.d) return null;
      const want = WEEKDAYS.indexOf((m[1] ?? '').toLowerCase());
      const have = new Date(Date.UTC(doc.y, doc.m - 1, doc.d)).getUTCDay();
      const back = (have - want + 7) % 7;
      return shiftDays(doc.y, doc.m, doc.d, -back);
    } },
  { re: /\b(recently|lately|in recent (?:years|months|weeks)|in the (?:last|past) (?:few|two|three|several|\d+) (?:years|months|weeks|days)|(?:over|in|during) the (?:last|past) (?:year|month|week|decade)|the other day|for long|for years|over the years|so far|in the past)\b/gi,
    kind: 'vague', value: () => null },
];

// Every rule needs a digit, a month or weekday name, or one of these words: most sentences have none.
const MAY_HOLD_DATE = /\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|year|month|week|autumn|fall|spring|summer|winter|today|yesterday|tonight|morning|afternoon|evening|recent|lately|other day|for long|so far|in the past/i;

/**
 * Time expressions in a text, resolved against the document's date (ISO,
 * partial allowed): absolute dates keep the unit the text gives ("in
 * September" → month), relative ones ("last year", "in March this year") are
 * resolved, vague ones ("recently") have no value. Overlaps keep the longest.
 */
export function dateMentionsFromText(text: string, docDate: string | null): DateMention[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const doc = parts(docDate);
  const found: DateMention[] = [];
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      found.push({ start: m.index, end: m.index + m[0].length, text: m[0], value: rule.value(m, doc), kind: rule.kind });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const kept: DateMention[] = [];
  for (const f of found) {
    const last = kept.at(-1);
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}
