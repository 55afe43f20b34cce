import { FormatError } from '../errors.ts';

/** Text extracted from a PDF: lines per page, pages separated by a form feed line. */
export interface PdfText {
  readonly text: string;
  readonly title: string | null;
  readonly pages: number;
}

interface Item {
  readonly str: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface PdfLine {
  y: number;
  height: number;
  items: Item[];
}

/**
 * Extracts the text of a PDF with pdf.js (no worker thread, no network, no
 * fonts loaded): text items are grouped into lines by their baseline, lines
 * ordered top to bottom, words spaced by the gaps between items, and a blank
 * line put where the vertical gap is much larger than the line spacing. Pages
 * are separated by a line holding a form feed. Encrypted and broken files are
 * FormatErrors with a one-line reason.
 */
export async function textFromPdf(bytes: Uint8Array, where: string): Promise<PdfText> {
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = getDocument({
    data: new Uint8Array(bytes),
    verbosity: VerbosityLevel.ERRORS,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [, , , , x, y] = item.transform as number[];
        items.push({ str: item.str, x: (x ?? 0) - (page.view[0] ?? 0), y: y ?? 0, width: item.width, height: Math.abs(item.height) || 10 });
      }
      const [x0 = 0, , x1 = 612] = page.view;
      pages.push(pageText(items, x1 - x0));
      page.cleanup();
    }
    const info = (await pdf.getMetadata().catch(() => null))?.info as { Title?: unknown } | undefined;
    const title = typeof info?.Title === 'string' && info.Title.trim() !== '' ? info.Title.trim() : null;
    return { text: pages.join('\n\f\n'), title, pages: pdf.numPages };
  } catch (error) {
    throw pdfError(error, where);
  } finally {
    await task.destroy();
  }
}

function pdfError(error: unknown, where: string): FormatError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return new FormatError(where, 'encrypted PDF (password required)', null, { cause: error });
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
  return new FormatError(where, `not a valid PDF: ${message.replace(/\.$/, '') || 'unreadable'}`, null, { cause: error });
}

function pageText(items: readonly Item[], pageWidth: number): string {
  const lines = linesOf(items);
  const center = pageWidth / 2;
  const crosses = (item: Item): boolean => item.x < center - 2 && item.x + item.width > center + 2;
  if (!isTwoColumn(items, center, crosses)) return textOfLines(lines);
  // Two columns: between full-width lines, read the left column down, then the right one.
  const parts: string[] = [];
  let left: Item[] = [];
  let right: Item[] = [];
  const flush = (): void => {
    const columns = [left, right].filter((c) => c.length > 0).map((c) => textOfLines(linesOf(c)));
    if (columns.length > 0) parts.push(columns.join('\n'));
    left = [];
    right = [];
  };
  for (const line of lines) {
    if (line.items.some(crosses)) {
      flush();
      parts.push(textOfLines([line]));
      continue;
    }
    for (const item of line.items) (item.x + item.width / 2 < center ? left : right).push(item);
  }
  flush();
  // A full-width line on a two-column page (a title, a caption) stands apart from the columns.
  return parts.join('\n\n');
}

// Text on both halves of the page, with a gutter that almost nothing crosses.
function isTwoColumn(items: readonly Item[], center: number, crosses: (item: Item) => boolean): boolean {
  let left = 0;
  let right = 0;
  let across = 0;
  for (const item of items) {
    const length = item.str.length;
    if (crosses(item)) across += length;
    else if (item.x + item.width / 2 < center) left += length;
    else right += length;
  }
  const total = left + right + across;
  return total > 0 && left > total * 0.2 && right > total * 0.2 && across < total * 0.4;
}

function linesOf(items: readonly Item[]): PdfLine[] {
  const lines: PdfLine[] = [];
  // Baselines within a third of the text height are one line (superscripts and subscripts included).
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.slice(-3).find((l) => Math.abs(l.y - item.y) <= Math.max(l.height, item.height) * 0.35);
    if (line) {
      line.items.push(item);
      line.height = Math.max(line.height, item.height);
    } else {
      lines.push({ y: item.y, height: item.height, items: [item] });
    }
  }
  return lines.sort((a, b) => b.y - a.y);
}

// Lines top to bottom, with a blank line where the gap is much larger than the usual spacing.
function textOfLines(lines: readonly PdfLine[]): string {
  const gaps = lines.slice(1).map((l, i) => (lines[i]?.y ?? 0) - l.y).sort((a, b) => a - b);
  const spacing = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const out: string[] = [];
  lines.forEach((line, i) => {
    const above = lines[i - 1];
    if (above && spacing > 0 && above.y - line.y > spacing * 1.6) out.push('');
    out.push(lineText(line.items));
  });
  return out.join('\n');
}

function lineText(items: readonly Item[]): string {
  let text = '';
  let end: number | null = null;
  for (const item of [...items].sort((a, b) => a.x - b.x)) {
    if (end !== null && item.x - end > item.height * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += ' ';
    text += item.str;
    end = item.x + item.width;
  }
  return text.replace(/\s+$/, '');
}
