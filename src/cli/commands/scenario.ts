import type { Argv, CommandModule } from 'yargs';
import { UsageError } from '../../errors.js';
import { say, sayMsg, type Msg } from '../../text/messages.js';
import { h, cmdLine, pos } from '../text.js';
import { engineRun, runOptionFlags, type RunOptions } from '../options.js';
import { cliDataset, dataOptionFlags, noteBaseYear } from '../data-option.js';

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

/** The words of the scenario results (the terminal tables), loaded when a command prints them. */
const scenarioText = () => import('../../report/scenarioText.js');

const common = (y: Argv, o: { threads?: boolean } = {}) =>
  dataOptionFlags(runOptionFlags(y, 'scenario', o))
    .option('budget', { type: 'string', describe: h('cli.opt.budget') })
    .option('pl', { type: 'string', describe: h('cli.opt.pl') })
    .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') })
    .option('out', { type: 'string', describe: h('cmd.scenario.out') });

/** Refuse an `--out` that is neither .xlsx nor .csv before anything is run. */
function checkOut(argv: Record<string, unknown>, lang: 'da' | 'en'): void {
  if (argv.out === undefined) return;
  const f = String(argv.out).toLowerCase();
  if (!f.endsWith('.xlsx') && !f.endsWith('.csv'))
    throw new UsageError({ code: 'scenario.opt.out', params: { got: String(argv.out) } }, lang);
}

/** Write the result tables to `--out` when given, and say so on stderr. */
async function writeOut(
  argv: Record<string, unknown>,
  lang: 'da' | 'en',
  title: string,
  tables: () => Promise<import('../../report/results.js').ResultTable[]>,
): Promise<void> {
  if (argv.out === undefined) return;
  const file = String(argv.out);
  const { writeResults } = await import('../../report/results.js');
  await writeResults(file, await tables(), title, lang);
  process.stderr.write(`${say('scenario.wrote', { file }, lang)}\n`);
}

/**
 * Load scenarios (YAML files, bundled ids or assumptions workbooks) with the bundled data, or with the `--data`
 * files merged into it (read once per command line, its changes listed once): base year and actuals then
 * default to the merged data.
 */
async function loadAll(refs: string[], argv: Record<string, unknown>) {
  const { loadAnyScenario } = await import('../../scenario/workbook.js');
  const dataset = await cliDataset(argv, (argv.run as RunOptions).lang);
  const budget = argv.budget === undefined ? {} : { budget: String(argv.budget) };
  const pl = argv.pl === undefined ? {} : { pl: String(argv.pl) };
  const defs = [];
  for (const ref of refs) defs.push(await loadAnyScenario(ref, { dataset, ...budget, ...pl }));
  if ((argv.data as string[] | undefined)?.length)
    for (const d of defs) await noteBaseYear(dataset, d.baseYear, d.id, (argv.run as RunOptions).lang);
  return defs;
}
async function load(ref: string, argv: Record<string, unknown>) {
  return (await loadAll([ref], argv))[0];
}

