/**
 * Figures: tables rebuilt from extracted text, HTML and PDF positions; numeric
 * facts in prose; series from both, and where sources disagree.
 */
export { tablesFromText, type TextTableOptions } from './text-tables.ts';
export { tablesFromHtml } from './html-tables.ts';
export { tablesFromPdfItems, pageTextsFromPdfItems, textFromPdfItems, type PdfTextItem, type PdfPageText } from './pdf-tables.ts';
export { pdfItemsFromBytes } from './pdf-items.ts';
export { factsFromSentences, factsFromText, proseOfText, sentencesOfProse, type FactOptions, type FactSentence } from './facts.ts';
export { seriesFromTables, seriesFromFacts, disagreementsFromSeries, type SeriesOptions } from './series.ts';
export { figuresFromDoc, tablesFromDoc, type FigureOptions } from './figures.ts';
export { actorResolverFromLexicon } from './resolver.ts';
export { csvFromTables, markdownFromTables, jsonlFromFacts, listingFromFacts } from './format.ts';
export { numberFromText, unitFromText, periodFromHeader } from './numbers.ts';
export type * from './types.ts';
