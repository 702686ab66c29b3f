// Builds .xlsx files byte by byte for the import tests, including hostile ones (lying sizes, bombs, huge sheets).
import zlib from 'node:zlib';

/** One file inside the zip; `declaredSize` overrides the uncompressed size written in the headers (a lie). */
export interface ZipPart {
  name: string;
  data: Buffer | string;
  stored?: boolean;
  declaredSize?: number;
}

/** A plain zip (no data descriptors, no zip64), deflated unless `stored`. */
export function buildZip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const raw = typeof p.data === 'string' ? Buffer.from(p.data) : p.data;
    const body = p.stored ? raw : zlib.deflateRawSync(raw);
    const name = Buffer.from(p.name);
    const size = p.declaredSize ?? raw.length;
    const crc = zlib.crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(p.stored ? 0 : 8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(p.stored ? 0 : 8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const colName = (i: number) => String.fromCharCode(65 + (i % 26)).padStart(i < 26 ? 1 : 2, 'A');

/** The XML of one row with inline strings (what many non-Excel tools write). */
export function rowXml(r: number, cells: string[]): string {
  const cs = cells
    .map((v, i) => (v ? `<c r="${colName(i)}${r}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>` : ''))
    .join('');
  return `<row r="${r}">${cs}</row>`;
}

const SHEET_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/** The parts of a one-sheet workbook around the given sheet XML. */
export function workbookParts(sheet: Buffer | string, sheetPart: Partial<ZipPart> = {}): ZipPart[] {
  const ns = 'http://schemas.openxmlformats.org/';
  return [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...sheetPart },
  ];
}

/** A workbook whose first sheet has these header cells and rows (inline strings). */
export function sheetXlsx(headers: string[], rows: Iterable<string[]>, extra: ZipPart[] = []): Buffer {
  const out: string[] = [SHEET_HEAD, rowXml(1, headers)];
  let r = 2;
  for (const cells of rows) out.push(rowXml(r++, cells));
  out.push(SHEET_TAIL);
  return buildZip([...workbookParts(out.join('')), ...extra]);
}

/** A workbook whose first row has one cell of `bytes` letters: a few hundred KB compressed. */
export function hugeCellXlsx(headers: string[], bytes: number): Buffer {
  const xml = Buffer.concat([
    Buffer.from(`${SHEET_HEAD}<row r="1">`),
    ...headers.map((h, i) => Buffer.from(`<c r="${colName(i)}1" t="inlineStr"><is><t>${escapeXml(h)}</t></is></c>`)),
    Buffer.from(`<c r="${colName(headers.length)}1" t="inlineStr"><is><t>`),
    Buffer.alloc(bytes, 'a'),
    Buffer.from(`</t></is></c></row>${SHEET_TAIL}`),
  ]);
  return buildZip(workbookParts(xml));
}
