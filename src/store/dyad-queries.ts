/**
 * The SQL of the dyad analysis. Every aggregation over events happens here, in
 * DuckDB, so that the analysis (src/analysis) works on small results whatever
 * the size of the ledger: counts and intensity sums per period, per matrix
 * cell, per third party, and the ids of the strongest events of each cell.
 * A report makes three passes over the events (flows; one grouping-sets pass
 * for every breakdown of the dyad; third parties) and one lookup by id.
 *
 * "Strongest" ranks by |intensity| (to 0.01), then asserted before future,
 * then events with a sentence before those without, then the later day, then
 * the row. The rank is packed into one BIGINT whose low 32 bits are the row
 * number, so the top-k aggregates compare integers and give back the rows to
 * cite; row numbers hold within one snapshot, so a report runs its queries in
 * one transaction (and tables stay under 2³² rows).
 */
import type { Modality, Origin, Quad } from '../types.ts';
import type {
  CellEvidenceRow,
  CellRow,
  DyadQuery,
  EvidenceEvent,
  EvidenceWindow,
  Granularity,
  Grouping,
  OriginCountRow,
  PeriodFlowRow,
  SplitCellEvidenceRow,
  SplitCellRow,
  ThirdPartyEvidenceRow,
  ThirdPartyRole,
  ThirdPartyRow,
  WindowEvidenceRow,
} from '../analysis/types.ts';
import type { SqlValue, Store } from './connection.ts';
import { dyadOf, whereOfFilter } from './events.ts';

/** The rank key: |intensity|·100 (10 bits), asserted, has a sentence, days since 1600 (18 bits), row number (32 bits). */
const STRENGTH = `((least(CAST(abs(intensity) * 100 AS BIGINT), 1023) * 4 + CAST(modality = 'asserted' AS BIGINT) * 2 + CAST(sentence_index IS NOT NULL AS BIGINT)) * 262144
  + least(greatest(coalesce(day - DATE '1600-01-01', 0), 0), 262143)) * 4294967296 + rowid`;

/** The row numbers of a list of rank keys, as text (the analysis' evidence references). */
const ROWS_OF = (keys: string): string => `list_transform(${keys}, x -> CAST(x % 4294967296 AS VARCHAR))`;

/** `date_trunc` parts; a fixed map, so no user text reaches the SQL. */
const TRUNC: Readonly<Record<Granularity, string>> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

/** Row keys of the matrix; contexts are a list, unnested after a first grouping. */
const KEY_SQL: Readonly<Record<Grouping, string>> = {
  context: `CASE WHEN len(contexts) = 0 THEN [NULL::VARCHAR] ELSE contexts END`,
  theater: 'theater',
  type: 'type',
  source: 'doc',
};

interface Where {
  readonly sql: string;
  readonly params: SqlValue[];
}

function and(where: Where, clause: string, ...params: SqlValue[]): Where {
  return { sql: where.sql === '' ? `WHERE ${clause}` : `${where.sql} AND ${clause}`, params: [...where.params, ...params] };
}

/** Filters every dyad query shares: dates, origins, modality and negation; and the dyad itself when `dyad`. */
function commonWhere(query: DyadQuery, dyad: boolean): Where {
  let where: Where = whereOfFilter({
    ...(dyad ? { dyad: `${query.a}-${query.b}`, direction: query.directed ? ('forward' as const) : ('both' as const) } : {}),
    ...(query.from !== null ? { from: query.from } : {}),
    ...(query.to !== null ? { to: query.to } : {}),
    ...(query.origins !== null ? { origin: query.origins } : {}),
  });
  where = and(where, 'list_contains(?, modality)', [...query.modalities]);
  if (!query.includeNegated) where = and(where, 'NOT negated');
  return where;
}

function dyadWhere(query: DyadQuery): Where {
  return commonWhere(query, true);
}

/** Like {@link dyadWhere}, counting an act coded each way once when both directions are counted together. */
function interactionWhere(query: DyadQuery, dyad: boolean): Where {
  const where = commonWhere(query, dyad);
  return query.directed ? where : and(where, 'NOT mirror');
}

