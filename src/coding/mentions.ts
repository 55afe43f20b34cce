import type { ActorCode, Sector, Token } from '../types.ts';
import { rawMatches } from './actor-index.ts';
import type { ActorIndex, Candidate, CandidateKind, RawMatch } from './actor-index.ts';
import {
  FIRST_PLURAL, FIRST_SINGULAR, HONORIFICS, SECOND, THIRD_PLURAL, THIRD_SINGULAR_PERSON, THIRD_SINGULAR_THING,
} from './grammar.ts';
import { roleOn } from './dictionaries.ts';
import type { PersonOnDate } from './dictionaries.ts';
import type { PersonEntry } from './lexicon-types.ts';

/** A word of a sentence, with POS when the sentence was tagged. */
export type Word = Token;

/** An actor as resolved from the dictionaries. */
export interface Resolved {
  readonly country: ActorCode;
  readonly sector: Sector | null;
  readonly entry: string;
}

export type MentionKind = 'actor' | 'adjectival' | 'location' | 'title' | 'pronoun' | 'collective' | 'pair';

/** A stretch of a sentence that names (or points to) an actor or a place. */
export interface Mention {
  readonly first: number;
  readonly last: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly kind: MentionKind;
  readonly ref: Resolved | null;
  readonly pair: readonly [Resolved, Resolved] | null;
  /** Pronoun or collective key (`he`, `they`, `we`, `latter`, `two-countries`, …). */
  readonly pronoun: string | null;
  readonly possessive: boolean;
  readonly plural: boolean;
  /** Title of an unresolved office ("the President"), for resolution from context. */
  readonly title: string | null;
  /** Theater this mention can give: ISO3 of a country or place, or a region name. */
  readonly theater: string | null;
  /** Whether a person is named (for "he"). */
  readonly person: boolean;
  /** Whether it names a head of state or government (for "the President"). */
  readonly head: boolean;
  /** Whether the mention is a city or venue (where something happens), not a state or region. */
  readonly place: boolean;
  /** Whether a verb follows it, as it follows a clause's subject ("it has agreed"). */
  readonly subject: boolean;
}

/** Offices that make a person the head of their country's government when unnamed ("the President"). */
const HEAD_TITLES = new Set(['president', 'prime minister', 'premier', 'chancellor', 'leader', 'president-elect', 'head of state']);

const COLLECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['the two countries', 'pair'], ['both countries', 'pair'], ['the two nations', 'pair'], ['both nations', 'pair'],
  ['the two sides', 'pair'], ['both sides', 'pair'], ['the sides', 'pair'], ['the two leaders', 'pair'],
  ['both leaders', 'pair'], ['the leaders', 'pair'], ['the two presidents', 'pair'], ['both presidents', 'pair'],
  ['the presidents', 'pair'], ['the two governments', 'pair'], ['both governments', 'pair'], ['the two states', 'pair'],
  ['our countries', 'pair'], ['our two countries', 'pair'], ['our nations', 'pair'], ['our two nations', 'pair'],
  ['our states', 'pair'], ['our two states', 'pair'], ['the two heads of state', 'pair'], ['the heads of state', 'pair'],
  ['the two ministers', 'pair'], ['the ministers', 'pair'], ['the parties', 'pair'], ['both parties', 'pair'],
  ['the two parties', 'pair'], ['the two', 'pair'], ['each other', 'pair'], ['one another', 'pair'],
  ['the latter', 'latter'], ['the former', 'former'], ['the country', 'country'], ['the president', 'title'],
  ['the department', 'house'], ['the ministry', 'house'],
];
const COLLECTIVE_TRIE = new Map<string, string[][]>();
for (const [phrase] of COLLECTIVES) {
  const words = phrase.split(' ');
  const list = COLLECTIVE_TRIE.get(words[0] ?? '') ?? [];
  list.push(words);
  COLLECTIVE_TRIE.set(words[0] ?? '', list);
}
for (const list of COLLECTIVE_TRIE.values()) list.sort((a, b) => b.length - a.length);
const COLLECTIVE_KEY = new Map(COLLECTIVES.map(([p, k]) => [p, k]));

