import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve as resolvePath } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { loadCameo } from '../coding/cameo.ts';
import type { CameoDictionary } from '../coding/cameo.ts';
import { countryByCode, countryCodeFromCameo, countryCodeFromFips, countryCodeFromName, hitsFromName, loadLexicon } from '../coding/dictionaries.ts';
import type { Lexicon } from '../coding/dictionaries.ts';
import { FormatError, InputError } from '../errors.ts';
import type { Progress } from '../progress.ts';
import { silentProgress } from '../progress.ts';
import { importFeed, rejectsOfImport } from '../store/feed-import.ts';
import type { FeedReference, KeyKind, LineChunk, RejectedRow } from '../store/feed-import.ts';
import type { Store } from '../store/connection.ts';
import { TYPE_TABLE } from '../types.ts';
import { gdeltPlanOfFirstLine, looksLikeGdelt } from './gdelt.ts';
import type { FeedLinePlan } from './gdelt.ts';
import { ICEWS_SECTORS, icewsPlanOfFirstLine, looksLikeIcews } from './icews.ts';
import { POLECAT_SECTORS, looksLikePolecat, polecatPlanOfFirstLine, polecatTypeNames } from './polecat.ts';

/** Event datasets detente imports from text files. */
export const FEED_FORMATS = ['gdelt', 'icews', 'polecat'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

/** A file to import: plain, or the first file inside a zip archive. */
export interface FeedSource {
  readonly path: string;
  readonly name: string;
  /** Bytes of the text to read (uncompressed size for a zip). */
  readonly bytes: number;
  /** Size and modification time of the file, to recognise an interrupted import of it. */
  readonly stamp: string;
  readonly zipped: boolean;
  open(): Promise<Readable>;
}

function zipOpen(path: string): Promise<ZipFile> {
  return new Promise((resolve, reject) => yauzl.open(path, { lazyEntries: true, autoClose: true }, (error, zip) => (error ? reject(error) : resolve(zip))));
}

async function firstZipEntry(path: string): Promise<{ zip: ZipFile; entry: Entry }> {
  const zip = await zipOpen(path);
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      if (entry.fileName.endsWith('/')) zip.readEntry();
      else resolve({ zip, entry });
    });
    zip.on('end', () => reject(new FormatError(path, 'the zip archive holds no file')));
    zip.on('error', reject);
    zip.readEntry();
  });
}

async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

