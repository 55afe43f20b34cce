/** Writes a small PDF with text at given positions (Helvetica), for tests that must not depend on a browser. */
export interface PlacedText {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size?: number;
  /** Place by the right edge instead of the left (right-aligned numbers); uses Helvetica digit widths. */
  readonly right?: boolean;
}

/** Helvetica advance widths (per 1000 em) of the characters tests use. */
const WIDTHS: Readonly<Record<string, number>> = { ' ': 278, '.': 278, ',': 278, '-': 333, '$': 556, '%': 889, '(': 333, ')': 333 };

export function helveticaWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += WIDTHS[ch] ?? (/[0-9]/.test(ch) ? 556 : /[A-Z]/.test(ch) ? 667 : /[il]/.test(ch) ? 222 : 556);
  return (w * size) / 1000;
}

function escape(text: string): string {
  return text.replace(/([()\\])/g, '\\$1');
}

/** A PDF of the given pages, each a list of placed strings. */
export function minimalPdf(pages: readonly (readonly PlacedText[])[]): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => objects.push(body);
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const contents = pages.map((items) => {
    const stream = items
      .map((t) => {
        const size = t.size ?? 10;
        const x = t.right ? t.x - helveticaWidth(t.text, size) : t.x;
        return `BT /F1 ${size} Tf ${x.toFixed(2)} ${t.y.toFixed(2)} Td (${escape(t.text)}) Tj ET`;
      })
      .join('\n');
    return add(`<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`);
  });
  const pagesId = objects.length + pages.length + 1;
  const kids = contents.map((c) =>
    add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${c} 0 R >>`),
  );
  add(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
