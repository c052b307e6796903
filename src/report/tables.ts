/**
 * The report's tables, built once from the model and rendered identically to HTML,
 * Markdown and XLSX. Each cell carries its display text (Danish or English formatting)
 * and, for numbers, the raw value and an Excel number format.
 */
import { formatNumber, formatPct, formatPp, rangeText, type Lang } from '../text/number.js';
import { flagText } from './charts/theme.js';
import { label, t, type StringKey } from '../text/report.js';
import {
  assumptionKey,
  assumptionValue,
  inputLabel,
  inputNumFmt,
  inputValueText,
  sayMsg,
  term,
} from '../text/messages.js';
import type { ReportForecast, ReportModel, ReportScenario } from './model.js';
import { sourceAt } from './scenarioText.js';
import { coefficientLabel, residualHead } from './costText.js';
import { influenceLimits } from '../cost/model.js';
import { kExtrapolation, primaryScenario } from './summary.js';
import { lt } from './liveText.js';
import { glossary, GLOSSARY_TEXTS } from '../text/terms.js';

/** One table cell. */
export interface Cell {
  text: string;
  /** Raw value for spreadsheets (numbers stay numbers). */
  value?: number | string;
  /** Excel number format code for `value`. */
  numFmt?: string;
  /**
   * A range shown as one text (`27,9 %–81,9 %`): the XLSX writes it as two number cells, lower and upper,
   * with this format (HTML and Markdown show `text`).
   */
  range?: { lower: number; upper: number; numFmt: string };
  /**
   * Numbers a range cell leads with in the XLSX, each a number cell of its own before the bounds, headed
   * `header` (a coverage's hits and n, `7/7 (59 %–100 %)` in HTML and Markdown).
   */
  lead?: { header: string; value: number; numFmt: string }[];
}

/** One table of the report. */
export interface ReportTable {
  id: string;
  /** Worksheet the table goes to (string key). */
  sheet: StringKey;
  caption: string;
  columns: string[];
  /** Columns that hold numbers (right-aligned). */
  numeric: boolean[];
  rows: Cell[][];
  /** A line shown under the table (e.g. its sources). */
  note?: string;
}

const FMT = { mio: '#,##0.0', int: '#,##0', pct: '0.0%', pp: '0.00', share: '0.0%', year: '0' } as const;

/**
 * A text cell.
 *
 * @example
 * txt('Basis') // { text: 'Basis', value: 'Basis' }
 */
export function txt(s: string): Cell {
  return { text: s, value: s };
}

/**
 * A range cell: `text` for HTML and Markdown, the bounds as numbers (format `numFmt`) for the XLSX.
 *
 * @example
 * rangeCell('27,9 %–81,9 %', 0.279, 0.819, '0.0%') // { text: '27,9 %–81,9 %', range: { lower: 0.279, upper: 0.819, numFmt: '0.0%' } }
 */
export function rangeCell(text: string, lower: number, upper: number, numFmt: string): Cell {
  return Number.isFinite(lower) && Number.isFinite(upper)
    ? { text, range: { lower: Number(lower.toPrecision(12)), upper: Number(upper.toPrecision(12)), numFmt } }
    : txt(text);
}

/**
 * A range cell that leads with numbers in the XLSX (each its own number cell before the bounds; see `Cell.lead`),
 * e.g. a coverage's hits and n; a cell without a range (non-finite bounds) is left as it is.
 *
 * @example
 * withLead(rangeCell('7/7 (59 %–100 %)', 0.59, 1, '0%'), [{ header: '80 %: træf', value: 7, numFmt: '#,##0' }])
 */
export function withLead(c: Cell, lead: NonNullable<Cell['lead']>): Cell {
  return c.range ? { ...c, lead } : c;
}

/**
 * A number cell with `dec` decimals (`–` for non-finite values).
 *
 * @example
 * num(1234.5, 1, 'da') // { text: '1.234,5', value: 1234.5, numFmt: '#,##0.0' }
 */
export function num(x: number, dec: number, lang: Lang, numFmt: string = dec === 0 ? FMT.int : FMT.mio): Cell {
  return Number.isFinite(x)
    ? { text: formatNumber(x, dec, lang), value: Number(x.toPrecision(12)), numFmt }
    : { text: '–' };
}

/**
 * A share shown as a percentage.
 *
 * @example
 * pct(0.208, 'da') // { text: '20,8 %', value: 0.208, numFmt: '0.0%' }
 */
export function pct(x: number, lang: Lang, dec = 1): Cell {
  return Number.isFinite(x)
    ? { text: formatPct(x, lang, dec), value: Number(x.toPrecision(12)), numFmt: dec === 0 ? '0%' : FMT.pct }
    : { text: '–' };
}

/**
 * A year cell (no grouping).
 *
 * @example
 * yearCell(2026) // { text: '2026', value: 2026, numFmt: '0' }
 */
export function yearCell(y: number): Cell {
  return { text: String(y), value: y, numFmt: FMT.year };
}

function table(id: string, sheet: StringKey, caption: string, cols: [string, boolean][], rows: Cell[][]): ReportTable {
  return { id, sheet, caption, columns: cols.map((c) => c[0]), numeric: cols.map((c) => c[1]), rows };
}

/**
 * History of bevilling and forbrug with merforbrug, share used, flags and sources.
 *
 * @example
 * historyTable(model).rows[0][0].text // '2011'
 */
export function historyTable(m: ReportModel): ReportTable {
  const L = m.lang;
  return table(
    'history',
    'sheet.history',
    t(L, 'chart.budget.title'),
    [
      [t(L, 'col.year'), true],
      [t(L, 'col.bevilling'), true],
      [t(L, 'col.forbrug'), true],
      [t(L, 'col.merforbrug'), true],
      [t(L, 'col.share'), true],
      [t(L, 'col.flags'), false],
      [t(L, 'col.source'), false],
    ],
    m.history.budget.map((r) => [
      yearCell(r.year),
      num(r.bevilling, 1, L),
      num(r.forbrug, 1, L),
      num(Math.round((r.forbrug - r.bevilling) * 10) / 10, 1, L),
      pct(r.forbrug / r.bevilling, L),
      txt(flagText(r.flags, L)),
      txt(r.sources.join(', ')),
    ]),
  );
}

/**
 * Henvendelser and forløb (i alt) by year, with the visitation rate (forløb per henvendelse).
 *
 * @example
 * activityTable(model).columns.length // 6
 */
export function activityTable(m: ReportModel): ReportTable {
  const L = m.lang;
  const tot = (measure: string) =>
    new Map(m.history.activity.filter((r) => r.measure === measure && r.area === 'i_alt').map((r) => [r.year, r]));
  const h = tot('henvendelser');
  const f = tot('forloeb');
  const years = [...new Set([...h.keys(), ...f.keys()])].sort((a, b) => a - b);
  return table(
    'activity',
    'sheet.history',
    t(L, 'chart.activity.title'),
    [
      [t(L, 'col.year'), true],
      [t(L, 'series.henvendelser'), true],
      [t(L, 'series.forloeb'), true],
      [L === 'da' ? 'Forløb pr. henvendelse' : 'Cases per request', true],
      [t(L, 'col.flags'), false],
      [t(L, 'col.source'), false],
    ],
    years.map((y) => {
      const hv = h.get(y);
      const fv = f.get(y);
      const flags = [...new Set([...(hv?.flags ?? []), ...(fv?.flags ?? [])])];
      const src = [...new Set([...(hv?.sources ?? []), ...(fv?.sources ?? [])])];
      return [
        yearCell(y),
        num(hv?.value ?? NaN, 0, L),
        num(fv?.value ?? NaN, 0, L),
        // a ratio, as the summary (»steg fra 0,369 i 2020 til 0,416 i 2023«) and the inputs (0,4965) write it
        num(hv && fv ? fv.value / hv.value : NaN, 3, L, '0.000'),
        txt(flagText(flags, L)),
        txt(src.join(', ')),
      ];
    }),
  );
}

/**
 * Unit cost in current and fixed prices (kr. per forløb).
 *
 * @example
 * unitCostTableView(model)?.rows[0][1].text // '70.196' (kr. per forløb 2014)
 */
