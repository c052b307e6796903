/**
 * How a message names another cell of a data file inside its sentence (»… (line 3 has mio. kr.)«): in a
 * spreadsheet the cell itself (`Data!C7`, as at the front of the error), else `line N`.
 */
import type { Msg } from '../text/messages.js';
import type { LocatedText } from './numbers.js';
import type { RawTable } from './rawtable.js';

/** The cell at `line` and column index `col` of `t` (`Data!C7`), or `line N` (data.err.onLine) outside a spreadsheet or without a column. */
export function lineOrCell(t: Pick<RawTable, 'cellName'>, line: number, col: number): string | Msg {
  return t.cellName && col >= 0 ? t.cellName(line, col) : { code: 'data.err.onLine', params: { line } };
}

/** Where a number text was found, as `lineOrCell` names it. */
export function textAt(t: Pick<RawTable, 'cellName' | 'columnLabels'>, x: LocatedText): string | Msg {
  return lineOrCell(t, x.line, t.columnLabels.indexOf(x.column));
}

/**
 * The refusal of a file mixing number conventions: `da` the first Danish-only text; the cell refused (the
 * international one) is »this line«, or »this cell« in a spreadsheet.
 */
export function mixedFormats(t: Pick<RawTable, 'cellName' | 'columnLabels'>, da: LocatedText): Msg {
  return {
    code: 'data.mixed',
    params: { where: textAt(t, da), text: da.text, here: { code: t.cellName ? 'data.err.thisCell' : 'data.err.thisLine' } },
  };
}
