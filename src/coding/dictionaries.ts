import { resolve } from 'node:path';
import { ConfigError, InputError } from '../errors.ts';
import { SECTORS, type ActorCode, type Sector } from '../types.ts';
import { DICTIONARY_DIR, optionalCell, readDictionary, type DictionaryFile, type DictionaryRow } from './dictionary-file.ts';
import type {
  AgentEntry, BodyEntry, CountryEntry, IgoEntry, PersonEntry, PlaceEntry, RegionEntry, RoleEntry,
} from './lexicon-types.ts';

/** Everything the coder knows about actors and places, validated. */
export interface Lexicon {
  readonly countries: readonly CountryEntry[];
  readonly igos: readonly IgoEntry[];
  readonly bodies: readonly BodyEntry[];
  /** People with their roles (from `roles.tsv`), roles sorted by start. */
  readonly people: readonly PersonEntry[];
  readonly agents: readonly AgentEntry[];
  readonly regions: readonly RegionEntry[];
  readonly places: readonly PlaceEntry[];
}

/** The file each part of the lexicon is read from, and the columns it must have, in order. */
export const LEXICON_FILES = {
  countries: { file: 'countries.tsv', columns: ['code', 'kind', 'name', 'names', 'adjectives', 'demonyms', 'metonyms', 'cameo', 'fips', 'iso2', 'ambiguous'] },
  igos: { file: 'igos.tsv', columns: ['id', 'code', 'name', 'names', 'ambiguous'] },
  bodies: { file: 'bodies.tsv', columns: ['id', 'country', 'sector', 'kind', 'names', 'from', 'to', 'ambiguous'] },
  people: { file: 'people.tsv', columns: ['id', 'names', 'country', 'sector', 'ambiguous'] },
  roles: { file: 'roles.tsv', columns: ['person', 'title', 'country', 'sector', 'from', 'to'] },
  agents: { file: 'agents.tsv', columns: ['words', 'sector', 'animate'] },
  regions: { file: 'regions.tsv', columns: ['id', 'name', 'names', 'code', 'fips', 'cameo', 'ambiguous'] },
  places: { file: 'places.tsv', columns: ['id', 'name', 'country', 'names', 'ambiguous'] },
} as const;

const COUNTRY_KINDS = ['state', 'observer', 'territory', 'historical'] as const;
const BODY_KINDS = ['agency', 'legislature', 'court', 'military', 'party', 'law', 'programme', 'company', 'media', 'ngo', 'group'] as const;
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const cache = new Map<string, Lexicon>();

/**
 * Reads and validates every dictionary in `dir` (default: the repository's
 * `dictionaries/`), once per directory. Any problem is a `ConfigError` naming
 * `file:line` and what is wrong, raised before any coding starts.
 */
export function loadLexicon(dir: string = DICTIONARY_DIR): Lexicon {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const read = (part: keyof typeof LEXICON_FILES): DictionaryFile => {
    const spec = LEXICON_FILES[part];
    const file = readDictionary(spec.file, key);
    checkShape(file, spec.columns);
    return file;
  };
  const lexicon = lexiconFromDictionaries({
    countries: read('countries'), igos: read('igos'), bodies: read('bodies'), people: read('people'),
    roles: read('roles'), agents: read('agents'), regions: read('regions'), places: read('places'),
  });
  cache.set(key, lexicon);
  return lexicon;
}

/** Validates parsed dictionary files (columns already checked) and builds the lexicon. */
function lexiconFromDictionaries(files: Readonly<Record<keyof typeof LEXICON_FILES, DictionaryFile>>): Lexicon {
  const countries = countriesFromRows(files.countries.rows);
  const countryCodes = new Set(countries.map((c) => c.code));
  const igos = igosFromRows(files.igos.rows, countryCodes);
  const actorCodes = new Set([...countryCodes, ...igos.map((i) => i.code)]);
  const bodies = bodiesFromRows(files.bodies.rows, actorCodes);
  const people = peopleFromRows(files.people.rows, files.roles.rows, actorCodes);
  const agents = agentsFromRows(files.agents.rows);
  const regions = regionsFromRows(files.regions.rows, countryCodes);
  const places = placesFromRows(files.places.rows, countryCodes);
  return { countries, igos, bodies, people, agents, regions, places };
}

