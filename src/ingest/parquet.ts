import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { InputError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';
import type { Store } from '../store/connection.ts';
import { rejectsOfImport } from '../store/feed-import.ts';
import type { RejectedRow } from '../store/feed-import.ts';
import { importParquetSet } from '../store/interop.ts';
import type { ParquetSet } from '../store/interop.ts';

/** The outcome of importing a Parquet export, in the same terms as a feed file. */
export interface ParquetImportResult {
  readonly file: string;
  readonly format: 'parquet';
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly reasons: ReadonlyArray<{ readonly kind: string; readonly rows: number }>;
  readonly rejects: ReadonlyArray<{ readonly line: number; readonly reason: string }>;
  readonly importId: number | null;
  readonly previousImportId: number | null;
  readonly error: null;
}

async function parquetFilesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await parquetFilesUnder(full)));
    else if (entry.name.endsWith('.parquet')) out.push(full);
  }
  return out;
}

/**
 * The Parquet files of an export folder (`events/year=…/*.parquet`,
 * `documents.parquet`, `sentences.parquet`, `assessments.parquet`) or a single events file, and a
 * hash over all of them (so importing the same export again is recognised).
 */
export async function parquetSetOf(path: string): Promise<{ set: ParquetSet; files: string[] }> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError(path, 'no such file or folder');
  }
  if (info.isFile()) return { set: { events: path, documents: null, sentences: null, assessments: null }, files: [path] };
  const eventsDir = join(path, 'events');
  const eventFiles = existsSync(eventsDir) ? await parquetFilesUnder(eventsDir) : (await parquetFilesUnder(path)).filter((f) => !/\/(documents|sentences|assessments)\.parquet$/.test(f));
  if (eventFiles.length === 0) throw new InputError(path, 'holds no events Parquet files (expected events/year=…/*.parquet from detente export)');
  const documents = join(path, 'documents.parquet');
  const sentences = join(path, 'sentences.parquet');
  const assessments = join(path, 'assessments.parquet');
  return {
    set: {
      events: existsSync(eventsDir) ? join(eventsDir, '**', '*.parquet') : join(path, '**', '*.parquet'),
      documents: existsSync(documents) ? documents : null,
      sentences: existsSync(sentences) ? sentences : null,
      assessments: existsSync(assessments) ? assessments : null,
    },
    files: [...eventFiles, ...[documents, sentences, assessments].filter((f) => existsSync(f))],
  };
}

/** Imports a Parquet export (folder or file) into the store; see `importParquetSet`. */
export async function importParquetPath(store: Store, path: string, options: { readonly progress?: Progress; readonly rejectsLimit?: number } = {}): Promise<ParquetImportResult> {
  const { set, files } = await parquetSetOf(path);
  const progress = options.progress ?? silentProgress;
  progress.start(`import ${basename(path)}`, null);
  try {
    const hash = createHash('sha256');
    let bytes = 0;
    for (const file of files) {
      for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
      }
    }
    const counts = await importParquetSet(store, set, { path, name: basename(path), hash: hash.digest('hex'), bytes });
    const recorded = counts.importId ?? counts.previousImportId;
    const rejects: RejectedRow[] = recorded !== null && counts.rejected > 0 ? await rejectsOfImport(store, recorded, options.rejectsLimit ?? 20) : [];
    return { file: path, format: 'parquet', ...counts, rejects: rejects.map((r) => ({ line: r.line, reason: r.reason })), error: null };
  } finally {
    progress.stop();
  }
}
