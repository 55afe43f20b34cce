import { FormatError } from '../errors.ts';
import { polecatSql } from '../store/feed-sql.ts';
import type { PolecatLayout } from '../store/feed-sql.ts';
import { PLOVER_TYPES, TYPE_TABLE } from '../types.ts';
import type { EventType, Sector } from '../types.ts';
import type { FeedLinePlan } from './gdelt.ts';

/**
 * PLOVER type names as POLECAT writes them → detente's types: PLOVER's
 * DEMAND is REQUEST here, DISAPPROVE and INVESTIGATE are ACCUSE, FIGHT is
 * ASSAULT (coding guide, "Event types").
 */
export const POLECAT_TYPES: Readonly<Record<string, EventType>> = {
  ...Object.fromEntries(PLOVER_TYPES.map((t) => [t, t])),
  DEMAND: 'REQUEST',
  DISAPPROVE: 'ACCUSE',
  INVESTIGATE: 'ACCUSE',
  FIGHT: 'ASSAULT',
};

/** POLECAT sector words → detente sectors (POLECAT also writes our three-letter codes, which pass as they are). */
export const POLECAT_SECTORS: ReadonlyArray<readonly [string, Sector]> = [
  ['military', 'MIL'], ['intelligence', 'SPY'], ['legislature', 'LEG'], ['legislative', 'LEG'], ['judiciary', 'JUD'], ['judicial', 'JUD'],
  ['rebel', 'REB'], ['rebels', 'REB'], ['insurgents', 'REB'], ['opposition', 'OPP'], ['media', 'MED'], ['business', 'BUS'],
  ['government', 'GOV'], ['executive', 'GOV'], ['police', 'GOV'], ['civilian', 'CVL'], ['civilians', 'CVL'], ['ngo', 'CVL'],
];

/** The POLECAT header names each field is read from (older files say `Intensity`, newer `Event Intensity`). */
const FIELDS: Readonly<Record<Exclude<keyof PolecatLayout, 'width'>, readonly string[]>> = {
  eventId: ['Event ID'],
  eventDate: ['Event Date'],
  eventType: ['Event Type'],
  eventMode: ['Event Mode'],
  contexts: ['Contexts'],
  intensity: ['Event Intensity', 'Intensity'],
  actorName: ['Actor Name'],
  actorCountry: ['Actor Country'],
  actorSector: ['Primary Actor Sector'],
  recipientName: ['Recipient Name'],
  recipientCountry: ['Recipient Country'],
  recipientSector: ['Primary Recipient Sector'],
  country: ['Country'],
};

const REQUIRED = ['eventId', 'eventDate', 'eventType', 'actorName', 'actorCountry', 'recipientName', 'recipientCountry'] as const;

/** Where each field sits in a POLECAT header line, or `null` when a required column is missing. */
export function polecatLayoutOfHeader(line: string): PolecatLayout | null {
  const names = line.replace(/^\uFEFF/, '').replace(/\r$/, '').split('\t').map((c) => c.trim().toLowerCase());
  const find = (field: keyof typeof FIELDS): number | null => {
    for (const name of FIELDS[field]) {
      const i = names.indexOf(name.toLowerCase());
      if (i >= 0) return i + 1;
    }
    return null;
  };
  const layout = Object.fromEntries((Object.keys(FIELDS) as (keyof typeof FIELDS)[]).map((f) => [f, find(f)])) as Record<keyof typeof FIELDS, number | null>;
  if (REQUIRED.some((f) => layout[f] === null)) return null;
  return { ...layout, width: names.length } as PolecatLayout;
}

/** Whether a first line is a POLECAT header. */
export function looksLikePolecat(line: string): boolean {
  return polecatLayoutOfHeader(line) !== null;
}

/** Decides from its header whether a file is POLECAT, and where its fields are. */
export function polecatPlanOfFirstLine(line: string, where: string): FeedLinePlan {
  const layout = polecatLayoutOfHeader(line);
  if (!layout) {
    throw new FormatError(where, `not a POLECAT file: the header lacks ${REQUIRED.map((f) => FIELDS[f][0]).join(', ')}`, 1);
  }
  return { skipLines: 1, sql: polecatSql(layout), detail: `POLECAT (${layout.width} columns)` };
}

/** POLECAT type names with the quad and intensity of the type they map to. */
export function polecatTypeNames(): Array<{ name: string; type: EventType; quad: number; intensity: number }> {
  return Object.entries(POLECAT_TYPES).map(([name, type]) => ({ name, type, quad: TYPE_TABLE[type].quad, intensity: TYPE_TABLE[type].intensity }));
}
