// Dashboard responsiveness on a large ledger: 1M synthetic events in a temporary
// DuckDB file, the real server, Chromium driving the real web app. Times are
// from the user's action to the view rendered; ratios compare each against the
// first render of the same page on an empty ledger, measured in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { addDocumentToStore } from '../src/server/add-document.ts';
import { startServer, type RunningServer } from '../src/server/server.ts';
import { ledgerOfStore } from '../src/server/store-ledger.ts';
import { ensureWebBuilt } from '../src/server/web-build.ts';
import { appendEvents } from '../src/store/events.ts';
import { openStore, type Store } from '../src/store/index.ts';
import { CONTEXTS, PLOVER_TYPES, TYPE_TABLE } from '../src/types.ts';
import type { Context, Event, Origin } from '../src/types.ts';
import { launchChromium } from '../test/web/browser.ts';

/** A small deterministic generator (mulberry32), so every run builds the same ledger. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PAIRS: readonly [string, string, number][] = [
  ['USA', 'RUS', 0.55],
  ['USA', 'CHN', 0.2],
  ['RUS', 'UKR', 0.15],
  ['IND', 'PAK', 0.1],
];
const COMMON_CONTEXTS: readonly Context[] = ['military', 'economic', 'diplomatic', 'terrorism', 'human_rights', 'cbrn', 'natural_resource', 'cyber', 'intelligence', 'territory', 'legal', 'health'];
const THEATERS = [null, null, null, null, 'SYR', 'AFG', 'UKR', 'IRN', 'Arctic', 'Central Asia'];
const ORIGIN_WEIGHTS: readonly [Origin, number][] = [['gdelt', 0.6], ['icews', 0.2], ['polecat', 0.1], ['coded', 0.1]];

function pick<T>(r: () => number, weighted: readonly (readonly [T, number])[]): T {
  let x = r();
  for (const [value, w] of weighted) {
    x -= w;
    if (x <= 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

/** `count` synthetic events over 2000–2024, most of them between the United States and Russia. */
function syntheticEvents(r: () => number, start: number, count: number): Event[] {
  const events: Event[] = [];
  for (let i = start; i < start + count; i++) {
    const [x, y] = pick(r, PAIRS.map(([a, b, w]) => [[a, b] as const, w] as const));
    const [source, target] = r() < 0.5 ? [x, y] : [y, x];
    const type = PLOVER_TYPES[Math.floor(r() * PLOVER_TYPES.length)]!;
    const origin = pick(r, ORIGIN_WEIGHTS);
    const day = new Date(Date.UTC(2000, 0, 1) + Math.floor(r() * 9131) * 86_400_000).toISOString().slice(0, 10);
    const contexts: Context[] = [COMMON_CONTEXTS[Math.floor(r() * COMMON_CONTEXTS.length)]!];
    if (r() < 0.3) contexts.push(CONTEXTS[Math.floor(r() * CONTEXTS.length)]!);
    const text = origin === 'coded' ? `${source} and ${target}: synthetic sentence ${i} about ${contexts.join(' and ')}.` : null;
    const actor = (country: string) => ({ text: country, country, sector: 'GOV' as const, entry: null, span: null });
    events.push({
      origin,
      originId: origin === 'coded' ? null : String(i),
      doc: origin === 'coded' ? `synthetic-${i % 500}.txt` : `${origin}-bench.csv`,
      docId: null,
      sentence: text != null ? { index: i, text, start: 0, end: text.length } : null,
      span: null,
      source: actor(source),
      target: actor(target),
      type,
      mode: null,
      quad: TYPE_TABLE[type].quad,
      intensity: TYPE_TABLE[type].intensity,
      cameo: null,
      negated: r() < 0.05,
      modality: r() < 0.9 ? 'asserted' : 'future',
      contexts: [...new Set(contexts)],
      theater: THEATERS[Math.floor(r() * THEATERS.length)] ?? null,
      date: day,
      section: null,
      rule: origin === 'coded' ? 'bench:synthetic' : `${origin}:bench`,
      entries: [],
      url: null,
    });
  }
  return events;
}

/** Fills `store` with `total` synthetic events (deterministic: the same ledger every run). */
export async function fillLedger(store: Store, total: number): Promise<void> {
  const r = random(20131);
  const batch = 50_000;
  await store.transaction(async () => {
    const app = await store.appender('events');
    for (let done = 0; done < total; done += batch) appendEvents(app, syntheticEvents(r, done, Math.min(batch, total - done)));
    app.closeSync();
  });
}

