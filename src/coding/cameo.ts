import { resolve } from 'node:path';
import { ConfigError } from '../errors.ts';
import { CONTEXTS, PLOVER_TYPES, SECTORS } from '../types.ts';
import type { ActorCode, Context, EventType, Sector } from '../types.ts';
import { DICTIONARY_DIR, listCell, optionalCell, readDictionary } from './dictionary-file.ts';
import type { DictionaryFile, DictionaryRow } from './dictionary-file.ts';
import type { CameoEntry } from './lexicon-types.ts';

/** What the CAMEO dictionaries say: event codes → PLOVER, and GDELT actor codes → sector or IGO. */
export interface CameoDictionary {
  /** Event codes that make a PLOVER event, by code (`'0834'`). */
  readonly events: ReadonlyMap<string, CameoEntry>;
  /** Event codes that are not events in PLOVER (public statements), code → label. */
  readonly nonEvents: ReadonlyMap<string, string>;
  /** Actor Type codes → sector, or `'IGO'` for an intergovernmental organisation. */
  readonly types: ReadonlyMap<string, Sector | 'IGO'>;
  /** Actor KnownGroup codes of IGOs → detente's IGO code (`UNO` → `UN`). */
  readonly groups: ReadonlyMap<string, ActorCode>;
}

const EVENT_COLUMNS = ['code', 'label', 'type', 'mode', 'contexts'];
const ACTOR_COLUMNS = ['code', 'field', 'value', 'label'];
const EVENT_CODE = /^(0[1-9]|1\d|20)\d{1,2}$/;
const ACTOR_CODE = /^[A-Z]{3}$/;
const IGO_CODE = /^[A-Z][A-Z0-9]{1,7}$/;

const cache = new Map<string, CameoDictionary>();

/** Reads and validates `cameo.tsv` and `cameo-actors.tsv` from `dir` (default `dictionaries/`), once per directory. */
export function loadCameo(dir: string = DICTIONARY_DIR): CameoDictionary {
  const key = resolve(dir);
  const cached = cache.get(key);
  if (cached) return cached;
  const dictionary = cameoFromDictionaries(readDictionary('cameo.tsv', key), readDictionary('cameo-actors.tsv', key));
  cache.set(key, dictionary);
  return dictionary;
}

function checkShape(file: DictionaryFile, columns: readonly string[]): void {
  if (!file.header.some((line) => /\bas of\b/i.test(line))) throw new ConfigError(`${file.file}:1`, 'header must say as of when the facts hold ("as of …")');
  if (file.columns.join('\t') !== columns.join('\t')) throw new ConfigError(file.file, `expected columns ${columns.join(', ')}; found ${file.columns.join(', ')}`);
}

const at = (row: DictionaryRow): string => `${row.file}:${row.line}`;

function unique(row: DictionaryRow, code: string, seen: Map<string, number>): void {
  const first = seen.get(code);
  if (first !== undefined) throw new ConfigError(at(row), `code "${code}" is listed twice (first at line ${first})`);
  seen.set(code, row.line);
}

/** Validates parsed CAMEO dictionaries (event codes, actor codes) and builds the lookup maps. */
export function cameoFromDictionaries(eventsFile: DictionaryFile, actorsFile: DictionaryFile): CameoDictionary {
  checkShape(eventsFile, EVENT_COLUMNS);
  checkShape(actorsFile, ACTOR_COLUMNS);
  const events = new Map<string, CameoEntry>();
  const nonEvents = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const row of eventsFile.rows) {
    const [code = '', label = '', type = '', mode = '', contexts = ''] = row.cells;
    if (!EVENT_CODE.test(code)) throw new ConfigError(at(row), `"${code}" is not a CAMEO event code (3 or 4 digits, root 01-20, leading zero kept)`);
    unique(row, code, seen);
    if (label === '') throw new ConfigError(at(row), 'label is empty');
    if (type === '-') {
      if (optionalCell(mode) !== null || listCell(contexts).length > 0) throw new ConfigError(at(row), 'a code with no event type takes no mode or contexts');
      nonEvents.set(code, label);
      continue;
    }
    if (!(PLOVER_TYPES as readonly string[]).includes(type)) throw new ConfigError(at(row), `unknown PLOVER type "${type}" (expected one of ${PLOVER_TYPES.join(', ')} or "-")`);
    const list = listCell(contexts);
    for (const c of list) {
      if (!(CONTEXTS as readonly string[]).includes(c)) throw new ConfigError(at(row), `unknown context "${c}"`);
    }
    events.set(code, { code, label, type: type as EventType, mode: optionalCell(mode), contexts: list as Context[] });
  }
  const types = new Map<string, Sector | 'IGO'>();
  const groups = new Map<string, ActorCode>();
  const seenActors = new Map<string, number>();
  for (const row of actorsFile.rows) {
    const [code = '', field = '', value = ''] = row.cells;
    if (!ACTOR_CODE.test(code)) throw new ConfigError(at(row), `"${code}" is not a 3-letter CAMEO actor code`);
    unique(row, `${field}:${code}`, seenActors);
    if (field === 'type') {
      if (value !== 'IGO' && !(SECTORS as readonly string[]).includes(value)) throw new ConfigError(at(row), `unknown sector "${value}" (expected one of ${SECTORS.join(', ')} or IGO)`);
      types.set(code, value as Sector | 'IGO');
    } else if (field === 'group') {
      if (!IGO_CODE.test(value)) throw new ConfigError(at(row), `"${value}" is not an IGO code`);
      groups.set(code, value);
    } else {
      throw new ConfigError(at(row), `field must be "type" or "group", not "${field}"`);
    }
  }
  return { events, nonEvents, types, groups };
}
