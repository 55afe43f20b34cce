import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codedSentencesFromDoc, explainSentence } from '../../src/coding/coder.ts';
import { sentencesFromDoc } from '../../src/nlp/sentences.ts';
import type { Doc } from '../../src/types.ts';
import { testConfig } from './fixture-lexicon.ts';

const config = testConfig();

function doc(text: string, date = '2013-07-15', source: string | null = null, publisher: string | null = null): Doc {
  return {
    id: 'd', name: 'd.txt', origin: 'd.txt', format: 'text', meta: { title: null, date, source, publisher },
    text, original: text, offsets: [{ clean: 0, original: 0, length: text.length }], paragraphs: [], sections: [], blocks: [],
  };
}

function code(text: string, date?: string, source?: string | null, publisher?: string | null): string[] {
  const d = doc(text, date, source, publisher);
  return codedSentencesFromDoc(d, sentencesFromDoc(d), config)
    .flatMap((c) => c.events)
    .map((e) => `${e.source.country}>${e.target.country} ${e.type}${e.negated ? ' NEG' : ''} ${e.modality}`)
    .sort();
}

const cases: ReadonlyArray<{ text: string; events: string[]; date?: string; source?: string; publisher?: string }> = [
  { text: 'Russia has criticised the US for its policy in Syria.', events: ['RUS>USA ACCUSE asserted'] },
  { text: 'Diplomatic relations between Russia and the United States were formally re-established in 1992.', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: 'New evidence against Iran was presented by the United States on Monday.', events: ['USA>IRN ACCUSE asserted'] },
  // "The Department" in a department's own statement is its government; "it" then takes that subject.
  { text: 'The Department also informed the Russian Government that it would deny Russian diplomats access to two compounds.', date: '2016-12-29', events: ['USA>RUS SANCTION future'], publisher: 'U.S. Department of State' },
  { text: 'The Department of Defense informed Russia that it would close the base.', date: '2016-12-29', events: [], publisher: 'A blog in Moscow' },
  // The subject of a second predicate is the first's, not a possessor inside its object ("the US side's holding of").
  { text: "China and the United States met. China and the United States talked. China and the United States agreed. The Chinese side appreciates the U.S. side's holding of the summit, and welcomes the new contributions to be announced by the United States.", date: '2015-09-25',
    events: ['CHN>USA AGREE asserted', 'CHN>USA CONSULT asserted', 'CHN>USA CONSULT asserted', 'CHN>USA SUPPORT asserted', 'USA>CHN AGREE asserted', 'USA>CHN CONSULT asserted', 'USA>CHN CONSULT asserted'] },
  // A relative clause can name who did a nominal act, when its verb says they did it.
  { text: 'Vladimir Putin met John Kerry.\n\nJohn Kerry: Because of the cooperation, both political and military, which we have been able to achieve, the ceasefire holds.', date: '2016-03-24', source: 'http://kremlin.ru/x',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA COOPERATE asserted', 'USA>RUS CONSULT asserted', 'USA>RUS COOPERATE asserted'] },
  { text: 'The cooperation that Russia wants is different.', events: [] },
  // Acts listed as what a pair's relationship achieved are the pair's; topics of a discussion are not acts.
  { text: 'President Obama highlighted achievements in US-Russia relations, including cooperation on Afghanistan.', date: '2012-03-09', events: ['RUS>USA COOPERATE asserted', 'USA>RUS COOPERATE asserted'] },
  { text: 'Vladimir Putin met Barack Obama. The two presidents discussed bilateral relations, including cooperation on trade and investment.', date: '2012-03-09',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  // A stated need is a request to whoever must act: the agent after "by", or the subject of "for … to"; a beneficiary is not.
  { text: 'Putin stressed the need for complete fulfilment of the Minsk Agreements by the Ukrainian authorities.', date: '2016-03-14', events: ['RUS>UKR REQUEST asserted'] },
  { text: 'Putin stressed the need for Iran to return to the talks.', date: '2016-03-14', events: ['RUS>IRN REQUEST asserted'] },
  { text: 'Putin stressed the importance of trade for Iran.', date: '2016-03-14', events: [] },
  // A hope about another actor's act is a request to it; the hoped-for act is not coded.
  { text: 'Putin expressed the hope that the Ukrainian authorities would fulfil their obligations.', date: '2016-02-14', events: ['RUS>UKR REQUEST asserted'] },
  // Two adjectives of one noun are a pair ("Russian and Indian foreign ministries"); a meeting in an agreement's content is announced.
  { text: 'There were consultations between Russian and Indian foreign ministries.', date: '2016-10-15', events: ['IND>RUS CONSULT asserted', 'RUS>IND CONSULT asserted'] },
  { text: 'A protocol has been signed on consultations between Russian and Indian foreign ministries in 2017.', date: '2016-10-15',
    events: ['IND>RUS AGREE asserted', 'IND>RUS CONSULT future', 'RUS>IND AGREE asserted', 'RUS>IND CONSULT future'] },
  // A country's cultural festival held in another: the organiser cooperates with the host.
  { text: 'The Festival of Russian Culture in India was successfully held this year.', date: '2012-12-01', events: ['RUS>IND COOPERATE asserted'] },
  // A bare "Thank you." codes nothing; thanks for something go to the addressee.
  { text: 'Vladimir Putin met Barack Obama.\n\nBarack Obama: Thank you very much.', date: '2016-09-04', source: 'http://kremlin.ru/x', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Vladimir Putin met Barack Obama.\n\nBarack Obama: Thank you for the invitation.', date: '2016-09-04', source: 'http://kremlin.ru/x', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS SUPPORT asserted'] },
  // Being somewhere is no visit; being there with a named actor is a meeting, each way.
  { text: 'I am glad to be back in Moscow.', events: [], publisher: 'The White House' },
  { text: 'I am honoured to be here again in Moscow with President Putin.', date: '2013-05-01', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'], publisher: 'The White House' },
  { text: 'Russia had shared intelligence about the Boston bombers with the FBI.', events: ['RUS>USA COOPERATE asserted'] },
  { text: 'Moscow and Washington have been cooperating more intensely on counter terrorism.', events: ['RUS>USA COOPERATE asserted', 'USA>RUS COOPERATE asserted'] },
  { text: 'Moscow and Washington have not yet been able to reach an agreement on ballistic missile defence.', events: ['RUS>USA AGREE NEG asserted', 'USA>RUS AGREE NEG asserted'] },
  { text: 'Russia has demanded legally binding guarantees from the US and NATO.', events: ['RUS>NATO REQUEST asserted', 'RUS>USA REQUEST asserted'] },
  { text: 'Russia has vetoed resolutions in the UNSC and criticised the US.', events: ['RUS>UNSC REJECT asserted', 'RUS>USA ACCUSE asserted'] },
  { text: 'Russia, on its part, accuses the US of interfering in its internal affairs.', events: ['RUS>USA ACCUSE asserted'] },
  { text: 'Vladimir Putin met Barack Obama in Geneva.', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Russia will supply missiles to Syria.', events: ['RUS>SYR AID future'], source: 'http://kremlin.ru/x' },
  { text: 'We have expelled 35 Russian diplomats.', events: ['USA>RUS SANCTION asserted'], publisher: 'The White House, Office of the Press Secretary' },
  { text: 'We have expelled 35 Russian diplomats.', events: ['USA>RUS SANCTION asserted'], source: 'https://example.com/repost', publisher: 'U.S. Department of State' },
  { text: 'We have expelled 35 Russian diplomats.', events: [], publisher: 'A blog in Moscow' },
  { text: 'Russia is better placed if it can work with the United States.', events: [] },
  { text: 'If needed, we could supply missiles to Syria.', events: ['RUS>SYR AID hypothetical'], source: 'http://kremlin.ru/x' },
  { text: 'The United States issued an order that provides aid to Russia.', events: [] },
  { text: 'Our diplomats faced harassment in Moscow by Russian authorities.', events: ['RUS>USA COERCE asserted'], publisher: 'The White House' },
  { text: 'The United States sanctioned two governments: Russia and Iran.', events: ['USA>IRN SANCTION asserted', 'USA>RUS SANCTION asserted'] },
  { text: 'The two countries could also cooperate in exploring the Arctic resources.', events: [] },
  { text: 'Russia worries that the US might attack Iran.', events: [] },
  { text: 'Russia has relatively good ties with Iran.', events: [] },
  { text: 'The United States expels 35 Russian diplomats.', events: ['USA>RUS SANCTION asserted'] },
  { text: 'Russian President Vladimir Putin had a telephone conversation with US President Barack Obama.', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'ExxonMobil and Rosneft have agreed on a joint venture.', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: 'India condemned the attack.', events: [] },
  { text: 'The President said that he looked forward to hosting President Putin at Camp David.', events: ['USA>RUS CONSULT future'], publisher: 'The White House' },
  { text: 'Theresa May met Putin in London.', date: '2017-05-10', events: ['GBR>RUS CONSULT asserted', 'RUS>GBR CONSULT asserted'] },
  { text: 'Putin will visit India in May.', date: '2017-03-01', events: ['RUS>IND CONSULT future'] },
  { text: 'A man from Pakistan who was wrongly arrested in India gave an interview.', events: [] },
  { text: 'Obama spoke with Putin. The two leaders agreed to keep open their channels of communication.', events: ['RUS>USA AGREE asserted', 'RUS>USA CONSULT asserted', 'USA>RUS AGREE asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Obama spoke with Putin. Obama stressed a diplomatic solution to the crisis in Ukraine, and the two leaders agreed to keep open their channels of communication.', events: ['RUS>USA AGREE asserted', 'RUS>USA CONSULT asserted', 'USA>RUS AGREE asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Obama hosted Xi Jinping for a state visit.', events: ['CHN>USA CONSULT asserted', 'USA>CHN CONSULT asserted'] },
  { text: 'Obama hosted Xi Jinping.', events: ['USA>CHN CONSULT asserted'] },
  { text: 'Xi Jinping (retranslated): Thank you for your support. I wish you success, President Putin.', date: '2016-09-04', source: 'http://kremlin.ru/x', events: ['CHN>RUS SUPPORT asserted'] },
  { text: 'Xi Jinping (retranslated): It is a great pleasure to receive President Putin in Hangzhou.', date: '2016-09-04', source: 'http://kremlin.ru/x', events: ['CHN>RUS CONSULT asserted'] },
  { text: 'Vladimir Putin met Barack Obama.\n\nVladimir Putin: I am happy to be meeting with you again.', date: '2016-09-04', source: 'http://kremlin.ru/x',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA CONSULT asserted', 'RUS>USA SUPPORT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Vladimir Putin met Barack Obama.\n\nBarack Obama: Thank you for finding the time to meet with me.', date: '2016-09-04', source: 'http://kremlin.ru/x',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS SUPPORT asserted'] },
  { text: 'Vladimir Putin met Barack Obama.\n\nVladimir Putin: I know that you have held talks with our foreign minister.', date: '2016-09-04', source: 'http://kremlin.ru/x',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Putin and Obama stressed the importance of the inter-Syrian talks.', date: '2016-04-18', events: ['RUS>SYR SUPPORT asserted', 'USA>SYR SUPPORT asserted'] },
  { text: 'Putin and Obama stressed the importance of their cooperation on Syria.', date: '2016-04-18', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: 'Russia and the United States decided to hold talks in Geneva.', events: ['RUS>USA AGREE asserted', 'RUS>USA CONSULT future', 'USA>RUS AGREE asserted', 'USA>RUS CONSULT future'] },
  { text: 'Russia decided to withdraw its forces from Syria.', events: ['RUS>SYR RETREAT future'] },
  { text: 'The United States and China noted their mutual interests in supporting peace in Afghanistan.', events: ['CHN>USA AGREE asserted', 'USA>CHN AGREE asserted'] },
  { text: 'Russian President Vladimir Putin signs the Dima Yakovlev Law banning US citizens from adopting Russian children.', date: '2012-12-28', events: ['RUS>USA SANCTION asserted'] },
  { text: 'Obama and Putin signed the treaty.', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: "After Obama took over as President, he tried to 'reset' the US-Russia relationship.", events: ['USA>RUS AGREE asserted'] },
  { text: "Putin's officials accused the US of financing protests.", events: ['RUS>USA ACCUSE asserted'] },
  { text: 'Russia has published a stoplist of 18 American citizens.', events: ['RUS>USA SANCTION asserted'] },
  { text: 'Vladimir Putin had a telephone conversation with Barack Obama.\n\nMr Putin reiterated his condolences following the attack in Boston.', date: '2013-04-16',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA SUPPORT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Vladimir Putin met John Kerry.\n\nMr Kerry delivered a letter from Barack Obama.', date: '2013-04-16',
    events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Russia and the United States came to an agreement on Syria.', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: 'Putin met Obama.\n\nThe two presidents engaged in a detailed discussion of Syria.', date: '2013-04-16',
    events: ['RUS>USA CONSULT asserted', 'RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Russia and China signed 30 bilateral cooperation agreements.', events: ['CHN>RUS AGREE asserted', 'RUS>CHN AGREE asserted'] },
  { text: 'Russia and China celebrated their treaty [on friendship, good neighbourliness and cooperation].', events: ['CHN>RUS AGREE asserted', 'RUS>CHN AGREE asserted'] },
  { text: 'Russia has relatively good ties with Iran though it has agreed to an arms embargo on the country.', events: ['RUS>IRN SANCTION asserted'] },
  { text: 'The US has announced its deployment, which moves missiles away from Russia.', events: ['USA>RUS RETREAT future'] },
  { text: 'The UN Security Council imposed a no-fly zone over Syria.', events: ['UNSC>SYR COERCE asserted'] },
  { text: 'Mr Kerry arrived for a meeting with the Russian President.', date: '2016-03-24', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Switzerland and the United States met. Switzerland thanked the United States. Switzerland praised the United States. The treaty between Russia and the United States was signed in Bern.',
    events: ['CHE>USA CONSULT asserted', 'CHE>USA SUPPORT asserted', 'CHE>USA SUPPORT asserted', 'RUS>USA AGREE asserted', 'USA>CHE CONSULT asserted', 'USA>RUS AGREE asserted'] },
  { text: 'Russia and India met. I would like to stress that friendship with India is among the top priorities of our foreign policy.', source: 'http://kremlin.ru/x',
    events: ['IND>RUS CONSULT asserted', 'RUS>IND AGREE asserted', 'RUS>IND CONSULT asserted'] },
  { text: 'Russia and India have reached an unprecedented level of military cooperation.', events: [] },
  { text: 'Our diplomats in Moscow faced an unacceptable level of harassment by Russian authorities.', publisher: 'The White House', events: ['RUS>USA COERCE asserted'] },
  { text: "Obama highlighted Russia's recent invitation to join the World Trade Organization.", date: '2012-03-09', events: ['WTO>RUS AGREE asserted'] },
  { text: 'Obama and Putin outlined areas for future cooperation, including strengthening trade relations.', date: '2012-03-09', events: ['RUS>USA AGREE asserted', 'USA>RUS AGREE asserted'] },
  { text: 'Vladimir Putin met John Kerry.\n\nVladimir Putin: I very much hope that your visit will allow us to harmonise our positions as regards further settlement both in Syria and, as you said, in Ukraine.', date: '2016-03-24', source: 'http://kremlin.ru/x',
    events: ['RUS>USA AGREE asserted', 'RUS>USA CONSULT asserted', 'USA>RUS AGREE asserted', 'USA>RUS CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'Russia and China continue their practical cooperation.', events: [] },
  { text: 'Russia and China continue their cooperation on counter-terrorism.', events: ['CHN>RUS COOPERATE asserted', 'RUS>CHN COOPERATE asserted'] },
  { text: 'Obama affirms that the US will attend the upcoming meeting, despite differences with the Russian government.', date: '2013-08-07', events: [] },
  { text: 'Russia is a permanent member of the UN Security Council, a member of the WTO and NATO, and a key player in the Quartet on Middle East peace and the Syria talks.', events: [] },
  { text: 'Vladimir Putin met John Kerry.\n\nJohn Kerry: The FBI has come to Moscow to be of assistance.', date: '2016-03-24', source: 'http://kremlin.ru/x',
    events: ['RUS>USA CONSULT asserted', 'USA>RUS AID asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'The talks covered the World Trade Organization (WTO) and cooperation on Iran with Russia.', events: [] },
  { text: 'In August 2008, Putin directed military operations against Ukraine.', date: '2014-01-01', events: ['RUS>UKR ASSAULT asserted'] },
  { text: 'Washington and Moscow do not want Afghanistan to become a launching pad for extremists again after the US drawdown.', events: ['USA>AFG RETREAT asserted'] },
  { text: 'Putin and Xi Jinping reviewed bilateral relations and the international agenda.', date: '2016-09-04', events: ['CHN>RUS CONSULT asserted', 'RUS>CHN CONSULT asserted'] },
  { text: 'Russia reviewed its policy.', events: [] },
  { text: 'The visit to China of the President of Russia was discussed.', date: '2016-09-04', events: ['RUS>CHN CONSULT asserted'] },
  { text: 'Russia and the United States will establish a communication hotline.', events: ['RUS>USA COOPERATE future', 'USA>RUS COOPERATE future'] },
  { text: 'Putin gave a positive assessment of the work of the UN.', events: ['RUS>UN SUPPORT asserted'] },
  { text: 'Kerry and Lavrov met in Geneva, Switzerland, on Friday.', events: ['RUS>USA CONSULT asserted', 'USA>RUS CONSULT asserted'] },
  { text: 'The US and Russia met. The two countries signed an agreement.', events: ['RUS>USA AGREE asserted', 'RUS>USA CONSULT asserted', 'USA>RUS AGREE asserted', 'USA>RUS CONSULT asserted'] },
];

for (const c of cases) {
  test(`coder: ${c.text}`, () => {
    assert.deepEqual(code(c.text, c.date, c.source ?? null, c.publisher ?? null), [...c.events].sort());
  });
}

const actorCases: ReadonlyArray<{ text: string; actors: string[] }> = [
  { text: 'Putin will visit India in May.', actors: ['Putin', 'India'] },
  { text: 'Putin met Obama on 5 May 2013.', actors: ['Putin', 'Obama'] },
  { text: 'Putin met Obama on May 5.', actors: ['Putin', 'Obama'] },
  { text: 'Putin was criticised by May.', actors: ['Putin', 'May'] },
  { text: 'Obama and May met Putin.', actors: ['Obama', 'May', 'Putin'] },
  { text: 'Russia expelled the Moscow FBI chief.', actors: ['Russia', 'FBI'] },
];

for (const c of actorCases) {
  test(`coder: actors of "${c.text}"`, () => {
    const d = doc(c.text, '2013-07-15');
    const [s] = sentencesFromDoc(d);
    const { trace } = explainSentence(d, s!, config);
    assert.deepEqual(trace.mentions.filter((m) => m.actors.length > 0).map((m) => m.mention.text), c.actors);
  });
}

const contextCases: ReadonlyArray<{ text: string; has: string[]; not: string[] }> = [
  { text: 'Russia banned Americans from adopting Russian children.', has: ['human_rights'], not: [] },
  { text: 'Russia and the United States adopted a joint statement on Syria.', has: ['diplomatic'], not: ['human_rights'] },
  { text: 'Putin and Obama stressed the importance of their cooperation.', has: [], not: ['economic'] },
  { text: 'Russia and the United States agreed to increase imports.', has: ['economic'], not: [] },
  { text: 'Russia abstained from voting on the UN Security Council resolution.', has: [], not: ['election'] },
  { text: 'Russia and the United States held talks in a businesslike atmosphere.', has: ['diplomatic'], not: ['economic'] },
  { text: 'Russia demanded legally binding guarantees from the United States.', has: [], not: ['legal'] },
];

for (const c of contextCases) {
  test(`coder: contexts of "${c.text}"`, () => {
    const d = doc(c.text, '2013-07-15');
    const events = codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((x) => x.events);
    assert.ok(events.length > 0, 'an event');
    for (const e of events) {
      for (const x of c.has) assert.ok(e.contexts.includes(x as never), `${x} in ${e.contexts.join(',')}`);
      for (const x of c.not) assert.ok(!e.contexts.includes(x as never), `${x} not in ${e.contexts.join(',')}`);
    }
  });
}

test('coder: a section gives its issue to acts that name none, not to acts on the relationship as a whole', () => {
  const text = 'Missile Defence\n\nRussia and the United States agreed to continue talks. Obama tried to reset the US-Russia relationship.';
  const d: Doc = { ...doc(text, '2013-07-15'), sections: [{ title: 'Missile Defence', span: { start: 0, end: text.length } }] };
  const contexts = codedSentencesFromDoc(d, sentencesFromDoc(d), config).map((c) => c.events.map((e) => e.contexts.join(',')).join(';'));
  assert.deepEqual(contexts.filter(Boolean), ['military;military;diplomatic,military;diplomatic,military', 'diplomatic']);
});

test('coder: telling codes a meeting only in the record of a call or meeting', () => {
  const text = 'Putin told Obama that Russia would respect the ceasefire.';
  const types = (title: string | null): string[] => {
    const d: Doc = { ...doc(text, '2016-02-14'), meta: { title, date: '2016-02-14', source: null, publisher: null } };
    return codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((c) => c.events).filter((e) => e.type === 'CONSULT').map((e) => `${e.source.country}>${e.target.country}`);
  };
  assert.deepEqual(types('Telephone conversation with US President Barack Obama'), ['RUS>USA']);
  assert.deepEqual(types('Current events, 14 February 2016'), []);
});

const needs: ReadonlyArray<{ title: string; text: string; events: string[] }> = [
  // In the record of a call, a need stated with no one else named falls on the other side (a joint act).
  { title: 'Telephone conversation with US President Barack Obama', text: 'Vladimir Putin spoke with Barack Obama. Putin highlighted the importance of increasing trade.', events: ['RUS>USA REQUEST'] },
  // Not when the sentence names someone else, nor outside a call or meeting.
  { title: 'Telephone conversation with US President Barack Obama', text: 'Vladimir Putin spoke with Barack Obama. In discussing the Syrian crisis, Putin noted the need to end hostilities.', events: [] },
  { title: 'Current events, 14 February 2016', text: 'Vladimir Putin spoke with Barack Obama. Putin highlighted the importance of increasing trade.', events: [] },
];
for (const c of needs) {
  test(`coder: a stated need in "${c.title}": ${c.text}`, () => {
    const d: Doc = { ...doc(c.text, '2013-03-28'), meta: { title: c.title, date: '2013-03-28', source: null, publisher: null } };
    for (const prefilter of [true, false]) {
      const events = codedSentencesFromDoc(d, sentencesFromDoc(d), config, { prefilter }).flatMap((x) => x.events).filter((e) => e.type === 'REQUEST');
      assert.deepEqual(events.map((e) => `${e.source.country}>${e.target.country} ${e.type}`), c.events, `prefilter ${prefilter}`);
    }
  });
}

test('coder: an event whose type is not its rule\'s takes its type\'s CAMEO code', () => {
  const d = doc('Putin and Obama stressed the importance of the inter-Syrian talks.', '2016-04-18');
  const events = codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((x) => x.events);
  assert.deepEqual(events.map((e) => `${e.type} ${e.cameo}`), ['SUPPORT 051', 'SUPPORT 051']);
});

const theaterCases: ReadonlyArray<{ text: string; theater: (string | null)[] }> = [
  { text: 'Russia has criticised the US for its policy in Syria.', theater: ['SYR'] },
  { text: 'Russia and the US announced at the meeting held in June in Geneva, Switzerland that they will intensify cooperation against terrorism.', theater: [null, null] },
  { text: 'Russia helped Iran build a nuclear plant despite US opposition.', theater: [null, null] },
  // A state's own organ (its legislature) is that state, not a place the act is about.
  { text: 'Russia criticised Iran, citing a resolution of Congress.', theater: [null] },
];

for (const c of theaterCases) {
  test(`coder: theater of "${c.text}"`, () => {
    const d = doc(c.text, '2013-07-15');
    const events = codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((x) => x.events);
    assert.deepEqual(events.map((e) => e.theater), c.theater);
  });
}

test('coder: every event carries its evidence', () => {
  const d = doc('Intro line.\n\nRussia has criticised the US for its policy in Syria.');
  const [e] = codedSentencesFromDoc(d, sentencesFromDoc(d), config).flatMap((c) => c.events);
  assert.ok(e);
  assert.equal(e.sentence?.index, 1);
  assert.equal(d.text.slice(e.sentence!.start, e.sentence!.end), e.sentence!.text);
  assert.equal(d.text.slice(e.span!.start, e.span!.end), 'criticised');
  assert.equal(d.text.slice(e.source.span!.start, e.source.span!.end), 'Russia');
  assert.equal(d.text.slice(e.target.span!.start, e.target.span!.end), 'the US');
  assert.match(e.rule, /^criticize \(verbs\.tsv:\d+\)/);
  assert.ok(e.entries.includes('verb:criticize'));
  assert.equal(e.theater, 'SYR');
  assert.equal(e.quad, 3);
  assert.equal(e.intensity, -3);
});

test('coder: the pre-filter changes no event', () => {
  const d = doc('Relations remain minimal. Russia has criticised the US. Trade reached $40 billion. The two countries could cooperate. Obama called Putin.');
  const on = codedSentencesFromDoc(d, sentencesFromDoc(d), config, { prefilter: true });
  const off = codedSentencesFromDoc(d, sentencesFromDoc(d), config, { prefilter: false });
  assert.deepEqual(on.flatMap((c) => c.events), off.flatMap((c) => c.events));
  assert.ok(on.some((c) => !c.analysed));
  assert.equal(on.find((c) => c.sentence.text.startsWith('Relations'))?.reasons[0]?.kind, 'no-trigger');
});
