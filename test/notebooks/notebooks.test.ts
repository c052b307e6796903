/**
 * Executes every notebook in notebooks/ on the Deno kernel via
 * `scripts/run-notebooks.mjs` (the same runner as `npm run notebooks`), so a
 * broken notebook fails `npm test` and CI. Needs `dist/` (built by `npm test`)
 * and Jupyter from `scripts/setup-system.sh`. The only way to skip it is to set
 * VISO_SKIP_NOTEBOOKS=1 explicitly.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(__dirname, '..', '..');
const runner = join(root, 'scripts', 'run-notebooks.mjs');
const outDir = join(root, 'test', 'out', 'notebooks-executed');
const skip = process.env.VISO_SKIP_NOTEBOOKS === '1';

interface Cell {
  cell_type: string;
  source: string[] | string;
  execution_count?: number | null;
  outputs?: { output_type: string; data?: Record<string, unknown>; ename?: string; evalue?: string }[];
}

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [runner, '--no-build', ...args], { cwd: root, encoding: 'utf8', timeout: 280_000, env: { ...process.env, ...env } });
}

/** A stand-in for deno (via $DENO) that dies at start-up for its first `deaths` launches, then runs the real kernel. */
function flakyDeno(deaths: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'viso-flaky-deno-'));
  const script = join(dir, 'deno');
  const count = join(dir, 'launches');
  writeFileSync(count, '');
  writeFileSync(
    script,
    [
      '#!/bin/sh',
      `echo x >> '${count}'`,
      `if [ "$(wc -l < '${count}')" -le ${deaths} ]; then echo 'fake deno: could not bind its sockets' >&2; exit 1; fi`,
      `exec '${join(root, 'node_modules', 'deno', 'deno')}' "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(script, 0o755);
  return script;
}
const fixtures = join(root, 'test', 'notebooks', 'fixtures');

describe.skipIf(skip)('notebooks', () => {
  const notebooks = readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb')).sort();

  it('has the three analyst notebooks', () => {
    expect(notebooks).toEqual(expect.arrayContaining(['01-data-og-enhedsomkostning.ipynb', '02-evaluering-stramning-2021.ipynb', '03-budget-naeste-to-aar.ipynb']));
  });

  it('executes every notebook headless without a cell error, with Vega-Lite charts', () => {
    expect(existsSync(join(root, 'dist', 'index.js')), 'dist/index.js missing: run `npm run build` (npm test does)').toBe(true);
    rmSync(outDir, { recursive: true, force: true });
    const r = run(['--out', outDir]);
    expect(r.status, `run-notebooks failed:\n${r.stdout}\n${r.stderr}`).toBe(0);
    for (const f of notebooks) {
      const nb = JSON.parse(readFileSync(join(outDir, f), 'utf8')) as { cells: Cell[]; metadata: { kernelspec: { name: string } } };
      expect(nb.metadata.kernelspec.name).toBe('deno');
      const code = nb.cells.filter((c) => c.cell_type === 'code');
      expect(code.length, f).toBeGreaterThan(3);
      // every code cell ran and shows something (cells end with an awaited display; the runner
      // keeps outputs the Deno kernel publishes late), none produced an error output
      for (const c of code) {
        expect(c.execution_count, `${f}: a code cell did not run`).toBeGreaterThan(0);
        expect(c.outputs?.length ?? 0, `${f}: a code cell has no output:\n${[c.source].flat().join('')}`).toBeGreaterThan(0);
        expect(c.outputs?.filter((o) => o.output_type === 'error') ?? [], f).toEqual([]);
      }
      const mimes = code.flatMap((c) => (c.outputs ?? []).flatMap((o) => Object.keys(o.data ?? {})));
      expect(mimes, `${f} shows no Vega-Lite chart`).toContain('application/vnd.vegalite.v5+json');
      // every chart also carries a static SVG rendering (viewers without Vega-Lite)
      expect(mimes.filter((m) => m === 'image/svg+xml').length).toBe(mimes.filter((m) => m === 'application/vnd.vegalite.v5+json').length);
      // what an analyst reads holds no JavaScript leftovers: a Msg code object, NaN, undefined or Infinity
      // in a text output means a value was printed without its formatter (sayMsg/notesText, formatNumber)
      for (const c of code)
        for (const o of c.outputs ?? [])
          for (const [mime, v] of Object.entries(o.data ?? {}))
            if (mime.startsWith('text/'))
              expect(
                [v as string | string[]].flat().join(''),
                `${f}: raw value in ${mime} of:\n${[c.source].flat().join('')}`,
              ).not.toMatch(/\[object Object\]|\bNaN\b|\bundefined\b|\bInfinity\b/);
      // Danish markdown explains what is shown
      const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => [c.source].flat().join(''));
      expect(markdown.length, f).toBeGreaterThan(2);
    }
    // tables: numbers right-aligned, text left-aligned (notebook 01: the series table and bevilling vs forbrug)
    const html = readFileSync(join(outDir, '01-data-og-enhedsomkostning.ipynb'), 'utf8'); // the notebook's JSON: quotes escaped
    expect(html).toContain('<td style=\\"text-align:left\\">viso.raadgivning.bevilling</td>');
    expect(html).toContain('<td style=\\"text-align:right\\">147,7</td>');
    // what a reader sees is named in Danish, the raw name in parentheses only where an analyst types it (a DataFrame column or value)
    expect(html).toContain('<th style=\\"text-align:left\\">datakvalitetsflag (flags)</th>');
    expect(html).toContain('Registreringsbrud (registration_break)');
    const ev = readFileSync(join(outDir, '02-evaluering-stramning-2021.ipynb'), 'utf8');
    expect(ev).toContain('Ensemble af globalt netværk, ETS og dynamisk optimeret Theta');
    expect(ev).not.toMatch(/>ensemble</);
  }, 300_000);

  it('fails with the failing cell and its error when a notebook breaks', () => {
    const out = join(root, 'test', 'out', 'notebooks-broken');
    const r = run(['--dir', fixtures, '--out', out, 'broken']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('notebook broken.ipynb failed');
    expect(r.stderr).toContain('fixture: deliberate failure in cell 3');
    expect(r.stderr).toContain("throw new Error('fixture: deliberate failure in cell 3');");
    expect(r.stdout).toContain('FAIL broken.ipynb');
    expect(r.stdout, 'a cell error is not a kernel start failure: never retried').not.toContain('kernel started');
  }, 120_000);

  it('starts a kernel that died before its first reply again, and says so', () => {
    const out = join(root, 'test', 'out', 'notebooks-flaky');
    rmSync(out, { recursive: true, force: true });
    const r = run(['--dir', fixtures, '--out', out, 'works'], { DENO: flakyDeno(1) });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    expect(r.stdout).toMatch(/ok {3}works\.ipynb \([\d.]+ s; kernel started 2 times, it died before its first reply\)/);
    const nb = JSON.parse(readFileSync(join(out, 'works.ipynb'), 'utf8')) as { cells: Cell[] };
    expect(nb.cells.filter((c) => c.cell_type === 'code').every((c) => (c.execution_count ?? 0) > 0)).toBe(true);
  }, 120_000);

  it('gives up after three kernel start failures, with what the kernel printed and no cell run', () => {
    const out = join(root, 'test', 'out', 'notebooks-dead');
    rmSync(out, { recursive: true, force: true });
    const r = run(['--dir', fixtures, '--out', out, 'works'], { DENO: flakyDeno(99) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL works.ipynb');
    expect(r.stdout).toContain('kernel started 3 times');
    expect(r.stderr).toContain('the Deno kernel did not start on any of 3 attempt(s) (nbclient: Kernel died before replying to kernel_info); no cell ran.');
    expect(r.stderr).toContain('fake deno: could not bind its sockets');
    expect(existsSync(join(out, 'works.ipynb'))).toBe(false);
  }, 120_000);

  it('writes the kernelspec pointing at the deno binary from node_modules', () => {
    const r = run(['--install-kernel']);
    expect(r.status, r.stderr).toBe(0);
    const spec = JSON.parse(readFileSync(join(root, 'notebooks', '.jupyter', 'kernels', 'deno', 'kernel.json'), 'utf8')) as { argv: string[]; language: string };
    expect(spec.argv[0]).toBe(join(root, 'node_modules', 'deno', 'deno'));
    expect(spec.argv.slice(1)).toEqual(['jupyter', '--kernel', '--conn', '{connection_file}']);
    expect(spec.language).toBe('typescript');
    expect(r.stdout).toContain('JUPYTER_PATH=');
  });
});
