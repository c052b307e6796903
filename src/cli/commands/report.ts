/**
 * `viso report`: the main job. Writes the HTML, Markdown (with PNG charts) and XLSX
 * reports and manifest.json to `--out`. Only yargs types are imported statically; the
 * report engine (vega, exceljs, the scenario engine) is loaded inside the handler.
 */
import { DEFAULT_GOAL_TARGET } from '../../defaults.js';
import type { CommandModule } from 'yargs';
import { h } from '../text.js';
import { checkProbabilityOption, engineRun, runOptionFlags, type RunOptions } from '../options.js';
import { cliDataset, dataOptionFlags, noteBaseYear } from '../data-option.js';

interface ReportArgs {
  run: RunOptions;
  scenario?: string[];
  out: string;
  year?: number;
  target: number;
  png: boolean;
  actuals?: string;
  budget?: string;
  pl?: string;
}

/** `viso report [--scenario file ...] [--out dir] [--lang da|en] [--runs N] [--seed S]`. */
export const reportCommand: CommandModule<any, any> = {
  command: 'report',
  get describe() {
    return h('cmd.report');
  },
  builder: (y) =>
    dataOptionFlags(runOptionFlags(y, 'report'))
      .option('scenario', { type: 'string', array: true, describe: h('cmd.report.scenario') })
      .option('out', { type: 'string', default: 'reports', describe: h('cmd.report.out') })
      .option('year', { type: 'number', describe: h('cmd.report.year') })
      .option('target', { type: 'number', default: DEFAULT_GOAL_TARGET, describe: h('cmd.report.target') })
      .option('png', { type: 'boolean', default: true, describe: h('cmd.report.png') })
      .option('budget', { type: 'string', describe: h('cli.opt.budget') })
      .option('pl', { type: 'string', describe: h('cli.opt.pl') })
      .option('actuals', { type: 'string', describe: h('cmd.report.actuals') })
      .example('$0 report --out reports', h('cmd.report.ex1'))
      .example('$0 report --data mine-2025.csv', h('cmd.report.ex3'))
      .example('$0 report --scenario models/scenarios/baseline.yaml --lang en --runs 1000000', h('cmd.report.ex2')),
  handler: async (argv) => {
    const a = argv as unknown as ReportArgs;
    checkProbabilityOption('target', a.target, a.run.lang);
    const t0 = performance.now();
    const dataset = (argv.data as string[] | undefined)?.length ? await cliDataset(argv, a.run.lang) : undefined;
    const { writeReport } = await import('../../report/build.js');
    const { headline, illustrativeSentence } = await import('../../report/summary.js');
    const { formatPct, formatPp, formatNumber, formatMio } = await import('../../text/number.js');
    const { written, report } = await writeReport(a.out, {
      lang: a.run.lang,
      ...(dataset ? { dataset } : {}),
      ...(a.scenario ? { scenarios: a.scenario } : {}),
      ...engineRun(a.run),
      ...(a.year !== undefined ? { year: a.year } : {}),
      target: a.target,
      png: a.png,
      ...(a.actuals !== undefined ? { actuals: a.actuals } : {}),
      ...(a.budget !== undefined ? { budget: a.budget } : {}),
      ...(a.pl !== undefined ? { pl: a.pl } : {}),
    });
    if (dataset)
      for (const sc of report.model.scenarios)
        await noteBaseYear(dataset, sc.result.baseYear, sc.result.id, a.run.lang);
    const h = headline(report.model);
    const L = a.run.lang;
    const lines: string[] = [];
    if (h) {
      // the uncertainty is the model's (parameter spread); the Monte Carlo error is only noted
      const unc = h.parameter
        ? L === 'da'
          ? `parameterusikkerhed ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)}; MC ±${formatPp(h.se, L, 2)}`
          : `parameter uncertainty ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)}; MC ±${formatPp(h.se, L, 2)}`
        : `±${formatPp(h.se, L, 2)}`;
      lines.push(
        L === 'da'
          ? `P(merforbrug ${h.year}) = ${formatPct(h.p, L)} (${unc}), forventet forbrug ${formatMio(h.forbrugMean, L)} [80 %: ${formatNumber(h.forbrugP10, 1, L)}–${formatNumber(h.forbrugP90, 1, L)}] – ${h.scenario}`
          : `P(overspend ${h.year}) = ${formatPct(h.p, L)} (${unc}), expected spending ${formatMio(h.forbrugMean, L)} [80%: ${formatNumber(h.forbrugP10, 1, L)}–${formatNumber(h.forbrugP90, 1, L)}] – ${h.scenario}`,
      );
    }
    // figures of a --data file that says they are made up: the headline line says so (a line of its own without one)
    const ill = illustrativeSentence(report.model, true);
    if (ill && h) lines[lines.length - 1] += ` – ${ill}`;
    else if (ill) lines.push(ill);
    const { kExtrapolationSentence, opsparingSentence } = await import('../../report/summary.js');
    const kx = kExtrapolationSentence(report.model);
    if (kx) lines.push(kx);
    const ops = opsparingSentence(report.model);
    if (ops) lines.push(ops);
    for (const u of report.model.unavailable)
      lines.push(`${L === 'da' ? 'ikke tilgængelig' : 'not available'}: ${u.section}: ${u.reason}`);
    const main = written.filter((w) => /report\.(html|md|xlsx)$|manifest\.json$/.test(w));
    lines.push(
      `${L === 'da' ? 'skrev' : 'wrote'} ${written.length} ${L === 'da' ? 'filer' : 'files'} (${main.join(', ')}, ${written.length - main.length} ${L === 'da' ? 'grafer' : 'charts'}) ${L === 'da' ? 'på' : 'in'} ${formatNumber((performance.now() - t0) / 1000, 1, L)} s`,
    );
    process.stdout.write(lines.join('\n') + '\n');
  },
};
