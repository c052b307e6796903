import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { formatBytes } from '../../src/io/limits.js';
import { displayPath, bundledPath } from '../../src/io/paths.js';
import { listInputDir, readInputBytes, readInputText } from '../../src/io/read.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-read-'));
const message = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

describe('readInputBytes: only regular files, the size checked before and while reading', () => {
  it('reads a regular file and drops a byte-order mark from text', () => {
    const f = join(tmp, 'a.txt');
    writeFileSync(f, '\uFEFFhej');
    expect(readInputText(f, { maxBytes: 100 })).toBe('hej');
    expect(readInputBytes(f, { maxBytes: 100 }).length).toBe(6);
  });
  it('refuses devices, folders, missing files and files over the limit in one line naming the file', () => {
    expect(message(() => readInputBytes('/dev/zero', { maxBytes: 1e6 }))).toBe(
      '/dev/zero: expected a readable file (a regular file), found "a device (not a regular file)"',
    );
    expect(message(() => readInputBytes(tmp, { maxBytes: 1e6, display: 'dir' }))).toBe(
      'dir: expected a readable file (a regular file), found "a folder"',
    );
    expect(message(() => readInputBytes(join(tmp, 'nope'), { maxBytes: 1e6, display: 'nope' }))).toBe(
      'nope: expected a readable file, found "no such file"',
    );
    const big = join(tmp, 'big.bin');
    writeFileSync(big, Buffer.alloc(2048));
    expect(message(() => readInputBytes(big, { maxBytes: 1024, display: 'big.bin' }))).toBe(
      'big.bin: expected a file of at most 1 KiB (see README, limits), found "2 KiB"',
    );
  });
  it('follows a symbolic link to a regular file but refuses one to a device', () => {
    const link = join(tmp, 'zero.yaml');
    symlinkSync('/dev/zero', link);
    expect(message(() => readInputText(link, { maxBytes: 1e6, display: 'zero.yaml' }))).toMatch(
      /^zero\.yaml: expected .*regular file.*device/,
    );
  });
  it('caps what is read even when the file claims size 0 (a /proc file)', () => {
    // /proc/self/environ reports size 0 but has content: the read stops at the limit
    expect(() => readInputBytes('/proc/self/maps', { maxBytes: 16 })).toThrow(
      /expected a file of at most 16 bytes .*found "more than 16 bytes"/,
    );
  });
});

describe('listInputDir', () => {
  it('lists matching names sorted, and refuses a missing folder or a file', () => {
    const d = join(tmp, 'm');
    mkdirSync(d);
    writeFileSync(join(d, 'b.yaml'), '');
    writeFileSync(join(d, 'a.yml'), '');
    writeFileSync(join(d, 'c.txt'), '');
    expect(listInputDir(d, /\.ya?ml$/)).toEqual(['a.yml', 'b.yaml']);
    expect(message(() => listInputDir('/nonexistent', /x/))).toBe(
      '/nonexistent: expected an existing folder, found "no such file"',
    );
    expect(message(() => listInputDir(join(d, 'c.txt'), /x/, 'c.txt'))).toBe(
      'c.txt: expected a folder, found "a regular file"',
    );
  });
});

describe('paths', () => {
  it('shows bundled files relative to the package and other files by name only', () => {
    expect(displayPath(bundledPath('models/scenarios/baseline.yaml'))).toBe('models/scenarios/baseline.yaml');
    expect(displayPath('/home/someone/secret/my.yaml')).toBe('my.yaml');
    expect(formatBytes(16 * 1024 * 1024)).toBe('16 MiB');
  });
});
