/**
 * The in-year follow-up as tables (the same cells for the terminal, HTML, Markdown and XLSX),
 * as the text `viso follow-up` prints, and as its own XLSX workbook (`--out FILE.xlsx`).
 */
import { textTable } from '../text/table.js';
import { formatMio, formatNumber, formatPct, rangeText, type Lang } from '../text/number.js';
import { parseDate } from '../data/period.js';
import { formatDate, monthName } from '../text/date.js';
import type { FollowUpResult } from '../followup/types.js';
import { neutraliseCell } from './escape.js';
import { asOfLabel, assumptionText, fuText, noteText, sourceText } from './followupText.js';
import { num, pct, rangeCell, txt, type Cell, type ReportTable } from './tables.js';
import { zipFixedDates } from './zip.js';

/** A follow-up table (a report table without a worksheet of the report). */
export type FollowUpTable = Omit<ReportTable, 'sheet'>;

/** All tables of a follow-up, in reading order (absent ones left out). */
export interface FollowUpTables {
  summary: FollowUpTable;
  keyFigures: FollowUpTable;
  deviation?: FollowUpTable;
  months: FollowUpTable;
  backtest?: FollowUpTable;
  assumptions: FollowUpTable;
}

function table(id: string, caption: string, cols: [string, boolean][], rows: Cell[][], note?: string): FollowUpTable {
  return {
    id,
    caption,
    columns: cols.map((c) => c[0]),
    numeric: cols.map((c) => c[1]),
    rows,
    ...(note ? { note } : {}),
  };
}

function intervalText(lo: number, hi: number, L: Lang): Cell {
  return rangeCell(rangeText(formatNumber(lo, 1, L), formatNumber(hi, 1, L), L), lo, hi, '#,##0.0');
}

/** A period label for a month of the running year (`jun. 2025`, or `2. kvt.` for quarterly files). */
function monthCell(r: FollowUpResult, m: number, L: Lang): Cell {
  if (r.granularity === 'quarter') return txt(L === 'da' ? `${m / 3}. kvt.` : `Q${m / 3}`);
  return txt(monthName(m, L));
}

/**
 * The tables of a follow-up.
 *
 * @example
 * followUpTables(await followUp(actuals), 'da').summary.rows[0][0].text // 'Forventet regnskab (samlet skøn)'
 */
