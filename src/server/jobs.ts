import { randomBytes } from 'node:crypto';
import { oneLine } from '../errors.ts';
import type { Progress } from '../progress.ts';
import type { JobView } from './api-types.ts';

type Result = NonNullable<JobView['result']>;
type Listener = (job: JobView) => void;

/** Background work (adding a document) with progress that pages can follow. */
export interface Jobs {
  /** Queues `work`; jobs run one at a time so writes to the store never overlap. */
  start(label: string, work: (progress: Progress) => Promise<Result>): JobView;
  get(id: string): JobView | null;
  /** Calls `listener` on every change of the job; returns the function that stops it. */
  subscribe(id: string, listener: Listener): () => void;
  /** Resolves when every queued job has finished. */
  idle(): Promise<void>;
}

const KEEP = 50;

/** A job queue held in memory. */
export function jobsInMemory(): Jobs {
  const jobs = new Map<string, JobView>();
  const listeners = new Map<string, Set<Listener>>();
  let queue: Promise<void> = Promise.resolve();

  const set = (job: JobView): void => {
    jobs.set(job.id, job);
    for (const listener of listeners.get(job.id) ?? []) listener(job);
  };
  const forgetOld = (): void => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, jobs.size - KEEP))) {
      jobs.delete(job.id);
      listeners.delete(job.id);
    }
  };

  return {
    start(label, work) {
      forgetOld();
      const id = randomBytes(8).toString('hex');
      const initial: JobView = { id, state: 'running', label, done: 0, total: null, note: 'queued', result: null, error: null };
      set(initial);
      const progress: Progress = {
        start(phase, total) {
          const job = jobs.get(id);
          if (job) set({ ...job, label: phase, done: 0, total, note: null });
        },
        update(done, note) {
          const job = jobs.get(id);
          if (job) set({ ...job, done, note: note ?? job.note });
        },
        stop() {},
      };
      queue = queue.then(async () => {
        try {
          const result = await work(progress);
          const job = jobs.get(id) ?? initial;
          set({ ...job, state: 'done', result, note: null, done: job.total ?? job.done });
        } catch (error) {
          set({ ...(jobs.get(id) ?? initial), state: 'failed', error: oneLine(error) });
        }
      });
      return initial;
    },
    get(id) {
      return jobs.get(id) ?? null;
    },
    subscribe(id, listener) {
      const own = listeners.get(id) ?? new Set<Listener>();
      own.add(listener);
      listeners.set(id, own);
      return () => own.delete(listener);
    },
    idle() {
      return queue;
    },
  };
}
