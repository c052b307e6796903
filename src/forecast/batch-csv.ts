/**
 * CSV for `forecast-batch`: an incremental RFC 4180 record reader (text is
 * pushed in chunks of any size, records come out with the line they start
 * on, memory bounded by the longest record) and the writing side: RFC 4180
 * quoting and neutralising of ids that a spreadsheet would run as a formula.
 */

import { sayMsg, type Msg } from '../text/messages.js';

/** One record of the input with the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** set when the record is malformed (e.g. text after a closing quote); `fields` then holds what was read */
  error?: string;
}

/** A problem of the whole input (unterminated quote, over-long record): the caller turns it into an InputError. */
export class CsvSyntaxError extends Error {
  /** What was expected, in English. */
  readonly expected: string;
  constructor(
    readonly line: number,
    /** What was expected, as a code of the dictionary. */
    readonly msg: Msg,
  ) {
    const expected = sayMsg(msg, 'en');
    super(`line ${line}: expected ${expected}`);
    this.expected = expected;
    this.name = 'CsvSyntaxError';
  }
}

/** Longest record accepted (characters): bounds memory on a file with an unterminated quote. */
export const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/**
 * Incremental RFC 4180 reader: `push` text chunks (split anywhere, even inside
 * a quoted field or between CR and LF), then `end`. Quoted fields may hold
 * commas, doubled quotes, CR and LF; CRLF, LF and a lone CR end a record;
 * blank lines are skipped; a leading byte-order mark is dropped.
 *
 * @example
 * const r = new CsvRecordReader();
 * const out: CsvRecord[] = [];
 * r.push('id,value\n"a,1",2\n"b', (x) => out.push(x));
 * r.end((x) => out.push(x)); // throws CsvSyntaxError: line 3: expected a closing quote …
 */
export class CsvRecordReader {
  private fields: string[] = [];
  private field = '';
  /** inside a quoted field */
  private quoted = false;
  /** just saw a quote inside a quoted field (either the closing one or the first of "") */
  private quoteSeen = false;
  /** the current field was quoted and is closed: only a comma or a line end may follow */
  private closed = false;
  private error: string | undefined;
  /** line the current record starts on, and the current line */
  private start = 1;
  private line = 1;
  private lastCR = false;
  private first = true;
  /** a CR inside a quoted field was counted as a line end (an LF right after it is not counted again) */
  private quotedCR = false;

  constructor(private readonly maxRecordChars = MAX_RECORD_CHARS) {}

  /** Feed a chunk of text; complete records go to `emit`. */
  push(text: string, emit: (r: CsvRecord) => void): void {
    let i = 0;
    const n = text.length;
    if (this.first && n > 0) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let from = i; // start of the pending plain run of the current field
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false;
          if (c === QUOTE) {
            // "" inside quotes: one literal quote (the first was not added yet)
            this.field += '"';
            from = i + 1;
            continue;
          }
          // the previous quote closed the field
          this.quoted = false;
          this.closed = true;
          from = i;
          // fall through to the unquoted handling of c
        } else {
          if (c === QUOTE) {
            this.field += text.slice(from, i);
            this.quoteSeen = true;
            from = i + 1;
            this.quotedCR = false;
          } else if (c === LF) {
            if (!this.quotedCR) this.line++;
            this.quotedCR = false;
          } else if (c === CR) {
            this.line++;
            this.quotedCR = true;
          } else this.quotedCR = false;
          continue;
        }
      }
      if (this.lastCR) {
        this.lastCR = false;
        if (c === LF) {
          from = i + 1;
          continue; // second half of CRLF
        }
      }
      if (c === COMMA) {
        this.field += text.slice(from, i);
        this.endField();
        from = i + 1;
      } else if (c === LF || c === CR) {
        this.field += text.slice(from, i);
        this.endRecord(emit);
        this.line++;
        this.start = this.line;
        if (c === CR) this.lastCR = true;
        from = i + 1;
      } else if (c === QUOTE && this.field === '' && from === i && !this.closed) {
        this.quoted = true;
        from = i + 1;
      } else if (this.closed && this.error === undefined) {
        this.error = 'a comma or line end after a closing quote';
      }
    }
    this.field += text.slice(from, n);
    this.checkLength();
  }

  private checkLength(): void {
    let pending = this.field.length;
    for (const f of this.fields) pending += f.length + 1;
    if (pending > this.maxRecordChars) {
      throw new CsvSyntaxError(
        this.start,
        this.quoted
          ? { code: 'forecast.err.quoteWithin', params: { n: this.maxRecordChars } }
          : { code: 'forecast.err.recordMax', params: { n: this.maxRecordChars } },
      );
    }
  }

  /** Flush the last record (a file need not end with a line break). */
  end(emit: (r: CsvRecord) => void): void {
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
      this.closed = true;
    }
    if (this.quoted) throw new CsvSyntaxError(this.start, { code: 'forecast.err.quoteNever' });
    this.endRecord(emit);
  }

  private endField(): void {
    this.fields.push(this.field);
    this.field = '';
    this.closed = false;
  }

  private endRecord(emit: (r: CsvRecord) => void): void {
    const blank = this.fields.length === 0 && this.field === '' && !this.closed;
    if (!blank) {
      this.checkLength();
      this.endField();
      const r: CsvRecord = { line: this.start, fields: this.fields };
      if (this.error !== undefined) r.error = this.error;
      emit(r);
    }
    this.fields = [];
    this.field = '';
    this.closed = false;
    this.error = undefined;
  }
}

/**
 * Quote a field per RFC 4180 when it holds a comma, a quote, CR or LF
 * (quotes doubled); otherwise return it unchanged.
 *
 * @example
 * csvField('a,b') // '"a,b"'
 * csvField('say "hi"') // '"say ""hi"""'
 * csvField('Y1') // 'Y1'
 */
export function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Neutralise a text that a spreadsheet would read as a formula: one that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe (OWASP's advice for CSV injection), so Excel and LibreOffice show
 * it as text. Other texts are returned unchanged.
 *
 * @example
 * neutraliseFormula('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * neutraliseFormula('Y1') // 'Y1'
 */
export function neutraliseFormula(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
