import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  bodyAppliesOn, countryByCode, countryCodeFromCameo, countryCodeFromFips, countryCodeFromIso2, countryCodeFromName,
  countryCodeFromPlace, entryIdOf, hitsFromName, loadLexicon, nameKey, periodOf, personFromName, regionFromCameo, roleOn,
  type Lexicon,
} from '../../src/coding/dictionaries.ts';
import type { PersonEntry } from '../../src/coding/lexicon-types.ts';
import { ConfigError, InputError } from '../../src/errors.ts';

const lexicon: Lexicon = loadLexicon();

test('dictionaries: the real dictionaries load, with every part filled', () => {
  assert.ok(lexicon.countries.length >= 250, `countries: ${lexicon.countries.length}`);
  assert.ok(lexicon.igos.length >= 80);
  assert.ok(lexicon.bodies.length >= 400);
  assert.ok(lexicon.people.length >= 500);
  assert.ok(lexicon.people.reduce((n, p) => n + p.roles.length, 0) >= 1000);
  assert.ok(lexicon.agents.length >= 400);
  assert.ok(lexicon.regions.length >= 80);
  assert.ok(lexicon.places.length >= 400);
  assert.equal(loadLexicon(), lexicon, 'cached per directory');
});

// The 193 UN member states, by ISO 3166-1 alpha-3.
const UN_MEMBERS = `AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN BGR BFA BDI
CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK
KOR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM
NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN
SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE
GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE`.split(/\s+/);

test('dictionaries: every UN member state is a state row', () => {
  assert.equal(UN_MEMBERS.length, 193);
  const missing = UN_MEMBERS.filter((code) => countryByCode(lexicon, code)?.kind !== 'state');
  assert.deepEqual(missing, []);
});

const otherCountries: ReadonlyArray<[string, string]> = [
  ['VAT', 'observer'], ['PSE', 'observer'], ['XKX', 'state'], ['TWN', 'state'],
  ['HKG', 'territory'], ['MAC', 'territory'], ['PRI', 'territory'], ['GRL', 'territory'], ['ESH', 'territory'],
];
for (const [code, kind] of otherCountries) {
  test(`dictionaries: ${code} is present as ${kind}`, () => assert.equal(countryByCode(lexicon, code)?.kind, kind));
}

// Country names as news and ICEWS write them.
const countryNames: ReadonlyArray<[string, string | null]> = [
  ['Russia', 'RUS'], ['Russian Federation', 'RUS'], ['the Russian Federation', 'RUS'], ['the US', 'USA'], ['U.S.', 'USA'],
  ['United States of America', 'USA'], ['Britain', 'GBR'], ['UK', 'GBR'], ['DPRK', 'PRK'], ['Republic of Korea', 'KOR'],
  ['Islamic Republic of Iran', 'IRN'], ['Burma', 'MMR'], ['Ivory Coast', 'CIV'], ["Cote d'Ivoire", 'CIV'], ["Côte d’Ivoire", 'CIV'],
  ['Moldova, Republic of', 'MDA'], ['Occupied Palestinian Territory', 'PSE'], ['the former Yugoslav Republic of Macedonia', 'MKD'],
  ['Democratic Republic of Congo', 'COD'], ['Congo', 'COG'], ['Swaziland', 'SWZ'], ['Holy See', 'VAT'], ['Türkiye', 'TUR'],
  ['Soviet Union', 'RUS'], ['USSR', 'RUS'], ['East Germany', 'DEU'], ['Yugoslavia', 'SRB'], ['Atlantis', null], ['NA', null],
];
for (const [name, code] of countryNames) {
  test(`dictionaries: country name "${name}" → ${code}`, () => assert.equal(countryCodeFromName(lexicon, name), code));
}

