/**
 * The SQL that turns the lines of an event-dataset file into candidate events,
 * one format at a time. Each format gives three statements over the batch of
 * lines in `feed_lines` (see {@link LINES_FROM_CHUNKS}):
 *
 * - `cells`: split lines into the fields it needs (`feed_cells`);
 * - `keys`: the codes and names to resolve through the dictionaries (kind, key);
 * - `candidates`: one row per line with `reason` (why it is rejected, or NULL)
 *   and the event fields, using `feed_keys` (resolved keys), `feed_cameo`
 *   (CAMEO → PLOVER), `feed_actor_codes` (CAMEO actor codes), `feed_sectors`
 *   (sector words) and `feed_types` (PLOVER type names).
 *
 * Reasons are written `kind: detail` so the summary can group them by kind.
 */

import { CONTEXTS, SECTORS } from '../types.ts';

/** Where each field sits (1-based) in a POLECAT file, read from its header. */
export interface PolecatLayout {
  readonly width: number;
  readonly eventId: number;
  readonly eventDate: number;
  readonly eventType: number;
  readonly eventMode: number | null;
  readonly contexts: number | null;
  readonly intensity: number | null;
  readonly actorName: number;
  readonly actorCountry: number;
  readonly actorSector: number | null;
  readonly recipientName: number;
  readonly recipientCountry: number;
  readonly recipientSector: number | null;
  readonly country: number | null;
}

/** The statements for one format (see the module comment). */
export interface FeedSql {
  /** `null`: the candidates read `feed_lines` themselves. */
  readonly cells: string | null;
  /** `null`: every key was loaded into `feed_keys` before the import. */
  readonly keys: string | null;
  readonly candidates: string;
}

/**
 * Splits the chunks of a batch into numbered lines (`feed_lines`), once, so the
 * statements after it scan a plain table of lines. (Select-list
 * unnest beside generate_subscripts: a lateral `unnest … WITH ORDINALITY` over
 * a multi-megabyte chunk is orders of magnitude slower.)
 */
export const LINES_FROM_CHUNKS = `CREATE OR REPLACE TEMP TABLE feed_lines AS
SELECT first_line + generate_subscripts(s, 1) - 1 AS line, unnest(s) AS text
  FROM (SELECT first_line, string_split(text, chr(10)) AS s FROM feed_chunks)`;

/** Lines of the batch with the CR of CRLF files dropped. */
const LINES = `lines AS (SELECT line, rtrim(text, chr(13)) AS text FROM feed_lines)`;

/**
 * Closes every format's `candidates`: from a CTE `mapped` (the event fields
 * named as in `events`, plus `line`, `origin_id`, `reason`; `contexts` and
 * `entries` as text joined by chr(31), as lists cost more to carry), adds the ledger
 * id, the domestic check, and a content fingerprint that tells a true
 * duplicate from a reused id; rejected rows keep only their line, origin id
 * and reason (long fields are not carried).
 */
const TAIL = `
SELECT line, origin_id, r AS reason,
  CASE WHEN r IS NULL THEN left(md5($origin || ':' || origin_id), 16) END AS id,
  CASE WHEN r IS NULL THEN md5(concat_ws('|', source_country, target_country, coalesce(cameo, type, ''), coalesce(date, ''), coalesce(source_text, ''), coalesce(target_text, ''))) END AS fingerprint,
  source_country, source_sector, target_country, target_sector, type, mode, quad, intensity, cameo, theater, date, rule, geo_fips,
  CASE WHEN r IS NULL THEN source_text END AS source_text,
  CASE WHEN r IS NULL THEN target_text END AS target_text,
  CASE WHEN r IS NULL THEN contexts END AS contexts,
  CASE WHEN r IS NULL THEN entries END AS entries,
  CASE WHEN r IS NULL THEN url END AS url
FROM (SELECT *, CASE WHEN reason IS NOT NULL THEN reason WHEN source_country = target_country THEN 'domestic: both ends are ' || source_country END AS r FROM mapped)`;

/**
 * The `events` columns, in table order, from a row of `feed_candidates`
 * (aliased `c`) and the parameters `$origin`, `$doc`, `$import_id`. Computed
 * only for the rows that are stored.
 */
