/**
 * Executes every notebook in notebooks/ on the Deno kernel via
 * `scripts/run-notebooks.mjs` (the same runner as `npm run notebooks`), so a
 * broken notebook fails `npm test` and CI. Needs `dist/` (built by `npm test`)
 * and Jupyter from `scripts/setup-system.sh`. The only way to skip it is to set
 * VISO_SKIP_NOTEBOOKS=1 explicitly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
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

function run(args: string[]) {
  return spawnSync(process.execPath, [runner, '--no-build', ...args], { cwd: root, encoding: 'utf8', timeout: 280_000 });
}

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
      // Danish markdown explains what is shown
      const markdown = nb.cells.filter((c) => c.cell_type === 'markdown').map((c) => [c.source].flat().join(''));
      expect(markdown.length, f).toBeGreaterThan(2);
    }
  }, 300_000);

  it('fails with the failing cell and its error when a notebook breaks', () => {
    const out = join(root, 'test', 'out', 'notebooks-broken');
    const r = run(['--dir', join(root, 'test', 'notebooks', 'fixtures'), '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('notebook broken.ipynb failed');
    expect(r.stderr).toContain('fixture: deliberate failure in cell 3');
    expect(r.stderr).toContain("throw new Error('fixture: deliberate failure in cell 3');");
    expect(r.stdout).toContain('FAIL broken.ipynb');
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