export function followUpTables(r: FollowUpResult, L: Lang): FollowUpTables {
  const y = r.year;
  const qRow = (
    label: string,
    s: { mean: number; p025: number; p10: number; p50: number; p90: number; p975: number },
  ): Cell[] => [
    txt(label),
    num(s.p10, 1, L),
    num(s.p50, 1, L),
    num(s.p90, 1, L),
    intervalText(s.p025, s.p975, L),
    num(s.mean, 1, L),
  ];
  const summaryRows = [qRow(fuText(L, 'rowYearEnd'), r.yearEnd), qRow(fuText(L, 'rowData'), r.data)];
  if (r.prior)
    summaryRows.push(
      qRow(fuText(L, 'rowPrior', { name: L === 'en' ? (r.prior.nameEn ?? r.prior.name) : r.prior.name }), r.prior),
    );
  summaryRows.push(qRow(fuText(L, 'rowMerforbrug'), r.merforbrug));
  const summary = table(
    'followup-summary',
    `${fuText(L, 'summary', { year: y })} (${L === 'da' ? 'mio. kr.' : 'DKK million'})`,
    [
      [fuText(L, 'col'), false],
      ['P10', true],
      ['P50', true],
      ['P90', true],
      [fuText(L, 'col95'), true],
      [fuText(L, 'colMean'), true],
    ],
    summaryRows,
    projectionBasis(r, L),
  );
  const se = (x: number) => fuText(L, 'mcSe', { se: formatNumber(x * 100, 2, L) });
  const keyFigures = table(
    'followup-key',
    fuText(L, 'keyFigures', { year: y }),
    [
      [fuText(L, 'col'), false],
      [fuText(L, 'colValue'), true],
      [fuText(L, 'colExplanation'), false],
    ],
    [
      [txt(fuText(L, 'rowToDate')), num(r.toDate.forbrug, 1, L), txt(asOfLabel(r, L))],
      [txt(fuText(L, 'rowBudgetToDate')), num(r.toDate.budget, 1, L), txt('')],
      [txt(fuText(L, 'rowDeviationToDate')), num(r.toDate.deviation, 1, L), txt('')],
      [txt(fuText(L, 'rowBevilling', { year: y })), num(r.bevilling, 1, L), txt(bevillingExplanation(r, L))],
      [txt(fuText(L, 'rowOpsparing')), num(r.opsparing, 1, L), txt(fuText(L, 'opsparingSource'))],
      [txt(fuText(L, 'rowP', { year: y })), pct(r.pMerforbrug, L), txt(se(r.pMerforbrugSe))],
      [txt(fuText(L, 'rowPBeyond')), pct(r.pBeyondOpsparing, L), txt(se(r.pBeyondOpsparingSe))],
      [txt(fuText(L, 'rowWeight')), pct(r.priorWeight, L, 0), txt(fuText(L, 'weightExpl'))],
    ],
  );
  let deviation: FollowUpTable | undefined;
  const d = r.deviation;
  if (d) {
    const tkr = (x: number) =>
      L === 'da' ? `${formatNumber(x * 1000, 1, L)} t.kr.` : `DKK ${formatNumber(x * 1000, 1, L)}k`;
    deviation = table(
      'followup-deviation',
      fuText(L, 'deviationCaption', { month: asOfLabel(r, L) }),
      [
        [fuText(L, 'col'), false],
        [L === 'da' ? 'Mio. kr.' : 'DKK million', true],
        [fuText(L, 'colExplanation'), false],
      ],
      [
        [txt(fuText(L, 'rowBudgetToDate')), num(d.budget, 1, L), txt('')],
        [txt(fuText(L, 'rowToDate')), num(d.actual, 1, L), txt('')],
        [
          txt(fuText(L, 'rowDeviationToDate')),
          num(d.deviation, 1, L),
          txt(fuText(L, 'explDeviation', { fixed: formatMio(d.fixedToDate, L) })),
        ],
        [
          txt(fuText(L, 'rowVolume')),
          num(d.volume, 1, L),
          txt(
            fuText(L, 'explVolume', {
              a: formatNumber(d.startsActual, 0, L),
              b: formatNumber(d.startsBudget, 0, L),
              ea: formatNumber(d.exposureActual, 0, L),
              eb: formatNumber(d.exposureBudget, 0, L),
            }),
          ),
        ],
        [
          txt(fuText(L, 'rowPrice')),
          num(d.price, 1, L),
          txt(
            fuText(L, d.priceFrom === 'commitments' ? 'explPriceCommitments' : 'explPriceSpending', {
              a: tkr(d.costPerForloebActual),
              b: tkr(d.costPerForloebBudget),
            }),
          ),
        ],
        [txt(fuText(L, 'rowTiming')), num(d.timing, 1, L), txt(fuText(L, 'explTiming'))],
      ],
    );
  }
  const monthsRows = r.months
    .filter((m) => r.granularity === 'month' || m.month % 3 === 0)
    .map((m) => {
      const f = m.fan;
      const cum = m.cumulative;
      return [
        monthCell(r, m.month, L),
        m.forbrug !== undefined ? num(r.granularity === 'quarter' ? m.forbrug * 3 : m.forbrug, 1, L) : txt(''),
        cum !== undefined ? num(cum, 1, L) : txt(''),
        num(m.budget, 1, L),
        cum !== undefined ? num(cum - m.budget, 1, L) : txt(''),
        f && m.month > r.asOf ? num(f.p10, 1, L) : txt(''),
        f && m.month > r.asOf ? num(f.p50, 1, L) : txt(''),
        f && m.month > r.asOf ? num(f.p90, 1, L) : txt(''),
        m.forloeb !== undefined ? num(r.granularity === 'quarter' ? m.forloeb * 3 : m.forloeb, 0, L) : txt(''),
        m.henvendelser !== undefined
          ? num(r.granularity === 'quarter' ? m.henvendelser * 3 : m.henvendelser, 0, L)
          : txt(''),
      ];
    });
  const months = table(
    'followup-months',
    fuText(L, 'monthsCaption', { year: y }),
    [
      [fuText(L, 'colMonth'), false],
      [fuText(L, 'colForbrug'), true],
      [fuText(L, 'colCumulative'), true],
      [fuText(L, 'colBudget'), true],
      [fuText(L, 'colDeviation'), true],
      ['P10', true],
      ['P50', true],
      ['P90', true],
      [fuText(L, 'colStarts'), true],
      [fuText(L, 'colHenvendelser'), true],
    ],
    monthsRows,
  );
  let backtest: FollowUpTable | undefined;
  const bt = r.backtest;
  if (bt && bt.years.length) {
    const row = (
      label: Cell,
      c: {
        n: number;
        coverage80: number;
        coverage95: number;
        mape: number;
        dataCoverage80: number;
        dataCoverage95: number;
        dataMape: number;
      },
    ): Cell[] => [
      label,
      num(c.n, 0, L),
      pct(c.coverage80, L, 0),
      pct(c.coverage95, L, 0),
      pct(c.mape, L, 1),
      pct(c.dataCoverage80, L, 0),
      pct(c.dataCoverage95, L, 0),
      pct(c.dataMape, L, 1),
    ];
    backtest = table(
      'followup-backtest',
      fuText(L, 'backtestCaption', { years: bt.years.length }),
      [
        [fuText(L, 'colMonth'), false],
        [fuText(L, 'colYears'), true],
        [fuText(L, 'colCov80'), true],
        [fuText(L, 'colCov95'), true],
        [fuText(L, 'colMape'), true],
        [fuText(L, 'colDataCov80'), true],
        [fuText(L, 'colDataCov95'), true],
        [fuText(L, 'colDataMape'), true],
      ],
      [...bt.months.map((m) => row(monthCell(r, m.month, L), m)), row(txt(fuText(L, 'rowAll')), bt.overall)],
      r.notes
        .filter((n) => n.code.startsWith('backtest.'))
        .map((n) => noteText(n, L))
        .join(' '),
    );
  }
  const assumptions = table(
    'followup-assumptions',
    fuText(L, 'assumptionsCaption'),
    [
      [fuText(L, 'colAssumption'), false],
      [fuText(L, 'colValue'), false],
      [fuText(L, 'colSource'), false],
    ],
    r.assumptions.map((a) => {
      const [what, value] = assumptionText(a, L);
      return [txt(what), txt(value), txt(sourceText(a.at))];
    }),
  );
  return {
    summary,
    keyFigures,
    ...(deviation ? { deviation } : {}),
    months,
    ...(backtest ? { backtest } : {}),
    assumptions,
  };
}