function isCapitalised(w: Word | undefined): boolean {
  return !!w && /^\p{Lu}/u.test(w.text);
}

const roles = new WeakMap<PersonEntry, Map<string, PersonOnDate>>();

// Role lookups repeat for every mention of a person: remember them per date.
function roleOnCached(person: PersonEntry, date: string | null): PersonOnDate {
  let byDate = roles.get(person);
  if (!byDate) {
    byDate = new Map();
    roles.set(person, byDate);
  }
  const key = date ?? '';
  let role = byDate.get(key);
  if (!role) {
    role = roleOn(person, date);
    byDate.set(key, role);
  }
  return role;
}

const STATE: readonly CandidateKind[] = ['country', 'adjective', 'metonym'];
const AGENT: readonly CandidateKind[] = ['agent'];
const BODY: readonly CandidateKind[] = ['body'];
const IGO: readonly CandidateKind[] = ['igo'];
const DEMONYM: readonly CandidateKind[] = ['demonym'];
const LOCATION: readonly CandidateKind[] = ['region', 'place'];
const REGION: readonly CandidateKind[] = ['region'];
const OWNER: readonly CandidateKind[] = ['country', 'metonym', 'igo', 'place'];

function pick(c: RawMatch, kinds: readonly CandidateKind[]): Candidate | undefined {
  for (const k of kinds) {
    for (const x of c.candidates) if (x.kind === k) return x;
  }
  return undefined;
}

// Of several people sharing a name ("Bush"), the one in office on the date; else the unambiguous one.
function personCandidate(m: RawMatch, date: string | null): Candidate | undefined {
  const people = m.candidates.filter((c) => c.kind === 'person' && c.person);
  if (people.length <= 1) return people[0];
  if (date) {
    const inOffice = people.find((c) => c.person && roleOnCached(c.person, date).title !== null);
    if (inOffice) return inOffice;
  }
  return people.find((c) => !c.ambiguous);
}

interface Group {
  first: number;
  last: number;
  country: Candidate | null;
  agent: Candidate | null;
  person: Candidate | null;
  body: Candidate | null;
  igo: Candidate | null;
  location: Candidate | null;
  demonym: Candidate | null;
  adjectiveOnly: boolean;
  titleText: string | null;
  unknownName: boolean;
}

/**
 * Actor and place mentions of a sentence: dictionary matches composed into
 * noun phrases ("US Secretary of State John Kerry", "the Russian side",
 * "Russia's Foreign Minister Sergei Lavrov", "the President of Russia"),
 * pair compounds ("US-Russia"), collectives ("the two countries") and pronouns.
 * `date` resolves people to the office they held.
 */