function checkShape(file: DictionaryFile, columns: readonly string[]): void {
  if (!file.header.some((line) => /\bas of\b/i.test(line))) {
    throw new ConfigError(`${file.file}:1`, 'header must say as of when the facts hold ("as of YYYY-MM-DD")');
  }
  if (file.columns.join('\t') !== columns.join('\t')) {
    throw new ConfigError(file.file, `expected columns ${columns.join(', ')}; found ${file.columns.join(', ')}`);
  }
}

const at = (row: DictionaryRow): string => `${row.file}:${row.line}`;

/** Cell `i` of a row (the reader guarantees the count). */
const cell = (row: DictionaryRow, i: number): string => row.cells[i] ?? '';

function required(row: DictionaryRow, i: number, column: string): string {
  const value = cell(row, i);
  if (value === '' || value === '-') throw new ConfigError(at(row), `${column} is empty`);
  return value;
}

/** A `|` list where an empty item is a mistake, not something to drop silently. */
function list(row: DictionaryRow, i: number, column: string, needed = false): string[] {
  const value = cell(row, i);
  if (value === '' || value === '-') {
    if (needed) throw new ConfigError(at(row), `${column} is empty`);
    return [];
  }
  const items = value.split('|').map((s) => s.trim());
  if (items.some((s) => s === '')) throw new ConfigError(at(row), `empty item in ${column} ("${value}")`);
  const seen = new Set<string>();
  for (const item of items) {
    const k = `${item}`;
    if (seen.has(k)) throw new ConfigError(at(row), `"${item}" is listed twice in ${column}`);
    seen.add(k);
  }
  return items;
}

function sectorOf(row: DictionaryRow, i: number): Sector {
  const value = cell(row, i);
  if (!(SECTORS as readonly string[]).includes(value)) {
    throw new ConfigError(at(row), `unknown sector "${value}" (expected one of ${SECTORS.join(', ')})`);
  }
  return value as Sector;
}

function codeOf(row: DictionaryRow, i: number, known: ReadonlySet<string>, column: string): ActorCode {
  const value = cell(row, i);
  if (!known.has(value)) throw new ConfigError(at(row), `unknown ${column} code "${value}"`);
  return value;
}

function idOf(row: DictionaryRow, i: number, seen: Map<string, number>): string {
  const id = cell(row, i);
  if (!ID.test(id)) throw new ConfigError(at(row), `id "${id}" must be kebab-case (a-z, 0-9, "-")`);
  const before = seen.get(id);
  if (before !== undefined) throw new ConfigError(at(row), `duplicate id "${id}" (first at line ${before})`);
  seen.set(id, row.line);
  return id;
}

function optionalCode(row: DictionaryRow, i: number, pattern: RegExp, column: string): string | null {
  const value = optionalCell(cell(row, i));
  if (value !== null && !pattern.test(value)) throw new ConfigError(at(row), `malformed ${column} code "${value}"`);
  return value;
}

function dateOf(row: DictionaryRow, i: number, column: string, optional: boolean): string | null {
  const value = optionalCell(cell(row, i));
  if (value === null) {
    if (optional) return null;
    throw new ConfigError(at(row), `${column} date is empty`);
  }
  if (periodOf(value) === null) throw new ConfigError(at(row), `malformed ${column} date "${value}" (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  return value;
}

/** The names in `ambiguous` must be names of the same row. */
function ambiguousOf(row: DictionaryRow, i: number, names: readonly string[]): string[] {
  const ambiguous = list(row, i, 'ambiguous');
  const keys = new Set(names.map(nameKey));
  for (const name of ambiguous) {
    if (!keys.has(nameKey(name))) throw new ConfigError(at(row), `ambiguous name "${name}" is not one of this row's names`);
  }
  return ambiguous;
}

