import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError } from '../errors.ts';

/** The repository's `dictionaries/` folder. */
export const DICTIONARY_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dictionaries');

/** One data row of a dictionary file, with where it came from for error messages. */
export interface DictionaryRow {
  readonly file: string;
  readonly line: number;
  readonly cells: readonly string[];
}

/** A parsed dictionary file: its `#` header (what it covers, as of when) and its rows. */
export interface DictionaryFile {
  readonly file: string;
  readonly header: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly DictionaryRow[];
}

/**
 * Reads a tab-separated dictionary: leading `#` lines are the header (it must
 * say what the file covers), the first other line names the columns, and
 * every row must have exactly that many cells. Blank lines and later `#`
 * lines are comments.
 */
export function dictionaryFromText(text: string, file: string): DictionaryFile {
  const lines = text.split(/\r?\n/);
  const header: string[] = [];
  let i = 0;
  for (; i < lines.length && (lines[i] ?? '').startsWith('#'); i++) header.push((lines[i] ?? '').replace(/^#\s?/, ''));
  if (header.length === 0) throw new ConfigError(`${file}:1`, 'dictionary has no "#" header saying what it covers');
  while (i < lines.length && (lines[i] ?? '').trim() === '') i++;
  const columnLine = lines[i];
  if (columnLine === undefined) throw new ConfigError(file, 'dictionary has no column line');
  const columns = columnLine.split('\t').map((c) => c.trim());
  const rows: DictionaryRow[] = [];
  for (let j = i + 1; j < lines.length; j++) {
    const raw = lines[j] ?? '';
    if (raw.trim() === '' || raw.startsWith('#')) continue;
    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.length !== columns.length) {
      throw new ConfigError(`${file}:${j + 1}`, `expected ${columns.length} tab-separated cells (${columns.join(', ')}), found ${cells.length}`);
    }
    rows.push({ file, line: j + 1, cells });
  }
  return { file, header, columns, rows };
}

/** Reads and parses `dictionaries/<name>` (or an absolute path). */
export function readDictionary(name: string, dir: string = DICTIONARY_DIR): DictionaryFile {
  const path = name.startsWith('/') ? name : join(dir, name);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(relative(process.cwd(), path) || path, `cannot read dictionary (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return dictionaryFromText(text, relative(process.cwd(), path) || path);
}

/** Splits a `|`-separated list cell; `-` or empty means none. */
export function listCell(cell: string): string[] {
  if (cell === '' || cell === '-') return [];
  return cell.split('|').map((s) => s.trim()).filter((s) => s !== '');
}

/** A cell where `-` or empty means null. */
export function optionalCell(cell: string): string | null {
  return cell === '' || cell === '-' ? null : cell;
}
