/** The figures stage for one document: tables, facts, and the series made from them. */
import type { Doc, Sentence } from '../types.ts';
import { factsFromSentences, factsFromText } from './facts.ts';
import { tablesFromHtml } from './html-tables.ts';
import { tablesFromPdfItems, type PdfTextItem } from './pdf-tables.ts';
import { seriesFromFacts, seriesFromTables } from './series.ts';
import { tablesFromText } from './text-tables.ts';
import type { ActorResolver, Figures, TablesResult } from './types.ts';

export interface FigureOptions {
  readonly resolve?: ActorResolver;
  /** Text items of the document's PDF: tables are then rebuilt from positions. */
  readonly pdfItems?: readonly PdfTextItem[];
}

/**
 * The tables of a document: from the markup for HTML (spans in `doc.original`),
 * from text positions when PDF items are given (spans in `textFromPdfItems`),
 * else from `doc.original` with ingest's table blocks read as regions.
 */
export function tablesFromDoc(doc: Doc, pdfItems?: readonly PdfTextItem[]): TablesResult {
  if (doc.format === 'html') return tablesFromHtml(doc.original);
  if (pdfItems && pdfItems.length > 0) return tablesFromPdfItems(pdfItems);
  return tablesFromText(doc.original, { blocks: doc.blocks });
}

/**
 * Tables (see {@link tablesFromDoc}), facts from the sentences when given,
 * else from `doc.text` (fact spans are offsets in `doc.text` either way), and
 * the series of both, tagged with the document's id.
 */
export function figuresFromDoc(doc: Doc, sentences?: readonly Sentence[], options: FigureOptions = {}): Figures {
  const { tables, rejected } = tablesFromDoc(doc, options.pdfItems);
  const resolve = options.resolve ? { resolve: options.resolve } : {};
  const facts = sentences && sentences.length > 0
    ? factsFromSentences(sentences.map((s) => ({ text: s.text, span: s.span, paragraph: s.paragraph })), { date: doc.meta.date, ...resolve })
    : factsFromText(doc.text, { date: doc.meta.date, ...resolve });
  const series = [...seriesFromTables(tables, { docId: doc.id, ...resolve }), ...seriesFromFacts(facts, { docId: doc.id, ...resolve })];
  return { tables, rejected, facts, series };
}