export function unitCostTableView(m: ReportModel): ReportTable | undefined {
  const u = m.history.unitCost;
  if (!u) return undefined;
  const L = m.lang;
  return table(
    'unitcost',
    'sheet.history',
    `${t(L, 'chart.unitcost.title')} (kr.)`,
    [
      [t(L, 'col.year'), true],
      [t(L, 'series.current'), true],
      [`${t(L, 'series.fixed')} (${u.baseYear})`, true],
      [t(L, 'col.flags'), false],
    ],
    u.rows.map((r) => [yearCell(r.year), num(r.current, 0, L), num(r.fixed, 0, L), txt(flagText(r.flags, L))]),
  );
}

/**
 * Events table (date, title, kind, source).
 *
 * @example
 * eventsTable(model).rows[0][0].text // '2018-01-01'
 */
export function eventsTable(m: ReportModel): ReportTable {
  const L = m.lang;
  return table(
    'events',
    'sheet.history',
    t(L, 'text.events'),
    [
      [t(L, 'col.date'), false],
      [t(L, 'col.event'), false],
      [t(L, 'col.kind'), false],
      [t(L, 'col.source'), false],
    ],
    m.events.map((e) => [txt(e.date), txt(e.title[L]), txt(label(L, 'kind', e.kind)), txt(e.source)]),
  );
}

/**
 * One scenario's yearly results: bevilling, forbrug (median and 80 % interval), expected
 * merforbrug, P(merforbrug) with its MC error, and the drivers' medians.
 *
 * @example
 * scenarioTable(model, model.scenarios[0]).rows.length // number of simulated years
 */
export function scenarioTable(m: ReportModel, s: ReportScenario): ReportTable {
  const L = m.lang;
  const r = s.result;
  const note = joinNote(
    `${t(L, 'text.amountsMio')} ${t(L, 'col.source')}: ${[...new Set(r.sources)].join(', ')}; ${r.runs.toLocaleString('en').replace(/,/g, L === 'da' ? '.' : ',')} ${L === 'da' ? 'kørsler' : 'runs'}, seed ${r.seed}.`,
    measureCaveats(s.measures ?? [], L),
  )!;
  return withNote(
    note,
    table(
      `scenario-${r.id}`,
      'sheet.scenarios',
      `${t(L, 'col.scenario')}: ${r.name}`,
      [
        [t(L, 'col.year'), true],
        [t(L, 'col.bevilling'), true],
        [`${t(L, 'series.bevilling')} P10`, true],
        [`${t(L, 'series.bevilling')} P90`, true],
        [t(L, 'col.forbrugMedian'), true],
        ['P10', true],
        ['P90', true],
        [t(L, 'col.expectedMerforbrug'), true],
        [lt(L, 'col.overspend'), true],
        [t(L, 'col.pMerforbrug'), true],
        [t(L, 'col.pMerforbrugSePp'), true],
        [t(L, 'col.henvendelser'), true],
        [t(L, 'col.forloeb'), true],
        [`${t(L, 'col.unitCost')} (${L === 'da' ? '1.000 kr.' : 'DKK 1,000'})`, true],
      ],
      r.years.map((y) => [
        yearCell(y.year),
        num(y.bevilling.mean, 1, L),
        num(y.bevilling.p10, 1, L),
        num(y.bevilling.p90, 1, L),
        num(y.forbrug.p50, 1, L),
        num(y.forbrug.p10, 1, L),
        num(y.forbrug.p90, 1, L),
        num(y.expectedMerforbrug, 1, L),
        num(y.expectedOverspend, 1, L),
        pct(y.pMerforbrug, L),
        num(y.pMerforbrugSe * 100, 2, L, FMT.pp),
        num(y.henvendelser.p50, 0, L),
        num(y.forloeb.p50, 0, L),
        num(y.unitCost.p50, 1, L),
      ]),
    ),
  );
}

/**
 * One scenario's opsparing per year: P(forbrug > bevilling) beside P(forbrug > bevilling + usable opsparing),
 * and the balance at the year's end (expected, 80 % interval) under the budget rules.
 *
 * @example
 * opsparingTable(model, model.scenarios[0]).rows[0].map((c) => c.text) // ['2025', '32,3 %', '0,0 %', '206,8', '…', '…']
 */
export function opsparingTable(m: ReportModel, s: ReportScenario): ReportTable {
  const L = m.lang;
  const r = s.result;
  const rules = r.assumptions.opsparing as { file?: string } | undefined;
  const start = r.inputs.find((x) => x.input === 'opsparing.start');
  const note = `${t(L, 'text.amountsMio')} ${L === 'da' ? 'Opsparing ved udgangen af' : 'Savings at the end of'} ${r.baseYear}: ${start?.source.text[L] ?? ''}; ${L === 'da' ? 'regler' : 'rules'}: ${rules?.file ?? 'models/budget.yaml'}.`;
  const sv = L === 'da' ? 'Opsparing' : 'Savings';
  return withNote(
    note,
    table(
      `opsparing-${r.id}`,
      'sheet.scenarios',
      `${sv}: ${r.name} (${t(L, 'text.driverOnly')})`,
      [
        [t(L, 'col.year'), true],
        [t(L, 'col.pMerforbrug'), true],
        [t(L, 'col.pBeyondOpsparing'), true],
        [t(L, 'col.opsparing'), true],
        [`${sv} P10`, true],
        [`${sv} P90`, true],
      ],
      r.years.map((y) => [
        yearCell(y.year),
        pct(y.pMerforbrug, L),
        pct(y.pBeyondOpsparing, L),
        num(y.opsparing.mean, 1, L),
        num(y.opsparing.p10, 1, L),
        num(y.opsparing.p90, 1, L),
      ]),
    ),
  );
}

/**
 * A forecast's numbers: point forecast and prediction intervals per year, beside the median forbrug of
 * the baseline scenario (or the first) in the same years, with a note on how the two differ (a time-series forecast of
 * the series alone against the scenario model of its drivers).
 *
 * @example
 * forecastTable(model, model.forecasts[0]).rows[0][0].text // '2025'
 */
export function forecastTable(m: ReportModel, f: ReportForecast): ReportTable {
  const L = m.lang;
  const fan = f.fan;
  const levels = [...fan.intervals].sort((a, b) => a.level - b.level);
  const dec = fan.unit === 'mio. kr.' ? 1 : 0;
  const one = f.oneForecast;
  const s = !one && f.id === 'forbrug' ? primaryScenario(m)?.result : undefined;
  const cc = fan.crossCheck;
  const cols: [string, boolean][] = [
    [t(L, 'col.year'), true],
    [one ? (L === 'da' ? 'Én prognose (median)' : 'One forecast (median)') : t(L, 'col.forecast'), true],
    ...levels.flatMap((iv): [string, boolean][] => {
      const lv = `${iv.level}${L === 'da' ? ' %' : '%'}`; // Danish puts a space before %
      return [
        [`${lv} ${t(L, 'col.low').toLowerCase()}`, true],
        [`${lv} ${t(L, 'col.high').toLowerCase()}`, true],
      ];
    }),
    ...(cc
      ? ([
          [`${cc.label} (median)`, true],
          [`${cc.label} P10`, true],
          [`${cc.label} P90`, true],
        ] as [string, boolean][])
      : []),
    ...(s ? [[t(L, 'col.scenarioMedian', { scenario: s.name }), true] as [string, boolean]] : []),
  ];
  const rows = fan.years.map((year, i) => {
    const sy = s?.years.find((y) => y.year === year);
    return [
      yearCell(year),
      num(fan.point[i], dec, L),
      ...levels.flatMap((iv) => [num(iv.lower[i], dec, L), num(iv.upper[i], dec, L)]),
      ...(cc ? [num(cc.point[i], dec, L), num(cc.lower[i], dec, L), num(cc.upper[i], dec, L)] : []),
      ...(s ? [sy ? num(sy.forbrug.p50, 1, L) : txt('–')] : []),
    ];
  });
  const note = one
    ? t(L, 'text.oneForecastNote', { k: formatNumber(one.k, 1, L), method: one.timeSeriesMethod })
    : t(L, 'text.forecastNote', { series: fan.label.toLowerCase(), method: fan.method });
  const title = one ? (L === 'da' ? 'Én prognose' : 'One forecast') : t(L, 'series.forecast');
  return withNote(
    note,
    table(
      `forecast-${f.id}`,
      'sheet.forecasts',
      `${title}: ${fan.label} (${fan.unit === 'mio. kr.' ? (L === 'da' ? 'mio. kr.' : 'DKK m') : fan.unit})`,
      cols,
      rows,
    ),
  );
}

