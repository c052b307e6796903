#!/usr/bin/env node
// Replaces each compiled re-export module in dist/vendor/ by a one-file bundle of what it
// re-exports (run by `npm run build`, after tsc).
//
// Why: Node resolves, reads and links every file of an ES module graph separately, so a
// package made of hundreds of small files costs far more to load than the same code in one
// file (measured with bench/startup.mjs: mathjs's number build 400-550 ms as a package,
// about 35 ms bundled; yargs about 80 ms against 30 ms). src/vendor/<name>.ts re-exports the
// package; tsc compiles it to dist/vendor/<name>.js; esbuild then bundles that file into
// itself, so the bundle has exactly the exports the source declares and the types stay the
// package's (dist/vendor/<name>.d.ts). Tests run on src/, where the re-exports load the
// packages themselves.
//
//   node scripts/bundle-vendor.mjs [--check] [--root DIR]   --check: only report which files are not bundled yet
import { build } from 'esbuild';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const at = process.argv.indexOf('--root');
const root = at > 0 ? resolve(process.argv[at + 1]) : resolve(dirname(fileURLToPath(import.meta.url)), '..');
const vendor = join(root, 'dist', 'vendor');
/** First line of every bundle (also how an up-to-date bundle is recognised). */
export const MARK = '// bundled by scripts/bundle-vendor.mjs';

/** The re-export modules of src/vendor/ that are bundled (src/vendor/mathjs.ts is the loader, not one of them). */
const sources = ['yargs.ts', 'zod.ts', 'yaml.ts', 'mathjs-number.ts', 'exceljs.ts'];
const check = process.argv.includes('--check');
let missing = 0;
for (const src of sources) {
  const file = join(vendor, src.replace(/\.ts$/, '.js'));
  if (!existsSync(file)) throw new Error(`bundle-vendor: ${file} missing (run tsc first)`);
  if (readFileSync(file, 'utf8').startsWith(MARK)) continue; // already a bundle (tsc did not rewrite it)
  const dts = src.replace(/\.ts$/, '.d.ts');
  missing++;
  if (check) {
    console.log(`not bundled: ${file}`);
    continue;
  }
  const tmp = `${file}.${process.pid}.tmp`;
  await build({
    entryPoints: [file],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // packages that declare themselves free of side effects (mathjs) keep only what the
    // re-exported names reach, e.g. not mathjs's ready-made default instance
    treeShaking: true,
    legalComments: 'eof',
    // CommonJS inside (yaml, yargs's helpers) may require Node built-ins: give the bundle a real require
    // the types are the package's (see scripts/ts-self-types.mjs for why Deno needs the directive)
    banner: {
      js: `${MARK} from ${src} (${versions(file)}); do not edit\n// @ts-self-types="./${dts}"\nimport { createRequire as __viso_createRequire } from 'node:module';\nconst require = __viso_createRequire(import.meta.url);`,
    },
    outfile: tmp,
    logLevel: 'warning',
  });
  renameSync(tmp, file);
}
if (check && missing) process.exit(1);

/** "name version" of every package the re-export module names. */
function versions(file) {
  const names = [...readFileSync(file, 'utf8').matchAll(/from '((?:@[^/']+\/)?[^/']+)/g)].map((m) => m[1]);
  return [...new Set(names)]
    .map((n) => `${n} ${JSON.parse(readFileSync(join(root, 'node_modules', n, 'package.json'), 'utf8')).version}`)
    .join(', ');
}
