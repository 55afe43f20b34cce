import { silentProgress, type Progress } from '../progress.ts';
import { openStore, type Store } from '../store/index.ts';
import { addDocumentToStore } from './add-document.ts';
import { ingestMissingDocuments, type CorpusIngest } from './example-corpus.ts';
import { startServer, type RunningServer } from './server.ts';
import { ledgerOfStore } from './store-ledger.ts';
import { ensureWebBuilt } from './web-build.ts';

export interface DashboardOptions {
  /** The ledger database file. */
  readonly db: string;
  readonly host: string;
  readonly port: number;
  /** Documents to ingest first when the ledger lacks them (`npm start`: the example corpus). */
  readonly corpus?: string;
  readonly progress?: Progress;
  /** Told what happens (building the web app, ingesting). */
  readonly say?: (line: string) => void;
}

export interface Dashboard {
  readonly url: string;
  readonly server: RunningServer;
  /** What ingesting the corpus did, when one was given. */
  readonly ingested: CorpusIngest | null;
  close(): Promise<void>;
}

/** Opens the ledger, builds the web app if needed, optionally ingests a corpus, and serves the dashboard. */
export async function openDashboard(options: DashboardOptions): Promise<Dashboard> {
  const say = options.say ?? (() => {});
  const webRoot = await ensureWebBuilt(say);
  const store: Store = await openStore(options.db);
  try {
    const ingested = options.corpus != null ? await ingestMissingDocuments(store, options.corpus, options.progress ?? silentProgress) : null;
    const server = await startServer({ ledger: ledgerOfStore(store, addDocumentToStore), host: options.host, port: options.port, webRoot });
    return {
      url: server.url,
      server,
      ingested,
      close: async () => {
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