// Name → what it means: [name, kind, code, sector or how].
const resolutions: ReadonlyArray<[string, string, string, string]> = [
  ['Moscow', 'country', 'RUS', 'metonym'],
  ['the Kremlin', 'country', 'RUS', 'metonym'],
  ['the White House', 'country', 'USA', 'metonym'],
  ['Zhongnanhai', 'country', 'CHN', 'metonym'],
  ['Soviet', 'country', 'RUS', 'adjective'],
  ['Americans', 'country', 'USA', 'demonym'],
  ['the Pentagon', 'body', 'USA', 'MIL'],
  ['FBI', 'body', 'USA', 'SPY'],
  ['Duma', 'body', 'RUS', 'LEG'],
  ['Rosneft', 'body', 'RUS', 'BUS'],
  ['ExxonMobil', 'body', 'USA', 'BUS'],
  ['Magnitsky Act', 'body', 'USA', 'LEG'],
  ['Dima Yakovlev Act', 'body', 'RUS', 'LEG'],
  ['Nunn-Lugar Cooperative Threat Reduction (CTR) Program', 'body', 'USA', 'GOV'],
  ['IRGC', 'body', 'IRN', 'MIL'],
  ['RT', 'body', 'RUS', 'MED'],
  ['the Northern Alliance', 'body', 'AFG', 'REB'],
  ['G-8', 'igo', 'G8', '-'],
  ['U.N. General Assembly', 'igo', 'IGO', '-'],
  ['ISAF', 'igo', 'NATO', '-'],
  ['UNSC', 'igo', 'UNSC', '-'],
  ['troops', 'agent', '-', 'MIL'],
  ['spokesperson', 'agent', '-', 'GOV'],
  ['Crimea', 'region', 'UKR', '-'],
  ['Camp David', 'place', 'USA', '-'],
];
for (const [name, kind, code, detail] of resolutions) {
  test(`dictionaries: "${name}" is a ${kind} ${code} ${detail}`, () => {
    const hits = hitsFromName(lexicon, name);
    const found = hits.some((h) => {
      switch (h.kind) {
        case 'country': return kind === 'country' && h.entry.code === code && h.how === detail;
        case 'body': return kind === 'body' && h.entry.country === code && h.entry.sector === detail;
        case 'igo': return kind === 'igo' && h.entry.code === code;
        case 'agent': return kind === 'agent' && h.entry.sector === detail;
        case 'region': return kind === 'region' && h.entry.code === code;
        case 'place': return kind === 'place' && h.entry.country === code;
        default: return false;
      }
    });
    assert.ok(found, `got ${hits.map(entryIdOf).join(', ') || 'nothing'}`);
  });
}

const person = (id: string): PersonEntry => {
  const p = lexicon.people.find((x) => x.id === id);
  assert.ok(p, `no person ${id}`);
  return p;
};

// [person, date, country, sector, title]
const roles: ReadonlyArray<[string, string | null, string, string, string | null]> = [
  ['vladimir-putin', '2010-06-01', 'RUS', 'GOV', 'prime minister'],
  ['vladimir-putin', '2004-06-01', 'RUS', 'GOV', 'president'],
  ['vladimir-putin', '2013', 'RUS', 'GOV', 'president'],
  ['vladimir-putin', '1999-01', 'RUS', 'SPY', 'director of the FSB'],
  ['dmitry-medvedev', '2010-06-01', 'RUS', 'GOV', 'president'],
  ['dmitry-medvedev', '2015-03', 'RUS', 'GOV', 'prime minister'],
  ['barack-obama', '2013-07-15', 'USA', 'GOV', 'president'],
  ['barack-obama', '2006', 'USA', 'LEG', 'senator from Illinois'],
  ['barack-obama', '2017-01-20', 'USA', 'GOV', null],
  ['john-kerry', '2016-03-24', 'USA', 'GOV', 'secretary of state'],
  ['john-kerry', '2013', 'USA', 'GOV', 'secretary of state'],
  ['john-kerry', '2010-05-01', 'USA', 'LEG', 'senator from Massachusetts'],
  ['chuck-hagel', '2014-01-01', 'USA', 'GOV', 'secretary of defense'],
  ['mitt-romney', '2012-10', 'USA', 'OPP', 'Republican presidential nominee'],
  ['mitt-romney', '2020', 'USA', 'LEG', 'senator from Utah'],
  ['donald-trump', '2025-06-01', 'USA', 'GOV', 'president'],
  ['donald-trump', '2022-06-01', 'USA', 'GOV', null],
  ['ban-ki-moon', '2010', 'UN', 'GOV', 'secretary-general of the United Nations'],
  ['ban-ki-moon', '2005', 'KOR', 'GOV', 'foreign minister'],
  ['gerhard-schroeder', '2019', 'RUS', 'BUS', 'chairman of the Rosneft board'],
  ['edward-snowden', '2013-06-10', 'USA', 'CVL', null],
  ['vladimir-putin', null, 'RUS', 'GOV', null],
];
for (const [id, date, country, sector, title] of roles) {
  test(`dictionaries: roleOn ${id} on ${date ?? 'no date'} → ${country} ${sector} ${title ?? '(default)'}`, () => {
    assert.deepEqual(roleOn(person(id), date), { country, sector, title });
  });
}

test('dictionaries: roleOn rejects a malformed date', () => {
  assert.throws(() => roleOn(person('vladimir-putin'), '2013-13'), InputError);
});

