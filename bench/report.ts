// `detente report` over 1, 3 and 10 million synthetic events (generated inside
// DuckDB, cached in the temp directory): time per report and peak RSS, each
// size in its own process, against a baseline measured in the same process —
// one bare pass over the dyad's events counting them per quad.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DyadQuery } from '../src/analysis/types.ts';
import { dyadReportFromStore } from '../src/report/dyad-report.ts';
import { markdownFromDyadReport } from '../src/report/markdown.ts';
import { openStore } from '../src/store/index.ts';
import { dyadQuadCounts } from '../src/store/dyad-queries.ts';
import { insertSyntheticEvents } from '../src/store/synthetic-events.ts';

/** Bump when the synthetic mix changes, so cached databases are rebuilt. */
const GENERATION = 1;
const SIZES = [1_000_000, 3_000_000, 10_000_000];
const QUERY: DyadQuery = { a: 'USA', b: 'RUS', directed: false, from: null, to: null, origins: null, modalities: ['asserted', 'future'], includeNegated: false };

function label(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** A ledger of `n` synthetic events, built once and kept in the temp directory. */
async function syntheticLedger(n: number): Promise<string> {
  const dir = join(tmpdir(), 'detente-bench');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `report-g${GENERATION}-${label(n)}.duckdb`);
  if (existsSync(path)) return path;
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  rmSync(`${partial}.wal`, { force: true });
  const store = await openStore(partial);
  try {
    await insertSyntheticEvents(store, n);
    await store.run('CHECKPOINT');
  } finally {
    await store.close();
  }
  renameSync(partial, path);
  return path;
}

interface RunFigures {
  readonly events: number;
  readonly dyadEvents: number;
  readonly firstMs: number;
  readonly reportMs: number;
  readonly scanMs: number;
  readonly rssOpenMb: number;
  readonly peakRssMb: number;
}

/** In the child: open the ledger, run the report (first, then warm), the baseline, and report peak RSS. */
async function runOnce(path: string, rounds: number): Promise<RunFigures> {
  const store = await openStore(path);
  const rssOpenMb = process.resourceUsage().maxRSS / 1024;
  const events = (await store.one<{ n: number }>('SELECT count(*) AS n FROM events'))?.n ?? 0;
  const time = async (work: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await work();
    return performance.now() - t0;
  };
  const report = async (): Promise<void> => {
    markdownFromDyadReport(await dyadReportFromStore(store, QUERY, { granularity: 'month', grouping: 'context' }));
  };
  const firstMs = await time(report);
  const scans: number[] = [];
  const reports: number[] = [];
  let dyadEvents = 0;
  for (let r = 0; r < rounds; r++) {
    scans.push(await time(async () => (dyadEvents = (await dyadQuadCounts(store, QUERY)).reduce((acc, q) => acc + q.events, 0))));
    reports.push(await time(report));
  }
  await store.close();
  return { events, dyadEvents, firstMs, reportMs: median(reports), scanMs: median(scans), rssOpenMb, peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

/** Runs the report benchmark at 1M, 3M and 10M events and returns its figures. */
export async function benchReport(options: { readonly sizes?: readonly number[]; readonly rounds?: number } = {}): Promise<Record<string, number | string>> {
  const figures: Record<string, number | string> = {};
  const runs: [number, RunFigures][] = [];
  for (const n of options.sizes ?? SIZES) {
    const path = await syntheticLedger(n);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', path, String(options.rounds ?? 3)], {
      encoding: 'utf8',
      env: { ...process.env, TZ: 'UTC' },
    });
    if (child.status !== 0) throw new Error(`report bench at ${label(n)} failed: ${child.stderr}`);
    const run = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as RunFigures;
    runs.push([n, run]);
    const l = label(n);
    figures[`events_${l}`] = run.events;
    figures[`dyad_events_${l}`] = run.dyadEvents;
    figures[`report_ms_${l}`] = Math.round(run.reportMs);
    figures[`report_first_ms_${l}`] = Math.round(run.firstMs);
    figures[`baseline_scan_ms_${l}`] = Math.round(run.scanMs);
    figures[`report_vs_scan_${l}`] = Number((run.reportMs / run.scanMs).toFixed(1));
    figures[`rss_after_open_mb_${l}`] = Math.round(run.rssOpenMb);
    figures[`peak_rss_mb_${l}`] = Math.round(run.peakRssMb);
  }
  const [small, large] = [runs[0], runs[runs.length - 1]];
  if (small && large && small !== large) {
    figures[`peak_rss_${label(large[0])}_vs_${label(small[0])}`] = Number((large[1].peakRssMb / small[1].peakRssMb).toFixed(2));
    figures[`report_ms_${label(large[0])}_vs_${label(small[0])}`] = Number((large[1].reportMs / small[1].reportMs).toFixed(2));
  }
  return figures;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--child') {
  const figures = await runOnce(process.argv[3] ?? '', Number(process.argv[4] ?? 3));
  console.log(JSON.stringify(figures));
}
