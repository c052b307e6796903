/**
 * The character encoding of a text file as spreadsheet programs save it: UTF-8 with or
 * without a byte-order mark, UTF-16 little or big endian (Excel's "Unicode-tekst", with or
 * without a byte-order mark) and Windows-1252 (Danish Excel's "CSV (semikolonsepareret)").
 * Bytes that are valid UTF-8 are read as UTF-8; other bytes without NULs as Windows-1252.
 */

import { isUtf8 } from 'node:buffer';

/** The encodings recognised. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** A decoded text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** True if the bytes started with a byte-order mark (dropped from `text`). */
  bom: boolean;
}

/**
 * Which encoding the bytes are in (see the module comment).
 *
 * @example
 * detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // 'utf-16le'
 * detectEncoding(Buffer.from('år', 'latin1'))           // 'windows-1252'
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const u16 = looksUtf16(bytes);
  if (u16) return u16;
  return utf8OrUndefined(bytes) !== undefined ? 'utf-8' : 'windows-1252';
}

/**
 * Decode the bytes of a text file in the encoding {@link detectEncoding} finds; a
 * byte-order mark is dropped. Binary content keeps its NULs (the caller refuses it).
 *
 * @example
 * decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61])).text // 'a'
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bomless =
    !(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) &&
    !(bytes[0] === 0xff && bytes[1] === 0xfe) &&
    !(bytes[0] === 0xfe && bytes[1] === 0xff);
  // the common case in one pass: UTF-8 without a byte-order mark and no sign of UTF-16
  if (bomless && !looksUtf16(bytes)) {
    const u = utf8OrUndefined(bytes);
    if (u !== undefined) return { text: u, encoding: 'utf-8', bom: false };
    return { text: decode1252(bytes), encoding: 'windows-1252', bom: false };
  }
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
    swapped.swap16();
    text = swapped.toString('utf16le');
  } else if (encoding === 'utf-16le')
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length & ~1).toString('utf16le');
  else if (encoding === 'windows-1252') text = decode1252(bytes);
  else text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
  const bom = text.charCodeAt(0) === 0xfeff;
  return { text: bom ? text.slice(1) : text, encoding, bom };
}

/** Characters of the bytes 0x80–0x9F in Windows-1252 (the rest is Latin-1); undefined bytes stay as they are. */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** Windows-1252 bytes as text (Node's own decoder reads this label as Latin-1). */
function decode1252(bytes: Uint8Array): string {
  const latin = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0) - 0x80]);
}

/** UTF-16 without a mark: text of Latin letters has a NUL in every other byte (of the first 4 KiB). */
function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.4 && evenNul < pairs * 0.05) return 'utf-16le';
  if (evenNul > pairs * 0.4 && oddNul < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** The bytes as UTF-8 text, or undefined if they are not well-formed UTF-8. */
function utf8OrUndefined(bytes: Uint8Array): string | undefined {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return isUtf8(b) ? b.toString('utf8') : undefined;
}
