/**
 * A small spreadsheet for tests: sheets of cells as the report's sheet writers fill them (`getCell(r, c)`), and
 * an evaluator of the formulas they write (numbers, cell references `B2`, `$B$3`, `'Antagelser'!$B$43`, ranges
 * `O$2:O5`, `+ - * / ^`, comparisons, IF, ISNUMBER, EXP, MAX, MIN, PRODUCT), with Excel's precedence (negation
 * before `^`). An empty cell is 0 in arithmetic and not a number for ISNUMBER, as in Excel. An unknown token or
 * function throws, so a formula the evaluator cannot read fails the test instead of passing it.
 */

export interface TestCell {
  value: unknown;
  font?: unknown;
  fill?: unknown;
  alignment?: unknown;
  numFmt?: string;
}

/** One sheet: cells by row and column, the parts of an exceljs worksheet the writers use. */
export class TestSheet {
  readonly cells = new Map<string, TestCell>();
  readonly columns = new Map<number, { width?: number }>();
  views: unknown[] = [];
  autoFilter?: unknown;
  constructor(readonly name: string) {}
  getCell(r: number, c: number): TestCell {
    const k = `${r},${c}`;
    let x = this.cells.get(k);
    if (!x) this.cells.set(k, (x = { value: null }));
    return x;
  }
  getColumn(c: number): { width?: number } {
    let x = this.columns.get(c);
    if (!x) this.columns.set(c, (x = {}));
    return x;
  }
  /** The cell's value as written (a formula as `{ formula }`), or undefined when empty. */
  raw(r: number, c: number): unknown {
    const v = this.cells.get(`${r},${c}`)?.value;
    return v === null ? undefined : v;
  }
}

/** A workbook of test sheets whose formulas can be evaluated. */
export class TestWorkbook {
  readonly sheets = new Map<string, TestSheet>();
  private memo = new Map<string, unknown>();
  sheet(name: string): TestSheet {
    let s = this.sheets.get(name);
    if (!s) this.sheets.set(name, (s = new TestSheet(name)));
    return s;
  }
  /** The value of a cell: a number, a text, or undefined (empty); formulas evaluated. */
  value(sheet: string, r: number, c: number): unknown {
    const key = `${sheet}|${r},${c}`;
    if (this.memo.has(key)) return this.memo.get(key);
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const raw = s.raw(r, c);
    const v =
      raw && typeof raw === 'object' && 'formula' in raw
        ? new Parser(this, sheet, String((raw as { formula: string }).formula)).run()
        : raw;
    this.memo.set(key, v);
    return v;
  }
}

const colNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

type Val = unknown;
const num = (v: Val): number => {
  if (v === undefined) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v !== 'number') throw new Error(`not a number: ${String(v)}`);
  return v;
};

