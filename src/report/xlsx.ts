/**
 * The XLSX workbook for finance staff: one sheet per topic with the report's tables,
 * numbers stored as numbers with Excel number formats (shown with Danish separators in a
 * Danish Excel), text cells starting with `=`, `+`, `-`, `@` neutralised, fixed document
 * dates and ZIP timestamps so the same model gives the same bytes. exceljs is imported lazily.
 */
import { neutraliseCell } from './escape.js';
import { t, type StringKey } from '../text/report.js';
import type { ReportModel } from './model.js';
import { followUpSection } from './followupSection.js';
import { knownBevillingSource, knownForbrugAt, summaryParagraphs } from './summary.js';
import { reportTables, type Cell, type ReportTable } from './tables.js';
import type { Lang } from '../text/number.js';
import { quantileTable, writeResultSheet } from './results.js';
import { projectionSheetName, writeProjectionInputs, writeProjectionSheet, type InputCells } from './xlsxProjection.js';
import { WORKBOOK_DATE, zipFixedDates } from './zip.js';

export { WORKBOOK_DATE };

/**
 * All tables of the workbook in sheet order.
 *
 * @example
 * workbookTables(model).map((t) => t.id) // ['scenario-summary', 'history', ...]
 */
export function workbookTables(m: ReportModel): ReportTable[] {
  const tb = reportTables(m);
  const list = [
    tb.summary,
    tb.headline,
    tb.trackRecordSummary,
    tb.calibration,
    tb.trackRecord,
    tb.history,
    tb.activity,
    tb.unitCost,
    tb.events,
    ...tb.forecasts,
    ...tb.scenarios,
    tb.compare,
    tb.measures,
    tb.verdict,
    tb.costSplit,
    tb.whatIf,
    tb.sensitivity,
    tb.accuracy,
    tb.costModel,
    tb.costResiduals,
    tb.inputs,
    tb.assumptions,
    tb.glossary,
    tb.sources,
    tb.otherSources,
    tb.userData,
  ];
  if (m.followUp) list.push(...followUpSection(m.followUp, m.lang).tables);
  return list.filter((x): x is ReportTable => x !== undefined);
}

/** The part of an exceljs worksheet the table writer uses. */
interface SheetLike {
  getCell(
    r: number,
    c: number,
  ): { value: unknown; font?: unknown; fill?: unknown; alignment?: unknown; numFmt?: string };
}

/** One worksheet column of a table: its header, and which part of which table column it holds. */
export interface SheetColumn {
  header: string;
  numeric: boolean;
  source: number;
  part: 'whole' | 'lead' | 'lower' | 'upper';
  /** The lead number of a range cell this column holds (`part` 'lead'). */
  lead?: number;
}

/**
 * How a table's columns are laid out in the workbook: a column holding ranges (`range` cells) becomes two, lower
 * and upper bound, so finance staff can compute with them. A column of ranges only is headed »…, nedre« and
 * »…, øvre« (»…, lower«, »…, upper«); a column that mixes single values and ranges keeps its header for the single
 * values and a range's lower bound, and the second is headed »…, øvre«. A range cell's lead numbers (`Cell.lead`: a
 * coverage's hits and n) come first, each a column of its own under its own header, the bounds then »…, nedre«, »…, øvre«.
 *
 * @example
 * sheetColumns(reportTables(model).measures, 'da').map((c) => c.header) // [..., 'Interval, nedre', 'Interval, øvre', ...]
 */
