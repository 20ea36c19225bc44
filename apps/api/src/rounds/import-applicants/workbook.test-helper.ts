import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

/** One ZIP entry to write; `declaredSize` lies about its expanded size (a bomb), `raw` is already deflated data. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Buffer | string;
  readonly raw?: boolean;
  readonly declaredSize?: number;
}

/** A ZIP file of deflated entries, as small as the format allows (no CRC check is relied on by the reader). */
export function zipOf(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const plain = Buffer.from(entry.data);
    const data = entry.raw ? plain : deflateRawSync(plain);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.raw ? 0 : crc32(plain);
    const size = entry.declaredSize ?? plain.length;
    const common = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(8, at + 4); // deflate
      header.writeUInt16LE(0, at + 6);
      header.writeUInt16LE(0x21, at + 8); // 1980-01-01
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(data.length, at + 14);
      header.writeUInt32LE(size, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // made by
    common(central, 6);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const letters = (index: number): string =>
  index < 26 ? String.fromCharCode(65 + index) : letters(Math.floor(index / 26) - 1) + letters(index % 26);

/** A date as Excel stores it: days since 1899-12-30. */
const serialOf = (date: Date): number => date.getTime() / 86_400_000 + 25569;

/** The XML of one cell (`s="1"` is the date style), strings shared (their index) or inline. */
function cellXml(ref: string, value: unknown, share: ((text: string) => number) | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}" s="1"><v>${serialOf(value)}</v></c>`;
  const text = String(value);
  if (share) return `<c r="${ref}" t="s"><v>${share(text)}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** A sheet's XML: one `<row>` per row of values, numbered from 1 (an empty array is a blank row). */
export function sheetXml(rows: ReadonlyArray<readonly unknown[]>, share?: (text: string) => number): string {
  const body = rows
    .map(
      (cells, i) =>
        `<row r="${i + 1}">${cells.map((v, c) => cellXml(`${letters(c)}${i + 1}`, v, share)).join('')}</row>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
}

const NS = 'http://schemas.openxmlformats.org';
const REL = `${NS}/officeDocument/2006/relationships`;

/** The parts around the sheets: content types, relationships, the workbook listing them, styles with a date format. */
export function workbookFrame(sheetCount: number, shared: boolean): ZipEntry[] {
  const sheets = Array.from({ length: sheetCount }, (_, i) => i + 1);
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0"?><Types xmlns="${NS}/package/2006/content-types"/>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${NS}/package/2006/relationships">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0"?><workbook xmlns="${NS}/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${sheets.map((n) => `<sheet name="Sheet${n}" sheetId="${n}" r:id="rId${n}"/>`).join('')}</sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0"?><Relationships xmlns="${NS}/package/2006/relationships">${sheets.map((n) => rel(`rId${n}`, 'worksheet', `worksheets/sheet${n}.xml`)).join('')}${rel('rIdS', 'styles', 'styles.xml')}${shared ? rel('rIdT', 'sharedStrings', 'sharedStrings.xml') : ''}</Relationships>`,
    },
    {
      name: 'xl/styles.xml',
      data: `<?xml version="1.0"?><styleSheet xmlns="${NS}/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    },
  ];
}

/**
 * An XLSX file of the given sheets (each rows of strings, numbers, booleans, dates), as Excel
 * writes one: text in the shared strings table, or inline when `inline` is set.
 */
export function workbookOf(
  sheets: ReadonlyArray<ReadonlyArray<readonly unknown[]>>,
  { inline = false } = {},
): Buffer {
  const strings: string[] = [];
  const share = inline ? undefined : (text: string): number => strings.push(text) - 1;
  const parts = sheets.map((rows, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    data: sheetXml(rows, share),
  }));
  const table = `<?xml version="1.0"?><sst xmlns="${NS}/spreadsheetml/2006/main">${strings.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join('')}</sst>`;
  return zipOf([
    ...workbookFrame(sheets.length, !inline),
    ...parts,
    ...(inline ? [] : [{ name: 'xl/sharedStrings.xml', data: table }]),
  ]);
}

/** Deflated data that expands to `head`, `times` copies of `chunk`, then `tail`, made as a stream: hundreds of MB expanded never sit in memory. */
export async function deflatedRepeat(
  head: string,
  chunk: string,
  times: number,
  tail: string,
): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (piece: Buffer) => out.push(piece));
  const block = Buffer.from(chunk.repeat(Math.max(1, Math.floor((1 << 20) / chunk.length))));
  const perBlock = block.length / Buffer.byteLength(chunk);
  let size = Buffer.byteLength(head) + Buffer.byteLength(tail);
  deflate.write(head);
  for (let left = times; left > 0; left -= perBlock) {
    const piece = left >= perBlock ? block : Buffer.from(chunk.repeat(left));
    size += piece.length;
    if (!deflate.write(piece)) await once(deflate, 'drain');
  }
  deflate.end(tail);
  await once(deflate, 'end');
  return { data: Buffer.concat(out), size };
}

/** An XLSX whose first sheet is the given (deflated) data, declaring the size given: the frame of workbookOf around a bomb. */
export const workbookAround = (
  sheet: { data: Buffer; declaredSize: number },
  extra: ZipEntry[] = [],
): Buffer =>
  zipOf([...workbookFrame(1, false), { name: 'xl/worksheets/sheet1.xml', raw: true, ...sheet }, ...extra]);
