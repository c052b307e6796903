import type { CommandModule } from 'yargs';
import { h } from '../text.js';
import { cliDataset, dataOptionFlags } from '../data-option.js';

/** `viso cost`: unit-cost table and the fixed + variable cost model with uncertainty and diagnostics. */
export const costCommand: CommandModule<any, any> = {
  command: 'cost',
  get describe() {
    return h('cmd.cost');
  },
  builder: (y) =>
    dataOptionFlags(y)
      .option('prices', {
        choices: ['current', 'fixed'] as const,
        default: 'current' as const,
        describe: h('cmd.cost.prices'),
      })
      .option('base-year', { type: 'number', describe: h('cmd.cost.baseYear') })
      .option('assumptions', { type: 'string', describe: h('cmd.cost.assumptions') })
      .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') }),
  handler: async (argv) => {
    const { loadCostAssumptions } = await import('../../cost/assumptions.js');
    const { unitCostTable } = await import('../../cost/unitCost.js');
    const { bootstrapCostModel, costModelSensitivity, fitCostModel } = await import('../../cost/model.js');
    const { forloebMix } = await import('../../cost/mix.js');
    const { costReportJson, formatCostReport } = await import('../../report/costText.js');
    const { UsageError } = await import('../../errors.js');
    const by = argv['base-year'] as number | undefined;
    if (by !== undefined && !(Number.isInteger(by) && by >= 1990 && by <= 2100))
      throw new UsageError({
        code: 'opt.yearRange',
        params: { name: 'base-year', min: 1990, max: 2100, got: String(by) },
      });
    const ds = await cliDataset(argv, argv.lang === 'en' ? 'en' : 'da');
    const assumptions = loadCostAssumptions(argv.assumptions as string | undefined);
    const opts = {
      prices: argv.prices as 'current' | 'fixed',
      baseYear: by,
      assumptions,
    };
    const model = fitCostModel(ds, opts);
    const report = {
      table: unitCostTable(ds, opts),
      model,
      bootstrap: bootstrapCostModel(model, { runs: 2000, seed: 1 }),
      sensitivity: costModelSensitivity(ds, opts),
      mix: forloebMix(ds),
    };
    if (argv.json) process.stdout.write(JSON.stringify(costReportJson(report, argv.lang), jsonNumbers, 2) + '\n');
    else process.stdout.write(formatCostReport(report, argv.lang));
  },
};

/** NaN/Infinity are not JSON: write them as null. */
function jsonNumbers(_k: string, v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}