// Shared surnames resolve by who held office on the date.
const shared: ReadonlyArray<[string, string | null, string | null]> = [
  ['Bush', '2003-03-20', 'george-w-bush'], ['Bush', '1990', 'george-h-w-bush'], ['Bush', null, null],
  ['Kim', '2005', 'kim-jong-il'], ['Kim', '2018-06-12', 'kim-jong-un'], ['Assad', '1995', 'hafez-al-assad'],
  ['Lavrov', null, 'sergey-lavrov'], ['Nobody Atall', '2010', null],
];
for (const [name, date, id] of shared) {
  test(`dictionaries: personFromName "${name}" on ${date ?? 'no date'} → ${id}`, () => {
    assert.equal(personFromName(lexicon, name, date)?.id ?? null, id);
  });
}

const codes: ReadonlyArray<[(l: Lexicon, c: string) => string | null, string, string | null]> = [
  [countryCodeFromCameo, 'ROM', 'ROU'], [countryCodeFromCameo, 'RUS', 'RUS'], [countryCodeFromCameo, 'TMP', 'TLS'],
  [countryCodeFromCameo, 'TLS', 'TLS'], [countryCodeFromCameo, 'EUR', null],
  [countryCodeFromFips, 'RS', 'RUS'], [countryCodeFromFips, 'UP', 'UKR'], [countryCodeFromFips, 'GM', 'DEU'],
  [countryCodeFromFips, 'UK', 'GBR'], [countryCodeFromFips, 'CH', 'CHN'], [countryCodeFromFips, 'GZ', 'PSE'],
  [countryCodeFromFips, 'ZZ', null],
  [countryCodeFromIso2, 'ru', 'RUS'], [countryCodeFromIso2, 'GB', 'GBR'],
  [countryCodeFromPlace, 'Geneva', 'CHE'], [countryCodeFromPlace, 'Moscow', 'RUS'], [countryCodeFromPlace, 'Crimea', 'UKR'],
  [countryCodeFromPlace, 'Guantanamo Bay', 'USA'], [countryCodeFromPlace, 'Kashmir', null], [countryCodeFromPlace, 'Brest', null],
];
for (const [fn, code, expected] of codes) {
  test(`dictionaries: ${fn.name}("${code}") → ${expected}`, () => assert.equal(fn(lexicon, code), expected));
}

test('dictionaries: CAMEO region codes name regions', () => {
  assert.equal(regionFromCameo(lexicon, 'EUR')?.name, 'Europe');
  assert.equal(regionFromCameo(lexicon, 'MEA')?.name, 'Middle East');
  assert.equal(regionFromCameo(lexicon, 'XXX'), null);
});

test('dictionaries: a body whose sector changed applies only in its dates', () => {
  const taliban = lexicon.bodies.filter((b) => b.names.includes('Taliban'));
  const on = (date: string): string[] => taliban.filter((b) => bodyAppliesOn(b, date)).map((b) => b.sector);
  assert.deepEqual(on('2015-05-01'), ['REB']);
  assert.deepEqual(on('2023'), ['GOV']);
  assert.deepEqual(on('2021').sort(), ['GOV', 'REB']);
});

const keys: ReadonlyArray<[string, string]> = [
  ['the Élysée', 'elysee'], ['The  United   States', 'united states'], ['Côte d’Ivoire', "cote d'ivoire"], ['U.S.', 'u.s.'],
];
for (const [text, key] of keys) test(`dictionaries: nameKey("${text}")`, () => assert.equal(nameKey(text), key));

const periods: ReadonlyArray<[string, boolean]> = [['2013', true], ['2013-06', true], ['2013-06-30', true], ['2013-02-30', false], ['2013-00', false], ['13-06', false]];
for (const [date, ok] of periods) test(`dictionaries: periodOf("${date}") ${ok ? 'parses' : 'rejects'}`, () => assert.equal(periodOf(date) !== null, ok));

// ---- validation, on small dictionaries written to a temporary directory ----

