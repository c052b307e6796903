/**
 * Run the compiled CLI (`dist/cli/main.js`) in a child process for end-to-end
 * tests. `npm test` builds first; if dist/ is missing, the first call builds once (tsc and the
 * vendor bundles, as `npm run build`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The compiled CLI entry point. */
export const MAIN = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Exit code and captured output of one CLI run. */
export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

let built = false;

/** Compile once if dist/ is missing; throws if the CLI still does not exist. */
export function ensureBuilt(): void {
  if (built) return;
  if (!existsSync(MAIN)) {
    try {
      execFileSync('npx', ['tsc', '-p', '.'], { cwd: ROOT, stdio: 'ignore' });
    } catch {
      // type errors elsewhere still emit JS; the existence check below decides
    }
    execFileSync(process.execPath, ['scripts/bundle-vendor.mjs'], { cwd: ROOT, stdio: 'ignore' }); // as npm run build does
    execFileSync(process.execPath, ['scripts/bundle-live.mjs'], { cwd: ROOT, stdio: 'ignore' }); // the report's live what-if
  }
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing and \`tsc -p .\` did not produce it`);
  built = true;
}

/** Run `viso ...args` (from the repository root) and capture exit code, stdout and stderr. */
export function viso(...args: string[]): CliResult {
  ensureBuilt();
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