export const EVENT_ROW = `
  c.id,
  $origin AS origin,
  c.origin_id,
  CAST($import_id AS INTEGER) AS import_id,
  $doc AS doc,
  CAST(NULL AS VARCHAR) AS doc_id,
  CAST(NULL AS INTEGER) AS sentence_index,
  CAST(NULL AS VARCHAR) AS sentence_text,
  CAST(NULL AS INTEGER) AS sentence_start,
  CAST(NULL AS INTEGER) AS sentence_end,
  CAST(NULL AS INTEGER) AS span_start,
  CAST(NULL AS INTEGER) AS span_end,
  c.source_country,
  c.source_sector,
  c.source_text,
  CAST(NULL AS VARCHAR) AS source_entry,
  CAST(NULL AS INTEGER) AS source_start,
  CAST(NULL AS INTEGER) AS source_end,
  c.target_country,
  c.target_sector,
  c.target_text,
  CAST(NULL AS VARCHAR) AS target_entry,
  CAST(NULL AS INTEGER) AS target_start,
  CAST(NULL AS INTEGER) AS target_end,
  least(c.source_country, c.target_country) || '-' || greatest(c.source_country, c.target_country) AS dyad,
  c.type,
  c.mode,
  CAST(c.quad AS TINYINT) AS quad,
  CAST(c.intensity AS DOUBLE) AS intensity,
  c.cameo,
  false AS negated,
  'asserted' AS modality,
  CASE WHEN coalesce(c.contexts, '') = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(c.contexts, chr(31)) END AS contexts,
  CASE WHEN c.theater IN (c.source_country, c.target_country) THEN NULL ELSE c.theater END AS theater,
  c.date,
  CAST(c.date AS DATE) AS day,
  CASE WHEN c.date IS NOT NULL THEN 'day' END AS day_precision,
  CASE WHEN c.date IS NOT NULL THEN 'event' END AS day_from,
  CAST(NULL AS VARCHAR) AS section,
  c.rule,
  CASE WHEN coalesce(c.entries, '') = '' THEN CAST([] AS VARCHAR[]) ELSE string_split(c.entries, chr(31)) END AS entries,
  c.url,
  c.geo_fips`;

/** A resolved key, or NULL. */
const key = (kind: string, column: string, alias: string): string =>
  `LEFT JOIN feed_keys ${alias} ON ${alias}.kind = '${kind}' AND ${alias}.key = ${column}`;

/**
 * GDELT 1.0 (57 columns, backfile; 58 with SOURCEURL) and 2.0 (61 columns,
 * ADM2 codes added to each geography), mixed freely in one file. Actor
 * country codes are CAMEO codes; ActionGeo_CountryCode is FIPS 10-4 and is
 * kept apart in `geo_fips` (mapped to ISO3 only to name the theater). Both
 * code lists are finite, so `feed_keys` is filled before the import and the
 * lines go to candidates in one statement.
 */
