// GDELT 2.0 import against DuckDB's own read_csv of the same file, measured in
// the same run: synthetic 61-column export files of growing size (written by a
// seeded generator, shaped like real exports: empty actors, IGOs, regions,
// CAMEO codes with leading zeros, FIPS geography, URLs), each read by
// read_csv (all columns VARCHAR, into a table) and imported by `importFeedFile`
// into a fresh database file, each in its own process so peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFeedFile } from '../src/ingest/feeds.ts';
import { openStore } from '../src/store/index.ts';

const SIZES = [250_000, 1_000_000];
const REPEATS = 3;

const STATES = ['USA', 'RUS', 'CHN', 'GBR', 'FRA', 'DEU', 'IRN', 'SYR', 'UKR', 'TUR', 'ISR', 'IND', 'PAK', 'JPN', 'KOR', 'PRK', 'SAU', 'EGY', 'BRA', 'CAN', 'AUS', 'NGA', 'ZAF', 'MEX', 'AFG', 'IRQ', 'ROM'];
const REGIONS = ['EUR', 'AFR', 'MEA', 'SEA'];
const TYPES = ['', '', '', 'GOV', 'GOV', 'MIL', 'BUS', 'CVL', 'MED', 'JUD', 'LEG', 'COP', 'EDU', 'REB'];
const CODES = ['010', '012', '013', '020', '036', '040', '042', '043', '046', '051', '057', '061', '071', '0834', '090', '111', '112', '1123', '120', '130', '138', '141', '163', '173', '190', '193', '195'];
const FIPS = ['US', 'RS', 'CH', 'UK', 'FR', 'GM', 'IR', 'SY', 'UP', 'TU', 'IS', 'IN', 'PK', 'JA', 'KS', 'KN', ''];

/** A small seeded generator (mulberry32): the same file every run. */
function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function actorCells(pick: <T>(xs: readonly T[]) => T, r: () => number): string[] {
  const roll = r();
  if (roll < 0.25) return ['', '', '', '', '', '', '', '', '', ''];
  if (roll < 0.32) return ['IGOUNO', 'UNITED NATIONS', '', 'UNO', '', '', '', 'IGO', '', ''];
  if (roll < 0.36) {
    const region = pick(REGIONS);
    return [`${region}GOV`, 'EUROPE', region, '', '', '', '', 'GOV', '', ''];
  }
  const state = pick(STATES);
  const type = pick(TYPES);
  return [`${state}${type}`, `NAME OF ${state}`, state, '', '', '', '', type, '', ''];
}

function geoCells(pick: <T>(xs: readonly T[]) => T, r: () => number): string[] {
  const fips = pick(FIPS);
  if (fips === '') return ['0', '', '', '', '', '', '', ''];
  return ['4', `Some City, Some Province, ${fips}`, fips, `${fips}01`, `${fips}01${Math.floor(r() * 90 + 10)}`, (r() * 180 - 90).toFixed(4), (r() * 360 - 180).toFixed(4), String(-Math.floor(r() * 3e6))];
}

