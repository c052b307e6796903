import type { CommandModule } from 'yargs';

const METHODS = ['auto', 'naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb'] as const;

/** Parse `--levels 80,95`. */
function parseLevels(s: unknown, UsageError: new (m: string) => Error): number[] {
  const parts = String(s ?? '80,95').split(',').map((x) => x.trim()).filter(Boolean);
  const lv = parts.map(Number);
  if (!lv.length || lv.some((l) => !(l > 0 && l < 100))) throw new UsageError(`--levels must be comma-separated percentages between 0 and 100, e.g. 80,95 (got ${String(s)})`);
  return lv;
}

/** The bundled dataset, or with series from `--data FILE` added (loaders imported only then). */
async function dataset(argv: { data?: string[]; locale?: 'da' | 'en' }) {
  const files = argv.data ?? [];
  if (!files.length) return (await import('../../data/bundled.js')).loadBundled();
  const { loadDataset } = await import('../../data/load.js');
  return loadDataset({ files, locale: argv.locale });
}

const DATA_OPT = { type: 'string', array: true, describe: 'Også serier fra denne fil (CSV/XLSX/JSON) / also load series from this file' } as const;
const LOCALE_OPT = { choices: ['da', 'en'] as const, describe: 'Talformat i --data filer / number format of --data files' };

function checkHorizon(h: unknown, UsageError: new (m: string) => Error): number {
  const n = Number(h);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new UsageError(`--horizon must be a whole number from 1 to 100 (got ${String(h)})`);
  return n;
}

/** `viso forecast <series>`: forecast one bundled series with intervals. */
export const forecastCommand: CommandModule<any, any> = {
  command: 'forecast <series>',
  describe: 'Prognose for én serie med usikkerhedsintervaller / forecast one series',
  builder: (y) =>
    y
      .positional('series', { type: 'string', describe: 'Serie-id, fx viso.raadgivning.forbrug' })
      .option('horizon', { type: 'number', default: 3, describe: 'Antal år frem / years ahead' })
      .option('method', { choices: METHODS, default: 'auto' as const, describe: 'Metode / method' })
      .option('levels', { type: 'string', default: '80,95', describe: 'Intervalniveauer i % / interval levels' })
      .option('from', { type: 'number', describe: 'Første år der bruges / first year used' })
      .option('data', DATA_OPT)
      .option('locale', LOCALE_OPT)
      .option('json', { type: 'boolean', default: false, describe: 'JSON output' }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    const { forecastSeries } = await import('../../forecast/series.js');
    const { formatNumber } = await import('../../format/number.js');
    const { localizeForecastText } = await import('../../forecast/describe.js');
    const levels = parseLevels(argv.levels, UsageError);
    const horizon = checkHorizon(argv.horizon, UsageError);
    const s = (await dataset(argv as { data?: string[]; locale?: "da" | "en" })).get(String(argv.series));
    const f = forecastSeries(s, { horizon, method: argv.method, levels, from: argv.from });
    if (argv.json) {
      const { dist: _d, ...rest } = f;
      process.stdout.write(JSON.stringify({ series: s.id, unit: s.unit, ...rest }, null, 2) + '\n');
      return;
    }
    const lang = argv.lang as 'da' | 'en';
    const da = lang === 'da';
    const dec = s.unit === 'mio. kr.' ? 1 : 0;
    const head = [da ? 'År' : 'Year', da ? 'Prognose' : 'Forecast', ...levels.flatMap((l) => [`${l} % ${da ? 'lav' : 'low'}`, `${l} % ${da ? 'høj' : 'high'}`])];
    const rows = f.years.map((yr, i) => [String(yr), formatNumber(f.point[i], dec, lang), ...f.intervals.flatMap((iv) => [formatNumber(iv.lower[i], dec, lang), formatNumber(iv.upper[i], dec, lang)])]);
    const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
    const out = [
      `${s.id} (${s.unit})`,
      `Model: ${localizeForecastText(f.model.description, lang)}`,
      ...(f.note ? [`${da ? 'Bemærk' : 'Note'}: ${localizeForecastText(f.note, lang)}`] : []),
      '',
      line(head),
      ...rows.map(line),
      '',
    ];
    process.stdout.write(out.join('\n'));
  },
};

