/**
 * The results of the scenario commands as spreadsheets (`--out FILE.xlsx|FILE.csv` on
 * `viso scenario run|compare|goal-seek|sensitivity|backtest`): tables whose numbers are
 * numbers (XLSX: with number formats, units in the headers, a frozen header row, an
 * autofilter and column widths; CSV: Danish `;` and decimal comma with `--lang da`, the
 * international convention with `--lang en`, full precision). A CSV holds the first
 * table; the workbook holds all of them. Text is formula-neutralised. Same result, same bytes.
 */
import type { Lang } from '../text/number.js';
import type { ScenarioBacktest } from '../scenario/backtest.js';
import type { GoalSeekOutcome } from '../scenario/goal-seek.js';
import type { SensitivityResult } from '../scenario/sensitivity.js';
import type { ScenarioResult } from '../scenario/types.js';
import { sourceAt } from './scenarioText.js';
import { inputLabel, inputValueText } from '../text/messages.js';
import { neutraliseCell } from './escape.js';
import { WORKBOOK_DATE, zipFixedDates } from './zip.js';

/** One column: its header (with the unit) and the number format of its numbers. */
export interface ResultColumn {
  header: string;
  /** Excel number format; undefined: text. */
  numFmt?: string;
}

/** One table of a result. */
export interface ResultTable {
  /** Sheet name (at most 31 characters). */
  sheet: string;
  columns: ResultColumn[];
  rows: (number | string | null)[][];
}

const MIO = '#,##0.0';
const INT = '#,##0';
const P = '0.0%';
const P2 = '0.00%';
const R4 = '0.0000';
const YEAR = '0';

