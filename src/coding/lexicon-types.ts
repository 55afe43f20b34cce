import type { ActorCode, Context, EventType, Sector } from '../types.ts';

/** A state, observer or territory (`dictionaries/countries.tsv`). */
export interface CountryEntry {
  /** ISO 3166-1 alpha-3. */
  readonly code: ActorCode;
  readonly kind: 'state' | 'observer' | 'territory' | 'historical';
  /** Preferred English short name ("Russia"). */
  readonly name: string;
  /** Every name that refers to it, including `name` ("Russia", "Russian Federation", "the Soviet Union"). */
  readonly names: readonly string[];
  /** Adjectives ("Russian", "Soviet"). */
  readonly adjectives: readonly string[];
  /** Demonyms, plural forms included ("Russians", "the Russians"). */
  readonly demonyms: readonly string[];
  /** Capitals and seats of power that stand for the government ("Moscow", "the Kremlin"). */
  readonly metonyms: readonly string[];
  /** Codes other datasets use for it: CAMEO country code, FIPS 10-4, ISO alpha-2. */
  readonly cameo: string | null;
  readonly fips: string | null;
  readonly iso2: string | null;
  /** Names listed above that also mean something else ("Georgia", "Jordan") or another entry ("Congolese"). */
  readonly ambiguous?: readonly string[];
}

/** An international organisation (`dictionaries/igos.tsv`); code `IGO` for any without its own code. */
export interface IgoEntry {
  readonly id: string;
  readonly code: ActorCode;
  readonly name: string;
  readonly names: readonly string[];
  /** Names that also mean something else ("Brussels" for the EU). */
  readonly ambiguous?: readonly string[];
}

/** A state body, agency, law, programme or company, belonging to one country (`dictionaries/bodies.tsv`). */
export interface BodyEntry {
  readonly id: string;
  readonly country: ActorCode;
  readonly sector: Sector;
  readonly kind: 'agency' | 'legislature' | 'court' | 'military' | 'party' | 'law' | 'programme' | 'company' | 'media' | 'ngo' | 'group';
  readonly names: readonly string[];
  /** ISO dates bounding when the entry applies (`to` exclusive), for bodies whose sector changed (the Taliban); null = open. */
  readonly from?: string | null;
  readonly to?: string | null;
  /** Names that also mean another body or something else ("Senate", "Congress"). */
  readonly ambiguous?: readonly string[];
}

/** One office a person held, with its dates (ISO; `to` null while in office, otherwise exclusive: the day the office passed on). */
export interface RoleEntry {
  readonly title: string;
  readonly country: ActorCode;
  readonly sector: Sector;
  readonly from: string;
  readonly to: string | null;
}

/** A person (`dictionaries/people.tsv`): heads of state and government, foreign and defence ministers, others. */
export interface PersonEntry {
  readonly id: string;
  /** Full name first, then the forms the text may use ("Vladimir Putin", "Putin", "Vladimir Vladimirovich Putin"). */
  readonly names: readonly string[];
  /** Country and sector when no role covers the event's date. */
  readonly country: ActorCode;
  readonly sector: Sector;
  readonly roles: readonly RoleEntry[];
  /** Names shared with another person ("Bush", "Kim"): resolve them by the event's date. */
  readonly ambiguous?: readonly string[];
}

/** A common noun that names a part of a country ("officials" → GOV, "troops" → MIL), `dictionaries/agents.tsv`. */
export interface AgentEntry {
  /** Lower-case, one or more words, singular and plural listed separately. */
  readonly words: string;
  readonly sector: Sector;
  /** Whether the noun names a person or group that can act (true) or only a thing (false). */
  readonly animate: boolean;
}

/** A region that can be an event's theater ("Central Asia", "the Arctic"), `dictionaries/regions.tsv`. */
export interface RegionEntry {
  readonly id: string;
  /** Theater value used in events. */
  readonly name: string;
  readonly names: readonly string[];
  /** ISO3 of the one state the region lies in (Crimea → UKR), or null when it spans several or is contested between states. */
  readonly code?: ActorCode | null;
  /** FIPS 10-4 code where the region has its own (Gaza Strip GZ), for GDELT geography. */
  readonly fips?: string | null;
  /** CAMEO region code (EUR, MEA, SEA…) where CAMEO has one. */
  readonly cameo?: string | null;
  readonly ambiguous?: readonly string[];
}

/** A city, base or venue and the state it lies in (`dictionaries/places.tsv`): where talks happen, what a theater is. */
export interface PlaceEntry {
  readonly id: string;
  readonly name: string;
  /** ISO3 of the state the place lies in (or is run by: Guantanamo Bay → USA). */
  readonly country: ActorCode;
  readonly names: readonly string[];
  readonly ambiguous?: readonly string[];
}

/** A verb or event noun with the frames that code it (`dictionaries/verbs.tsv`). */
export interface VerbEntry {
  readonly id: string;
  readonly lemma: string;
  readonly type: EventType;
  readonly mode: string | null;
  readonly cameo: string | null;
  readonly contexts: readonly Context[];
}

/** A keyword that marks a context (`dictionaries/contexts.tsv`). */
export interface ContextKeyword {
  readonly id: string;
  readonly phrase: string;
  readonly contexts: readonly Context[];
}

/** CAMEO event code → PLOVER (`dictionaries/cameo.tsv`). */
export interface CameoEntry {
  readonly code: string;
  readonly label: string;
  readonly type: EventType;
  readonly mode: string | null;
  readonly contexts: readonly Context[];
}
