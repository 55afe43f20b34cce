/**
 * Synthetic events for benchmarks, generated inside DuckDB with `range()` so
 * that ten million rows cost no JavaScript loop. Deterministic: the same `n`
 * gives the same rows. The mix looks like an imported news feed: one heavy
 * dyad (A–B, a tenth of all events), A and B dealing with others (three
 * tenths), other pairs (the rest); PLOVER types with their quads and
 * intensities; a few context lists; theaters on a third of events; days
 * spread over 25 years in import order; some future, hypothetical and
 * negated events.
 */
import { PLOVER_TYPES, TYPE_TABLE } from '../types.ts';
import type { EventType } from '../types.ts';
import type { SqlValue, Store } from './connection.ts';

/** Actors the synthetic events use besides the heavy dyad's two. */
const OTHERS = ['CHN', 'GBR', 'FRA', 'DEU', 'UKR', 'SYR', 'IRN', 'IND', 'JPN', 'TUR', 'ISR', 'PAK', 'AFG', 'NATO', 'UN', 'EU', 'PRK', 'KOR'] as const;

/** Context lists, comma-joined (the store binds flat string lists only). */
const CONTEXT_LISTS = [
  'diplomatic',
  'military',
  'cbrn,military',
  'terrorism',
  'terrorism,intelligence',
  'human_rights',
  'economic',
  'economic,natural_resource',
  'diplomatic,pro_democracy',
  'cyber,intelligence',
  'migration',
  '',
] as const;

const THEATERS = ['SYR', 'AFG', 'UKR', 'IRN', 'PRK', 'Arctic'] as const;

/** How often each type occurs, roughly as in news feeds (talk is common, force rare). */
const TYPE_WEIGHTS: Readonly<Record<EventType, number>> = {
  AGREE: 10,
  CONSULT: 25,
  SUPPORT: 8,
  CONCEDE: 2,
  COOPERATE: 6,
  AID: 3,
  RETREAT: 1,
  REQUEST: 8,
  ACCUSE: 12,
  REJECT: 6,
  THREATEN: 3,
  PROTEST: 2,
  SANCTION: 4,
  MOBILIZE: 2,
  COERCE: 4,
  ASSAULT: 4,
};

/** Appends `n` synthetic events whose heavy dyad is `a`–`b`; returns the number of rows added. */
export async function insertSyntheticEvents(store: Store, n: number, dyad: { readonly a: string; readonly b: string } = { a: 'USA', b: 'RUS' }): Promise<number> {
  const types = PLOVER_TYPES.flatMap((t) => Array.from({ length: TYPE_WEIGHTS[t] }, () => t));
  const kinds = types.map((_, i) => `($k${i}, $t${i}, $q${i}, $v${i})`).join(', ');
  const params: Record<string, SqlValue> = Object.fromEntries(
    types.flatMap((t, i): [string, SqlValue][] => [
      [`k${i}`, i],
      [`t${i}`, t],
      [`q${i}`, TYPE_TABLE[t].quad],
      [`v${i}`, TYPE_TABLE[t].intensity],
    ]),
  );
  // hash(i + salt) gives independent, repeatable draws per row. Pick 0: the dyad;
  // 1–3: A or B with someone else, either way round; 4–9: two others.
  return store.run(
    `INSERT INTO events (id, origin, origin_id, doc, sentence_index, sentence_text, source_country, target_country, dyad,
                         type, quad, intensity, negated, modality, contexts, theater, date, day, day_precision, day_from, rule, entries)
     WITH kinds(k, type, quad, intensity) AS (VALUES ${kinds}),
     draws AS (
       SELECT i, hash(i + 1) % 10 AS pick, CAST(hash(i + 2) % $kinds AS INTEGER) AS k,
              CASE WHEN hash(i + 3) % 2 = 0 THEN $a ELSE $b END AS member,
              CAST(hash(i + 4) % len($others) AS INTEGER) AS xi,
              CAST(1 + hash(i + 5) % (len($others) - 1) AS INTEGER) AS step,
              hash(i + 6) % 2 = 0 AS swap,
              DATE '2000-01-01' + CAST(i * 9131 // $n AS INTEGER) AS day
         FROM range($n) AS r(i)
     ),
     ends AS (
       SELECT *, list_extract($others, 1 + xi) AS x, list_extract($others, 1 + (xi + step) % len($others)) AS y FROM draws
     ),
     pairs AS (
       SELECT *,
              CASE WHEN pick = 0 THEN member WHEN pick <= 3 THEN (CASE WHEN swap THEN x ELSE member END) ELSE x END AS s,
              CASE WHEN pick = 0 THEN (CASE WHEN member = $a THEN $b ELSE $a END)
                   WHEN pick <= 3 THEN (CASE WHEN swap THEN member ELSE x END) ELSE y END AS t
         FROM ends
     )
     SELECT printf('%016x', i), 'gdelt', CAST(i AS VARCHAR), 'synthetic-' || CAST(i // 1000 AS VARCHAR), CAST(i % 50 AS INTEGER),
            'Synthetic event ' || CAST(i AS VARCHAR) || '.', s, t,
            CASE WHEN s <= t THEN s || '-' || t ELSE t || '-' || s END,
            kinds.type, kinds.quad, kinds.intensity,
            hash(i + 7) % 33 = 0,
            CASE WHEN hash(i + 8) % 20 < 17 THEN 'asserted' WHEN hash(i + 8) % 20 < 19 THEN 'future' ELSE 'hypothetical' END,
            list_filter(string_split(list_extract($contexts, 1 + CAST(hash(i + 9) % len($contexts) AS INTEGER)), ','), (c) -> c <> ''),
            CASE WHEN hash(i + 10) % 3 = 0 THEN list_extract($theaters, 1 + CAST(hash(i + 11) % len($theaters) AS INTEGER)) END,
            CAST(day AS VARCHAR), day, 'day', 'event', 'synthetic', []::VARCHAR[]
       FROM pairs JOIN kinds USING (k)`,
    { ...params, kinds: types.length, a: dyad.a, b: dyad.b, n, others: [...OTHERS], contexts: [...CONTEXT_LISTS], theaters: [...THEATERS] },
  );
}
