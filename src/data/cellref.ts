/**
 * How a message names another cell of a data file inside its sentence (»… (line 3 has mio. kr.)«): in a
 * spreadsheet the cell itself (`Data!C7`, as at the front of the error), else `line N`.
 */
import type { ColumnLabel, InputLocation } from '../errors.js';
import type { Msg } from '../text/messages.js';
import type { LocatedText } from './numbers.js';
import type { RawTable } from './rawtable.js';

/** The cell at `line` and column index `col` of `t` (`Data!C7`), or `line N` (data.err.onLine) outside a spreadsheet or without a column. */
export function lineOrCell(t: Pick<RawTable, 'cellName'>, line: number, col: number): string | Msg {
  return t.cellName && col >= 0 ? t.cellName(line, col) : { code: 'data.err.onLine', params: { line } };
}

/**
 * Where a problem of a whole row stands (a header that is not one, a missing column): `file:line` in a text file, the
 * row's first cell in a spreadsheet (`file: Ark2!A3`), so a workbook's problem names its sheet.
 *
 * @example
 * rowAt(sheetTable, 3) // { file: 'mine.xlsx', cell: 'Ark2!A3' }
 */
export function rowAt(t: Pick<RawTable, 'cellName' | 'file'>, line: number): InputLocation {
  return t.cellName ? { file: t.file, cell: t.cellName(line, 0) } : { file: t.file, line };
}

/**
 * A header row as a message shows what was found: its cells joined by the file's own delimiter (`serie;dato;værdi`
 * in a semicolon file), by commas in a spreadsheet or JSON file.
 *
 * @example
 * headerText({ header: ['serie', 'dato'], delimiter: ';' }) // 'serie;dato'
 */
export function headerText(t: Pick<RawTable, 'header' | 'delimiter'>): string {
  return t.header.join(t.delimiter ?? ',');
}

/** Where a cell's problem stands: `file:line` and its column, or in a spreadsheet the cell (`file: Ark1!C5`) and its column. */
export function cellAt(t: Pick<RawTable, 'cellName' | 'file' | 'columnLabels'>, line: number, col: number): InputLocation {
  return t.cellName ? { file: t.file, cell: t.cellName(line, col), column: t.columnLabels[col] } : { file: t.file, line, column: t.columnLabels[col] };
}

/** Where a number text was found, as `lineOrCell` names it. */
export function textAt(t: Pick<RawTable, 'cellName' | 'columnLabels'>, x: LocatedText): string | Msg {
  return lineOrCell(t, x.line, t.columnLabels.indexOf(x.column));
}

/**
 * The refusal of a file mixing number conventions: `da` the first Danish-only text; the cell refused (the
 * international one) is »this line«, or »this cell« in a spreadsheet. When `en`, the international text, stands on
 * the same line of a text file, both cells are named by their columns (»column år "2025.0" … column værdi
 * "152,4"«, not »line 2 … this line«); when one of them is in the column `year` (a year written with decimals,
 * 2025.0), the message says a year is written without them.
 *
 * @example
 * mixedFormats(t, { text: '152,4', line: 2, column: 'værdi' }, { text: '2025.0', line: 2, column: 'år' }, 'år')
 * // data.err.mixedCells: kolonne værdi "152,4" er dansk, kolonne år "2025.0" internationalt (et årstal skrives uden decimaler: 2025)
 */
export function mixedFormats(t: Pick<RawTable, 'cellName' | 'columnLabels'>, da: LocatedText, en?: LocatedText, year?: ColumnLabel): Msg {
  if (en && en.line === da.line && !t.cellName) {
    const yearText = year === undefined ? undefined : da.column === year ? da.text : en.column === year ? en.text : undefined;
    const whole = yearText === undefined ? undefined : Number(yearText.replace(',', '.'));
    return {
      code: 'data.err.mixedCells',
      params: {
        daCol: { code: 'input.column', params: { column: da.column } },
        daText: da.text,
        enCol: { code: 'input.column', params: { column: en.column } },
        enText: en.text,
        year: whole !== undefined && Number.isInteger(whole) ? { code: 'data.err.mixedYear', params: { year: whole } } : '',
      },
    };
  }
  return {
    code: 'data.mixed',
    params: { where: textAt(t, da), text: da.text, here: { code: t.cellName ? 'data.err.thisCell' : 'data.err.thisLine' } },
  };
}
