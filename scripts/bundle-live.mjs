#!/usr/bin/env node
// Bundles the report's live what-if (src/report/live/main.ts: the page script and, started from its own
// text, the Web Worker that runs the scenario engine) into one browser script with esbuild, run by
// `npm run build` after tsc: dist/report/live/live.bundle.js, which the HTML report inlines.
//
// The bundle is for the browser: any Node built-in reachable from the entry (node:fs, node:path, …) fails
// the build with the file that imports it, so the engine files it contains (src/scenario/engine.ts,
// run.ts and what they import) stay free of Node-only imports. The one exception is run.ts's dynamic
// import of the worker-thread pool (only reached with threads > 1, never in the page): it is replaced by
// a stub that throws.
//
//   node scripts/bundle-live.mjs [--root DIR]      write dist/report/live/live.bundle.js
//   node scripts/bundle-live.mjs --stdout          print the bundle (the report uses this when run from src/)
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the build writes the bundle, relative to the repository root. */
export const LIVE_BUNDLE = 'dist/report/live/live.bundle.js';

const NODE = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

/** The bundle's code for the checkout at `root` (deterministic: the same sources give the same bytes). */
export async function buildLive(root) {
  const guard = {
    name: 'viso-browser-only',
    setup(b) {
      b.onResolve({ filter: /^[^.]/ }, (a) => {
        const name = a.path.replace(/^node:/, '');
        if (!NODE.has(a.path) && !NODE.has(name)) return undefined;
        return {
          errors: [
            {
              text: `${a.path} is a Node built-in: the live what-if runs in the browser (imported by ${relative(root, a.importer)})`,
            },
          ],
        };
      });
      // run.ts's worker-thread pool (parallel runs in Node only): a stub, never called in the page
      b.onResolve({ filter: /\/pool\.js$/ }, (a) =>
        /src[\\/]scenario[\\/]run\.ts$/.test(a.importer) ? { path: 'pool', namespace: 'viso-stub' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'viso-stub' }, () => ({
        contents:
          "export function runOnWorker() { throw new Error('worker threads are not available in the browser'); }",
        loader: 'js',
      }));
    },
  };
  const r = await build({
    entryPoints: [join(root, 'src', 'report', 'live', 'main.ts')],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    plugins: [guard],
    logLevel: 'silent',
  });
  return `/* viso-budget: live what-if (src/report/live, bundled by scripts/bundle-live.mjs) */\n${r.outputFiles[0].text}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? resolve(process.argv[at + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const code = await buildLive(root);
    if (process.argv.includes('--stdout')) process.stdout.write(code);
    else {
      const out = join(root, LIVE_BUNDLE);
      mkdirSync(dirname(out), { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, out);
    }
  } catch (e) {
    const errs = e.errors?.map((x) => `${x.location ? `${x.location.file}:${x.location.line}: ` : ''}${x.text}`) ?? [
      e.message,
    ];
    console.error(`bundle-live: ${errs.join('\n')}`);
    process.exit(1);
  }
}
