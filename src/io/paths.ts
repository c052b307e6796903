/**
 * Where the bundled files live: the package root (two levels above this module, in
 * `src/` as in `dist/`) and paths inside it. The one place that turns `import.meta.url`
 * into bundled paths, and the one place that decides how a path is shown in a report
 * (relative to the package, or as a bare file name, never depending on the working
 * directory).
 */
import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The package root, with a trailing separator.
 *
 * @example
 * packageRoot() // '/…/viso-budget/'
 */
export function packageRoot(): string {
  return ROOT;
}

/**
 * Absolute path of a bundled file or folder, given relative to the package root.
 *
 * @example
 * bundledPath('models/cost.yaml') // '/…/viso-budget/models/cost.yaml'
 */
export function bundledPath(rel: string): string {
  return join(ROOT, rel);
}

let version: string | undefined;

/**
 * The package's version, from its package.json (read once).
 *
 * @example
 * packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  return (version ??= (JSON.parse(readFileSync(bundledPath('package.json'), 'utf8')) as { version: string }).version);
}

/**
 * How a file is shown in reports and manifests: relative to the package root when it
 * lies inside it (`models/scenarios/baseline.yaml`), otherwise its file name only
 * (`my-scenario.yaml`), so the same inputs give the same bytes from any working
 * directory and no local folder names leak.
 *
 * @example
 * displayPath(bundledPath('models/cost.yaml')) // 'models/cost.yaml'
 * displayPath('/home/me/s.yaml')              // 's.yaml'
 */
export function displayPath(path: string): string {
  const abs = resolve(path);
  const rel = relative(ROOT, abs);
  if (rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  return basename(abs);
}
