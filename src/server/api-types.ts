/**
 * The JSON shapes of the dashboard API (`/api/...`). The server produces them
 * and the web app (`web/`) consumes them; both import this file, so it holds
 * types only and imports nothing at run time.
 */
import type { Context, EventType, Modality, Origin, Quad, Sector } from '../types.ts';

/** Every error answer: one line saying what was wrong. */
export interface ApiError {
  readonly error: string;
}

export type Interval = 'year' | 'quarter' | 'month' | 'week' | 'day';
export const INTERVALS: readonly Interval[] = ['year', 'quarter', 'month', 'week', 'day'];

/** A pair of actors present in the ledger, `a` < `b`, with how many events link them. */
export interface DyadOption {
  /** `A-B`, the form of the `--dyad` flag. */
  readonly key: string;
  readonly a: string;
  readonly b: string;
  readonly events: number;
}

export interface DyadsResponse {
  readonly dyads: readonly DyadOption[];
  /** Events in the whole ledger, so the page can tell "empty ledger" from "no dyad". */
  readonly totalEvents: number;
}

/** One of the six bands of the relationship index. */
export interface IndexBand {
  readonly name: string;
  /** Lower and upper bounds of the band on the index scale (half-open `[min, max)`). */
  readonly min: number;
  readonly max: number;
}

export interface IndexPoint {
  readonly period: string;
  /** `null` when the period had no events. */
  readonly value: number | null;
  readonly band: string | null;
  readonly events: number;
}

/** Counts per quad class in one interval. */
export interface QuadPoint {
  readonly period: string;
  readonly q1: number;
  readonly q2: number;
  readonly q3: number;
  readonly q4: number;
}

export interface ChangePointView {
  /** The first period after the turn. */
  readonly period: string;
  /** Mean intensity of the events before and after the turn. */
  readonly before: number | null;
  readonly after: number | null;
  readonly direction: 'warmer' | 'cooler';
  /** One line on what drove it (the contexts of the strongest events after the turn), if known. */
  readonly note: string | null;
}

export interface OverviewResponse {
  readonly dyad: string;
  readonly interval: Interval;
  readonly totals: {
    readonly events: number;
    readonly cooperation: number;
    readonly conflict: number;
    readonly documents: number;
  };
  readonly bands: readonly IndexBand[];
  readonly index: readonly IndexPoint[];
  readonly quads: readonly QuadPoint[];
  readonly changePoints: readonly ChangePointView[];
}

export type MatrixAxis = 'context' | 'theater';

export interface MatrixSide {
  readonly events: number;
}

export interface MatrixRow {
  /** Context name or theater code; `''` for events with none. */
  readonly key: string;
  readonly label: string;
  readonly cooperation: MatrixSide;
  readonly conflict: MatrixSide;
  /** Mean intensity per event, on the PLOVER scale (-10..10); `0` without events. */
  readonly net: number;
  /** `cooperative`, `conflictual`, `contradictory` or `thin` (too few events to say). */
  readonly verdict: string;
  /** `events`, or `assessments` when the events were too few or too even and the text's own assessments gave the verdict. */
  readonly basis: 'events' | 'assessments';
  /** What the text says of how the two stand on this row (not events). */
  readonly assessments: {
    readonly discord: number;
    readonly accord: number;
    /** The latest of each valence, discord first. */
    readonly quotes: readonly AssessmentQuote[];
  };
}

/** A sentence that says how the two stand: its words, document and place. */
export interface AssessmentQuote {
  readonly valence: 'discord' | 'accord';
  readonly cue: string;
  readonly sentence: string;
  readonly doc: string;
  readonly docId: string;
  /** 0-based index of the sentence in its document. */
  readonly sentenceIndex: number;
  readonly date: string | null;
}

export interface MatrixResponse {
  readonly dyad: string;
  readonly axis: MatrixAxis;
  readonly rows: readonly MatrixRow[];
}

export interface ActorView {
  readonly country: string;
  readonly sector: Sector | null;
  readonly text: string | null;
}

/** A row of the events table. */
export interface EventRow {
  readonly id: string;
  readonly date: string | null;
  readonly source: ActorView;
  readonly target: ActorView;
  readonly type: EventType;
  readonly quad: Quad;
  readonly intensity: number;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly contexts: readonly Context[];
  readonly theater: string | null;
  readonly origin: Origin;
  readonly doc: string | null;
  /** The sentence, shortened for the table; the evidence panel has it whole. */
  readonly excerpt: string | null;
}

export const EVENT_SORTS = ['date', 'type', 'intensity', 'source', 'target', 'origin', 'theater'] as const;
export type EventSort = (typeof EVENT_SORTS)[number];

export type Direction = 'both' | 'ab' | 'ba';
export type Polarity = 'all' | 'cooperation' | 'conflict';
/** `counted`: only the events the analysis counts (asserted or future, not negated). */
export type Scope = 'all' | 'counted';

export interface EventsResponse {
  readonly total: number;
  readonly page: number;
  readonly size: number;
  readonly rows: readonly EventRow[];
}

/** Everything the evidence panel shows for one event. */
export interface EvidenceResponse {
  readonly event: EventRow;
  /** The paragraph holding the sentence, and where the sentence sits in it. */
  readonly paragraph: {
    readonly text: string;
    readonly sentence: { readonly start: number; readonly end: number };
    /** The trigger words, relative to the paragraph, when known. */
    readonly trigger: { readonly start: number; readonly end: number } | null;
  } | null;
  readonly sentence: string | null;
  readonly document: {
    readonly id: string | null;
    readonly name: string | null;
    readonly title: string | null;
    readonly date: string | null;
    /** A link to the original: the event's URL or the document's source, when it is a URL. */
    readonly url: string | null;
    readonly source: string | null;
  };
  readonly rule: string;
  readonly entries: readonly string[];
  readonly cameo: string | null;
}

export interface DocumentView {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly format: string;
  readonly source: string | null;
  readonly events: number;
}

export interface DocumentsResponse {
  readonly documents: readonly DocumentView[];
}

export interface JobView {
  readonly id: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly label: string;
  readonly done: number;
  readonly total: number | null;
  readonly note: string | null;
  /** Set when done: the stored document and how many events it gave. */
  readonly result: {
    readonly docId: string;
    readonly name: string;
    readonly events: number;
    /** The same content was already stored; nothing was added. */
    readonly duplicate: boolean;
  } | null;
  readonly error: string | null;
}

export interface RoleView {
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
}

export interface ThirdPartyView {
  readonly actor: string;
  readonly events: number;
  /** Events of A or B with this actor, and dyad events about it (as their theater). */
  readonly withA: RoleView;
  readonly withB: RoleView;
  readonly asTheater: RoleView;
  /** Whether A and B treat it alike: `shared`, `divisive`, `one-sided`, `theater-only` or `unclear`. */
  readonly alignment: string;
  /** Issues of its strongest events, most frequent first. */
  readonly contexts: readonly { readonly context: string; readonly events: number }[];
  /** Most frequent event types, most first. */
  readonly types: readonly { readonly type: string; readonly events: number }[];
}

export interface ThirdPartiesResponse {
  readonly dyad: string;
  readonly parties: readonly ThirdPartyView[];
}