function withNote(note: string, tb: ReportTable): ReportTable {
  return { ...tb, note };
}

/**
 * The caveats written with measures (their files' `note_da`/`note`, already in the report's language), one
 * sentence group per measure that has one; '' when none has.
 *
 * @example
 * measureCaveats([{ name: 'Ny stramning', note: 'Læs det som en øvre grænse.' }], 'da') // 'Forbehold for Ny stramning: Læs det som en øvre grænse.'
 */
export function measureCaveats(ms: readonly { name: string; note?: string }[], L: Lang): string {
  const seen = new Set<string>();
  return ms
    .filter((x) => x.note && !seen.has(x.name) && seen.add(x.name))
    .map((x) => {
      const n = x.note!.trim();
      return `${L === 'da' ? 'Forbehold for' : 'Caveat on'} ${x.name}: ${/[.!?]$/.test(n) ? n : `${n}.`}`;
    })
    .join(' ');
}

/** `note` and then `more`, when there is more. */
function joinNote(note: string | undefined, more: string): string | undefined {
  return more ? (note ? `${note} ${more}` : more) : note;
}

/**
 * All scenarios side by side in the focus year.
 *
 * @example
 * scenarioSummaryTable(model).rows.map((r) => r[0].text) // scenario names
 */
export function scenarioSummaryTable(m: ReportModel): ReportTable {
  const L = m.lang;
  const rows: ReportTable['rows'] = [];
  for (const s of m.scenarios) {
    const y = s.result.years.find((v) => v.year === m.focusYear);
    if (!y) continue;
    rows.push([
      txt(s.result.name),
      pct(y.pMerforbrug, L),
      num(y.pMerforbrugSe * 100, 2, L, FMT.pp),
      num(y.forbrug.mean, 1, L),
      num(y.forbrug.p10, 1, L),
      num(y.forbrug.p90, 1, L),
      num(y.bevilling.mean, 1, L),
      num(y.bevilling.p10, 1, L),
      num(y.bevilling.p90, 1, L),
      num(y.expectedMerforbrug, 1, L),
      num(y.expectedOverspend, 1, L),
    ]);
  }
  // the money columns say their unit in the note (only the bevilling's header names it)
  return withNote(
    t(L, 'text.amountsMio'),
    table(
      'scenario-summary',
      'sheet.summary',
      `${t(L, 'report.scenarios')} ${m.focusYear} (${t(L, 'text.driverOnly')})`,
      [
        [t(L, 'col.scenario'), false],
        [t(L, 'col.pMerforbrug'), true],
        [t(L, 'col.pMerforbrugSePp'), true],
        [t(L, 'col.expectedForbrug'), true],
        ['P10', true],
        ['P90', true],
        [t(L, 'col.bevilling'), true],
        [`${t(L, 'series.bevilling')} P10`, true],
        [`${t(L, 'series.bevilling')} P90`, true],
        [t(L, 'col.expectedMerforbrug'), true],
        [lt(L, 'col.overspend'), true],
      ],
      rows,
    ),
  );
}

/**
 * The scenarios compared year by year: P(merforbrug), expected forbrug, expected merforbrug and expected overrun
 * E[max(merforbrug, 0)] of each, with the differences against the first scenario (the primary; P in
 * percentage points), and per year the range across the scenarios.
 *
 * @example
 * scenarioCompareTable(model)?.columns[3] // 'Forskel i P (pct.-point)'
 */
export function scenarioCompareTable(m: ReportModel): ReportTable | undefined {
  if (m.scenarios.length < 2) return undefined;
  const L = m.lang;
  const first = primaryScenario(m)!;
  const ordered = [first, ...m.scenarios.filter((s) => s !== first)];
  const years = first.result.years.map((y) => y.year);
  const signed = (x: number, numFmt: string): Cell => {
    const c = num(x, 1, L, numFmt);
    return Number.isFinite(x) && Math.round(x * 10) > 0 ? { ...c, text: `+${c.text}` } : c;
  };
  const pp = (x: number) => signed(x * 100, '+0.0;-0.0;0.0');
  const diff = (x: number) => signed(x, '+#,##0.0;-#,##0.0;0.0');
  const span = (xs: number[], f: (x: number) => string, numFmt: string = FMT.mio) =>
    rangeCell(rangeText(f(Math.min(...xs)), f(Math.max(...xs)), L), Math.min(...xs), Math.max(...xs), numFmt);
  const rows: Cell[][] = [];
  for (const year of years) {
    const ys = ordered.map((s) => s.result.years.find((v) => v.year === year));
    const base = ys[0]!;
    ordered.forEach((s, i) => {
      const y = ys[i];
      if (!y) return;
      const own = i === 0;
      rows.push([
        yearCell(year),
        txt(s.result.name),
        pct(y.pMerforbrug, L),
        own ? txt('') : pp(y.pMerforbrug - base.pMerforbrug),
        num(y.forbrug.mean, 1, L),
        own ? txt('') : diff(y.forbrug.mean - base.forbrug.mean),
        num(y.expectedMerforbrug, 1, L),
        own ? txt('') : diff(y.expectedMerforbrug - base.expectedMerforbrug),
        num(y.expectedOverspend, 1, L),
        own ? txt('') : diff(y.expectedOverspend - base.expectedOverspend),
      ]);
    });
    const all = ys.filter((y): y is NonNullable<typeof y> => y !== undefined);
    rows.push([
      yearCell(year),
      txt(lt(L, 'compare.range')),
      span(
        all.map((y) => y.pMerforbrug),
        (x) => formatPct(x, L, 1),
        FMT.pct,
      ),
      txt(''),
      span(
        all.map((y) => y.forbrug.mean),
        (x) => formatNumber(x, 1, L),
      ),
      txt(''),
      span(
        all.map((y) => y.expectedMerforbrug),
        (x) => formatNumber(x, 1, L),
      ),
      txt(''),
      span(
        all.map((y) => y.expectedOverspend),
        (x) => formatNumber(x, 1, L),
      ),
      txt(''),
    ]);
  }
  return withNote(
    joinNote(
      lt(L, 'compare.note', { first: first.result.name }),
      measureCaveats(
        m.scenarios.flatMap((s) => s.measures ?? []),
        L,
      ),
    )!,
    table(
      'scenario-compare',
      'sheet.scenarios',
      lt(L, 'compare.caption', { first: first.result.name }),
      [
        [t(L, 'col.year'), true],
        [t(L, 'col.scenario'), false],
        [t(L, 'col.pMerforbrug'), true],
        [lt(L, 'col.dp'), true],
        [t(L, 'col.expectedForbrug'), true],
        [lt(L, 'col.dForbrug'), true],
        [t(L, 'col.expectedMerforbrug'), true],
        [lt(L, 'col.dMerforbrug'), true],
        [lt(L, 'col.overspend'), true],
        [lt(L, 'col.dOverspend'), true],
      ],
      rows,
    ),
  );
}

/**
 * Measures: assumed effect (mean, 80 % interval) and estimated effect (mean over the evaluated years, 95 % interval).
 *
 * @example
 * measuresTable(model).rows.length // number of measures in models/measures/
 */
