/**
 * The browser builds of vega, vega-lite and vega-embed, read from node_modules so the
 * HTML report can inline them and work offline (no CDN).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The inlined libraries, in load order. */
export const BROWSER_LIBS = [
  { pkg: 'vega', file: 'build/vega.min.js' },
  { pkg: 'vega-lite', file: 'build/vega-lite.min.js' },
  { pkg: 'vega-embed', file: 'build/vega-embed.min.js' },
] as const;

/**
 * Find a file of an installed package by walking up from this module to `node_modules`.
 *
 * @example
 * packageFile('vega', 'package.json') // '/…/node_modules/vega/package.json'
 */
export function packageFile(pkg: string, file: string): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const p = join(dir, 'node_modules', pkg, file);
    if (existsSync(p)) return p;
    const up = dirname(dir);
    if (up === dir) throw new Error(`cannot find ${pkg}/${file} in node_modules (run npm ci)`);
    dir = up;
  }
}

/**
 * Installed version of a package (from its package.json).
 *
 * @example
 * packageVersion('vega-lite') // '6.4.3'
 */
export function packageVersion(pkg: string): string {
  return (JSON.parse(readFileSync(packageFile(pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

let cache: { name: string; code: string }[] | undefined;

/**
 * The browser builds to inline (read once per process).
 *
 * @example
 * browserLibraries().map((l) => l.name) // ['vega', 'vega-lite', 'vega-embed']
 */
export function browserLibraries(): { name: string; code: string }[] {
  cache ??= BROWSER_LIBS.map((l) => ({ name: l.pkg, code: readFileSync(packageFile(l.pkg, l.file), 'utf8') }));
  return cache;
}
