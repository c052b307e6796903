// Shared helpers of the benchmark scripts in bench/: paths, argument parsing, timing of child
// processes (wall clock and CPU), medians, and the atomic rewrite of one section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The compiled CLI. */
export const cliMain = join(root, 'dist', 'cli', 'main.js');
/** The results file every benchmark writes its own `## ` section of. */
export const RESULTS = join(root, 'bench', 'RESULTS.md');

/** Exit 2 with a hint unless `dist/<rel>` exists (benchmarks run on the compiled build). */
export function requireBuilt(script, rel = 'cli/main.js') {
  if (existsSync(join(root, 'dist', rel))) return;
  console.error(`bench/${script}: dist/${rel} missing; run npm run build first`);
  process.exit(2);
}

/** The number after `flag` on the command line, or `fallback`. */
export function numberArg(flag, fallback) {
  const i = process.argv.indexOf(flag);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

// CPU time (user + sys) of the child, from bash's `time` (getrusage of the child, in ms: GNU time prints 10 ms
// steps, a quarter of `node -e 0`): much less sensitive to other load on the machine than wall time, so it shows
// whether a slow run is ours or the machine's.
const TIMED = 'TIMEFORMAT="@@cpu %3U %3S"; time "$@"';

/** Run `node ...args` in the repository root; wall-clock ms and CPU ms (user + sys, 1 ms steps). Throws on a non-zero exit. */
export function timeNode(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('bash', ['-c', TIMED, 'bash', process.execPath, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const m = /@@cpu ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { wall: ms, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

/** Median of an array of numbers. */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Replace the section starting with the line `heading` (e.g. '## Report') up to the next `## `
 * heading with `heading`, a blank line and `body`; append it if the file has no such section.
 * Other benchmarks rewrite their own sections of the same file: it is read right before writing
 * and swapped in atomically (never a half-written file). Returns the section written.
 */
export function replaceSection(heading, body, path = RESULTS) {
  const md = readFileSync(path, 'utf8');
  const section = `${heading}\n\n${body.trimEnd()}\n`;
  const m = new RegExp(`^${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ \\t]*$`, 'm').exec(md);
  let updated;
  if (!m) updated = `${md.trimEnd()}\n\n${section}`;
  else {
    const next = md.indexOf('\n## ', m.index + heading.length);
    updated = md.slice(0, m.index) + section + (next < 0 ? '' : md.slice(next));
  }
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, updated);
  renameSync(tmp, path);
  return section;
}