export function measuresTable(m: ReportModel): ReportTable {
  const L = m.lang;
  const range = (lo: number, hi: number) =>
    rangeCell(`[${formatPct(lo, L, 1)}; ${formatPct(hi, L, 1)}]`, lo, hi, FMT.pct);
  const tb = table(
    'measures',
    'sheet.measures',
    t(L, 'report.measures'),
    [
      [t(L, 'col.measure'), false],
      [t(L, 'col.start'), false],
      [t(L, 'col.actsOn'), false],
      [t(L, 'col.assumed'), true],
      [t(L, 'col.interval'), true],
      [t(L, 'col.assumedFrom'), false],
      [t(L, 'col.estimated'), true],
      [t(L, 'col.interval95'), true],
      [t(L, 'col.source'), false],
    ],
    m.measures.map((x) => [
      txt(x.name),
      txt(x.start),
      txt(label(L, 'actsOn', x.actsOn)),
      pct(x.assumed.mean, L),
      range(x.assumed.lower, x.assumed.upper),
      txt(
        !x.assumedFrom
          ? ''
          : 'assumption' in x.assumedFrom
            ? t(L, 'text.assumedAssumption', { at: x.assumedFrom.assumption })
            : x.assumedFrom.outcome
              ? t(L, 'text.assumedEvaluationOf', {
                  id: x.assumedFrom.evaluation,
                  // mid-sentence: »effekten på rådgivningsforløb, i alt«
                  outcome: x.assumedFrom.outcome.charAt(0).toLowerCase() + x.assumedFrom.outcome.slice(1),
                })
              : t(L, 'text.assumedEvaluation', { id: x.assumedFrom.evaluation }),
      ),
      x.estimated ? pct(x.estimated.point, L) : txt('–'),
      x.estimated ? range(x.estimated.lower, x.estimated.upper) : txt(''),
      txt(x.source ?? ''),
    ]),
  );
  // the effect is at full phase-in: a measure phased in over years has less in its first (said under the table, so
  // −15 % in the table is not read as −15 % in a start year that gets half of it)
  const phased = m.measures.filter((x) => x.phaseIn.length > 1);
  const note = joinNote(
    phased.length
      ? `${t(L, 'col.phaseIn')}: ${phased.map((x) => `${x.name} ${phaseInText(x.start, x.phaseIn, L)}`).join('; ')}.`
      : undefined,
    measureCaveats(m.measures, L),
  );
  return note ? { ...tb, note } : tb;
}

/**
 * A measure's phase-in by year: `2026: 50 %, 2027–: 100 %` (full effect from the start: `100 % fra 2018`).
 *
 * @example
 * phaseInText('2026-01-01', [0.5, 1], 'da') // '2026: 50 %, 2027–: 100 %'
 */
export function phaseInText(start: string, phaseIn: readonly number[], L: Lang): string {
  const y0 = Number(start.slice(0, 4));
  const from = L === 'da' ? 'fra' : 'from';
  if (phaseIn.length === 1) return `${formatPct(phaseIn[0], L, 0)} ${from} ${y0}`;
  return phaseIn.map((s, i) => `${y0 + i}${i === phaseIn.length - 1 ? '–' : ''}: ${formatPct(s, L, 0)}`).join(', ');
}

/**
 * The verdict of each evaluated measure on its first outcome.
 *
 * @example
 * verdictTable(model).rows[0][2].text // '95 %-intervallet for effekten indeholder 0 ...'
 */
export function verdictTable(m: ReportModel): ReportTable {
  const L = m.lang;
  return table(
    'verdicts',
    'sheet.measures',
    t(L, 'col.verdict'),
    [
      [t(L, 'col.measure'), false],
      [t(L, 'col.series'), false],
      [t(L, 'col.verdict'), false],
    ],
    m.measures
      .filter((x) => x.estimated)
      .map((x) => [txt(x.name), txt(x.estimated!.outcome), txt(x.estimated!.verdict)]),
  );
}

/**
 * The what-if grid (tightening → P(merforbrug), expected forbrug).
 *
 * @example
 * whatIfTable(model)?.rows[0][1].text // P(merforbrug) without tightening, e.g. '21,0 %'
 */
export function whatIfTable(m: ReportModel): ReportTable | undefined {
  const w = m.whatIf;
  if (!w) return undefined;
  const L = m.lang;
  const tb = table(
    'whatif',
    'sheet.whatif',
    t(L, 'chart.whatif.title', {
      year: w.year,
      lever: t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation'),
    }),
    [
      [t(L, 'col.tightening'), true],
      [t(L, 'col.pMerforbrug'), true],
      [t(L, 'col.expectedForbrug'), true],
      [t(L, 'col.expectedMerforbrug'), true],
    ],
    w.grid.map((g) => [
      pct(g.tightening, L),
      pct(g.pMerforbrug, L),
      num(g.expectedForbrug, 1, L),
      num(g.expectedMerforbrug, 1, L),
    ]),
  );
  // the curve runs fewer runs a point than the headline and the goal seek: its 0 % row differs by Monte Carlo error
  return { ...tb, note: t(L, 'text.whatifRuns', { runs: formatNumber(w.runs, 0, L) }) };
}

/**
 * Sensitivity rows (tornado data).
 *
 * @example
 * sensitivityTable(model)?.rows[0][0].text // the input with the largest swing
 */
export function sensitivityTable(m: ReportModel): ReportTable | undefined {
  const s = m.sensitivity;
  if (!s) return undefined;
  const L = m.lang;
  // a parameter value in its unit (the row's label, `7,3 %`), a number cell in the XLSX
  const valueCell = (x: number | undefined, label: string | undefined, fmt = '#,##0.000'): Cell =>
    x === undefined
      ? txt(label ?? '')
      : label !== undefined && Number.isFinite(x)
        ? { text: label, value: Number(x.toPrecision(12)), numFmt: fmt }
        : num(x, 3, L, fmt);
  const tb = table(
    'sensitivity',
    'sheet.sensitivity',
    t(L, 'chart.tornado.title', { year: s.year }),
    [
      [t(L, 'col.parameter'), false],
      [`P10 (${t(L, 'col.value').toLowerCase()})`, true],
      [`P90 (${t(L, 'col.value').toLowerCase()})`, true],
      [`${t(L, 'col.merforbrug')} ${L === 'da' ? 'ved' : 'at'} P10`, true],
      [`${t(L, 'col.merforbrug')} ${L === 'da' ? 'ved' : 'at'} P90`, true],
      [L === 'da' ? 'Udsving' : 'Swing', true],
    ],
    [...s.rows]
      .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low))
      .map((r) => [
        txt(r.parameter),
        valueCell(r.lowValue, r.lowLabel, r.valueFormat),
        valueCell(r.highValue, r.highLabel, r.valueFormat),
        num(r.low, 2, L, '#,##0.00'),
        num(r.high, 2, L, '#,##0.00'),
        num(Math.abs(r.high - r.low), 2, L, '#,##0.00'),
      ]),
  );
  // fixed and unit cost are drawn together: their bars are not "one assumption, the others at their medians"
  return s.costCorrelation === undefined
    ? tb
    : { ...tb, note: t(L, 'text.tornadoJointCosts', { rho: formatNumber(s.costCorrelation, 2, L) }) };
}

/**
 * Backtest accuracy.
 *
 * @example
 * accuracyTable(model).rows[0][3].text // MAPE, e.g. '10,5 %'
 */
export function accuracyTable(m: ReportModel): ReportTable {
  const L = m.lang;
  return table(
    'accuracy',
    'sheet.accuracy',
    t(L, 'report.accuracy'),
    [
      [t(L, 'col.series'), false],
      [t(L, 'col.method'), false],
      ['h', true],
      [t(L, 'col.mape'), true],
      [t(L, 'col.coverage'), true],
      [t(L, 'col.n'), true],
    ],
    m.accuracy.map((a) => [
      txt(a.series),
      txt(a.method),
      num(a.horizon, 0, L),
      pct(a.mape, L),
      pct(a.coverage80, L, 0),
      num(a.n, 0, L),
    ]),
  );
}

/**
 * The cost model's coefficients with standard errors, 95 % intervals and p-values (R² and σ in the caption).
 *
 * @example
 * costModelTable(model)?.rows.map((r) => r[0].text) // ['Faste omkostninger før bruddet, mio. kr.', …] (Danish model, with its break)
 */