interface NameUse {
  readonly name: string;
  readonly owner: string;
  readonly row: DictionaryRow;
  readonly ambiguous: boolean;
  /** Day range the owner applies to, for bodies that changed over time. */
  readonly span: readonly [number, number];
}

const ALWAYS: readonly [number, number] = [-Infinity, Infinity];

/**
 * A name that resolves to two different entries makes resolution a guess:
 * it is allowed only when every row using it marks it ambiguous, or when
 * the entries apply at different times.
 */
function checkCollisions(uses: readonly NameUse[], describe: (owner: string) => string): void {
  const byKey = new Map<string, NameUse[]>();
  for (const use of uses) {
    const key = nameKey(use.name);
    const group = byKey.get(key);
    if (group) group.push(use);
    else byKey.set(key, [use]);
  }
  for (const group of byKey.values()) {
    for (let j = 1; j < group.length; j++) {
      const later = group[j];
      if (!later) continue;
      for (let i = 0; i < j; i++) {
        const earlier = group[i];
        if (!earlier || earlier.owner === later.owner) continue;
        if (earlier.ambiguous && later.ambiguous) continue;
        if (earlier.span[1] <= later.span[0] || later.span[1] <= earlier.span[0]) continue;
        throw new ConfigError(
          at(later.row),
          `"${later.name}" also names ${describe(earlier.owner)} (line ${earlier.row.line}); list it in "ambiguous" on both rows or keep it on one`,
        );
      }
    }
  }
}

function countriesFromRows(rows: readonly DictionaryRow[]): CountryEntry[] {
  const entries: CountryEntry[] = [];
  const uses: NameUse[] = [];
  const codes = new Map<string, number>();
  const otherCodes = { cameo: new Map<string, number>(), fips: new Map<string, number>(), iso2: new Map<string, number>() };
  const historical: Array<{ row: DictionaryRow; code: string }> = [];
  for (const row of rows) {
    const code = cell(row, 0);
    if (!/^[A-Z]{3}$/.test(code)) throw new ConfigError(at(row), `code "${code}" must be ISO 3166-1 alpha-3 (three capitals)`);
    const kind = cell(row, 1);
    if (!(COUNTRY_KINDS as readonly string[]).includes(kind)) {
      throw new ConfigError(at(row), `unknown kind "${kind}" (expected ${COUNTRY_KINDS.join(', ')})`);
    }
    const name = required(row, 2, 'name');
    const listed = list(row, 3, 'names', true);
    const names = listed.some((n) => n === name) ? listed : [name, ...listed];
    const adjectives = list(row, 4, 'adjectives');
    const demonyms = list(row, 5, 'demonyms');
    const metonyms = list(row, 6, 'metonyms');
    const cameo = optionalCode(row, 7, /^[A-Z]{3}$/, 'CAMEO');
    const fips = optionalCode(row, 8, /^[A-Z]{2}$/, 'FIPS 10-4');
    const iso2 = optionalCode(row, 9, /^[A-Z]{2}$/, 'ISO alpha-2');
    const all = [...names, ...adjectives, ...demonyms, ...metonyms];
    const ambiguous = ambiguousOf(row, 10, all);
    if (kind === 'historical') {
      historical.push({ row, code });
    } else {
      const before = codes.get(code);
      if (before !== undefined) throw new ConfigError(at(row), `duplicate code "${code}" (first at line ${before}); only historical rows may share a code`);
      codes.set(code, row.line);
      for (const [column, value] of [['cameo', cameo], ['fips', fips], ['iso2', iso2]] as const) {
        if (value === null) continue;
        const seen = otherCodes[column];
        const first = seen.get(value);
        if (first !== undefined) throw new ConfigError(at(row), `duplicate ${column} code "${value}" (first at line ${first})`);
        seen.set(value, row.line);
      }
    }
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of new Set(all)) uses.push({ name: n, owner: code, row, ambiguous: ambiguousKeys.has(nameKey(n)), span: ALWAYS });
    entries.push({ code, kind: kind as CountryEntry['kind'], name, names, adjectives, demonyms, metonyms, cameo, fips, iso2, ambiguous });
  }
  for (const { row, code } of historical) {
    if (!codes.has(code)) throw new ConfigError(at(row), `historical entry is coded to "${code}", which has no state or territory row`);
  }
  checkCollisions(uses, (code) => code);
  return entries;
}