/**
 * The tables in reading order.
 *
 * @example
 * followUpTableList(followUpTables(result, 'da')).map((t) => t.id) // ['followup-summary', 'followup-key', …]
 */
export function followUpTableList(t: FollowUpTables): FollowUpTable[] {
  return [t.summary, t.keyFigures, t.deviation, t.months, t.backtest, t.assumptions].filter(
    (x): x is FollowUpTable => x !== undefined,
  );
}

/**
 * Notes shown under the follow-up (the illustrative warning first; backtest notes go with its table).
 *
 * @example
 * followUpNotes(result, 'en').at(-1) // 'Method: expected outturn = spending to date + …'
 */
export function followUpNotes(r: FollowUpResult, L: Lang): string[] {
  return [...r.notes.filter((n) => !n.code.startsWith('backtest.')).map((n) => noteText(n, L)), fuText(L, 'method')];
}

/**
 * The basis of the projection from the year's months, so it can be recomputed by hand:
 * F = C_m / (P_m · e^ε) with C_m, the share P_m (from what), ε's location (from which years, how
 * shrunk) and the value at the medians next to the P50.
 *
 * @example
 * projectionBasis(result, 'da') // 'Fremskrivningen af årets måneder: F = C_6 / (P_6 · e^ε) …'
 */
