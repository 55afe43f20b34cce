import type { Figures } from '../figures/types.ts';
import type { Assessment, Doc, DocFormat, Event, Sentence } from '../types.ts';
import { StoreError } from '../errors.ts';
import type { Store } from './connection.ts';
import { dayOfPartialDate } from './dates.ts';
import { appendEvents, eventIdOf } from './events.ts';
import { storeFigures } from './figures-queries.ts';
import { insertAssessments, markMirrors } from './assessments.ts';

/** A document after coding: what `codedDocFromDoc` gives and `storeCodedDoc` takes. */
export interface CodedDoc {
  readonly doc: Doc;
  readonly sentences: readonly Sentence[];
  readonly events: readonly Event[];
  /** What the document says about how two actors stand (not events), stored with it when given. */
  readonly assessments?: readonly Assessment[];
  /** Tables, facts and series found in the document, stored with it when given. */
  readonly figures?: Figures;
}

/** What storing one coded document did. */
export interface StoredDoc {
  readonly docId: string;
  /** `false` when a document with the same content hash was already stored (nothing was added). */
  readonly stored: boolean;
  readonly sentences: number;
  readonly events: number;
}

/**
 * Stores a document with its sentences and events in one transaction: after a
 * crash it is either all there or absent. A document already stored (same
 * content hash) adds nothing. Events repeated within the document (same id)
 * are kept once.
 */