function dyadKeyOf(query: DyadQuery): string {
  return dyadOf(query.a, query.b);
}

/** What {@link dyadFlows} returns. */
export interface DyadFlows {
  readonly flows: PeriodFlowRow[];
  readonly origins: OriginCountRow[];
  readonly first: string | null;
  readonly last: string | null;
  /** Coded documents holding dyad events (their other events are where third parties are looked for). */
  readonly docs: string[];
}

/** Events of the dyad per period, direction and quad (undated under `period: null`), per origin, first and last day, and the coded documents they are in. */
export async function dyadFlows(store: Store, query: DyadQuery, granularity: Granularity): Promise<DyadFlows> {
  const where = dyadWhere(query);
  const rows = await store.all<{
    g: number;
    period: string | null;
    forward: boolean;
    mirror: boolean;
    quad: Quad;
    origin: Origin;
    doc_id: string | null;
    events: number;
    interactions: number;
    intensity: number | null;
    squares: number | null;
    first: string | null;
    last: string | null;
  }>(
    `SELECT GROUPING(period, forward, mirror, quad, origin, doc_id) AS g, period, forward, mirror, quad, origin, doc_id,
            count(*) AS events, count(*) FILTER (WHERE NOT mirror) AS interactions,
            sum(intensity) AS intensity, sum(intensity * intensity) AS squares, min(day) AS first, max(day) AS last
       FROM (SELECT CAST(date_trunc('${TRUNC[granularity]}', day) AS DATE) AS period, source_country = ? AS forward,
                    mirror, quad, intensity, origin, doc_id, day
               FROM events ${where.sql})
      GROUP BY GROUPING SETS ((period, forward, mirror, quad), (origin), (doc_id), ())`,
    [query.a, ...where.params],
  );
  const flows: PeriodFlowRow[] = [];
  const origins: OriginCountRow[] = [];
  const docs: string[] = [];
  let first: string | null = null;
  let last: string | null = null;
  for (const r of rows) {
    if (r.g === 0b000011) {
      flows.push({ period: r.period, forward: r.forward, mirror: r.mirror, quad: r.quad, events: r.events, intensity: r.intensity ?? 0, intensitySquares: r.squares ?? 0 });
    } else if (r.g === 0b111101) {
      origins.push({ origin: r.origin, events: query.directed ? r.events : r.interactions });
    } else if (r.g === 0b111110) {
      if (r.doc_id !== null) docs.push(r.doc_id);
    } else if (r.g === 0b111111) {
      first = r.first;
      last = r.last;
    }
  }
  flows.sort((x, y) => (x.period ?? '').localeCompare(y.period ?? '') || Number(y.forward) - Number(x.forward) || Number(x.mirror) - Number(y.mirror) || x.quad - y.quad);
  return { flows, origins, first, last, docs: docs.sort() };
}

/** Matrix cells of one dimension: counts per (key, quad) and the strongest event ids of each side of each key. */
export interface Cells {
  readonly cells: CellRow[];
  readonly evidence: CellEvidenceRow[];
}

/** Like {@link Cells}, each row marked before or after the split. */
export interface SplitCells {
  readonly cells: SplitCellRow[];
  readonly evidence: SplitCellEvidenceRow[];
}

/** The day range of a comparison: `from`…`to` inclusive, split at the first day of the later period. */
export interface SplitRange {
  readonly from: string;
  readonly split: string;
  readonly to: string;
}

/** What one pass over the dyad's events should break them down by. */
export interface BreakdownSpec {
  /** Matrix rows, one section each. */
  readonly matrix: readonly Grouping[];
  /** Rows compared before and after a split day. */
  readonly split: { readonly range: SplitRange; readonly dimensions: readonly Grouping[] } | null;
  /** Windows (on `granularity` period boundaries) whose strongest events of a side are wanted. */
  readonly windows: { readonly granularity: Granularity; readonly windows: readonly EvidenceWindow[] } | null;
  /** Theaters other than the dyad's members, as third parties. */
  readonly theaters: boolean;
  /** Strongest events kept per cell side. */
  readonly k: number;
}