function igosFromRows(rows: readonly DictionaryRow[], countryCodes: ReadonlySet<string>): IgoEntry[] {
  const ids = new Map<string, number>();
  const uses: NameUse[] = [];
  const entries = rows.map((row): IgoEntry => {
    const id = idOf(row, 0, ids);
    const code = cell(row, 1);
    if (!/^[A-Z][A-Z0-9]*$/.test(code)) throw new ConfigError(at(row), `IGO code "${code}" must be capitals and digits`);
    if (countryCodes.has(code)) throw new ConfigError(at(row), `IGO code "${code}" is already a country code`);
    const name = required(row, 2, 'name');
    const listed = list(row, 3, 'names', true);
    const names = listed.includes(name) ? listed : [name, ...listed];
    const ambiguous = ambiguousOf(row, 4, names);
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of names) uses.push({ name: n, owner: id, row, ambiguous: ambiguousKeys.has(nameKey(n)), span: ALWAYS });
    return { id, code, name, names, ambiguous };
  });
  checkCollisions(uses, (id) => `igo "${id}"`);
  return entries;
}

function bodiesFromRows(rows: readonly DictionaryRow[], actorCodes: ReadonlySet<string>): BodyEntry[] {
  const ids = new Map<string, number>();
  const uses: NameUse[] = [];
  const entries = rows.map((row): BodyEntry => {
    const id = idOf(row, 0, ids);
    const country = codeOf(row, 1, actorCodes, 'country');
    const sector = sectorOf(row, 2);
    const kind = cell(row, 3);
    if (!(BODY_KINDS as readonly string[]).includes(kind)) {
      throw new ConfigError(at(row), `unknown kind "${kind}" (expected ${BODY_KINDS.join(', ')})`);
    }
    const names = list(row, 4, 'names', true);
    const from = dateOf(row, 5, 'from', true);
    const to = dateOf(row, 6, 'to', true);
    const span = spanOf(row, from, to);
    const ambiguous = ambiguousOf(row, 7, names);
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of names) uses.push({ name: n, owner: id, row, ambiguous: ambiguousKeys.has(nameKey(n)), span });
    return { id, country, sector, kind: kind as BodyEntry['kind'], names, from, to, ambiguous };
  });
  checkCollisions(uses, (id) => `body "${id}"`);
  return entries;
}

/** Day range `[from, to)` of a dated row; `to` must come after `from`. */
function spanOf(row: DictionaryRow, from: string | null, to: string | null): readonly [number, number] {
  const start = from === null ? -Infinity : (periodOf(from)?.start ?? -Infinity);
  const end = to === null ? Infinity : (periodOf(to)?.start ?? Infinity);
  if (end <= start) throw new ConfigError(at(row), `"to" (${to}) is not after "from" (${from})`);
  return [start, end];
}