export function costModelTable(m: ReportModel): ReportTable | undefined {
  const c = m.costModel;
  if (!c) return undefined;
  const L = m.lang;
  const withBreak = c.coefficients.some((r) => /^break_\d{4}$/.test(r.name));
  const cap =
    L === 'da'
      ? `Omkostningsmodel: forbrug = fast + enhedspris × forløb (${c.prices === 'fixed' ? `faste ${c.baseYear}-priser` : 'løbende priser'}); n = ${c.n}, R² = ${formatNumber(c.r2, 2, L)}, σ = ${formatNumber(c.sigma, 1, L)} mio. kr.`
      : `Cost model: spending = fixed + unit cost × cases (${c.prices === 'fixed' ? `fixed ${c.baseYear} prices` : 'current prices'}); n = ${c.n}, R² = ${formatNumber(c.r2, 2, L)}, σ = DKK ${formatNumber(c.sigma, 1, L)}m`;
  return table(
    'cost-model',
    'sheet.accuracy',
    cap,
    [
      [L === 'da' ? 'Koefficient' : 'Coefficient', false],
      [L === 'da' ? 'Estimat' : 'Estimate', true],
      [L === 'da' ? 'Std.fejl' : 'Std. error', true],
      [L === 'da' ? '95 %' : '95%', false],
      ['p', true],
    ],
    c.coefficients.map((r) => [
      txt(coefficientLabel(r.name, L, withBreak)),
      num(r.coef, 4, L, '#,##0.0000'),
      num(r.se, 4, L, '#,##0.0000'),
      rangeCell(
        `[${formatNumber(r.lower95, 4, L)}; ${formatNumber(r.upper95, 4, L)}]`,
        r.lower95,
        r.upper95,
        '#,##0.0000',
      ),
      num(r.p, 3, L, '0.000'),
    ]),
  );
}

/**
 * The cost model's fit year by year: forbrug, fitted value and residual (mio. kr.), leverage, Cook's distance
 * and the year's data flags in words (the rows of the cost engine's diagnostics, as `viso cost` shows them).
 * The note gives the limits the cost notes flag a year by (leverage above 2p/n, Cook's D above 4/n).
 *
 * @example
 * costResidualTable(model)?.columns // ['År', 'Forbrug', 'Tilpasset', 'Residual', 'Leverage', "Cook's D", 'Flag']
 */
export function costResidualTable(m: ReportModel): ReportTable | undefined {
  const c = m.costModel;
  if (!c?.rows.length) return undefined;
  const L = m.lang;
  const head = residualHead(L);
  const p = c.coefficients.length;
  const tb = table(
    'cost-residuals',
    'sheet.accuracy',
    L === 'da'
      ? 'Omkostningsmodel: tilpasning pr. år (forbrug, tilpasset og residual i mio. kr.)'
      : 'Cost model: fit by year (spending, fitted and residual in DKK m)',
    head.map((h, i) => [h, i > 0 && i < head.length - 1] as [string, boolean]),
    c.rows.map((r) => [
      txt(String(r.year)),
      num(r.forbrug, 1, L),
      num(r.fitted, 1, L),
      num(r.residual, 1, L),
      num(r.leverage, 2, L, '0.00'),
      num(r.cooksD, 2, L, '0.00'),
      txt(r.flags.map((f) => term('flag', f, L)).join(', ')),
    ]),
  );
  const lim = influenceLimits(p, c.n);
  const lev = formatNumber(lim.leverage, 2, L);
  const cook = formatNumber(lim.cooksD, 2, L);
  tb.note =
    L === 'da'
      ? `Residual = forbrug − tilpasset. Høj leverage: over 2p/n = ${lev} (p = ${p} koefficienter, n = ${c.n} år); indflydelsesrigt år: Cook's D over 4/n = ${cook}.`
      : `Residual = spending − fitted. High leverage: above 2p/n = ${lev} (p = ${p} coefficients, n = ${c.n} years); influential year: Cook's D above 4/n = ${cook}.`;
  return tb;
}

/**
 * The headline probability under every model and its uncertainties: the one forecast (calibrated driver),
 * the driver model, the time-series forecast and naive, the parameter spread, the scenarios' range and the
 * Monte Carlo error.
 *
 * @example
 * headlineTable(model)?.rows[0][1].text // P(merforbrug) of the one forecast
 */
export function headlineTable(m: ReportModel): ReportTable | undefined {
  const f = m.oneForecast?.years.find((y) => y.year === m.focusYear);
  if (!f) return undefined;
  const L = m.lang;
  const da = L === 'da';
  // the headline's k beyond the horizons the backtest measured it on (the summary says so in full)
  const kx = kExtrapolation(m) !== undefined;
  const headNote = da ? `overskriften${kx ? '; k ekstrapoleret' : ''}` : `the headline${kx ? '; k extrapolated' : ''}`;
  const rows: Cell[][] = [
    [txt(t(L, 'bt.calibrated')), pct(f.p.forecast, L), txt(headNote)],
    [txt(t(L, 'bt.driver')), pct(f.p.driver, L), txt(da ? 'uden kalibrering' : 'without calibration')],
    [
      txt(t(L, 'bt.timeSeries')),
      pct(f.p.timeSeries, L),
      txt(da ? 'krydstjek, mod scenariets bevilling' : "cross-check, against the scenario's appropriation"),
    ],
    [
      txt(t(L, 'bt.naive')),
      pct(f.p.naive, L),
      txt(
        da
          ? 'forbrug som sidste år, mod scenariets bevilling'
          : "spending as last year, against the scenario's appropriation",
      ),
    ],
  ];
  const ps = m.parameterSpread;
  if (ps)
    rows.push([
      txt(da ? 'Parameterusikkerhed (80 %)' : 'Parameter uncertainty (80%)'),
      rangeCell(`${formatPct(ps.p10, L, 1)}–${formatPct(ps.p90, L, 1)}`, ps.p10, ps.p90, FMT.pct),
      txt(
        da
          ? `P givet parametrene, ${ps.draws} træk × ${formatNumber(ps.runsPerDraw, 0, L)} kørsler (driver-model)`
          : `P given the parameters, ${ps.draws} draws × ${formatNumber(ps.runsPerDraw, 0, L)} runs (driver model)`,
      ),
    ]);
  const inYear = m.scenarios
    .map((s) => s.result.years.find((v) => v.year === m.focusYear)?.pMerforbrug)
    .filter((x): x is number => x !== undefined);
  if (inYear.length > 1)
    rows.push([
      txt(da ? 'Scenarier (driver-model)' : 'Scenarios (driver model)'),
      rangeCell(
        `${formatPct(Math.min(...inYear), L, 1)}–${formatPct(Math.max(...inYear), L, 1)}`,
        Math.min(...inYear),
        Math.max(...inYear),
        FMT.pct,
      ),
      txt(da ? `${inYear.length} scenarier` : `${inYear.length} scenarios`),
    ]);
  rows.push([
    txt(da ? 'Monte Carlo-fejl (fodnote)' : 'Monte Carlo error (footnote)'),
    txt(`±${formatPp(f.pSe, L, 2)}`),
    txt(da ? `${formatNumber(m.oneForecast!.runs, 0, L)} kørsler` : `${formatNumber(m.oneForecast!.runs, 0, L)} runs`),
  ]);
  return table(
    'headline',
    'sheet.summary',
    da ? `P(merforbrug ${m.focusYear}): modeller og usikkerhed` : `P(overspend ${m.focusYear}): models and uncertainty`,
    [
      [da ? 'Model / usikkerhed' : 'Model / uncertainty', false],
      [t(L, 'col.pMerforbrug'), true],
      [da ? 'Note' : 'Note', false],
    ],
    rows,
  );
}

function modeLabel(L: Lang, mode: string): string {
  return t(L, mode === 'asKnown' ? 'bt.asKnown' : 'bt.withDecisions');
}

/**
 * The backtest's points: per mode, vantage and target year the actual forbrug, the one forecast's quantiles,
 * PIT and CRPS, and the CRPS of the driver, time-series and naive forecasts.
 *
 * @example
 * trackRecordTable(model)?.rows.length // scored points × modes
 */
