/**
 * A strict JSON parser for input files (RFC 8259): no recursion (nesting is bounded by
 * `LIMITS.nestingDepth`, so `[[[[…` cannot overflow the stack), duplicate keys refused
 * (JSON.parse silently keeps the last), and every problem an `InputError` with file,
 * line and column. It also remembers the line where each object or array starts, down to
 * a chosen depth, so validators can point at a record.
 */
import { InputError } from '../errors.js';
import type { Msg, MsgCode } from '../text/messages.js';
import { LIMITS } from './limits.js';

/** What a syntax error expected: valid JSON, with what is wrong. */
const invalid = (detail: MsgCode): Msg => ({ code: 'json.valid', params: { detail: { code: detail } } });

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

  const fail = (expected: Msg, at = i): never => {
    const { l, c } = position(at);
    const found: string | Msg = at >= n ? { code: 'data.endOfFile' } : text.slice(at, at + 20).split(/\r?\n/)[0];
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
      if (c < 32) fail(invalid('json.controlChar'));
    }
    return fail(invalid('json.unterminatedString'), start - 1);
  };
  const slowStr = (start: number): string => {
    let out = text.slice(start, i);
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return out;
      }
      if (c < 32) fail(invalid('json.controlChar'));
      if (c !== 92) {
        out += text[i];
        continue;
      }
      const e = text[++i];
      if (e === 'u') {
        const hex = text.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(invalid('json.unicodeEscape'), i - 1);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
      } else {
        const m = ESCAPES[e as keyof typeof ESCAPES];
        if (m === undefined) fail(invalid('json.escape'), i - 1);
        out += m;
      }
    }
    return fail(invalid('json.unterminatedString'), start - 1);
  };
  const num = (): number => {
    const s = i;
    if (text.charCodeAt(i) === 45) i++;
    const d0 = text.charCodeAt(i);
    if (d0 === 48) i++;
    else if (d0 >= 49 && d0 <= 57) while (isDigit(text.charCodeAt(i))) i++;
    else fail(invalid('json.minus'), s);
    if (text.charCodeAt(i) === 46) {
      i++;
      if (!isDigit(text.charCodeAt(i))) fail(invalid('json.fraction'), s);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    const e = text.charCodeAt(i);
    if (e === 101 || e === 69) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === 43 || sign === 45) i++;
      if (!isDigit(text.charCodeAt(i))) fail(invalid('json.exponent'), s);
      while (isDigit(text.charCodeAt(i))) i++;
    }
    return Number(text.slice(s, i));
  };
  const literal = (word: string, value: unknown): unknown => {
    if (!text.startsWith(word, i)) fail(invalid('json.token'));
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
    if (i >= n) fail(invalid('json.end'));
    stack[stack.length - 1]?.elLines?.push(line);
    const c = text.charCodeAt(i);
    if (c === 123 || c === 91) {
      if (stack.length >= maxDepth) fail({ code: 'json.maxDepth', params: { n: maxDepth } });
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
    else fail(invalid('json.token'));
    // --- after a value: close containers as far as they end here
    for (;;) {
      ws();
      if (done) {
        if (i < n) fail(invalid('json.afterJson'));
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
      fail(isArr ? invalid('json.afterElement') : invalid('json.afterValue'));
    }
  }

  function readKey(frame: Frame): void {
    if (text.charCodeAt(i) !== 34)
      fail(text.charCodeAt(i) === 125 ? invalid('json.afterComma') : invalid('json.propertyName'));
    const at = i;
    let k = str();
    const cached = keyCache.get(k);
    if (cached !== undefined) k = cached;
    else if (keyCache.size < 10_000) keyCache.set(k, k);
    if (Object.prototype.hasOwnProperty.call(frame.container, k))
      fail({ code: 'json.uniqueKeys', params: { key: JSON.stringify(k) } }, at);
    frame.key = k;
    ws();
    if (text.charCodeAt(i) !== 58) fail(invalid('json.colon'));
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
