import { fileURLToPath } from 'node:url';
import { oneLine } from '../errors.ts';
import { docsFromPaths } from '../ingest/index.ts';
import { ledgerEntryFromDoc } from '../pipeline.ts';
import type { Progress } from '../progress.ts';
import { assessedDocumentIds, storeCodedDoc, type Store } from '../store/index.ts';

/** The documents bundled with detente, ingested by `npm start`. */
export const EXAMPLE_CORPUS = fileURLToPath(new URL('../../examples/corpus/', import.meta.url));

export interface CorpusIngest {
  /** Documents coded and stored now. */
  readonly added: number;
  /** Documents already in the ledger (same content), left alone. */
  readonly present: number;
  readonly events: number;
  /** One line per document that could not be read. */
  readonly failures: readonly string[];
}

/**
 * Codes and stores every document under `dir` that the ledger does not hold
 * yet (by content hash), so running it again adds nothing.
 */
export async function ingestMissingDocuments(store: Store, dir: string, progress: Progress): Promise<CorpusIngest> {
  // A document stored before assessments existed is coded again; storing it adds only its assessments.
  const stored = await assessedDocumentIds(store);
  let added = 0;
  let present = 0;
  let events = 0;
  const failures: string[] = [];
  const docs = [];
  for await (const item of docsFromPaths([dir])) {
    if ('error' in item) failures.push(`${item.origin}: ${oneLine(item.error)}`);
    else if (stored.has(item.id)) present += 1;
    else docs.push(item);
  }
  progress.start('Coding the example corpus', docs.length);
  for (const [i, doc] of docs.entries()) {
    progress.update(i, doc.name);
    const result = await storeCodedDoc(store, ledgerEntryFromDoc(doc));
    if (result.stored) {
      added += 1;
      events += result.events;
    } else present += 1;
  }
  progress.update(docs.length);
  progress.stop();
  return { added, present, events, failures };
}
