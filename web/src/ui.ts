import type { State } from './state.ts';
import { ApiFailure } from './api.ts';
import { h } from './dom.ts';

/** What views need from the page around them. */
export interface Shell {
  /** Moves to a new state (through the URL hash). */
  go(change: (state: State) => State): void;
  /** Opens the evidence panel on an event. */
  openEvidence(id: string): void;
  /** Reloads the dyad list (after a document was added). */
  refreshDyads(): Promise<void>;
}

export interface ViewHandle {
  readonly root: HTMLElement;
  show(state: State): void;
  /** Forgets loaded data so the next `show` fetches again (the ledger changed). */
  invalidate(): void;
}

export function loadingNote(what: string): HTMLElement {
  return h('p', { class: 'status loading', role: 'status' }, `Loading ${what}…`);
}

export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** An error box that says what failed and what to do next. */
export function failureNote(what: string, error: unknown, retry: () => void): HTMLElement {
  const reason = error instanceof Error ? error.message : String(error);
  const hint =
    error instanceof ApiFailure && error.status === 0
      ? 'Check that `detente serve` (or `npm start`) is still running, then try again.'
      : error instanceof ApiFailure && error.status >= 400 && error.status < 500
        ? 'Change the choice above and try again.'
        : 'Try again; if it keeps failing, run the same query with the `detente` CLI to see the full error.';
  return h(
    'div',
    { class: 'status error', role: 'alert' },
    h('p', {}, h('strong', {}, `Could not load ${what}: `), reason),
    h('p', {}, hint),
    h('button', { type: 'button', onclick: retry }, 'Try again'),
  );
}

/** An empty state: a heading, why, and what to do next. */
export function emptyNote(title: string, text: string, action?: HTMLElement): HTMLElement {
  return h('div', { class: 'status empty' }, h('p', {}, h('strong', {}, title)), h('p', {}, text), action);
}

/** Runs `load`, cancelling the previous call; `render` is only called for the latest. */
export function latest<T>(): (load: (signal: AbortSignal) => Promise<T>, render: (value: T) => void, fail: (error: unknown) => void) => void {
  let controller: AbortController | null = null;
  return (load, render, fail) => {
    controller?.abort();
    const mine = new AbortController();
    controller = mine;
    load(mine.signal).then(
      (value) => {
        if (controller === mine) render(value);
      },
      (error: unknown) => {
        if (controller === mine && !isAbort(error)) fail(error);
      },
    );
  };
}

export function dyadParts(dyad: string): [string, string] {
  const [a = '', b = ''] = dyad.split('-');
  return [a, b];
}

/** Human names for PLOVER contexts (`human_rights` → `human rights`). */
export function contextLabel(context: string): string {
  return context === 'cbrn' ? 'CBRN' : context.replace(/_/g, ' ');
}

/** Counts a view's renders in `data-renders`, so tests and the benchmark can wait for the next one. */
export function markRendered(root: HTMLElement): void {
  root.dataset.renders = String(Number(root.dataset.renders ?? '0') + 1);
}