export function trackRecordTable(m: ReportModel): ReportTable | undefined {
  const b = m.trackRecord;
  if (!b) return undefined;
  const L = m.lang;
  const da = L === 'da';
  return withNote(
    b.notes.join(' '),
    table(
      'trackrecord',
      'sheet.trackrecord',
      da
        ? `Genkørsler: forbrug (mio. kr.) mod den kalibrerede driver-model (k = ${formatNumber(b.calibration.k, 1, L)})`
        : `Replays: spending (DKK m) against the calibrated driver model (k = ${formatNumber(b.calibration.k, 1, L)})`,
      [
        [da ? 'Tilstand' : 'Mode', false],
        [t(L, 'axis.vantage'), true],
        [t(L, 'axis.targetYear'), true],
        ['h', true],
        [t(L, 'series.actual'), true],
        [da ? 'P2,5' : 'P2.5', true],
        ['P10', true],
        ['P50', true],
        ['P90', true],
        [da ? 'P97,5' : 'P97.5', true],
        ['PIT', true],
        ['CRPS', true],
        [`CRPS ${t(L, 'bt.driver').toLowerCase()}`, true],
        [`CRPS ${t(L, 'bt.timeSeries').toLowerCase()}`, true],
        [`CRPS ${t(L, 'bt.naive').toLowerCase()}`, true],
      ],
      b.points
        .filter((p) => p.calibrated)
        .map((p) => {
          const c = p.calibrated!;
          return [
            txt(modeLabel(L, p.mode)),
            yearCell(p.vantage),
            yearCell(p.target),
            num(p.h, 0, L),
            num(p.actual, 1, L),
            num(c.quantiles.p2_5, 1, L),
            num(c.quantiles.p10, 1, L),
            num(c.quantiles.p50, 1, L),
            num(c.quantiles.p90, 1, L),
            num(c.quantiles.p97_5, 1, L),
            num(c.pit, 2, L, '0.00'),
            num(c.crps, 1, L),
            num(p.driver.crps, 1, L),
            num(p.timeSeries.crps, 1, L),
            num(p.naive.crps, 1, L),
          ];
        }),
    ),
  );
}

/**
 * Coverage and scores of every model per mode and horizon: 50/80/95 % coverage, the 80 % hits with their exact
 * binomial 95 % interval, mean CRPS, Brier score of P(merforbrug) and mean PIT.
 *
 * @example
 * trackRecordSummaryTable(model)?.columns[0] // 'Tilstand'
 */
export function trackRecordSummaryTable(m: ReportModel): ReportTable | undefined {
  const b = m.trackRecord;
  if (!b) return undefined;
  const L = m.lang;
  const da = L === 'da';
  const name = (x: string) =>
    t(
      L,
      x === 'driver'
        ? 'bt.driver'
        : x === 'calibrated'
          ? 'bt.calibrated'
          : x === 'timeSeries'
            ? 'bt.timeSeries'
            : 'bt.naive',
    );
  return table(
    'trackrecord-summary',
    'sheet.trackrecord',
    da ? 'Træfsikkerhed pr. model og horisont' : 'Track record by model and horizon',
    [
      [da ? 'Tilstand' : 'Mode', false],
      ['Model', false],
      ['h', false],
      ['n', true],
      [da ? 'Dækning 50 %' : 'Coverage 50%', true],
      [da ? 'Dækning 80 %' : 'Coverage 80%', true],
      [da ? '80 %: træf (95 %-interval)' : '80%: hits (95% interval)', false],
      [da ? 'Dækning 95 %' : 'Coverage 95%', true],
      ['CRPS', true],
      ['Brier', true],
      [da ? 'Gns. PIT' : 'Mean PIT', true],
    ],
    b.summary.map((r) => [
      txt(modeLabel(L, r.mode)),
      txt(name(r.model)),
      txt(r.h === 'all' ? (da ? 'alle' : 'all') : String(r.h)),
      num(r.scores.n, 0, L),
      pct(r.scores.coverage['50'], L, 0),
      pct(r.scores.coverage['80'], L, 0),
      withLead(
        rangeCell(
          `${r.scores.hits80}/${r.scores.n} (${formatPct(r.scores.coverage80Interval[0], L, 0)}–${formatPct(r.scores.coverage80Interval[1], L, 0)})`,
          r.scores.coverage80Interval[0],
          r.scores.coverage80Interval[1],
          '0%',
        ),
        [
          { header: da ? '80 %: træf' : '80%: hits', value: r.scores.hits80, numFmt: FMT.int },
          { header: da ? '80 %: af n' : '80%: of n', value: r.scores.n, numFmt: FMT.int },
        ],
      ),
      pct(r.scores.coverage['95'], L, 0),
      num(r.scores.crps, 2, L, '#,##0.00'),
      num(r.scores.brier, 3, L, '0.000'),
      num(r.scores.meanPit, 2, L, '0.00'),
    ]),
  );
}

/**
 * The calibration behind the one forecast: mean CRPS (leave-one-out) of the driver, the calibrated driver, the
 * pool of driver and time series, the equal-weight pool, the time-series forecast and naive, per mode.
 *
 * @example
 * calibrationTable(model)?.rows.map((r) => r[0].text) // the two modes
 */
export function calibrationTable(m: ReportModel): ReportTable | undefined {
  const b = m.trackRecord;
  if (!b) return undefined;
  const L = m.lang;
  const da = L === 'da';
  return withNote(
    sayMsg(b.calibration.rule, L),
    table(
      'calibration',
      'sheet.trackrecord',
      da
        ? 'Én prognose: gennemsnitlig CRPS (mio. kr.), leave-one-out'
        : 'One forecast: mean CRPS (DKK m), leave-one-out',
      [
        [da ? 'Tilstand' : 'Mode', false],
        ['n', true],
        [t(L, 'bt.driver'), true],
        [t(L, 'bt.calibrated'), true],
        [da ? 'Pulje driver + tidsserie (vægte og k)' : 'Pool driver + time series (weights and k)', true],
        [da ? 'Lige pulje' : 'Equal pool', true],
        [t(L, 'bt.timeSeries'), true],
        [t(L, 'bt.naive'), true],
      ],
      b.calibration.byMode.map((r) => [
        txt(modeLabel(L, r.mode)),
        num(r.n, 0, L),
        num(r.driver, 2, L, '#,##0.00'),
        num(r.calibrated, 2, L, '#,##0.00'),
        num(r.pool, 2, L, '#,##0.00'),
        num(r.equalPool, 2, L, '#,##0.00'),
        num(r.timeSeries, 2, L, '#,##0.00'),
        num(r.naive, 2, L, '#,##0.00'),
      ]),
    ),
  );
}

/**
 * The inputs of the primary scenario as used: the input in words, its value in its unit, estimate /
 * data / assumption, where from (series and years, or file and line), and the scenario file's key
 * that sets it (for analysts, who find it in models/scenarios/*.yaml).
 *
 * @example
 * inputsTable(model)?.rows.find((r) => r[4].text === 'demand.growth')?.map((c) => c.text).slice(0, 3)
 * // ['Henvendelsernes årlige vækst', '10,3 % (sd 2,3 pct.-point)', 'estimat']
 */
export function inputsTable(m: ReportModel): ReportTable | undefined {
  const s = primaryScenario(m);
  if (!s?.result.inputs?.length) return undefined;
  const L = m.lang;
  const da = L === 'da';
  const kind = (k: string) =>
    (da
      ? { estimate: 'estimat', data: 'data', assumption: 'antagelse' }
      : { estimate: 'estimate', data: 'data', assumption: 'assumption' })[k as 'data'] ?? k;
  return table(
    'inputs',
    'sheet.assumptions',
    da
      ? `Input i »${s.result.name}«: estimat fra data eller antagelse`
      : `Inputs of “${s.result.name}”: estimate from data or assumption`,
    [
      ['Input', false],
      [t(L, 'col.value'), false],
      [t(L, 'col.kind'), false],
      [t(L, 'col.source'), false],
      [t(L, 'col.key'), false],
    ],
    s.result.inputs.map((x) => {
      const where = x.source.kind === 'assumption' ? ` (${sourceAt(x.source)})` : '';
      // a number (or a fixed distribution) is a number cell in its unit's format; a distribution is described in words
      const n =
        typeof x.value === 'number'
          ? x.value
          : typeof x.value === 'object' && x.value.dist === 'fixed'
            ? x.value.value
            : undefined;
      const text = inputValueText(x.input, x.value, L);
      const value: Cell =
        n !== undefined && Number.isFinite(n)
          ? { text, value: Number(n.toPrecision(12)), numFmt: inputNumFmt(x.input) }
          : txt(text);
      return [
        txt(inputLabel(x.input, L)),
        value,
        txt(kind(x.source.kind)),
        txt(`${x.source.text[L]}${where}`),
        txt(x.input),
      ];
    }),
  );
}

/**
 * Decimals for a number of the assumptions tables: 4 below 10, 2 from 10 (0 for a whole number), less where the
 * last ones would be zeros (143,5 not 143,50; 2,47 not 2,4700).
 *
 * @example
 * assumptionDecimals(2.47)   // 2
 * assumptionDecimals(9.7194) // 4
 * assumptionDecimals(143.5)  // 1
 */
