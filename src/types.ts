/**
 * The schema of detente: every stage speaks these types. All are readonly;
 * stages return new values instead of mutating their input.
 */

/** ISO 3166-1 alpha-3 code of a state or territory, or an IGO code (`UN`, `NATO`, `IGO`, …). */
export type ActorCode = string;

export const SECTORS = ['GOV', 'MIL', 'SPY', 'LEG', 'JUD', 'BUS', 'OPP', 'CVL', 'MED', 'REB', 'OTH'] as const;
/** The part of a country an actor belongs to (coding guide, "Actors"). */
export type Sector = (typeof SECTORS)[number];

export const PLOVER_TYPES = [
  'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE',
  'COOPERATE', 'AID', 'RETREAT',
  'REQUEST', 'ACCUSE', 'REJECT', 'THREATEN',
  'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT',
] as const;
/** The sixteen PLOVER event types of the coding guide. */
export type EventType = (typeof PLOVER_TYPES)[number];

/** 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. */
export type Quad = 1 | 2 | 3 | 4;

/** Quad class, PLOVER base intensity and nearest CAMEO code of every type (coding guide, "Event types"); a rule's own CAMEO code wins when the type is the rule's. */
export const TYPE_TABLE: Readonly<Record<EventType, { readonly quad: Quad; readonly intensity: number; readonly cameo: string }>> = {
  AGREE: { quad: 1, intensity: 2.5, cameo: '030' },
  CONSULT: { quad: 1, intensity: 2.5, cameo: '040' },
  SUPPORT: { quad: 1, intensity: 5, cameo: '051' },
  CONCEDE: { quad: 1, intensity: 4.5, cameo: '080' },
  COOPERATE: { quad: 2, intensity: 9.5, cameo: '060' },
  AID: { quad: 2, intensity: 10, cameo: '070' },
  RETREAT: { quad: 2, intensity: 6.5, cameo: '087' },
  REQUEST: { quad: 3, intensity: 0, cameo: '020' },
  ACCUSE: { quad: 3, intensity: -3, cameo: '112' },
  REJECT: { quad: 3, intensity: -2, cameo: '120' },
  THREATEN: { quad: 3, intensity: -3.5, cameo: '130' },
  PROTEST: { quad: 4, intensity: -5, cameo: '140' },
  SANCTION: { quad: 4, intensity: -6, cameo: '160' },
  MOBILIZE: { quad: 4, intensity: -5.5, cameo: '150' },
  COERCE: { quad: 4, intensity: -7, cameo: '170' },
  ASSAULT: { quad: 4, intensity: -9, cameo: '180' },
};

export const MODALITIES = ['asserted', 'future', 'hypothetical'] as const;
export type Modality = (typeof MODALITIES)[number];

export const CONTEXTS = [
  'military', 'intelligence', 'executive', 'legislative', 'election', 'political_institutions',
  'pro_democracy', 'pro_autocracy', 'economic', 'legal', 'reparations', 'human_rights',
  'rights_freedoms', 'repression', 'human_security', 'gender', 'lgbt', 'religion_ethnicity',
  'inequality', 'diplomatic', 'territory', 'peacekeeping', 'health', 'asylum', 'migration',
  'disasters', 'natural_resource', 'environment', 'technology', 'terrorism', 'cbrn', 'cyber',
  'misinformation', 'crime', 'corruption', 'illegal_drugs', 'trafficking',
] as const;
/** A PLOVER context: the issue an event is about. */
export type Context = (typeof CONTEXTS)[number];

export const ORIGINS = ['coded', 'gdelt', 'icews', 'polecat'] as const;
/** Where an event came from: coded by detente from text, or imported from a dataset. */
export type Origin = (typeof ORIGINS)[number];

/** A half-open character range `[start, end)` in a document's cleaned text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type DocFormat = 'text' | 'markdown' | 'html' | 'pdf';

export interface DocMeta {
  readonly title: string | null;
  /** ISO date, partial allowed (`2013`, `2013-07`, `2013-07-15`). */
  readonly date: string | null;
  readonly source: string | null;
  /** Who issued the document as its front matter names it ("The White House"); the coder reads "I" and "we" as them. */
  readonly publisher: string | null;
}

/**
 * Maps offsets in the cleaned text back to the original text. Each segment says
 * that `length` characters starting at `clean` came from `original` onwards
 * (copied unchanged); characters inserted by cleaning belong to no segment.
 */
export interface OffsetSegment {
  readonly clean: number;
  readonly original: number;
  readonly length: number;
}

export interface Section {
  readonly title: string;
  readonly span: Span;
}

/** A part of the original text that is not prose (a table, a caption block), kept for the figures stage. */
export interface Block {
  readonly kind: 'table';
  /** Range in the original text. */
  readonly original: Span;
  readonly text: string;
}

/** A document after ingest: cleaned prose plus what is needed to point back at the original. */
export interface Doc {
  /** sha256 (hex) of the original bytes. */
  readonly id: string;
  /** File name (or URL's last segment) used in event output as `doc`. */
  readonly name: string;
  /** Path or URL it was read from (`-` for stdin). */
  readonly origin: string;
  readonly format: DocFormat;
  readonly meta: DocMeta;
  /** Cleaned prose: lines rejoined, hyphenation repaired, page numbers and footnote markers removed. */
  readonly text: string;
  /** The text as extracted, before cleaning (front matter removed). */
  readonly original: string;
  readonly offsets: readonly OffsetSegment[];
  /** Paragraph ranges in `text`. */
  readonly paragraphs: readonly Span[];
  readonly sections: readonly Section[];
  readonly blocks: readonly Block[];
}

