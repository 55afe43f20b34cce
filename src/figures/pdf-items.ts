/**
 * Text items with their positions, read from a PDF with pdf.js: the input of
 * {@link tablesFromPdfItems}.
 */
import { FormatError } from '../errors.ts';
import type { PdfTextItem } from './pdf-tables.ts';

interface RawItem {
  readonly str?: unknown;
  readonly transform?: unknown;
  readonly width?: unknown;
  readonly height?: unknown;
}

/** Every non-blank text item of every page, with x/y of its baseline start (PDF points, origin bottom left). */
export async function pdfItemsFromBytes(bytes: Uint8Array, where: string): Promise<PdfTextItem[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    // pdf.js takes ownership of (and detaches) the buffer it is given: pass a copy.
    doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  } catch (error) {
    throw new FormatError(where, `not a readable PDF (${error instanceof Error ? error.message : String(error)})`, null, { cause: error });
  }
  try {
    const items: PdfTextItem[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const raw of content.items as readonly RawItem[]) {
        const str = typeof raw.str === 'string' ? raw.str : '';
        const t = Array.isArray(raw.transform) ? (raw.transform as number[]) : null;
        if (str.trim().length === 0 || !t) continue;
        const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || (typeof raw.height === 'number' ? raw.height : 0);
        items.push({ str, x: t[4] ?? 0, y: t[5] ?? 0, width: typeof raw.width === 'number' ? raw.width : 0, height: size, page: p });
      }
      page.cleanup();
    }
    return items;
  } catch (error) {
    throw new FormatError(where, `cannot read the PDF's text (${error instanceof Error ? error.message : String(error)})`, null, { cause: error });
  } finally {
    await doc.destroy();
  }
}
