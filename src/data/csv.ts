/**
 * A small RFC 4180 reader for delimited text (comma, semicolon or tab):
 * quoted fields may contain the delimiter, doubled quotes and newlines.
 * Every row keeps the 1-based line number where it starts, so errors can
 * point at the right line.
 */

/** One parsed row with the line it starts on. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** Delimiters the loaders understand. */
export type Delimiter = ',' | ';' | '\t';

/**
 * Split delimited text into rows of cells. A leading byte-order mark is
 * dropped; CRLF and LF both end a row; completely empty lines are skipped.
 * An unterminated quote is reported through `onError` (the rest of the text
 * becomes the last cell).
 *
 * @example
 * parseDelimited('a;b\n"x;y";2\n', ';')
 * // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x;y', '2'] }]
 */
export function parseDelimited(text: string, delimiter: Delimiter, onError?: (line: number, msg: string) => void): CsvRow[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: CsvRow[] = [];
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  let quoteLine = 0;
  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else inQuotes = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      inQuotes = true;
      quoteLine = line;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (inQuotes) onError?.(quoteLine, 'a closing quote (")');
  if (cell !== '' || cells.length) endRow();
  return rows;
}

/**
 * Guess the delimiter of delimited text from its first non-empty line: the
 * candidate (`;`, tab, `,`) occurring most often outside quotes wins; ties go
 * to semicolon, then tab, then comma.
 *
 * @example
 * detectDelimiter('serie;år;værdi\n') // ';'
 */
export function detectDelimiter(text: string): Delimiter {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const unquoted = first.replace(/"[^"]*"/g, '');
  const count = (d: string) => unquoted.split(d).length - 1;
  const cands: Delimiter[] = [';', '\t', ','];
  let best: Delimiter = ',';
  let bestN = 0;
  for (const d of cands) {
    const n = count(d);
    if (n > bestN) {
      best = d;
      bestN = n;
    }
  }
  return best;
}

/**
 * Quote a cell for CSV output if it contains the delimiter, a quote or a newline.
 *
 * @example
 * csvCell('mio. kr.', ',') // 'mio. kr.'
 * csvCell('a,b', ',')      // '"a,b"'
 */
export function csvCell(s: string, delimiter: Delimiter = ','): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replace(/"/g, '""')}"` : s;
}
