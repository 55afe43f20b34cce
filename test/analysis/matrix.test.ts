import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONTRADICTION_RULE, labelOfKey, matrixSectionFromCells, verdictOf } from '../../src/analysis/matrix.ts';
import type { CellRow, EvidenceEvent } from '../../src/analysis/types.ts';

const verdicts: ReadonlyArray<[number, number, string]> = [
  [0, 0, 'thin'],
  [1, 0, 'thin'],
  [0, 1, 'thin'],
  [1, 1, 'thin'],
  [2, 0, 'cooperative'],
  [0, 5, 'conflictual'],
  [2, 1, 'cooperative'],
  [2, 2, 'contradictory'],
  [9, 3, 'contradictory'],
  [10, 3, 'cooperative'],
  [3, 9, 'contradictory'],
  [3, 10, 'conflictual'],
  [40, 2, 'cooperative'],
];
for (const [cooperation, conflict, verdict] of verdicts) {
  test(`matrix: ${cooperation} cooperation and ${conflict} conflict is ${verdict}`, () => {
    assert.equal(verdictOf(cooperation, conflict, DEFAULT_CONTRADICTION_RULE), verdict);
  });
}

test('matrix: the rule is a parameter', () => {
  const strict = { minShare: 0.4, minSideEvents: 3, minEvents: 5 };
  assert.equal(verdictOf(9, 3, strict), 'cooperative');
  assert.equal(verdictOf(3, 3, strict), 'contradictory');
  assert.equal(verdictOf(3, 1, strict), 'thin');
});

function evidence(id: string, intensity: number): EvidenceEvent {
  return {
    id,
    origin: 'coded',
    doc: 'd.txt',
    docId: 'd',
    date: null,
    day: '2013-07-15',
    source: 'USA',
    sourceText: null,
    target: 'RUS',
    targetText: null,
    type: intensity >= 0 ? 'COOPERATE' : 'SANCTION',
    quad: intensity >= 0 ? 2 : 4,
    intensity,
    negated: false,
    modality: 'asserted',
    contexts: ['military'],
    theater: null,
    sentence: `sentence ${id}`,
    sentenceIndex: 0,
    rule: 'test',
    url: null,
  };
}

test('matrix: a section sums quads per key, cites evidence in rank order, most events first', () => {
  const cells: CellRow[] = [
    { key: 'military', quad: 1, events: 5, intensity: 12.5 },
    { key: 'military', quad: 2, events: 2, intensity: 19 },
    { key: 'military', quad: 3, events: 3, intensity: -5 },
    { key: 'human_rights', quad: 4, events: 4, intensity: -24 },
    { key: null, quad: 1, events: 4, intensity: 10 },
  ];
  const byId = new Map([evidence('a', 9.5), evidence('b', 9.5), evidence('c', -2), evidence('h', -6)].map((e) => [e.id, e]));
  const section = matrixSectionFromCells(
    'context',
    cells,
    [
      { key: 'military', side: 'cooperation', ids: ['b', 'a', 'missing'] },
      { key: 'military', side: 'conflict', ids: ['c'] },
      { key: 'human_rights', side: 'conflict', ids: ['h'] },
    ],
    byId,
  );
  assert.deepEqual(
    section.rows.map((r) => [r.key, r.label, r.stats.events, r.stats.cooperation, r.stats.conflict, r.stats.net, r.verdict]),
    [
      ['military', 'military', 10, 7, 3, 26.5, 'contradictory'],
      ['human_rights', 'human rights', 4, 0, 4, -24, 'conflictual'],
      [null, '(no context)', 4, 4, 0, 10, 'cooperative'],
    ],
  );
  assert.deepEqual(section.rows[0]?.evidence.cooperation.map((e) => e.id), ['b', 'a']);
  assert.deepEqual(section.rows[0]?.evidence.conflict.map((e) => e.id), ['c']);
  assert.deepEqual(section.rows[2]?.evidence, { cooperation: [], conflict: [] });
});

test('matrix: labels', () => {
  assert.equal(labelOfKey('context', 'rights_freedoms'), 'rights freedoms');
  assert.equal(labelOfKey('theater', 'SYR'), 'SYR');
  assert.equal(labelOfKey('theater', null), '(the dyad itself)');
  assert.equal(labelOfKey('source', null), '(no document)');
});
