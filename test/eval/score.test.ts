import assert from 'node:assert/strict';
import { test } from 'node:test';
import { goldFromJson, matchAt, prf, scoreDoc, sentencesOverlap, totalOf } from '../../src/eval/score.ts';
import type { Scored } from '../../src/eval/score.ts';

const S1 = 'Russia has criticised the US for its policy in Syria and has vetoed resolutions in the UNSC.';
const S2 = 'Moscow abstained from voting on UNSC resolution 1973.';
const ev = (sentence: string, source: string, target: string, type: Scored['type'], quad: Scored['quad'], negated = false, contexts: string[] = []): Scored =>
  ({ sentence, source, target, type, quad, negated, modality: 'asserted', contexts });

test('score: sentences overlap despite cleaning differences', () => {
  assert.equal(sentencesOverlap(S1, `${S1.slice(0, -1)} calling for sanctions.`), true);
  assert.equal(sentencesOverlap('Russia has, therefore, demanded guarantees 1 from the US', 'Russia has, therefore, demanded guarantees from the US'), true);
  assert.equal(sentencesOverlap(S1, S2), false);
  assert.equal(sentencesOverlap('', S2), false);
});

const cases: ReadonlyArray<{ name: string; coded: Scored[]; gold: Scored[]; dyad: number; quad: number; type: number }> = [
  { name: 'exact', coded: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], dyad: 1, quad: 1, type: 1 },
  { name: 'same quad, other type', coded: [ev(S1, 'RUS', 'USA', 'REJECT', 3)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], dyad: 1, quad: 1, type: 0 },
  { name: 'other quad', coded: [ev(S1, 'RUS', 'USA', 'SANCTION', 4)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], dyad: 1, quad: 0, type: 0 },
  { name: 'reversed direction', coded: [ev(S1, 'USA', 'RUS', 'ACCUSE', 3)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], dyad: 0, quad: 0, type: 0 },
  { name: 'other sentence', coded: [ev(S2, 'RUS', 'USA', 'ACCUSE', 3)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], dyad: 0, quad: 0, type: 0 },
  { name: 'one to one', coded: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], gold: [ev(S1, 'RUS', 'USA', 'ACCUSE', 3), ev(S1, 'RUS', 'USA', 'REJECT', 3)], dyad: 1, quad: 1, type: 1 },
];

for (const c of cases) {
  test(`score: ${c.name}`, () => {
    assert.equal(matchAt('dyad', c.coded, c.gold).counts.tp, c.dyad);
    assert.equal(matchAt('quad', c.coded, c.gold).counts.tp, c.quad);
    assert.equal(matchAt('type', c.coded, c.gold).counts.tp, c.type);
  });
}

const S3 = 'Russia has criticised the US for its policy in Syria and has vetoed resolutions in the UNSC twice.';

test('score: matching is maximal and each gold event takes the sentence most like its own', () => {
  // Greedy in gold order, the first gold event would take the only coded event of the second's sentence.
  const coded = [ev(S3, 'RUS', 'USA', 'ACCUSE', 3), ev(S1, 'RUS', 'USA', 'ACCUSE', 3)];
  const gold = [ev(S1, 'RUS', 'USA', 'ACCUSE', 3), ev(S3, 'RUS', 'USA', 'ACCUSE', 3)];
  assert.deepEqual(matchAt('type', coded, gold).pairs, [[1, 0], [0, 1]]);
  const one = matchAt('type', [ev(S3, 'RUS', 'USA', 'ACCUSE', 3)], gold);
  assert.deepEqual(one.pairs, [[0, 1]]);
  assert.equal(matchAt('type', [ev(S1, 'RUS', 'USA', 'ACCUSE', 3), ev(S3, 'RUS', 'USA', 'ACCUSE', 3)], [ev(S1, 'RUS', 'USA', 'ACCUSE', 3), ev(S1, 'RUS', 'USA', 'ACCUSE', 3)]).counts.tp, 2);
});

test('score: context overlap over quad-level matches whose gold names contexts', () => {
  const a = scoreDoc('a', [ev(S1, 'RUS', 'USA', 'ACCUSE', 3, false, ['diplomatic', 'military']), ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1, false, ['diplomatic'])],
    [ev(S1, 'RUS', 'USA', 'ACCUSE', 3, false, ['military']), ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1)]);
  assert.deepEqual(a.contexts, { agree: 0.5, total: 1 });
});

test('score: theater agreement where the gold codes a theater, none included', () => {
  const withTheater = (e: Scored, theater: string | null | undefined): Scored => ({ ...e, theater });
  const a = scoreDoc('a', [withTheater(ev(S1, 'RUS', 'USA', 'ACCUSE', 3), 'SYR'), withTheater(ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1), 'LBY')],
    [withTheater(ev(S1, 'RUS', 'USA', 'ACCUSE', 3), 'SYR'), withTheater(ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1), null)]);
  assert.deepEqual(a.theater, { agree: 1, total: 2 });
  assert.deepEqual(scoreDoc('b', [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)], [ev(S1, 'RUS', 'USA', 'ACCUSE', 3)]).theater, { agree: 0, total: 0 });
});

test('score: negation agreement and totals', () => {
  const a = scoreDoc('a', [ev(S1, 'RUS', 'USA', 'AGREE', 1, true)], [ev(S1, 'RUS', 'USA', 'AGREE', 1, false)]);
  assert.deepEqual(a.negation, { agree: 0, total: 1 });
  const b = scoreDoc('b', [ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1)], [ev(S2, 'RUS', 'UNSC', 'CONCEDE', 1), ev(S2, 'UNSC', 'LBY', 'COERCE', 4)]);
  const t = totalOf('all', [a, b]);
  assert.deepEqual(t.levels.quad, { tp: 2, fp: 0, fn: 1 });
  const { precision, recall, f1 } = prf(t.levels.quad);
  assert.equal(precision, 1);
  assert.equal(recall, 2 / 3);
  assert.equal(f1, 0.8);
  assert.equal(t.missed.length, 1);
});

test('score: gold lines are checked', () => {
  assert.throws(() => goldFromJson({ doc: 'd', sentence: 's', source: 'RUS', target: 'USA', type: 'HUG' }), /unknown type/);
  assert.throws(() => goldFromJson({ doc: 'd', sentence: 's', source: 'RUS', type: 'AGREE' }), /"target" must be a string/);
  assert.equal(goldFromJson({ doc: 'd', sentence: 's', source: 'RUS', target: 'USA', type: 'AGREE', negated: true }).negated, true);
});
