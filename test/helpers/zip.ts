/**
 * A minimal zip writer for tests that need hostile archives (zip bombs, lying sizes,
 * hand-written workbook XML) that no spreadsheet program would write.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry: its bytes (deflated here) or raw deflate data with the sizes to declare. */
export interface ZipInput {
  name: string;
  data?: Buffer | string;
  /** Already deflated data (then `size` and `crc` are what the directory declares). */
  deflated?: Buffer;
  size?: number;
  crc?: number;
}

/**
 * Build a zip archive (deflate, no zip64).
 *
 * @example
 * writeFileSync('a.zip', makeZip([{ name: 'a.txt', data: 'hello' }]));
 */
export function makeZip(entries: ZipInput[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = e.data === undefined ? undefined : Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8');
    const comp = e.deflated ?? deflateRawSync(raw ?? Buffer.alloc(0));
    const size = e.size ?? raw?.length ?? 0;
    const crc = e.crc ?? (raw ? crc32(raw) >>> 0 : 0);
    const name = Buffer.from(e.name, 'utf8');
    const loc = Buffer.alloc(30);
    loc.writeUInt32LE(0x04034b50, 0);
    loc.writeUInt16LE(20, 4);
    loc.writeUInt16LE(8, 8);
    loc.writeUInt32LE(crc, 14);
    loc.writeUInt32LE(comp.length, 18);
    loc.writeUInt32LE(size, 22);
    loc.writeUInt16LE(name.length, 26);
    locals.push(loc, name, comp);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(0x02014b50, 0);
    cen.writeUInt16LE(20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(comp.length, 20);
    cen.writeUInt32LE(size, 24);
    cen.writeUInt16LE(name.length, 28);
    cen.writeUInt32LE(offset, 42);
    central.push(cen, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Raw deflate data that inflates to `mib` MiB of zero bytes, built from one compressed
 * MiB repeated (full-flush blocks are independent), so a 4 GiB bomb takes milliseconds.
 *
 * @example
 * zeroBomb(4096).length // about 4 MB
 */
export function zeroBomb(mib: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1 << 20), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array<Buffer>(mib).fill(block), last]);
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** A sheet of a hand-written workbook: its visibility and the XML inside `<sheetData>`. */
export interface SheetInput {
  name: string;
  state?: 'hidden' | 'veryHidden';
  rows: string;
}

/**
 * The zip entries of a minimal workbook with the given sheets (inline strings only).
 *
 * @example
 * makeZip(workbookEntries([{ name: 'Data', rows: '<row r="1"><c r="A1" t="inlineStr"><is><t>series</t></is></c></row>' }]))
 */
export function workbookEntries(sheets: SheetInput[], extra: ZipInput[] = []): ZipInput[] {
  const wb = `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets>${sheets
    .map(
      (s, i) =>
        `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`,
    )
    .join('')}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map(
      (_, i) =>
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
    )
    .join('')}</Relationships>`;
  return [
    { name: 'xl/workbook.xml', data: wb },
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}><sheetData>${s.rows}</sheetData></worksheet>`,
    })),
    ...extra,
  ];
}

/** A row of inline-string or number cells (`=…` strings become formulas with no saved value). */
export function row(r: number, cells: (string | number)[]): string {
  const letters = 'ABCDEFGHIJ';
  return `<row r="${r}">${cells
    .map((c, i) => {
      const ref = `${letters[i]}${r}`;
      if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
      if (c.startsWith('=')) return `<c r="${ref}"><f>${c.slice(1)}</f></c>`;
      return `<c r="${ref}" t="inlineStr"><is><t>${c}</t></is></c>`;
    })
    .join('')}</row>`;
}
