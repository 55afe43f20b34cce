/**
 * Types of the dyad analysis: what the store's dyad queries return (small
 * aggregates and evidence rows) and what the analysis functions make of them.
 * The report renderers, the CLI and the server speak these.
 */
import type { ActorCode, Context, EventType, Modality, Origin, Quad, Valence } from '../types.ts';

export const GRANULARITIES = ['day', 'week', 'month', 'quarter', 'year'] as const;
/** The length of one interval of a time series; weeks start on Monday (ISO). */
export type Granularity = (typeof GRANULARITIES)[number];

export const GROUPINGS = ['context', 'theater', 'type', 'source'] as const;
/** What the rows of the contradictions matrix are: PLOVER context, theater, event type, or source document. */
export type Grouping = (typeof GROUPINGS)[number];

/** Which events of the ledger a dyad analysis covers. */
export interface DyadQuery {
  readonly a: ActorCode;
  readonly b: ActorCode;
  /** Only A→B events when true; both directions otherwise. */
  readonly directed: boolean;
  /** First day covered, `YYYY-MM-DD`, inclusive; `null` for no bound. */
  readonly from: string | null;
  /** Last day covered, `YYYY-MM-DD`, inclusive; `null` for no bound. */
  readonly to: string | null;
  /** Only events from these origins; `null` for all. */
  readonly origins: readonly Origin[] | null;
  /** Modalities counted (by default asserted and future: hypothetical acts did not happen). */
  readonly modalities: readonly Modality[];
  /** Whether negated events ("have not been able to agree") count; by default they do not. */
  readonly includeNegated: boolean;
}

/** One side of the cooperation/conflict divide: quads 1–2 or quads 3–4. */
export type Side = 'cooperation' | 'conflict';

// ---- What the store's dyad queries return ------------------------------------------------

/** Events of one direction and quad class in one period (SQL `GROUP BY period, direction, quad`). */
export interface PeriodFlowRow {
  /** First day of the period (`YYYY-MM-DD`); `null` for events with no day at all. */
  readonly period: string | null;
  /** A→B when true, B→A when false. */
  readonly forward: boolean;
  /**
   * The second direction of one act coded each way (same trigger, both
   * directions): it counts in its own direction, but not again when both
   * directions are counted together.
   */
  readonly mirror: boolean;
  readonly quad: Quad;
  readonly events: number;
  /** Sum of intensities. */
  readonly intensity: number;
  /** Sum of squared intensities (for the change-point test's variances). */
  readonly intensitySquares: number;
}

/** Events of one origin. */
export interface OriginCountRow {
  readonly origin: Origin;
  readonly events: number;
}

/** Events of one matrix cell (a context, theater, type or document) and one quad class. */
export interface CellRow {
  /** The cell: context, theater, type or document name; `null` for none (no context, no theater). */
  readonly key: string | null;
  readonly quad: Quad;
  readonly events: number;
  readonly intensity: number;
}

/** The strongest events of one side of one cell, strongest first (ids into `events`). */
export interface CellEvidenceRow {
  readonly key: string | null;
  readonly side: Side;
  readonly ids: readonly string[];
}

/** Like {@link CellRow}, for one of two periods being compared. */
export interface SplitCellRow extends CellRow {
  readonly after: boolean;
}

/** Like {@link CellEvidenceRow}, for one of two periods being compared. */
export interface SplitCellEvidenceRow extends CellEvidenceRow {
  readonly after: boolean;
}

/** A time window whose strongest events of one side are wanted. */
export interface EvidenceWindow {
  readonly id: string;
  /** First day, inclusive. */
  readonly from: string;
  /** First day after the window (exclusive). */
  readonly until: string;
  readonly side: Side;
}

/** The strongest events of one {@link EvidenceWindow}. */
export interface WindowEvidenceRow {
  readonly id: string;
  readonly ids: readonly string[];
}

/** How a third party appears around the dyad: as the theater of dyad events, or at the other end of an event with A or with B. */
export type ThirdPartyRole = 'theater' | 'with-a' | 'with-b';

/** Events of one third party, role and type. */
export interface ThirdPartyRow {
  readonly actor: string;
  readonly role: ThirdPartyRole;
  readonly type: EventType;
  readonly quad: Quad;
  readonly events: number;
  readonly intensity: number;
}

/** The strongest events of one third party in one role. */
export interface ThirdPartyEvidenceRow {
  readonly actor: string;
  readonly role: ThirdPartyRole;
  readonly ids: readonly string[];
}

/** An event as cited in a report: what happened, and the sentence (or link) that says so. */
export interface EvidenceEvent {
  readonly id: string;
  readonly origin: Origin;
  /** Document name (coded) or imported file name. */
  readonly doc: string | null;
  readonly docId: string | null;
  /** The event's own date as coded (partial ISO), or `null`. */
  readonly date: string | null;
  /** The day it is counted on (its own date, or its document's). */
  readonly day: string | null;
  readonly source: ActorCode;
  readonly sourceText: string | null;
  readonly target: ActorCode;
  readonly targetText: string | null;
  readonly type: EventType;
  readonly quad: Quad;
  readonly intensity: number;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly contexts: readonly Context[];
  readonly theater: string | null;
  readonly sentence: string | null;
  readonly sentenceIndex: number | null;
  readonly rule: string;
  readonly url: string | null;
}

