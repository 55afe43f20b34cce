import { extname } from 'node:path';
import { FormatError, InputError } from '../errors.ts';
import type { DocFormat } from '../types.ts';

/** File extensions read as documents, and their formats. */
export const DOC_EXTENSIONS: Readonly<Record<string, DocFormat>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.pdf': 'pdf',
};

const EXPECTED = 'expected .txt, .md, .html or .pdf';
const HTML_START = /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

/** Whether the bytes start like a PDF (`%PDF-`, allowing some leading junk as readers do). */
export function isPdfBytes(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
}

function isHtmlBytes(bytes: Uint8Array): boolean {
  return HTML_START.test(new TextDecoder('utf-8').decode(bytes.subarray(0, 4096)).replace(/^\uFEFF/, ''));
}

/**
 * The format of a document from its name and first bytes. PDF content is read
 * as PDF whatever the name; a known extension decides otherwise; a file with
 * another extension is refused unless its content is clearly HTML (`.aspx`,
 * `.php` pages saved from the web); a file without extension is HTML when it
 * looks like it, else text.
 */
export function formatFromBytes(bytes: Uint8Array, name: string, explicit?: DocFormat, where: string = name): DocFormat {
  if (explicit !== undefined) return explicit;
  if (isPdfBytes(bytes)) return 'pdf';
  const extension = extname(name).toLowerCase();
  const known = DOC_EXTENSIONS[extension];
  if (known !== undefined) return known;
  if (isHtmlBytes(bytes)) return 'html';
  if (extension !== '' && !/^\.\d+$/.test(extension)) {
    throw new InputError(where, `unsupported file type ${extension} (${EXPECTED})`);
  }
  return 'text';
}

/**
 * Decodes the bytes of a text document: UTF-8 (with or without BOM), or UTF-16
 * with a BOM. Binary content and invalid UTF-8 are refused with the place of
 * the problem.
 */
export function textFromBytes(bytes: Uint8Array, where: string): string {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  }
  if (isBinary(bytes)) throw new InputError(where, 'binary file, not text, HTML or PDF');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < at; i++) {
      if (bytes[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new FormatError(where, `invalid UTF-8 (byte 0x${byte} at column ${at - lineStart + 1}; save the file as UTF-8)`, line);
  }
}

// NUL bytes, or many control characters, in the first 64 KB.
function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if ((b < 0x09 || (b > 0x0d && b < 0x20)) && b !== 0x1b) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

/** Offset of the first byte that breaks UTF-8, or the length if none does. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
