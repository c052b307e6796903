import type { CommandModule } from 'yargs';
import type { Msg } from '../../text/messages.js';
import { h, cmdLine, pos } from '../text.js';

/** The CLI's usage error (imported with the handler: start-up stays light). */
type UsageErrorClass = new (m: Msg) => Error;
import { cliDataset } from '../data-option.js';

const METHODS = [
  'auto',
  'naive',
  'drift',
  'ses',
  'holt',
  'damped',
  'ets',
  'arima',
  'theta',
  'dotm',
  'comb',
  'global',
  'ensemble',
] as const;

/** Parse `--levels 80,95`. */
function parseLevels(s: unknown, UsageError: UsageErrorClass): number[] {
  const parts = String(s ?? '80,95')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const lv = parts.map(Number);
  if (!lv.length || lv.some((l) => !(l > 0 && l < 100)))
    throw new UsageError({ code: 'opt.levels', params: { got: String(s) } });
  return lv;
}

/** The bundled dataset, or with the `--data` files merged in per (series, year) (changes listed on stderr; `--map` for labels). */
async function dataset(argv: { data?: string[]; locale?: 'da' | 'en'; map?: string; lang?: unknown }) {
  return cliDataset(argv, argv.lang === 'en' ? 'en' : 'da');
}

// the help texts are read when the command's options are declared (after main.ts has set the language)
const MAP_OPT = () => ({ type: 'string', describe: h('cli.opt.map') }) as const;
const DATA_OPT = () => ({ type: 'string', array: true, describe: h('cli.opt.dataMerge') }) as const;
const LOCALE_OPT = () => ({ choices: ['da', 'en'] as const, describe: h('cli.opt.locale') });

function checkHorizon(h: unknown, UsageError: UsageErrorClass): number {
  const n = Number(h);
  if (!Number.isInteger(n) || n < 1 || n > 100)
    throw new UsageError({ code: 'opt.horizon', params: { max: 100, got: String(h) } });
  return n;
}

