/**
 * The live what-if's browser script (Node side): the bundle `npm run build` writes beside this module
 * (`dist/report/live/live.bundle.js`, by `scripts/bundle-live.mjs`), or, when running from the sources
 * (the tests), the same bundle made now by that script. Read once per process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

let cache: string | undefined;

/**
 * The bundled page-and-worker script of the live what-if (minified, deterministic).
 *
 * @example
 * liveBundle().startsWith('/* viso-budget: live what-if') // true
 */
export function liveBundle(): string {
  if (cache !== undefined) return cache;
  const built = fileURLToPath(new URL('./live.bundle.js', import.meta.url));
  if (existsSync(built)) return (cache = readFileSync(built, 'utf8'));
  const script = fileURLToPath(new URL('../../../scripts/bundle-live.mjs', import.meta.url));
  const entry = fileURLToPath(new URL('./main.ts', import.meta.url));
  if (!existsSync(script) || !existsSync(entry))
    throw new Error(`the live what-if script ${built} is missing: run npm run build`);
  const r = spawnSync(process.execPath, [script, '--stdout'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bundling the live what-if failed: ${r.stderr.trim()}`);
  return (cache = r.stdout);
}
