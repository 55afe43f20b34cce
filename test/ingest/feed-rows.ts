// Builders for GDELT event rows composed in the tests (61 columns are unreadable written out by hand).
import { deflateRawSync } from 'node:zlib';

export interface GdeltActor {
  readonly code?: string;
  readonly name?: string;
  readonly country?: string;
  readonly group?: string;
  readonly type1?: string;
}

export interface GdeltRow {
  readonly id: string | number;
  readonly date?: string;
  readonly a1?: GdeltActor;
  readonly a2?: GdeltActor;
  readonly code: string;
  /** ActionGeo country (FIPS). */
  readonly fips?: string;
  readonly url?: string;
}

function actor(a: GdeltActor | undefined): string[] {
  if (!a) return Array.from({ length: 10 }, () => '');
  return [a.code ?? '', a.name ?? '', a.country ?? '', a.group ?? '', '', '', '', a.type1 ?? '', '', ''];
}

function geo(fips: string | undefined, adm2: boolean): string[] {
  if (!fips) return adm2 ? ['0', '', '', '', '', '', '', ''] : ['0', '', '', '', '', '', ''];
  const cells = ['4', `A place, ${fips}`, fips, `${fips}01`, ...(adm2 ? [`${fips}0101`] : []), '55.75', '37.6167', '-2960561'];
  return cells;
}

/** One GDELT row: 61 columns (2.0), 58 (1.0 daily) or 57 (1.0 backfile). */
export function gdeltRow(r: GdeltRow, width: 57 | 58 | 61 = 61): string {
  const date = r.date ?? '20131024';
  const adm2 = width === 61;
  const cells = [
    String(r.id), date, date.slice(0, 6), date.slice(0, 4), `${date.slice(0, 4)}.8055`,
    ...actor(r.a1), ...actor(r.a2),
    '1', r.code, r.code.slice(0, 3), r.code.slice(0, 2), '1', '1.0', '4', '1', '4', '1.5',
    ...geo(undefined, adm2), ...geo(undefined, adm2), ...geo(r.fips, adm2),
    width === 61 ? '20131024143000' : '20131024',
    ...(width === 57 ? [] : [r.url ?? `https://example.org/news/${r.id}`]),
  ];
  if (cells.length !== width) throw new Error(`built ${cells.length} cells for width ${width}`);
  return cells.join('\t');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A zip archive holding one deflated file, as GDELT distributes its exports. */
export function zipOf(name: string, content: string): Buffer {
  const data = Buffer.from(content, 'utf8');
  const packed = deflateRawSync(data);
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0, 6);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(0, 10);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(packed.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0, 8);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(0, 12);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(packed.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt32LE(0, 42);
  const centralOffset = local.length + nameBytes.length + packed.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, packed, central, nameBytes, end]);
}
