import { actorIndexFromLexicon } from '../../src/coding/actor-index.ts';
import type { ActorLexicon } from '../../src/coding/actor-index.ts';
import { lemmaMapOf, verbFormsOf } from '../../src/coding/coder.ts';
import type { CoderConfig } from '../../src/coding/coder.ts';
import { defaultContextIndex, defaultVerbIndex } from '../../src/coding/verbs.ts';
import { defaultStateIndex } from '../../src/coding/assessments.ts';
import type { CountryEntry } from '../../src/coding/lexicon-types.ts';

function country(code: string, names: string[], adjectives: string[], demonyms: string[], metonyms: string[]): CountryEntry {
  return { code, kind: 'state', name: names[0]!, names, adjectives, demonyms, metonyms, cameo: code, fips: null, iso2: null };
}

/** A small lexicon written for the tests, so they do not move when the shipped dictionaries grow. */
export const TEST_LEXICON: ActorLexicon = {
  countries: [
    country('USA', ['United States', 'the United States of America', 'US', 'U.S.', 'America', 'USA'], ['American', 'US', 'U.S.'], ['Americans'], ['Washington', 'the White House']),
    country('RUS', ['Russia', 'Russian Federation'], ['Russian'], ['Russians'], ['Moscow', 'the Kremlin']),
    country('CHN', ['China', "People's Republic of China"], ['Chinese'], ['Chinese'], ['Beijing']),
    country('IND', ['India'], ['Indian'], ['Indians'], ['New Delhi', 'Delhi']),
    country('PAK', ['Pakistan'], ['Pakistani'], ['Pakistanis'], ['Islamabad']),
    country('SYR', ['Syria'], ['Syrian'], ['Syrians'], ['Damascus']),
    country('IRN', ['Iran'], ['Iranian'], ['Iranians'], ['Tehran']),
    country('AFG', ['Afghanistan'], ['Afghan'], ['Afghans'], ['Kabul']),
    country('UKR', ['Ukraine'], ['Ukrainian'], ['Ukrainians'], ['Kyiv', 'Kiev']),
    country('GBR', ['United Kingdom', 'Britain'], ['British'], ['Britons'], ['London']),
    country('CHE', ['Switzerland'], ['Swiss'], [], ['Bern']),
  ],
  igos: [
    { id: 'nato', code: 'NATO', name: 'NATO', names: ['NATO', 'North Atlantic Treaty Organization'] },
    { id: 'unsc', code: 'UNSC', name: 'UN Security Council', names: ['UNSC', 'UN Security Council', 'Security Council'] },
    { id: 'un', code: 'UN', name: 'United Nations', names: ['UN', 'U.N.', 'United Nations'] },
    { id: 'wto', code: 'WTO', name: 'World Trade Organization', names: ['WTO', 'World Trade Organization'] },
  ],
  bodies: [
    { id: 'usa-fbi', country: 'USA', sector: 'SPY', kind: 'agency', names: ['FBI', 'Federal Bureau of Investigation'] },
    { id: 'usa-congress', country: 'USA', sector: 'LEG', kind: 'legislature', names: ['Congress'] },
    { id: 'rus-rosneft', country: 'RUS', sector: 'BUS', kind: 'company', names: ['Rosneft'] },
    { id: 'usa-exxonmobil', country: 'USA', sector: 'BUS', kind: 'company', names: ['ExxonMobil'] },
    { id: 'rus-dima-yakovlev-act', country: 'RUS', sector: 'LEG', kind: 'law', names: ['Dima Yakovlev Law', 'Dima Yakovlev Act'] },
  ],
  people: [
    { id: 'vladimir-putin', names: ['Vladimir Putin', 'Putin'], country: 'RUS', sector: 'GOV', roles: [
      { title: 'prime minister', country: 'RUS', sector: 'GOV', from: '2008-05-08', to: '2012-05-07' },
      { title: 'president', country: 'RUS', sector: 'GOV', from: '2012-05-07', to: null },
    ] },
    { id: 'barack-obama', names: ['Barack Obama', 'Obama'], country: 'USA', sector: 'GOV', roles: [
      { title: 'senator', country: 'USA', sector: 'LEG', from: '2005-01-03', to: '2008-11-16' },
      { title: 'president', country: 'USA', sector: 'GOV', from: '2009-01-20', to: '2017-01-20' },
    ] },
    { id: 'john-kerry', names: ['John Kerry', 'Kerry'], country: 'USA', sector: 'GOV', roles: [
      { title: 'secretary of state', country: 'USA', sector: 'GOV', from: '2013-02-01', to: '2017-01-20' },
    ] },
    { id: 'sergei-lavrov', names: ['Sergei Lavrov', 'Lavrov'], country: 'RUS', sector: 'GOV', roles: [] },
    { id: 'xi-jinping', names: ['Xi Jinping', 'Xi'], country: 'CHN', sector: 'GOV', roles: [] },
    { id: 'theresa-may', names: ['Theresa May', 'May'], ambiguous: ['May'], country: 'GBR', sector: 'GOV', roles: [
      { title: 'home secretary', country: 'GBR', sector: 'GOV', from: '2010-05-12', to: '2016-07-13' },
      { title: 'prime minister', country: 'GBR', sector: 'GOV', from: '2016-07-13', to: '2019-07-24' },
    ] },
  ],
  agents: [
    ...['president', 'foreign minister', 'secretary of state', 'officials', 'authorities', 'government', 'side', 'leaders', 'diplomats', 'minister']
      .map((words) => ({ words, sector: 'GOV' as const, animate: true })),
    ...['troops', 'forces', 'army', 'military'].map((words) => ({ words, sector: 'MIL' as const, animate: true })),
    ...['citizens', 'children', 'activists'].map((words) => ({ words, sector: 'CVL' as const, animate: true })),
    ...['firms'].map((words) => ({ words, sector: 'BUS' as const, animate: true })),
  ],
  regions: [
    { id: 'central-asia', name: 'Central Asia', names: ['Central Asia'], code: null },
    { id: 'crimea', name: 'Crimea', names: ['Crimea'], code: 'UKR' },
  ],
  places: [
    { id: 'geneva', name: 'Geneva', country: 'CHE', names: ['Geneva'] },
  ],
};

/** A coder configuration over the test lexicon and the shipped verb and context dictionaries. */
export function testConfig(): CoderConfig {
  const verbs = defaultVerbIndex();
  return {
    actors: actorIndexFromLexicon(TEST_LEXICON),
    verbs,
    lemmas: lemmaMapOf(verbs),
    verbForms: verbFormsOf(verbs),
    contexts: defaultContextIndex(),
    states: defaultStateIndex(),
    publishers: [{ domain: 'kremlin.ru', country: 'RUS', sector: 'GOV' }, { domain: 'whitehouse.gov', country: 'USA', sector: 'GOV' }],
    igoCodes: new Set(['NATO', 'UNSC', 'UN', 'WTO', 'IGO']),
  };
}