export function projectionBasis(r: FollowUpResult, L: Lang): string {
  const p = r.projection;
  const m = r.asOf;
  const da = L === 'da';
  const n = (x: number, d: number) => formatNumber(x, d, L);
  const e = p.residual;
  const k0 = e.biasPriorYears;
  const month = monthName(m, L);
  const from = p.startProfileFrom.length
    ? p.startProfileFrom.join(', ')
    : da
      ? 'ingen år (modelfilen)'
      : 'no years (the model file)';
  const cohorts = p.pace
    ? da
      ? `forløb startet til og med ${month} og fra før året, nye forløb resten af året i årets tempo (${n(p.pace.value, 0)} om året), startprofil fra filens ${from}, varighed og faste udgifter som i antagelserne`
      : `cases started up to ${month} and before the year, new cases for the rest of the year at the year's pace (${n(p.pace.value, 0)} a year), start profile from the file's ${from}, durations and fixed costs as in the assumptions`
    : da
      ? 'startprofil × varighed og faste udgifter som i antagelserne'
      : 'start profile × durations and fixed costs as in the assumptions';
  const eps = e.years
    ? da
      ? `ε er korrektionen fra ${e.years} tidligere års faktiske forløb i filen (${p.historyYears.join(', ')}): ē = gennemsnittet af log(C_k,${m} / F_k) − log P_k,${m} = ${n(e.mean, 4)}, krympet mod 0 med ${n(k0, 0)} prior-år: placering ${e.years}·ē/(${n(k0, 0)} + ${e.years}) = ${n(e.location, 4)} (t-fordelt, skala ${n(e.scale, 4)}, ${n(e.df, 0)} frihedsgrader)`
      : `ε is the correction from ${e.years} earlier years' actual course in the file (${p.historyYears.join(', ')}): ē = the mean of log(C_k,${m} / F_k) − log P_k,${m} = ${n(e.mean, 4)}, shrunk towards 0 by ${n(k0, 0)} prior year: location ${e.years}·ē/(${n(k0, 0)} + ${e.years}) = ${n(e.location, 4)} (Student t, scale ${n(e.scale, 4)}, ${n(e.df, 0)} degrees of freedom)`
    : da
      ? `ε har ingen tidligere år i filen: placering 0 (t-fordelt, skala ${n(e.scale, 4)} fra antagelserne)`
      : `ε has no earlier years in the file: location 0 (Student t, scale ${n(e.scale, 4)} from the assumptions)`;
  const at = `${n(r.toDate.forbrug, 1)} / (${n(p.share, 3)} · e^${n(e.location, 4)}) = ${formatMio(p.central, L)}`;
  return da
    ? `Fremskrivningen af årets måneder: F = C_${m} / (P_${m} · e^ε). C_${m} = ${formatMio(r.toDate.forbrug, L)} er forbruget til og med ${month}; P_${m} = ${n(p.share, 3)} er den andel af årets forbrug, som forløbene giver til og med ${month} (${cohorts}); ${eps}. Ved medianerne: ${at} (P50 ovenfor: ${n(r.data.p50, 1)}; en forskel kommer af tempoets og ε's spredning og gulvet ved forbrug til dato).`
    : `The projection from the year's months: F = C_${m} / (P_${m} · e^ε). C_${m} = ${formatMio(r.toDate.forbrug, L)} is spending up to ${month}; P_${m} = ${n(p.share, 3)} is the share of the year's spending the cases give up to ${month} (${cohorts}); ${eps}. At the medians: ${at} (P50 above: ${n(r.data.p50, 1)}; a difference comes from the spread of the pace and of ε and the floor at spending to date).`;
}

/**
 * Where the bevilling comes from, for the headline and the key figures: the user's value, the file's
 * budget column, the data, or the scenario's estimate (anslået), then with its 80 % interval when it is
 * drawn into P(merforbrug), and the option that gives the finanslov's amount.
 *
 * @example
 * bevillingExplanation(result, 'da') // 'anslået: random walk på bevillingen i scenariet baseline, se antagelserne; …'
 */
export function bevillingExplanation(r: FollowUpResult, L: Lang): string {
  const row = r.assumptions.find((a) => a.code.startsWith('bevilling.'));
  const da = L === 'da';
  switch (row?.code) {
    case 'bevilling.option':
      return da ? 'angivet med --bevilling' : 'given with --bevilling';
    case 'bevilling.file':
      return da ? 'summen af filens budgetkolonne' : "the sum of the file's budget column";
    case 'bevilling.data':
      return da ? `fra data (${row.at.source ?? ''})` : `from the data (${row.at.source ?? ''})`;
    case 'bevilling.scenario': {
      const sc = String(row.params.scenario);
      const how =
        row.params.kind === 'amount'
          ? da
            ? `scenariet ${sc}s beløb`
            : `scenario ${sc}'s amount`
          : row.params.kind === 'pl'
            ? da
              ? `anslået: bevillingen fremskrevet med PL i scenariet ${sc}`
              : `estimated: the appropriation indexed by PL in scenario ${sc}`
            : da
              ? `anslået: random walk på bevillingen i scenariet ${sc}, se antagelserne`
              : `estimated: a random walk of the appropriation in scenario ${sc}, see the assumptions`;
      const b = r.bevillingDrawn;
      const drawn = b
        ? da
          ? `; P(merforbrug) regner med dens usikkerhed (80 %: ${formatNumber(b.p10, 1, L)}–${formatNumber(b.p90, 1, L)})`
          : `; P(overspend) carries its uncertainty (80%: ${formatNumber(b.p10, 1, L)}–${formatNumber(b.p90, 1, L)})`
        : '';
      return `${how}${drawn}; ${da ? 'angiv --bevilling for finansloven' : "give --bevilling for the finance act's amount"}`;
    }
    default:
      return '';
  }
}

/**
 * The headline sentence: forventet regnskab with its 80 % interval and P(merforbrug).
 *
 * @example
 * followUpHeadline(result, 'da') // 'Forventet regnskab 2025 (opgjort pr. 30.06.2025): 158,0 mio. kr. [80 %: …'
 */