/** Waits until `selector`'s `data-renders` passes `after`, then two frames so canvases are drawn. */
async function renderedAfter(page: Page, selector: string, after: number): Promise<void> {
  await page.waitForFunction(([sel, n]) => Number(document.querySelector(sel as string)?.getAttribute('data-renders') ?? '0') > (n as number), [selector, after], { polling: 'raf', timeout: 120_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function rendersOf(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => Number(document.querySelector(sel)?.getAttribute('data-renders') ?? '0'), selector);
}

/** Milliseconds from `act` to the view under `selector` rendering again. */
async function timed(page: Page, selector: string, act: () => Promise<unknown>): Promise<number> {
  const before = await rendersOf(page, selector);
  const t0 = performance.now();
  await act();
  await renderedAfter(page, selector, before);
  return Math.round(performance.now() - t0);
}

async function serve(store: Store, webRoot: string): Promise<RunningServer> {
  return startServer({ ledger: ledgerOfStore(store, addDocumentToStore), host: '127.0.0.1', port: 0, webRoot });
}

/** Runs the dashboard benchmark and returns its figures (milliseconds and ratios). */
export async function benchDashboard(options: { events?: number } = {}): Promise<Record<string, number | string>> {
  const total = options.events ?? 1_000_000;
  const webRoot = await ensureWebBuilt((line) => process.stderr.write(`${line}\n`));
  const dir = mkdtempSync(join(tmpdir(), 'detente-bench-'));
  const figures: Record<string, number | string> = { events: total };
  const browser = await launchChromium();
  try {
    // Baseline: the same page on an empty ledger.
    const empty = await openStore(join(dir, 'empty.duckdb'));
    const emptyServer = await serve(empty, webRoot);
    // Each ledger gets a fresh browser context, so neither load finds the other's cache.
    const emptyPage = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    const t0 = performance.now();
    await emptyPage.goto(emptyServer.url);
    await emptyPage.waitForSelector('main .status.empty', { timeout: 60_000 });
    const baseline = Math.max(1, Math.round(performance.now() - t0));
    figures['empty ledger: first render (ms)'] = baseline;
    await emptyServer.close();
    await empty.close();

    const tFill = performance.now();
    const store = await openStore(join(dir, 'ledger.duckdb'));
    await fillLedger(store, total);
    figures['ledger fill (s)'] = Math.round((performance.now() - tFill) / 100) / 10;
    const server = await serve(store, webRoot);
    const page = await (await browser.newContext({ viewport: { width: 1400, height: 1000 } })).newPage();
    try {
      const record = (name: string, ms: number): void => {
        figures[`${name} (ms)`] = ms;
        figures[`${name} (× empty)`] = Math.round((ms / baseline) * 10) / 10;
      };
      const t1 = performance.now();
      await page.goto(`${server.url}#view=overview&dyad=RUS-USA`);
      await renderedAfter(page, 'section[aria-labelledby=overview-title]', 0);
      record('first overview render', Math.round(performance.now() - t1));
      const dyads = await page.$$eval('#dyad option', (o) => o.length);
      figures['dyads listed'] = dyads;

      record('interval month → year', await timed(page, 'section[aria-labelledby=overview-title]', () => page.selectOption('#interval', 'year')));
      record('dyad switch (new analysis)', await timed(page, 'section[aria-labelledby=overview-title]', () => page.selectOption('#dyad', 'CHN-USA')));
      await timed(page, 'section[aria-labelledby=overview-title]', () => page.selectOption('#dyad', 'RUS-USA'));
      record('matrix view', await timed(page, 'section[aria-labelledby=matrix-title]', () => page.click('a[data-view=matrix]')));
      record('matrix by theater', await timed(page, 'section[aria-labelledby=matrix-title]', () => page.click('button:text("Theaters")')));
      await page.click('button:text("Contexts")');
      await page.waitForSelector('tr[data-key=military] button.cell.conflict');
      const events = 'section[aria-labelledby=events-title]';
      record('matrix cell → events', await timed(page, events, () => page.click('tr[data-key=military] button.cell.conflict')));
      const changes: readonly [string, () => Promise<unknown>][] = [
        ['filter: clear', () => page.click('button:text("Clear filters")')],
        ['filter: type', () => page.selectOption('select[name=type]', 'AGREE')],
        ['filter: context', () => page.selectOption('select[name=context]', 'economic')],
        ['filter: direction', () => page.selectOption('select[name=direction]', 'ab')],
        ['filter: origin', () => page.selectOption('select[name=origin]', 'gdelt')],
        ['filter: theater', () => page.selectOption('select[name=theater]', 'SYR')],
        ['filter: from', () => page.fill('input[name=from]', '2010').then(() => page.press('input[name=from]', 'Enter'))],
        ['filter: to', () => page.fill('input[name=to]', '2015-06').then(() => page.press('input[name=to]', 'Enter'))],
        ['filter: clear again', () => page.click('button:text("Clear filters")')],
        ['filter: cooperation', () => page.selectOption('select[name=polarity]', 'cooperation')],
        ['sort by intensity', () => page.click('th button.sort:has-text("Intensity")')],
        ['next page', () => page.click('button:text("Next →")')],
        ['page size 200', () => page.selectOption('select[name=size]', '200')],
      ];
      let worst = 0;
      for (const [name, act] of changes) {
        const ms = await timed(page, events, act);
        worst = Math.max(worst, ms);
        record(name, ms);
      }
      record('slowest filter change', worst);
      const t2 = performance.now();
      await page.click('table.events tbody tr:first-child button.evidence-link');
      await page.waitForSelector('#evidence mark.sentence, #evidence .status.empty');
      record('event → evidence', Math.round(performance.now() - t2));
    } finally {
      await server.close();
      await store.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}
