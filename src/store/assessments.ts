/**
 * Assessments in the ledger (what a text says about how two actors stand,
 * kept apart from events), and the mark on an event that is the second
 * direction of one act coded each way.
 */
import type { AssessmentCellRow, DyadQuery } from '../analysis/types.ts';
import type { Assessment } from '../types.ts';
import type { Store } from './connection.ts';
import { dayOfPartialDate } from './dates.ts';
import type { Migration } from './migrations.ts';

/**
 * Marks, among the coded events of one document (`$id`) or of all, the second
 * direction of each act coded each way: the same trigger in the same sentence
 * coded with the same type, negation and modality from A to B and from B to A.
 * The event with the lower id stays unmarked.
 */
const MARK_MIRRORS = (oneDoc: boolean): string => `
  UPDATE events SET mirror = true
   WHERE id IN (
     SELECT y.id FROM events x JOIN events y
       ON x.doc_id = y.doc_id AND x.sentence_index = y.sentence_index AND x.span_start = y.span_start AND x.span_end = y.span_end
      AND x.type = y.type AND x.negated = y.negated AND x.modality = y.modality
      AND x.source_country = y.target_country AND x.target_country = y.source_country AND x.id < y.id
     WHERE x.origin = 'coded' AND y.origin = 'coded' AND ${oneDoc ? 'x.doc_id = $id' : 'x.doc_id IS NOT NULL'})`;

/** Statements of the migration that marks mirrored events and adds the assessments table. */
export const ASSESSMENTS_MIGRATION: Omit<Migration, 'version'> = {
  name: 'events: mirror mark of acts coded each way; assessments; documents: assessed',
  statements: [
    'ALTER TABLE events ADD COLUMN mirror BOOLEAN DEFAULT false',
    // Documents coded before this version have no assessments; ingesting them again adds them.
    'ALTER TABLE documents ADD COLUMN assessed BOOLEAN DEFAULT false',
    MARK_MIRRORS(false),
    `CREATE TABLE assessments (
      doc_id VARCHAR NOT NULL,
      doc VARCHAR NOT NULL,
      sentence_index INTEGER NOT NULL,
      sentence_text VARCHAR NOT NULL,
      sentence_start INTEGER NOT NULL,
      sentence_end INTEGER NOT NULL,
      span_start INTEGER NOT NULL,
      span_end INTEGER NOT NULL,
      cue VARCHAR NOT NULL,
      a VARCHAR NOT NULL,
      b VARCHAR NOT NULL,
      dyad VARCHAR NOT NULL,
      valence VARCHAR NOT NULL,
      contexts VARCHAR[] NOT NULL,
      theater VARCHAR,
      date VARCHAR,
      day DATE,
      section VARCHAR,
      rule VARCHAR NOT NULL
    )`,
  ],
};

/** The mark is never unknown; DuckDB sets a constraint only on a column with no uncommitted change, hence its own step. */
export const MIRROR_NOT_NULL_MIGRATION: Omit<Migration, 'version'> = {
  name: 'events: mirror is not null',
  statements: ['ALTER TABLE events ALTER COLUMN mirror SET NOT NULL'],
};

/** Marks the mirrored events of one coded document (inside the caller's transaction). */
export async function markMirrors(store: Store, docId: string): Promise<void> {
  await store.run(MARK_MIRRORS(true), { id: docId });
}

/** Marks the mirrored events of every coded document (after a bulk import of coded rows). */
export async function markAllMirrors(store: Store): Promise<void> {
  await store.run(MARK_MIRRORS(false));
}

/** Stores a document's assessments (inside the caller's transaction). */
export async function insertAssessments(store: Store, assessments: readonly Assessment[]): Promise<number> {
  for (const x of assessments) {
    await store.run(
      `INSERT INTO assessments (doc_id, doc, sentence_index, sentence_text, sentence_start, sentence_end, span_start, span_end, cue, a, b, dyad,
                                valence, contexts, theater, date, day, section, rule)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?)`,
      [x.docId, x.doc, x.sentence.index, x.sentence.text, x.sentence.start, x.sentence.end, x.span.start, x.span.end, x.cue, x.a, x.b, `${x.a}-${x.b}`,
        x.valence, [...x.contexts], x.theater, x.date, dayOfPartialDate(x.date)?.day ?? null, x.section, x.rule],
    );
  }
  return assessments.length;
}

/**
 * A dyad's assessments per matrix row (context, unnested; or theater), within
 * the query's dates: counts per valence and, per row and valence, the `k`
 * latest, as whole assessments. Only coded documents give assessments, so an
 * origin filter without `coded` gives none.
 */
export async function dyadAssessmentCells(store: Store, query: DyadQuery, dimension: 'context' | 'theater', k: number): Promise<AssessmentCellRow[]> {
  if (query.origins !== null && !query.origins.includes('coded')) return [];
  const a = query.a < query.b ? query.a : query.b;
  const b = query.a < query.b ? query.b : query.a;
  // An assessment that names no issue says nothing about any context row (events fall back to `diplomatic`; assessments do not).
  const key = dimension === 'context' ? 'unnest(contexts)' : 'theater';
  const rows = await store.all<{
    key: string | null;
    valence: Assessment['valence'];
    n: number;
    top: { doc: string; doc_id: string; sentence_index: number; sentence_text: string; cue: string; theater: string | null; contexts: string[]; date: string | null; rule: string }[];
  }>(
    `WITH x AS (
       SELECT ${key} AS key, valence, doc, doc_id, sentence_index, sentence_text, cue, theater, contexts, date, day, rule
         FROM assessments
        WHERE dyad = ? AND (CAST(? AS DATE) IS NULL OR day >= CAST(? AS DATE)) AND (CAST(? AS DATE) IS NULL OR day <= CAST(? AS DATE))
     )
     SELECT key, valence, count(*) AS n,
            list({'doc': doc, 'doc_id': doc_id, 'sentence_index': sentence_index, 'sentence_text': sentence_text, 'cue': cue, 'theater': theater,
                  'contexts': contexts, 'date': date, 'rule': rule} ORDER BY day DESC NULLS LAST, doc_id, sentence_index)[1:${Math.max(1, Math.floor(k))}] AS top
       FROM x GROUP BY key, valence ORDER BY key NULLS LAST, valence`,
    [`${a}-${b}`, query.from, query.from, query.to, query.to],
  );
  return rows.map((r) => ({
    key: r.key,
    valence: r.valence,
    count: r.n,
    evidence: r.top.map((t) => ({
      doc: t.doc,
      docId: t.doc_id,
      sentenceIndex: t.sentence_index,
      sentence: t.sentence_text,
      cue: t.cue,
      theater: t.theater,
      contexts: t.contexts,
      date: t.date,
      rule: t.rule,
    })),
  }));
}
