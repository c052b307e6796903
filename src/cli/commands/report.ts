/**
 * `viso report`: the main job. Writes the HTML, Markdown (with PNG charts) and XLSX
 * reports and manifest.json to `--out`. Only yargs types are imported statically; the
 * report engine (vega, exceljs, the scenario engine) is loaded inside the handler.
 */
import type { CommandModule } from 'yargs';
import { engineRun, runOptionFlags, type RunOptions } from '../options.js';
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
  describe: 'Write the scenario report (HTML, Markdown + PNG charts, XLSX, manifest.json)',
  builder: (y) =>
    dataOptionFlags(runOptionFlags(y, 'report'))
      .option('scenario', { type: 'string', array: true, describe: 'Scenario file or bundled id (repeatable; default: all in models/scenarios/)' })
      .option('out', { type: 'string', default: 'reports', describe: 'Output folder' })
      .option('year', { type: 'number', describe: 'Year of the headline numbers (default: base year + 2)' })
      .option('target', { type: 'number', default: 0.1, describe: 'Goal-seek target for P(merforbrug) in the headline year (0–1)' })
      .option('png', { type: 'boolean', default: true, describe: 'Render PNG charts for the Markdown report (--no-png to skip)' })
      .option('budget', { type: 'string', describe: 'Budget rules of the opsparing carried between years (default: models/budget.yaml)' })
      .option('pl', { type: 'string', describe: 'PL indices that bevilling and costs follow (default: models/pl.yaml)' })
      .option('actuals', { type: 'string', describe: 'Monthly actuals of the running year: adds the in-year follow-up section (see viso follow-up)' })
      .example('$0 report --out reports', 'the default report (Danish)')
      .example('$0 report --data mine-2025.csv', 'with your own figures (e.g. 2025) merged into the bundled data')
      .example('$0 report --scenario models/scenarios/baseline.yaml --lang en --runs 1000000', 'one scenario, English, more runs'),
  handler: async (argv) => {
    const a = argv as unknown as ReportArgs;
    if (!(a.target > 0 && a.target < 1)) {
      const { UsageError } = await import('../../errors.js');
      throw new UsageError(`--target must be a probability between 0 and 1, got ${a.target}`);
    }
    const t0 = performance.now();
    const dataset = (argv.data as string[] | undefined)?.length ? await cliDataset(argv, a.run.lang) : undefined;
    const { writeReport } = await import('../../report/build.js');
    const { headline } = await import('../../report/summary.js');
    const { formatPct, formatNumber, formatMio } = await import('../../format/number.js');
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
    if (dataset) for (const sc of report.model.scenarios) await noteBaseYear(dataset, sc.result.baseYear, sc.result.id, a.run.lang);
    const h = headline(report.model);
    const L = a.run.lang;
    const lines: string[] = [];
    if (h) {
      // the uncertainty is the model's (parameter spread); the Monte Carlo error is only noted
      const unc = h.parameter
        ? (L === 'da' ? `parameterusikkerhed ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)}; MC ±${formatNumber(h.se * 100, 2, L)} pp` : `parameter uncertainty ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)}; MC ±${formatNumber(h.se * 100, 2, L)} pp`)
        : `±${formatNumber(h.se * 100, 2, L)} pp`;
      lines.push(
        L === 'da'
          ? `P(merforbrug ${h.year}) = ${formatPct(h.p, L)} (${unc}), forventet forbrug ${formatMio(h.forbrugMean, L)} [${formatNumber(h.forbrugP10, 1, L)}; ${formatNumber(h.forbrugP90, 1, L)}] – ${h.scenario}`
          : `P(overspend ${h.year}) = ${formatPct(h.p, L)} (${unc}), expected spending ${formatMio(h.forbrugMean, L)} [${formatNumber(h.forbrugP10, 1, L)}; ${formatNumber(h.forbrugP90, 1, L)}] – ${h.scenario}`,
      );
    }
    const { opsparingSentence } = await import('../../report/summary.js');
    const ops = opsparingSentence(report.model);
    if (ops) lines.push(ops);
    for (const u of report.model.unavailable) lines.push(`${L === 'da' ? 'ikke tilgængelig' : 'not available'}: ${u.section}: ${u.reason}`);
    const main = written.filter((w) => /report\.(html|md|xlsx)$|manifest\.json$/.test(w));
    lines.push(`${L === 'da' ? 'skrev' : 'wrote'} ${written.length} ${L === 'da' ? 'filer' : 'files'} (${main.join(', ')}, ${written.length - main.length} charts) ${L === 'da' ? 'på' : 'in'} ${formatNumber((performance.now() - t0) / 1000, 1, L)} s`);
    process.stdout.write(lines.join('\n') + '\n');
  },
};