export function gdeltSql(): FeedSql {
  // Sector from Type1 (Type2 when Type1 is not a sector code); an IGO by its group, a Type code IGO, or an IGO… actor code.
  const actor = (n: 1 | 2): string => `
  coalesce(a${n}k.value, a${n}g.value,
           CASE WHEN 'IGO' IN (f.a${n}_type1, f.a${n}_type2, f.a${n}_type3) OR starts_with(f.a${n}_code, 'IGO') THEN 'IGO' END) AS a${n}_resolved,
  CASE WHEN a${n}k.value IS NOT NULL THEN coalesce(nullif(a${n}t1.value, 'IGO'), nullif(a${n}t2.value, 'IGO'), 'GOV') END AS a${n}_sector`;
  const actorJoins = (n: 1 | 2): string => `
  ${key('cameo-country', `f.a${n}_country`, `a${n}k`)}
  LEFT JOIN feed_actor_codes a${n}g ON a${n}g.field = 'group' AND a${n}g.code = f.a${n}_group
  LEFT JOIN feed_actor_codes a${n}t1 ON a${n}t1.field = 'type' AND a${n}t1.code = f.a${n}_type1
  LEFT JOIN feed_actor_codes a${n}t2 ON a${n}t2.field = 'type' AND a${n}t2.code = f.a${n}_type2`;
  const noActor = (n: 1 | 2, end: string): string => `CASE
        WHEN coalesce(a${n}_code, '') = '' THEN 'no ${end} actor: Actor${n} is empty'
        ELSE 'no ${end} country: Actor${n} "' || a${n}_code || '"'
             || CASE WHEN coalesce(a${n}_name, '') <> '' THEN ' (' || a${n}_name || ')' ELSE '' END
             || ' has no state or IGO code'
             || CASE WHEN coalesce(a${n}_country, '') <> '' THEN ' ("' || a${n}_country || '" is a region, not a state)' ELSE '' END
      END`;
  // Only the last field can carry the CR of a CRLF line: trimmed there (URL) instead of on every line.
  const candidates = `WITH split AS (SELECT line, string_split(text, chr(9)) AS c FROM feed_lines), f AS (
  SELECT line, len(c) AS width, len(c) = 1 AND trim(c[1], ' ' || chr(13)) = '' AS blank,
    c[1] AS event_id, c[2] AS sqldate,
    c[6] AS a1_code, c[7] AS a1_name, c[8] AS a1_country, c[9] AS a1_group, c[13] AS a1_type1, c[14] AS a1_type2, c[15] AS a1_type3,
    c[16] AS a2_code, c[17] AS a2_name, c[18] AS a2_country, c[19] AS a2_group, c[23] AS a2_type1, c[24] AS a2_type2, c[25] AS a2_type3,
    c[27] AS event_code,
    CASE WHEN len(c) = 61 THEN c[54] ELSE c[52] END AS action_fips,
    CASE WHEN len(c) IN (58, 61) THEN rtrim(c[len(c)], chr(13)) END AS url
  FROM split
), resolved AS (
  SELECT f.*, m.code AS cameo_code, m.label AS cameo_label, m.type, m.mode, m.quad, m.intensity, m.contexts_text AS contexts,
    fk.value AS fips_country, try_strptime(f.sqldate, '%Y%m%d') AS parsed_date,
    ${actor(1)},
    ${actor(2)}
  FROM f
  LEFT JOIN feed_cameo m ON m.code = f.event_code
  ${key('fips', 'f.action_fips', 'fk')}
  ${actorJoins(1)}
  ${actorJoins(2)}
), mapped AS (
  SELECT line,
    CASE
      WHEN blank THEN 'blank line: no fields'
      WHEN width NOT IN (57, 58, 61) THEN 'wrong width: expected 57, 58 or 61 tab-separated columns (GDELT 1.0 or 2.0), found ' || width
      WHEN NOT regexp_full_match(event_id, '[0-9]{1,19}') THEN 'bad GLOBALEVENTID: "' || event_id || '" is not a number'
      WHEN parsed_date IS NULL OR NOT regexp_full_match(sqldate, '[0-9]{8}') THEN 'bad SQLDATE: "' || sqldate || '" is not a date (YYYYMMDD)'
      WHEN cameo_code IS NULL AND regexp_full_match(event_code, '[1-9][0-9]{1,2}') THEN 'bad EventCode: "' || event_code || '" is not a CAMEO code (leading zero lost? CAMEO codes are strings like "0' || event_code || '")'
      WHEN cameo_code IS NULL THEN 'bad EventCode: "' || event_code || '" is not a CAMEO event code'
      WHEN type IS NULL THEN 'not an event: CAMEO ' || cameo_code || ' (' || cameo_label || ') is a statement, not a PLOVER event'
      WHEN a1_resolved IS NULL THEN ${noActor(1, 'source')}
      WHEN a2_resolved IS NULL THEN ${noActor(2, 'target')}
    END AS reason,
    event_id AS origin_id,
    a1_resolved AS source_country, a1_sector AS source_sector, nullif(a1_name, '') AS source_text,
    a2_resolved AS target_country, a2_sector AS target_sector, nullif(a2_name, '') AS target_text,
    type, mode, quad, intensity, cameo_code AS cameo, contexts,
    fips_country AS theater,
    strftime(parsed_date, '%Y-%m-%d') AS date,
    CASE WHEN width = 61 THEN 'import:gdelt2.0 cameo' ELSE 'import:gdelt1.0 cameo' END AS rule,
    concat_ws(chr(31), 'cameo:' || event_code, 'actor1:' || nullif(a1_code, ''), 'actor2:' || nullif(a2_code, '')) AS entries,
    nullif(url, '') AS url,
    nullif(action_fips, '') AS geo_fips
  FROM resolved
)${TAIL}`;
  return { cells: null, keys: null, candidates };
}