function peopleFromRows(rows: readonly DictionaryRow[], roleRows: readonly DictionaryRow[], actorCodes: ReadonlySet<string>): PersonEntry[] {
  const ids = new Map<string, number>();
  const uses: NameUse[] = [];
  const people = rows.map((row) => {
    const id = idOf(row, 0, ids);
    const names = list(row, 1, 'names', true);
    const country = codeOf(row, 2, actorCodes, 'country');
    const sector = sectorOf(row, 3);
    const ambiguous = ambiguousOf(row, 4, names);
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of names) uses.push({ name: n, owner: id, row, ambiguous: ambiguousKeys.has(nameKey(n)), span: ALWAYS });
    return { id, names, country, sector, ambiguous };
  });
  checkCollisions(uses, (id) => `person "${id}"`);
  const roles = new Map<string, Array<{ role: RoleEntry; row: DictionaryRow; span: readonly [number, number] }>>();
  for (const row of roleRows) {
    const person = cell(row, 0);
    if (!ids.has(person)) throw new ConfigError(at(row), `unknown person "${person}" (no row in people.tsv)`);
    const title = required(row, 1, 'title');
    const country = codeOf(row, 2, actorCodes, 'country');
    const sector = sectorOf(row, 3);
    const from = dateOf(row, 4, 'from', false) ?? '';
    const to = dateOf(row, 5, 'to', true);
    const span = spanOf(row, from, to);
    const held = roles.get(person) ?? [];
    for (const other of held) {
      const overlaps = other.span[0] < span[1] && span[0] < other.span[1];
      if (overlaps && (other.role.country !== country || other.role.sector !== sector)) {
        throw new ConfigError(
          at(row),
          `${person}: "${title}" (${country} ${sector}) overlaps "${other.role.title}" (${other.role.country} ${other.role.sector}, line ${other.row.line}); a person belongs to one country and sector at a time`,
        );
      }
    }
    held.push({ role: { title, country, sector, from, to }, row, span });
    roles.set(person, held);
  }
  return people.map((p) => ({
    ...p,
    roles: (roles.get(p.id) ?? []).slice().sort((a, b) => a.span[0] - b.span[0]).map((r) => r.role),
  }));
}

function agentsFromRows(rows: readonly DictionaryRow[]): AgentEntry[] {
  const seen = new Map<string, number>();
  return rows.map((row): AgentEntry => {
    const words = required(row, 0, 'words');
    if (words !== words.toLowerCase() || /\s{2,}/.test(words)) throw new ConfigError(at(row), `words "${words}" must be lower-case, single-spaced`);
    const before = seen.get(words);
    if (before !== undefined) throw new ConfigError(at(row), `"${words}" is listed twice (first at line ${before})`);
    seen.set(words, row.line);
    const sector = sectorOf(row, 1);
    const animate = cell(row, 2);
    if (animate !== 'yes' && animate !== 'no') throw new ConfigError(at(row), `animate must be "yes" or "no", found "${animate}"`);
    return { words, sector, animate: animate === 'yes' };
  });
}

function regionsFromRows(rows: readonly DictionaryRow[], countryCodes: ReadonlySet<string>): RegionEntry[] {
  const ids = new Map<string, number>();
  const uses: NameUse[] = [];
  const entries = rows.map((row): RegionEntry => {
    const id = idOf(row, 0, ids);
    const name = required(row, 1, 'name');
    const listed = list(row, 2, 'names', true);
    const names = listed.includes(name) ? listed : [name, ...listed];
    const code = optionalCell(cell(row, 3)) === null ? null : codeOf(row, 3, countryCodes, 'country');
    const fips = optionalCode(row, 4, /^[A-Z]{2}$/, 'FIPS 10-4');
    const cameo = optionalCode(row, 5, /^[A-Z]{3}$/, 'CAMEO');
    const ambiguous = ambiguousOf(row, 6, names);
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of names) uses.push({ name: n, owner: id, row, ambiguous: ambiguousKeys.has(nameKey(n)), span: ALWAYS });
    return { id, name, names, code, fips, cameo, ambiguous };
  });
  checkCollisions(uses, (id) => `region "${id}"`);
  return entries;
}

