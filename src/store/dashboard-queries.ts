import type { Store } from './connection.ts';

/** Where an event's sentence sits: its paragraph's text and start, and the document's metadata. */
export interface EvidenceContext {
  readonly name: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly source: string | null;
  /** The paragraph holding the sentence, `null` when the document has no such paragraph. */
  readonly paragraph: string | null;
  /** Offset of the paragraph in the document's cleaned text. */
  readonly paragraphStart: number | null;
}

/**
 * The paragraph of sentence `sentenceIndex` of document `docId` (without
 * reading the whole text into memory), or `null` when the document is not stored.
 */
export async function evidenceContext(store: Store, docId: string, sentenceIndex: number | null): Promise<EvidenceContext | null> {
  return store.one<EvidenceContext>(
    `WITH p AS (
       SELECT d.id,
              CAST(json_extract(d.paragraphs, '$[' || CAST(s.paragraph AS VARCHAR) || '].start') AS INTEGER) AS p_start,
              CAST(json_extract(d.paragraphs, '$[' || CAST(s.paragraph AS VARCHAR) || '].end') AS INTEGER) AS p_end
         FROM documents d LEFT JOIN sentences s ON s.doc_id = d.id AND s.idx = ?
        WHERE d.id = ?
     )
     SELECT d.name, d.title, d.date, d.source,
            CASE WHEN p.p_start IS NULL OR p.p_end IS NULL THEN NULL ELSE substring(d.text, p.p_start + 1, p.p_end - p.p_start) END AS paragraph,
            p.p_start AS "paragraphStart"
       FROM documents d JOIN p ON p.id = d.id`,
    [sentenceIndex, docId],
  );
}

/** Number of distinct documents behind the events of a dyad (`A-B` as stored, A ≤ B). */
export async function documentCountOfDyad(store: Store, dyad: string): Promise<number> {
  const row = await store.one<{ n: number }>('SELECT count(DISTINCT doc_id) AS n FROM events WHERE dyad = ? AND doc_id IS NOT NULL', [dyad]);
  return row?.n ?? 0;
}

/** A document behind some of a dyad's events, as a brief cites it. */
export interface DyadDocument {
  readonly id: string;
  readonly name: string;
  readonly title: string | null;
  readonly date: string | null;
  readonly source: string | null;
}

/** The documents holding events of a dyad (`A-B` as stored, A ≤ B), oldest first. */
export async function documentsOfDyad(store: Store, dyad: string): Promise<DyadDocument[]> {
  return store.all<DyadDocument>(
    `SELECT d.id, d.name, d.title, d.date, d.source
       FROM documents d
      WHERE d.id IN (SELECT DISTINCT doc_id FROM events WHERE dyad = ? AND doc_id IS NOT NULL)
      ORDER BY d.day NULLS LAST, d.name`,
    [dyad],
  );
}