/** `viso forecast-batch`: many series from a long CSV. */
export const forecastBatchCommand: CommandModule<any, any> = {
  command: 'forecast-batch',
  describe: 'Prognoser for mange serier fra lang CSV (id,t,value[,split]) / batch forecasts',
  builder: (y) =>
    y
      .option('input', { type: 'string', demandOption: true, describe: 'Input CSV: id,t,value[,split]' })
      .option('out', { type: 'string', demandOption: true, describe: 'Output CSV: id,method,h,point,lo80,hi80,lo95,hi95' })
      .option('horizon', { type: 'number', default: 6, describe: 'Antal perioder frem / steps ahead' })
      .option('method', { choices: METHODS, default: 'auto' as const, describe: 'Metode / method' })
      .option('levels', { type: 'string', default: '80,95', describe: 'Intervalniveauer i % / interval levels' }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    const { readFileSync } = await import('node:fs');
    const { parseLongCsv, forecastBatch } = await import('../../forecast/batch.js');
    const { writeFileAtomic } = await import('../../io/write.js');
    const levels = parseLevels(argv.levels, UsageError);
    const horizon = checkHorizon(argv.horizon, UsageError);
    let text: string;
    try {
      text = readFileSync(String(argv.input), 'utf8');
    } catch {
      throw new UsageError(`cannot read --input ${String(argv.input)}`);
    }
    const series = parseLongCsv(text, String(argv.input));
    const r = forecastBatch(series, { horizon, method: argv.method, levels });
    writeFileAtomic(String(argv.out), r.csv);
    for (const p of r.problems) process.stderr.write(`viso forecast-batch: ${p}\n`);
    process.stderr.write(`${series.length} series, ${r.problems.length} with fallback or skipped → ${String(argv.out)}\n`);
  },
};

/** `viso backtest <series>`: rolling-origin evaluation of one or more methods. */
export const backtestCommand: CommandModule<any, any> = {
  command: 'backtest <series>',
  describe: 'Rullende backtest af prognosemetoder på en serie / rolling-origin backtest',
  builder: (y) =>
    y
      .positional('series', { type: 'string', describe: 'Serie-id' })
      .option('method', { type: 'string', default: 'naive,drift,ses,damped,ets,arima,theta,dotm,comb,auto', describe: 'Metode(r), kommasepareret / method(s)' })
      .option('horizon', { type: 'number', default: 3, describe: 'Antal år frem / years ahead' })
      .option('min-train', { type: 'number', describe: 'Mindste antal år i første træning / first training length' })
      .option('from', { type: 'number', describe: 'Første år der bruges / first year used' })
      .option('data', DATA_OPT)
      .option('locale', LOCALE_OPT)
      .option('json', { type: 'boolean', default: false, describe: 'JSON output' }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    const { fitWindow } = await import('../../forecast/series.js');
    const { backtest } = await import('../../forecast/backtest.js');
    const { formatNumber, formatPct } = await import('../../format/number.js');
    const horizon = checkHorizon(argv.horizon, UsageError);
    const methods = String(argv.method).split(',').map((m) => m.trim());
    for (const m of methods) if (!(METHODS as readonly string[]).includes(m)) throw new UsageError(`unknown method ${JSON.stringify(m)} (expected ${METHODS.join(', ')})`);
    const s = (await dataset(argv as { data?: string[]; locale?: "da" | "en" })).get(String(argv.series));
    const w = fitWindow(s, argv.from);
    // years filled in for fitting (the 2021 gap) are neither scored nor used as an origin
    const seen = new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
    const observed = w.years.map((y) => seen.has(y));
    const results = methods.map((m) => backtest(w.values, { method: m as never, horizon, minTrain: argv['min-train'], observed }));
    if (argv.json) {
      process.stdout.write(JSON.stringify({ series: s.id, years: w.years, notes: w.notes, results }, null, 2) + '\n');
      return;
    }
    const lang = argv.lang as 'da' | 'en';
    const da = lang === 'da';
    const head = [da ? 'Metode' : 'Method', 'h', da ? 'Antal' : 'Count', 'sMAPE', 'MASE', 'MSIS95', da ? 'Dækning 80' : 'Cover 80', da ? 'Dækning 95' : 'Cover 95'];
    const rows: string[][] = [];
    const sorted = [...results].sort((a, b) => a.overall.mase - b.overall.mase);
    for (const r of sorted) {
      rows.push([r.method, da ? 'alle' : 'all', String(r.details.length), formatNumber(r.overall.smape, 1, lang), formatNumber(r.overall.mase, 2, lang), formatNumber(r.overall.msis, 1, lang), formatPct(r.overall.coverage['80'], lang, 0), formatPct(r.overall.coverage['95'], lang, 0)]);
      for (const b of r.byHorizon) rows.push(['', String(b.h), String(b.count), formatNumber(b.smape, 1, lang), formatNumber(b.mase, 2, lang), formatNumber(b.msis, 1, lang), formatPct(b.coverage['80'], lang, 0), formatPct(b.coverage['95'], lang, 0)]);
    }
    const wd = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(wd[j]) : c.padStart(wd[j]))).join('  ');
    const first = results[0];
    const out = [
      `${s.id}: ${da ? 'rullende backtest, voksende vindue' : 'rolling-origin backtest, expanding window'} (${w.years[0]}–${w.years[w.years.length - 1]}, ${da ? 'første træning' : 'first training'} ${first.minTrain} ${da ? 'år' : 'years'}, ${first.origins} ${da ? 'startpunkter' : 'origins'})`,
      ...(w.notes.length ? [`Note: ${w.notes.join('; ')}`] : []),
      '',
      line(head),
      ...rows.map(line),
      '',
      da ? `Bedst (laveste MASE): ${sorted[0].method}` : `Best (lowest MASE): ${sorted[0].method}`,
      '',
    ];
    process.stdout.write(out.join('\n'));
  },
};