function placesFromRows(rows: readonly DictionaryRow[], countryCodes: ReadonlySet<string>): PlaceEntry[] {
  const ids = new Map<string, number>();
  const uses: NameUse[] = [];
  const entries = rows.map((row): PlaceEntry => {
    const id = idOf(row, 0, ids);
    const name = required(row, 1, 'name');
    const country = codeOf(row, 2, countryCodes, 'country');
    const listed = list(row, 3, 'names');
    const names = listed.includes(name) ? listed : [name, ...listed];
    const ambiguous = ambiguousOf(row, 4, names);
    const ambiguousKeys = new Set(ambiguous.map(nameKey));
    for (const n of names) uses.push({ name: n, owner: id, row, ambiguous: ambiguousKeys.has(nameKey(n)), span: ALWAYS });
    return { id, name, country, names, ambiguous };
  });
  checkCollisions(uses, (id) => `place "${id}"`);
  return entries;
}

/**
 * The key names are compared by: case, diacritics, curly quotes, dash
 * variants, spacing and a leading "the" do not matter ("the Élysée" = "Elysee").
 * Dots do: "U.S." and "US" are listed separately, since "US" also spells "us".
 */
export function nameKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** First day and the day after the last day of an ISO date (`2013`, `2013-06`, `2013-06-18`), as day numbers; null if malformed. */
export function periodOf(date: string): { readonly start: number; readonly end: number } | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? null : Number(m[2]);
  const day = m[3] === undefined ? null : Number(m[3]);
  const dayNumber = (y: number, mo: number, d: number): number => Date.UTC(y, mo - 1, d) / 86_400_000;
  if (month === null) return { start: dayNumber(year, 1, 1), end: dayNumber(year + 1, 1, 1) };
  if (month < 1 || month > 12) return null;
  if (day === null) return { start: dayNumber(year, month, 1), end: dayNumber(year, month + 1, 1) };
  const start = dayNumber(year, month, day);
  if (day < 1 || new Date(start * 86_400_000).getUTCMonth() !== month - 1) return null;
  return { start, end: start + 1 };
}

/** What a person was on a date: the role's country, sector and title, or the person's default (title null). */
export interface PersonOnDate {
  readonly country: ActorCode;
  readonly sector: Sector;
  readonly title: string | null;
}

/**
 * The role `person` held on `date` (ISO, partial allowed). For a partial date
 * the role overlapping most of that period wins (ties: the later one); with no
 * date or no role, the person's default country and sector.
 */
export function roleOn(person: PersonEntry, date: string | null): PersonOnDate {
  const fallback = { country: person.country, sector: person.sector, title: null };
  if (date === null) return fallback;
  const period = periodOf(date);
  if (period === null) throw new InputError(date, 'malformed date (expected YYYY, YYYY-MM or YYYY-MM-DD)');
  let best: RoleEntry | null = null;
  let bestOverlap = 0;
  for (const role of person.roles) {
    const start = periodOf(role.from)?.start ?? -Infinity;
    const end = role.to === null ? Infinity : (periodOf(role.to)?.start ?? Infinity);
    const overlap = Math.min(end, period.end) - Math.max(start, period.start);
    if (overlap > 0 && overlap >= bestOverlap) {
      best = role;
      bestOverlap = overlap;
    }
  }
  return best === null ? fallback : { country: best.country, sector: best.sector, title: best.title };
}

/** Whether a body applies on a date (bodies without dates always do; a partial date applies if any of it does). */
export function bodyAppliesOn(body: BodyEntry, date: string | null): boolean {
  if (date === null || ((body.from ?? null) === null && (body.to ?? null) === null)) return true;
  const period = periodOf(date);
  if (period === null) throw new InputError(date, 'malformed date (expected YYYY, YYYY-MM or YYYY-MM-DD)');
  const start = body.from ? (periodOf(body.from)?.start ?? -Infinity) : -Infinity;
  const end = body.to ? (periodOf(body.to)?.start ?? Infinity) : Infinity;
  return start < period.end && period.start < end;
}