export function sheetColumns(tb: Pick<ReportTable, 'columns' | 'numeric' | 'rows'>, lang: Lang): SheetColumn[] {
  const w = lang === 'da' ? { lower: 'nedre', upper: 'øvre' } : { lower: 'lower', upper: 'upper' };
  return tb.columns.flatMap((c, i): SheetColumn[] => {
    const cells = tb.rows.map((r) => r[i]).filter((x): x is Cell => x !== undefined);
    if (!cells.some((x) => x.range)) return [{ header: c, numeric: tb.numeric[i], source: i, part: 'whole' }];
    const onlyRanges = cells.every((x) => x.range || x.text === '' || x.text === '–');
    const lead = (cells.find((x) => x.lead?.length)?.lead ?? []).map((l, j): SheetColumn => ({
      header: l.header,
      numeric: true,
      source: i,
      part: 'lead',
      lead: j,
    }));
    return [
      ...lead,
      { header: onlyRanges || lead.length ? `${c}, ${w.lower}` : c, numeric: true, source: i, part: 'lower' },
      { header: `${c}, ${w.upper}`, numeric: true, source: i, part: 'upper' },
    ];
  });
}

/**
 * Write one table (caption, header, rows, note) from row `r` on; returns the row after it and a
 * blank line. Numbers stay numbers with their format, a range becomes two numbers (see {@link sheetColumns});
 * text is neutralised. `note(i, len)` is told each column's text length (for column widths).
 *
 * @example
 * let r = 1;
 * r = writeSheetTable(ws, reportTables(model).history, r, () => {}, 'da');
 */
export function writeSheetTable(
  ws: SheetLike,
  tb: Pick<ReportTable, 'caption' | 'columns' | 'numeric' | 'rows' | 'note'>,
  r: number,
  note: (i: number, len: number) => void,
  lang: Lang,
): number {
  const caption = ws.getCell(r, 1);
  caption.value = neutraliseCell(tb.caption);
  caption.font = { bold: true, size: 12 };
  r++;
  const cols = sheetColumns(tb, lang);
  cols.forEach((c, i) => {
    const cell = ws.getCell(r, i + 1);
    cell.value = neutraliseCell(c.header);
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
    cell.alignment = { horizontal: c.numeric ? 'right' : 'left', wrapText: true };
    note(i, Math.min(c.header.length, 24));
  });
  r++;
  for (const row of tb.rows) {
    cols.forEach((col, i) => {
      const c = row[col.source];
      if (!c) return;
      const cell = ws.getCell(r, i + 1);
      if (col.part === 'lead') {
        const l = c.lead?.[col.lead ?? 0];
        if (!l) return;
        cell.value = l.value;
        cell.numFmt = l.numFmt;
        note(i, 6);
      } else if (c.range && col.part !== 'whole') {
        cell.value = col.part === 'lower' ? c.range.lower : c.range.upper;
        cell.numFmt = c.range.numFmt;
        note(i, 10);
      } else if (col.part === 'upper') {
        return; // a single value sits in the lower (main) column
      } else if (typeof c.value === 'number') {
        cell.value = c.value;
        if (c.numFmt) cell.numFmt = c.numFmt;
        note(i, c.text.length);
      } else {
        cell.value = neutraliseCell(c.text);
        note(i, c.text.length);
      }
    });
    r++;
  }
  if (tb.note) {
    const n = ws.getCell(r, 1);
    n.value = neutraliseCell(tb.note);
    n.font = { italic: true };
    r++;
  }
  return r + 1;
}

/** Columns a summary paragraph spans at least (a sheet with narrower tables still gets readable lines). */
const TEXT_MIN_COLUMNS = 8;

/**
 * Wrap each text row across the columns of the sheet's tables (merged, top-aligned) and give it the height its
 * lines need: Excel does not fit a merged row's height itself. About 1,2 characters of text per unit of column
 * width (a unit is one digit of the default font) and 15 points per line.
 *
 * @example
 * wrapTextRows(ws, [[3, 640]], [33, 12, 12, 12, 12, 12, 12, 12]) // row 3 merged over A:H, 4 lines high
 */
function wrapTextRows(
  ws: SheetLike & {
    mergeCells(t: number, l: number, b: number, r: number): void;
    getRow(r: number): { height: number };
  },
  rows: readonly [number, number][],
  widths: readonly number[],
): void {
  const n = Math.max(TEXT_MIN_COLUMNS, widths.length);
  let total = 0;
  for (let i = 0; i < n; i++) total += widths[i] ?? 8;
  const perLine = Math.max(20, Math.floor(total * 1.2));
  for (const [row, chars] of rows) {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(row).height = 15 * Math.max(1, Math.ceil(chars / perLine));
  }
}