export function assumptionDecimals(v: number): number {
  let d = Number.isInteger(v) ? 0 : Math.abs(v) < 10 ? 4 : 2;
  while (d > 0 && Number(v.toFixed(d - 1)) === Number(v.toFixed(d))) d--;
  return d;
}

/**
 * Flatten a nested assumptions record to `key.path → text` rows.
 *
 * @example
 * flattenAssumptions({ pl: { default: 0.02 } }, 'da') // [['pl.default', '0,02']]
 */
export function flattenAssumptions(rec: Record<string, unknown>, lang: Lang, prefix = ''): [string, string][] {
  const out: [string, string][] = [];
  for (const key of Object.keys(rec)) {
    const v = rec[key];
    const k = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out.push(...flattenAssumptions(v as Record<string, unknown>, lang, k));
    else if (typeof v === 'number')
      out.push([k, /seed|year|horizon/i.test(key) ? String(v) : formatNumber(v, assumptionDecimals(v), lang)]);
    else
      out.push([
        k,
        Array.isArray(v) ? v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ') : String(v),
      ]);
  }
  return out;
}

/**
 * Flatten a nested assumptions record to `key.path → cell` rows for tables: numbers are number
 * cells (a spreadsheet holds them as numbers, shown as {@link flattenAssumptions} writes them),
 * yes/no for booleans, a list of records one row per record and field (`measures.1.id`), a long
 * list of numbers (an empirical distribution) summarised by its size, median and range.
 *
 * @example
 * assumptionCells({ pl: { default: 0.02 } }, 'da') // [['pl.default', { text: '0,02', value: 0.02, numFmt: '#,##0.00' }]]
 */
/** A list of an assumption in per cent: a share or rate (a measure's effect values) or a phase-in by year. */
function inPerCent(key: string): boolean {
  const unit = assumptionKey(key).unit;
  return unit === 'share' || unit === 'rate' || /^measures\.\d+\.phase$/.test(key);
}

export function assumptionCells(rec: Record<string, unknown>, lang: Lang, prefix = ''): [string, Cell][] {
  const out: [string, Cell][] = [];
  const da = lang === 'da';
  for (const key of Object.keys(rec)) {
    const v = rec[key];
    const k = prefix ? `${prefix}.${key}` : key;
    if (v !== null && typeof v === 'object' && !Array.isArray(v))
      out.push(...assumptionCells(v as Record<string, unknown>, lang, k));
    else if (typeof v === 'number') {
      const dec = /seed|year|horizon/i.test(key) ? -1 : assumptionDecimals(v);
      out.push([
        k,
        dec < 0
          ? { text: String(v), value: v, numFmt: '0' }
          : {
              text: formatNumber(v, dec, lang),
              value: Number(v.toPrecision(12)),
              numFmt: dec === 0 ? '#,##0' : `#,##0.${'0'.repeat(dec)}`,
            },
      ]);
    } else if (typeof v === 'boolean') out.push([k, txt(v ? (da ? 'ja' : 'yes') : da ? 'nej' : 'no')]);
    else if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')) {
      v.forEach((x, i) => {
        if (x !== null && typeof x === 'object' && !Array.isArray(x))
          out.push(...assumptionCells(x as Record<string, unknown>, lang, `${k}.${i + 1}`));
        else out.push([`${k}.${i + 1}`, txt(String(x))]);
      });
    } else if (Array.isArray(v) && v.length > 6 && v.every((x) => typeof x === 'number')) {
      const sorted = [...(v as number[])].sort((a, b) => a - b);
      const med = sorted[Math.floor((sorted.length - 1) / 2)];
      const f = (x: number) => (inPerCent(k) ? formatPct(x, lang, 1) : formatNumber(x, 4, lang));
      out.push([
        k,
        txt(
          da
            ? `${v.length} værdier, median ${f(med)}, fra ${f(sorted[0])} til ${f(sorted[sorted.length - 1])}`
            : `${v.length} values, median ${f(med)}, from ${f(sorted[0])} to ${f(sorted[sorted.length - 1])}`,
        ),
      ]);
    } else
      out.push([
        k,
        txt(
          Array.isArray(v)
            ? v
                .map((x) =>
                  typeof x !== 'number'
                    ? String(x)
                    : inPerCent(k)
                      ? formatPct(x, lang, Number.isInteger(x * 100) ? 0 : 1)
                      : formatNumber(x, Number.isInteger(x) ? 0 : 4, lang),
                )
                .join(da ? '; ' : ', ')
            : String(v),
        ),
      ]);
  }
  return out;
}

/**
 * Assumptions of every scenario, flattened to `key.path` rows with one column per scenario (so
 * differences between scenarios are visible side by side): each row named in words, the key of
 * the scenario's assumptions in the last column; a rate or share is shown in per cent (the cell
 * keeps the number, with a per cent format).
 *
 * @example
 * assumptionsTable(model).columns // ['Antagelse', 'Basisforløb – ingen nye tiltag', ..., 'Nøgle i scenariefilen']
 */
export function assumptionsTable(m: ReportModel): ReportTable {
  const L = m.lang;
  const flat = m.scenarios.map((s) => new Map(assumptionCells(s.result.assumptions, L)));
  const keys: string[] = [];
  for (const f of flat) for (const k of f.keys()) if (!keys.includes(k)) keys.push(k);
  // a rate or share in per cent (a rate's spread in percentage points), a word of a value in words
  const inUnit = (k: string, c: Cell): Cell => {
    if (typeof c.value === 'string') return txt(assumptionValue(k, c.text, L));
    const unit = assumptionKey(k, L).unit;
    if (typeof c.value !== 'number' || !(unit === 'rate' || unit === 'share' || unit === 'logSd')) return c;
    const d = Math.abs(c.value) < 0.01 && c.value !== 0 ? 2 : 1;
    const numFmt = d === 2 ? '0.00%' : '0.0%';
    return k.endsWith('.sd')
      ? { text: formatPp(c.value, L, d), value: c.value, numFmt }
      : { text: formatPct(c.value, L, d), value: c.value, numFmt };
  };
  const rows: Cell[][] = keys.map((k) => [
    txt(assumptionKey(k, L).label),
    ...flat.map((f) => (f.has(k) ? inUnit(k, f.get(k)!) : txt(''))),
    txt(k),
  ]);
  if (m.history.unitCost)
    rows.push([
      txt(assumptionKey('pl_index', L).label),
      ...m.scenarios.map(() => txt(m.history.unitCost!.plLabel)),
      txt('pl_index (models/cost.yaml)'),
    ]);
  const tb = table(
    'assumptions',
    'sheet.assumptions',
    t(L, 'report.assumptions'),
    [
      [t(L, 'col.parameter'), false],
      ...m.scenarios.map((s): [string, boolean] => [s.result.name, false]),
      [t(L, 'col.key'), false],
    ],
    rows,
  );
  // the PL rates are listed with every scenario but enter only where the scenario asks for them
  return keys.some((k) => k.startsWith('pl.') || k.startsWith('plBevilling.'))
    ? { ...tb, note: t(L, 'text.assumptionsPl') }
    : tb;
}

/**
 * Provenance: every source document and what uses it.
 *
 * @example
 * sourcesTable(model).rows.map((r) => r[0].text) // ['aarsrapport2020', 'faktaark2024', ...]
 */
export function sourcesTable(m: ReportModel): ReportTable {
  const L = m.lang;
  return table(
    'sources',
    'sheet.sources',
    t(L, 'report.provenance'),
    [
      [t(L, 'col.doc'), false],
      [t(L, 'col.title'), false],
      [t(L, 'col.publisher'), false],
      [t(L, 'col.published'), false],
      [t(L, 'col.kind'), false],
      [t(L, 'col.usedBy'), false],
    ],
    m.sources.map((s) => [
      txt(s.doc),
      txt(s.title),
      txt(s.publisher),
      txt(s.published),
      txt(label(L, 'docKind', s.kind)),
      txt((m.sourceUse[s.doc] ?? []).join(', ') || t(L, 'text.background')),
    ]),
  );
}

