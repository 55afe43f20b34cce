// Ingest of large PDF-extracted texts (the test fixture repeated to 2 and 16 MB)
// and of a large HTML page: time per MB and peak RSS, against a baseline
// measured in the same process — decoding the bytes and splitting them into lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { docFromBytes } from '../src/ingest/index.ts';

const ROOT = join(import.meta.dirname, '..');
const SIZES_MB = [2, 16];

function repeatedTo(unit: string, megabytes: number, separator: string): Uint8Array {
  const times = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(unit));
  return new TextEncoder().encode(Array.from({ length: times }, () => unit).join(separator));
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function timed(run: () => Promise<unknown>, repeats: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Figures for `npm run bench -- ingest`. */
export async function benchIngest(): Promise<Record<string, number | string>> {
  const fixture = readFileSync(join(ROOT, 'test', 'fixtures', 'ingest', 'extracted-paper.txt'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const article = readFileSync(join(ROOT, 'examples', 'corpus', 'russia-china-gas-deal-2014.html'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
  const body = /<article>([\s\S]*)<\/article>/.exec(article)?.[1] ?? article;
  const figures: Record<string, number | string> = {};
  let peak = process.memoryUsage().rss;
  const sample = (): void => {
    peak = Math.max(peak, process.memoryUsage().rss);
  };
  for (const mb of SIZES_MB) {
    const bytes = repeatedTo(fixture, mb, '\n');
    const baseline = await timed(async () => new TextDecoder().decode(bytes).split('\n').length, 3);
    let paragraphs = 0;
    const ingest = await timed(async () => {
      const doc = await docFromBytes(bytes, 'big.txt');
      paragraphs = doc.paragraphs.length;
      sample();
    }, mb > 4 ? 1 : 3);
    figures[`text ${mb} MB: ms`] = Math.round(ingest);
    figures[`text ${mb} MB: MB/s`] = Number((mb / (ingest / 1000)).toFixed(1));
    figures[`text ${mb} MB: ratio to decode+split baseline`] = Number((ingest / Math.max(baseline, 0.001)).toFixed(1));
    figures[`text ${mb} MB: paragraphs`] = paragraphs;
  }
  const html = new TextEncoder().encode(`<!doctype html><html><body><nav>menu</nav><article>${Array.from({ length: 2000 }, () => body).join('\n')}</article></body></html>`);
  const htmlBaseline = await timed(async () => new TextDecoder().decode(html).split('<').length, 3);
  const htmlMs = await timed(async () => {
    await docFromBytes(html, 'big.html');
    sample();
  }, 3);
  figures[`html ${(html.length / 1024 / 1024).toFixed(1)} MB: ms`] = Math.round(htmlMs);
  figures['html: ratio to decode+split baseline'] = Number((htmlMs / Math.max(htmlBaseline, 0.001)).toFixed(1));
  figures['peak RSS MB'] = Math.round(peak / 1024 / 1024);
  return figures;
}
