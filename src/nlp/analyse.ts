import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { AnalysedSentence, Sentence, Token } from '../types.ts';
import { lemmaOf } from './lemma.ts';

type Wink = ReturnType<typeof winkNLP>;

let tagger: Wink | null = null;
let baseline: Wink | null = null;

// The model takes ~0.3 s to load: load it once, on first use.
function posTagger(): Wink {
  tagger ??= winkNLP(model, ['pos']);
  return tagger;
}

const SEPARATOR = '\n\n';

/** Options of `analysedSentences`. */
export interface AnalyseOptions {
  /** Forms whose lemma the caller knows ("staged" → ["stage"]), preferred over the rules for verbs and adjectives. */
  readonly lemmas?: ReadonlyMap<string, readonly string[]>;
  /** Forms of verbs the caller cares about, retagged as verbs where the tagger read them as nouns between a name and its object. */
  readonly verbForms?: ReadonlySet<string>;
}

/**
 * Tokens, lemmas and POS tags for the given sentences. All sentences go
 * through the tagger in one call (separated by blank lines), which is about
 * twice as fast as one call per sentence; tokens are mapped back to offsets
 * in the document's text.
 */
export function analysedSentences(sentences: readonly Sentence[], options: AnalyseOptions = {}): AnalysedSentence[] {
  if (sentences.length === 0) return [];
  const nlp = posTagger();
  const its = nlp.its;
  const known = options.lemmas;
  const joined = sentences.map((s) => s.text).join(SEPARATOR);
  const doc = nlp.readDoc(joined);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const starts: number[] = [];
  let offset = 0;
  for (const s of sentences) {
    starts.push(offset);
    offset += s.text.length + SEPARATOR.length;
  }
  const tokens: Token[][] = sentences.map(() => []);
  let si = 0;
  let cursor = 0;
  let next = starts[1] ?? Infinity;
  let sentenceStart = sentences[0]?.span.start ?? 0;
  let list = tokens[0]!;
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i] ?? '';
    // The blank line between sentences comes back as a token of its own.
    if (text.trim() === '') continue;
    // Tokens follow each other after their preceding spaces; search only when the tagger changed the text.
    const guess = cursor + (spaces[i]?.length ?? 0);
    const found = joined.startsWith(text, guess) ? guess : joined.indexOf(text, cursor);
    const at = found < 0 ? cursor : found;
    while (at >= next && si + 1 < sentences.length) {
      si++;
      next = starts[si + 1] ?? Infinity;
      sentenceStart = sentences[si]!.span.start;
      list = tokens[si]!;
    }
    const start = sentenceStart + at - (starts[si] ?? 0);
    const pos = tags[i] ?? 'X';
    const folded = text.toLowerCase();
    const lower = folded.includes('’') ? folded.replace(/’/g, "'") : folded;
    // The tagger's own lemmatizer costs a quarter of its time and slips on some forms ("staged" → "stag"):
    // the caller's known forms first, then rules.
    const listed = known && (pos === 'VERB' || pos === 'AUX' || pos === 'ADJ') ? known.get(lower) : undefined;
    const lemma = listed?.length === 1 ? listed[0]! : lemmaOf(lower, pos);
    list.push({ i: list.length, text, lower, lemma: listed && listed.length > 1 && !listed.includes(lemma) ? listed[0]! : lemma, pos, start, end: start + text.length });
    cursor = at + text.length;
  }
  if (known && options.verbForms) for (const list of tokens) retagVerbs(list, known, options.verbForms);
  const out = sentences.map((s, k) => ({ ...s, tokens: tokens[k] ?? [] }));
  return out;
}

const SUBJECT_END = new Set(['PROPN', 'PRON']);
const QUOTES = new Set(["'", '"', '‘', '’', '“', '”']);
const OBJECT_START = new Set(['DET', 'NUM']);
const PARTICIPLE_OBJECT_START = new Set(['DET', 'NUM', 'PROPN', 'PRON']);
const POSSESSIVES = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their']);

// The tagger reads a headline's verb after a name as a noun ("Obama and Medvedev sign a treaty",
// "Russia sanctions the US") or a past form as an adjective ("The US informed Russia"): a known verb form between a
// name and an object is a verb; so is one quoted after "to".
function retagVerbs(list: Token[], known: ReadonlyMap<string, readonly string[]>, verbs: ReadonlySet<string>): void {
  for (let i = 1; i < list.length - 1; i++) {
    const t = list[i]!;
    if (!verbs.has(t.lower)) continue;
    // A past form read as an adjective between a name (and adverbs) and its object is the verb ("The US also informed Russia that…").
    if (t.pos === 'ADJ' && /ed$/.test(t.lower)) {
      const lemmas = known.get(t.lower);
      let b = i - 1;
      while (b > 0 && list[b]!.pos === 'ADV') b--;
      const before = list[b]!;
      if (lemmas && SUBJECT_END.has(before.pos) && !POSSESSIVES.has(before.lower) && PARTICIPLE_OBJECT_START.has(list[i + 1]!.pos)) {
        list[i] = { ...t, pos: 'VERB', lemma: lemmas[0] ?? t.lemma };
      }
      continue;
    }
    if (t.pos !== 'NOUN') continue;
    const lemmas = known.get(t.lower);
    // A verb quoted after "to" ("tried to 'reset' the relationship").
    if (lemmas && QUOTES.has(list[i - 1]!.text) && list[i - 2]?.lower === 'to' && QUOTES.has(list[i + 1]!.text)) {
      list[i] = { ...t, pos: 'VERB', lemma: lemmas[0] ?? t.lemma };
      continue;
    }
    const before = list[i - 1]!;
    if (!lemmas || !SUBJECT_END.has(before.pos) || POSSESSIVES.has(before.lower) || !OBJECT_START.has(list[i + 1]!.pos)) continue;
    list[i] = { ...t, pos: 'VERB', lemma: lemmas[0] ?? t.lemma };
  }
}

/**
 * The bare NLP pipeline the benchmark compares the coder against: sentence
 * boundaries, tokens and POS tags for a whole text, nothing else. Returns the
 * number of tokens and sentences so the work cannot be optimised away.
 */
export function bareTokensAndPos(text: string): { readonly tokens: number; readonly sentences: number } {
  baseline ??= winkNLP(model, ['sbd', 'pos']);
  const doc = baseline.readDoc(text);
  const texts = doc.tokens().out() as string[];
  const tags = doc.tokens().out(baseline.its.pos) as string[];
  return { tokens: Math.min(texts.length, tags.length), sentences: doc.sentences().length() };
}
