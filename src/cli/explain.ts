import type { Command } from 'commander';
import { defaultCoderConfig, explainSentence } from '../coding/coder.ts';
import type { SentenceTrace } from '../coding/coder.ts';
import { InputError } from '../errors.ts';
import { docFromBytes } from '../ingest/index.ts';
import { sentencesFromDoc } from '../nlp/sentences.ts';
import type { Event } from '../types.ts';
import { jsonFromEvent } from './event-json.ts';
import { checkedDate, checkedFormat } from './flags.ts';

function describe(e: Event): string {
  const end = (a: Event['source']): string => `${a.country}${a.sector ? `/${a.sector}` : ''}${a.text ? ` "${a.text}"` : ''}`;
  return `${end(e.source)} → ${end(e.target)}  ${e.type}${e.negated ? ' (negated)' : ''}, quad ${e.quad}, intensity ${e.intensity}, CAMEO ${e.cameo}, ${e.modality}`
    + `\n      contexts: ${e.contexts.join(', ') || '-'}; theater: ${e.theater ?? '-'}; date: ${e.date ?? '-'}\n      rule: ${e.rule}`;
}

function traceText(t: SentenceTrace): string[] {
  const lines: string[] = [];
  lines.push(`  words:    ${t.words.map((w) => `${w.text}/${w.pos}`).join(' ')}`);
  const actors = t.mentions.map((m) => {
    const who = m.actors.map((a) => `${a.country}${a.sector ? `/${a.sector}` : ''}`).join('+') || (m.mention.theater ? `place ${m.mention.theater}` : 'unresolved');
    return `"${m.mention.text}" → ${who} (${m.via}${m.mention.kind !== 'actor' ? `, ${m.mention.kind}` : ''})`;
  });
  lines.push(`  actors:   ${actors.join('; ') || 'none'}`);
  const triggers = t.triggers.map((x) => `"${t.words.slice(x.head, x.end + 1).map((w) => w.text).join(' ')}" → ${x.rule.type} by ${x.rule.id} (verbs.tsv:${x.rule.line})`);
  lines.push(`  triggers: ${triggers.join('; ') || 'none'}`);
  for (const r of t.rejections) lines.push(`  dropped:  ${r.kind}: ${r.detail}`);
  return lines;
}

/** `detente explain`: shows how one sentence (or a few) is read and why it gives the events it gives. */
export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show how a sentence is read: actors found, patterns that fired, and why nothing was coded')
    .argument('<sentence...>', 'the sentence (quote it)')
    .option('--date <YYYY-MM-DD>', 'date the sentence is read on (resolves people\'s offices and "last year")')
    .option('--source <url>', 'where the text comes from, so "I" and "we" resolve to its publisher (e.g. http://kremlin.ru)')
    .option('--publisher <name>', 'who issued the text, when its address does not say (e.g. "The White House")')
    .option('--title <title>', 'the document\'s title, which says whether it records a call or meeting (e.g. "Telephone conversation with …")')
    .option('--format <format>', 'text or json', 'text')
    .action(async (words: string[], flags: { date?: string; source?: string; publisher?: string; title?: string; format: string }) => {
      const format = checkedFormat(flags.format, ['text', 'json'] as const);
      const text = words.join(' ').trim();
      if (text === '') throw new InputError('explain', 'no sentence given');
      const date = flags.date === undefined ? undefined : checkedDate(flags.date, '--date');
      const config = defaultCoderConfig();
      const base = await docFromBytes(new TextEncoder().encode(text), 'explain.txt', { date });
      const doc = { ...base, meta: { ...base.meta, title: flags.title ?? null, source: flags.source ?? null, publisher: flags.publisher ?? null } };
      const results = sentencesFromDoc(doc).map((s) => explainSentence(doc, s, config));
      if (format === 'json') {
        process.stdout.write(`${JSON.stringify(results.map((r) => ({
          sentence: r.coded.sentence.text,
          words: r.trace.words.map((w) => ({ text: w.text, lemma: w.lemma, pos: w.pos })),
          actors: r.trace.mentions.map((m) => ({ text: m.mention.text, kind: m.mention.kind, via: m.via, actors: m.actors })),
          triggers: r.trace.triggers.map((x) => ({ text: r.trace.words.slice(x.head, x.end + 1).map((w) => w.text).join(' '), rule: x.rule.id, type: x.rule.type })),
          events: r.coded.events.map(jsonFromEvent),
          reasons: r.coded.reasons,
          assessments: r.coded.assessments,
        })), null, 2)}\n`);
        return;
      }
      for (const r of results) {
        const out = [`sentence ${r.coded.sentence.index}: ${r.coded.sentence.text}`, ...traceText(r.trace)];
        if (r.coded.events.length > 0) {
          out.push('  events:');
          for (const e of r.coded.events) out.push(`    ${describe(e)}`);
        } else {
          out.push(`  no event: ${r.coded.reasons.map((x) => `${x.kind} (${x.detail})`).join('; ') || 'nothing to code'}`);
        }
        for (const a of r.coded.assessments) {
          out.push(`  assessment (not an event): ${a.a}–${a.b} ${a.valence} "${a.cue}"${a.theater ? `; theater: ${a.theater}` : ''}${a.contexts.length > 0 ? `; contexts: ${a.contexts.join(', ')}` : ''}`);
          out.push(`    rule: ${a.rule}`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
      }
    });
}
