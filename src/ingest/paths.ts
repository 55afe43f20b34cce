import type { Stats } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { FormatError, InputError } from '../errors.ts';
import { silentProgress, type Progress } from '../progress.ts';
import type { Doc } from '../types.ts';
import { DOC_EXTENSIONS } from './decode.ts';
import { docFromBytes, type DocOptions } from './doc.ts';

/** Largest document read by default: 64 MB. */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/** How to read documents from files. */
export interface PathOptions extends Omit<DocOptions, 'origin' | 'charset'> {
  /** Refuse a document larger than this many bytes (default 64 MB), before reading it. */
  readonly maxBytes?: number;
  /** Where `-` reads from (default: the process's standard input). */
  readonly stdin?: AsyncIterable<Uint8Array>;
}

/** A document that could not be read: where, and the one-line error. */
export interface IngestFailure {
  readonly origin: string;
  readonly error: InputError | FormatError;
}

/** Options of `docsFromPaths`. */
export interface PathsOptions extends PathOptions {
  /** Told about each file skipped inside a folder because of its extension. */
  readonly onSkip?: (path: string, reason: string) => void;
  readonly progress?: Progress;
}

/**
 * Reads one document from a file (or standard input for `-`). Sizes above
 * `maxBytes` are refused from the file's size, before reading.
 */
export async function docFromPath(path: string, options: PathOptions = {}): Promise<Doc> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (path === '-') {
    const bytes = await bytesFromStream(options.stdin ?? process.stdin, maxBytes, '-');
    return docFromBytes(bytes, 'stdin', { ...options, origin: '-' });
  }
  const info = await statOf(path);
  if (info.isDirectory()) throw new InputError(path, 'is a folder, not a file (folders are read with docsFromPaths)');
  if (!info.isFile()) throw new InputError(path, 'is not a regular file');
  if (info.size > maxBytes) throw new InputError(path, `file is ${sizeText(info.size)}, above the ${sizeText(maxBytes, true)} limit for one document`);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(path, `cannot read (${reasonOf(error)})`, { cause: error });
  }
  return docFromBytes(bytes, basename(path), { ...options, origin: path });
}

/**
 * Reads documents from files and folders, in order. Folders are read
 * recursively in sorted order, skipping hidden entries and (with a note to
 * `onSkip`) files whose extension is not a document's; files named
 * explicitly are always tried. A file that cannot be read gives an
 * `IngestFailure` and the others are still read.
 */
export async function* docsFromPaths(paths: readonly string[], options: PathsOptions = {}): AsyncGenerator<Doc | IngestFailure> {
  const progress = options.progress ?? silentProgress;
  const entries: (string | IngestFailure)[] = [];
  for (const path of paths) {
    if (path === '-') {
      entries.push(path);
      continue;
    }
    try {
      const info = await statOf(path);
      if (info.isDirectory()) entries.push(...(await filesUnder(path, options.onSkip, new Set())));
      else entries.push(path);
    } catch (error) {
      if (error instanceof InputError) entries.push({ origin: path, error });
      else throw error;
    }
  }
  progress.start('reading documents', entries.length);
  let done = 0;
  for (const entry of entries) {
    if (typeof entry !== 'string') {
      yield entry;
    } else {
      try {
        yield await docFromPath(entry, options);
      } catch (error) {
        if (error instanceof InputError || error instanceof FormatError) yield { origin: entry, error };
        else throw error;
      }
    }
    progress.update(++done, typeof entry === 'string' ? entry : entry.origin);
  }
  progress.stop();
}

async function filesUnder(folder: string, onSkip: PathsOptions['onSkip'], seen: Set<string>): Promise<string[]> {
  const real = await realpath(folder);
  if (seen.has(real)) return [];
  seen.add(real);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    throw new InputError(folder, `cannot read folder (${reasonOf(error)})`, { cause: error });
  }
  const files: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.')) continue;
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      files.push(...(await filesUnder(path, onSkip, seen)));
    } else if (info?.isFile()) {
      const extension = extname(name).toLowerCase();
      if (DOC_EXTENSIONS[extension] !== undefined) files.push(path);
      else onSkip?.(path, extension === '' ? 'no file extension' : `unsupported file type ${extension}`);
    }
  }
  return files;
}

async function statOf(path: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw new InputError(path, reasonOf(error), { cause: error });
  }
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder';
  if (code === 'EISDIR') return 'is a folder';
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** Reads a stream into memory, refusing it as soon as it grows past `maxBytes`. */
export async function bytesFromStream(stream: AsyncIterable<Uint8Array>, maxBytes: number, where: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) throw new InputError(where, `input is larger than the ${sizeText(maxBytes, true)} limit for one document`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** A size for messages: `100.0 MB`, `3.0 GB`, `12.5 KB`, `10 bytes`; a limit in whole megabytes reads `64 MB`. */
export function sizeText(bytes: number, limit = false): string {
  const mb = bytes / (1024 * 1024);
  if (mb >= 1024) return `${(mb / 1024).toFixed(1)} GB`;
  if (limit && Number.isInteger(mb) && mb > 0) return `${mb} MB`;
  if (mb >= 1) return `${mb.toFixed(1)} MB`;
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} bytes`;
}