/**
 * Render the workbook to XLSX bytes (deterministic).
 *
 * @example
 * const bytes = await renderXlsx(model);
 */
export async function renderXlsx(m: ReportModel): Promise<Uint8Array> {
  const ExcelJS = (await import('../vendor/exceljs.js')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'viso-budget';
  wb.lastModifiedBy = 'viso-budget';
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  wb.title = t(m.lang, 'report.title');
  // recalculate the projection's formulas when the file is opened
  (wb as unknown as { calcProperties: Record<string, unknown> }).calcProperties = { fullCalcOnLoad: true };
  const tables = workbookTables(m);
  const sheetOrder: StringKey[] = [];
  for (const tb of [{ sheet: 'sheet.summary' as StringKey }, ...tables])
    if (!sheetOrder.includes(tb.sheet)) sheetOrder.push(tb.sheet);
  const projected = m.scenarios.find((s) => s.projection);
  let inputCells: InputCells | undefined;
  for (const key of sheetOrder) {
    const ws = wb.addWorksheet(t(m.lang, key));
    const widths: number[] = [];
    const note = (i: number, len: number) => (widths[i] = Math.min(60, Math.max(widths[i] ?? 8, len + 2)));
    let r = 1;
    // the summary's text rows (row, characters): wrapped across the width of the tables below them
    const textRows: [number, number][] = [];
    if (key === 'sheet.summary') {
      ws.getCell(r, 1).value = neutraliseCell(t(m.lang, 'report.title'));
      ws.getCell(r, 1).font = { bold: true, size: 14 };
      r += 2;
      for (const p of summaryParagraphs(m)) {
        const text = p.join(' ');
        ws.getCell(r, 1).value = neutraliseCell(text);
        textRows.push([r, text.length]);
        r++;
      }
      ws.getCell(r, 1).value = neutraliseCell(t(m.lang, 'text.mcNote'));
      ws.getCell(r, 1).font = { italic: true };
      textRows.push([r, t(m.lang, 'text.mcNote').length]);
      r += 2;
    }
    let first = true;
    for (const tb of tables.filter((x) => x.sheet === key)) {
      // the sheet's first table: its header frozen, an autofilter over it
      if (first && key !== 'sheet.summary' && tb.rows.length) {
        ws.views = [{ state: 'frozen', xSplit: 0, ySplit: r + 1 }];
        ws.autoFilter = {
          from: { row: r + 1, column: 1 },
          to: { row: r + 1 + tb.rows.length, column: sheetColumns(tb, m.lang).length },
        };
        first = false;
      }
      r = writeSheetTable(ws, tb, r, note, m.lang);
    }
    if (key === 'sheet.assumptions' && projected?.projection) {
      inputCells = writeProjectionInputs(
        ws,
        r,
        t(m.lang, key),
        projected.projection.inputs,
        m.lang,
        projected.result.name,
      );
      note(0, 40);
      note(1, 12);
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    if (textRows.length) {
      wrapTextRows(ws, textRows, widths);
      // printed: A4 landscape, the sheet's width on one page
      ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    }
  }
  if (m.scenarios.length)
    writeResultSheet(
      wb.addWorksheet(m.lang === 'da' ? 'Kvantiler' : 'Quantiles') as never,
      quantileTable(
        m.scenarios.map((s) => s.result),
        m.lang,
      ),
    );
  if (projected?.projection && inputCells) {
    const years = projected.projection.inputs.years;
    writeProjectionSheet(
      wb.addWorksheet(projectionSheetName(m.lang)) as never,
      projected.projection.inputs,
      projected.projection.engine,
      inputCells,
      m.lang,
      {
        bevilling: years.map((y) => knownBevillingSource(projected, y) ?? null),
        forbrug: years.map((y) => knownForbrugAt(projected, y) ?? null),
      },
    );
  }
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as never);
  return zipFixedDates(new Uint8Array(raw as ArrayBuffer));
}