/**
 * The sources the model files cite by name that are not documents of data/sources.csv (e.g. the Ministry of
 * Finance's PL assumptions in models/pl.yaml, Budgetvejledningen in models/budget.yaml): each as written, the
 * files citing it and what cites it; absent when every citation is a document of data/sources.csv.
 *
 * @example
 * otherSourcesTable(model)?.rows.map((r) => r[0].text) // ['Budgetvejledningen 2.2.12', 'Finansministeriets forudsætninger for 2025']
 */
export function otherSourcesTable(m: ReportModel): ReportTable | undefined {
  if (!m.otherSources?.length) return undefined;
  const L = m.lang;
  const da = L === 'da';
  return table(
    'other-sources',
    'sheet.sources',
    da
      ? 'Øvrige kilder: citeret i modelfilerne, ikke transskriberet i data/sources.csv'
      : 'Other sources: cited in the model files, not transcribed in data/sources.csv',
    [
      [da ? 'Kilde' : 'Source', false],
      [da ? 'Citeret i' : 'Cited in', false],
      [t(L, 'col.usedBy'), false],
    ],
    // the name as written; in English followed by the file's English rendering, if it gives one
    m.otherSources.map((s) => [
      txt(!da && s.en ? `${s.source} (${s.en})` : s.source),
      txt(s.files.join(', ')),
      txt(s.usedBy.join(', ')),
    ]),
  );
}

/**
 * The English report's glossary: each English term of the one vocabulary (`glossary`, src/text/terms.ts) with
 * the Danish term of the source documents, so a reader can find the figures there; absent in Danish.
 *
 * @example
 * glossaryTable({ ...model, lang: 'en' })?.rows[0].map((c) => c.text) // ['requests', 'henvendelser']
 */
export function glossaryTable(m: ReportModel): ReportTable | undefined {
  const L = m.lang;
  if (L === 'da') return undefined;
  return {
    ...table(
      'glossary',
      'sheet.sources',
      GLOSSARY_TEXTS.caption,
      [
        [GLOSSARY_TEXTS.english, false],
        [GLOSSARY_TEXTS.danish, false],
      ],
      glossary().map((g) => [txt(g.en), txt(g.da)]),
    ),
    note: GLOSSARY_TEXTS.note,
  };
}

/**
 * How the savings of measures that start during a year split between the start year and the next
 * (cohort timing of models/timing.yaml); absent when no measure starts after 1 January.
 *
 * @example
 * costSplitTable(model)?.rows[0].map((c) => c.text) // ['Skærpede visitationskriterier (september 2021)', '2021-09-20', '30,1 %', '69,9 %']
 */
export function costSplitTable(m: ReportModel): ReportTable | undefined {
  const L = m.lang;
  const rows = m.measures.filter((x) => x.costSplit);
  if (!rows.length) return undefined;
  const tb = table(
    'costSplit',
    'sheet.measures',
    t(L, 'report.costSplit'),
    [
      [t(L, 'col.measure'), false],
      [t(L, 'col.start'), false],
      [t(L, 'col.startYearShare'), true],
      [t(L, 'col.nextYearShare'), true],
    ],
    rows.map((x) => [
      txt(x.name),
      txt(x.start),
      pct(x.costSplit!.shares[0] ?? 0, L),
      pct(
        x.costSplit!.shares.slice(1).reduce((s, v) => s + v, 0),
        L,
      ),
    ]),
  );
  return { ...tb, note: t(L, 'text.costSplit', { file: rows[0].costSplit!.timingFile }) };
}

/**
 * Provenance of the user's data (`--data`): every bundled value a file changed and every year it added.
 *
 * @example
 * userDataTable(model)?.rows[0].map((c) => c.text) // ['viso.raadgivning.forbrug', '2024', '143,5', '146,0', 'mine.csv']
 */
export function userDataTable(m: ReportModel): ReportTable | undefined {
  const u = m.userData;
  if (!u) return undefined;
  const L = m.lang;
  const dec = (x: number) => (Number.isInteger(x) ? 0 : Math.abs(x * 10 - Math.round(x * 10)) < 1e-6 ? 1 : 3);
  const rows: Cell[][] = [
    ...u.overrides.map((o) => {
      const d = Math.max(dec(o.from), dec(o.to));
      return [txt(o.series), yearCell(o.year), num(o.from, d, L), num(o.to, d, L), txt(o.file)];
    }),
    // one row per added year, with the user's value
    ...u.additions.flatMap((a) =>
      a.years.map((year, i) => [
        txt(a.series),
        yearCell(year),
        txt(t(L, a.newSeries ? 'text.userDataNewSeries' : 'text.userDataAdded')),
        Number.isFinite(a.values[i]) ? num(a.values[i], dec(a.values[i]), L) : txt(''),
        txt(a.file),
      ]),
    ),
  ];
  const tb = table(
    'userData',
    'sheet.userData',
    t(L, 'report.userData'),
    [
      [t(L, 'col.series'), false],
      [t(L, 'col.year'), true],
      [t(L, 'col.bundledValue'), true],
      [t(L, 'col.userValue'), true],
      [t(L, 'col.file'), false],
    ],
    rows,
  );
  return { ...tb, note: t(L, 'text.userData', { files: u.files.join(', ') }) };
}

/**
 * Translate an area slug for table text (re-exported for writers).
 *
 * @example
 * areaLabel('da', 'boern_unge') // 'Børn og unge'
 */
export function areaLabel(lang: Lang, slug: string): string {
  return label(lang, 'area', slug);
}

/** Every table of the report, by section; absent where the model has nothing to show. */
export interface ReportTables {
  summary?: ReportTable;
  headline?: ReportTable;
  trackRecord?: ReportTable;
  trackRecordSummary?: ReportTable;
  calibration?: ReportTable;
  inputs?: ReportTable;
  history: ReportTable;
  activity: ReportTable;
  unitCost?: ReportTable;
  events: ReportTable;
  scenarios: ReportTable[];
  /** The scenarios compared year by year with differences against the first. */
  compare?: ReportTable;
  forecasts: ReportTable[];
  measures?: ReportTable;
  verdict?: ReportTable;
  whatIf?: ReportTable;
  sensitivity?: ReportTable;
  accuracy?: ReportTable;
  costModel?: ReportTable;
  /** The cost model's residuals, leverage and Cook's distance by year. */
  costResiduals?: ReportTable;
  assumptions: ReportTable;
  /** The English terms with the Danish ones of the source documents (English report only). */
  glossary?: ReportTable;
  sources: ReportTable;
  /** Sources the model files cite by name that data/sources.csv does not list. */
  otherSources?: ReportTable;
  /** The user's data merged in (`--data`): absent without. */
  userData?: ReportTable;
  /** Savings of measures starting during a year, split between the start year and the next. */
  costSplit?: ReportTable;
}

/**
 * Build all report tables once, for the HTML, Markdown and XLSX writers.
 *
 * @example
 * reportTables(model).history.id // 'history'
 */
export function reportTables(m: ReportModel): ReportTables {
  const hasMeasures = m.measures.length > 0;
  return {
    summary: m.scenarios.length ? scenarioSummaryTable(m) : undefined,
    headline: headlineTable(m),
    trackRecord: trackRecordTable(m),
    trackRecordSummary: trackRecordSummaryTable(m),
    calibration: calibrationTable(m),
    inputs: inputsTable(m),
    history: historyTable(m),
    activity: activityTable(m),
    unitCost: unitCostTableView(m),
    events: eventsTable(m),
    // each scenario's table, then its opsparing
    scenarios: m.scenarios.flatMap((s) => [scenarioTable(m, s), opsparingTable(m, s)]),
    compare: scenarioCompareTable(m),
    forecasts: m.forecasts.map((f) => forecastTable(m, f)),
    measures: hasMeasures ? measuresTable(m) : undefined,
    verdict: hasMeasures ? verdictTable(m) : undefined,
    whatIf: whatIfTable(m),
    sensitivity: sensitivityTable(m),
    accuracy: m.accuracy.length ? accuracyTable(m) : undefined,
    costModel: costModelTable(m),
    costResiduals: costResidualTable(m),
    assumptions: assumptionsTable(m),
    glossary: glossaryTable(m),
    sources: sourcesTable(m),
    otherSources: otherSourcesTable(m),
    userData: userDataTable(m),
    costSplit: costSplitTable(m),
  };
}
