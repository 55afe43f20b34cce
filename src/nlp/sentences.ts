import type { Doc, Sentence, Span } from '../types.ts';

// Words that end with a period without ending a sentence, lower-cased, without the period.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'cmdr', 'adm', 'sgt', 'cpl', 'gov', 'sen', 'rep',
  'amb', 'pres', 'rev', 'hon', 'st', 'mt', 'ft', 'jr', 'sr', 'messrs', 'mme', 'no', 'nos', 'vol', 'vols', 'p', 'pp',
  'fig', 'figs', 'art', 'sec', 'ch', 'para', 'ed', 'eds', 'approx', 'est', 'dept', 'univ', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'vs', 'v', 'cf', 'al', 'ca', 'c', 'viz', 'ibid', 'op', 'cit',
]);

// Dotted initialisms ("U.S.", "U.N.", "H.W.") end a sentence only before a word that usually starts one.
const SENTENCE_STARTERS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her',
  'its', 'their', 'our', 'in', 'on', 'at', 'but', 'however', 'meanwhile', 'moreover', 'also', 'there', 'after',
  'before', 'since', 'when', 'while', 'although', 'though', 'as', 'if', 'so', 'then', 'yet', 'still', 'for',
  'further', 'furthermore', 'both', 'each', 'some', 'many', 'most', 'no', 'not', 'thus', 'therefore', 'instead',
]);

const INITIALISM = /^(?:[A-Za-z]\.){2,}$/;

function previousWord(text: string, end: number): string {
  let i = end;
  while (i > 0 && /[\p{L}\p{N}.'’-]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, end);
}

function nextWord(text: string, start: number): string {
  const m = /^[\s"“”'‘’([]*([\p{L}\p{N}]+)/u.exec(text.slice(start, start + 40));
  return m?.[1] ?? '';
}

/** Where sentences end inside `text[from, to)`: offsets just after each sentence's last character. */
function sentenceEnds(text: string, from: number, to: number): number[] {
  const ends: number[] = [];
  const boundary = /[.!?]+["”’')\]]*(?=\s+)|[.!?]+["”’')\]]*$/gy;
  for (let i = from; i < to; i++) {
    const ch = text[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    boundary.lastIndex = i;
    const m = boundary.exec(text);
    if (!m) continue;
    const end = i + m[0].length;
    if (end > to) break;
    i = end - 1;
    if (end === to) break;
    if (ch === '.' && m[0].startsWith('.') && !m[0].startsWith('..')) {
      const word = previousWord(text, i);
      const bare = word.replace(/\.$/, '').toLowerCase();
      const following = nextWord(text, end);
      if (following === '') continue;
      const lowerNext = /^\p{Ll}/u.test(following);
      if (lowerNext) continue;
      if (/^\d/.test(following) && ABBREVIATIONS.has(bare)) continue;
      if (ABBREVIATIONS.has(bare) && !/^\d+$/.test(bare)) continue;
      if (INITIALISM.test(`${word}.`)) {
        if (!SENTENCE_STARTERS.has(following.toLowerCase())) continue;
      }
      // A single capital letter and a period is a name's initial ("George W. Bush").
      if (/^\p{Lu}$/u.test(word)) continue;
    }
    ends.push(end);
  }
  return ends;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return start < end ? { start, end } : null;
}

/** Paragraph ranges: the document's own, or blank-line separated blocks when it has none. */
function paragraphsOf(doc: Doc): readonly Span[] {
  if (doc.paragraphs.length > 0) return doc.paragraphs;
  const spans: Span[] = [];
  const re = /\n\s*\n/g;
  let start = 0;
  for (let m = re.exec(doc.text); m; m = re.exec(doc.text)) {
    spans.push({ start, end: m.index });
    start = m.index + m[0].length;
  }
  spans.push({ start, end: doc.text.length });
  return spans;
}

function sectionAt(doc: Doc, offset: number): string | null {
  let title: string | null = null;
  for (const s of doc.sections) {
    if (s.span.start <= offset && offset < s.span.end) title = s.title;
  }
  return title;
}

/**
 * Splits a document's cleaned text into sentences, never across paragraphs,
 * robust to abbreviations (Mr., Gen., Dec.), initialisms (U.S., U.N.) and
 * initials (George W. Bush). Each sentence carries its paragraph and section.
 */
export function sentencesFromDoc(doc: Doc): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraphs = paragraphsOf(doc);
  paragraphs.forEach((paragraph, p) => {
    let start = paragraph.start;
    const ends = sentenceEnds(doc.text, paragraph.start, paragraph.end);
    ends.push(paragraph.end);
    for (const end of ends) {
      const span = trimSpan(doc.text, start, end);
      start = end;
      if (!span) continue;
      // Lines inside one sentence may still hold newlines (a heading glued to prose is split by ingest).
      for (const part of splitOnNewlines(doc.text, span)) {
        sentences.push({
          docId: doc.id,
          index: sentences.length,
          text: doc.text.slice(part.start, part.end),
          span: part,
          paragraph: p,
          section: sectionAt(doc, part.start),
        });
      }
    }
  });
  return sentences;
}

// A line break inside a paragraph separates sentences only when a blank-ish break was left by ingest.
function splitOnNewlines(text: string, span: Span): Span[] {
  const slice = text.slice(span.start, span.end);
  if (!slice.includes('\n\n')) return [span];
  const out: Span[] = [];
  let offset = span.start;
  for (const piece of slice.split(/\n\s*\n/)) {
    const at = text.indexOf(piece, offset);
    const trimmed = trimSpan(text, at, at + piece.length);
    if (trimmed) out.push(trimmed);
    offset = at + piece.length;
  }
  return out;
}
