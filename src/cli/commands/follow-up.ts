/**
 * `viso follow-up --actuals FILE`: in-year follow-up from monthly (or quarterly) actuals to the
 * forventet regnskab with intervals, P(merforbrug), the afvigelsesforklaring and the backtest.
 * Only yargs types are imported statically; the engine is loaded inside the handler.
 */
import type { CommandModule } from 'yargs';

interface FollowUpArgs {
  lang: 'da' | 'en';
  actuals: string;
  year?: number;
  scenario?: string;
  bevilling?: number;
  opsparing?: number;
  'budget-forloeb'?: number;
  runs?: number;
  seed?: number;
  locale?: 'da' | 'en';
  model?: string;
  timing?: string;
  json: boolean;
  out?: string;
  chart?: string;
  backtest: boolean;
}

/** `viso follow-up`. */
export const followUpCommand: CommandModule<any, any> = {
  command: 'follow-up',
  describe: 'Opfølgning i året: månedstal → forventet regnskab, P(merforbrug), afvigelsesforklaring / in-year follow-up',
  builder: (y) =>
    y
      .option('actuals', { type: 'string', demandOption: true, describe: 'Månedstal (CSV/XLSX/JSON): måned, forbrug, henvendelser, startede forløb[, indgåede aftaler, budget]' })
      .option('year', { type: 'number', describe: 'Løbende år når filen dækker flere år (standard: filens seneste)' })
      .option('scenario', { type: 'string', describe: 'Scenarie som prior (standard: models/followup.yaml, baseline; "none" = ingen)' })
      .option('bevilling', { type: 'number', describe: 'Årets bevilling, mio. kr. (standard: filens budget, data eller scenariet)' })
      .option('opsparing', { type: 'number', describe: 'Brugbar opsparing, mio. kr. (standard: models/followup.yaml: saldoen året før efter budgetreglerne i models/budget.yaml)' })
      .option('budget-forloeb', { type: 'number', describe: 'Budgetteret antal forløb i året (standard: scenariets median)' })
      .option('runs', { type: 'number', describe: 'Monte Carlo-træk (standard: models/followup.yaml)' })
      .option('seed', { type: 'number', describe: 'Seed (standard: models/followup.yaml)' })
      .option('locale', { choices: ['da', 'en'] as const, describe: 'Talformat i filen, hvis det ikke kan afgøres' })
      .option('model', { type: 'string', describe: 'Antagelser (standard: models/followup.yaml)' })
      .option('timing', { type: 'string', describe: 'Forløbenes varighed og startprofil (standard: models/timing.yaml)' })
      .option('json', { type: 'boolean', default: false, describe: 'JSON output' })
      .option('out', { type: 'string', describe: 'Tabellerne som XLSX (FILE.xlsx)' })
      .option('chart', { type: 'string', describe: 'Grafen: .svg, .png eller .vl.json' })
      .option('backtest', { type: 'boolean', default: true, describe: 'Backtest måned for måned over filens tidligere år (--no-backtest: spring over)' })
      .example('$0 follow-up --actuals data/viso-monthly-illustrative.csv', 'forventet regnskab 2025 (illustrative data)')
      .example('$0 follow-up --actuals mine.xlsx --bevilling 161.2 --opsparing 5 --out opfoelgning.xlsx --chart fan.svg', 'own file, tables and chart'),
  handler: async (argv) => {
    const a = argv as unknown as FollowUpArgs;
    const { UsageError } = await import('../../errors.js');
    const check = (name: string, v: number | undefined, ok: (x: number) => boolean, what: string) => {
      if (v !== undefined && !(Number.isFinite(v) && ok(v))) throw new UsageError(`--${name} must be ${what}, got ${v}`);
    };
    check('year', a.year, (x) => Number.isInteger(x) && x >= 1990 && x <= 2100, 'a year 1990–2100');
    check('bevilling', a.bevilling, (x) => x > 0, 'a positive amount in mio. kr.');
    check('opsparing', a.opsparing, (x) => x >= 0, 'an amount ≥ 0 in mio. kr.');
    check('budget-forloeb', a['budget-forloeb'], (x) => x > 0, 'a positive number of forløb');
    check('runs', a.runs, (x) => Number.isInteger(x) && x >= 1000 && x <= 10_000_000, 'a whole number from 1.000 to 10.000.000');
    check('seed', a.seed, (x) => Number.isInteger(x) && x >= 0 && x <= 4294967295, 'an integer from 0 to 4294967295');
    if (a.out !== undefined && !a.out.toLowerCase().endsWith('.xlsx')) throw new UsageError(`--out must end in .xlsx, got ${a.out}`);
    const chartFormat = a.chart === undefined ? undefined : a.chart.endsWith('.vl.json') ? 'vl.json' : a.chart.endsWith('.svg') ? 'svg' : a.chart.endsWith('.png') ? 'png' : undefined;
    if (a.chart !== undefined && !chartFormat) throw new UsageError(`--chart must end in .svg, .png or .vl.json, got ${a.chart}`);

    const { loadBundled } = await import('../../data/bundled.js');
    const { readMonthlyActuals } = await import('../../followup/actuals.js');
    const { followUp } = await import('../../followup/model.js');
    const { loadFollowUpAssumptions } = await import('../../followup/assumptions.js');
    const { loadTimingAssumptions } = await import('../../cost/timingAssumptions.js');
    const ds = loadBundled();
    const assumptions = loadFollowUpAssumptions(a.model);
    const timing = loadTimingAssumptions(a.timing);
    const actuals = await readMonthlyActuals(a.actuals, { reference: ds, ...(a.locale ? { locale: a.locale } : {}), ...(a.year !== undefined ? { year: a.year } : {}) });
    const result = await followUp(actuals, {
      assumptions,
      timing,
      dataset: ds,
      backtest: a.backtest,
      ...(a.year !== undefined ? { year: a.year } : {}),
      ...(a.scenario !== undefined ? { scenario: a.scenario } : {}),
      ...(a.bevilling !== undefined ? { bevilling: a.bevilling } : {}),
      ...(a.opsparing !== undefined ? { opsparing: a.opsparing } : {}),
      ...(a['budget-forloeb'] !== undefined ? { budgetForloeb: a['budget-forloeb'] } : {}),
      ...(a.runs !== undefined ? { runs: a.runs } : {}),
      ...(a.seed !== undefined ? { seed: a.seed } : {}),
    });
    // everything is computed before anything is written
    const files: [string, string | Uint8Array][] = [];
    if (a.out) {
      const { followUpXlsx } = await import('../../report/followup.js');
      files.push([a.out, await followUpXlsx(result, a.lang)]);
    }
    if (a.chart && chartFormat) {
      const { followUpChart } = await import('../../report/charts/followup.js');
      const { renderChart } = await import('../../report/render.js');
      const spec = followUpChart({ year: result.year, asOf: result.asOf, months: result.months, bevilling: result.bevilling, opsparing: result.opsparing, illustrative: result.illustrative }, { lang: a.lang });
      files.push([a.chart, await renderChart(spec, chartFormat)]);
    }
    const { writeFileAtomic } = await import('../../io/write.js');
    for (const [path, data] of files) writeFileAtomic(path, data);
    if (a.json) process.stdout.write(JSON.stringify(result, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n');
    else {
      const { formatFollowUp } = await import('../../report/followup.js');
      process.stdout.write(formatFollowUp(result, a.lang));
      for (const [path] of files) process.stdout.write(`${a.lang === 'da' ? 'skrev' : 'wrote'} ${path}\n`);
    }
  },
};