// ---- What the analysis makes of them ------------------------------------------------------

/** Events per quad class. */
export interface QuadCounts {
  readonly q1: number;
  readonly q2: number;
  readonly q3: number;
  readonly q4: number;
}

/** Counts and intensities of a set of events. */
export interface FlowStats {
  readonly events: number;
  readonly quads: QuadCounts;
  /** Quads 1 and 2. */
  readonly cooperation: number;
  /** Quads 3 and 4. */
  readonly conflict: number;
  /** Sum of intensities. */
  readonly net: number;
  /** Mean intensity per event; `null` without events. */
  readonly mean: number | null;
  /** Cooperation / events; `null` without events. */
  readonly cooperationShare: number | null;
}

export interface DirectedFlow {
  readonly source: ActorCode;
  readonly target: ActorCode;
  readonly stats: FlowStats;
}

/** One interval of the dyad's time series. */
export interface IntervalRow {
  /** `2013`, `2013-Q2`, `2013-06`, `2013-W24` or `2013-06-18`. */
  readonly period: string;
  /** First and last day of the period (inclusive). */
  readonly start: string;
  readonly end: string;
  readonly total: FlowStats;
  /** A→B first, then B→A (only A→B when directed). */
  readonly directions: readonly DirectedFlow[];
}

export const INDEX_BANDS = [
  { name: 'confrontation', min: -9, max: -6 },
  { name: 'tense', min: -6, max: -3 },
  { name: 'discord', min: -3, max: 0 },
  { name: 'ordinary', min: 0, max: 3 },
  { name: 'good', min: 3, max: 6 },
  { name: 'friendly', min: 6, max: 9 },
] as const;
/** The six bands of the Tsinghua scale of bilateral relations, each `[min, max)` (friendly includes 9). */
export type BandName = (typeof INDEX_BANDS)[number]['name'];

/** Parameters of the relationship index (docs/analysis.md). */
export interface IndexOptions {
  /** Days after which an event's weight has halved. */
  readonly halfLifeDays: number;
  /** The value the index starts from and returns to without events. */
  readonly prior: number;
  /** How many events' worth of weight the prior carries. */
  readonly priorWeight: number;
}

/** The relationship index at the end of one period. */
export interface IndexPoint {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  /** On −9…+9. */
  readonly value: number;
  readonly band: BandName;
  /** Events in this period. */
  readonly events: number;
  /** Decayed number of events behind the value (its weight against the prior). */
  readonly weight: number;
}

/** Which way the index has been moving over its last periods. */
export interface Trend {
  /** Periods the slope was fitted on. */
  readonly periods: number;
  /** Least-squares slope, index points per period. */
  readonly slope: number;
  /** Slope × (periods − 1): the change the fitted line implies over the window. */
  readonly change: number;
  readonly direction: 'improving' | 'worsening' | 'stable';
}

/** Mean intensity of the events in a run of periods. */
export interface WindowStats {
  /** First and last period of the window. */
  readonly from: string;
  readonly to: string;
  readonly events: number;
  readonly mean: number | null;
}

/** Parameters of the change-point test (docs/analysis.md). */
export interface ChangePointOptions {
  /** Periods on each side of a candidate boundary. */
  readonly window: number;
  /** |t| at or above which a shift is reported. */
  readonly threshold: number;
  /** Events needed on each side. */
  readonly minEvents: number;
  /** At most this many change points, strongest first. */
  readonly max: number;
}

/** A boundary where the mean intensity of the events shifted. */
export interface ChangePoint {
  /** The first period after the turn. */
  readonly period: string;
  /** Its first day. */
  readonly start: string;
  readonly before: WindowStats;
  readonly after: WindowStats;
  /** Mean after − mean before. */
  readonly shift: number;
  /** Welch's t statistic of the shift. */
  readonly t: number;
  readonly direction: 'warmer' | 'cooler';
  /** Strongest events after the turn on the side it moved to. */
  readonly drivers: readonly EvidenceEvent[];
  /** Strongest events before the turn on the side it moved away from. */
  readonly faded: readonly EvidenceEvent[];
}

/** An assessment as cited in a report: what the text says of how the two stand, and where. */
export interface AssessmentEvidence {
  readonly doc: string;
  readonly docId: string;
  readonly sentenceIndex: number;
  readonly sentence: string;
  /** The words that say it ("serious differences"). */
  readonly cue: string;
  readonly theater: string | null;
  readonly contexts: readonly string[];
  readonly date: string | null;
  readonly rule: string;
}

