/**
 * Make ZIP archives reproducible: overwrite the DOS modification time and date of every
 * entry (local headers and central directory) with a fixed value. exceljs (via JSZip)
 * stamps entries with the current time, which would make XLSX files differ between runs.
 */

/** The fixed creation/modification date written into workbook properties. */
export const WORKBOOK_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

/** DOS date for 1980-01-01 (the earliest DOS date) and time 00:00:00. */
export const FIXED_DOS_DATE = (0 << 9) | (1 << 5) | 1;
export const FIXED_DOS_TIME = 0;

/**
 * Return a copy of a ZIP archive with all entry timestamps set to 1980-01-01 00:00.
 * Throws if the archive has no end-of-central-directory record.
 *
 * @example
 * const stable = zipFixedDates(await workbook.xlsx.writeBuffer());
 */
export function zipFixedDates(input: Uint8Array): Uint8Array {
  const buf = new Uint8Array(input);
  const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65_535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('zipFixedDates: not a ZIP archive (no end of central directory)');
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let k = 0; k < count; k++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error('zipFixedDates: bad central directory entry');
    dv.setUint16(p + 12, FIXED_DOS_TIME, true);
    dv.setUint16(p + 14, FIXED_DOS_DATE, true);
    const local = dv.getUint32(p + 42, true);
    if (dv.getUint32(local, true) !== 0x04034b50) throw new Error('zipFixedDates: bad local header');
    dv.setUint16(local + 10, FIXED_DOS_TIME, true);
    dv.setUint16(local + 12, FIXED_DOS_DATE, true);
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return buf;
}
