/**
 * scripts/build.mjs: `npm start` skips the compile when no input changed, and rebuilds when
 * any source file changes (inputs compared by content, outputs checked for presence).
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInputs, inputsDigest, isUpToDate, STAMP } from '../../scripts/build.mjs';
import { ROOT } from '../helpers/cli.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'viso-build-'));
  dirs.push(d);
  return d;
}

/** A minimal tree with two sources, a config and one compiled output per source. */
function miniTree(): string {
  const d = tempDir();
  mkdirSync(join(d, 'src', 'sub'), { recursive: true });
  mkdirSync(join(d, 'dist', 'sub'), { recursive: true });
  writeFileSync(join(d, 'src', 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(d, 'src', 'sub', 'b.ts'), 'export const b = 2;\n');
  writeFileSync(join(d, 'tsconfig.json'), '{}\n');
  writeFileSync(join(d, 'dist', 'a.js'), '');
  writeFileSync(join(d, 'dist', 'sub', 'b.js'), '');
  return d;
}

describe('build inputs and the up-to-date check', () => {
  it('the inputs are every file under src/ and the configs that exist', () => {
    expect(buildInputs(miniTree())).toEqual(['src/a.ts', 'src/sub/b.ts', 'tsconfig.json']);
    expect(buildInputs(ROOT)).toEqual(
      expect.arrayContaining([
        'src/index.ts',
        'src/cli/main.ts',
        'package.json',
        'package-lock.json',
        'tsconfig.json',
        'scripts/build.mjs',
        'scripts/bundle-vendor.mjs',
      ]),
    );
  });

  it('the digest follows content: rewriting a file unchanged keeps it, changing or adding a file changes it', () => {
    const d = miniTree();
    const d0 = inputsDigest(d);
    writeFileSync(join(d, 'src', 'a.ts'), 'export const a = 1;\n'); // new mtime, same content
    expect(inputsDigest(d)).toBe(d0);
    writeFileSync(join(d, 'src', 'sub', 'b.ts'), 'export const b = 3;\n');
    const d1 = inputsDigest(d);
    expect(d1).not.toBe(d0);
    writeFileSync(join(d, 'src', 'c.ts'), '');
    expect(inputsDigest(d)).not.toBe(d1);
  });

  it('up to date only with a matching stamp and every output present', () => {
    const d = miniTree();
    expect(isUpToDate(d)).toBe(false); // no stamp yet
    writeFileSync(join(d, STAMP), `${inputsDigest(d)}\n`);
    expect(isUpToDate(d)).toBe(true);
    writeFileSync(join(d, 'src', 'a.ts'), 'export const a = 2;\n');
    expect(isUpToDate(d)).toBe(false); // a source changed
    writeFileSync(join(d, STAMP), `${inputsDigest(d)}\n`);
    expect(isUpToDate(d)).toBe(true);
    unlinkSync(join(d, 'dist', 'sub', 'b.js'));
    expect(isUpToDate(d)).toBe(false); // an output is missing
  });
});

describe('npm start skips the compile when nothing changed (a copy of the repository)', () => {
  it('builds, then --if-stale does nothing, then a changed source file is rebuilt', () => {
    const d = tempDir();
    for (const f of ['src', 'scripts', 'tsconfig.json', 'package.json', 'package-lock.json'])
      cpSync(join(ROOT, f), join(d, f), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(d, 'node_modules'), 'dir');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(d, 'scripts', 'build.mjs'), ...args], { cwd: d, encoding: 'utf8' });

    const first = run('--if-stale');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/up to date/);
    expect(readFileSync(join(d, 'dist', 'vendor', 'yargs.js'), 'utf8')).toMatch(
      /^\/\/ bundled by scripts\/bundle-vendor\.mjs/,
    );
    expect(isUpToDate(d)).toBe(true);
    const built = statSync(join(d, 'dist', 'index.js')).mtimeMs;

    const again = run('--if-stale');
    expect(again.status).toBe(0);
    expect(again.stderr).toBe('build: dist/ is up to date (no input changed since the last build)\n');
    expect(statSync(join(d, 'dist', 'index.js')).mtimeMs).toBe(built);

    const file = join(d, 'src', 'text', 'number.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nexport const REBUILD_PROBE = 42;\n`);
    const third = run('--if-stale');
    expect(third.status, third.stderr).toBe(0);
    expect(third.stderr).not.toMatch(/up to date/);
    expect(readFileSync(join(d, 'dist', 'text', 'number.js'), 'utf8')).toContain('export const REBUILD_PROBE = 42;');
    expect(isUpToDate(d)).toBe(true);
  }, 300_000);
});
