/**
 * The ledger: the only part of detente that talks to DuckDB. Other stages use
 * these typed functions, or write their own parameterised SQL in a file under
 * `src/store/` and run it through {@link Store.all}. Tables: `src/store/schema.md`.
 */
export { openStore, storeErrorOf } from './connection.ts';
export type { Row, SqlParams, SqlValue, Store } from './connection.ts';
export { MIGRATIONS, migrate, schemaVersion } from './migrations.ts';
export type { Migration } from './migrations.ts';
export { dayOfPartialDate, lastDayOfPartialDate } from './dates.ts';
export type { DayPrecision } from './dates.ts';
export { EVENT_SORTS, dyadFromFlag, dyadOf, dyads, eventById, eventIdOf, eventsWhere, idOfKey, storedEventOf, whereOfFilter } from './events.ts';
export type { DyadCount, EventFilter, EventSort, StoredEvent } from './events.ts';
export { assessedDocumentIds, counts, documentById, documents, storeCodedDoc } from './documents.ts';
export type { CodedDoc, DocumentSummary, LedgerCounts, StoredDoc, StoredDocument } from './documents.ts';
export { importFeed, rejectPagesOfImport, rejectsOfImport } from './feed-import.ts';
export type { FeedImportCounts, FeedReference, KeyKind, LineChunk, RejectedRow } from './feed-import.ts';
export { EXPORT_FORMATS, exportLedger, importParquetSet } from './interop.ts';
export type { ExportFormat, ExportResult, ParquetSet } from './interop.ts';