export function mentionsFromWords(index: ActorIndex, words: readonly Word[], date: string | null, matches?: readonly RawMatch[]): Mention[] {
  // A collective ("the two countries", "both sides") wins over the nouns inside it.
  const collective = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    for (const phrase of COLLECTIVE_TRIE.get(words[i]!.lower) ?? []) {
      if (phrase.length > 1 && phrase.every((p, k) => words[i + k]?.lower === p)) {
        // "the President of Russia" names whose president: not the bare title.
        if (COLLECTIVE_KEY.get(phrase.join(' ')) === 'title' && words[i + phrase.length]?.lower === 'of') break;
        for (let k = 0; k < phrase.length; k++) collective[i + k] = 1;
        break;
      }
    }
  }
  const all = matches ?? rawMatches(index, words);
  const raw = all.filter((m, k) => !collective[m.first] && !collective[m.last] && !insideLongerName(words, all, k));
  const mentions: Mention[] = [];
  const used = new Uint8Array(words.length);

  let r = 0;
  while (r < raw.length) {
    const m = raw[r]!;
    // Pair compounds: COUNTRY - COUNTRY ("US-Russia", "India-Pakistan").
    const next = raw[r + 1];
    const a = pick(m, STATE);
    if (next && a && words[m.last + 1]?.text.match(/^[-–]$/) && next.first === m.last + 2) {
      const b = pick(next, STATE);
      if (b && b.code !== a.code) {
        const first = words[m.first - 1]?.lower === 'the' ? m.first - 1 : m.first;
        mentions.push(mention(words, first, next.last, spanText(words, first, next.last), 'pair', null, [
          { country: a.code, sector: 'GOV', entry: a.entry }, { country: b.code, sector: 'GOV', entry: b.entry }]));
        for (let k = first; k <= next.last; k++) used[k] = 1;
        r += 2;
        continue;
      }
    }
    const g = groupFrom(raw, r, words, date);
    r = g.nextRaw;
    const group = g.group;
    let first = group.first;
    // Leading determiner or honorific belongs to the mention.
    while (first > 0 && (['the', 'a', 'an'].includes(words[first - 1]!.lower) || HONORIFICS.has(words[first - 1]!.lower))) first--;
    const last = group.last;
    for (let k = first; k <= last; k++) used[k] = 1;
    mentions.push(resolveGroup(words, group, first, last, spanText(words, first, last), date));
  }

  // Collectives and pronouns in words not already part of a mention.
  for (let i = 0; i < words.length; i++) {
    if (used[i]) continue;
    const w = words[i]!;
    const options = COLLECTIVE_TRIE.get(w.lower);
    let matched = false;
    for (const phrase of options ?? []) {
      if (phrase.every((p, k) => words[i + k]?.lower === p && !used[i + k])) {
        const key = COLLECTIVE_KEY.get(phrase.join(' ')) ?? 'pair';
        // "The Department", "the Ministry" on their own: the house that wrote the text, not "the Department of …".
        const end = i + phrase.length - 1;
        if (key === 'house' && (!isCapitalised(words[end]) || words[end + 1]?.lower === 'of')) continue;
        const kind: MentionKind = key === 'pair' ? 'collective' : key === 'title' ? 'title' : 'pronoun';
        const pron = key === 'pair' ? 'pair' : key;
        mentions.push({
          ...mention(words, i, end, spanText(words, i, end), kind, null, null),
          pronoun: pron,
          plural: key === 'pair',
          title: key === 'title' ? 'president' : null,
        });
        for (let k = i; k <= end; k++) used[k] = 1;
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // "It is a great pleasure to receive…": the speaker's own act.
    const p = w.lower === 'it' && speakersPleasure(words, i) ? 'i' : pronounKey(w.lower);
    if (p) {
      // "us" in capitals is the country, already matched; lower-case "us" is the pronoun.
      mentions.push({ ...mention(words, i, i, w.text, 'pronoun', null, null), pronoun: p, possessive: POSSESSIVE_PRONOUNS.has(w.lower), plural: p === 'they' || p === 'we' });
    } else if (w.lower === 'bilateral' && words[i + 1] && !['relations', 'relationship', 'ties', 'trade'].includes(words[i + 1]!.lower)) {
      mentions.push({ ...mention(words, i, i, w.text, 'collective', null, null), pronoun: 'pair', plural: true });
    }
  }
  mentions.sort((x, y) => x.first - y.first);
  return distributedAdjectives(words, placesWithTheirState(words, mentions));
}

// "in Geneva, Switzerland": the state after a place of its own is where, not who;
// "the Moscow CIA station chief": a capital right before another state's actor is where that actor is.
function placesWithTheirState(words: readonly Word[], mentions: Mention[]): Mention[] {
  return mentions.map((m, k) => {
    const next = mentions[k + 1];
    if (m.kind === 'actor' && m.ref && m.ref.entry.split(':').length > 2 && m.ref.entry.startsWith('country:') && !m.possessive
      && next?.kind === 'actor' && next.ref && next.first === m.last + 1 && next.ref.country !== m.ref.country) {
      return { ...m, kind: 'location', ref: null, theater: m.ref.country };
    }
    const before = mentions[k - 1];
    if (m.kind !== 'actor' || !m.ref || m.ref.entry !== `country:${m.ref.country}` || before?.kind !== 'location' || before.theater !== m.ref.country) return m;
    if (m.first !== before.last + 2 || words[before.last + 1]?.text !== ',') return m;
    return { ...m, kind: 'location', ref: null, theater: m.ref.country };
  });
}

// The words from `a` to `b` as written, spaced where the text has a space.
function spanText(words: readonly Word[], a: number, b: number): string {
  let out = words[a]?.text ?? '';
  for (let k = a + 1; k <= b; k++) out += (words[k - 1]!.end < words[k]!.start ? ' ' : '') + words[k]!.text;
  return out;
}

// "US and British activists": the first adjective shares the noun of the second.
function distributedAdjectives(words: readonly Word[], mentions: Mention[]): Mention[] {
  if (!mentions.some((m) => m.kind === 'adjectival')) return mentions;
  return mentions.map((m, k) => {
    const next = mentions[k + 1];
    if (m.kind !== 'adjectival' || !m.ref || !next || next.kind !== 'actor' || !next.ref || next.ref.entry === m.ref.entry) return m;
    const between = words.slice(m.last + 1, next.first).map((w) => w.lower).join(' ');
    if (between !== 'and' && between !== ',' && between !== 'or') return m;
    if (!next.ref.entry.includes('+agent:')) return m;
    return { ...m, kind: 'actor', ref: { ...m.ref, sector: next.ref.sector }, plural: next.plural };
  });
}

// A name that also means something else ("Commission", "Jordan") inside a longer proper name we do not
// know ("the Consumer Product Safety Commission", "Michael Jordan") is not that entry.
function insideLongerName(words: readonly Word[], raw: readonly RawMatch[], k: number): boolean {
  const m = raw[k]!;
  if (!m.candidates.every((c) => c.ambiguous)) return false;
  const before = words[m.first - 1];
  const after = words[m.last + 1];
  const unmatched = (i: number): boolean => !raw.some((r) => r.first <= i && i <= r.last);
  const capitalised = (w: Word | undefined): boolean => !!w && /^\p{Lu}/u.test(w.text) && !/^(the|The|A|An)$/.test(w.text);
  return (capitalised(before) && m.first - 1 > 0 && unmatched(m.first - 1)) || (capitalised(after) && unmatched(m.last + 1));
}

const POSSESSIVE_PRONOUNS = new Set(['my', 'our', 'your', 'his', 'her', 'its', 'their']);
const PLEASURES = new Set(['pleasure', 'honour', 'honor', 'privilege', 'joy']);

function speakersPleasure(words: readonly Word[], i: number): boolean {
  if (words[i + 1]?.lemma !== 'be') return false;
  for (let k = i + 2; k < words.length && k <= i + 6; k++) {
    const w = words[k]!;
    if (PLEASURES.has(w.lower)) return words[k + 1]?.lower === 'to' || (words[k + 1]?.lower === 'for' && words[k + 2]?.lower === 'me');
    if (w.pos !== 'DET' && w.pos !== 'ADJ' && w.pos !== 'ADV') return false;
  }
  return false;
}

const PRONOUN_KEYS = new Map<string, string>([
  ...[...FIRST_SINGULAR].map((w): [string, string] => [w, 'i']),
  ...[...FIRST_PLURAL].map((w): [string, string] => [w, 'we']),
  ...[...SECOND].map((w): [string, string] => [w, 'you']),
  ...[...THIRD_SINGULAR_PERSON].map((w): [string, string] => [w, 'he']),
  ...[...THIRD_SINGULAR_THING].map((w): [string, string] => [w, 'it']),
  ...[...THIRD_PLURAL].map((w): [string, string] => [w, 'they']),
]);

function pronounKey(lower: string): string | null {
  return PRONOUN_KEYS.get(lower) ?? null;
}

function verbFollows(words: readonly Word[], i: number): boolean {
  let k = i;
  while (words[k]?.pos === 'ADV') k++;
  const w = words[k];
  return !!w && (w.pos === 'AUX' || w.pos === 'VERB');
}

function mention(words: readonly Word[], first: number, last: number, text: string, kind: MentionKind, ref: Resolved | null, pair: readonly [Resolved, Resolved] | null): Mention {
  const after = words[last + 1];
  const lastWord = words[last]?.lower ?? '';
  const possessive = (!!after && (after.lower === "'s" || after.lower === "'" || after.text === '’s')) || (lastWord.length > 2 && lastWord.endsWith("'s"));
  return {
    first, last, text, kind, ref, pair, pronoun: null, possessive, plural: false, title: null, theater: null, person: false, head: false, place: false,
    subject: verbFollows(words, last + 1), start: words[first]?.start ?? 0, end: words[last]?.end ?? 0,
  };
}

const NOT_ABSORBED = 0;
const ABSORBED = 1;
const ABSORBED_EXPECTING_NAME = 2;
const ABSORBED_NAMED = 3;

// Adds a dictionary match to the noun phrase being built, if it can extend it; says whether a name may follow.
function absorbInto(g: Group, m: RawMatch, first: boolean, date: string | null, words: readonly Word[]): number {
  const person = personCandidate(m, date);
  if (person && !g.person) {
    g.person = person;
    g.last = m.last;
    return ABSORBED_NAMED;
  }
  if (g.person) return NOT_ABSORBED;
  const agent = pick(m, AGENT);
  if (agent && (g.country || g.body || g.igo || g.agent || first)) {
    if (g.agent && g.country && agent === g.agent) return NOT_ABSORBED;
    g.agent = agent;
    g.titleText = words.slice(m.first, m.last + 1).map((w) => w.lower).join(' ');
    g.last = m.last;
    return agent.animate ? ABSORBED_EXPECTING_NAME : ABSORBED_NAMED;
  }
  if (!first) return NOT_ABSORBED;
  const country = pick(m, STATE);
  const body = pick(m, BODY);
  const igo = pick(m, IGO);
  const demonym = pick(m, DEMONYM);
  const location = pick(m, LOCATION);
  if (body) g.body = body;
  else if (igo) g.igo = igo;
  else if (demonym && !country) g.demonym = demonym;
  else if (country) g.country = country;
  else if (location) g.location = location;
  else return NOT_ABSORBED;
  g.last = m.last;
  return ABSORBED;
}

// Extends a dictionary match into the noun phrase around it: country/adjective + agents + person,
// agent + "of" + country, honorific + person, and unknown capitalised names after a title.
function groupFrom(raw: readonly RawMatch[], r: number, words: readonly Word[], date: string | null): { group: Group; nextRaw: number } {
  const g: Group = {
    first: raw[r]!.first, last: raw[r]!.last, country: null, agent: null, person: null, body: null, igo: null,
    location: null, demonym: null, adjectiveOnly: false, titleText: null, unknownName: false,
  };
  let k = r;
  let expectName = false;
  const opening = absorbInto(g, raw[k]!, true, date, words);
  if (opening !== ABSORBED && opening !== NOT_ABSORBED) expectName = opening === ABSORBED_EXPECTING_NAME;
  k++;
  while (k < raw.length) {
    const m = raw[k]!;
    let gap = m.first - g.last - 1;
    let via = words.slice(g.last + 1, m.first).map((w) => w.lower);
    // "Russia's Foreign Minister", "President of the United States", "the President of Russia".
    const possessiveLink = gap === 1 && (via[0] === "'s" || via[0] === "'");
    // "the President of Russia", "a court in Guyana", "dissidents from military-ruled Myanmar".
    const modifiersOnly = via.length <= 5 && words.slice(g.last + 2, m.first).every((w) => /^(the|-)$/.test(w.lower) || /^\p{Ll}/u.test(w.text));
    // Where an unnamed body is ("in Guyana") says whose it is, unless it is someone's already ("your forces in Syria")
    // or it is an armed force, which is often abroad.
    const owned = POSSESSIVE_PRONOUNS.has(words[g.first - 1]?.lower ?? '');
    const ofLink = !!g.agent && !g.country && !g.person && !g.body && !g.igo && modifiersOnly
      && (via[0] === 'of' || (g.agent.animate && !owned && g.agent.sector !== 'MIL' && (via[0] === 'in' || via[0] === 'from')));
    if (possessiveLink && g.person && !g.agent && pick(m, AGENT) && !personCandidate(m, date)) {
      // "Putin's supporters", "Obama's advisers": the person's people, of the person's country.
      g.country = { ...g.person, kind: 'country' };
      g.person = null;
      gap = 0;
      via = [];
    } else if (possessiveLink && (g.country || g.igo || g.body) && !g.agent) {
      const agent = pick(m, AGENT);
      const person = personCandidate(m, date);
      if (!agent && !person) break;
      gap = 0;
      via = [];
    } else if (ofLink) {
      const region = pick(m, REGION);
      const country = pick(m, OWNER) ?? (region?.within ? { ...region, kind: 'country' as const, code: region.within, sector: 'GOV' as const } : undefined);
      if (!country) break;
      if (country.kind === 'igo') g.igo = country;
      else g.country = country;
      g.last = m.last;
      k++;
      continue;
    } else if (gap !== 0) {
      break;
    }
    const absorbed = absorbInto(g, m, false, date, words);
    if (absorbed === NOT_ABSORBED) break;
    if (absorbed !== ABSORBED) expectName = absorbed === ABSORBED_EXPECTING_NAME;
    k++;
  }
  // An adjective that is not followed by an agent or a person qualifies a thing ("Russian grievances").
  if (g.country?.kind === 'adjective' && !g.agent && !g.person) g.adjectiveOnly = true;
  // A title followed by capitalised words we don't know ("President Michel Suleiman").
  if (expectName && g.agent && !g.person) {
    let j = g.last + 1;
    while (isCapitalised(words[j]) && words[j]!.pos !== 'VERB' && /^\p{L}[\p{L}'’-]*$/u.test(words[j]!.text) && j - g.last <= 3) j++;
    if (j > g.last + 1 && g.country) {
      g.last = j - 1;
      g.unknownName = true;
    }
  }
  return { group: g, nextRaw: k };
}

function resolveGroup(words: readonly Word[], g: Group, first: number, last: number, text: string, date: string | null): Mention {
  const base = mention(words, first, last, text, 'actor', null, null);
  if (g.person?.person) {
    const role = roleOnCached(g.person.person, date);
    const head = (role.title !== null && HEAD_TITLES.has(role.title)) || (!!g.titleText && HEAD_TITLES.has(g.titleText));
    return { ...base, ref: { country: role.country, sector: role.sector, entry: g.person.entry }, person: true, head };
  }
  if (g.body) {
    const sector = g.agent ? g.agent.sector : g.body.sector;
    return { ...base, ref: { country: g.body.code, sector, entry: g.body.entry }, plural: g.agent?.plural ?? false };
  }
  if (g.igo) return { ...base, ref: { country: g.igo.code, sector: null, entry: g.igo.entry }, theater: null };
  if (g.country) {
    const sector = g.agent ? g.agent.sector : g.country.kind === 'adjective' ? 'GOV' : (g.country.sector ?? 'GOV');
    const ref: Resolved = { country: g.country.code, sector, entry: g.agent ? `${g.country.entry}+${g.agent.entry}` : g.country.entry };
    if (g.adjectiveOnly) return { ...base, kind: 'adjectival', ref };
    const isHead = !!g.titleText && HEAD_TITLES.has(g.titleText);
    return {
      ...base, ref, plural: g.agent?.plural ?? false, person: isHead || g.unknownName, head: isHead,
      theater: g.agent ? null : g.country.code,
    };
  }
  if (g.demonym) {
    const definite = words[first]?.lower === 'the';
    return { ...base, ref: { country: g.demonym.code, sector: definite ? 'GOV' : 'CVL', entry: g.demonym.entry }, plural: true };
  }
  if (g.location) {
    const theater = g.location.kind === 'region' ? (g.location.within ?? g.location.code) : g.location.code;
    return { ...base, kind: 'location', theater, place: g.location.kind === 'place' };
  }
  if (g.agent) {
    const isHead = !!g.titleText && HEAD_TITLES.has(g.titleText);
    return { ...base, kind: 'title', title: g.titleText, plural: g.agent.plural, person: isHead, head: isHead };
  }
  return base;
}
