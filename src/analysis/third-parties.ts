/**
 * Third parties: actors other than A and B that appear around the dyad, as
 * the theater of its events or at the other end of A's or B's events in the
 * documents that hold dyad events; and whether A and B treat them alike.
 */
import { roundTo } from './intervals.ts';
import { eventsOfIds } from './matrix.ts';
import type { EventType } from '../types.ts';
import type { Alignment, EvidenceEvent, RoleStats, ThirdParty, ThirdPartyEvidenceRow, ThirdPartyRole, ThirdPartyRow } from './types.ts';

export const DEFAULT_THIRD_PARTIES = 12;

const EMPTY: RoleStats = { events: 0, cooperation: 0, conflict: 0, net: 0 };

function plus(s: RoleStats, row: ThirdPartyRow): RoleStats {
  const cooperative = row.quad <= 2;
  return {
    events: s.events + row.events,
    cooperation: s.cooperation + (cooperative ? row.events : 0),
    conflict: s.conflict + (cooperative ? 0 : row.events),
    net: roundTo(s.net + row.intensity, 6),
  };
}

/**
 * `shared` when A and B both deal with the party and their net intensities
 * have the same sign, `divisive` when opposite (one cooperates, the other
 * contends), `one-sided` when only one deals with it, `theater-only` when it
 * appears only as a theater, `unclear` when a net is zero.
 */
export function alignmentOf(withA: RoleStats, withB: RoleStats): Alignment {
  if (withA.events === 0 && withB.events === 0) return 'theater-only';
  if (withA.events === 0 || withB.events === 0) return 'one-sided';
  const a = Math.sign(withA.net);
  const b = Math.sign(withB.net);
  if (a === 0 || b === 0) return 'unclear';
  return a === b ? 'shared' : 'divisive';
}

/** Third parties, most events first, from per-(actor, role, type) counts and ranked evidence per (actor, role). */
export function thirdPartiesFromRows(
  rows: readonly ThirdPartyRow[],
  evidence: readonly ThirdPartyEvidenceRow[],
  byId: ReadonlyMap<string, EvidenceEvent>,
  options: { readonly limit?: number; readonly evidencePerRole?: number } = {},
): ThirdParty[] {
  const acc = new Map<string, { roles: Record<ThirdPartyRole, RoleStats>; types: Map<EventType, number> }>();
  for (const row of rows) {
    const entry = acc.get(row.actor) ?? { roles: { theater: EMPTY, 'with-a': EMPTY, 'with-b': EMPTY }, types: new Map<EventType, number>() };
    entry.roles[row.role] = plus(entry.roles[row.role], row);
    entry.types.set(row.type, (entry.types.get(row.type) ?? 0) + row.events);
    acc.set(row.actor, entry);
  }
  const ids = new Map<string, readonly string[]>();
  for (const e of evidence) ids.set(`${e.actor}\u0000${e.role}`, e.ids);
  const perRole = options.evidencePerRole ?? 1;
  const parties: ThirdParty[] = [...acc.entries()].map(([actor, { roles, types }]) => ({
    actor,
    events: roles.theater.events + roles['with-a'].events + roles['with-b'].events,
    asTheater: roles.theater,
    withA: roles['with-a'],
    withB: roles['with-b'],
    alignment: alignmentOf(roles['with-a'], roles['with-b']),
    types: [...types.entries()]
      .map(([type, events]) => ({ type, events }))
      .sort((x, y) => y.events - x.events || (x.type < y.type ? -1 : 1))
      .slice(0, 4),
    evidence: (['with-a', 'with-b', 'theater'] as const).flatMap((role) => eventsOfIds(ids.get(`${actor}\u0000${role}`), byId).slice(0, perRole)),
  }));
  parties.sort((x, y) => y.events - x.events || (x.actor < y.actor ? -1 : 1));
  return parties.slice(0, options.limit ?? DEFAULT_THIRD_PARTIES);
}
