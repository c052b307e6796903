/**
 * Types for Deno users: every compiled module names its declarations (`// @ts-self-types`,
 * scripts/ts-self-types.mjs), so `deno check` of a script importing dist/index.js uses the
 * declared types: a type-only export resolves and a wrong use is a type error.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../helpers/cli.js';

const DENO = join(ROOT, 'node_modules', 'deno', process.platform === 'win32' ? 'deno.exe' : 'deno');
const dir = mkdtempSync(join(tmpdir(), 'viso-deno-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;

/** `deno check` of a script with `body` after an import of the package's entry. */
function denoCheck(name: string, imports: string, body: string): { code: number | null; out: string } {
  ensureBuilt();
  const file = join(dir, name);
  writeFileSync(file, `import { ${imports} } from ${JSON.stringify(entry)};\n${body}\n`);
  const r = spawnSync(DENO, ['check', '--quiet', file], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout + r.stderr };
}

describe('types for Deno (deno check of dist/index.js)', () => {
  it('every compiled module with a declaration file names it in its first lines', () => {
    ensureBuilt();
    expect(readFileSync(join(ROOT, 'dist', 'index.js'), 'utf8').split('\n')[0]).toBe(
      '// @ts-self-types="./index.d.ts"',
    );
    expect(
      readFileSync(join(ROOT, 'dist', 'vendor', 'zod.js'), 'utf8')
        .split('\n')
        .slice(0, 3),
    ).toContain('// @ts-self-types="./zod.d.ts"');
    expect(
      readFileSync(join(ROOT, 'dist', 'cli', 'main.js'), 'utf8')
        .split('\n')
        .slice(0, 2),
    ).toEqual(['#!/usr/bin/env node', '// @ts-self-types="./main.d.ts"']);
  });

  it('a correct script type-checks, including a type-only export (Series exists only in the declarations)', () => {
    const r = denoCheck(
      'ok.ts',
      'formatMio, loadBundled, type Series',
      "const s: Series = loadBundled().get('viso.raadgivning.forbrug');\nconst text: string = formatMio(s.points[0].value, 'da');\nconsole.log(text);",
    );
    expect(r.out).toBe('');
    expect(r.code).toBe(0);
  }, 120_000);

  it("the README's script (section The API in a script) type-checks as written", () => {
    ensureBuilt();
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const at = readme.indexOf('### The API in a script');
    const from = readme.indexOf('```ts\n', at) + '```ts\n'.length;
    const script = readme.slice(from, readme.indexOf('```', from));
    expect(script).toContain("from './dist/index.js'");
    const file = join(dir, 'analysis.ts');
    writeFileSync(file, script.replace("'./dist/index.js'", JSON.stringify(entry)));
    const r = spawnSync(DENO, ['check', '--quiet', file], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  }, 120_000);

  it('a wrong argument is a type error (parameter types come from the declarations: inferred from the JavaScript they would be any)', () => {
    const r = denoCheck('bad.ts', 'loadBundled', 'console.log(loadBundled().get(42));');
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(
      /TS2345 \[ERROR\]: Argument of type 'number' is not assignable to parameter of type 'string'/,
    );
  }, 120_000);
});
