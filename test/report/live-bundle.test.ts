/**
 * The live what-if's browser bundle: the scenario engine it contains (src/scenario/engine.ts, run.ts and
 * everything they import) stays free of Node-only imports, the bundle builds for the browser and is the
 * same bytes every time, and the build refuses a Node built-in (the check can fail).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { liveBundle } from '../../src/report/live/bundle.js';

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** Every module reachable by static (value) imports from `entry`, with the bare specifiers and dynamic imports met. */
function importGraph(entry: string): {
  files: string[];
  bare: { from: string; spec: string }[];
  dynamic: { from: string; spec: string }[];
} {
  const seen = new Set<string>();
  const bare: { from: string; spec: string }[] = [];
  const dynamic: { from: string; spec: string }[] = [];
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // comments out, so an example in a doc comment is not taken for an import
    const src = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const m of src.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
      if (m[2]) continue; // type-only: erased
      const spec = m[3];
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else bare.push({ from: relative(ROOT, file), spec });
    }
    for (const m of src.matchAll(/^\s*import\s+'([^']+)'/gm)) bare.push({ from: relative(ROOT, file), spec: m[1] });
    for (const m of src.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g))
      dynamic.push({ from: relative(ROOT, file), spec: m[1] });
  };
  visit(entry);
  return { files: [...seen].map((f) => relative(ROOT, f)).sort(), bare, dynamic };
}

describe('the live what-if runs the scenario engine in the browser', () => {
  for (const entry of ['src/scenario/engine.ts', 'src/scenario/run.ts', 'src/report/live/main.ts']) {
    it(`${entry} and what it imports use no Node built-in (the worker-thread pool only by a dynamic import in run.ts)`, () => {
      const g = importGraph(join(ROOT, entry));
      expect(g.files).toContain(entry);
      expect(g.bare.filter((b) => NODE.has(b.spec))).toEqual([]);
      // vega-lite only as types; nothing else from node_modules
      expect(g.bare).toEqual([]);
      expect(g.dynamic).toEqual(
        entry === 'src/scenario/engine.ts' ? [] : [{ from: 'src/scenario/run.ts', spec: './pool.js' }],
      );
    });
  }
  it('the engine files are in the bundle graph', () => {
    const g = importGraph(join(ROOT, 'src/report/live/main.ts'));
    expect(g.files).toEqual(
      expect.arrayContaining([
        'src/scenario/engine.ts',
        'src/scenario/run.ts',
        'src/scenario/summary.ts',
        'src/scenario/widen.ts', // the one forecast's widening (compute.ts)
        'src/stats/rng.ts',
        'src/report/live/apply.ts',
        'src/report/charts/distribution.ts',
      ]),
    );
    expect(g.files.filter((f) => /payload|bundle|panel/.test(f))).toEqual([]); // the Node-side modules stay out
    expect(g.files).not.toContain('src/scenario/budget-rules.ts'); // (spread.ts's opsparing reads models/budget.yaml)
  });
  it('builds one deterministic browser script without require or node: imports', async () => {
    const { buildLive } = (await import('../../scripts/bundle-live.mjs')) as {
      buildLive: (root: string) => Promise<string>;
    };
    const a = await buildLive(ROOT);
    const b = await buildLive(ROOT);
    expect(a).toBe(b);
    expect(a).not.toMatch(/\brequire\(|["']node:/);
    expect(a.length).toBeLessThan(150_000);
    // what the report inlines is this script (from dist/ after a build, else bundled on the spot)
    expect(liveBundle()).toBe(a);
  });
  it('refuses a Node built-in reachable from the entry, naming the importing file', async () => {
    const { buildLive } = (await import('../../scripts/bundle-live.mjs')) as {
      buildLive: (root: string) => Promise<string>;
    };
    const root = mkdtempSync(join(tmpdir(), 'viso-bundle-'));
    try {
      mkdirSync(join(root, 'src', 'report', 'live'), { recursive: true });
      writeFileSync(
        join(root, 'src', 'report', 'live', 'main.ts'),
        "import { readFileSync } from 'node:fs';\nconsole.log(readFileSync);\n",
      );
      await expect(buildLive(root)).rejects.toThrow(/node:fs is a Node built-in.*src\/report\/live\/main\.ts/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
