import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedSentence, Sentence, Token } from '../types.ts';

type Wink = ReturnType<typeof winkNLP>;

let tagger: Wink | null = null;
let baseline: Wink | null = null;

// The model takes ~0.3 s to load: load it once, on first use.
function posTagger(): Wink {
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

const SEPARATOR = '\n\n';

/**
 * Tokens, lemmas and POS tags for the given sentences. All sentences go
 * through the tagger in one call (separated by blank lines), which is about
 * twice as fast as one call per sentence; tokens are mapped back to offsets
 * in the document's text.
 */
export function analysedSentences(sentences: readonly Sentence[]): AnalysedSentence[] {
  if (sentences.length === 0) return [];
  const nlp = posTagger();
  const its = nlp.its;
  const joined = sentences.map((s) => s.text).join(SEPARATOR);
  const doc = nlp.readDoc(joined);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  // The type declarations give `its.lemma` a narrower signature than `out` accepts; it works at run time.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.text.length + SEPARATOR.length;
  }
  const tokens: Token[][] = sentences.map(() => []);
  let si = 0;
  let cursor = 0;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    const found = joined.indexOf(text, cursor);
    const at = found < 0 ? cursor : found;
    while (si + 1 < sentences.length && at >= (starts[si + 1] ?? Infinity)) si++;
    const s = sentences[si];
    if (!s) break;
    const start = s.span.start + at - (starts[si] ?? 0);
    tokens[si]?.push({ text, lemma: (lemmas[i] ?? text).toLowerCase(), pos: tags[i] ?? 'X', start, end: start + text.length });
    cursor = at + text.length;
  }
  const out = sentences.map((s, k) => ({ ...s, tokens: tokens[k] ?? [] }));
  return out;
}

/**
 * The bare NLP pipeline the benchmark compares the coder against: sentence
 * boundaries, tokens and POS tags for a whole text, nothing else. Returns the
 * number of tokens and sentences so the work cannot be optimised away.
 */
export function bareTokensAndPos(text: string): { readonly tokens: number; readonly sentences: number } {
  baseline ??= winkNLP(model, ['sbd', 'pos']);
  const doc = baseline.readDoc(text);
  const tags = doc.tokens().out(baseline.its.pos) as string[];
  return { tokens: tags.length, sentences: doc.sentences().length() };
}