/** Opens a dataset file for reading; zip archives (GDELT's `.CSV.zip`) are read from their first file, streaming. */
export async function feedSourceOf(path: string): Promise<FeedSource> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new InputError(path, `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (!info.isFile()) throw new InputError(path, 'not a file');
  if (await isZip(path)) {
    let found: { zip: ZipFile; entry: Entry };
    try {
      found = await firstZipEntry(path);
    } catch (error) {
      if (error instanceof FormatError) throw error;
      throw new FormatError(path, `broken zip archive: ${(error as Error).message}`);
    }
    const { entry } = found;
    found.zip.close();
    return {
      path,
      name: basename(path),
      bytes: entry.uncompressedSize,
      stamp: `${info.size}:${info.mtimeMs}`,
      zipped: true,
      async open() {
        const { zip, entry: again } = await firstZipEntry(path);
        return new Promise<Readable>((resolve, reject) => zip.openReadStream(again, (error, stream) => (error ? reject(error) : resolve(stream))));
      },
    };
  }
  return { path, name: basename(path), bytes: info.size, stamp: `${info.size}:${info.mtimeMs}`, zipped: false, open: async () => createReadStream(path, { highWaterMark: 1 << 20 }) };
}

/** The first line of a source (up to 64 KiB), without its line end or a byte-order mark. */
export async function firstLineOf(source: FeedSource): Promise<string> {
  const stream = await source.open();
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const newline = chunk.indexOf(10);
      parts.push(newline >= 0 ? chunk.subarray(0, newline) : chunk);
      size += chunk.length;
      if (newline >= 0 || size >= 65536) break;
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(parts).toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '');
}

const CHUNK_BYTES = 1 << 22;

/**
 * Splits a byte stream into chunks of whole lines with their line numbers,
 * skipping the first `skipLines` lines. Splitting at newline bytes never cuts
 * a UTF-8 character; invalid bytes decode to U+FFFD rather than stop the import.
 */
export async function* lineChunksOf(
  stream: Readable,
  options: { readonly skipLines?: number; readonly maxLines?: number; readonly onBytes?: (bytes: number) => void; readonly hash?: (chunk: Buffer) => void } = {},
): AsyncGenerator<LineChunk> {
  const decoder = new TextDecoder('utf-8');
  const maxLines = options.maxLines ?? Infinity;
  let skip = options.skipLines ?? 0;
  let line = 1;
  let carry: Buffer = Buffer.alloc(0);
  let bytes = 0;
  let first = true;
  const emit = function* (buf: Buffer): Generator<LineChunk> {
    let start = 0;
    if (first) {
      first = false;
      if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
    }
    while (skip > 0 && start <= buf.length) {
      const nl = buf.indexOf(10, start);
      if (nl < 0) {
        start = buf.length + 1;
        break;
      }
      start = nl + 1;
      skip--;
      line++;
    }
    while (start < buf.length) {
      // At most maxLines lines per chunk, so a batch never holds much more than the batch size.
      let lines = 1;
      let end = buf.length;
      for (let at = buf.indexOf(10, start); at >= 0; at = buf.indexOf(10, at + 1)) {
        if (lines === maxLines) {
          end = at;
          break;
        }
        lines++;
      }
      yield { firstLine: line, lines, text: decoder.decode(buf.subarray(start, end)) };
      line += lines;
      start = end + 1;
    }
  };
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    options.hash?.(chunk);
    bytes += chunk.length;
    options.onBytes?.(bytes);
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes < CHUNK_BYTES) continue;
    const joined = Buffer.concat([carry, ...pending]);
    pending = [];
    pendingBytes = 0;
    const lastNewline = joined.lastIndexOf(10);
    if (lastNewline < 0) {
      carry = joined;
      continue;
    }
    carry = joined.subarray(lastNewline + 1);
    yield* emit(joined.subarray(0, lastNewline));
  }
  const rest = Buffer.concat([carry, ...pending]);
  const end = rest.length > 0 && rest[rest.length - 1] === 10 ? rest.length - 1 : rest.length;
  if (end > 0) yield* emit(rest.subarray(0, end));
}

/** Tells GDELT, ICEWS and POLECAT apart by a file's first line, or `null`. */
export function feedFormatOfFirstLine(line: string): FeedFormat | null {
  if (looksLikePolecat(line)) return 'polecat';
  if (looksLikeIcews(line)) return 'icews';
  if (looksLikeGdelt(line) || /^GLOBALEVENTID[;,]/i.test(line) || line.split(';').length >= 57) return 'gdelt';
  try {
    icewsPlanOfFirstLine(line, '');
    return 'icews';
  } catch {
    return null;
  }
}

/** The plan for reading a file of `format` from its first line (refusing, with one line, a file that is not that format). */
export function feedPlanOf(format: FeedFormat, firstLine: string, where: string): FeedLinePlan {
  switch (format) {
    case 'gdelt':
      return gdeltPlanOfFirstLine(firstLine, where);
    case 'icews':
      return icewsPlanOfFirstLine(firstLine, where);
    case 'polecat':
      return polecatPlanOfFirstLine(firstLine, where);
  }
}

/** The dictionary facts an import joins: CAMEO tables, sector words, type names, and a resolver over the lexicon. */
export function feedReferenceOf(cameo: CameoDictionary, lexicon: Lexicon): FeedReference {
  const igoCodes = new Set<string>(['IGO', ...lexicon.igos.map((i) => i.code), ...cameo.groups.values()]);
  const igoByName = (name: string): string | null => {
    const codes = new Set(hitsFromName(lexicon, name).flatMap((h) => (h.kind === 'igo' ? [h.entry.code] : [])));
    return codes.size === 1 ? ([...codes][0] ?? null) : null;
  };
  const resolve = (kind: KeyKind, key: string): string | null => {
    switch (kind) {
      case 'cameo-country':
        return countryCodeFromCameo(lexicon, key);
      case 'fips':
        return countryCodeFromFips(lexicon, key);
      case 'country-name':
        return countryCodeFromName(lexicon, key);
      case 'igo-name':
        return igoByName(key);
      case 'code': {
        const upper = key.trim().toUpperCase();
        if (igoCodes.has(upper)) return upper;
        return countryByCode(lexicon, upper)?.code ?? null;
      }
    }
  };
  // CAMEO country codes and FIPS codes are finite lists: resolve them all once, through the same functions.
  const cameoCodes = new Set<string>();
  const fipsCodes = new Set<string>();
  for (const c of lexicon.countries) {
    cameoCodes.add(c.code);
    if (c.cameo) cameoCodes.add(c.cameo);
    if (c.fips) fipsCodes.add(c.fips);
  }
  for (const r of lexicon.regions) if (r.fips) fipsCodes.add(r.fips);
  const preloaded = [
    ...[...cameoCodes].map((key) => ({ kind: 'cameo-country' as const, key, value: countryCodeFromCameo(lexicon, key) })),
    ...[...fipsCodes].map((key) => ({ kind: 'fips' as const, key, value: countryCodeFromFips(lexicon, key) })),
  ];
  const sectorWords = [...ICEWS_SECTORS, ...POLECAT_SECTORS].map(([word, sector], rank) => ({ word, sector, rank }));
  return {
    cameo: [
      ...[...cameo.events.values()].map((e) => ({ code: e.code, label: e.label, type: e.type, mode: e.mode, contexts: e.contexts, quad: TYPE_TABLE[e.type].quad, intensity: TYPE_TABLE[e.type].intensity })),
      ...[...cameo.nonEvents].map(([code, label]) => ({ code, label, type: null, mode: null, contexts: [], quad: null, intensity: null })),
    ],
    actorCodes: [
      ...[...cameo.types].map(([code, value]) => ({ field: 'type' as const, code, value })),
      ...[...cameo.groups].map(([code, value]) => ({ field: 'group' as const, code, value })),
    ],
    sectorWords,
    typeNames: polecatTypeNames(),
    igoCodes: [...igoCodes],
    preloaded,
    resolve,
  };
}

/** The outcome for one file: the row accounting, and the first rejected rows. */
export interface FeedFileResult {
  readonly path: string;
  readonly format: FeedFormat;
  /** What was recognised (`GDELT 2.0`). */
  readonly detail: string;
  readonly rows: number;
  readonly imported: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly reasons: ReadonlyArray<{ readonly kind: string; readonly rows: number }>;
  /** The rejected rows, in line order (all of them, or the first `rejectsLimit`). */
  readonly rejects: readonly RejectedRow[];
  readonly importId: number | null;
  /** When the same file (by hash) was imported before, that import's id. */
  readonly previousImportId: number | null;
  /** Whether this run completed an interrupted import of the file. */
  readonly resumed: boolean;
}

/** Options of {@link importFeedFile}. */
export interface FeedImportOptions {
  readonly progress?: Progress;
  /** How many rejected rows to return (default 20; `Infinity` for all). */
  readonly rejectsLimit?: number;
  /** Dictionary folder (default `dictionaries/`). */
  readonly dictionaries?: string;
  readonly batchLines?: number;
  /** Called after each batch is committed, with the rows done so far. */
  readonly onRows?: (rows: number) => void;
}

/**
 * Imports one GDELT, ICEWS or POLECAT file (`auto`: told by its first line)
 * into the store, streaming, in one transaction. Every row is accounted for:
 * imported + duplicates + rejected = rows. A file that is not in the format
 * is refused with a one-line FormatError before anything is stored.
 */
export async function importFeedFile(store: Store, format: FeedFormat | 'auto', path: string, options: FeedImportOptions = {}): Promise<FeedFileResult> {
  const source = await feedSourceOf(path);
  if (source.bytes === 0) throw new FormatError(path, 'the file is empty: no rows to import');
  const first = await firstLineOf(source);
  const chosen = format === 'auto' ? feedFormatOfFirstLine(first) : format;
  if (chosen === null) throw new FormatError(path, 'cannot tell the format from the first line; name it: detente import gdelt|icews|polecat', 1);
  const plan = feedPlanOf(chosen, first, path);
  const reference = feedReferenceOf(loadCameo(options.dictionaries), loadLexicon(options.dictionaries));
  const progress = options.progress ?? silentProgress;
  const hash = createHash('sha256');
  const fileHash = source.zipped ? await sha256OfFile(path) : null;
  let hashed = true;
  let stream: Readable | null = null;
  progress.start(`import ${source.name}`, source.bytes);
  let rowsDone = 0;
  try {
    const counts = await importFeed(store, {
      origin: chosen,
      sql: plan.sql,
      file: { path: resolvePath(path), name: source.name, bytes: source.bytes, stamp: source.stamp },
      // A resumed import skips the lines already stored, so its hash is taken over the whole file separately.
      hash: async () => fileHash ?? (hashed ? hash.digest('hex') : sha256OfFile(path)),
      chunks: (after) => {
        hashed = after === 0;
        return (async function* () {
          stream = await source.open();
          yield* lineChunksOf(stream, {
            skipLines: Math.max(plan.skipLines, after),
            maxLines: options.batchLines,
            onBytes: (bytes) => progress.update(bytes, `${rowsDone.toLocaleString('en')} rows`),
            hash: fileHash || !hashed ? undefined : (chunk) => hash.update(chunk),
          });
        })();
      },
      reference,
      batchLines: options.batchLines,
      onRows: (rows) => {
        rowsDone = rows;
        options.onRows?.(rows);
      },
    });
    const limit = options.rejectsLimit ?? 20;
    const recorded = counts.importId ?? counts.previousImportId;
    const rejects = recorded !== null && counts.rejected > 0 ? await rejectsOfImport(store, recorded, Number.isFinite(limit) ? limit : undefined) : [];
    return { path, format: chosen, detail: plan.detail, ...counts, rejects };
  } finally {
    (stream as Readable | null)?.destroy();
    progress.stop();
  }
}

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

const WILDCARD = /[*?[]/;

function regexOfGlob(pattern: string): RegExp {
  let out = '';
  for (const ch of pattern) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(full)));
    else if (e.isFile()) out.push(full);
  }
  return out;
}

/**
 * Expands the paths given to `detente import`: files as they are, folders to
 * the files under them, and `*`/`?` wildcards in the last part of a path
 * (`data/gdelt/*.zip`) for shells that pass them through.
 */
export async function feedPathsOf(patterns: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const pattern of patterns) {
    if (WILDCARD.test(basename(pattern)) && !WILDCARD.test(dirname(pattern))) {
      const dir = dirname(pattern);
      const re = regexOfGlob(basename(pattern));
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        throw new InputError(pattern, `no such folder: ${dir}`);
      }
      const matched = names.filter((n) => re.test(n)).sort();
      if (matched.length === 0) throw new InputError(pattern, 'matches no file');
      out.push(...matched.map((n) => join(dir, n)));
      continue;
    }
    let info;
    try {
      info = await stat(pattern);
    } catch {
      throw new InputError(pattern, 'no such file or folder');
    }
    out.push(...(info.isDirectory() ? await filesUnder(pattern) : [pattern]));
  }
  return [...new Set(out)];
}