const Q = ['mean', 'p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;

function qHeaders(what: string, unit: string, lang: Lang): ResultColumn[] {
  return Q.map((q) => ({
    header: `${what} ${q === 'mean' ? (lang === 'da' ? 'middel' : 'mean') : q.toUpperCase()} (${unit})`,
    numFmt: unit === 'antal' || unit === 'count' ? INT : MIO,
  }));
}

/**
 * The tables of a scenario run: per year the quantiles of forbrug and merforbrug and P(merforbrug);
 * the quantiles of every simulated quantity per year; the inputs used.
 *
 * @example
 * runTables(await runScenario(loadScenario('baseline')), 'da')[0].sheet // 'Resultat'
 */
export function runTables(r: ScenarioResult, lang: Lang): ResultTable[] {
  return [yearTable([r], lang), quantileTable([r], lang), inputTable(r, lang)];
}

/** The tables of a comparison: the per-year table with a scenario column, and the quantiles. */
export function compareTables(rs: ScenarioResult[], lang: Lang): ResultTable[] {
  return [
    yearTable(rs, lang),
    quantileTable(rs, lang),
    ...rs.map((r, i) => ({ ...inputTable(r, lang), sheet: `${lang === 'da' ? 'Input' : 'Inputs'} ${i + 1}` })),
  ];
}

function yearTable(rs: ScenarioResult[], lang: Lang): ResultTable {
  const da = lang === 'da';
  const mio = da ? 'mio. kr.' : 'DKK m';
  const columns: ResultColumn[] = [
    { header: da ? 'Scenarie' : 'Scenario' },
    { header: da ? 'År' : 'Year', numFmt: YEAR },
    { header: `${da ? 'Bevilling P50' : 'Appropriation P50'} (${mio})`, numFmt: MIO },
    ...qHeaders(da ? 'Forbrug' : 'Spending', mio, lang),
    ...qHeaders(da ? 'Merforbrug' : 'Overspend', mio, lang),
    { header: da ? 'P(merforbrug)' : 'P(overspend)', numFmt: P },
    { header: da ? 'P(merforbrug) MC-fejl' : 'P(overspend) MC error', numFmt: P2 },
    // E[max(merforbrug, 0)] (the mean merforbrug is Merforbrug middel above), and the opsparing as the console prints it
    { header: `${da ? 'Forventet overskridelse' : 'Expected overrun'} (${mio})`, numFmt: MIO },
    { header: da ? 'P(forbrug > bevilling + opsparing)' : 'P(spending > appropriation + savings)', numFmt: P },
    { header: `${da ? 'Opsparing ultimo, middel' : 'Savings at year end, mean'} (${mio})`, numFmt: MIO },
    { header: `${da ? 'Opsparing ultimo P5' : 'Savings at year end P5'} (${mio})`, numFmt: MIO },
    { header: `${da ? 'Opsparing ultimo P95' : 'Savings at year end P95'} (${mio})`, numFmt: MIO },
    { header: `${da ? 'Henvendelser P50' : 'Requests P50'} (${da ? 'antal' : 'count'})`, numFmt: INT },
    { header: `${da ? 'Forløb P50' : 'Cases P50'} (${da ? 'antal' : 'count'})`, numFmt: INT },
    { header: `${da ? 'Pris pr. forløb P50' : 'Cost per case P50'} (${da ? '1.000 kr.' : 'DKK 1,000'})`, numFmt: MIO },
  ];
  const rows = rs.flatMap((r) =>
    r.years.map((y) => [
      name(r, lang),
      y.year,
      y.bevilling.p50,
      ...Q.map((q) => y.forbrug[q]),
      ...Q.map((q) => y.merforbrug[q]),
      y.pMerforbrug,
      y.pMerforbrugSe,
      y.expectedOverspend,
      y.pBeyondOpsparing,
      y.opsparing.mean,
      y.opsparing.p5,
      y.opsparing.p95,
      y.henvendelser.p50,
      y.forloeb.p50,
      y.unitCost.p50,
    ]),
  );
  return { sheet: da ? 'Resultat' : 'Result', columns, rows };
}

/** Quantiles per year of every simulated quantity, one row per scenario, quantity and year. */
export function quantileTable(rs: ScenarioResult[], lang: Lang): ResultTable {
  const da = lang === 'da';
  const what: [keyof ScenarioResult['years'][number], string, string][] = [
    ['bevilling', da ? 'Bevilling' : 'Appropriation', da ? 'mio. kr.' : 'DKK m'],
    ['forbrug', da ? 'Forbrug' : 'Spending', da ? 'mio. kr.' : 'DKK m'],
    ['merforbrug', da ? 'Merforbrug' : 'Overspend', da ? 'mio. kr.' : 'DKK m'],
    ['henvendelser', da ? 'Henvendelser' : 'Requests', da ? 'antal' : 'count'],
    ['forloeb', da ? 'Forløb' : 'Cases', da ? 'antal' : 'count'],
    ['unitCost', da ? 'Pris pr. forløb' : 'Cost per case', da ? '1.000 kr.' : 'DKK 1,000'],
  ];
  const columns: ResultColumn[] = [
    { header: da ? 'Scenarie' : 'Scenario' },
    { header: da ? 'Størrelse' : 'Quantity' },
    { header: da ? 'Enhed' : 'Unit' },
    { header: da ? 'År' : 'Year', numFmt: YEAR },
    ...Q.map((q) => ({ header: q === 'mean' ? (da ? 'Middel' : 'Mean') : q.toUpperCase(), numFmt: '#,##0.00' })),
  ];
  const rows: (number | string)[][] = [];
  for (const r of rs)
    for (const [k, label, unit] of what)
      for (const y of r.years)
        rows.push([
          name(r, lang),
          label,
          unit,
          y.year,
          ...Q.map((q) => (y[k] as unknown as Record<string, number>)[q]),
        ]);
  return { sheet: da ? 'Kvantiler' : 'Quantiles', columns, rows };
}

function inputTable(r: ScenarioResult, lang: Lang): ResultTable {
  const da = lang === 'da';
  const kind = (k: string) =>
    (da ? ({ estimate: 'estimat', data: 'data', assumption: 'antagelse' } as Record<string, string>)[k] : k) ?? k;
  return {
    sheet: da ? 'Input' : 'Inputs',
    columns: [
      { header: 'Input' },
      { header: da ? 'Værdi' : 'Value' },
      { header: da ? 'Art' : 'Kind' },
      { header: da ? 'Kilde' : 'Source' },
      { header: da ? 'Nøgle i scenariefilen' : 'Key in the scenario file' },
    ],
    rows: r.inputs.map((x) => {
      const where = x.source.kind === 'assumption' ? ` (${sourceAt(x.source)})` : '';
      return [
        inputLabel(x.input, lang),
        // a number (or a fixed distribution) is a number cell, as in the report's Antagelser sheet
        typeof x.value === 'number'
          ? x.value
          : typeof x.value === 'object' && x.value.dist === 'fixed'
            ? x.value.value
            : inputValueText(x.input, x.value, lang),
        kind(x.source.kind),
        `${x.source.text[lang]}${where}`,
        x.input,
      ];
    }),
  };
}

function name(r: ScenarioResult, lang: Lang): string {
  return lang === 'en' && r.nameEn ? r.nameEn : r.name;
}

/** The table of a goal seek: one row (no change columns when the target cannot be reached within the lever's limit). */
export function goalSeekTables(g: GoalSeekOutcome, lang: Lang): ResultTable[] {
  const da = lang === 'da';
  const rel = g.lever !== 'bevilling';
  const unit = rel ? (da ? 'relativ' : 'relative') : da ? 'mio. kr.' : 'DKK m';
  const fmt = rel ? P2 : MIO;
  return [
    {
      sheet: da ? 'Målsøgning' : 'Goal seek',
      columns: [
        { header: da ? 'Scenarie' : 'Scenario' },
        { header: da ? 'Håndtag' : 'Lever' },
        { header: da ? 'Mål' : 'Target' },
        { header: `${da ? 'Ændring' : 'Change'} (${unit})`, numFmt: fmt },
        { header: `${da ? 'Ændring, nedre' : 'Change, lower'} (${unit})`, numFmt: fmt },
        { header: `${da ? 'Ændring, øvre' : 'Change, upper'} (${unit})`, numFmt: fmt },
        { header: da ? 'P ved ændringen' : 'P at the change', numFmt: P },
        { header: da ? 'MC-fejl' : 'MC error', numFmt: P2 },
        { header: da ? 'P uden ændring' : 'P without change', numFmt: P },
        {
          header: `${da ? 'Største ændring prøvet (målet nås ikke)' : 'Largest change tried (target not reached)'} (${unit})`,
          numFmt: fmt,
        },
        { header: da ? 'P ved den største ændring' : 'P at the largest change', numFmt: P },
        { header: da ? 'Spredningsfaktor k' : 'Spread factor k', numFmt: '0.000' },
        { header: da ? 'Standardfejl på k' : 'Standard error of k', numFmt: '0.0000' },
        {
          header: `${da ? 'Ændringens standardfejl fra k' : 'Standard error of the change from k'} (${unit})`,
          numFmt: rel ? P2 : '#,##0.00',
        },
        { header: da ? 'Kørsler' : 'Runs', numFmt: INT },
        { header: 'Seed', numFmt: '0' },
      ],
      rows: [
        'change' in g
          ? [
              g.scenario,
              g.lever,
              g.target.text,
              g.change,
              g.changeInterval[0],
              g.changeInterval[1],
              g.p,
              g.se,
              g.p0,
              null,
              null,
              g.spreadK ?? null,
              g.kError?.se ?? null,
              g.kError?.changeSe ?? null,
              g.runs,
              g.seed,
            ]
          : [
              g.scenario,
              g.lever,
              g.target.text,
              null,
              null,
              null,
              null,
              null,
              g.p0,
              g.limit,
              g.pAtLimit,
              g.spreadK ?? null,
              null,
              null,
              g.runs,
              g.seed,
            ],
      ],
    },
  ];
}

/** The tables of a sensitivity analysis: the tornado and the rank correlations. */
export function sensitivityTables(s: SensitivityResult, lang: Lang): ResultTable[] {
  const da = lang === 'da';
  const mio = da ? 'mio. kr.' : 'DKK m';
  return [
    {
      sheet: 'Tornado',
      columns: [
        { header: 'Input' },
        { header: da ? 'Input ved P10' : 'Input at P10', numFmt: R4 },
        { header: da ? 'Input ved P90' : 'Input at P90', numFmt: R4 },
        { header: `${da ? 'Merforbrug' : 'Overspend'} ${s.year}, input P10 (${mio})`, numFmt: MIO },
        { header: `${da ? 'Merforbrug' : 'Overspend'} ${s.year}, input P90 (${mio})`, numFmt: MIO },
        { header: `${da ? 'Udsving' : 'Swing'} (${mio})`, numFmt: MIO },
      ],
      rows: s.tornado.map((r) => [r.input, r.lowValue, r.highValue, r.low, r.high, r.swing]),
    },
    {
      sheet: da ? 'Rangkorrelationer' : 'Rank correlations',
      columns: [
        { header: 'Input' },
        { header: `Spearman rho (${da ? 'merforbrug' : 'overspend'} ${s.year})`, numFmt: '0.000' },
      ],
      rows: s.rankCorrelations.map((r) => [r.input, r.rho]),
    },
  ];
}

/** The tables of a backtest: every scored point, and the summary scores. */
export function backtestTables(b: ScenarioBacktest, lang: Lang): ResultTable[] {
  const da = lang === 'da';
  const mio = da ? 'mio. kr.' : 'DKK m';
  return [
    {
      sheet: da ? 'Punkter' : 'Points',
      columns: [
        { header: da ? 'Tilstand' : 'Mode' },
        { header: da ? 'Udsigtsår' : 'Vantage', numFmt: YEAR },
        { header: da ? 'Målår' : 'Target', numFmt: YEAR },
        { header: 'h', numFmt: '0' },
        { header: `${da ? 'Faktisk forbrug' : 'Actual spending'} (${mio})`, numFmt: MIO },
        { header: `${da ? 'Faktisk bevilling' : 'Actual appropriation'} (${mio})`, numFmt: MIO },
        { header: `Driver P10 (${mio})`, numFmt: MIO },
        { header: `Driver P50 (${mio})`, numFmt: MIO },
        { header: `Driver P90 (${mio})`, numFmt: MIO },
        { header: 'PIT', numFmt: '0.000' },
        { header: `CRPS (${mio})`, numFmt: '#,##0.00' },
        { header: da ? 'P(merforbrug)' : 'P(overspend)', numFmt: P },
        { header: 'Brier', numFmt: '0.000' },
      ],
      rows: b.points.map((p) => [
        p.mode,
        p.vantage,
        p.target,
        p.h,
        p.actual,
        p.actualBevilling,
        p.driver.quantiles.p10,
        p.driver.quantiles.p50,
        p.driver.quantiles.p90,
        p.driver.pit,
        p.driver.crps,
        p.driver.pMerforbrug,
        p.driver.brier,
      ]),
    },
    {
      sheet: da ? 'Opsummering' : 'Summary',
      columns: [
        { header: da ? 'Tilstand' : 'Mode' },
        { header: 'Model' },
        { header: 'h' },
        { header: 'n', numFmt: INT },
        { header: da ? 'Dækning 80 %' : 'Coverage 80%', numFmt: P },
        { header: `CRPS (${mio})`, numFmt: '#,##0.00' },
        { header: 'Brier', numFmt: '0.000' },
        { header: da ? 'Middel-PIT' : 'Mean PIT', numFmt: '0.000' },
      ],
      rows: b.summary.map((s) => [
        s.mode,
        s.model,
        String(s.h),
        s.scores.n,
        s.scores.coverage['80'],
        s.scores.crps,
        s.scores.brier,
        s.scores.meanPit,
      ]),
    },
  ];
}

/**
 * The first table as CSV: `;` and decimal comma for Danish, `,` and decimal point for English;
 * numbers at full precision (no grouping); a byte-order mark so Excel reads æøå; CRLF.
 *
 * @example
 * resultsCsv([{ sheet: 'x', columns: [{ header: 'År', numFmt: '0' }], rows: [[2026]] }], 'da') // '\uFEFFÅr\r\n2026\r\n'
 */
export function resultsCsv(tables: ResultTable[], lang: Lang): string {
  const t = tables[0];
  const d = lang === 'da' ? ';' : ',';
  const cell = (v: number | string | null): string => {
    if (v === null) return '';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return '';
      const s = String(Number(v.toPrecision(15)));
      return lang === 'da' ? s.replace('.', ',') : s;
    }
    const s = neutraliseCell(v);
    return s.includes(d) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [t.columns.map((c) => cell(c.header)), ...t.rows.map((r) => r.map(cell))].map((r) => r.join(d));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** The part of an exceljs worksheet used here. */
interface Sheet {
  getCell(
    r: number,
    c: number,
  ): { value: unknown; font?: unknown; fill?: unknown; alignment?: unknown; numFmt?: string };
  getColumn(c: number): { width?: number };
  views: unknown[];
  autoFilter?: unknown;
}

/**
 * Write tables to a worksheet each: header row bold and frozen, an autofilter over the table,
 * column widths from the contents; numbers stay numbers with their format.
 */
export function writeResultSheet(ws: Sheet, t: ResultTable): void {
  const widths = t.columns.map((c) => Math.min(40, Math.max(8, c.header.length + 2)));
  t.columns.forEach((c, j) => {
    const cell = ws.getCell(1, j + 1);
    cell.value = neutraliseCell(c.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { horizontal: c.numFmt ? 'right' : 'left', vertical: 'top', wrapText: true };
  });
  t.rows.forEach((row, i) => {
    row.forEach((v, j) => {
      const cell = ws.getCell(i + 2, j + 1);
      if (typeof v === 'number') {
        if (Number.isFinite(v)) {
          cell.value = Number(v.toPrecision(15));
          const f = t.columns[j]?.numFmt;
          if (f) cell.numFmt = f;
        }
      } else if (v !== null) {
        cell.value = neutraliseCell(v);
        widths[j] = Math.min(60, Math.max(widths[j] ?? 8, v.length + 2));
      }
    });
  });
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
  if (t.rows.length)
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: t.rows.length + 1, column: t.columns.length } };
}

/**
 * The tables as an XLSX workbook, one sheet each (deterministic bytes).
 *
 * @example
 * const bytes = await resultsXlsx(runTables(result, 'da'), 'Basisforløb');
 */
export async function resultsXlsx(tables: ResultTable[], title: string): Promise<Uint8Array> {
  const ExcelJS = (await import('../vendor/exceljs.js')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'viso-budget';
  wb.lastModifiedBy = 'viso-budget';
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  wb.title = neutraliseCell(title);
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.sheet.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    for (let k = 2; used.has(name.toLowerCase()); k++) name = `${t.sheet.slice(0, 28)} ${k}`;
    used.add(name.toLowerCase());
    writeResultSheet(wb.addWorksheet(name) as unknown as Sheet, t);
  }
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 6 } } } as never);
  return zipFixedDates(new Uint8Array(raw as ArrayBuffer));
}

/**
 * Write result tables to `file` (`.xlsx` or `.csv`, atomically); anything else is a UsageError.
 *
 * @example
 * await writeResults('resultat.xlsx', runTables(r, 'da'), r.name, 'da');
 */
export async function writeResults(file: string, tables: ResultTable[], title: string, lang: Lang): Promise<void> {
  const { writeFileAtomic } = await import('../io/write.js');
  const { UsageError } = await import('../errors.js');
  const lower = file.toLowerCase();
  if (lower.endsWith('.xlsx')) writeFileAtomic(file, await resultsXlsx(tables, title));
  else if (lower.endsWith('.csv')) writeFileAtomic(file, resultsCsv(tables, lang));
  else
    throw new UsageError(
      lang === 'da'
        ? `--out skal være en .xlsx- eller .csv-fil, fik ${file}`
        : `--out must be an .xlsx or .csv file, got ${file}`,
    );
}