const NA = (column: string): string => `(${column} IS NULL OR ${column} IN ('', 'NA'))`;

/** The sector of an actor from a comma-separated list of sector words (best-ranked word wins). */
const sectorFromWords = (column: string): string =>
  `(SELECT s.sector FROM unnest(regexp_split_to_array(${column}, '[;,]')) AS w(word) JOIN feed_sectors s ON s.word = lower(trim(w.word)) ORDER BY s.rank LIMIT 1)`;

/** A SQL list literal of known words (constants of src/types.ts only: lower-case letters and '_'). */
const wordList = (words: readonly string[]): string => `[${words.filter((w) => /^[A-Za-z_]+$/.test(w)).map((w) => `'${w}'`).join(', ')}]`;

/**
 * ICEWS (Dataverse, 20 columns, header row). Countries are full names
 * ("Russian Federation"); `NA` is missing. Event IDs repeat across the
 * dataset with distinct dates, so the origin id is `Event ID@Event Date`.
 * Dates are ISO, or M/D/YYYY in one known file.
 */
export function icewsSql(): FeedSql {
  const cells = `CREATE OR REPLACE TEMP TABLE feed_cells AS
WITH ${LINES}, split AS (SELECT line, text, string_split(text, chr(9)) AS c FROM lines)
SELECT line, trim(text) = '' AS blank, len(c) AS width,
  trim(c[1]) AS event_id, trim(c[2]) AS event_date,
  c[3] AS source_name, c[4] AS source_sectors, trim(c[5]) AS source_country,
  c[6] AS event_text, trim(c[7]) AS cameo_code,
  c[9] AS target_name, c[10] AS target_sectors, trim(c[11]) AS target_country,
  c[12] AS story_id, c[13] AS sentence_number, trim(c[18]) AS location_country
FROM split`;
  const keys = `SELECT 'country-name' AS kind, source_country AS key FROM feed_cells WHERE NOT ${NA('source_country')}
UNION SELECT 'country-name', target_country FROM feed_cells WHERE NOT ${NA('target_country')}
UNION SELECT 'country-name', location_country FROM feed_cells WHERE NOT ${NA('location_country')}
UNION SELECT 'igo-name', source_name FROM feed_cells WHERE ${NA('source_country')} AND NOT ${NA('source_name')}
UNION SELECT 'igo-name', target_name FROM feed_cells WHERE ${NA('target_country')} AND NOT ${NA('target_name')}`;
  const end = (side: 'source' | 'target'): string => `
    CASE WHEN NOT ${NA(`f.${side}_country`)} THEN ${side}k.value
         ELSE coalesce(${side}g.value, CASE WHEN list_contains(string_split(lower(f.${side}_sectors), ','), 'international government organization') THEN 'IGO' END)
    END AS ${side}_resolved,
    CASE WHEN NOT ${NA(`f.${side}_country`)} AND ${side}k.value IS NOT NULL
         THEN coalesce(${sectorFromWords(`f.${side}_sectors`)}, CASE WHEN ${NA(`f.${side}_sectors`)} THEN 'GOV' ELSE 'OTH' END)
    END AS ${side}_sector`;
  const noEnd = (side: 'source' | 'target', label: string): string => `CASE WHEN NOT ${NA(`${side}_country`)}
        THEN format('unknown ${side} country: ${label} Country "{}" is not a country name the dictionaries know', ${side}_country)
        ELSE format('no ${side} country: ${label} Country is NA and "{}" is not a known IGO', coalesce(${side}_name, '')) END`;
  const candidates = `WITH resolved AS (
  SELECT f.*, m.code AS cameo, m.label AS cameo_label, m.type, m.mode, m.quad, m.intensity, m.contexts_text AS contexts,
    coalesce(try_strptime(f.event_date, '%Y-%m-%d'), CASE WHEN regexp_full_match(f.event_date, '[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN try_strptime(f.event_date, '%m/%d/%Y') END) AS parsed_date,
    lk.value AS location,
    ${end('source')},
    ${end('target')}
  FROM feed_cells f
  LEFT JOIN feed_cameo m ON m.code = f.cameo_code
  ${key('country-name', 'f.source_country', 'sourcek')}
  ${key('country-name', 'f.target_country', 'targetk')}
  ${key('country-name', 'f.location_country', 'lk')}
  ${key('igo-name', 'f.source_name', 'sourceg')}
  ${key('igo-name', 'f.target_name', 'targetg')}
), mapped AS (
  SELECT line,
    CASE
      WHEN blank THEN 'blank line: no fields'
      WHEN width <> 20 THEN format('wrong width: expected 20 tab-separated columns (ICEWS), found {}', width)
      WHEN NOT regexp_full_match(event_id, '[0-9]{1,19}') THEN format('bad Event ID: "{}" is not a number', event_id)
      WHEN parsed_date IS NULL OR NOT regexp_full_match(event_date, '[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}') THEN format('bad Event Date: "{}" is not a date (YYYY-MM-DD)', event_date)
      WHEN cameo IS NULL THEN format('bad CAMEO Code: "{}" is not a CAMEO event code', cameo_code)
      WHEN type IS NULL THEN format('not an event: CAMEO {} ({}) is a statement, not a PLOVER event', cameo, cameo_label)
      WHEN source_resolved IS NULL THEN ${noEnd('source', 'Source')}
      WHEN target_resolved IS NULL THEN ${noEnd('target', 'Target')}
    END AS reason,
    event_id || '@' || coalesce(strftime(parsed_date, '%Y-%m-%d'), event_date) AS origin_id,
    source_resolved AS source_country, source_sector, nullif(source_name, 'NA') AS source_text,
    target_resolved AS target_country, target_sector, nullif(target_name, 'NA') AS target_text,
    type, mode, quad, intensity, cameo, contexts,
    location AS theater,
    strftime(parsed_date, '%Y-%m-%d') AS date,
    'import:icews cameo' AS rule,
    concat_ws(chr(31), 'cameo:' || cameo_code, CASE WHEN NOT ${NA('story_id')} THEN 'icews-story:' || story_id || '#' || coalesce(sentence_number, '') END) AS entries,
    CAST(NULL AS VARCHAR) AS url,
    CAST(NULL AS VARCHAR) AS geo_fips
  FROM resolved
)${TAIL}`;
  return { cells, keys, candidates };
}