export interface Breakdown {
  readonly matrix: ReadonlyMap<Grouping, Cells>;
  readonly split: ReadonlyMap<Grouping, SplitCells>;
  readonly windows: WindowEvidenceRow[];
  readonly theaters: { readonly rows: ThirdPartyRow[]; readonly evidence: ThirdPartyEvidenceRow[] };
}

interface BreakdownRow {
  kind: 'cell' | 'evidence' | 'window';
  name: string;
  after: boolean | null;
  key: string | null;
  type: ThirdPartyRow['type'] | null;
  quad: Quad | null;
  events: number | null;
  intensity: number | null;
  cooperative: boolean | null;
  ids: string[] | null;
}

/**
 * Every breakdown of the dyad's events a report needs, in one pass. The pass
 * groups the events into a small cube — (context list, theater, type, quad,
 * split side) — keeping counts, sums and the top k rank keys of each group;
 * documents (for `source` rows) and periods (for the windows) get their own
 * grouping sets. Every section is then summed from those groups: the top k
 * of a union lies within the union of the parts' top k, so re-ranking the
 * candidates (per row side, per unnested context, per window) is exact, and
 * each event updates one top-k heap per set instead of one per section.
 */
export async function dyadBreakdown(store: Store, query: DyadQuery, spec: BreakdownSpec): Promise<Breakdown> {
  const matrixDims = [...new Set(spec.matrix)];
  const splitDims = spec.split ? [...new Set(spec.split.dimensions)] : [];
  const windows = spec.windows?.windows ?? [];
  const bySource = matrixDims.includes('source') || splitDims.includes('source');
  const byPeriod = windows.length > 0;
  const byCube = matrixDims.some((d) => d !== 'source') || splitDims.some((d) => d !== 'source') || spec.theaters;
  if (!bySource && !byPeriod && !byCube) {
    return { matrix: new Map(matrixDims.map((d) => [d, { cells: [], evidence: [] }])), split: new Map(), windows: [], theaters: { rows: [], evidence: [] } };
  }
  const where = interactionWhere(query, true);
  const params: SqlValue[] = [];
  // The split side: NULL outside the compared days (and for undated events).
  let afterSql = 'NULL::BOOLEAN';
  if (spec.split) {
    afterSql = 'CASE WHEN day >= CAST(? AS DATE) AND day <= CAST(? AS DATE) THEN day >= CAST(? AS DATE) END';
    params.push(spec.split.range.from, spec.split.range.to, spec.split.range.split);
  }
  const sets: string[] = [];
  if (byCube) sets.push('(ctx, theater, type, quad, after)');
  if (bySource) sets.push('(doc, quad, after)');
  if (byPeriod) sets.push('(period, quad)');
  // GROUPING over the sets' own key columns tells the sets apart: every bit set but the set's key's.
  const setKeys = [byCube ? 'ctx' : null, bySource ? 'doc' : null, byPeriod ? 'period' : null].filter((k) => k !== null);
  const gidOf = (key: string): string => String(2 ** setKeys.length - 1 - 2 ** (setKeys.length - 1 - setKeys.indexOf(key)));
  const grouped = (column: string, present: boolean, type: string): string => (present ? column : `NULL::${type} AS ${column}`);
  const derived: string[] = [];
  const section = (name: string, from: string, key: string, opts: { after?: boolean; type?: boolean; unnest?: boolean; keep?: string } = {}): void => {
    const after = opts.after ? 'after' : 'NULL::BOOLEAN';
    const type = opts.type ? 'type' : 'NULL::VARCHAR';
    const keep = opts.keep ? `AND ${opts.keep}` : '';
    const source = opts.unnest ? `(SELECT *, unnest(${key}) AS k FROM g WHERE gid = ${from} ${keep})` : `(SELECT *, ${key} AS k FROM g WHERE gid = ${from} ${keep})`;
    derived.push(
      `SELECT '${name}' AS name, ${after} AS after, CAST(k AS VARCHAR) AS key, ${type} AS type, quad, sum(n) AS n, sum(s) AS s, flatten(list(top)) AS top
         FROM ${source} GROUP BY ALL`,
    );
  };
  const CUBE = gidOf('ctx');
  const DOCS = gidOf('doc');
  const PERIODS = gidOf('period');
  const sectionKey: Readonly<Record<Grouping, { from: string; key: string; unnest: boolean }>> = {
    context: { from: CUBE, key: 'ctx', unnest: true },
    theater: { from: CUBE, key: 'theater', unnest: false },
    type: { from: CUBE, key: 'type', unnest: false },
    source: { from: DOCS, key: 'doc', unnest: false },
  };
  for (const d of matrixDims) section(`matrix:${d}`, sectionKey[d].from, sectionKey[d].key, { unnest: sectionKey[d].unnest });
  for (const d of splitDims) section(`split:${d}`, sectionKey[d].from, sectionKey[d].key, { unnest: sectionKey[d].unnest, after: true, keep: 'after IS NOT NULL' });
  if (spec.theaters) {
    derived.push(
      `SELECT 'theater' AS name, NULL::BOOLEAN AS after, theater AS key, type, quad, sum(n) AS n, sum(s) AS s, flatten(list(top)) AS top
         FROM g WHERE gid = ${CUBE} AND theater NOT IN (?, ?) GROUP BY ALL`,
    );
  }
  const theaterParams: SqlValue[] = spec.theaters ? [query.a, query.b] : [];
  const windowValues = windows.map(() => '(?, CAST(? AS DATE), CAST(? AS DATE), ?)').join(', ');
  const windowParams = windows.flatMap((w): SqlValue[] => [w.id, w.from, w.until, w.side === 'cooperation']);
  const windowSql = byPeriod
    ? `UNION ALL
     SELECT 'window', 'window', NULL, w.wid, NULL, NULL, NULL, NULL, NULL, ${ROWS_OF('max(c.t, ?)')}
       FROM (VALUES ${windowValues}) AS w(wid, f, u, cooperative)
       JOIN (SELECT period, quad, unnest(top) AS t FROM g WHERE gid = ${PERIODS}) AS c
         ON c.period >= w.f AND c.period < w.u AND (c.quad <= 2) = w.cooperative
      GROUP BY w.wid`
    : '';
  const rows = await store.all<BreakdownRow>(
    `WITH ev AS (
       SELECT ${afterSql} AS after, ${KEY_SQL.context} AS ctx, theater, type, ${bySource ? 'doc' : 'NULL::VARCHAR AS doc'},
              ${byPeriod ? `CAST(date_trunc('${TRUNC[spec.windows?.granularity ?? 'month']}', day) AS DATE)` : 'NULL::DATE'} AS period,
              quad, intensity, ${STRENGTH} AS strength
         FROM events ${where.sql}
     ),
     g AS (
       SELECT GROUPING(${setKeys.join(', ')}) AS gid, ${grouped('ctx', byCube, 'VARCHAR[]')}, ${grouped('theater', byCube, 'VARCHAR')},
              ${grouped('type', byCube, 'VARCHAR')}, ${grouped('doc', bySource, 'VARCHAR')}, ${grouped('period', byPeriod, 'DATE')}, quad,
              ${grouped('after', byCube || bySource, 'BOOLEAN')},
              count(*) AS n, sum(intensity) AS s, max(strength, ?) AS top
         FROM ev GROUP BY GROUPING SETS (${sets.join(', ')})
     ),
     cells AS (${derived.length > 0 ? derived.join(' UNION ALL ') : "SELECT NULL AS name, NULL::BOOLEAN AS after, NULL::VARCHAR AS key, NULL::VARCHAR AS type, NULL::TINYINT AS quad, NULL::BIGINT AS n, NULL::DOUBLE AS s, NULL::BIGINT[] AS top WHERE false"}),
     sides AS (
       SELECT name, after, key, cooperative, ${ROWS_OF('max(t, ?)')} AS ids
         FROM (SELECT name, after, key, CASE WHEN name <> 'theater' THEN quad <= 2 END AS cooperative, unnest(top) AS t FROM cells)
        GROUP BY name, after, key, cooperative
     )
     SELECT 'cell' AS kind, name, after, key, type, quad, n AS events, s AS intensity, NULL::BOOLEAN AS cooperative, NULL::VARCHAR[] AS ids FROM cells
     UNION ALL
     SELECT 'evidence', name, after, key, NULL, NULL, NULL, NULL, cooperative, ids FROM sides
     ${windowSql}`,
    [...params, ...where.params, spec.k, ...theaterParams, spec.k, ...(byPeriod ? [spec.k, ...windowParams] : [])],
  );
  const matrix = new Map<Grouping, Cells>(matrixDims.map((d) => [d, { cells: [], evidence: [] }]));
  const split = new Map<Grouping, SplitCells>(splitDims.map((d) => [d, { cells: [], evidence: [] }]));
  const windowRows: WindowEvidenceRow[] = [];
  const theaterRows: ThirdPartyRow[] = [];
  const theaterEvidence: ThirdPartyEvidenceRow[] = [];
  for (const r of rows) {
    if (r.kind === 'window') {
      windowRows.push({ id: r.key ?? '', ids: r.ids ?? [] });
      continue;
    }
    const side = r.cooperative ? 'cooperation' : 'conflict';
    const [sectionName, dim] = r.name.split(':') as [string, Grouping | undefined];
    if (sectionName === 'matrix' && dim) {
      const entry = matrix.get(dim);
      if (r.kind === 'cell') entry?.cells.push({ key: r.key, quad: r.quad as Quad, events: r.events ?? 0, intensity: r.intensity ?? 0 });
      else entry?.evidence.push({ key: r.key, side, ids: r.ids ?? [] });
    } else if (sectionName === 'split' && dim) {
      const entry = split.get(dim);
      const after = r.after === true;
      if (r.kind === 'cell') entry?.cells.push({ after, key: r.key, quad: r.quad as Quad, events: r.events ?? 0, intensity: r.intensity ?? 0 });
      else entry?.evidence.push({ after, key: r.key, side, ids: r.ids ?? [] });
    } else if (sectionName === 'theater' && r.key !== null) {
      if (r.kind === 'cell') {
        theaterRows.push({ actor: r.key, role: 'theater', type: r.type as ThirdPartyRow['type'], quad: r.quad as Quad, events: r.events ?? 0, intensity: r.intensity ?? 0 });
      } else {
        theaterEvidence.push({ actor: r.key, role: 'theater', ids: r.ids ?? [] });
      }
    }
  }
  return { matrix, split, windows: windowRows, theaters: { rows: theaterRows, evidence: theaterEvidence } };
}

