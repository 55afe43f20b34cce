import type { Command } from 'commander';
import { defaultCoderConfig } from '../coding/coder.ts';
import { exitCodeOf, oneLine } from '../errors.ts';
import { docsFromPaths } from '../ingest/index.ts';
import { codedDocFromDoc } from '../pipeline.ts';
import type { Assessment, Event } from '../types.ts';
import { jsonFromAssessment, jsonFromEvent, tableFromAssessments, tableFromEvents } from './event-json.ts';
import { checkedDate, checkedFormat } from './flags.ts';

const FORMATS = ['jsonl', 'json', 'table'] as const;

interface CodeFlags {
  readonly date?: string;
  readonly format: string;
  readonly prefilter: boolean;
  readonly assessments?: boolean;
}

/** `detente code`: codes documents and prints their events (or their assessments), storing nothing. */
export function registerCode(program: Command): void {
  program
    .command('code')
    .description('code documents into events and print them (nothing is stored)')
    .argument('<paths...>', 'files, folders (read recursively) or - for standard input')
    .option('--date <YYYY-MM-DD>', 'document date, overriding front matter (resolves "last year", people\'s offices)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'jsonl')
    .option('--no-prefilter', 'analyse every sentence, even those that cannot hold an event')
    .option('--assessments', 'print what the texts say of how two actors stand (assessments, not events) instead of the events')
    .action(async (paths: string[], flags: CodeFlags) => {
      const format = checkedFormat(flags.format, FORMATS);
      const date = flags.date === undefined ? undefined : checkedDate(flags.date, '--date');
      // Validate the dictionaries before reading any document.
      defaultCoderConfig();
      let exit = 0;
      const all: Event[] = [];
      const said: Assessment[] = [];
      for await (const item of docsFromPaths(paths, { date, onSkip: (p, why) => process.stderr.write(`detente: ${p}: skipped (${why})\n`) })) {
        if ('error' in item) {
          exit = Math.max(exit, exitCodeOf(item.error));
          process.stderr.write(`detente: ${oneLine(item.error)}\n`);
          continue;
        }
        const coded = codedDocFromDoc(item, { date, prefilter: flags.prefilter });
        if (flags.assessments === true) {
          if (format === 'jsonl') for (const a of coded.assessments) process.stdout.write(`${JSON.stringify(jsonFromAssessment(a))}\n`);
          else said.push(...coded.assessments);
        } else if (format === 'jsonl') {
          for (const e of coded.events) process.stdout.write(`${JSON.stringify(jsonFromEvent(e))}\n`);
        } else {
          all.push(...coded.events);
        }
      }
      if (flags.assessments === true) {
        if (format === 'json') process.stdout.write(`${JSON.stringify(said.map(jsonFromAssessment), null, 2)}\n`);
        if (format === 'table') process.stdout.write(`${tableFromAssessments(said)}\n`);
      } else {
        if (format === 'json') process.stdout.write(`${JSON.stringify(all.map(jsonFromEvent), null, 2)}\n`);
        if (format === 'table') process.stdout.write(`${tableFromEvents(all)}\n`);
      }
      if (exit > 0) process.exitCode = exit;
    });
}
