import type { Command } from 'commander';
import { loadLexicon } from '../coding/dictionaries.ts';
import { factsFromSentences } from '../figures/facts.ts';
import { jsonlFromFacts, listingFromFacts } from '../figures/format.ts';
import { actorResolverFromLexicon } from '../figures/resolver.ts';
import { docFromPath } from '../ingest/index.ts';
import { sentencesFromDoc } from '../nlp/sentences.ts';
import { checkedDate, checkedFormat } from './flags.ts';

const FORMATS = ['jsonl', 'table'] as const;

/** `detente facts`: prints the numeric facts stated in a document's prose. */
export function registerFacts(program: Command): void {
  program
    .command('facts')
    .description('list the numeric facts in a document: value, unit, scale, period, what it measures, the sentence (nothing is stored)')
    .argument('<file>', 'document to read, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'document date, overriding front matter (the year of last resort, "the next five years")')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'table')
    .action(async (file: string, flags: { readonly format: string; readonly date?: string }) => {
      const format = checkedFormat(flags.format, FORMATS);
      const date = flags.date === undefined ? undefined : checkedDate(flags.date, '--date');
      const resolve = actorResolverFromLexicon(loadLexicon());
      const doc = await docFromPath(file, date === undefined ? {} : { date });
      const sentences = sentencesFromDoc(doc);
      const facts = factsFromSentences(sentences, { date: doc.meta.date, resolve });
      process.stdout.write(format === 'jsonl' ? jsonlFromFacts(facts, doc.name) : listingFromFacts(facts));
    });
}
