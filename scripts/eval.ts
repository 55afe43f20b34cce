// npm run eval -- <gold-dir> <texts-dir> [--details] [--json]
// Codes each NAME.txt that has a NAME.jsonl of gold events and prints precision,
// recall and F1 at three levels (source+target; +quad; +type), negation and
// modality agreement, context overlap and theater agreement (where the gold
// codes them), and whether the pre-filter changed any event. A gold `IGO` (peer
// suites' code for any organisation) matches a named one (`UN`, `EU`).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { docFromPath } from '../src/ingest/index.ts';
import { codedDocFromDoc } from '../src/pipeline.ts';
import { LEVELS, goldFromJson, prf, sameActorWithIgo, scoreDoc, scoredFromEvent, scoredFromGold, totalOf } from '../src/eval/score.ts';
import { loadLexicon } from '../src/coding/dictionaries.ts';
import type { DocScore, Scored } from '../src/eval/score.ts';
import { oneLine } from '../src/errors.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [goldDir, textsDir] = args.filter((a) => !a.startsWith('--'));
if (!goldDir || !textsDir) {
  console.error('usage: npm run eval -- <gold-dir> <texts-dir> [--details] [--json]');
  process.exit(2);
}

const pct = (x: number): string => x.toFixed(3);

function row(s: DocScore): string {
  const cells = LEVELS.map((l) => {
    const { precision, recall, f1 } = prf(s.levels[l]);
    return `${pct(precision)} ${pct(recall)} ${pct(f1)}`;
  });
  const neg = s.negation.total ? pct(s.negation.agree / s.negation.total) : '  -  ';
  const mod = s.modality.total ? pct(s.modality.agree / s.modality.total) : '  -  ';
  const ctx = s.contexts.total ? pct(s.contexts.agree / s.contexts.total) : '  -  ';
  const thr = s.theater.total ? pct(s.theater.agree / s.theater.total) : '  -  ';
  const gold = s.levels.dyad.tp + s.levels.dyad.fn;
  const coded = s.levels.dyad.tp + s.levels.dyad.fp;
  return `${s.doc.slice(0, 44).padEnd(44)} ${String(gold).padStart(4)} ${String(coded).padStart(5)}  ${cells.join('  ')}  ${neg}  ${mod}  ${ctx}  ${thr}`;
}

function show(e: Scored): string {
  return `${e.source}->${e.target} ${e.type}${e.negated ? ' NEG' : ''} ${e.modality} | ${e.sentence.slice(0, 150)}`;
}

const scores: DocScore[] = [];
const same = sameActorWithIgo(new Set(loadLexicon().igos.map((g) => g.code)));
let sentences = 0;
let skipped = 0;
let prefilterDiffs = 0;
const files = readdirSync(goldDir).filter((f) => f.endsWith('.jsonl')).sort();
for (const f of files) {
  const name = basename(f, '.jsonl');
  const textPath = join(textsDir, `${name}.txt`);
  if (!existsSync(textPath)) {
    console.error(`eval: no text for ${f} (expected ${textPath}); skipped`);
    continue;
  }
  const gold = readFileSync(join(goldDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => {
    try {
      return scoredFromGold(goldFromJson(JSON.parse(l)));
    } catch (error) {
      console.error(`eval: ${join(goldDir, f)}:${i + 1}: ${oneLine(error)}`);
      process.exit(3);
    }
  });
  let doc;
  try {
    doc = await docFromPath(textPath);
  } catch (error) {
    console.error(`eval: ${oneLine(error)}`);
    continue;
  }
  const coded = codedDocFromDoc(doc);
  const unfiltered = codedDocFromDoc(doc, { prefilter: false });
  if (JSON.stringify(coded.events) !== JSON.stringify(unfiltered.events)) {
    prefilterDiffs++;
    console.error(`eval: the pre-filter changed the events of ${name}`);
  }
  sentences += coded.coded.length;
  skipped += coded.coded.filter((c) => !c.analysed).length;
  scores.push(scoreDoc(name, coded.events.map(scoredFromEvent), gold, same));
}

const seed = scores.filter((s) => /seed/.test(s.doc));
const others = scores.filter((s) => !/seed/.test(s.doc));
const total = totalOf('ALL', scores);

if (flags.has('--json')) {
  const out = (s: DocScore): object => ({
    doc: s.doc,
    ...Object.fromEntries(LEVELS.map((l) => [l, { ...s.levels[l], ...prf(s.levels[l]) }])),
    negation: s.negation, modality: s.modality, contexts: s.contexts, theater: s.theater,
  });
  console.log(JSON.stringify({
    docs: scores.map(out), seed: seed.length ? out(totalOf('seed', seed)) : null,
    others: others.length ? out(totalOf('others', others)) : null, total: out(total),
    prefilter: { sentences, skipped, docsChanged: prefilterDiffs },
  }, null, 2));
} else {
  console.log(`${'document'.padEnd(44)} gold coded  ${LEVELS.map((l) => `${l.padEnd(4)} P     R     F1   `).join(' ')} neg   mod   ctx   thr`);
  for (const s of scores) console.log(row(s));
  console.log('-'.repeat(130));
  if (seed.length && others.length) {
    console.log(row(totalOf('seed', seed)));
    console.log(row(totalOf('others', others)));
  }
  console.log(row(total));
  console.log(`pre-filter: ${skipped} of ${sentences} sentences skipped; events ${prefilterDiffs === 0 ? 'identical with and without it' : `changed in ${prefilterDiffs} documents`}`);
  if (flags.has('--details')) {
    for (const s of scores) {
      if (s.missed.length === 0 && s.spurious.length === 0) continue;
      console.log(`\n== ${s.doc}`);
      for (const e of s.missed) console.log(`  missed   ${show(e)}`);
      for (const e of s.spurious) console.log(`  spurious ${show(e)}`);
    }
  }
}
