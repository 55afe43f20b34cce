// Coder throughput against the bare NLP pipeline (sentence boundaries, tokens,
// POS) on the same text, in the same process, one core.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { docFromBytes } from '../src/ingest/index.ts';
import { bareTokensAndPos } from '../src/nlp/analyse.ts';
import { codedDocFromDoc } from '../src/pipeline.ts';

const SHARED = join(import.meta.dirname, '..', '..', 'shared');

function corpusTexts(): { name: string; text: string }[] {
  const dirs = [join(SHARED, 'gold', 'texts'), join(SHARED, 'data', 'texts'), join(import.meta.dirname, '..', 'examples', 'corpus')];
  const out: { name: string; text: string }[] = [];
  for (const dir of dirs) {
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (!/\.(txt|md)$/.test(f) || f === 'SOURCE.md' || f === 'README.md') continue;
      const raw = readFileSync(join(dir, f), 'utf8');
      out.push({ name: f, text: raw.replace(/^---\n[\s\S]*?\n---\n/, '') });
    }
  }
  return out;
}

// The fastest of several rounds: the least disturbed by other work on the machine.
function fastest(xs: number[]): number {
  return Math.min(...xs);
}

/** Runs the coder benchmark and returns its figures. */
export async function benchCoder(options: { targetWords?: number; rounds?: number } = {}): Promise<Record<string, number | string>> {
  const texts = corpusTexts();
  const one = texts.map((t) => t.text).join('\n\n');
  const words1 = one.split(/\s+/).filter(Boolean).length;
  const copies = Math.max(1, Math.round((options.targetWords ?? 200_000) / Math.max(1, words1)));
  const text = Array.from({ length: copies }, () => one).join('\n\n');
  const words = text.split(/\s+/).filter(Boolean).length;
  const doc = await docFromBytes(new TextEncoder().encode(text), 'bench.txt', { date: '2016-01-01' });
  // Warm up both: the model load and JIT are not what we measure.
  bareTokensAndPos(one);
  codedDocFromDoc(await docFromBytes(new TextEncoder().encode(one), 'warm.txt', { date: '2016-01-01' }));
  const rounds = options.rounds ?? 5;
  const bare: number[] = [];
  const coder: number[] = [];
  let sentences = 0;
  let events = 0;
  let skipped = 0;
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    const b = bareTokensAndPos(text);
    bare.push(performance.now() - t0);
    sentences = b.sentences;
    t0 = performance.now();
    const c = codedDocFromDoc(doc);
    coder.push(performance.now() - t0);
    events = c.events.length;
    skipped = c.coded.filter((s) => !s.analysed).length / Math.max(1, c.coded.length);
    sentences = c.sentences.length;
  }
  const bareMs = fastest(bare);
  const coderMs = fastest(coder);
  return {
    corpus: `${texts.length} documents × ${copies}`,
    words,
    sentences,
    events,
    'bare NLP words/s': Math.round(words / (bareMs / 1000)),
    'bare NLP sentences/s': Math.round(sentences / (bareMs / 1000)),
    'coder words/s': Math.round(words / (coderMs / 1000)),
    'coder sentences/s': Math.round(sentences / (coderMs / 1000)),
    'coder / bare NLP': Number((bareMs / coderMs).toFixed(2)),
    'sentences the rules skipped (pre-filter)': `${(skipped * 100).toFixed(0)}%`,
    'peak RSS MB': Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
