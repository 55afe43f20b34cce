/**
 * Long work (ingest, import) reports through this one small interface; the CLI
 * renders it as a bar on a TTY, the server as events to the page.
 */
export interface Progress {
  /** A new phase starts; `total` is the number of units when known. */
  start(label: string, total: number | null): void;
  /** `done` units finished so far. */
  update(done: number, note?: string): void;
  stop(): void;
}

/** A progress sink that ignores everything (library use, tests). */
export const silentProgress: Progress = {
  start() {},
  update() {},
  stop() {},
};
