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
 * dropped; CRLF, LF and a lone CR end a row; completely empty lines are skipped.
 * An unterminated quote is reported through `onError` (the rest of the text
 * becomes the last cell).
 *
 * @example
 * parseDelimited('a;b\n"x;y";2\n', ';')
 * // [{ line: 1, cells: ['a', 'b'] }, { line: 2, cells: ['x;y', '2'] }]
 */
export function parseDelimited(text: string, delimiter: Delimiter, onError?: (line: number, msg: string) => void): CsvRow[] {
  return [...iterateDelimited(text, delimiter, onError)];
}

/**
 * The rows of delimited text one at a time, as {@link parseDelimited} returns them: a
 * large file is read in one linear pass without holding all its cells.
 *
 * @example
 * [...iterateDelimited('a,b\n1,2\n', ',')].length // 2
 */
export function* iterateDelimited(text: string, delimiter: Delimiter, onError?: (line: number, msg: string) => void): Generator<CsvRow> {
  const n = text.length;
  const d = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  // positions of the next quote and the next CR: a row without either is split with indexOf
  let nextQuote = text.indexOf('"', i);
  let nextCR = text.indexOf('\r', i);
  while (i < n) {
    const rowLine = line;
    const cells: string[] = [];
    let endOfText = false;
    if (nextQuote >= 0 && nextQuote < i) nextQuote = text.indexOf('"', i);
    if (nextCR >= 0 && nextCR < i) nextCR = text.indexOf('\r', i);
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    const crlf = nextCR === eol - 1 && eol > i;
    if ((nextQuote < 0 || nextQuote >= eol) && (nextCR < 0 || nextCR >= eol || crlf)) {
      // the fast path: a plain row (ending in LF or CRLF)
      const end = crlf ? eol - 1 : eol;
      for (let a = i; ; ) {
        const b = text.indexOf(delimiter, a);
        if (b < 0 || b >= end) {
          cells.push(text.slice(a, end));
          break;
        }
        cells.push(text.slice(a, b));
        a = b + 1;
      }
      i = eol + 1;
      if (eol < n) line++;
      if (!(cells.length === 1 && cells[0].trim() === '')) yield { line: rowLine, cells };
      continue;
    }
    for (;;) {
      // one field starting at i; a quote after nothing but white space opens a quoted field
      // (white space before it is dropped); other characters are taken as written
      let cell = '';
      let blank = true;
      let k = i;
      let run = i;
      while (k < n) {
        const c = text.charCodeAt(k);
        if (c === d || c === 10 || c === 13) break;
        if (c !== 34 || !blank) {
          if (blank && !isBlank(c)) blank = false;
          k++;
          continue;
        }
        // a quoted section
        const quoteLine = line;
        cell = '';
        let q = k + 1;
        for (;;) {
          const close = text.indexOf('"', q);
          if (close < 0) {
            line += countNewlines(text, q, n);
            cell += text.slice(q).replace(/""/g, '"');
            onError?.(quoteLine, 'a closing quote (")');
            q = n;
            break;
          }
          line += countNewlines(text, q, close);
          cell += text.slice(q, close);
          if (text.charCodeAt(close + 1) === 34) {
            cell += '"';
            q = close + 2;
          } else {
            q = close + 1;
            break;
          }
        }
        k = run = q;
        blank = cell.trim() === '';
      }
      if (k > run) cell += text.slice(run, k);
      cells.push(cell);
      if (k >= n) {
        endOfText = true;
        i = n;
        break;
      }
      const c = text.charCodeAt(k);
      if (c === d) {
        i = k + 1;
        if (i >= n) {
          cells.push('');
          endOfText = true;
          break;
        }
        continue;
      }
      // end of the row
      i = c === 13 && text.charCodeAt(k + 1) === 10 ? k + 2 : k + 1;
      line++;
      break;
    }
    if (!(cells.length === 1 && cells[0].trim() === '')) yield { line: rowLine, cells };
    if (endOfText) break;
  }
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 11 && c <= 12);
}

function countNewlines(text: string, from: number, to: number): number {
  let k = 0;
  for (let p = text.indexOf('\n', from); p >= 0 && p < to; p = text.indexOf('\n', p + 1)) k++;
  return k;
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
  const first = firstLine(text);
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

/** The first non-empty line of a text (without reading past it). */
function firstLine(text: string): string {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    let e = i;
    while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
    const l = text.slice(i, e);
    if (l.trim() !== '') return l;
    i = e + 1;
  }
  return '';
}