export function followUpHeadline(r: FollowUpResult, L: Lang): string {
  const date = r.statedDate ? parseDate(r.statedDate) : undefined;
  const asOf = date ? formatDate(date, L) : asOfLabel(r, L);
  const code = r.assumptions.find((a) => a.code.startsWith('bevilling.'))?.code;
  const est = code === 'bevilling.scenario' && r.assumptions.some((a) => a.code === code && a.params.kind !== 'amount');
  const given = code === 'bevilling.option';
  return L === 'da'
    ? `Forventet regnskab ${r.year} (opgjort pr. ${asOf}): ${formatMio(r.yearEnd.p50, L)} [80 %: ${formatNumber(r.yearEnd.p10, 1, L)}–${formatNumber(r.yearEnd.p90, 1, L)}] mod ${est ? 'en anslået bevilling' : given ? 'den angivne bevilling' : 'en bevilling'} på ${formatMio(r.bevilling, L)} (${bevillingExplanation(r, L).replace(/^(anslået|estimated): /, '')}); P(merforbrug) = ${formatPct(r.pMerforbrug, L)}, P(merforbrug ud over brugbar opsparing på ${formatMio(r.opsparing, L)}) = ${formatPct(r.pBeyondOpsparing, L)}.`
    : `Expected outturn ${r.year} (as of ${asOf}): ${formatMio(r.yearEnd.p50, L)} [80%: ${formatNumber(r.yearEnd.p10, 1, L)}–${formatNumber(r.yearEnd.p90, 1, L)}] against ${est ? 'an estimated appropriation' : given ? 'the given appropriation' : 'an appropriation'} of ${formatMio(r.bevilling, L)} (${bevillingExplanation(r, L).replace(/^(anslået|estimated): /, '')}); P(overspend) = ${formatPct(r.pMerforbrug, L)}, P(overspend beyond usable savings of ${formatMio(r.opsparing, L)}) = ${formatPct(r.pBeyondOpsparing, L)}.`;
}

function plainTable(tb: FollowUpTable): string {
  const rows = [tb.columns, ...tb.rows.map((r) => r.map((c) => c.text))];
  const table = textTable(rows, { align: tb.columns.map((_, c) => (tb.numeric[c] ? 'right' : 'left')) });
  return [tb.caption, table, ...(tb.note ? [tb.note] : [])].join('\n');
}

/**
 * What `viso follow-up` prints: the headline, the warning on illustrative data, the tables
 * and the notes.
 *
 * @example
 * process.stdout.write(formatFollowUp(await followUp(actuals), 'da'));
 */
export function formatFollowUp(r: FollowUpResult, L: Lang): string {
  const t = followUpTables(r, L);
  const notes = followUpNotes(r, L);
  const illustrative = r.notes.some((n) => n.code === 'illustrative');
  const parts = [fuText(L, 'title', { year: r.year }), followUpHeadline(r, L)];
  if (illustrative) parts.push(notes[0]);
  parts.push(...followUpTableList(t).map(plainTable));
  parts.push(`${fuText(L, 'notes')}:\n${(illustrative ? notes.slice(1) : notes).map((n) => `- ${n}`).join('\n')}`);
  return parts.join('\n\n') + '\n';
}

/**
 * The follow-up tables as an XLSX workbook (one sheet, numbers as numbers; deterministic).
 *
 * @example
 * writeFileSync('opfoelgning.xlsx', await followUpXlsx(result, 'da'));
 */
export async function followUpXlsx(r: FollowUpResult, L: Lang): Promise<Uint8Array> {
  const ExcelJS = (await import('../vendor/exceljs.js')).default;
  const { WORKBOOK_DATE, writeSheetTable } = await import('./xlsx.js');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'viso-budget';
  wb.lastModifiedBy = 'viso-budget';
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  wb.title = fuText(L, 'title', { year: r.year });
  const ws = wb.addWorksheet(L === 'da' ? 'Opfølgning' : 'Follow-up');
  const widths: number[] = [];
  const note = (i: number, len: number) => (widths[i] = Math.min(60, Math.max(widths[i] ?? 8, len + 2)));
  let row = 1;
  ws.getCell(row, 1).value = neutraliseCell(fuText(L, 'title', { year: r.year }));
  ws.getCell(row, 1).font = { bold: true, size: 14 };
  row += 2;
  for (const s of [followUpHeadline(r, L), ...followUpNotes(r, L)]) {
    ws.getCell(row, 1).value = neutraliseCell(s);
    row++;
  }
  row++;
  for (const tb of followUpTableList(followUpTables(r, L))) row = writeSheetTable(ws, tb, row, note, L);
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never);
  return zipFixedDates(new Uint8Array(raw as ArrayBuffer));
}
