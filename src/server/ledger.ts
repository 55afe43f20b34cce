import type { Progress } from '../progress.ts';
import type {
  DocumentsResponse,
  DyadsResponse,
  EventsResponse,
  EvidenceResponse,
  JobView,
  MatrixResponse,
  OverviewResponse,
  ThirdPartiesResponse,
} from './api-types.ts';
import type { EventsQuery, MatrixQuery, OverviewQuery, ThirdPartiesQuery } from './params.ts';

/** What the API asks of the store and the analysis, in the API's own shapes. */
export interface Ledger {
  dyads(): Promise<DyadsResponse>;
  overview(query: OverviewQuery): Promise<OverviewResponse>;
  matrix(query: MatrixQuery): Promise<MatrixResponse>;
  events(query: EventsQuery): Promise<EventsResponse>;
  /** `null` when there is no such event. */
  evidence(id: string): Promise<EvidenceResponse | null>;
  documents(): Promise<DocumentsResponse>;
  thirdParties(query: ThirdPartiesQuery): Promise<ThirdPartiesResponse>;
  /** Ingests, codes and stores one document. */
  addDocument(bytes: Uint8Array, name: string, date: string | null, progress: Progress): Promise<NonNullable<JobView['result']>>;
}