/** One way a piece of text resolves through the lexicon. */
export type LexiconHit =
  | { readonly kind: 'country'; readonly how: 'name' | 'adjective' | 'demonym' | 'metonym'; readonly entry: CountryEntry }
  | { readonly kind: 'igo'; readonly entry: IgoEntry }
  | { readonly kind: 'body'; readonly entry: BodyEntry }
  | { readonly kind: 'person'; readonly entry: PersonEntry }
  | { readonly kind: 'region'; readonly entry: RegionEntry }
  | { readonly kind: 'place'; readonly entry: PlaceEntry }
  | { readonly kind: 'agent'; readonly entry: AgentEntry };

interface LexiconIndex {
  readonly hits: ReadonlyMap<string, readonly LexiconHit[]>;
  readonly byCode: ReadonlyMap<string, CountryEntry>;
  readonly countryNames: ReadonlyMap<string, ReadonlySet<string>>;
  readonly cameo: ReadonlyMap<string, string>;
  readonly fips: ReadonlyMap<string, string>;
  readonly iso2: ReadonlyMap<string, string>;
}

const indexes = new WeakMap<Lexicon, LexiconIndex>();

function indexOf(lexicon: Lexicon): LexiconIndex {
  const cached = indexes.get(lexicon);
  if (cached) return cached;
  const hits = new Map<string, LexiconHit[]>();
  const add = (name: string, hit: LexiconHit): void => {
    const key = nameKey(name);
    const list = hits.get(key);
    if (list) list.push(hit);
    else hits.set(key, [hit]);
  };
  const byCode = new Map<string, CountryEntry>();
  const countryNames = new Map<string, Set<string>>();
  const cameo = new Map<string, string>();
  const fips = new Map<string, string>();
  const iso2 = new Map<string, string>();
  for (const c of lexicon.countries) {
    if (c.kind !== 'historical') {
      byCode.set(c.code, c);
      if (c.cameo) cameo.set(c.cameo, c.code);
      if (c.fips) fips.set(c.fips, c.code);
      if (c.iso2) iso2.set(c.iso2, c.code);
    }
    for (const n of c.names) {
      add(n, { kind: 'country', how: 'name', entry: c });
      const key = nameKey(n);
      countryNames.set(key, (countryNames.get(key) ?? new Set()).add(c.code));
    }
    for (const n of c.adjectives) add(n, { kind: 'country', how: 'adjective', entry: c });
    for (const n of c.demonyms) add(n, { kind: 'country', how: 'demonym', entry: c });
    for (const n of c.metonyms) add(n, { kind: 'country', how: 'metonym', entry: c });
  }
  for (const r of lexicon.regions) if (r.fips && r.code && !fips.has(r.fips)) fips.set(r.fips, r.code);
  for (const entry of lexicon.igos) for (const n of entry.names) add(n, { kind: 'igo', entry });
  for (const entry of lexicon.bodies) for (const n of entry.names) add(n, { kind: 'body', entry });
  for (const entry of lexicon.people) for (const n of entry.names) add(n, { kind: 'person', entry });
  for (const entry of lexicon.regions) for (const n of entry.names) add(n, { kind: 'region', entry });
  for (const entry of lexicon.places) for (const n of entry.names) add(n, { kind: 'place', entry });
  for (const entry of lexicon.agents) add(entry.words, { kind: 'agent', entry });
  const index = { hits, byCode, countryNames, cameo, fips, iso2 };
  indexes.set(lexicon, index);
  return index;
}

/** Every entry a name can mean, across all files (compared with `nameKey`). */
export function hitsFromName(lexicon: Lexicon, name: string): readonly LexiconHit[] {
  return indexOf(lexicon).hits.get(nameKey(name)) ?? [];
}

