#!/usr/bin/env node
// The build (`npm run build`): compile src/ with tsc, turn the dist/vendor re-exports into
// one-file bundles (scripts/bundle-vendor.mjs), bundle the report's live what-if for the browser
// (scripts/bundle-live.mjs), name each module's declarations for Deno
// (scripts/ts-self-types.mjs), then record a digest of the build's inputs in dist/.build-inputs.
//
//   node scripts/build.mjs              build
//   node scripts/build.mjs --if-stale   build only if an input changed since the last build or an
//                                       output is missing (`npm start` uses this: no 30 s compile
//                                       when nothing changed)
//   --root DIR                          another checkout (tests)
//
// Inputs: every file under src/, tsconfig.json, package.json, package-lock.json and the build
// scripts themselves, compared by content (SHA-256), so a touched but unchanged file does not
// rebuild and a changed file always does, whatever its modification time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The build scripts, inputs of the build like the sources. */
const SCRIPTS = ['build.mjs', 'bundle-vendor.mjs', 'bundle-live.mjs', 'ts-self-types.mjs'];
const CONFIG = ['tsconfig.json', 'package.json', 'package-lock.json'];
/** Where the digest of the last successful build's inputs is kept. */
export const STAMP = join('dist', '.build-inputs');

/** Every input file of the build, relative to `root`, sorted. */
export function buildInputs(root) {
  const src = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) =>
      relative(root, join(d.parentPath ?? d.path, d.name))
        .split(sep)
        .join('/'),
    );
  const extra = [...CONFIG, ...SCRIPTS.map((s) => `scripts/${s}`)].filter((f) => existsSync(join(root, f)));
  return [...src, ...extra].sort();
}

/** SHA-256 over the names and contents of the build's inputs. */
export function inputsDigest(root) {
  const h = createHash('sha256');
  for (const f of buildInputs(root)) {
    h.update(`${f}\0`);
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex');
}

/** The outputs that must exist: a .js for every src .ts (declarations aside), the live what-if's bundle, and the stamp. */
function missingOutputs(root) {
  const inputs = buildInputs(root);
  return inputs
    .filter((f) => f.startsWith('src/') && f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => `dist/${f.slice(4, -3)}.js`)
    .concat(inputs.includes('src/report/live/main.ts') ? ['dist/report/live/live.bundle.js'] : [])
    .filter((f) => !existsSync(join(root, f)));
}

/** Whether dist/ was built from exactly the current inputs and is complete. */
export function isUpToDate(root) {
  const stamp = join(root, STAMP);
  if (!existsSync(stamp)) return false;
  return readFileSync(stamp, 'utf8').trim() === inputsDigest(root) && missingOutputs(root).length === 0;
}

/** Run the build steps in `root`; throws if one fails. */
export function build(root) {
  const digest = inputsDigest(root); // of what is compiled, taken before compiling
  const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
  const steps = [
    [tsc, '-p', join(root, 'tsconfig.json')],
    [join(here, 'bundle-vendor.mjs'), '--root', root],
    [join(here, 'bundle-live.mjs'), '--root', root],
    [join(here, 'ts-self-types.mjs'), '--root', root],
  ];
  for (const args of steps) {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`build: ${relative(root, args[0])} failed (exit ${r.status})`);
  }
  writeFileSync(join(root, STAMP), `${digest}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--root');
  const root = resolve(i > 0 ? process.argv[i + 1] : join(here, '..'));
  if (process.argv.includes('--if-stale') && isUpToDate(root)) {
    console.error('build: dist/ is up to date (no input changed since the last build)');
  } else {
    try {
      build(root);
    } catch (e) {
      console.error(e.message);
      process.exit(1);
    }
  }
}
