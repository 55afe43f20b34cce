import { docFromBytes } from '../ingest/index.ts';
import { ledgerEntryFromDoc } from '../pipeline.ts';
import type { Progress } from '../progress.ts';
import { storeCodedDoc, type Store } from '../store/index.ts';
import type { JobView } from './api-types.ts';

/** Lets the job's progress reach the page between the synchronous stages. */
const breathe = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Ingests, codes and stores one uploaded or pasted document, reporting each
 * stage. Storing is one transaction: a failure leaves the ledger as it was.
 */
export async function addDocumentToStore(store: Store, bytes: Uint8Array, name: string, date: string | null, progress: Progress): Promise<NonNullable<JobView['result']>> {
  progress.start(`Reading ${name}`, 3);
  const doc = await docFromBytes(bytes, name, { origin: `upload:${name}`, ...(date != null ? { date } : {}) });
  progress.start(`Coding ${name}`, 3);
  progress.update(1, `${doc.text.length.toLocaleString('en')} characters`);
  await breathe();
  const coded = ledgerEntryFromDoc(doc, { date });
  progress.start(`Storing ${name}`, 3);
  progress.update(2, `${coded.events.length} events from ${coded.sentences.length} sentences`);
  await breathe();
  const stored = await storeCodedDoc(store, coded);
  progress.update(3, stored.stored ? undefined : 'already in the ledger');
  return { docId: stored.docId, name, events: stored.stored ? stored.events : 0, duplicate: !stored.stored };
}
