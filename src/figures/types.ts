/**
 * Result types of the figures stage: tables rebuilt from extracted text, HTML
 * or PDF positions; numeric facts read from prose; the series made from both.
 */
import type { ActorCode, Context, Series, Span } from '../types.ts';

/** The power of ten a figure is written in ("in billions", "$4.4 billion"). */
export type Scale = 'thousand' | 'million' | 'billion' | 'trillion';

/** Multipliers of each scale word. */
export const SCALE_FACTORS: Readonly<Record<Scale, number>> = {
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** What a table's or a figure's numbers are measured in. */
export interface Unit {
  /** The words that said so ("in billions, US $", "Million $"). */
  readonly text: string;
  readonly scale: Scale | null;
  /** ISO 4217 code (`USD`, `EUR`, `RUB`, …). */
  readonly currency: string | null;
  readonly percent: boolean;
}

/** One value cell, as written and as a number. */
export interface TableCell {
  /** Exactly the characters of the input ("29.38", "1,278,495", "-8,515"). */
  readonly text: string;
  /** `null` for a missing-value mark ("–", "n/a"). */
  readonly value: number | null;
  /** Where `text` sits in the input. */
  readonly span: Span;
}

export interface TableRow {
  readonly label: string;
  /** The section row this row sits under ("U.S. total exports:"), if any. */
  readonly section: string | null;
  /** One cell per column; `null` where the row has no cell in that column. */
  readonly cells: readonly (TableCell | null)[];
}

/** How the table was laid out in its input. */
export type TableLayout = 'one-per-line' | 'label-then-values' | 'aligned' | 'html' | 'pdf';

export interface Table {
  readonly caption: string | null;
  readonly unit: Unit | null;
  /** The source line under the table ("Source: Compiled from …"). */
  readonly source: string | null;
  /** Header of the row labels ("Item"), if written. */
  readonly stub: string | null;
  /** Column headers (wrapped header lines joined); `null` for an unnamed column. */
  readonly columns: readonly (string | null)[];
  readonly rows: readonly TableRow[];
  /** Range of the input the table was rebuilt from. */
  readonly span: Span;
  readonly layout: TableLayout;
  /** 1-based page for PDF tables. */
  readonly page: number | null;
  /** What was set aside while rebuilding (interleaved prose lines, a truncated last row). */
  readonly notes: readonly string[];
}

/** A region that looked like a table and was judged not to be one. */
export interface NotATable {
  readonly span: Span;
  readonly reason: string;
  readonly page: number | null;
}

export interface TablesResult {
  readonly tables: readonly Table[];
  readonly rejected: readonly NotATable[];
}

/** What a figure in prose is: a level, a change, a share of something, a multiple. */
export type FactKind = 'level' | 'change' | 'share' | 'multiple' | 'count';

export interface Fact {
  /** The quantity as written ("just over $40 billion", "0.6%", "by a third"). */
  readonly text: string;
  /** Where `text` sits in the input. */
  readonly span: Span;
  /** The number as written ("40", "9.9", "a third", "doubled"). */
  readonly valueText: string;
  /** The number in its written scale (40 for "$40 billion"; 1/3 for "a third"; 2 for "doubled"). */
  readonly value: number;
  readonly scale: Scale | null;
  readonly currency: string | null;
  readonly percent: boolean;
  /** Counted things ("warheads", "officials"), or `null` for money and percentages. */
  readonly unit: string | null;
  readonly kind: FactKind;
  readonly direction: 'increase' | 'decrease' | null;
  /** "about", "just over", "nearly" make a value approximate. */
  readonly approximate: boolean;
  /** "over", "more than" → `above`; "nearly", "under", "up to" → `below`. */
  readonly bound: 'above' | 'below' | null;
  /** The qualifier as written ("just over"), if any. */
  readonly qualifier: string | null;
  /** Expected, possible or targeted rather than observed ("could reach … over the next five years"). */
  readonly projection: boolean;
  /** Year or interval (`2012`, `2013/2018`), or `null` when the text gives none. */
  readonly period: string | null;
  /** Where the period came from: the sentence itself, an earlier sentence, or the document date. */
  readonly periodFrom: 'sentence' | 'context' | 'document' | null;
  /** The thing measured, as written and tidied ("US investments in Russia"). */
  readonly subject: string | null;
  /** The measure's key word (`exports`, `trade`, `investment`, `warheads`, …), if recognised. */
  readonly measure: string | null;
  /** For shares: what it is a share of ("its total exports"). */
  readonly base: string | null;
  /** Names of actors in the subject, as written ("US", "Russia"). */
  readonly actors: readonly string[];
  /** Actor codes, when a resolver was given: from (reporter, investor) and to (partner). */
  readonly from: ActorCode | null;
  readonly to: ActorCode | null;
  readonly context: Context | null;
  readonly sentence: string;
  readonly sentenceSpan: Span;
}

/** A series from the figures stage: the schema's `Series` plus what it measures and where it came from. */
export interface FigureSeries extends Series {
  /** Key shared by every series of the same measure, whichever document it came from (`exports:USA>RUS`). */
  readonly measure: string;
  readonly origin: 'table' | 'fact';
  readonly from: ActorCode | null;
  readonly to: ActorCode | null;
  /** Multiplier that turns a point's value into base units (1e9 for "in billions, US $"). */
  readonly factor: number;
  readonly currency: string | null;
  readonly percent: boolean;
  /** The figures as written, one per point, so a reader can see precision ("29.38"). */
  readonly written: readonly string[];
  /** Per point: whether the source hedged it ("about", "just over"). */
  readonly approximate: readonly boolean[];
}

/** Two documents giving different values for one measure and period. */
export interface Disagreement {
  readonly measure: string;
  readonly period: string;
  readonly a: { readonly seriesId: string; readonly docId: string | null; readonly written: string; readonly value: number };
  readonly b: { readonly seriesId: string; readonly docId: string | null; readonly written: string; readonly value: number };
  /** |a − b| / max(|a|, |b|), on base units. */
  readonly relative: number;
}

/** Everything the figures stage finds in a document. */
export interface Figures {
  readonly tables: readonly Table[];
  readonly rejected: readonly NotATable[];
  readonly facts: readonly Fact[];
  readonly series: readonly FigureSeries[];
}

/** Resolves a name as written ("US", "Russian") to an actor code, or `null`. */
export type ActorResolver = (name: string) => ActorCode | null;
