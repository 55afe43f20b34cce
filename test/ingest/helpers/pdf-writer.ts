import { createHash } from 'node:crypto';

/**
 * A line of a generated PDF page; an empty string leaves a line of space. `y`
 * places a line at a fixed height (a page number in the footer) without
 * moving the following lines.
 */
export type PdfLineSpec = string | { readonly text: string; readonly size?: number; readonly x?: number; readonly y?: number };

/** Options of the test PDF writer. */
export interface PdfOptions {
  readonly title?: string;
  /** Encrypt with the standard security handler (RC4 40-bit, revision 2) and this user password. */
  readonly userPassword?: string;
}

const WIN_ANSI: Readonly<Record<string, number>> = {
  '€': 0x80, '‚': 0x82, '„': 0x84, '…': 0x85, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '\u00AD': 0xad,
};

/**
 * A minimal but valid PDF (Helvetica, WinAnsi text, one content stream per
 * page, correct cross-reference table), with each page's lines set 14 points
 * apart from the top. Written for the ingest tests, so that they need no
 * external tool.
 */
export function pdfFromPages(pages: readonly (readonly PdfLineSpec[])[], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObject = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const info = add(`<< /Title (${pdfString(options.title ?? 'Test document')}) /Producer (detente tests) >>`);
  const kids: number[] = [];
  for (const lines of pages) {
    const content = contentStream(lines);
    const stream = add(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObject} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObject} 0 R >>`;
  objects[pagesObject - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  const id = createHash('md5').update(JSON.stringify(pages)).digest();
  let encrypt = '';
  if (options.userPassword !== undefined) {
    const { o, u } = standardSecurity(options.userPassword, 'owner-secret', id);
    const object = add(`<< /Filter /Standard /V 1 /R 2 /O <${o.toString('hex')}> /U <${u.toString('hex')}> /P -4 >>`);
    encrypt = ` /Encrypt ${object} 0 R`;
  }
  let out = '%PDF-1.4\n%\xE2\xE3\xCF\xD3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  const idHex = id.toString('hex');
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R${encrypt} /ID [<${idHex}> <${idHex}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

function contentStream(lines: readonly PdfLineSpec[]): string {
  const ops: string[] = [];
  let y = 740;
  for (const spec of lines) {
    const line = typeof spec === 'string' ? { text: spec } : spec;
    const fixed = 'y' in line && line.y !== undefined;
    if (line.text !== '') {
      const size = 'size' in line && line.size !== undefined ? line.size : 11;
      const x = 'x' in line && line.x !== undefined ? line.x : 72;
      ops.push(`BT /F1 ${size} Tf ${x} ${fixed ? line.y : y} Td (${pdfString(line.text)}) Tj ET`);
    }
    if (!fixed) y -= 14;
  }
  return ops.join('\n');
}

function pdfString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = WIN_ANSI[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`character ${ch} is not in WinAnsiEncoding`);
    if (ch === '(' || ch === ')' || ch === '\\') out += `\\${ch}`;
    else if (code < 0x20 || code > 0x7e) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += ch;
  }
  return out;
}

const PASSWORD_PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex');

// Algorithms 3 and 4 of the PDF standard security handler, revision 2.
function standardSecurity(userPassword: string, ownerPassword: string, id: Buffer): { o: Buffer; u: Buffer } {
  const pad = (password: string): Buffer => Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PAD]).subarray(0, 32);
  const ownerKey = createHash('md5').update(pad(ownerPassword)).digest().subarray(0, 5);
  const o = rc4(ownerKey, pad(userPassword));
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(-4);
  const fileKey = createHash('md5').update(pad(userPassword)).update(o).update(permissions).update(id).digest().subarray(0, 5);
  return { o, u: rc4(fileKey, PASSWORD_PAD) };
}

function rc4(key: Buffer, data: Buffer): Buffer {
  const s = Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + (s[i] ?? 0) + (key[i % key.length] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
  }
  const out = Buffer.alloc(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + (s[i] ?? 0)) & 0xff;
    [s[i], s[j]] = [s[j] ?? 0, s[i] ?? 0];
    out[k] = (data[k] ?? 0) ^ (s[((s[i] ?? 0) + (s[j] ?? 0)) & 0xff] ?? 0);
  }
  return out;
}
