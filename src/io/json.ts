/**
 * A strict JSON parser for input files (RFC 8259): no recursion (nesting is bounded by
 * `LIMITS.nestingDepth`, so `[[[[…` cannot overflow the stack), duplicate keys refused
 * (JSON.parse silently keeps the last), and every problem an `InputError` with file,
 * line and column. It also remembers the line where each object or array starts, down to
 * a chosen depth, so validators can point at a record.
 */
import { InputError } from '../errors.js';
import { LIMITS } from './limits.js';

/** Options of {@link parseJson}. */
export interface JsonOptions {
  /** Deepest nesting of arrays and objects (default `LIMITS.nestingDepth`). */
  maxDepth?: number;
  /** Remember the start line of objects and arrays nested at most this deep (0 = the top value; default 2). */
  lineDepth?: number;
}

/** A parsed JSON document. */
export interface JsonDoc {
  value: unknown;
  /** The 1-based line where an object or array (within `lineDepth`) starts. */
  lineOf(v: object): number | undefined;
  /** The 1-based lines where the elements of an array (within `lineDepth`) start. */
  elementLines(a: unknown[]): number[] | undefined;
}

interface Frame {
  container: unknown[] | Record<string, unknown>;
  key?: string;
  /** Start lines of the elements, for arrays within `lineDepth`. */
  elLines?: number[];
}

/**
 * Parse JSON text. Syntax errors, duplicate keys and nesting deeper than the limit throw
 * an InputError `file:line:column: expected …`.
 *
 * @example
 * parseJson('{"a": [1, 2]}', 'a.json').value // { a: [1, 2] }
 * parseJson('{"a": 1, "a": 2}', 'a.json')     // throws InputError a.json:1:10: expected an object with unique keys ("a" appears twice), …""
 */
export function parseJson(text: string, file: string, opts: JsonOptions = {}): JsonDoc {
  const maxDepth = opts.maxDepth ?? LIMITS.nestingDepth;
  const lineDepth = opts.lineDepth ?? 2;
  const lines = new WeakMap<object, number>();
  const elementLines = new WeakMap<unknown[], number[]>();
  const keyCache = new Map<string, string>();
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;

  const fail = (expected: string, at = i): never => {
    const { l, c } = position(at);
    const found = at >= n ? 'end of file' : text.slice(at, at + 20).split(/\r?\n/)[0];
    throw new InputError({ file, line: l, column: c }, expected, found);
  };
  const position = (at: number): { l: number; c: number } => {
    let l = 1;
    let s = 0;
    for (let k = text.indexOf('\n'); k >= 0 && k < at; k = text.indexOf('\n', k + 1)) {
      l++;
      s = k + 1;
    }
    return { l, c: at - s + 1 };
  };
  const ws = () => {
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) line++;
      else if (c !== 32 && c !== 9 && c !== 13) break;
    }
  };
  const str = (): string => {
    // at the opening quote
    const start = ++i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) return text.slice(start, i++);
      if (c === 92) return slowStr(start);
      if (c < 32) fail('valid JSON (bad control character in string literal)');
    }
    return fail('valid JSON (unterminated string)', start - 1);
  };
  const slowStr = (start: number): string => {
    let out = text.slice(start, i);
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return out;
      }
      if (c < 32) fail('valid JSON (bad control character in string literal)');
      if (c !== 92) {
        out += text[i];
        continue;
      }
      const e = text[++i];
      if (e === 'u') {
        const hex = text.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('valid JSON (bad Unicode escape)', i - 1);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        const m = ESCAPES[e as keyof typeof ESCAPES];
        if (m === undefined) fail('valid JSON (bad escaped character)', i - 1);
        out += m;
      }
    }
    return fail('valid JSON (unterminated string)', start - 1);
  };
  const num = (): number => {
    const s = i;
    if (text.charCodeAt(i) === 45) i++;
    const d0 = text.charCodeAt(i);
    if (d0 === 48) i++;
    else if (d0 >= 49 && d0 <= 57) while (isDigit(text.charCodeAt(i))) i++;
    else fail('valid JSON (no number after minus sign)', s);
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail('valid JSON (unterminated fractional number)', s);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(text.charCodeAt(i))) fail('valid JSON (exponent part is missing a number)', s);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return Number(text.slice(s, i));
  };
  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, i)) fail('valid JSON (unexpected token)');
    i += word.length;
    return value;
  };

  const stack: Frame[] = [];
  let result: unknown;
  let done = false;
  /** Put a finished value into the current container (or make it the result). */
  const put = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = v;
      done = true;
    } else if (Array.isArray(top.container)) top.container.push(v);
    else setKey(top.container, top.key!, v);
  };

  ws();
  // state machine: expecting a value; after a value, a separator or the closing bracket
  for (;;) {
    // --- a value
    if (i >= n) fail('valid JSON (unexpected end of JSON input)');
    stack[stack.length - 1]?.elLines?.push(line);
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) fail(`JSON nested at most ${maxDepth} levels deep (see README, limits)`);
      const container = c === 123 ? {} : [];
      if (stack.length <= lineDepth) lines.set(container, line);
      i++;
      ws();
      const close = c === 123 ? 125 : 93;
      if (text.charCodeAt(i) === close) {
        i++;
        put(container);
      } else {
        const frame: Frame = { container };
        if (c === 91 && stack.length <= lineDepth) {
          frame.elLines = [];
          elementLines.set(container as unknown[], frame.elLines);
        }
        stack.push(frame);
        if (c === 123) readKey(frame);
        continue;
      }
    } else if (c === 34) put(str());
    else if (c === 45 || isDigit(c)) put(num());
    else if (c === 116) put(literal('true', true));
    else if (c === 102) put(literal('false', false));
    else if (c === 110) put(literal('null', null));
    else fail('valid JSON (unexpected token)');
    // --- after a value: close containers as far as they end here
    for (;;) {
      ws();
      if (done) {
        if (i < n) fail('valid JSON (unexpected non-whitespace character after JSON)');
        return { value: result, lineOf: (v) => lines.get(v), elementLines: (a) => elementLines.get(a) };
      }
      const top = stack[stack.length - 1];
      const isArr = Array.isArray(top.container);
      const ch = text.charCodeAt(i);
      if (ch === 44) {
        i++;
        ws();
        if (!isArr) readKey(top);
        break;
      }
      if (ch === (isArr ? 93 : 125)) {
        i++;
        stack.pop();
        put(top.container);
        continue;
      }
      fail(
        isArr
          ? "valid JSON (expected ',' or ']' after array element)"
          : "valid JSON (expected ',' or '}' after property value)",
      );
    }
  }

  function readKey(frame: Frame): void {
    if (text.charCodeAt(i) !== 34)
      fail(
        text.charCodeAt(i) === 125
          ? 'valid JSON (a property after the comma)'
          : 'valid JSON (expected double-quoted property name)',
      );
    const at = i;
    let k = str();
    const cached = keyCache.get(k);
    if (cached !== undefined) k = cached;
    else if (keyCache.size < 10_000) keyCache.set(k, k);
    if (Object.prototype.hasOwnProperty.call(frame.container, k))
      fail(`an object with unique keys (${JSON.stringify(k)} appears twice)`, at);
    frame.key = k;
    ws();
    if (text.charCodeAt(i) !== 58) fail("valid JSON (expected ':' after property name)");
    i++;
    ws();
  }
}

const ESCAPES = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as const;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function setKey(o: Record<string, unknown>, k: string, v: unknown): void {
  // as JSON.parse: "__proto__" is an ordinary own property, never the prototype
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}