/** Writes `rows` synthetic GDELT 2.0 event rows (61 tab-separated columns, no header). */
export async function writeSyntheticGdelt2(path: string, rows: number, seed = 20131): Promise<void> {
  const r = randomOf(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out = createWriteStream(path);
  let buffer: string[] = [];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2013, 0, 1) + Math.floor(r() * 7 * 365) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
    const code = pick(CODES);
    const cells = [
      String(1_000_000_000 + i), day, day.slice(0, 6), day.slice(0, 4), (Number(day.slice(0, 4)) + r()).toFixed(4),
      ...actorCells(pick, r), ...actorCells(pick, r),
      r() < 0.4 ? '1' : '0', code, code.slice(0, 3), code.slice(0, 2), String(1 + Math.floor(r() * 4)), (r() * 20 - 10).toFixed(1),
      String(1 + Math.floor(r() * 20)), '1', String(1 + Math.floor(r() * 20)), (r() * 20 - 10).toFixed(11),
      ...geoCells(pick, r), ...geoCells(pick, r), ...geoCells(pick, r),
      '20191024143000', `https://news.example.org/world/${day}/story-${i}-${Math.floor(r() * 1e6)}.html`,
    ];
    buffer.push(cells.join('\t'));
    if (buffer.length === 10_000) {
      if (!out.write(`${buffer.join('\n')}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      buffer = [];
    }
  }
  if (buffer.length > 0) out.write(`${buffer.join('\n')}\n`);
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

interface ChildResult {
  readonly ms: number;
  readonly rssMb: number;
  readonly rows: number;
  readonly imported?: number;
}

/** One measured run in this process: `baseline` (read_csv into a table) or `import`. */
async function child(mode: string, file: string, db: string): Promise<ChildResult> {
  const store = await openStore(db);
  const start = performance.now();
  let rows = 0;
  let imported: number | undefined;
  if (mode === 'baseline') {
    await store.run(`CREATE TABLE baseline AS SELECT * FROM read_csv($file, delim = '\t', header = false, all_varchar = true, quote = '', escape = '')`, { file });
    rows = (await store.one<{ n: number }>('SELECT count(*) AS n FROM baseline'))?.n ?? 0;
  } else {
    const result = await importFeedFile(store, 'gdelt', file);
    if (result.imported + result.duplicates + result.rejected !== result.rows) throw new Error('row accounting does not add up');
    rows = result.rows;
    imported = result.imported;
  }
  await store.close();
  const ms = performance.now() - start;
  return { ms, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), rows, ...(imported !== undefined ? { imported } : {}) };
}

function runChild(mode: string, file: string, db: string): ChildResult {
  rmSync(db, { force: true });
  rmSync(`${db}.wal`, { force: true });
  const run = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--child', mode, file, db], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${mode} run failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as ChildResult;
}

/** Figures for `npm run bench -- import`: rows/s of GDELT 2.0 import and of read_csv on the same files, their ratio (target ≥ 0.5), and peak RSS as the input grows. */
export async function benchImport(sizes: readonly number[] = SIZES, repeats = REPEATS): Promise<Record<string, number | string>> {
  const dir = mkdtempSync(join(tmpdir(), 'detente-bench-import-'));
  const figures: Record<string, number | string> = {};
  try {
    for (const rows of sizes) {
      const file = join(dir, `gdelt2-${rows}.export.tsv`);
      await writeSyntheticGdelt2(file, rows);
      const db = join(dir, 'bench.duckdb');
      let baseline: ChildResult | null = null;
      let imported: ChildResult | null = null;
      for (let i = 0; i < repeats; i++) {
        const b = runChild('baseline', file, db);
        const m = runChild('import', file, db);
        if (!baseline || b.ms < baseline.ms) baseline = b;
        if (!imported || m.ms < imported.ms) imported = m;
      }
      if (!baseline || !imported) continue;
      const label = `gdelt2 ${rows.toLocaleString('en')} rows`;
      figures[`${label}: read_csv rows/s`] = Math.round((baseline.rows / baseline.ms) * 1000);
      figures[`${label}: import rows/s`] = Math.round((imported.rows / imported.ms) * 1000);
      figures[`${label}: import/read_csv (target >= 0.5)`] = Number((baseline.ms / imported.ms).toFixed(2));
      figures[`${label}: events stored`] = imported.imported ?? 0;
      figures[`${label}: read_csv peak RSS MB`] = baseline.rssMb;
      figures[`${label}: import peak RSS MB`] = imported.rssMb;
      rmSync(file, { force: true });
    }
    const small = figures[`gdelt2 ${sizes[0]?.toLocaleString('en')} rows: import peak RSS MB`];
    const large = figures[`gdelt2 ${sizes.at(-1)?.toLocaleString('en')} rows: import peak RSS MB`];
    if (typeof small === 'number' && typeof large === 'number') figures['import peak RSS growth, largest/smallest input (flat ≈ 1)'] = Number((large / small).toFixed(2));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

if (process.argv[2] === '--child' && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [mode = '', file = '', db = ''] = process.argv.slice(3);
  console.log(JSON.stringify(await child(mode, file, db)));
}