/** A dyad's assessments of one matrix row and valence: how many, and the latest. */
export interface AssessmentCellRow {
  readonly key: string | null;
  readonly valence: Valence;
  readonly count: number;
  readonly evidence: readonly AssessmentEvidence[];
}

/** The text's own assessments of one matrix row. */
export interface RowAssessments {
  readonly discord: number;
  readonly accord: number;
  readonly evidence: { readonly discord: readonly AssessmentEvidence[]; readonly accord: readonly AssessmentEvidence[] };
}

/** What a row's verdict rests on: its events, or (when they are too few or too even to call it) the text's assessments. */
export type VerdictBasis = 'events' | 'assessments';

/** The verdict on one matrix row. */
export type Verdict = 'cooperative' | 'conflictual' | 'contradictory' | 'thin';

/** When a row is called contradictory (docs/analysis.md). */
export interface ContradictionRule {
  /** Each side's share of the row's events must reach this. */
  readonly minShare: number;
  /** Each side must have at least this many events. */
  readonly minSideEvents: number;
  /** Below this many events a row is `thin`. */
  readonly minEvents: number;
}

/** One row of the contradictions matrix. */
export interface MatrixCell {
  readonly key: string | null;
  readonly label: string;
  readonly stats: FlowStats;
  readonly verdict: Verdict;
  readonly basis: VerdictBasis;
  readonly evidence: { readonly cooperation: readonly EvidenceEvent[]; readonly conflict: readonly EvidenceEvent[] };
  readonly assessments: RowAssessments;
}

export interface MatrixSection {
  readonly dimension: Grouping;
  /** Most events first. */
  readonly rows: readonly MatrixCell[];
}

export interface PeriodTotals {
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  readonly net: number;
}

/** How one context or type differs between two periods. */
export interface ChangeRow {
  readonly dimension: 'context' | 'type';
  readonly key: string | null;
  readonly label: string;
  readonly before: PeriodTotals;
  readonly after: PeriodTotals;
  readonly deltaEvents: number;
  readonly deltaNet: number;
  /** Events after on the side the net moved to, then events before on the side it moved from. */
  readonly evidence: readonly EvidenceEvent[];
}

/** Two periods being compared: `[from, split)` and `[split, to]`. */
export interface Comparison {
  readonly from: string;
  readonly split: string;
  readonly to: string;
  /** Why this split: given, at the strongest change point, or at the median event. */
  readonly basis: 'given' | 'change-point' | 'median';
}

export interface WhatChanged {
  readonly comparison: Comparison;
  readonly before: PeriodTotals;
  readonly after: PeriodTotals;
  /** Largest |Δ net| first. */
  readonly contexts: readonly ChangeRow[];
  readonly types: readonly ChangeRow[];
}

/** A third party's events in one role. */
export interface RoleStats {
  readonly events: number;
  readonly cooperation: number;
  readonly conflict: number;
  readonly net: number;
}

/** Whether A and B treat a third party alike. */
export type Alignment = 'shared' | 'divisive' | 'one-sided' | 'theater-only' | 'unclear';

/** An actor other than A and B that appears around the dyad. */
export interface ThirdParty {
  readonly actor: string;
  readonly events: number;
  readonly asTheater: RoleStats;
  readonly withA: RoleStats;
  readonly withB: RoleStats;
  readonly alignment: Alignment;
  /** Most frequent types, most events first. */
  readonly types: readonly { readonly type: EventType; readonly events: number }[];
  readonly evidence: readonly EvidenceEvent[];
}

/** The headline numbers of a dyad. */
export interface DyadSummary {
  readonly a: ActorCode;
  readonly b: ActorCode;
  readonly directed: boolean;
  /** First and last day with events; `null` without dated events. */
  readonly first: string | null;
  readonly last: string | null;
  readonly total: FlowStats;
  readonly directions: readonly DirectedFlow[];
  readonly dated: number;
  readonly undated: number;
  readonly origins: readonly OriginCountRow[];
  /** The index at the last period, if any. */
  readonly index: { readonly period: string; readonly value: number; readonly band: BandName } | null;
}

/** Everything `detente report` says about a dyad. */
export interface DyadReport {
  readonly query: DyadQuery;
  readonly granularity: Granularity;
  readonly grouping: Grouping;
  readonly summary: DyadSummary;
  readonly intervals: readonly IntervalRow[];
  readonly index: {
    readonly options: IndexOptions;
    readonly points: readonly IndexPoint[];
    readonly trend: Trend | null;
  };
  readonly changePoints: { readonly options: ChangePointOptions; readonly points: readonly ChangePoint[] };
  readonly whatChanged: WhatChanged | null;
  readonly matrix: {
    readonly rule: ContradictionRule;
    readonly primary: MatrixSection;
    /** Theater rows too, when the primary grouping is not theater. */
    readonly theater: MatrixSection | null;
  };
  readonly thirdParties: readonly ThirdParty[];
}
