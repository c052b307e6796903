/**
 * The character encoding of a text file as spreadsheet programs save it: UTF-8 with or
 * without a byte-order mark, UTF-16 little or big endian (Excel's "Unicode-tekst", with or
 * without a byte-order mark) and Windows-1252 (Danish Excel's "CSV (semikolonsepareret)").
 * Bytes that are valid UTF-8 are read as UTF-8; other bytes without NULs as Windows-1252, also
 * after a UTF-8 byte-order mark (a tool that writes the mark but æøå as single bytes). Bytes with
 * both (UTF-8 sequences and bytes that are not UTF-8) are neither: `notUtf8` says where.
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
  /**
   * Set when the bytes are neither UTF-8 nor Windows-1252 throughout: they hold UTF-8 sequences
   * of two or more bytes (`æ` as C3 A6) and a byte that is not UTF-8 (`æ` as E6). `text` is then
   * the Windows-1252 reading, wrong where the UTF-8 stands; the caller refuses the file.
   */
  notUtf8?: InvalidUtf8;
}

/** The first byte that is not UTF-8: its 1-based line, and the byte. */
export interface InvalidUtf8 {
  line: number;
  byte: number;
}

/**
 * Which encoding the bytes are in (see the module comment).
 *
 * @example
 * detectEncoding(Buffer.from([0xff, 0xfe, 0x61, 0x00])) // 'utf-16le'
 * detectEncoding(Buffer.from('år', 'latin1'))           // 'windows-1252'
 * detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0xe5, 0x72])) // 'windows-1252': a UTF-8 mark, then år in one byte each
 */
export function detectEncoding(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return isUtf8(Buffer.from(bytes.buffer, bytes.byteOffset + 3, bytes.length - 3)) ? 'utf-8' : 'windows-1252';
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
    const mixed = utf8Mixture(bytes);
    return { text: decode1252(bytes), encoding: 'windows-1252', bom: false, ...(mixed ? { notUtf8: mixed } : {}) };
  }
  const encoding = detectEncoding(bytes);
  let text: string;
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes.subarray(0, bytes.length & ~1));
    swapped.swap16();
    text = swapped.toString('utf16le');
  } else if (encoding === 'utf-16le')
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length & ~1).toString('utf16le');
  else if (encoding === 'windows-1252') {
    // after a UTF-8 byte-order mark (the only way here with one): the mark is not part of the text
    const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = utf8Bom ? bytes.subarray(3) : bytes;
    const mixed = utf8Mixture(body);
    return { text: decode1252(body), encoding, bom: utf8Bom, ...(mixed ? { notUtf8: mixed } : {}) };
  } else text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
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

/**
 * Where bytes that are not well-formed UTF-8 also hold UTF-8 sequences of two or more bytes (so
 * neither UTF-8 nor Windows-1252 reads them right): the line and value of the first byte that is
 * not UTF-8; undefined when no such sequence occurs (the bytes are Windows-1252 throughout).
 *
 * @example
 * utf8Mixture(Buffer.from('a;\xe6\n', 'latin1'))                       // undefined: Windows-1252
 * utf8Mixture(Buffer.concat([Buffer.from('å\n'), Buffer.from([0xe6])])) // { line: 2, byte: 0xe6 }
 */
export function utf8Mixture(bytes: Uint8Array): InvalidUtf8 | undefined {
  let firstBad = -1;
  let multi = false;
  const n = bytes.length;
  for (let i = 0; i < n;) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = utf8SequenceLength(bytes, i);
    if (len > 0) {
      multi = true;
      i += len;
    } else {
      if (firstBad < 0) firstBad = i;
      i++;
    }
    if (multi && firstBad >= 0) break;
  }
  if (!multi || firstBad < 0) return undefined;
  let line = 1;
  for (let i = 0; i < firstBad; i++) {
    const b = bytes[i];
    if (b === 0x0a || (b === 0x0d && bytes[i + 1] !== 0x0a)) line++;
  }
  return { line, byte: bytes[firstBad] };
}

/** The length of the well-formed UTF-8 sequence of 2–4 bytes at `i` (RFC 3629), or 0. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
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
