import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CONTRADICTION_RULE, labelOfKey, matrixSectionFromCells, rowVerdictOf, verdictOf } from '../../src/analysis/matrix.ts';
import type { AssessmentCellRow, AssessmentEvidence, CellRow, EvidenceEvent } from '../../src/analysis/types.ts';

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

// Events decide when they can; the text's assessments only where the events are thin, and only when they lean one way.
const withAssessments: ReadonlyArray<[number, number, number, number, string, string]> = [
  [1, 1, 2, 0, 'conflictual', 'assessments'],
  [1, 1, 0, 1, 'cooperative', 'assessments'],
  [0, 0, 1, 0, 'conflictual', 'assessments'],
  [1, 1, 1, 1, 'thin', 'events'],
  [1, 0, 0, 0, 'thin', 'events'],
  [3, 0, 5, 0, 'cooperative', 'events'],
  [2, 2, 0, 4, 'contradictory', 'events'],
  [0, 5, 0, 3, 'conflictual', 'events'],
];
for (const [cooperation, conflict, discord, accord, verdict, basis] of withAssessments) {
  test(`matrix: ${cooperation} cooperation, ${conflict} conflict, discord ${discord}, accord ${accord} is ${verdict} by ${basis}`, () => {
    assert.deepEqual(rowVerdictOf(cooperation, conflict, { discord, accord }, DEFAULT_CONTRADICTION_RULE), { verdict, basis });
  });
}

function assessed(sentence: string): AssessmentEvidence {
  return { doc: 'd.txt', docId: 'd', sentenceIndex: 3, sentence, cue: 'differences', theater: 'SYR', contexts: [], date: '2013-07-15', rule: 'states.tsv:1 differences' };
}

test('matrix: the text\'s assessments join their rows, and a row the text alone names is a row', () => {
  const cells: CellRow[] = [
    { key: 'SYR', quad: 1, events: 1, intensity: 2.5 },
    { key: 'SYR', quad: 3, events: 1, intensity: -3 },
    { key: 'AFG', quad: 2, events: 3, intensity: 19 },
  ];
  const assessments: AssessmentCellRow[] = [
    { key: 'SYR', valence: 'discord', count: 2, evidence: [assessed('They differ on Syria.'), assessed('Syria is the most vexed issue.')] },
    { key: 'IRN', valence: 'discord', count: 1, evidence: [assessed('They differ over Iran.')] },
    { key: 'AFG', valence: 'accord', count: 1, evidence: [assessed('They share concerns over Afghanistan.')] },
  ];
  const section = matrixSectionFromCells('theater', cells, [], new Map(), DEFAULT_CONTRADICTION_RULE, assessments);
  assert.deepEqual(
    section.rows.map((r) => [r.key, r.stats.events, r.verdict, r.basis, r.assessments.discord, r.assessments.accord]),
    [
      ['AFG', 3, 'cooperative', 'events', 0, 1],
      ['SYR', 2, 'conflictual', 'assessments', 2, 0],
      ['IRN', 0, 'conflictual', 'assessments', 1, 0],
    ],
  );
  assert.deepEqual(section.rows[1]?.assessments.evidence.discord.map((x) => x.sentence), ['They differ on Syria.', 'Syria is the most vexed issue.']);
});
