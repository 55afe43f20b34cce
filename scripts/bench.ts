// npm run bench [-- <name>...]: runs each benchmark in its own process (so peak RSS
// is its own) and prints its figures; ratios compare against a baseline measured
// in the same run. Names: the files of bench/ (coder, import, report, dashboard).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const dir = join(import.meta.dirname, '..', 'bench');
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const json = process.argv.includes('--json');
const names = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => basename(f, '.ts')).filter((n) => wanted.length === 0 || wanted.includes(n)).sort();

const results: Record<string, unknown> = {};
let failed = false;
for (const name of names) {
  if (!json) process.stderr.write(`bench: ${name}…\n`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'bench-one.ts'), name], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    failed = true;
    process.stderr.write(`bench: ${name} failed:\n${run.stderr}\n`);
    continue;
  }
  const figures = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  results[name] = figures;
  if (!json) {
    console.log(`\n== ${name}`);
    for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(44)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
}
if (json) console.log(JSON.stringify(results, null, 2));
process.exitCode = failed ? 1 : 0;