const run: CommandModule<any, any> = {
  get command() {
    return cmdLine('run <file>');
  },
  get describe() {
    return h('cmd.scenario.run');
  },
  builder: (y) =>
    common(y, { threads: true })
      .positional(pos('file'), { type: 'string', demandOption: true, describe: h('cmd.scenario.file') })
      .option('threshold', { type: 'number', array: true, describe: h('cmd.scenario.threshold') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    checkOut(argv, run.lang);
    const thresholds = ((argv.threshold as number[] | undefined) ?? []).map((x) => {
      if (!Number.isFinite(x))
        throw new UsageError({ code: 'opt.number', params: { name: 'threshold', unit: 'mio. kr.', got: String(x) } });
      return x;
    });
    const s = await import('../../scenario/index.js');
    const def = await load(String(argv.file), argv);
    const bar = progressBar();
    const r = await s.runScenarioParallel(def, {
      ...engineRun(run),
      thresholds,
      threads: run.threads,
      onProgress: bar.onProgress,
    });
    bar.end();
    await writeOut(argv, run.lang, r.name, async () =>
      (await import('../../report/results.js')).runTables(r, run.lang),
    );
    process.stdout.write(
      argv.json ? JSON.stringify(r, null, 2) + '\n' : (await scenarioText()).formatScenarioResult(r, run.lang),
    );
  },
};

const compare: CommandModule<any, any> = {
  get command() {
    return cmdLine('compare <files..>');
  },
  get describe() {
    return h('cmd.scenario.compare');
  },
  builder: (y) =>
    common(y, { threads: true }).positional(pos('files'), {
      type: 'string',
      array: true,
      demandOption: true,
      describe: h('cmd.scenario.files'),
    }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    checkOut(argv, run.lang);
    const files = argv.files as string[];
    if (files.length < 2) throw new UsageError({ code: 'opt.compareTwo' });
    const s = await import('../../scenario/index.js');
    const defs = await loadAll(files.map(String), argv);
    const results: Awaited<ReturnType<typeof s.runScenarioParallel>>[] = [];
    for (const def of defs) results.push(await s.runScenarioParallel(def, { ...engineRun(run), threads: run.threads }));
    await writeOut(argv, run.lang, results.map((r) => r.name).join(' / '), async () =>
      (await import('../../report/results.js')).compareTables(results, run.lang),
    );
    process.stdout.write(
      argv.json ? JSON.stringify(results, null, 2) + '\n' : (await scenarioText()).formatComparison(results, run.lang),
    );
  },
};

/** `--spread-k`: the word backtest, or a positive number (decimal point or comma). */
function parseSpreadK(v: unknown): number | 'backtest' {
  const t = String(v).trim();
  if (t === 'backtest') return 'backtest';
  const x = /^\d+([.,]\d+)?$/.test(t) ? Number(t.replace(',', '.')) : NaN;
  if (!(x > 0)) throw new UsageError({ code: 'opt.spreadK', params: { got: t === '' ? '""' : t } });
  return x;
}

const goalSeek: CommandModule<any, any> = {
  get command() {
    return cmdLine('goal-seek <file>');
  },
  get describe() {
    return h('cmd.scenario.goalSeek');
  },
  builder: (y) =>
    common(y)
      .positional(pos('file'), { type: 'string', demandOption: true, describe: h('cmd.scenario.file') })
      .option('lever', {
        choices: ['visitation', 'bevilling', 'demand', 'unitCost'] as const,
        demandOption: true,
        describe: h('cmd.scenario.lever'),
      })
      .option('target', { type: 'string', demandOption: true, describe: h('cmd.scenario.target2') })
      .option('spread-k', { type: 'string', describe: h('cmd.scenario.spreadK') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    checkOut(argv, run.lang);
    const s = await import('../../scenario/index.js');
    const target = s.parseTarget(String(argv.target));
    const spreadArg = argv.spreadK === undefined ? undefined : parseSpreadK(argv.spreadK);
    const def = await load(String(argv.file), argv);
    // --spread-k backtest: the k of the report's headline, from this scenario's own backtest
    const bt =
      spreadArg === 'backtest'
        ? s.headlineBacktest(def, { runs: run.runs ?? def.runs, ...(run.seed !== undefined ? { seed: run.seed } : {}) })
        : undefined;
    const spreadK = bt ? bt.calibration.k : spreadArg;
    const g = s.goalSeek(def, {
      lever: argv.lever,
      target,
      ...(typeof spreadK === 'number' ? { spreadK } : {}),
      // k fitted by simulation: its own Monte Carlo error goes into the answer's interval
      ...(bt?.calibration.kSe !== undefined ? { spreadKSe: bt.calibration.kSe } : {}),
      ...engineRun(run),
    });
    await writeOut(argv, run.lang, g.scenario, async () =>
      (await import('../../report/results.js')).goalSeekTables(g, run.lang),
    );
    if (argv.json) {
      const from = bt
        ? { spreadKFrom: (await import('../../report/kHorizon.js')).spreadKFrom(bt, def.baseYear, target.year) }
        : {};
      process.stdout.write(JSON.stringify({ ...g, ...from }, null, 2) + '\n');
    } else {
      const t = await scenarioText();
      process.stdout.write(
        t.formatGoalSeek(g, run.lang) + (bt ? t.formatSpreadKSource(bt, def.baseYear, target.year, run.lang, g) : ''),
      );
    }
  },
};

const sensitivity: CommandModule<any, any> = {
  get command() {
    return cmdLine('sensitivity <file>');
  },
  get describe() {
    return h('cmd.scenario.sensitivity');
  },
  builder: (y) =>
    common(y)
      .positional(pos('file'), { type: 'string', demandOption: true, describe: h('cmd.scenario.file') })
      .option('year', { type: 'number', describe: h('cmd.scenario.year') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    checkOut(argv, run.lang);
    const s = await import('../../scenario/index.js');
    const def = await load(String(argv.file), argv);
    const r = s.sensitivity(def, { ...(argv.year !== undefined ? { year: argv.year } : {}), ...engineRun(run) });
    await writeOut(argv, run.lang, r.scenario, async () =>
      (await import('../../report/results.js')).sensitivityTables(r, run.lang),
    );
    process.stdout.write(
      argv.json ? JSON.stringify(r, null, 2) + '\n' : (await scenarioText()).formatSensitivity(r, run.lang),
    );
  },
};

const backtest: CommandModule<any, any> = {
  get command() {
    return cmdLine('backtest [file]');
  },
  get describe() {
    return h('cmd.scenario.backtest');
  },
  builder: (y) =>
    common(y)
      .positional(pos('file'), { type: 'string', default: 'baseline', describe: h('cmd.scenario.file') })
      .option('vantage', { type: 'number', array: true, describe: h('cmd.scenario.vantage') })
      .option('mode', {
        choices: ['asKnown', 'withDecisions'] as const,
        array: true,
        describe: h('cmd.scenario.mode'),
      }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    checkOut(argv, run.lang);
    const runs = run.runs ?? 20_000;
    if (runs < 100 || runs > 1e7) throw new UsageError({ code: 'opt.backtestRuns', params: { got: runs } });
    const seed = run.seed;
    const vantages = (argv.vantage as number[] | undefined)?.map((v) => {
      if (!Number.isInteger(v) || v < 1990 || v > 2100)
        throw new UsageError({
          code: 'opt.yearRange',
          params: { name: 'vantage', min: 1990, max: 2100, got: String(v) },
        });
      return v;
    });
    const def = await load(String(argv.file), argv);
    const { backtestScenario } = await import('../../scenario/backtest.js');
    const r = backtestScenario(def, {
      runs,
      ...(seed !== undefined ? { seed } : {}),
      ...(vantages ? { vantages } : {}),
      ...(argv.mode ? { modes: argv.mode } : {}),
    });
    await writeOut(argv, run.lang, r.scenario, async () =>
      (await import('../../report/results.js')).backtestTables(r, run.lang),
    );
    if (argv.json) {
      // the notes and the calibration rule in both languages, as the source texts of the inputs
      const { replays: _r, ...rest } = r;
      const both = (m: Msg) => ({ da: sayMsg(m, 'da'), en: sayMsg(m, 'en') });
      const json = {
        ...rest,
        calibration: { ...rest.calibration, rule: both(rest.calibration.rule) },
        notes: rest.notes.map(both),
      };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      return;
    }
    process.stdout.write((await scenarioText()).formatBacktest(r, run.lang));
  },
};

const template: CommandModule<any, any> = {
  get command() {
    return cmdLine('template [scenario]');
  },
  get describe() {
    return h('cmd.scenario.template');
  },
  builder: (y) =>
    y
      .positional(pos('scenario'), { type: 'string', default: 'baseline', describe: h('cmd.scenario.file') })
      .option('xlsx', { type: 'string', demandOption: true, describe: h('cmd.scenario.xlsx') }),
  handler: async (argv) => {
    const lang = (argv.lang as 'da' | 'en' | undefined) ?? 'da';
    const file = String(argv.xlsx);
    if (!/\.xlsx$/i.test(file)) throw new UsageError({ code: 'scenario.opt.xlsx', params: { got: file } }, lang);
    const { scenarioWorkbook } = await import('../../report/scenarioWorkbook.js');
    const { writeFileAtomic } = await import('../../io/write.js');
    writeFileAtomic(file, await scenarioWorkbook(String(argv.scenario), lang));
    process.stderr.write(`${say('scenario.wrote', { file }, lang)}\n`);
  },
};

/** `viso scenario ...` */
export const scenarioCommand: CommandModule<any, any> = {
  get command() {
    return cmdLine('scenario <command>');
  },
  get describe() {
    return h('cmd.scenario2');
  },
  builder: (y) =>
    y
      .command(run)
      .command(compare)
      .command(goalSeek)
      .command(sensitivity)
      .command(backtest)
      .command(template)
      .demandCommand(1),
  handler: () => {},
};