class Parser {
  private i = 0;
  constructor(
    private wb: TestWorkbook,
    private sheet: string,
    private s: string,
  ) {}
  run(): Val {
    const v = this.comparison();
    if (this.i !== this.s.length) throw new Error(`unread formula text at ${this.i}: ${this.s}`);
    return v;
  }
  private peek(t: string): boolean {
    return this.s.startsWith(t, this.i);
  }
  private eat(t: string): void {
    if (!this.peek(t)) throw new Error(`expected ${t} at ${this.i}: ${this.s}`);
    this.i += t.length;
  }
  private comparison(): Val {
    const a = this.additive();
    for (const op of ['>=', '<=', '<>', '>', '<', '=']) {
      if (!this.peek(op)) continue;
      this.i += op.length;
      const x = num(a);
      const y = num(this.additive());
      return op === '>='
        ? x >= y
        : op === '<='
          ? x <= y
          : op === '<>'
            ? x !== y
            : op === '>'
              ? x > y
              : op === '<'
                ? x < y
                : x === y;
    }
    return a;
  }
  private additive(): Val {
    let a = this.term();
    while (this.peek('+') || this.peek('-')) {
      const op = this.s[this.i++];
      const b = num(this.term());
      a = op === '+' ? num(a) + b : num(a) - b;
    }
    return a;
  }
  private term(): Val {
    let a = this.power();
    while (this.peek('*') || this.peek('/')) {
      const op = this.s[this.i++];
      const b = num(this.power());
      a = op === '*' ? num(a) * b : num(a) / b;
    }
    return a;
  }
  private power(): Val {
    let a = this.unary();
    while (this.peek('^')) {
      this.i++;
      a = Math.pow(num(a), num(this.unary()));
    }
    return a;
  }
  private unary(): Val {
    if (this.peek('-')) {
      this.i++;
      return -num(this.unary());
    }
    if (this.peek('+')) {
      this.i++;
      return num(this.unary());
    }
    return this.primary();
  }
  /** The values of the arguments of a function (a range gives all its cells). */
  private args(): Val[] {
    const out: Val[] = [];
    this.eat('(');
    if (this.peek(')')) {
      this.i++;
      return out;
    }
    for (;;) {
      const r = this.tryRange();
      if (r) out.push(...r);
      else out.push(this.comparison());
      if (this.peek(',')) this.i++;
      else break;
    }
    this.eat(')');
    return out;
  }
  private ref(): { sheet: string; r: number; c: number } | undefined {
    const m = /^(?:'((?:[^']|'')+)'!)?\$?([A-Z]{1,3})\$?(\d+)/.exec(this.s.slice(this.i));
    if (!m || /^[A-Z]+\(/.test(this.s.slice(this.i))) return undefined;
    this.i += m[0].length;
    return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : this.sheet, r: Number(m[3]), c: colNumber(m[2]) };
  }
  private tryRange(): Val[] | undefined {
    const start = this.i;
    const a = this.ref();
    if (!a || !this.peek(':')) {
      this.i = start;
      return undefined;
    }
    this.i++;
    const b = this.ref();
    if (!b) throw new Error(`bad range at ${this.i}: ${this.s}`);
    const out: Val[] = [];
    for (let r = Math.min(a.r, b.r); r <= Math.max(a.r, b.r); r++)
      for (let c = Math.min(a.c, b.c); c <= Math.max(a.c, b.c); c++) out.push(this.wb.value(a.sheet, r, c));
    return out;
  }
  private primary(): Val {
    if (this.peek('(')) {
      this.i++;
      const v = this.comparison();
      this.eat(')');
      return v;
    }
    const n = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(this.s.slice(this.i));
    if (n) {
      this.i += n[0].length;
      return Number(n[0]);
    }
    const f = /^([A-Z]+)\(/.exec(this.s.slice(this.i));
    if (f) {
      this.i += f[1].length;
      if (f[1] === 'IF') {
        // lazily: only the branch taken is evaluated
        this.eat('(');
        const cond = this.comparison();
        this.eat(',');
        const thenAt = this.i;
        const skip = () => {
          let depth = 0;
          while (this.i < this.s.length) {
            const ch = this.s[this.i];
            if (ch === "'") this.i = this.s.indexOf("'", this.i + 1);
            else if (ch === '(') depth++;
            else if (ch === ')' || ch === ',') {
              if (depth === 0) return;
              if (ch === ')') depth--;
            }
            this.i++;
          }
        };
        let v: Val;
        if (num(cond)) {
          v = this.comparison();
          this.eat(',');
          skip();
        } else {
          this.i = thenAt;
          skip();
          this.eat(',');
          v = this.comparison();
        }
        this.eat(')');
        return v;
      }
      const a = this.args();
      switch (f[1]) {
        case 'ISNUMBER':
          return typeof a[0] === 'number';
        case 'EXP':
          return Math.exp(num(a[0]));
        case 'MAX':
          return Math.max(...a.filter((x) => x !== undefined).map(num));
        case 'MIN':
          return Math.min(...a.filter((x) => x !== undefined).map(num));
        case 'PRODUCT':
          return a.filter((x) => typeof x === 'number').reduce((p: number, x) => p * num(x), 1);
        default:
          throw new Error(`function ${f[1]} not known to the test evaluator`);
      }
    }
    const r = this.ref();
    if (r) return this.wb.value(r.sheet, r.r, r.c);
    throw new Error(`cannot read formula at ${this.i}: ${this.s}`);
  }
}
