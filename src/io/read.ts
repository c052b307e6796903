/**
 * Reading input files with bounded resources: only regular files (never a folder, a
 * device such as `/dev/zero`, a FIFO or a socket), their size checked before reading
 * and the read itself capped, so a file that grows while it is read (or a `/proc` file
 * that claims size 0) cannot make it unbounded. Every refusal is an `InputError` naming
 * the file.
 */
import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync, type Stats } from 'node:fs';
import { InputError } from '../errors.js';
import type { Msg } from '../text/messages.js';
import { formatBytes } from './limits.js';

/** Options of {@link readInputBytes}. */
export interface ReadOptions {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** The name shown in messages (default: the path). */
  display?: string;
  /** What the file should be, for messages (default 'a readable file'). */
  what?: string | Msg;
}

/**
 * What a non-regular file is, in words.
 *
 * @example
 * fileKind(statSync('/dev/zero')) // 'a device (not a regular file)'
 */
export function fileKind(st: Stats): string {
  return FILE_KIND_EN[fileKindMsg(st).code as keyof typeof FILE_KIND_EN];
}

const FILE_KIND_EN = {
  'file.kindRegular': 'a regular file',
  'file.aFolder': 'a folder',
  'file.kindDevice': 'a device (not a regular file)',
  'file.kindPipe': 'a pipe (not a regular file)',
  'file.kindSocket': 'a socket (not a regular file)',
  'file.kindOther': 'not a regular file',
} as const;

/**
 * What a file is, as a code of the dictionary.
 *
 * @example
 * fileKindMsg(statSync('/dev/zero')) // { code: 'file.kindDevice' }
 */
export function fileKindMsg(st: Stats): Msg {
  if (st.isFile()) return { code: 'file.kindRegular' };
  if (st.isDirectory()) return { code: 'file.aFolder' };
  if (st.isCharacterDevice() || st.isBlockDevice()) return { code: 'file.kindDevice' };
  if (st.isFIFO()) return { code: 'file.kindPipe' };
  if (st.isSocket()) return { code: 'file.kindSocket' };
  return { code: 'file.kindOther' };
}

/**
 * Why a file system call failed, in words (for the "found" part of a message).
 *
 * @example
 * errnoText({ code: 'ENOENT' }) // 'no such file'
 */
export function errnoText(e: unknown): string {
  const m = errnoMsg(e);
  return typeof m === 'string' ? m : ERRNO_EN[m.code as keyof typeof ERRNO_EN];
}

const ERRNO_EN = {
  'file.noSuchFile': 'no such file',
  'file.noSuchPath': 'no such file (a part of the path is not a folder)',
  'file.permission': 'permission denied',
  'file.aFolder': 'a folder',
  'file.linkLoop': 'a symbolic link loop',
  'file.pathTooLong': 'a path that is too long',
} as const;

/**
 * Why a file system call failed, as a code of the dictionary (or the system's own text for a rare error).
 *
 * @example
 * errnoMsg({ code: 'ENOENT' }) // { code: 'file.noSuchFile' }
 */
export function errnoMsg(e: unknown): Msg | string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return { code: 'file.noSuchFile' };
    case 'ENOTDIR':
      return { code: 'file.noSuchPath' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'file.permission' };
    case 'EISDIR':
      return { code: 'file.aFolder' };
    case 'ELOOP':
      return { code: 'file.linkLoop' };
    case 'ENAMETOOLONG':
      return { code: 'file.pathTooLong' };
    default:
      return code ?? String((e as Error)?.message ?? e).split('\n')[0];
  }
}

/**
 * Check that `path` is a regular file of at most `maxBytes`; returns its size.
 *
 * @example
 * checkInputFile('data/viso.csv', { maxBytes: 1e6 }) // 4711
 */
export function checkInputFile(path: string, opts: ReadOptions): number {
  const file = opts.display ?? path;
  const what = opts.what ?? { code: 'file.readable' };
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    throw new InputError({ file }, what, errnoMsg(e));
  }
  if (!st.isFile())
    throw new InputError(
      { file },
      typeof what === 'string' ? `${what} (a regular file)` : { code: 'file.regular', params: { what } },
      fileKindMsg(st),
    );
  if (st.size > opts.maxBytes)
    throw new InputError(
      { file },
      { code: 'io.err.maxSize', params: { size: formatBytes(opts.maxBytes) } },
      { code: 'io.err.size', params: { size: formatBytes(st.size) } },
    );
  return st.size;
}

/**
 * Read a regular file of at most `maxBytes` (checked before reading, and again while
 * reading). Missing, unreadable, special or too large files throw `InputError`.
 *
 * @example
 * readInputBytes('models/cost.yaml', { maxBytes: 16 * 1024 * 1024 }).length // 1234
 */
export function readInputBytes(path: string, opts: ReadOptions): Buffer {
  const file = opts.display ?? path;
  const what = opts.what ?? { code: 'file.readable' };
  checkInputFile(path, opts);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new InputError({ file }, what, errnoMsg(e));
  }
  try {
    // the file may have been replaced between stat and open: check what was opened
    const st = fstatSync(fd);
    if (!st.isFile())
      throw new InputError(
        { file },
        typeof what === 'string' ? `${what} (a regular file)` : { code: 'file.regular', params: { what } },
        fileKindMsg(st),
      );
    const cap = opts.maxBytes + 1;
    let buf = Buffer.allocUnsafe(Math.min(cap, Math.max(st.size, 64 * 1024)));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length >= cap) break;
        const bigger = Buffer.allocUnsafe(Math.min(cap, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      let got: number;
      try {
        got = readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        throw new InputError({ file }, what, errnoMsg(e));
      }
      if (got === 0) break;
      n += got;
    }
    if (n > opts.maxBytes)
      throw new InputError(
        { file },
        { code: 'io.err.maxSize', params: { size: formatBytes(opts.maxBytes) } },
        { code: 'io.err.moreThan', params: { size: formatBytes(opts.maxBytes) } },
      );
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read a regular text file (UTF-8, a leading byte-order mark dropped) of at most `maxBytes`.
 *
 * @example
 * readInputText('models/cost.yaml', { maxBytes: 16 * 1024 * 1024 }).startsWith('#') // true
 */
export function readInputText(path: string, opts: ReadOptions): string {
  const text = readInputBytes(path, opts).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The names of the files in an input folder whose names match `pattern`, sorted. A
 * missing path, or one that is not a folder, is an `InputError` naming it.
 *
 * @example
 * listInputDir('models/measures', /\.ya?ml$/) // ['initiatives-2021-05.yaml', ...]
 */
export function listInputDir(dir: string, pattern: RegExp, display: string = dir): string[] {
  let st: Stats;
  try {
    st = statSync(dir);
  } catch (e) {
    throw new InputError({ file: display }, { code: 'io.err.existingFolder' }, errnoMsg(e));
  }
  if (!st.isDirectory()) throw new InputError({ file: display }, { code: 'io.err.folder' }, fileKindMsg(st));
  try {
    return readdirSync(dir)
      .filter((f) => pattern.test(f))
      .sort();
  } catch (e) {
    throw new InputError({ file: display }, { code: 'io.err.readableFolder' }, errnoMsg(e));
  }
}
