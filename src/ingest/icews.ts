import { FormatError } from '../errors.ts';
import { icewsSql } from '../store/feed-sql.ts';
import type { Sector } from '../types.ts';
import type { FeedLinePlan } from './gdelt.ts';

/** The 20 columns of ICEWS Dataverse event files, in order. */
export const ICEWS_COLUMNS = [
  'Event ID', 'Event Date', 'Source Name', 'Source Sectors', 'Source Country', 'Event Text', 'CAMEO Code', 'Intensity',
  'Target Name', 'Target Sectors', 'Target Country', 'Story ID', 'Sentence Number', 'Publisher', 'City', 'District',
  'Province', 'Country', 'Latitude', 'Longitude',
] as const;

/**
 * ICEWS sector names → detente sectors, most telling first: an actor listed
 * under "Military" and "Government" is MIL. Names not listed leave the actor
 * OTH (or GOV when it has no sectors at all: the state itself).
 */
export const ICEWS_SECTORS: ReadonlyArray<readonly [string, Sector]> = [
  ['military', 'MIL'], ['army', 'MIL'], ['navy', 'MIL'], ['air force', 'MIL'], ['marines', 'MIL'], ['military personnel - special', 'MIL'],
  ['intelligence ministry', 'SPY'], ['intelligence', 'SPY'],
  ['legislative / parliamentary', 'LEG'], ['lower house', 'LEG'], ['upper house', 'LEG'], ['unicameral', 'LEG'],
  ['judicial', 'JUD'],
  ['rebel', 'REB'], ['insurgents', 'REB'], ['separatists', 'REB'],
  ['opposition major party (out of government)', 'OPP'], ['opposition minor party (out of government)', 'OPP'], ['dissident', 'OPP'],
  ['protestors / popular opposition / mobs', 'OPP'],
  ['media', 'MED'], ['news', 'MED'],
  ['business', 'BUS'], ['multinational corporation', 'BUS'],
  ['executive', 'GOV'], ['executive office', 'GOV'], ['government', 'GOV'], ['cabinet', 'GOV'], ['foreign ministry', 'GOV'],
  ['defense / security ministry', 'GOV'], ['finance / economy / commerce / trade ministry', 'GOV'], ['police', 'GOV'], ['local', 'GOV'],
  ['provincial', 'GOV'], ['government major party (in government)', 'GOV'],
  ['general population / civilian / social', 'CVL'], ['nongovernmental organizations / activists', 'CVL'], ['social', 'CVL'],
  ['education', 'CVL'], ['medical / health ngos', 'CVL'], ['labor', 'CVL'], ['religious', 'CVL'],
  ['criminals / gangs', 'OTH'], ['unidentified forces', 'OTH'],
];

const norm = (s: string): string => s.trim().toLowerCase();

/** Whether a first line is the ICEWS header. */
export function looksLikeIcews(line: string): boolean {
  const cells = line.replace(/^\uFEFF/, '').replace(/\r$/, '').split('\t').map(norm);
  return cells.length === ICEWS_COLUMNS.length && ICEWS_COLUMNS.every((c, i) => cells[i] === norm(c));
}

/** Decides from its first line whether a file is an ICEWS event file (header row, or a first row of 20 fields starting with an id and a date). */
export function icewsPlanOfFirstLine(line: string, where: string): FeedLinePlan {
  if (looksLikeIcews(line)) return { skipLines: 1, sql: icewsSql(), detail: 'ICEWS (20 columns, header)' };
  const cells = line.replace(/\r$/, '').split('\t');
  if (cells.length === ICEWS_COLUMNS.length && /^\d+$/.test(cells[0] ?? '') && /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(cells[1] ?? '')) {
    return { skipLines: 0, sql: icewsSql(), detail: 'ICEWS (20 columns, no header)' };
  }
  throw new FormatError(where, `not an ICEWS event file: the first line has ${cells.length} tab-separated fields and is not the header (${ICEWS_COLUMNS.slice(0, 3).join(', ')}, …)`, 1);
}
