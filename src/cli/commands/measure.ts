import type { CommandModule } from 'yargs';
import { h, cmdLine, pos } from '../text.js';
import { engineRun, runOptionFlags, RUN_LIMITS, type RunOptions } from '../options.js';
import { cliDataset, dataOptionFlags } from '../data-option.js';

/** `viso measure list|evaluate <id|file>`: demand-limiting measures and their measured historical effect. */
export const measureCommand: CommandModule<any, any> = {
  get command() {
    return cmdLine('measure <action> [measure]');
  },
  get describe() {
    return h('cmd.measure');
  },
  builder: (y) =>
    dataOptionFlags(runOptionFlags(y, 'measure'))
      .positional(pos('action'), { choices: ['list', 'evaluate'] as const, describe: h('cmd.measure.action') })
      .positional(pos('measure'), { type: 'string', describe: h('cmd.measure.measure') })
      .option('dir', { type: 'string', describe: h('cmd.measure.dir') })
      .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') })
      .option('method', { type: 'string', describe: h('cmd.measure.method') })
      .option('vantage', { type: 'number', describe: h('cmd.measure.vantage') })
      .option('until', { type: 'number', describe: h('cmd.measure.until') })
      .option('calibrate', { type: 'boolean', default: true, describe: h('cmd.measure.calibrate') }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const { UsageError } = await import('../../errors.js');
    const ds = await cliDataset(argv, run.lang);
    const dir = argv.dir as string | undefined;
    if (argv.action === 'list') {
      if (argv.measure) throw new UsageError({ code: 'opt.measureListNoArg' });
      const { loadMeasures } = await import('../../measures/load.js');
      const { formatMeasureList } = await import('../../report/measuresText.js');
      const defs = loadMeasures(dir, { dataset: ds, resolveEffects: false });
      if (argv.json) process.stdout.write(JSON.stringify(defs, null, 2) + '\n');
      else process.stdout.write(formatMeasureList(defs, run.lang));
      return;
    }
    if (!argv.measure) throw new UsageError({ code: 'opt.measureEvaluateArg' });
    if (run.runs !== undefined && run.runs > RUN_LIMITS.measurePaths) {
      throw new UsageError(
        { code: 'opt.measurePaths', params: { max: RUN_LIMITS.measurePaths, got: run.runs } },
        run.lang,
      );
    }
    const { METHOD_NAMES } = await import('../../forecast/types.js');
    const method = argv.method as string | undefined;
    if (method !== undefined && !(METHOD_NAMES as readonly string[]).includes(method))
      throw new UsageError({
        code: 'opt.oneOf',
        params: { name: 'method', choices: METHOD_NAMES.join(', '), got: method },
      });
    for (const k of ['vantage', 'until'] as const) {
      const v = argv[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 2011 && v <= 2100))
        throw new UsageError({ code: 'opt.yearRange', params: { name: k, min: 2011, max: 2100, got: String(v) } });
    }
    const { findMeasure } = await import('../../measures/load.js');
    const { evaluateMeasure } = await import('../../measures/evaluate.js');
    const { evaluationJson, formatEvaluation } = await import('../../report/measuresText.js');
    const def = findMeasure(argv.measure as string, { dataset: ds, dir });
    const ev = evaluateMeasure(def, ds, {
      ...engineRun(run),
      method: method as never,
      vantage: argv.vantage as number | undefined,
      until: argv.until as number | undefined,
      calibrate: argv.calibrate as boolean,
    });
    if (argv.json)
      process.stdout.write(
        JSON.stringify(
          evaluationJson(ev, run.lang),
          (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
          2,
        ) + '\n',
      );
    else process.stdout.write(formatEvaluation(ev, run.lang));
  },
};
