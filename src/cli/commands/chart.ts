/**
 * `viso chart <name> --out file.svg|png|vl.json`: one chart of the report, rendered
 * headless. The model is computed with the same defaults as `viso report`, but only the
 * parts the chart needs.
 */
import { DEFAULT_GOAL_TARGET } from '../../defaults.js';
import type { CommandModule } from 'yargs';
import { h, cmdLine, pos } from '../text.js';
import { checkProbabilityOption, engineRun, runOptionFlags, type RunOptions } from '../options.js';

interface ChartArgs {
  run: RunOptions;
  name: string;
  out: string;
  scenario?: string[];
  year?: number;
  target: number;
}

/** Chart names that need only the data (no forecasts or simulation). */
const HISTORY = ['budget', 'activity', 'unit-cost'];

/** The report parts a chart needs. */
function partsFor(name: string): ('forecasts' | 'scenarios' | 'whatif' | 'sensitivity' | 'measures' | 'backtest')[] {
  if (HISTORY.includes(name)) return [];
  // the forbrug fan is the one forecast: the scenario model calibrated by its backtest
  if (name.startsWith('forecast-')) return ['forecasts', 'scenarios', 'backtest'];
  if (name === 'track-record') return ['scenarios', 'backtest'];
  if (name === 'scenarios' || name === 'p-merforbrug' || name === 'merforbrug-distribution') return ['scenarios'];
  if (name === 'goal-seek') return ['scenarios', 'whatif'];
  if (name === 'tornado') return ['scenarios', 'sensitivity'];
  if (name.startsWith('measure-')) return ['measures'];
  return ['forecasts', 'scenarios', 'whatif', 'sensitivity', 'measures', 'backtest'];
}

/** `viso chart <name> --out file.svg|png|vl.json`. */
export const chartCommand: CommandModule<any, any> = {
  get command() {
    return cmdLine('chart <name>');
  },
  get describe() {
    return h('cmd.chart');
  },
  builder: (y) =>
    runOptionFlags(y, 'report')
      .positional(pos('name'), { type: 'string', demandOption: true, describe: h('cmd.chart.name') })
      .option('out', { type: 'string', demandOption: true, describe: h('cmd.chart.out') })
      .option('scenario', { type: 'string', array: true, describe: h('cmd.chart.scenario') })
      .option('year', { type: 'number', describe: h('cmd.chart.year') })
      .option('target', { type: 'number', default: DEFAULT_GOAL_TARGET, describe: h('cmd.chart.target') }),
  handler: async (argv) => {
    const a = argv as unknown as ChartArgs;
    checkProbabilityOption('target', a.target, a.run.lang);
    const { UsageError } = await import('../../errors.js');
    const format = a.out.endsWith('.vl.json')
      ? 'vl.json'
      : a.out.endsWith('.svg')
        ? 'svg'
        : a.out.endsWith('.png')
          ? 'png'
          : undefined;
    if (!format)
      throw new UsageError({ code: 'opt.ending', params: { name: 'out', endings: '.svg|.png|.vl.json', got: a.out } });
    const { collectReport } = await import('../../report/collect.js');
    const { reportCharts } = await import('../../report/reportCharts.js');
    const lang = a.run.lang;
    const model = await collectReport({
      lang,
      parts: partsFor(a.name),
      ...(a.scenario ? { scenarios: a.scenario } : {}),
      ...engineRun(a.run),
      ...(a.year !== undefined ? { year: a.year } : {}),
      target: a.target,
    });
    const charts = reportCharts(model);
    const chart = charts.find((c) => c.id === a.name);
    if (!chart) {
      const all = reportCharts(await collectReport({ lang, parts: [], runs: 1000 })).map((c) => c.id);
      const known = [
        ...new Set([
          ...all,
          ...charts.map((c) => c.id),
          'track-record',
          'forecast-forbrug',
          'scenarios',
          'p-merforbrug',
          'merforbrug-distribution',
          'goal-seek',
          'tornado',
        ]),
      ];
      const why = model.unavailable.length
        ? ` (${model.unavailable.map((u) => `${u.section}: ${u.reason}`).join('; ')})`
        : '';
      throw new UsageError({ code: 'opt.unknownChart', params: { name: a.name, why, known: known.join(', ') } });
    }
    const { renderChart } = await import('../../report/render.js');
    const { writeFileAtomic } = await import('../../io/write.js');
    writeFileAtomic(a.out, await renderChart(chart.spec, format));
    process.stdout.write(`${a.out}\n`);
  },
};