/**
 * Third parties at the other end of A's or B's events with anyone else:
 * imported events anywhere in the filter, coded events only in the documents
 * `docs` (those holding dyad events). Counts per (actor, role, type, quad);
 * the `k` strongest coded events per (actor, role), since those have a
 * sentence to cite (an imported row has at most a link).
 */
export async function thirdPartyRows(store: Store, query: DyadQuery, docs: readonly string[], k: number): Promise<{ readonly rows: ThirdPartyRow[]; readonly evidence: ThirdPartyEvidenceRow[] }> {
  // One scan: rows with exactly one end in the dyad; the other end is the third party.
  const inDocs = '(doc_id IS NULL OR doc_id IN (SELECT unnest(?)))';
  const around = and(interactionWhere(query, false), `(source_country IN (?, ?)) <> (target_country IN (?, ?)) AND ${inDocs}`, query.a, query.b, query.a, query.b, [...docs]);
  const rows = await store.all<{
    kind: 'cell' | 'evidence';
    actor: string;
    role: ThirdPartyRole;
    type: ThirdPartyRow['type'] | null;
    quad: Quad | null;
    events: number | null;
    intensity: number | null;
    ids: string[] | null;
  }>(
    `WITH around AS (
       SELECT CASE WHEN source_country IN (?, ?) THEN target_country ELSE source_country END AS actor,
              CASE WHEN source_country = ? OR target_country = ? THEN 'with-a' ELSE 'with-b' END AS role,
              type, quad, intensity, CASE WHEN doc_id IS NOT NULL THEN ${STRENGTH} END AS strength
         FROM events ${around.sql}
     ),
     g AS (
       SELECT actor, role, type, quad, count(*) AS n, sum(intensity) AS s, max(strength, ?) AS top
         FROM around GROUP BY actor, role, type, quad
     )
     SELECT 'cell' AS kind, actor, role, type, quad, n AS events, s AS intensity, NULL::VARCHAR[] AS ids FROM g
     UNION ALL
     SELECT 'evidence', actor, role, NULL, NULL, NULL, NULL, ${ROWS_OF('max(t, ?)')}
       FROM (SELECT actor, role, unnest(top) AS t FROM g) WHERE t IS NOT NULL GROUP BY actor, role`,
    [query.a, query.b, query.a, query.a, ...around.params, k, k],
  );
  const cells: ThirdPartyRow[] = [];
  const evidence: ThirdPartyEvidenceRow[] = [];
  for (const r of rows) {
    if (r.kind === 'cell') {
      cells.push({ actor: r.actor, role: r.role, type: r.type as ThirdPartyRow['type'], quad: r.quad as Quad, events: r.events ?? 0, intensity: r.intensity ?? 0 });
    } else {
      evidence.push({ actor: r.actor, role: r.role, ids: r.ids ?? [] });
    }
  }
  return { rows: cells, evidence };
}

