/** A token found by the fast scanner, before (or without) POS tagging. */
export interface ScanToken {
  readonly text: string;
  /** Lower-cased text, curly apostrophes made straight. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

// Word pieces split like the POS tagger splits them, so dictionary phrases tokenized here
// match its tokens: codes with digits ("G-20", "S-300"), initialisms ("U.S."), numbers with
// separators ("9.9", "1,000"), words with inner apostrophes, clitics ("'s", "n't") and single
// punctuation marks.
const TOKEN = /\p{L}+-\d+\b|\+\d+\b|(?:\p{L}\.){2,}(?!\p{L})|\d+(?:[.,]\d+)*(?:st|nd|rd|th)?|n['’]t\b|['’](?:s|re|ve|ll|d|m)\b|\p{L}+(?:['’]\p{L}+)*?(?=n['’]t\b)|\p{L}[\p{L}\p{M}\p{N}]*(?:['’](?!s\b|re\b|ve\b|ll\b|d\b|m\b)\p{L}+)*|\S/gu;

/**
 * Splits text into tokens with offsets (relative to `base`). About ten times
 * faster than POS tagging; used to decide which sentences need tagging at all.
 */
export function scanTokens(text: string, base = 0): ScanToken[] {
  const out: ScanToken[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = m[0];
    out.push({ text: t, lower: t.toLowerCase().replace(/’/g, "'"), start: base + m.index, end: base + m.index + t.length });
  }
  return out;
}