const AS_OF = '# test dictionary\n# as of 2026-01-01\n';
const minimal: Readonly<Record<string, readonly string[]>> = {
  'countries.tsv': [
    'code\tkind\tname\tnames\tadjectives\tdemonyms\tmetonyms\tcameo\tfips\tiso2\tambiguous',
    'RUS\tstate\tRussia\tRussia|Russian Federation\tRussian\tRussians\tMoscow|the Kremlin\tRUS\tRS\tRU\t-',
    'USA\tstate\tUnited States\tUnited States|US|U.S.\tAmerican\tAmericans\tWashington\tUSA\tUS\tUS\t-',
    'RUS\thistorical\tSoviet Union\tSoviet Union|USSR\tSoviet\tSoviets\t-\t-\t-\t-\t-',
  ],
  'igos.tsv': ['id\tcode\tname\tnames\tambiguous', 'un\tUN\tUnited Nations\tUnited Nations|UN|U.N.\t-'],
  'bodies.tsv': ['id\tcountry\tsector\tkind\tnames\tfrom\tto\tambiguous', 'fsb\tRUS\tSPY\tagency\tFSB|Federal Security Service\t-\t-\t-'],
  'people.tsv': ['id\tnames\tcountry\tsector\tambiguous', 'vladimir-putin\tVladimir Putin|Putin\tRUS\tGOV\t-'],
  'roles.tsv': [
    'person\ttitle\tcountry\tsector\tfrom\tto',
    'vladimir-putin\tpresident\tRUS\tGOV\t2000-05-07\t2008-05-07',
    'vladimir-putin\tprime minister\tRUS\tGOV\t2008-05-08\t2012-05-07',
  ],
  'agents.tsv': ['words\tsector\tanimate', 'officials\tGOV\tyes'],
  'regions.tsv': ['id\tname\tnames\tcode\tfips\tcameo\tambiguous', 'central-asia\tCentral Asia\tCentral Asia\t-\t-\tCAS\t-'],
  'places.tsv': ['id\tname\tcountry\tnames\tambiguous', 'sochi\tSochi\tRUS\tSochi\t-'],
};
const headerLines = AS_OF.split('\n').length - 1;

const dirs: string[] = [];
after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Writes the minimal dictionaries with `changes` applied (file → data-line index (0 = column line) → new text, or extra lines). */
function writeDictionaries(changes: Readonly<Record<string, { line?: number; text?: string; append?: string; header?: string }>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'detente-dict-'));
  dirs.push(dir);
  for (const [file, lines] of Object.entries(minimal)) {
    const change = changes[file];
    const body = [...lines];
    if (change?.line !== undefined && change.text !== undefined) body[change.line] = change.text;
    if (change?.append !== undefined) body.push(change.append);
    writeFileSync(join(dir, file), `${change?.header ?? AS_OF}${body.join('\n')}\n`);
  }
  return dir;
}

test('dictionaries: the minimal test dictionaries load', () => {
  const lex = loadLexicon(writeDictionaries({}));
  assert.equal(lex.people[0]?.roles.length, 2);
  assert.equal(countryCodeFromName(lex, 'USSR'), 'RUS');
});

test('dictionaries: a name shared on purpose loads when both rows mark it ambiguous', () => {
  const lex = loadLexicon(writeDictionaries({
    'people.tsv': { append: 'vladimir-putin-2\tVladimir Putin the Second|Putin\tRUS\tGOV\tPutin', line: 1, text: 'vladimir-putin\tVladimir Putin|Putin\tRUS\tGOV\tPutin' },
  }));
  assert.equal(lex.people.length, 2);
});

