#!/usr/bin/env node
// Executes every notebook in notebooks/*.ipynb headless on the Deno kernel and
// writes the executed copies to notebooks/executed/ (gitignored).
//
//   node scripts/run-notebooks.mjs                 build dist/ (if stale), then run all notebooks
//   node scripts/run-notebooks.mjs --no-build      use the existing dist/
//   node scripts/run-notebooks.mjs 01 03           only notebooks whose file name contains 01 or 03
//   node scripts/run-notebooks.mjs --install-kernel  only write the kernelspec and print how to use it
//   --dir DIR / --out DIR                          other notebook folder / output folder (tests)
//
// Nothing is installed by hand: the kernelspec is generated at run time in
// notebooks/.jupyter/kernels/deno/kernel.json, pointing at the deno binary of
// the npm package `deno` in node_modules, and Jupyter finds it via JUPYTER_PATH.
// Jupyter itself comes from Debian (scripts/setup-system.sh): /usr/bin/jupyter.
// Execution uses scripts/jupyter/deno_execute.py (via nbconvert_config.py), an
// ExecutePreprocessor that also keeps outputs the Deno kernel publishes just
// after reporting a cell idle (otherwise they are lost at random under load).
// A kernel that dies before it answers its first request (the Deno kernel does so
// now and then at start-up, before any cell has run: denoland/deno#28634) is
// started again, at most KERNEL_START_ATTEMPTS times in all, and the run says so;
// a cell error is never retried.
// Exit code 0 when every notebook ran without a cell error, 1 otherwise, 2 when
// the set-up is incomplete (no Jupyter, no deno, no dist/).
// $DENO names another deno binary, $JUPYTER another jupyter (as for findJupyter).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Value of `--name VALUE` in argv, or undefined. */
function option(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const notebookDir = resolve(option('--dir') ?? join(root, 'notebooks'));
const outDir = resolve(option('--out') ?? join(notebookDir, 'executed'));
const jupyterDir = join(root, 'notebooks', '.jupyter');
const CELL_TIMEOUT_S = 300;
const KERNEL_START_ATTEMPTS = 3;
/** nbclient's messages when the kernel process ended or stayed silent before its first reply. */
const KERNEL_START_FAILURE = /Kernel died before replying to kernel_info|Kernel didn't respond in \d+ seconds/;

/** Exits with a one-line set-up message (code 2). */
function fail(msg) {
  console.error(`run-notebooks: ${msg}`);
  process.exit(2);
}

/** The Jupyter executable: $JUPYTER, else Debian's /usr/bin/jupyter, else `jupyter` on PATH. */
function findJupyter() {
  const candidates = [process.env.JUPYTER, '/usr/bin/jupyter', 'jupyter'].filter(Boolean);
  for (const c of candidates) {
    const r = spawnSync(c, ['nbconvert', '--version'], { encoding: 'utf8' });
    if (r.status === 0) return { cmd: c, version: r.stdout.trim() };
  }
  return fail(
    'jupyter nbconvert not found. Install it with `bash scripts/setup-system.sh` ' +
      '(Debian packages jupyter-nbconvert jupyter-client python3-ipykernel) or set JUPYTER=/path/to/jupyter.',
  );
}

/** $DENO, else the deno binary shipped by the npm package `deno` (installs it from @deno/<platform> if the postinstall step was skipped). */
function findDeno() {
  if (process.env.DENO) {
    if (!existsSync(process.env.DENO)) fail(`DENO=${process.env.DENO} does not exist.`);
    return resolve(process.env.DENO);
  }
  const local = join(root, 'node_modules', 'deno', process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (existsSync(local)) return local;
  try {
    const require = createRequire(join(root, 'package.json'));
    return require('deno/install_api.cjs').runInstall();
  } catch (err) {
    return fail(`the deno binary is missing (npm package "deno"): run \`npm install\` first (${err?.message ?? err}).`);
  }
}

/** Writes the kernelspec into <base>/kernels/deno and returns the JUPYTER_PATH entry (base). */
function writeKernelSpec(deno, base) {
  const dir = join(base, 'kernels', 'deno');
  mkdirSync(dir, { recursive: true });
  const spec = {
    argv: [deno, 'jupyter', '--kernel', '--conn', '{connection_file}'],
    display_name: 'Deno (viso-budget)',
    language: 'typescript',
    env: { DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
  };
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(spec, null, 2) + '\n');
  return base;
}

/** Extracts the readable part of an nbconvert CellExecutionError from stderr. */
function summariseError(stderr) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const plain = stderr.replace(/\u001b\[[0-9;]*m/g, '');
  const i = plain.indexOf('An error occurred while executing the following cell');
  if (i < 0) return plain.trim().split('\n').slice(-15).join('\n');
  return plain
    .slice(i)
    .split('\n')
    .filter((l) => !/^\s*$/.test(l))
    .slice(0, 40)
    .join('\n');
}

/** What the kernel printed before nbclient gave up on it (the Python traceback left out). */
function kernelStartError(stderr, attempts) {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
  const plain = stderr.replace(/\u001b\[[0-9;]*m/g, '');
  const reason = plain.match(KERNEL_START_FAILURE)?.[0] ?? 'the kernel did not start';
  const before = plain.slice(0, Math.max(0, plain.indexOf('Traceback (most recent call last)')));
  const kernelLines = before
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^\[(NbConvertApp\]|[IWE] )/.test(l))
    .slice(-10);
  return [
    `the Deno kernel did not start on any of ${attempts} attempt(s) (nbclient: ${reason}); no cell ran.`,
    ...(kernelLines.length ? ['kernel output:', ...kernelLines] : ['the kernel printed nothing.']),
  ].join('\n');
}

/**
 * Runs one notebook, starting its kernel again when it died before its first reply;
 * resolves to {file, ok, seconds, attempts, error?}.
 */
async function runNotebook(jupyter, file, env) {
  const t0 = Date.now();
  for (let attempt = 1; ; attempt++) {
    const r = await runNotebookOnce(jupyter, file, env);
    const seconds = (Date.now() - t0) / 1000;
    if (r.kernelStartFailed && attempt < KERNEL_START_ATTEMPTS) continue;
    if (r.kernelStartFailed)
      return { file, ok: false, seconds, attempts: attempt, error: kernelStartError(r.stderr, attempt) };
    return { file, ok: !r.error, seconds, attempts: attempt, error: r.error };
  }
}

/** One nbconvert run; resolves to {error?, kernelStartFailed, stderr}. */
function runNotebookOnce(jupyter, file, env) {
  return new Promise((resolvePromise) => {
    const args = [
      'nbconvert',
      '--to',
      'notebook',
      '--execute',
      '--config',
      join(root, 'scripts', 'jupyter', 'nbconvert_config.py'),
      `--ExecutePreprocessor.timeout=${CELL_TIMEOUT_S}`,
      '--ExecutePreprocessor.kernel_name=deno',
      '--output-dir',
      outDir,
      join(notebookDir, file),
    ];
    const child = spawn(jupyter, args, { cwd: notebookDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stdout.on('data', () => {});
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code !== 0 && KERNEL_START_FAILURE.test(stderr)) {
        resolvePromise({ kernelStartFailed: true, stderr });
        return;
      }
      let error = code === 0 ? undefined : summariseError(stderr);
      // nbconvert only logs a broken config file and then runs without it
      if (!error && /Exception while loading config file/.test(stderr))
        error = `nbconvert could not load its config:\n${stderr.trim()}`;
      if (!error) error = findErrorOutputs(join(outDir, file));
      resolvePromise({ error, kernelStartFailed: false, stderr });
    });
  });
}

/** Belt and braces: an executed notebook must not contain error outputs. */
function findErrorOutputs(path) {
  if (!existsSync(path)) return `no executed notebook written at ${path}`;
  const nb = JSON.parse(readFileSync(path, 'utf8'));
  for (const [i, cell] of nb.cells.entries()) {
    for (const o of cell.outputs ?? []) {
      if (o.output_type === 'error') return `cell ${i + 1}: ${o.ename}: ${o.evalue}`;
    }
  }
  return undefined;
}

async function main() {
  const argv = process.argv.slice(2);
  const deno = findDeno();
  if (argv.includes('--install-kernel')) {
    const jupyterPath = writeKernelSpec(deno, jupyterDir);
    console.log(`Deno kernelspec written to ${join(jupyterPath, 'kernels', 'deno', 'kernel.json')}`);
    console.log(`Use it with:  JUPYTER_PATH=${jupyterPath} jupyter lab notebooks/`);
    return;
  }
  const jupyter = findJupyter();
  if (!argv.includes('--no-build')) {
    // the same build as npm run build (vendor bundles, declarations named for Deno), skipped when up to date
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    if (r.status !== 0) fail('the build failed; the notebooks import the compiled library from dist/.');
  }
  if (!existsSync(join(root, 'dist', 'index.js'))) fail('dist/index.js is missing: run `npm run build` first.');

  const optionValues = new Set([option('--dir'), option('--out')].filter(Boolean));
  const filters = argv.filter((a) => !a.startsWith('--') && !optionValues.has(a));
  const files = readdirSync(notebookDir)
    .filter((f) => f.endsWith('.ipynb'))
    .filter((f) => filters.length === 0 || filters.some((p) => f.includes(p)))
    .sort();
  if (files.length === 0)
    fail(`no notebooks found in ${notebookDir}${filters.length ? ` matching ${filters.join(', ')}` : ''}.`);

  mkdirSync(outDir, { recursive: true });
  const runtimeDir = mkdtempSync(join(tmpdir(), 'viso-jupyter-runtime-'));
  // this run's own kernelspec: concurrent runs (or --install-kernel) never rewrite a file another run reads
  const jupyterPath = writeKernelSpec(deno, join(runtimeDir, 'data'));
  const env = {
    ...process.env,
    JUPYTER_PATH: [jupyterPath, process.env.JUPYTER_PATH].filter(Boolean).join(':'),
    JUPYTER_RUNTIME_DIR: runtimeDir,
    JUPYTER_PLATFORM_DIRS: '1',
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
    // deno_execute.DenoExecutePreprocessor: keeps outputs the Deno kernel publishes after 'idle'
    PYTHONPATH: [join(root, 'scripts', 'jupyter'), process.env.PYTHONPATH].filter(Boolean).join(':'),
    DENO_NO_UPDATE_CHECK: '1',
    DENO_NO_PROMPT: '1',
    NO_COLOR: '1',
    // Offline by construction: packages come from node_modules via package.json; any attempt of
    // the kernel to reach a registry (npm:, jsr:, https: imports) fails instead of downloading.
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
  };
  console.log(
    `run-notebooks: ${files.length} notebook(s), ${jupyter.cmd} nbconvert ${jupyter.version}, kernel ${deno}`,
  );
  const t0 = Date.now();
  // Notebooks are independent; run them concurrently (each is its own kernel process).
  const results = await Promise.all(files.map((f) => runNotebook(jupyter.cmd, f, env)));
  rmSync(runtimeDir, { recursive: true, force: true });
  for (const r of results) {
    const restarted = r.attempts > 1 ? `; kernel started ${r.attempts} times, it died before its first reply` : '';
    console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.file} (${r.seconds.toFixed(1)} s${restarted})`);
  }
  const failed = results.filter((r) => !r.ok);
  for (const r of failed) {
    console.error(`\nrun-notebooks: notebook ${r.file} failed:\n${r.error}`);
  }
  const total = ((Date.now() - t0) / 1000).toFixed(1);
  if (failed.length > 0) {
    console.error(`\nrun-notebooks: ${failed.length} of ${results.length} notebook(s) failed (${total} s).`);
    process.exit(1);
  }
  console.log(
    `run-notebooks: all ${results.length} notebook(s) executed without errors in ${total} s; output in ${outDir}`,
  );
}

await main();
