import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stateIndexFromDictionary } from '../../src/coding/assessments.ts';
import { codedSentencesFromDoc } from '../../src/coding/coder.ts';
import { dictionaryFromText } from '../../src/coding/dictionary-file.ts';
import { ConfigError } from '../../src/errors.ts';
import { sentencesFromDoc } from '../../src/nlp/sentences.ts';
import type { Doc } from '../../src/types.ts';
import { testConfig } from './fixture-lexicon.ts';

const config = testConfig();

function doc(text: string): Doc {
  return {
    id: 'd', name: 'd.txt', origin: 'd.txt', format: 'text', meta: { title: null, date: '2013-07-15', source: null, publisher: null },
    text, original: text, offsets: [{ clean: 0, original: 0, length: text.length }], paragraphs: [], sections: [], blocks: [],
  };
}

/** `A-B valence theater [contexts]` per assessment of the text, and its events, as `S>T TYPE`. */
function read(text: string): { assessments: string[]; events: string[] } {
  const d = doc(text);
  const coded = codedSentencesFromDoc(d, sentencesFromDoc(d), config);
  return {
    assessments: coded.flatMap((c) => c.assessments).map((a) => `${a.a}-${a.b} ${a.valence} ${a.theater ?? '-'}${a.contexts.length > 0 ? ` [${a.contexts.join(',')}]` : ''}`),
    events: coded.flatMap((c) => c.events).map((e) => `${e.source.country}>${e.target.country} ${e.type}`),
  };
}

const cases: ReadonlyArray<{ text: string; assessments: string[] }> = [
  // The coding guide's own examples of states that are not events.
  { text: 'There are strong disagreements between the US and Russia on Central Asia.', assessments: ['RUS-USA discord Central Asia'] },
  { text: 'Russia has relatively good ties with Iran.', assessments: ['IRN-RUS accord -'] },
  { text: 'However, Russia and the US have serious differences over Iran\'s nuclear programme.', assessments: ['RUS-USA discord IRN [cbrn]'] },
  // The issue named as the subject of a sentence about the pair's relations.
  { text: 'It is Syria which has emerged as the most vexed issue in US-Russia relations.', assessments: ['RUS-USA discord SYR'] },
  { text: 'The US and Russia share concerns about global terrorism.', assessments: ['RUS-USA accord - [terrorism]'] },
  { text: 'Despite their differences with the US on Syria, the Russians have got the US on board for talks.', assessments: ['RUS-USA discord SYR'] },
  { text: 'Relations between Moscow and Washington are characterised by distrust.', assessments: ['RUS-USA discord -'] },
  // Said of an issue, the pair may be the one the text is about; with no issue named, there is nothing to place.
  { text: 'Russia and the US met in Geneva. Another issue of contention is Iran.', assessments: ['RUS-USA discord IRN'] },
  { text: 'Russia and the US met in Geneva. This remains a contentious question.', assessments: [] },
  { text: 'Russia and the US met in Geneva. Iran has differences over its programme.', assessments: [] },
  // Denied, overcome, only foreseen or conditional: no state.
  { text: 'There are no differences between Russia and the US on terrorism.', assessments: [] },
  { text: 'The US must overcome its distrust of Russia.', assessments: [] },
  { text: 'The missile shield could lead to tensions between Russia and the US.', assessments: [] },
  { text: 'If Russia and the US manage their differences, they could cooperate.', assessments: [] },
  // A name, not a state; one party only; a gathering is no party.
  { text: 'India and Russia signed the Declaration on Strategic Partnership.', assessments: [] },
  { text: 'Russia has differences over tactics.', assessments: [] },
  { text: 'Obama will attend the G-20 summit despite differences with Russia.', assessments: ['RUS-USA discord -'] },
  // Each clause says its own; within one, leaning both ways equally says nothing.
  { text: 'Russia and the US have common interests but deep differences.', assessments: ['RUS-USA accord -', 'RUS-USA discord -'] },
  { text: 'Though Washington and Moscow share concerns about Iran, they differ on the tactics.', assessments: ['RUS-USA accord IRN', 'RUS-USA discord IRN'] },
  { text: 'Russia and the US have common interests and deep differences.', assessments: [] },
];
for (const c of cases) {
  test(`assessments: ${c.text}`, () => assert.deepEqual(read(c.text).assessments, c.assessments));
}

test('assessments: never events, and events stay as they were', () => {
  const r = read('Russia has criticised the US for its policy in Syria. However, Russia and the US have serious differences over Iran\'s nuclear programme.');
  assert.deepEqual(r.events, ['RUS>USA ACCUSE']);
  assert.equal(r.assessments.length, 1);
});

test('assessments: each cites its sentence, words and dictionary entry', () => {
  const d = doc('Intro. There are strong disagreements between the US and Russia on Central Asia.');
  const [a] = codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((c) => c.assessments);
  assert.equal(a?.sentence.index, 1);
  assert.equal(a?.cue, 'disagreements');
  assert.equal(d.text.slice(a?.span.start, a?.span.end), 'disagreements');
  assert.match(a?.rule ?? '', /^states\.tsv:\d+ disagree; parties "the US" and "Russia"$/);
  assert.equal(a?.date, '2013-07-15');
});

const badDictionaries: ReadonlyArray<[string, RegExp]> = [
  ['# s\nid\tphrase\tvalence\tof\nx\tfoo\twarm\tpair\n', /s\.tsv:3.*unknown valence "warm"/],
  ['# s\nid\tphrase\tvalence\tof\nx\tfoo\tdiscord\tthem\n', /s\.tsv:3.*"of" must be pair or issue/],
  ['# s\nid\tphrase\tvalence\tof\nx\tfoo\tdiscord\tpair\nx\tbar\taccord\tpair\n', /s\.tsv:4.*duplicate id "x"/],
  ['# s\nid\tphrase\tvalence\n', /columns must be id, phrase, valence, of/],
];
for (const [text, message] of badDictionaries) {
  test(`assessments: a bad state dictionary is refused (${message.source})`, () => {
    assert.throws(() => stateIndexFromDictionary(dictionaryFromText(text, 's.tsv')), (e: unknown) => e instanceof ConfigError && message.test(`${e.where}: ${e.message}`));
  });
}
