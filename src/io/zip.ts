/**
 * Reading zip containers (XLSX) with the sizes checked before anything is inflated: the
 * central directory is read first, and the number of entries and their total declared
 * uncompressed size must stay within limits (a 4 MB zip bomb declaring 4 GiB is refused
 * at once). Each entry is then inflated with its declared size as a hard cap and checked
 * against its CRC, so an entry that lies about its size cannot inflate past it either.
 */
import { crc32, createInflateRaw } from 'node:zlib';
import { InputError } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { formatBytes } from './limits.js';

/** One file inside a zip archive (from the central directory). */
export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  compressedSize: number;
  /** Declared uncompressed size. */
  size: number;
  crc: number;
  /** Offset of the local file header. */
  offset: number;
  encrypted: boolean;
}

/** Limits of {@link openZip}. */
export interface ZipLimits {
  maxEntries: number;
  /** Largest total declared uncompressed size of all entries. */
  maxTotalBytes: number;
}

/** An opened zip archive. */
export interface ZipArchive {
  entries: Map<string, ZipEntry>;
  /** Total declared uncompressed size. */
  totalBytes: number;
  /**
   * Inflate one entry into a buffer of its declared size (an InputError if it is missing,
   * encrypted, corrupt or inflates beyond that size: inflating stops there).
   */
  read(name: string): Promise<Buffer>;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

/**
 * Open a zip archive held in memory, checking entry count and declared sizes first.
 *
 * @example
 * const zip = openZip(readFileSync('book.xlsx'), 'book.xlsx', { maxEntries: 10000, maxTotalBytes: 400 * 2 ** 20 });
 * (await zip.read('xl/workbook.xml')).toString('utf8').startsWith('<?xml') // true
 */
export function openZip(buf: Buffer, file: string, limits: ZipLimits): ZipArchive {
  const bad = (why: Msg): never => {
    throw new InputError({ file }, { code: 'zip.readable' }, why);
  };
  // end of central directory: within the last 64 KiB + 22 bytes
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) bad({ code: 'zip.noDirectory' });
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) bad({ code: 'zip.zip64' });
  if (count > limits.maxEntries)
    throw new InputError(
      { file },
      { code: 'zip.maxEntries', params: { n: limits.maxEntries } },
      { code: 'zip.entries', params: { n: count } },
    );
  if (cdOffset + cdSize > eocd) bad({ code: 'zip.directoryOutside' });
  const entries = new Map<string, ZipEntry>();
  let total = 0;
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN) bad({ code: 'zip.damagedDirectory' });
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const offset = buf.readUInt32LE(p + 42);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) bad({ code: 'zip.zip64Entry' });
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    total += size;
    if (total > limits.maxTotalBytes) {
      throw new InputError(
        { file },
        { code: 'zip.maxTotal', params: { size: formatBytes(limits.maxTotalBytes) } },
        { code: 'zip.declaredMore', params: { size: formatBytes(limits.maxTotalBytes) } },
      );
    }
    entries.set(name, { name, method, compressedSize, size, crc, offset, encrypted: (flags & 1) !== 0 });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const read = async (name: string): Promise<Buffer> => {
    const e = entries.get(name);
    if (!e) return bad({ code: 'zip.noEntry', params: { name } });
    if (e.encrypted) throw new InputError({ file }, { code: 'zip.noPassword' }, { code: 'zip.encrypted' });
    if (e.offset + 30 > buf.length || buf.readUInt32LE(e.offset) !== LOC)
      bad({ code: 'zip.damagedEntry', params: { name } });
    const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
    if (start + e.compressedSize > buf.length) bad({ code: 'zip.truncatedEntry', params: { name } });
    const raw = buf.subarray(start, start + e.compressedSize);
    let out: Buffer;
    if (e.method === 0) out = raw;
    else if (e.method === 8)
      out = await inflateCapped(
        raw,
        e.size,
        () => {
          throw new InputError(
            { file },
            { code: 'zip.bomb' },
            { code: 'zip.beyond', params: { name, size: formatBytes(e.size) } },
          );
        },
        () => bad({ code: 'zip.damagedEntry', params: { name } }),
      );
    else return bad({ code: 'zip.method', params: { name, method: e.method } });
    if (out.length !== e.size) bad({ code: 'zip.otherSize', params: { name } });
    if (crc32(out) >>> 0 !== e.crc >>> 0) bad({ code: 'zip.checksum', params: { name } });
    return out;
  };
  return { entries, totalBytes: total, read };
}

/**
 * Inflate raw deflate data into one buffer of `size` bytes, stopping (and calling
 * `tooBig`) as soon as the output would pass it; never holds more than that buffer.
 */
function inflateCapped(raw: Buffer, size: number, tooBig: () => never, damaged: () => never): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const out = Buffer.allocUnsafe(size);
    let n = 0;
    let failed = false;
    const inf = createInflateRaw({ chunkSize: 256 * 1024 });
    const fail = (f: () => never) => {
      if (failed) return;
      failed = true;
      inf.destroy();
      try {
        f();
      } catch (err) {
        reject(err);
      }
    };
    inf.on('data', (chunk: Buffer) => {
      if (failed) return;
      if (n + chunk.length > size) return fail(tooBig);
      chunk.copy(out, n);
      n += chunk.length;
    });
    inf.on('error', () => fail(damaged));
    inf.on('end', () => {
      if (!failed) resolve(out.subarray(0, n));
    });
    inf.end(raw);
  });
}
