/**
 * The mathjs number-only build (`create`, `all`), loaded on first use.
 *
 * `import 'mathjs/number'` reads and links about 650 files (400–550 ms of CPU), so it is
 * neither imported statically (importing the package or running a command that needs no
 * expression would pay for it) nor loaded from the package when it can be avoided:
 * `npm run build` turns `dist/vendor/mathjs-number.js` into one file with the same code
 * (scripts/bundle-vendor.mjs, about 35 ms to load), and this module requires it
 * synchronously (`require` of an ES module, Node ≥ 20.19). Where that cannot work (tests on
 * `src/`, where the file is TypeScript; a Node without `require` of ES modules) it falls back
 * to the package's own CommonJS build.
 */
import { createRequire } from 'node:module';

/** The part of mathjs's number build that is used here. */
export type MathjsNumber = typeof import('./mathjs-number.js');

let loaded: { math: MathjsNumber; source: 'vendor' | 'package' } | undefined;

/**
 * The mathjs number build: the bundled copy next to this module if there is one, else the
 * package. Loaded once per process.
 *
 * @example
 * const { create, all } = loadMathjs().math;
 * create(all, {}).evaluate('2 ^ 10') // 1024
 */
export function loadMathjs(): { math: MathjsNumber; source: 'vendor' | 'package' } {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  try {
    loaded = { math: require('./mathjs-number.js') as MathjsNumber, source: 'vendor' };
  } catch (e) {
    const code = (e as { code?: string }).code;
    // only a missing bundle (or a Node that cannot require ES modules) falls back; a broken bundle is an error
    if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_REQUIRE_ESM') throw e;
    loaded = { math: require('mathjs/number') as MathjsNumber, source: 'package' };
  }
  return loaded;
}