const column = (c: number | null): string => (c === null ? 'CAST(NULL AS VARCHAR)' : `trim(c[${Math.trunc(c)}])`);

/** POLECAT (PLOVER-native TSV, header row naming the columns; `None` is missing; several codes joined by `;`). */
export function polecatSql(layout: PolecatLayout): FeedSql {
  const cells = `CREATE OR REPLACE TEMP TABLE feed_cells AS
WITH ${LINES}, split AS (SELECT line, text, string_split(text, chr(9)) AS c FROM lines)
SELECT line, trim(text) = '' AS blank, len(c) AS width,
  ${column(layout.eventId)} AS event_id, ${column(layout.eventDate)} AS event_date,
  ${column(layout.eventType)} AS event_type, ${column(layout.eventMode)} AS event_mode,
  ${column(layout.contexts)} AS contexts_text, ${column(layout.intensity)} AS their_intensity,
  ${column(layout.actorName)} AS source_name, ${column(layout.actorCountry)} AS source_code, ${column(layout.actorSector)} AS source_sector_text,
  ${column(layout.recipientName)} AS target_name, ${column(layout.recipientCountry)} AS target_code, ${column(layout.recipientSector)} AS target_sector_text,
  ${column(layout.country)} AS location
FROM split`;
  const none = (c: string): string => `(${c} IS NULL OR ${c} IN ('', 'None', 'NA'))`;
  const keys = `SELECT 'code' AS kind, source_code AS key FROM feed_cells WHERE NOT ${none('source_code')}
UNION SELECT 'code', target_code FROM feed_cells WHERE NOT ${none('target_code')}
UNION SELECT 'code', location FROM feed_cells WHERE NOT ${none('location')}
UNION SELECT 'country-name', location FROM feed_cells WHERE NOT ${none('location')}
UNION SELECT 'igo-name', source_name FROM feed_cells WHERE ${none('source_code')} AND NOT ${none('source_name')}
UNION SELECT 'igo-name', target_name FROM feed_cells WHERE ${none('target_code')} AND NOT ${none('target_name')}`;
  const end = (side: 'source' | 'target'): string => `
    CASE WHEN NOT ${none(`f.${side}_code`)} THEN ${side}k.value ELSE ${side}g.value END AS ${side}_resolved,
    CASE WHEN NOT ${none(`f.${side}_code`)} AND ${side}k.value IS NOT NULL AND ${side}k.value NOT IN (SELECT value FROM feed_igo_codes)
         THEN coalesce(CASE WHEN list_contains(${wordList(SECTORS)}, upper(f.${side}_sector_text)) THEN upper(f.${side}_sector_text) END,
                       ${sectorFromWords(`f.${side}_sector_text`)},
                       CASE WHEN ${none(`f.${side}_sector_text`)} THEN 'GOV' ELSE 'OTH' END)
    END AS ${side}_sector`;
  const noEnd = (side: 'source' | 'target', label: string): string => `CASE
        WHEN contains(${side}_code, ';') THEN format('several ${side} countries: ${label} Country "{}" names more than one; one row makes one event', ${side}_code)
        WHEN NOT ${none(`${side}_code`)} THEN format('unknown ${side} country: ${label} Country "{}" is not an ISO3 or IGO code the dictionaries know', ${side}_code)
        ELSE format('no ${side} country: ${label} Country is None and "{}" is not a known IGO', coalesce(${side}_name, '')) END`;
  const candidates = `WITH resolved AS (
  SELECT f.*, t.type, t.quad, t.intensity,
    try_strptime(left(f.event_date, 10), '%Y-%m-%d') AS parsed_date,
    coalesce(lk.value, ln.value) AS theater_code,
    list_filter(list_transform(regexp_split_to_array(coalesce(f.contexts_text, ''), '[;,]'), x -> lower(trim(x))), x -> x <> '' AND x <> 'none') AS context_words,
    ${end('source')},
    ${end('target')}
  FROM feed_cells f
  LEFT JOIN feed_types t ON t.name = upper(f.event_type)
  ${key('code', 'f.source_code', 'sourcek')}
  ${key('code', 'f.target_code', 'targetk')}
  ${key('code', 'f.location', 'lk')}
  ${key('country-name', 'f.location', 'ln')}
  ${key('igo-name', 'f.source_name', 'sourceg')}
  ${key('igo-name', 'f.target_name', 'targetg')}
), mapped AS (
  SELECT line,
    CASE
      WHEN blank THEN 'blank line: no fields'
      WHEN width <> ${Math.trunc(layout.width)} THEN format('wrong width: expected ${Math.trunc(layout.width)} tab-separated columns (as the header), found {}', width)
      WHEN ${none('event_id')} THEN 'no Event ID: the row has no id'
      WHEN parsed_date IS NULL THEN format('bad Event Date: "{}" is not a date (YYYY-MM-DD)', event_date)
      WHEN type IS NULL THEN format('bad Event Type: "{}" is not a PLOVER event type', event_type)
      WHEN source_resolved IS NULL THEN ${noEnd('source', 'Actor')}
      WHEN target_resolved IS NULL THEN ${noEnd('target', 'Recipient')}
    END AS reason,
    event_id AS origin_id,
    source_resolved AS source_country, source_sector, CASE WHEN NOT ${none('source_name')} THEN source_name END AS source_text,
    target_resolved AS target_country, target_sector, CASE WHEN NOT ${none('target_name')} THEN target_name END AS target_text,
    type, CASE WHEN NOT ${none('event_mode')} THEN lower(event_mode) END AS mode, quad, intensity,
    CAST(NULL AS VARCHAR) AS cameo,
    array_to_string(list_filter(context_words, x -> list_contains(${wordList(CONTEXTS)}, x)), chr(31)) AS contexts,
    theater_code AS theater,
    strftime(parsed_date, '%Y-%m-%d') AS date,
    'import:polecat plover' AS rule,
    array_to_string(list_concat(
      ['plover:' || upper(event_type), CASE WHEN NOT ${none('their_intensity')} THEN 'polecat-intensity:' || their_intensity END],
      list_transform(list_filter(context_words, x -> NOT list_contains(${wordList(CONTEXTS)}, x)), x -> 'polecat-context:' || x)
    ), chr(31)) AS entries,
    CAST(NULL AS VARCHAR) AS url,
    CAST(NULL AS VARCHAR) AS geo_fips
  FROM resolved
)${TAIL}`;
  return { cells, keys, candidates };
}