// [what, file, change, data line at fault (1 = first row) or null for the file, message pattern]
const failures: ReadonlyArray<[string, string, { line?: number; text?: string; append?: string; header?: string }, number | null, RegExp]> = [
  ['unknown sector', 'bodies.tsv', { line: 1, text: 'fsb\tRUS\tSPOOK\tagency\tFSB\t-\t-\t-' }, 1, /unknown sector "SPOOK"/],
  ['unknown body country', 'bodies.tsv', { line: 1, text: 'fsb\tXYZ\tSPY\tagency\tFSB\t-\t-\t-' }, 1, /unknown country code "XYZ"/],
  ['unknown body kind', 'bodies.tsv', { line: 1, text: 'fsb\tRUS\tSPY\tbureau\tFSB\t-\t-\t-' }, 1, /unknown kind "bureau"/],
  ['unknown person country', 'people.tsv', { line: 1, text: 'vladimir-putin\tVladimir Putin\tRUX\tGOV\t-' }, 1, /unknown country code "RUX"/],
  ['unknown place country', 'places.tsv', { line: 1, text: 'sochi\tSochi\tGEO\tSochi\t-' }, 1, /unknown country code "GEO"/],
  ['unknown region code', 'regions.tsv', { line: 1, text: 'central-asia\tCentral Asia\tCentral Asia\tKAZ\t-\tCAS\t-' }, 1, /unknown country code "KAZ"/],
  ['malformed date', 'roles.tsv', { line: 1, text: 'vladimir-putin\tpresident\tRUS\tGOV\t2000-13-07\t2008-05-07' }, 1, /malformed from date "2000-13-07"/],
  ['to before from', 'roles.tsv', { line: 1, text: 'vladimir-putin\tpresident\tRUS\tGOV\t2008-05-07\t2000-05-07' }, 1, /is not after "from"/],
  ['empty from', 'roles.tsv', { line: 1, text: 'vladimir-putin\tpresident\tRUS\tGOV\t-\t2008-05-07' }, 1, /from date is empty/],
  ['overlapping sectors', 'roles.tsv', { append: 'vladimir-putin\tdirector of the FSB\tRUS\tSPY\t2007\t2009' }, 3, /overlaps "president" .*line/],
  ['unknown person', 'roles.tsv', { append: 'dmitry-medvedev\tpresident\tRUS\tGOV\t2008-05-07\t2012-05-07' }, 3, /unknown person "dmitry-medvedev"/],
  ['duplicate id', 'people.tsv', { append: 'vladimir-putin\tV. Putin\tRUS\tGOV\t-' }, 2, /duplicate id "vladimir-putin" \(first at line/],
  ['id not kebab-case', 'igos.tsv', { line: 1, text: 'United_Nations\tUN\tUnited Nations\tUN\t-' }, 1, /kebab-case/],
  ['colliding names', 'countries.tsv', { line: 2, text: 'USA\tstate\tUnited States\tUnited States|Russia\tAmerican\tAmericans\tWashington\tUSA\tUS\tUS\t-' }, 2, /"Russia" also names RUS/],
  ['colliding people', 'people.tsv', { append: 'putin-impostor\tPutin\tRUS\tOPP\t-' }, 2, /"Putin" also names person "vladimir-putin"/],
  ['ambiguous name not in row', 'countries.tsv', { line: 1, text: 'RUS\tstate\tRussia\tRussia\tRussian\tRussians\tMoscow\tRUS\tRS\tRU\tGeorgia' }, 1, /"Georgia" is not one of this row's names/],
  ['empty names', 'people.tsv', { line: 1, text: 'vladimir-putin\t-\tRUS\tGOV\t-' }, 1, /names is empty/],
  ['empty list item', 'countries.tsv', { line: 1, text: 'RUS\tstate\tRussia\tRussia||Russian Federation\tRussian\tRussians\tMoscow\tRUS\tRS\tRU\t-' }, 1, /empty item in names/],
  ['bad country kind', 'countries.tsv', { line: 1, text: 'RUS\tempire\tRussia\tRussia\tRussian\tRussians\tMoscow\tRUS\tRS\tRU\t-' }, 1, /unknown kind "empire"/],
  ['historical without successor', 'countries.tsv', { line: 3, text: 'YUG\thistorical\tYugoslavia\tYugoslavia\t-\t-\t-\t-\t-\t-\t-' }, 3, /coded to "YUG", which has no state/],
  ['duplicate FIPS', 'countries.tsv', { line: 2, text: 'USA\tstate\tUnited States\tUnited States\tAmerican\tAmericans\tWashington\tUSA\tRS\tUS\t-' }, 2, /duplicate fips code "RS"/],
  ['IGO code that is a country', 'igos.tsv', { line: 1, text: 'un\tRUS\tUnited Nations\tUN\t-' }, 1, /already a country code/],
  ['animate not yes/no', 'agents.tsv', { line: 1, text: 'officials\tGOV\tmaybe' }, 1, /animate must be "yes" or "no"/],
  ['agent not lower-case', 'agents.tsv', { line: 1, text: 'Officials\tGOV\tyes' }, 1, /lower-case/],
  ['duplicate agent', 'agents.tsv', { append: 'officials\tGOV\tyes' }, 2, /listed twice/],
  ['header without as-of', 'places.tsv', { header: '# places for a test\n' }, null, /as of/],
  ['wrong columns', 'agents.tsv', { line: 0, text: 'word\tsector\tanimate' }, null, /expected columns words, sector, animate/],
];
for (const [what, file, change, row, pattern] of failures) {
  test(`dictionaries: rejects ${what} naming ${file}${row === null ? '' : `:${row}`}`, () => {
    const dir = writeDictionaries({ [file]: change });
    assert.throws(() => loadLexicon(dir), (e: unknown) => {
      assert.ok(e instanceof ConfigError, `not a ConfigError: ${String(e)}`);
      const where = row === null ? (what === 'header without as-of' ? `${file}:1` : file) : `${file}:${headerLines + 1 + row}`;
      assert.ok(e.where.endsWith(where), `where ${e.where}, expected …${where}`);
      assert.match(e.message, pattern);
      return true;
    });
  });
}