/**
 * The events cited by these references (the row numbers the rankings give),
 * keyed by reference. Cited rows are dyad events or coded events, so the scan
 * reads the columns of only those (filters DuckDB pushes into the scan); run
 * it in the same transaction as the queries that gave the references.
 */
export async function evidenceEventsByRefs(store: Store, query: DyadQuery, refs: readonly string[]): Promise<Map<string, EvidenceEvent>> {
  const wanted = [...new Set(refs)];
  if (wanted.length === 0) return new Map();
  const columns = `rowid AS ref, id, origin, doc, doc_id, date, day, source_country, source_text, target_country, target_text, type, quad, intensity,
            negated, modality, contexts, theater, sentence_text, sentence_index, rule, url`;
  const rows = await store.all<{
    ref: number;
    id: string;
    origin: Origin;
    doc: string | null;
    doc_id: string | null;
    date: string | null;
    day: string | null;
    source_country: string;
    source_text: string | null;
    target_country: string;
    target_text: string | null;
    type: EvidenceEvent['type'];
    quad: Quad;
    intensity: number;
    negated: boolean;
    modality: Modality;
    contexts: EvidenceEvent['contexts'];
    theater: string | null;
    sentence_text: string | null;
    sentence_index: number | null;
    rule: string;
    url: string | null;
  }>(
    `WITH wanted AS (SELECT CAST(unnest(?) AS BIGINT) AS r)
     SELECT ${columns} FROM events WHERE dyad = ? AND rowid IN (SELECT r FROM wanted)
     UNION ALL
     SELECT ${columns} FROM events WHERE doc_id IS NOT NULL AND dyad <> ? AND rowid IN (SELECT r FROM wanted)`,
    [wanted, dyadKeyOf(query), dyadKeyOf(query)],
  );
  return new Map(
    rows.map((r) => [
      String(r.ref),
      {
        id: r.id,
        origin: r.origin,
        doc: r.doc,
        docId: r.doc_id,
        date: r.date,
        day: r.day,
        source: r.source_country,
        sourceText: r.source_text,
        target: r.target_country,
        targetText: r.target_text,
        type: r.type,
        quad: r.quad,
        intensity: r.intensity,
        negated: r.negated,
        modality: r.modality,
        contexts: r.contexts,
        theater: r.theater,
        sentence: r.sentence_text,
        sentenceIndex: r.sentence_index,
        rule: r.rule,
        url: r.url,
      },
    ]),
  );
}

/** The least any dyad report must do, one pass over the dyad's events counting them per quad: the benchmark's baseline. */
export async function dyadQuadCounts(store: Store, query: DyadQuery): Promise<{ readonly quad: Quad; readonly events: number; readonly intensity: number }[]> {
  const where = interactionWhere(query, true);
  return store.all(`SELECT quad, count(*) AS events, sum(intensity) AS intensity FROM events ${where.sql} GROUP BY quad ORDER BY quad`, where.params);
}
