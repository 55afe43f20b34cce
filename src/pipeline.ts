import { codedSentencesFromDoc, defaultCoderConfig } from './coding/coder.ts';
import type { CodedSentence, CoderConfig } from './coding/coder.ts';
import { loadLexicon } from './coding/dictionaries.ts';
import { actorResolverFromLexicon, figuresFromDoc } from './figures/index.ts';
import type { ActorResolver, Figures } from './figures/index.ts';
import { sentencesFromDoc } from './nlp/sentences.ts';
import type { Assessment, Doc, Event, Sentence } from './types.ts';

/** A document with its sentences and the events coded from them. */
export interface CodedDoc {
  readonly doc: Doc;
  readonly sentences: readonly Sentence[];
  readonly events: readonly Event[];
  /** What the sentences say about how two actors stand (not events). */
  readonly assessments: readonly Assessment[];
  /** Per sentence: its events, or typed reasons why it has none. */
  readonly coded: readonly CodedSentence[];
}

/** Options for coding one document. */
export interface PipelineOptions {
  /** Document date (ISO) overriding front matter. */
  readonly date?: string | null;
  /** Skip full analysis of sentences that cannot hold an event (default on). */
  readonly prefilter?: boolean;
  readonly config?: CoderConfig;
}

/**
 * The order of the stages for one document: sentences (nlp) → events (coding).
 * Ingest (file → Doc) comes before, the store after; both are called by the CLI.
 */
export function codedDocFromDoc(doc: Doc, options: PipelineOptions = {}): CodedDoc {
  const date = options.date ?? null;
  const docWithDate: Doc = date ? { ...doc, meta: { ...doc.meta, date } } : doc;
  const sentences = sentencesFromDoc(docWithDate);
  const coded = codedSentencesFromDoc(docWithDate, sentences, options.config ?? defaultCoderConfig(), { prefilter: options.prefilter });
  return { doc: docWithDate, sentences, events: coded.flatMap((c) => c.events), assessments: coded.flatMap((c) => c.assessments), coded };
}

/** A coded document with its tables, numeric facts and series: what the ledger stores. */
export interface LedgerEntry extends CodedDoc {
  readonly figures: Figures;
}

let resolver: ActorResolver | null = null;

/**
 * The whole document pipeline before the store: sentences (nlp) → events
 * (coding) → tables, facts and series (figures).
 */
export function ledgerEntryFromDoc(doc: Doc, options: PipelineOptions = {}): LedgerEntry {
  const coded = codedDocFromDoc(doc, options);
  resolver ??= actorResolverFromLexicon(loadLexicon());
  return { ...coded, figures: figuresFromDoc(coded.doc, coded.sentences, { resolve: resolver }) };
}
