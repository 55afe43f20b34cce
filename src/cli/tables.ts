import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { InputError } from '../errors.ts';
import { csvFromTables, markdownFromTables } from '../figures/format.ts';
import { tablesFromDoc } from '../figures/figures.ts';
import { pdfItemsFromBytes } from '../figures/pdf-items.ts';
import { docFromPath } from '../ingest/index.ts';
import { checkedFormat } from './flags.ts';

const FORMATS = ['md', 'csv', 'json'] as const;

/** `detente tables`: rebuilds a document's tables and prints them, with the regions that are not tables and why. */
export function registerTables(program: Command): void {
  program
    .command('tables')
    .description('rebuild the tables of a document (PDF-extracted text, HTML, PDF) and say which regions are not tables and why')
    .argument('<file>', 'document to read, or - for standard input')
    .option('--format <format>', `output: ${FORMATS.join(', ')}`, 'md')
    .action(async (file: string, flags: { readonly format: string }) => {
      const format = checkedFormat(flags.format, FORMATS);
      const doc = await docFromPath(file);
      let items;
      if (doc.format === 'pdf' && file !== '-') {
        let bytes: Uint8Array;
        try {
          bytes = await readFile(file);
        } catch (error) {
          throw new InputError(file, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
        }
        items = await pdfItemsFromBytes(bytes, file);
      }
      const result = tablesFromDoc(doc, items);
      if (format === 'json') process.stdout.write(`${JSON.stringify({ file, tables: result.tables, rejected: result.rejected }, null, 2)}\n`);
      else if (format === 'csv') process.stdout.write(csvFromTables(result));
      else process.stdout.write(markdownFromTables(result, file));
    });
}
