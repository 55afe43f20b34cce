import type {
  ApiError,
  DocumentsResponse,
  DyadsResponse,
  EventsResponse,
  EvidenceResponse,
  JobView,
  MatrixResponse,
  OverviewResponse,
  ThirdPartiesResponse,
} from '../../src/server/api-types.ts';

/** An API answer that was not 2xx, with the server's one-line reason. */
export class ApiFailure extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function answerOf<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = ((await response.json()) as ApiError).error ?? message;
    } catch {
      // The body was not JSON: keep the status line.
    }
    throw new ApiFailure(response.status, message);
  }
  return (await response.json()) as T;
}

async function get<T>(path: string, params: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams(params).toString();
  let response: Response;
  try {
    response = await fetch(query ? `${path}?${query}` : path, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiFailure(0, 'the server did not answer');
  }
  return answerOf<T>(response);
}

export const api = {
  dyads: (signal?: AbortSignal) => get<DyadsResponse>('/api/dyads', {}, signal),
  overview: (params: Record<string, string>, signal?: AbortSignal) => get<OverviewResponse>('/api/overview', params, signal),
  matrix: (params: Record<string, string>, signal?: AbortSignal) => get<MatrixResponse>('/api/matrix', params, signal),
  events: (params: Record<string, string>, signal?: AbortSignal) => get<EventsResponse>('/api/events', params, signal),
  evidence: (id: string, signal?: AbortSignal) => get<EvidenceResponse>(`/api/events/${encodeURIComponent(id)}`, {}, signal),
  documents: (signal?: AbortSignal) => get<DocumentsResponse>('/api/documents', {}, signal),
  thirdParties: (params: Record<string, string>, signal?: AbortSignal) =>
    get<ThirdPartiesResponse>('/api/third-parties', params, signal),

  /** Sends a document to be ingested, coded and stored; answers the job that does it. */
  async upload(body: Blob, name: string, date: string): Promise<JobView> {
    const params = new URLSearchParams({ name });
    if (date) params.set('date', date);
    let response: Response;
    try {
      response = await fetch(`/api/documents?${params.toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/octet-stream' },
        body,
      });
    } catch {
      throw new ApiFailure(0, 'the server did not answer');
    }
    return answerOf<JobView>(response);
  },

  /** Follows a job until it ends (server-sent events, polling if the stream breaks); calls `onJob` on every change. */
  followJob(id: string, onJob: (job: JobView) => void): () => void {
    let stopped = false;
    const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/stream`);
    const poll = async (): Promise<void> => {
      while (!stopped) {
        const job = await get<JobView>(`/api/jobs/${encodeURIComponent(id)}`).catch(() => null);
        if (job != null) onJob(job);
        if (job == null || job.state !== 'running') return;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    };
    source.addEventListener('job', (event) => {
      const job = JSON.parse((event as MessageEvent<string>).data) as JobView;
      onJob(job);
      if (job.state !== 'running') {
        stopped = true;
        source.close();
      }
    });
    source.addEventListener('error', () => {
      source.close();
      if (!stopped) void poll();
    });
    return () => {
      stopped = true;
      source.close();
    };
  },
};