/** The `entry` id an `ActorRef` records for a hit (`person:vladimir-putin`, `country:RUS`). */
export function entryIdOf(hit: LexiconHit): string {
  switch (hit.kind) {
    case 'country': return `country:${hit.entry.code}${hit.entry.kind === 'historical' ? `:${nameKey(hit.entry.name).replace(/\W+/g, '-')}` : ''}`;
    case 'agent': return `agent:${hit.entry.words}`;
    default: return `${hit.kind}:${hit.entry.id}`;
  }
}

/**
 * The person a name means on a date: the only person with that name, or,
 * for a shared name ("Bush", "Kim"), the only one holding a role then.
 */
export function personFromName(lexicon: Lexicon, name: string, date: string | null): PersonEntry | null {
  const people = hitsFromName(lexicon, name).flatMap((h) => (h.kind === 'person' ? [h.entry] : []));
  if (people.length <= 1) return people[0] ?? null;
  if (date === null) return null;
  const active = people.filter((p) => roleOn(p, date).title !== null);
  return active.length === 1 ? (active[0] ?? null) : null;
}

/** The state, observer or territory with this ISO3 code (not historical rows). */
export function countryByCode(lexicon: Lexicon, code: string): CountryEntry | null {
  return indexOf(lexicon).byCode.get(code.toUpperCase()) ?? null;
}

/**
 * ISO3 for a country name as importers meet it ("Russian Federation",
 * "Moldova, Republic of", "Cote d'Ivoire"), ignoring case, diacritics and a
 * leading "the"; null when unknown or when the name fits two codes.
 */
export function countryCodeFromName(lexicon: Lexicon, name: string): string | null {
  const codes = indexOf(lexicon).countryNames.get(nameKey(name));
  if (!codes || codes.size !== 1) return null;
  return [...codes][0] ?? null;
}

/** ISO3 for a CAMEO country code (ROM → ROU); an ISO3 code CAMEO shares is accepted as is. */
export function countryCodeFromCameo(lexicon: Lexicon, code: string): string | null {
  const index = indexOf(lexicon);
  const upper = code.trim().toUpperCase();
  return index.cameo.get(upper) ?? (index.byCode.has(upper) ? upper : null);
}

/** The region a CAMEO region code stands for (EUR → Europe, MEA → Middle East, WST → the West), as GDELT actor codes use them. */
export function regionFromCameo(lexicon: Lexicon, code: string): RegionEntry | null {
  const upper = code.trim().toUpperCase();
  return lexicon.regions.find((r) => r.cameo === upper) ?? null;
}

/** ISO3 for a FIPS 10-4 code as in GDELT geography (RS → RUS, UP → UKR, GZ → PSE via regions). */
export function countryCodeFromFips(lexicon: Lexicon, code: string): string | null {
  return indexOf(lexicon).fips.get(code.trim().toUpperCase()) ?? null;
}

/** ISO3 for an ISO 3166-1 alpha-2 code. */
export function countryCodeFromIso2(lexicon: Lexicon, code: string): string | null {
  return indexOf(lexicon).iso2.get(code.trim().toUpperCase()) ?? null;
}

/** ISO3 for a place, capital or region name ("Geneva" → CHE, "Moscow" → RUS, "Crimea" → UKR); null if none or several. */
export function countryCodeFromPlace(lexicon: Lexicon, name: string): string | null {
  const codes = new Set<string>();
  for (const hit of hitsFromName(lexicon, name)) {
    if (hit.kind === 'place') codes.add(hit.entry.country);
    else if (hit.kind === 'country' && (hit.how === 'metonym' || hit.how === 'name')) codes.add(hit.entry.code);
    else if (hit.kind === 'region' && hit.entry.code) codes.add(hit.entry.code);
  }
  return codes.size === 1 ? ([...codes][0] ?? null) : null;
}
