import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { h } from '../text.js';
import { engineRun, runOptionFlags, type RunOptions } from '../options.js';

/**
 * `viso scenario run|compare|goal-seek|sensitivity`: Monte Carlo of merforbrug.
 * The engine is imported inside the handlers (start-up stays fast).
 */

/** A progress bar on stderr, shown only on a terminal and only once a run has taken more than 1 s. */
function progressBar(): { onProgress: (done: number, total: number) => void; end: () => void } {
  const start = Date.now();
  let shown = false;
  let last = -1;
  const tty = process.stderr.isTTY;
  return {
    onProgress: (done, total) => {
      if (!tty || Date.now() - start < 1000) return;
      const pct = Math.floor((done / total) * 100);
      if (pct === last) return;
      last = pct;
      shown = true;
      const w = 30;
      const k = Math.round((done / total) * w);
      process.stderr.write(`\r[${'#'.repeat(k)}${' '.repeat(w - k)}] ${pct} %`);
    },
    end: () => {
      if (shown) process.stderr.write('\r' + ' '.repeat(40) + '\r');
    },
  };
}

const common = (y: Argv, o: { threads?: boolean } = {}) =>
  runOptionFlags(y, 'scenario', o)
    .option('data', { type: 'string', array: true, describe: h('cli.opt.dataEstimates') })
    .option('locale', { choices: ['da', 'en'] as const, describe: h('cli.opt.locale') })
    .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') });

/** Load a scenario with the bundled data, or with series from `--data` files over it. */
async function load(ref: string, argv: Record<string, unknown>) {
  const s = await import('../../scenario/index.js');
  const files = (argv.data as string[] | undefined) ?? [];
  if (!files.length) return s.loadScenario(ref);
  const { loadDataset } = await import('../../data/load.js');
  return s.loadScenario(ref, { dataset: await loadDataset({ files, locale: argv.locale as 'da' | 'en' | undefined }) });
}

const run: CommandModule<any, any> = {
  command: 'run <file>',
  get describe() {
    return h('cmd.scenario.run');
  },
  builder: (y) =>
    common(y, { threads: true })
      .positional('file', { type: 'string', demandOption: true, describe: h('cmd.scenario.file') })
      .option('threshold', { type: 'number', array: true, describe: h('cmd.scenario.threshold') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const thresholds = ((argv.threshold as number[] | undefined) ?? []).map((x) => {
      if (!Number.isFinite(x)) throw new UsageError({ code: 'opt.number', params: { name: 'threshold', unit: 'mio. kr.', got: String(x) } });
      return x;
    });
    const s = await import('../../scenario/index.js');
    const def = await load(String(argv.file), argv);
    const bar = progressBar();
    const r = await s.runScenarioParallel(def, { ...engineRun(run), thresholds, threads: run.threads, onProgress: bar.onProgress });
    bar.end();
    process.stdout.write(argv.json ? JSON.stringify(r, null, 2) + '\n' : s.formatScenarioResult(r, run.lang));
  },
};

const compare: CommandModule<any, any> = {
  command: 'compare <files..>',
  get describe() {
    return h('cmd.scenario.compare');
  },
  builder: (y) => common(y, { threads: true }).positional('files', { type: 'string', array: true, demandOption: true, describe: h('cmd.scenario.files') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const files = argv.files as string[];
    if (files.length < 2) throw new UsageError({ code: 'opt.compareTwo' });
    const s = await import('../../scenario/index.js');
    const defs = [];
    for (const f of files) defs.push(await load(String(f), argv));
    const results = [];
    for (const def of defs) results.push(await s.runScenarioParallel(def, { ...engineRun(run), threads: run.threads }));
    process.stdout.write(argv.json ? JSON.stringify(results, null, 2) + '\n' : s.formatComparison(results, run.lang));
  },
};

const goalSeek: CommandModule<any, any> = {
  command: 'goal-seek <file>',
  get describe() {
    return h('cmd.scenario.goalSeek');
  },
  builder: (y) =>
    common(y)
      .positional('file', { type: 'string', demandOption: true, describe: h('cmd.scenario.file') })
      .option('lever', { choices: ['visitation', 'bevilling', 'demand', 'unitCost'] as const, demandOption: true, describe: h('cmd.scenario.lever') })
      .option('target', { type: 'string', demandOption: true, describe: h('cmd.scenario.target') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const s = await import('../../scenario/index.js');
    const target = s.parseTarget(String(argv.target));
    const def = await load(String(argv.file), argv);
    const g = s.goalSeek(def, { lever: argv.lever, target, ...engineRun(run) });
    process.stdout.write(argv.json ? JSON.stringify(g, null, 2) + '\n' : s.formatGoalSeek(g, run.lang));
  },
};

const sensitivity: CommandModule<any, any> = {
  command: 'sensitivity <file>',
  get describe() {
    return h('cmd.scenario.sensitivity');
  },
  builder: (y) => common(y).positional('file', { type: 'string', demandOption: true, describe: h('cmd.scenario.file') }).option('year', { type: 'number', describe: h('cmd.scenario.year') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const s = await import('../../scenario/index.js');
    const def = await load(String(argv.file), argv);
    const r = s.sensitivity(def, { ...(argv.year !== undefined ? { year: argv.year } : {}), ...engineRun(run) });
    process.stdout.write(argv.json ? JSON.stringify(r, null, 2) + '\n' : s.formatSensitivity(r, run.lang));
  },
};

const backtest: CommandModule<any, any> = {
  command: 'backtest [file]',
  get describe() {
    return h('cmd.scenario.backtest');
  },
  builder: (y) =>
    common(y)
      .positional('file', { type: 'string', default: 'baseline', describe: h('cmd.scenario.file') })
      .option('vantage', { type: 'number', array: true, describe: h('cmd.scenario.vantage') })
      .option('mode', { choices: ['asKnown', 'withDecisions'] as const, array: true, describe: h('cmd.scenario.mode') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const runs = run.runs ?? 20_000;
    if (runs < 100 || runs > 1e7) throw new UsageError({ code: 'opt.backtestRuns', params: { got: runs } });
    const seed = run.seed;
    const vantages = (argv.vantage as number[] | undefined)?.map((v) => {
      if (!Number.isInteger(v) || v < 1990 || v > 2100) throw new UsageError({ code: 'opt.yearRange', params: { name: 'vantage', min: 1990, max: 2100, got: String(v) } });
      return v;
    });
    const def = await load(String(argv.file), argv);
    const { backtestScenario } = await import('../../scenario/backtest.js');
    const s = await import('../../scenario/index.js');
    const r = backtestScenario(def, { runs, ...(seed !== undefined ? { seed } : {}), ...(vantages ? { vantages } : {}), ...(argv.mode ? { modes: argv.mode } : {}) });
    if (argv.json) {
      const { replays: _r, ...rest } = r;
      process.stdout.write(JSON.stringify(rest, null, 2) + '\n');
      return;
    }
    process.stdout.write(s.formatBacktest(r, run.lang));
  },
};

/** `viso scenario ...` */
export const scenarioCommand: CommandModule<any, any> = {
  command: 'scenario <command>',
  get describe() {
    return h('cmd.scenario');
  },
  builder: (y) => y.command(run).command(compare).command(goalSeek).command(sensitivity).command(backtest).demandCommand(1),
  handler: () => {},
};
