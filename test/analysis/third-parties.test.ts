import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignmentOf, thirdPartiesFromRows } from '../../src/analysis/third-parties.ts';
import type { RoleStats, ThirdPartyRow } from '../../src/analysis/types.ts';

const s = (events: number, net: number): RoleStats => ({ events, cooperation: 0, conflict: 0, net });

const alignments: ReadonlyArray<[RoleStats, RoleStats, string]> = [
  [s(0, 0), s(0, 0), 'theater-only'],
  [s(2, 5), s(0, 0), 'one-sided'],
  [s(0, 0), s(1, -6), 'one-sided'],
  [s(2, 5), s(1, 10), 'shared'],
  [s(2, -5), s(1, -6), 'shared'],
  [s(2, 5), s(1, -6), 'divisive'],
  [s(1, 0), s(1, -6), 'unclear'],
];
for (const [a, b, want] of alignments) {
  test(`third parties: net ${a.net} with A and ${b.net} with B is ${want}`, () => assert.equal(alignmentOf(a, b), want));
}

test('third parties: per actor, roles summed, types ranked, most events first', () => {
  const row = (actor: string, role: ThirdPartyRow['role'], type: ThirdPartyRow['type'], quad: 1 | 2 | 3 | 4, events: number, intensity: number): ThirdPartyRow => ({
    actor,
    role,
    type,
    quad,
    events,
    intensity,
  });
  const parties = thirdPartiesFromRows(
    [
      row('SYR', 'with-b', 'AID', 2, 1, 10),
      row('SYR', 'with-b', 'SUPPORT', 1, 1, 5),
      row('SYR', 'with-a', 'SANCTION', 4, 2, -12),
      row('SYR', 'theater', 'ACCUSE', 3, 1, -3),
      row('AFG', 'theater', 'CONCEDE', 1, 2, 9),
      row('NATO', 'with-b', 'REQUEST', 3, 1, 0),
    ],
    [],
    new Map(),
  );
  assert.deepEqual(parties.map((p) => [p.actor, p.events, p.alignment]), [['SYR', 5, 'divisive'], ['AFG', 2, 'theater-only'], ['NATO', 1, 'one-sided']]);
  const syr = parties[0];
  assert.deepEqual(syr?.withA, { events: 2, cooperation: 0, conflict: 2, net: -12 });
  assert.deepEqual(syr?.withB, { events: 2, cooperation: 2, conflict: 0, net: 15 });
  assert.deepEqual(syr?.asTheater, { events: 1, cooperation: 0, conflict: 1, net: -3 });
  assert.deepEqual(syr?.types, [{ type: 'SANCTION', events: 2 }, { type: 'ACCUSE', events: 1 }, { type: 'AID', events: 1 }, { type: 'SUPPORT', events: 1 }]);
  assert.deepEqual(thirdPartiesFromRows([row('X', 'theater', 'AGREE', 1, 1, 2.5), row('Y', 'theater', 'AGREE', 1, 2, 5)], [], new Map(), { limit: 1 }).map((p) => p.actor), ['Y']);
});