export interface Token {
  /** Position in its sentence, from 0. */
  readonly i: number;
  readonly text: string;
  /** Lower-cased text, curly apostrophes made straight. */
  readonly lower: string;
  /** Lower-cased lemma. */
  readonly lemma: string;
  /** Universal POS tag (`NOUN`, `VERB`, `PROPN`, …). */
  readonly pos: string;
  /** Offsets in the document's cleaned text. */
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly docId: string;
  readonly index: number;
  readonly text: string;
  readonly span: Span;
  readonly paragraph: number;
  readonly section: string | null;
}

/** A sentence with its tokens, made only for sentences that may hold an event. */
export interface AnalysedSentence extends Sentence {
  readonly tokens: readonly Token[];
}

/** One end of an event: who, as written and as resolved. */
export interface ActorRef {
  /** The words in the sentence that name it (`null` when the end was inferred). */
  readonly text: string | null;
  readonly country: ActorCode;
  /** `null` for international organisations. */
  readonly sector: Sector | null;
  /** Dictionary entry that resolved it, e.g. `person:vladimir-putin`. */
  readonly entry: string | null;
  readonly span: Span | null;
}

/** Where a coded event's sentence sits. */
export interface SentenceRef {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The spine: one actor doing one thing to another, with its evidence. */
export interface Event {
  readonly origin: Origin;
  /** The origin's own id (GDELT GLOBALEVENTID, ICEWS Event ID + date, …); `null` for coded events. */
  readonly originId: string | null;
  /** Document name (coded) or the imported file's name. */
  readonly doc: string | null;
  readonly docId: string | null;
  readonly sentence: SentenceRef | null;
  /** The trigger's span in the document's cleaned text. */
  readonly span: Span | null;
  readonly source: ActorRef;
  readonly target: ActorRef;
  readonly type: EventType;
  readonly mode: string | null;
  readonly quad: Quad;
  readonly intensity: number;
  /** CAMEO code as a string (leading zeros kept). */
  readonly cameo: string | null;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly contexts: readonly Context[];
  /** Place the interaction is about when not the dyad itself: ISO3 or a region name. */
  readonly theater: string | null;
  /** ISO date, partial allowed. */
  readonly date: string | null;
  readonly section: string | null;
  /** The rule that fired (coded), or the importer and mapping used. */
  readonly rule: string;
  /** Dictionary entries that fired (verb pattern, actor entries, context keywords). */
  readonly entries: readonly string[];
  /** Link to the original article, where the origin gives one. */
  readonly url: string | null;
}

/** How two actors stand with each other in an assessment. */
export type Valence = 'discord' | 'accord';

/** The valences, in the order reports list them. */
export const VALENCES: readonly Valence[] = ['discord', 'accord'];

/**
 * A state of affairs between two actors that a sentence asserts ("serious
 * differences over Iran's nuclear programme", "relatively good ties"): the
 * coding guide says it is not an event, so it is never counted as one; it is
 * the text's own assessment of an issue, kept with its evidence.
 */
export interface Assessment {
  readonly doc: string;
  readonly docId: string;
  readonly sentence: SentenceRef;
  /** The words that say it ("differences", "good ties"), as a span of the cleaned text. */
  readonly span: Span;
  readonly cue: string;
  /** The two ends, `a` < `b` (ISO3 or IGO code). */
  readonly a: ActorCode;
  readonly b: ActorCode;
  readonly valence: Valence;
  readonly contexts: readonly Context[];
  /** Place the assessment is about when not the pair itself ("differences over Iran" → IRN). */
  readonly theater: string | null;
  /** ISO date, partial allowed: the document's. */
  readonly date: string | null;
  readonly section: string | null;
  /** The dictionary entries that fired (`states.tsv:12 differences`) and how the pair was found. */
  readonly rule: string;
}

/** Why coding a sentence produced no event. */
export type NoEventReason =
  | { readonly kind: 'no-actor'; readonly detail: string }
  | { readonly kind: 'no-trigger'; readonly detail: string }
  | { readonly kind: 'one-actor'; readonly detail: string }
  | { readonly kind: 'not-an-act'; readonly detail: string }
  | { readonly kind: 'speculation'; readonly detail: string }
  | { readonly kind: 'same-country'; readonly detail: string }
  | { readonly kind: 'heading'; readonly detail: string }
  | { readonly kind: 'statistic'; readonly detail: string };

/** A point of a series: a period (`2013`, `2013-06`, `2013-Q2`, `2013-06-18`, `2013-W24`) and a value. */
export interface SeriesPoint {
  readonly period: string;
  readonly value: number;
}

/** A named series, from a table, a set of facts, or an aggregation of events. */
export interface Series {
  readonly id: string;
  readonly name: string;
  readonly unit: string | null;
  readonly points: readonly SeriesPoint[];
  /** Document the series came from, if any. */
  readonly docId: string | null;
}