/** `viso forecast --hierarchy NAME`: reconciled forecasts of a hierarchy, a Danish table by default. */
async function hierarchyHandler(argv: Record<string, any>, UsageError: UsageErrorClass): Promise<void> {
  const { forecastHierarchy } = await import('../../forecast/hierarchy.js');
  const { yearRanges } = await import('../../data/present.js');
  const { formatNumber, formatPct } = await import('../../text/number.js');
  const { modelText, notesText } = await import('../../report/forecastText.js');
  const { sayMsg } = await import('../../text/messages.js');
  const levels = parseLevels(argv.levels, UsageError);
  const horizon = Number(argv.horizon);
  if (!Number.isInteger(horizon) || horizon < 1 || horizon > 20)
    throw new UsageError({ code: 'opt.horizonHierarchy', params: { max: 20, got: String(argv.horizon) } });
  const h = forecastHierarchy(await dataset(argv as { data?: string[]; locale?: 'da' | 'en' }), {
    hierarchy: argv.hierarchy,
    measure: argv.measure,
    horizon,
    runs: Number(argv.runs),
    seed: Number(argv.seed),
    method: argv.method,
    levels,
  });
  if (argv.json) {
    const nodes = h.nodes.map(({ paths, ...n }) => {
      const { descriptionMsg: _d, notes, ...base } = n.base;
      const node = { ...n, base: { ...base, ...(notes ? { note: notesText(notes, 'en') } : {}) } };
      return argv.paths ? { ...node, paths: Array.from(paths) } : node;
    });
    process.stdout.write(
      JSON.stringify(
        {
          ...h,
          nodes,
          notes: h.notes.map((m) => ({ da: sayMsg(m, 'da'), en: sayMsg(m, 'en') })),
          pathsLayout: argv.paths ? 'runs × years, row-major: paths[r * years.length + i]' : 'omitted (use --paths)',
        },
        null,
        2,
      ) + '\n',
    );
    return;
  }
  const lang = argv.lang as 'da' | 'en';
  const da = lang === 'da';
  const dec = h.unit === 'mio. kr.' ? 1 : 0;
  const num = (x: number): string => formatNumber(x, dec, lang);
  const head = [
    da ? 'År' : 'Year',
    da ? 'Serie' : 'Series',
    da ? 'Egen prognose' : 'Own forecast',
    da ? 'Afstemt' : 'Reconciled',
    ...levels.flatMap((l) => [`${l} % ${da ? 'lav' : 'low'}`, `${l} % ${da ? 'høj' : 'high'}`]),
    da ? 'Andel' : 'Share',
  ];
  const rows: string[][] = [];
  h.years.forEach((yr, t) => {
    for (const n of h.nodes) {
      rows.push([
        n === h.nodes[0] ? String(yr) : '',
        n.label[lang],
        num(n.base.point[t]),
        num(n.point[t]),
        ...n.intervals.flatMap((iv) => [num(iv.lower[t]), num(iv.upper[t])]),
        formatPct(h.nodes[0].point[t] > 0 ? n.point[t] / h.nodes[0].point[t] : NaN, lang, 1),
      ]);
    }
  });
  const w = head.map((c, j) => Math.max(c.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]): string => r.map((c, j) => (j < 2 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
  const unit =
    h.unit === 'count' ? (da ? 'antal' : 'count') : h.unit === 'mio. kr.' ? (da ? 'mio. kr.' : 'DKK m') : h.unit;
  const title = `${h.nodes[0].label[lang]} = ${h.nodes
    .slice(1)
    .map((n) => n.label[lang])
    .join(' + ')}`;
  const e = (x: number): string => {
    if (x === 0) return '0';
    const p = Math.floor(Math.log10(x));
    return `${formatNumber(x / 10 ** p, 1, lang)} × 10^${p}`;
  };
  const out = [
    `${da ? 'Hierarki' : 'Hierarchy'} ${h.hierarchy}${h.hierarchy === 'konto' ? ` (${h.measure})` : ''}: ${title} (${unit}); ${formatNumber(h.runs, 0, lang)} ${da ? 'kørsler' : 'runs'}, seed ${h.seed}`,
    '',
    line(head),
    ...rows.map(line),
    '',
    da
      ? `Sammenhæng: største |i alt − sum af delserier| ${e(h.coherence.points)} i de afstemte punkter og ${e(h.coherence.paths)} i de simulerede kørsler (data ${yearRanges(h.coherence.observed.years)}: ${num(h.coherence.observed.maxAbs)}).`
      : `Coherence: largest |total − sum of children| ${e(h.coherence.points)} in the reconciled points and ${e(h.coherence.paths)} in the simulated runs (data ${yearRanges(h.coherence.observed.years)}: ${num(h.coherence.observed.maxAbs)}).`,
    `${da ? 'Bemærk' : 'Notes'}:`,
    ...h.notes.map((n) => `- ${sayMsg(n, lang)}`),
    ...h.nodes.map(
      (n) =>
        `- ${n.label[lang]}: ${modelText(n.base, lang)}${n.base.notes ? ` (${notesText(n.base.notes, lang)})` : ''}`,
    ),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

/** `viso forecast <series>`: forecast one bundled series with intervals; `--hierarchy` forecasts a hierarchy coherently. */
export const forecastCommand: CommandModule<any, any> = {
  get command() {
    return cmdLine('forecast [series]');
  },
  get describe() {
    return h('cmd.forecast');
  },
  builder: (y) =>
    y
      .positional(pos('series'), { type: 'string', describe: h('cmd.forecast.series') })
      .option('hierarchy', {
        choices: ['henvendelser', 'forloeb', 'konto'] as const,
        describe: h('cmd.forecast.hierarchy'),
      })
      .option('measure', { choices: ['forbrug', 'bevilling'] as const, describe: h('cmd.forecast.measure') })
      .option('runs', { type: 'number', default: 10000, describe: h('cmd.forecast.runs') })
      .option('seed', { type: 'number', default: 1, describe: h('cmd.forecast.seed') })
      .option('paths', { type: 'boolean', default: false, describe: h('cmd.forecast.paths') })
      .option('horizon', { type: 'number', default: 3, describe: h('cmd.forecast.horizon') })
      .option('method', { choices: METHODS, default: 'auto' as const, describe: h('cmd.forecast.method') })
      .option('levels', { type: 'string', default: '80,95', describe: h('cmd.forecast.levels') })
      .option('from', { type: 'number', describe: h('cmd.forecast.from') })
      .option('data', DATA_OPT())
      .option('locale', LOCALE_OPT())
      .option('map', MAP_OPT())
      .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    if (argv.hierarchy !== undefined) {
      if (argv.series !== undefined)
        throw new UsageError({
          code: 'opt.seriesOrHierarchy',
          params: { series: String(argv.series), hierarchy: String(argv.hierarchy) },
        });
      return hierarchyHandler(argv, UsageError);
    }
    if (argv.series === undefined) throw new UsageError({ code: 'opt.needSeries' });
    for (const k of ['measure', 'paths'] as const)
      if (argv[k] !== undefined && argv[k] !== false)
        throw new UsageError({ code: 'opt.onlyWithHierarchy', params: { name: k } });
    const { forecastSeries } = await import('../../forecast/series.js');
    const { formatNumber } = await import('../../text/number.js');
    const { modelText, notesText, forecastJsonWords } = await import('../../report/forecastText.js');
    const { unitLabel } = await import('../../report/dataText.js');
    const levels = parseLevels(argv.levels, UsageError);
    const horizon = checkHorizon(argv.horizon, UsageError);
    const s = (await dataset(argv as { data?: string[]; locale?: 'da' | 'en' })).get(String(argv.series));
    const f = forecastSeries(s, { horizon, method: argv.method, levels, from: argv.from });
    // how often the same method's intervals held this series' own later values (the first level)
    const { seriesTrackRecord } = await import('../../forecast/backtest.js');
    const rec = seriesTrackRecord(s, { method: argv.method, level: levels[0], from: argv.from });
    if (argv.json) {
      const { dist: _d, notes, ...rest } = f;
      const note = notes ? { note: notesText(notes, 'en') } : {};
      const trackRecord = rec ? { trackRecord: rec } : {};
      process.stdout.write(
        JSON.stringify({ series: s.id, unit: s.unit, ...rest, ...note, ...trackRecord }, forecastJsonWords, 2) + '\n',
      );
      return;
    }
    const lang = argv.lang as 'da' | 'en';
    const da = lang === 'da';
    const dec = s.unit === 'mio. kr.' ? 1 : 0;
    const head = [
      da ? 'År' : 'Year',
      da ? 'Prognose' : 'Forecast',
      ...levels.flatMap((l) => [`${l} % ${da ? 'lav' : 'low'}`, `${l} % ${da ? 'høj' : 'high'}`]),
    ];
    const rows = f.years.map((yr, i) => [
      String(yr),
      formatNumber(f.point[i], dec, lang),
      ...f.intervals.flatMap((iv) => [formatNumber(iv.lower[i], dec, lang), formatNumber(iv.upper[i], dec, lang)]),
    ]);
    const w = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(w[j]) : c.padStart(w[j]))).join('  ');
    const { binomialInterval } = await import('../../stats/scores.js');
    const { say } = await import('../../text/messages.js');
    const record = rec
      ? say(
          'forecast.trackRecord',
          {
            level: rec.level,
            hits: rec.hits,
            n: rec.n,
            h: rec.horizon,
            from: rec.firstYear,
            series: s.id,
            method: argv.method,
            fromOpt: argv.from !== undefined ? ` --from ${argv.from}` : '',
            narrow:
              binomialInterval(rec.hits, rec.n)[1] < rec.level / 100
                ? say('forecast.trackRecordNarrow', { level: rec.level }, lang)
                : '',
          },
          lang,
        )
      : undefined;
    const out = [
      // the unit in Danish words (antal, pct.); the English header keeps the unit as it always read
      `${s.id} (${da ? unitLabel(s.unit, lang) : s.unit})`,
      `Model: ${modelText(f.model, lang)}`,
      ...(f.notes ? [`${da ? 'Bemærk' : 'Note'}: ${notesText(f.notes, lang)}`] : []),
      '',
      line(head),
      ...rows.map(line),
      '',
      ...(record ? [record, ''] : []),
    ];
    process.stdout.write(out.join('\n'));
  },
};

/** `viso forecast-batch`: many series from a long CSV, streamed through worker threads. */
export const forecastBatchCommand: CommandModule<any, any> = {
  command: 'forecast-batch',
  get describe() {
    return h('cmd.batch');
  },
  builder: (y) =>
    y
      .option('input', { type: 'string', nargs: 1, demandOption: true, describe: h('cmd.batch.input') })
      .option('out', { type: 'string', demandOption: true, describe: h('cmd.batch.out') })
      .option('horizon', { type: 'number', default: 6, describe: h('cmd.batch.horizon') })
      .option('method', { choices: METHODS, default: 'auto' as const, describe: h('cmd.forecast.method') })
      .option('levels', { type: 'string', default: '80,95', describe: h('cmd.forecast.levels') })
      .option('threads', { type: 'number', describe: h('cmd.batch.threads') })
      .option('report', { type: 'string', describe: h('cmd.batch.report') })
      .option('raw-ids', { type: 'boolean', default: false, describe: h('cmd.batch.rawIds') })
      .option('progress', { type: 'boolean', describe: h('cmd.batch.progress') }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    const { runBatch } = await import('../../forecast/batch-run.js');
    const { batchSummaryText, moreProblemsText, problemLine, problemReason, progressText } =
      await import('../../report/forecastText.js');
    const { writeRaw } = await import('../../io/terminal.js');
    const levels = parseLevels(argv.levels, UsageError);
    const horizon = checkHorizon(argv.horizon, UsageError);
    const lang = argv.lang as 'da' | 'en';
    const file = String(argv.input) === '-' ? 'stdin' : String(argv.input);
    const MAX_SHOWN = 200;
    let shown = 0;
    let hidden = 0;
    const tty = argv.progress ?? Boolean(process.stderr.isTTY);
    let lastDraw = -Infinity; // the first frame at once (a short run would otherwise end before 200 ms and show none), then at most every 200 ms
    let drawn = false;
    const clear = (): void => {
      if (drawn) writeRaw(process.stderr, '\r\x1b[K');
      drawn = false;
    };
    // the shared run options check --threads (1–64): that many worker threads (the API's threads: 0 runs on the calling thread)
    const threads = argv.threads === undefined ? undefined : Number(argv.threads);
    const s = await runBatch({
      input: String(argv.input),
      out: String(argv.out),
      report: argv.report === undefined ? undefined : String(argv.report),
      horizon,
      method: argv.method,
      levels,
      rawIds: Boolean(argv['raw-ids']),
      threads,
      reason: (p) => problemReason(p, lang),
      onProblem: (p) => {
        if (shown >= MAX_SHOWN) return void hidden++;
        shown++;
        clear();
        process.stderr.write(`viso forecast-batch: ${problemLine(file, p, lang)}\n`);
      },
      onProgress: (p) => {
        if (!tty || p.elapsedMs - lastDraw < 200) return;
        lastDraw = p.elapsedMs;
        writeRaw(process.stderr, `\r${progressText(p, lang)}\x1b[K`);
        drawn = true;
      },
    });
    clear();
    if (hidden)
      process.stderr.write(moreProblemsText(hidden, argv.report ? String(argv.report) : undefined, lang) + '\n');
    process.stderr.write(batchSummaryText(s, String(argv.out), lang) + '\n');
    // exit 3: the output is complete for every readable series, but some were skipped (see the report)
    if (s.skipped > 0 || s.orphanRows > 0) process.exitCode = 3;
  },
};

/** `viso backtest <series>`: rolling-origin evaluation of one or more methods. */
export const backtestCommand: CommandModule<any, any> = {
  get command() {
    return cmdLine('backtest <series>');
  },
  get describe() {
    return h('cmd.backtest');
  },
  builder: (y) =>
    y
      .positional(pos('series'), { type: 'string', describe: h('cmd.backtest.series') })
      .option('method', {
        type: 'string',
        default: 'naive,drift,ses,damped,ets,arima,theta,dotm,comb,auto',
        describe: h('cmd.backtest.method'),
      })
      .option('horizon', { type: 'number', default: 3, describe: h('cmd.forecast.horizon') })
      .option('min-train', { type: 'number', describe: h('cmd.backtest.minTrain') })
      .option('from', { type: 'number', describe: h('cmd.forecast.from') })
      .option('data', DATA_OPT())
      .option('locale', LOCALE_OPT())
      .option('map', MAP_OPT())
      .option('json', { type: 'boolean', default: false, describe: h('cli.opt.json') }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    const { fitWindow } = await import('../../forecast/series.js');
    const { backtest } = await import('../../forecast/backtest.js');
    const { formatNumber, formatPct } = await import('../../text/number.js');
    const { notesText, forecastJsonWords } = await import('../../report/forecastText.js');
    const horizon = checkHorizon(argv.horizon, UsageError);
    const methods = String(argv.method)
      .split(',')
      .map((m) => m.trim());
    for (const m of methods)
      if (!(METHODS as readonly string[]).includes(m))
        throw new UsageError({ code: 'opt.unknownMethod', params: { method: m, methods: METHODS.join(', ') } });
    const s = (await dataset(argv as { data?: string[]; locale?: 'da' | 'en' })).get(String(argv.series));
    const w = fitWindow(s, argv.from);
    // years filled in for fitting (the 2021 gap) are neither scored nor used as an origin
    const seen = new Set(s.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year));
    const observed = w.years.map((y) => seen.has(y));
    const results = methods.map((m) =>
      backtest(w.values, { method: m as never, horizon, minTrain: argv['min-train'], observed }),
    );
    if (argv.json) {
      process.stdout.write(
        JSON.stringify({ series: s.id, years: w.years, notes: w.notes, results }, forecastJsonWords, 2) + '\n',
      );
      return;
    }
    const lang = argv.lang as 'da' | 'en';
    const da = lang === 'da';
    const head = [
      da ? 'Metode' : 'Method',
      'h',
      da ? 'Antal' : 'Count',
      'sMAPE',
      'MAPE',
      'MASE',
      'MSIS95',
      da ? 'Dækning 80' : 'Cover 80',
      da ? 'Dækning 95' : 'Cover 95',
    ];
    const rows: string[][] = [];
    const sorted = [...results].sort((a, b) => a.overall.mase - b.overall.mase);
    for (const r of sorted) {
      rows.push([
        r.method,
        da ? 'alle' : 'all',
        String(r.details.length),
        formatNumber(r.overall.smape, 1, lang),
        formatNumber(r.overall.mape, 1, lang),
        formatNumber(r.overall.mase, 2, lang),
        formatNumber(r.overall.msis, 1, lang),
        formatPct(r.overall.coverage['80'], lang, 0),
        formatPct(r.overall.coverage['95'], lang, 0),
      ]);
      for (const b of r.byHorizon)
        rows.push([
          '',
          String(b.h),
          String(b.count),
          formatNumber(b.smape, 1, lang),
          formatNumber(b.mape, 1, lang),
          formatNumber(b.mase, 2, lang),
          formatNumber(b.msis, 1, lang),
          formatPct(b.coverage['80'], lang, 0),
          formatPct(b.coverage['95'], lang, 0),
        ]);
    }
    const wd = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(wd[j]) : c.padStart(wd[j]))).join('  ');
    const first = results[0];
    const out = [
      `${s.id}: ${da ? 'rullende backtest, voksende vindue' : 'rolling-origin backtest, expanding window'} (${w.years[0]}–${w.years[w.years.length - 1]}, ${da ? 'første træning' : 'first training'} ${first.minTrain} ${da ? 'år' : 'years'}, ${first.origins} ${da ? 'startpunkter' : 'origins'})`,
      ...(w.notes.length ? [`${da ? 'Bemærk' : 'Note'}: ${notesText(w.notes, lang)}`] : []),
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
