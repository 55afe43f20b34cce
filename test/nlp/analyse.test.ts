import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analysedSentences, bareTokensAndPos } from '../../src/nlp/analyse.ts';
import { lemmaOf } from '../../src/nlp/lemma.ts';
import type { Sentence } from '../../src/types.ts';

function sentence(text: string, start = 0, index = 0): Sentence {
  return { docId: 'd', index, text, span: { start, end: start + text.length }, paragraph: 0, section: null };
}

test('analyse: tokens carry offsets into the document, positions, lower case and POS', () => {
  const text = 'Intro. Russia’s envoy met Kerry.';
  const [a, b] = analysedSentences([sentence('Intro.', 0, 0), sentence('Russia’s envoy met Kerry.', 7, 1)]);
  assert.deepEqual(a?.tokens.map((t) => t.text), ['Intro', '.']);
  for (const t of b?.tokens ?? []) assert.equal(text.slice(t.start, t.end), t.text);
  assert.deepEqual(b?.tokens.map((t) => t.i), [0, 1, 2, 3, 4, 5]);
  assert.equal(b?.tokens[1]?.lower, "'s");
  assert.equal(b?.tokens.find((t) => t.text === 'met')?.pos, 'VERB');
  assert.equal(b?.tokens.find((t) => t.text === 'met')?.lemma, 'meet');
});

test('analyse: known forms give the lemma; a headline verb after a name is retagged', () => {
  const lemmas = new Map([['staged', ['stage']], ['sign', ['sign']]]);
  const [s] = analysedSentences([sentence('Obama and Medvedev sign a treaty after activists staged a protest.')], { lemmas, verbForms: new Set(['sign']) });
  const sign = s?.tokens.find((t) => t.text === 'sign');
  assert.equal(sign?.pos, 'VERB');
  assert.equal(s?.tokens.find((t) => t.text === 'staged')?.lemma, 'stage');
});

// The tagger reads some past forms as adjectives; between a subject (and adverbs) and an object they are verbs.
const participles: ReadonlyArray<[string, string, string]> = [
  ['The US informed Russia that it would act.', 'informed', 'VERB'],
  ['The Department also informed the Russian Government of it.', 'informed', 'VERB'],
  ['Russia was informed of the decision.', 'informed', 'VERB|ADJ|AUX'],
  ['An informed observer disagrees.', 'informed', 'ADJ'],
];
for (const [text, word, pos] of participles) {
  test(`analyse: "${word}" in "${text}" is ${pos}`, () => {
    const lemmas = new Map([['informed', ['inform']]]);
    const [s] = analysedSentences([sentence(text)], { lemmas, verbForms: new Set(['informed']) });
    assert.match(s?.tokens.find((t) => t.text === word)?.pos ?? '', new RegExp(`^(${pos})$`));
  });
}

const lemmaCases: ReadonlyArray<[string, string, string]> = [
  ['was', 'AUX', 'be'], ['met', 'VERB', 'meet'], ['need', 'VERB', 'need'], ['stationed', 'VERB', 'station'], ['talks', 'NOUN', 'talk'], ['countries', 'NOUN', 'country'],
  ['meetings', 'NOUN', 'meeting'], ['crisis', 'NOUN', 'crisis'], ['visiting', 'VERB', 'visit'], ['banned', 'VERB', 'ban'], ['Russia', 'PROPN', 'Russia'],
];
for (const [word, pos, lemma] of lemmaCases) test(`lemma: ${word}/${pos} → ${lemma}`, () => assert.equal(lemmaOf(word, pos), lemma));

test('analyse: the bare pipeline counts tokens and sentences', () => {
  assert.deepEqual(bareTokensAndPos('Russia agreed. The US refused.'), { tokens: 7, sentences: 2 });
});
