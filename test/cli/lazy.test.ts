/**
 * Start-up work: importing the package and running a command load only what they need, from
 * the one-file bundles in dist/vendor (scripts/bundle-vendor.mjs), and print no warning.
 * Checked on which files Node loads (test/helpers/load-trace.mjs), not on timings (those are
 * measured by bench/startup.mjs).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, MAIN, ROOT } from '../helpers/cli.js';

const TRACE = join(ROOT, 'test', 'helpers', 'load-trace.mjs');

/** Run node with `args` from the repository root; the files it loaded, relative to the root. */
function loaded(args: string[], flags: string[] = []): { code: number | null; err: string; files: string[] } {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'viso-trace-'));
  const trace = join(dir, 'trace.txt');
  try {
    const r = spawnSync(process.execPath, [...flags, '--import', TRACE, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, VISO_LOAD_TRACE: trace },
    });
    let lines: string[] = [];
    try {
      lines = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    } catch {
      // nothing loaded from a file (cannot happen for these commands; the assertions say so)
    }
    const files = [...new Set(lines.map((u) => decodeURIComponent(u.replace(/^file:\/\//, '')).replace(ROOT, '')))];
    return { code: r.status, err: r.stderr, files };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const packages = (files: string[]) =>
  [...new Set(files.flatMap((f) => /node_modules\/((@[^/]+\/)?[^/]+)/.exec(f)?.[1] ?? []))].sort();
const vendor = (files: string[]) =>
  files
    .filter((f) => f.startsWith('dist/vendor/'))
    .map((f) => f.slice('dist/vendor/'.length))
    .sort();

describe('start-up work', () => {
  it('importing the package loads no package from node_modules except through the bundles, and neither mathjs nor exceljs', () => {
    const r = loaded(['--input-type=module', '-e', "await import('viso-budget')"]);
    expect(r.code).toBe(0);
    expect(r.files).toContain('dist/index.js');
    expect(packages(r.files)).toEqual([]);
    expect(vendor(r.files)).toEqual(['mathjs.js', 'yaml.js', 'zod.js']);
  });

  it('importing the package prints nothing, even with --pending-deprecation (no punycode or other deprecation warning)', () => {
    const r = loaded(['--input-type=module', '-e', "await import('viso-budget')"], ['--pending-deprecation']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  });

  it('viso --help loads the command line, yargs and the words only (and io/paths for the version)', () => {
    const r = loaded([MAIN, '--help']);
    expect(r.code).toBe(0);
    expect(packages(r.files)).toEqual([]);
    expect(vendor(r.files)).toEqual(['yargs.js']);
    const own = r.files.filter(
      (f) => f.startsWith('dist/') && !f.startsWith('dist/cli/') && !f.startsWith('dist/vendor/'),
    );
    // the one dictionary (src/text: its sections, number formats, terms) and nothing of an engine
    expect(own.filter((f) => !f.startsWith('dist/text/')).sort()).toEqual([
      'dist/defaults.js',
      'dist/errors.js',
      'dist/io/paths.js',
      'dist/io/terminal.js',
    ]);
    expect(own.filter((f) => f.startsWith('dist/text/'))).toContain('dist/text/messages.js');
    expect(own.filter((f) => f.startsWith('dist/text/'))).not.toContain('dist/text/table.js');
  });

  it('viso scenario run loads mathjs from its bundle (for the scenario expressions) and no report, chart or XLSX code (only the words of its table)', () => {
    // high-demand has an expression (the bundled baseline has none since its inputs are estimated: it loads no mathjs-number)
    const r = loaded([MAIN, 'scenario', 'run', 'high-demand', '--runs', '1000'], ['--pending-deprecation']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(packages(r.files)).toEqual([]);
    expect(vendor(r.files)).toEqual(['mathjs-number.js', 'mathjs.js', 'yaml.js', 'yargs.js', 'zod.js']);
    // the words of its table, and kHorizon.js (40 lines of plain logic the goal seek's k caveat uses)
    expect(r.files.filter((f) => f.startsWith('dist/report/'))).toEqual([
      'dist/report/scenarioText.js',
      'dist/report/kHorizon.js',
    ]);
  });

  it('viso forecast loads neither the scenario engine nor zod, yaml or mathjs', () => {
    const r = loaded([MAIN, 'forecast', 'viso.raadgivning.forbrug'], ['--pending-deprecation']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(packages(r.files)).toEqual([]);
    expect(vendor(r.files)).toEqual(['yargs.js']);
    // the report's wording modules (report/*Text.js) are light: the command words its output with them
    expect(
      r.files.filter((f) => f.startsWith('dist/scenario/') || (f.startsWith('dist/report/') && !f.endsWith('Text.js'))),
    ).toEqual([]);
  });

  it('the build turns every dist/vendor re-export into a one-file bundle', () => {
    ensureBuilt();
    for (const f of ['yargs.js', 'zod.js', 'yaml.js', 'mathjs-number.js', 'exceljs.js']) {
      const text = readFileSync(join(ROOT, 'dist', 'vendor', f), 'utf8');
      expect(text.split('\n')[0]).toMatch(/^\/\/ bundled by scripts\/bundle-vendor\.mjs from /);
      expect(text).not.toMatch(/from ['"](yargs|zod|yaml|mathjs|exceljs)[/'"]/);
    }
  });
});
