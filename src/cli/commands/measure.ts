import type { CommandModule } from 'yargs';
import { engineRun, runOptionFlags, RUN_LIMITS, type RunOptions } from '../options.js';
import { cliDataset, dataOptionFlags } from '../data-option.js';

/** `viso measure list|evaluate <id|file>`: demand-limiting measures and their measured historical effect. */
export const measureCommand: CommandModule<any, any> = {
  command: 'measure <action> [measure]',
  describe: 'Efterspørgselsbegrænsende tiltag: list, evaluate <id|fil> / demand-limiting measures',
  builder: (y) =>
    dataOptionFlags(runOptionFlags(y, 'measure'))
      .positional('action', { choices: ['list', 'evaluate'] as const, describe: 'list | evaluate' })
      .positional('measure', { type: 'string', describe: 'Tiltagets id (models/measures) eller en .yaml-fil' })
      .option('dir', { type: 'string', describe: 'Mappe med tiltag (standard: models/measures)' })
      .option('json', { type: 'boolean', default: false, describe: 'JSON output' })
      .option('method', { type: 'string', describe: 'Prognosemetode for det kontrafaktiske forløb (standard auto)' })
      .option('vantage', { type: 'number', describe: 'Sidste år i førperioden (standard: året før start)' })
      .option('until', { type: 'number', describe: 'Sidste år i evalueringen' })
      .option('calibrate', { type: 'boolean', default: true, describe: 'Kalibrerede prognoseintervaller (--no-calibrate: lærebogsintervaller)' }),
  handler: async (argv) => {
    const run = argv.run as RunOptions;
    const { UsageError } = await import('../../errors.js');
    const ds = await cliDataset(argv, run.lang);
    const dir = argv.dir as string | undefined;
    if (argv.action === 'list') {
      if (argv.measure) throw new UsageError('viso measure list takes no measure argument');
      const { loadMeasures } = await import('../../measures/load.js');
      const { formatMeasureList } = await import('../../measures/format.js');
      const defs = loadMeasures(dir, { dataset: ds, resolveEffects: false });
      if (argv.json) process.stdout.write(JSON.stringify(defs, null, 2) + '\n');
      else process.stdout.write(formatMeasureList(defs, run.lang));
      return;
    }
    if (!argv.measure) throw new UsageError('viso measure evaluate needs a measure id or .yaml file (see viso measure list)');
    if (run.runs !== undefined && run.runs > RUN_LIMITS.measurePaths) {
      const { formatNumber } = await import('../../format/number.js');
      const max = formatNumber(RUN_LIMITS.measurePaths, 0, run.lang);
      throw new UsageError(
        run.lang === 'da'
          ? `--runs: measure evaluate gemmer hvert simuleret forløb i hukommelsen og kører højst ${max}, fik ${formatNumber(run.runs, 0, run.lang)}`
          : `--runs: measure evaluate keeps every simulated path in memory and runs at most ${max}, got ${formatNumber(run.runs, 0, run.lang)}`,
      );
    }
    const { METHOD_NAMES } = await import('../../forecast/types.js');
    const method = argv.method as string | undefined;
    if (method !== undefined && !(METHOD_NAMES as readonly string[]).includes(method)) throw new UsageError(`--method must be one of ${METHOD_NAMES.join(', ')} (got ${method})`);
    for (const k of ['vantage', 'until'] as const) {
      const v = argv[k];
      if (v !== undefined && !(Number.isInteger(v) && v >= 2011 && v <= 2100)) throw new UsageError(`--${k} must be a year (got ${v})`);
    }
    const { findMeasure } = await import('../../measures/load.js');
    const { evaluateMeasure } = await import('../../measures/evaluate.js');
    const { formatEvaluation } = await import('../../measures/format.js');
    const def = findMeasure(argv.measure as string, { dataset: ds, dir });
    const ev = evaluateMeasure(def, ds, {
      ...engineRun(run),
      method: method as never,
      vantage: argv.vantage as number | undefined,
      until: argv.until as number | undefined,
      lang: run.lang,
      calibrate: argv.calibrate as boolean,
    });
    if (argv.json) process.stdout.write(JSON.stringify(ev, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
    else process.stdout.write(formatEvaluation(ev, run.lang));
  },
};