export async function storeCodedDoc(store: Store, coded: CodedDoc): Promise<StoredDoc> {
  const { doc } = coded;
  for (const s of coded.sentences) {
    if (s.docId !== doc.id) throw new StoreError(`${doc.origin}: sentence ${s.index} belongs to document ${s.docId}, not ${doc.id}`);
  }
  return store.transaction(async () => {
    const existing = await store.one<{ assessed: boolean | null }>('SELECT assessed FROM documents WHERE id = ?', [doc.id]);
    if (existing) {
      // Stored before assessments existed (migration 5): add them now; events and sentences stay as they are.
      if (existing.assessed !== true && coded.assessments !== undefined) {
        await insertAssessments(store, coded.assessments);
        await store.run('UPDATE documents SET assessed = true WHERE id = ?', [doc.id]);
      }
      return { docId: doc.id, stored: false, sentences: 0, events: 0 };
    }
    await store.run(
      `INSERT INTO documents (id, name, origin, format, title, date, day, source, publisher, text, original, offsets, paragraphs, sections, blocks)
       VALUES (?, ?, ?, ?, ?, ?, CAST(? AS DATE), ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        doc.id,
        doc.name,
        doc.origin,
        doc.format,
        doc.meta.title,
        doc.meta.date,
        dayOfPartialDate(doc.meta.date)?.day ?? null,
        doc.meta.source,
        doc.meta.publisher,
        doc.text,
        doc.original,
        JSON.stringify(doc.offsets),
        JSON.stringify(doc.paragraphs),
        JSON.stringify(doc.sections),
        JSON.stringify(doc.blocks),
      ],
    );
    const sentences = await store.appender('sentences');
    for (const s of coded.sentences) {
      sentences.appendVarchar(s.docId);
      sentences.appendInteger(s.index);
      sentences.appendVarchar(s.text);
      sentences.appendInteger(s.span.start);
      sentences.appendInteger(s.span.end);
      sentences.appendInteger(s.paragraph);
      if (s.section === null) sentences.appendNull();
      else sentences.appendVarchar(s.section);
      sentences.endRow();
    }
    sentences.closeSync();
    const seen = new Set<string>();
    const events = coded.events.filter((e) => {
      const id = eventIdOf(e);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    const app = await store.appender('events');
    appendEvents(app, events, { docDate: doc.meta.date });
    app.closeSync();
    await markMirrors(store, doc.id);
    if (coded.assessments !== undefined) {
      await insertAssessments(store, coded.assessments);
      await store.run('UPDATE documents SET assessed = true WHERE id = ?', [doc.id]);
    }
    for (const e of events) {
      for (const actor of [e.source, e.target]) {
        if (actor.entry === null) continue;
        await store.run('INSERT INTO actors (entry, country, sector, text) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [actor.entry, actor.country, actor.sector, actor.text]);
      }
    }
    if (coded.figures) await storeFigures(store, doc.id, coded.figures);
    return { docId: doc.id, stored: true, sentences: coded.sentences.length, events: events.length };
  });
}

/** A stored document's metadata with how many sentences and events it has. */
export interface DocumentSummary {
  readonly id: string;
  readonly name: string;
  readonly origin: string;
  readonly format: DocFormat;
  readonly title: string | null;
  readonly date: string | null;
  readonly source: string | null;
  readonly publisher: string | null;
  readonly storedAt: string;
  readonly sentences: number;
  readonly events: number;
}

/** Ids of the documents stored with their assessments (all those coded since migration 5). */
export async function assessedDocumentIds(store: Store): Promise<Set<string>> {
  return new Set((await store.all<{ id: string }>('SELECT id FROM documents WHERE assessed')).map((r) => r.id));
}

/** Every stored document, newest date first. */
export async function documents(store: Store): Promise<DocumentSummary[]> {
  return store.all<DocumentSummary>(
    `SELECT d.id, d.name, d.origin, d.format, d.title, d.date, d.source, d.publisher, strftime(d.stored_at, '%Y-%m-%dT%H:%M:%SZ') AS "storedAt",
            (SELECT count(*) FROM sentences s WHERE s.doc_id = d.id) AS sentences,
            (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS events
       FROM documents d
      ORDER BY d.day DESC NULLS LAST, d.name`,
  );
}

/** A stored document in full (as ingested) with its sentences, for the evidence panel. */
export interface StoredDocument {
  readonly doc: Doc;
  readonly sentences: readonly Sentence[];
  readonly storedAt: string;
}

interface DocumentRow {
  id: string;
  name: string;
  origin: string;
  format: DocFormat;
  title: string | null;
  date: string | null;
  source: string | null;
  publisher: string | null;
  text: string;
  original: string;
  offsets: string;
  paragraphs: string;
  sections: string;
  blocks: string;
  storedAt: string;
}

/** One document by id (its content hash), or `null`. */
export async function documentById(store: Store, id: string): Promise<StoredDocument | null> {
  const row = await store.one<DocumentRow>(
    `SELECT id, name, origin, format, title, date, source, publisher, text, original,
            offsets::VARCHAR AS offsets, paragraphs::VARCHAR AS paragraphs, sections::VARCHAR AS sections, blocks::VARCHAR AS blocks,
            strftime(stored_at, '%Y-%m-%dT%H:%M:%SZ') AS "storedAt"
       FROM documents WHERE id = ?`,
    [id],
  );
  if (!row) return null;
  const sentences = await store.all<{ idx: number; text: string; span_start: number; span_end: number; paragraph: number; section: string | null }>(
    'SELECT idx, text, span_start, span_end, paragraph, section FROM sentences WHERE doc_id = ? ORDER BY idx',
    [id],
  );
  return {
    doc: {
      id: row.id,
      name: row.name,
      origin: row.origin,
      format: row.format,
      meta: { title: row.title, date: row.date, source: row.source, publisher: row.publisher },
      text: row.text,
      original: row.original,
      offsets: JSON.parse(row.offsets),
      paragraphs: JSON.parse(row.paragraphs),
      sections: JSON.parse(row.sections),
      blocks: JSON.parse(row.blocks),
    },
    sentences: sentences.map((s) => ({ docId: id, index: s.idx, text: s.text, span: { start: s.span_start, end: s.span_end }, paragraph: s.paragraph, section: s.section })),
    storedAt: row.storedAt,
  };
}

/** How much the ledger holds. */
export interface LedgerCounts {
  readonly documents: number;
  readonly sentences: number;
  readonly events: number;
  readonly eventsByOrigin: Readonly<Record<string, number>>;
  readonly actors: number;
  readonly imports: number;
}

/** Row counts of the main tables (events also per origin). */
export async function counts(store: Store): Promise<LedgerCounts> {
  const totals = await store.one<{ documents: number; sentences: number; events: number; actors: number; imports: number }>(
    `SELECT (SELECT count(*) FROM documents) AS documents, (SELECT count(*) FROM sentences) AS sentences,
            (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM actors) AS actors, (SELECT count(*) FROM imports) AS imports`,
  );
  const byOrigin = await store.all<{ origin: string; n: number }>('SELECT origin, count(*) AS n FROM events GROUP BY origin ORDER BY origin');
  return {
    documents: totals?.documents ?? 0,
    sentences: totals?.sentences ?? 0,
    events: totals?.events ?? 0,
    eventsByOrigin: Object.fromEntries(byOrigin.map((r) => [r.origin, r.n])),
    actors: totals?.actors ?? 0,
    imports: totals?.imports ?? 0,
  };
}
