/**
 * The one YAML loader (scenario, measure, cost, PL-index and mapping files): bounded
 * reading, parsing with positions, limits on nesting depth and alias expansion, and
 * validation against zod schemas in our own wording. Every problem (unreadable file,
 * YAML syntax, resource limit, schema, semantic check) is one `InputError`
 * `file:line:column: expected …, found …`. The only module that imports the YAML parser.
 */
import {
  isAlias,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type Pair,
  type YAMLMap,
} from '../vendor/yaml.js';
import type { ZodType } from 'zod';
import { InputError, type InputLocation } from '../errors.js';
import { LIMITS } from './limits.js';
import { sayMsg, type Msg } from '../text/messages.js';
import { readInputText } from './read.js';

/** A parsed YAML file that can locate any value path back in the text. */
export interface YamlFile {
  /** The file name used in messages. */
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The plain JavaScript value of the document. */
  data: unknown;
  /** Where the value at `path` was written (see {@link yamlLocate}). */
  locate(path: readonly PropertyKey[], key?: boolean): InputLocation;
}

/** Options of {@link parseYaml} and {@link readYamlFile}. */
export interface YamlOptions {
  /** Deepest nesting of mappings and lists (default `LIMITS.nestingDepth`). */
  maxDepth?: number;
  /** Most alias expansions (default `LIMITS.yamlAliasCount`). */
  maxAliasCount?: number;
}

/**
 * Parse YAML text; syntax errors, nesting deeper than the limit and alias bombs are an
 * InputError with line and column.
 *
 * @example
 * const y = parseYaml('a: 1\n', 'x.yaml');
 * y.data // { a: 1 }
 */
export function parseYaml(text: string, file: string, opts: YamlOptions = {}): YamlFile {
  const lines = new LineCounter();
  const maxDepth = opts.maxDepth ?? LIMITS.nestingDepth;
  // long flow lists of plain numbers (an empirical distribution of 10⁶ values) are read
  // directly: as YAML nodes they would take a gigabyte
  const lists = numberLists(text);
  const yamlText = lists ? lists.text : text;
  // before the parser sees the text: its composer recurses per nesting level (10.000 `[`
  // abort the process rather than throw) and needs about 2 KB per value while parsing
  const scan = scanStructure(yamlText, maxDepth, LIMITS.yamlValues);
  if (scan.deepAt !== undefined) {
    const { line, column } = lineColumn(text, scan.deepAt);
    throw new InputError({ file, line, column }, { code: 'yaml.maxDepth', params: { n: maxDepth } });
  }
  if (scan.fullAt !== undefined) {
    const { line, column } = lineColumn(text, scan.fullAt);
    throw new InputError(
      { file, line, column },
      { code: 'yaml.maxValues', params: { n: LIMITS.yamlValues } },
      { code: 'yaml.more' },
    );
  }
  let doc: Document;
  try {
    // duplicate keys are found below in linear time (the parser's own check is quadratic:
    // 900.000 keys took minutes)
    doc = parseDocument(yamlText, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  } catch (e) {
    throw new InputError({ file }, { code: 'yaml.valid' }, firstLine(e));
  }
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError({ file, line: pos.line, column: pos.col }, { code: 'yaml.valid' }, msg);
  }
  const dup = duplicateKey(doc);
  if (dup !== undefined) {
    const pos = lines.linePos(dup);
    throw new InputError({ file, line: pos.line, column: pos.col }, { code: 'yaml.valid' }, 'Map keys must be unique');
  }
  const y: YamlFile = {
    file,
    text,
    doc,
    lines,
    data: undefined,
    locate: (path, key = false) => yamlLocate(y, path, key),
  };
  const maxAliasCount = opts.maxAliasCount ?? LIMITS.yamlAliasCount;
  try {
    y.data = doc.toJS({ maxAliasCount });
    if (lists) y.data = restoreLists(y.data, lists.byToken);
  } catch (e) {
    // the only errors toJS throws on parsed input are resource limits (alias expansion)
    const at = firstAlias(doc);
    const pos = at === undefined ? { line: 1, col: 1 } : lines.linePos(at);
    const bomb = /alias/i.test(firstLine(e));
    throw new InputError(
      { file, line: pos.line, column: pos.col },
      bomb ? { code: 'yaml.maxAliases', params: { n: maxAliasCount } } : { code: 'yaml.valid' },
      bomb ? { code: 'yaml.aliasBomb' } : firstLine(e),
    );
  }
  return y;
}

/**
 * Read and parse a YAML file: a regular file of at most `LIMITS.yamlFileBytes`
 * (missing, special or too large files are an InputError), then {@link parseYaml}.
 * `display` is the name used in messages (default: the path).
 *
 * @example
 * readYamlFile('models/cost.yaml').data
 */
export function readYamlFile(path: string, display: string = path, opts: YamlOptions = {}): YamlFile {
  const text = readInputText(path, { maxBytes: LIMITS.yamlFileBytes, display, what: { code: 'file.readableYaml' } });
  return parseYaml(text, display, opts);
}

/**
 * 1-based line and column of the value at `path` (or, for a missing key, of
 * its nearest existing parent). With `key: true` the position of the map key.
 *
 * @example
 * const y = parseYaml('a:\n  b: 2\n', 'x.yaml');
 * yamlPosition(y, ['a', 'b']) // { line: 2, column: 6 }
 */
export function yamlPosition(y: YamlFile, path: readonly PropertyKey[], key = false): { line: number; column: number } {
  let node: unknown = y.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = pairIndex(node).get(String(seg));
      if (pair) {
        next = pair.value;
        keyOffset = rangeStart(pair.key);
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined || next === null) {
      if (keyOffset !== undefined) offset = keyOffset;
      break;
    }
    node = next;
    offset = key && keyOffset !== undefined && seg === path[path.length - 1] ? keyOffset : (rangeStart(node) ?? offset);
  }
  const p = y.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * The location (file, line, column) of the value at `path`; see {@link yamlPosition}.
 *
 * @example
 * yamlLocate(parseYaml('a:\n  b: 2\n', 'x.yaml'), ['a', 'b']) // { file: 'x.yaml', line: 2, column: 6 }
 */
export function yamlLocate(y: YamlFile, path: readonly PropertyKey[], key = false): InputLocation {
  const p = yamlPosition(y, path, key);
  return { file: y.file, line: p.line, column: p.column };
}

/**
 * Source text of the value at `path` (for "found ..." in messages).
 *
 * @example
 * yamlSource(parseYaml('a: [1, 2]\n', 'x.yaml'), ['a']) // '[1, 2]'
 */
export function yamlSource(y: YamlFile, path: readonly PropertyKey[]): string | undefined {
  const node = y.doc.getIn(path as unknown[], true);
  if (isNode(node) && node.range) return y.text.slice(node.range[0], node.range[1]).trim();
  return undefined;
}

/**
 * An InputError located at the value `path` of a YAML file. A `hint` (`; did you mean -0.1 …?`) comes after the
 * path part, so the message reads »expected … for effect; did you mean -0.1 …?, found "-10"«.
 *
 * @example
 * throw yamlError(y, ['effect', 'sd'], 'sd >= 0');
 */
export function yamlError(
  y: YamlFile,
  path: readonly PropertyKey[],
  expected: string | Msg,
  found?: string,
  hint?: Msg,
): InputError {
  const pos = yamlPosition(y, path);
  const f = found ?? yamlSource(y, path);
  return new InputError(
    { file: y.file, line: pos.line, column: pos.column },
    expectedFor(expected, path.length ? path.map(String).join('.') : undefined, hint),
    f,
  );
}

/**
 * What was expected, for the key `at` (undefined for the document itself), with a `hint` after the key: the expected part
 * of {@link yamlError}'s message, for an error located otherwise.
 *
 * @example
 * expectedFor('sd >= 0', 'effect.sd') // 'sd >= 0 for effect.sd'
 * expectedFor(problem, 'measures.0.effect', hint) // { code: 'yaml.forHint', … }: '… for measures.0.effect; did you mean -0.1 …?'
 */
export function expectedFor(expected: string | Msg, at: string | undefined, hint?: Msg): string | Msg {
  if (hint)
    return {
      code: 'yaml.forHint',
      params: { what: expected, path: at === undefined ? '' : { code: 'yaml.forPath', params: { path: at } }, hint },
    };
  if (typeof expected === 'string') return expected + (at === undefined ? '' : ` for ${at}`);
  return at === undefined ? expected : { code: 'yaml.for', params: { what: expected, path: at } };
}

/**
 * Validate the document against a zod schema; the first issue becomes an
 * InputError at the offending value.
 *
 * @example
 * const v = validateYaml(parseYaml('n: x\n', 'x.yaml'), z.object({ n: z.number() }));
 * // throws: x.yaml:1:4: expected a number for n, found "x"
 */
export function validateYaml<T>(y: YamlFile, schema: ZodType<T>): T {
  return validateYamlAt(y, [], y.data, schema);
}

/**
 * Validate one value found at `at` in the document (paths in errors are
 * prefixed with `at`).
 *
 * @example
 * validateYamlAt(y, ['effect'], data.effect, distSchema)
 */
export function validateYamlAt<T>(y: YamlFile, at: readonly PropertyKey[], value: unknown, schema: ZodType<T>): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues as ZodIssueLike[];
  // a misspelt key (carryover) also leaves its field missing (carry_over): the unknown key is the problem to name
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  const rel = zodIssuePath(issue);
  const path = [...at, ...rel];
  const key = issue.code === 'unrecognized_keys' ? issue.keys?.[0] : undefined;
  if (key !== undefined) {
    // at the unknown key itself, found as written there (`colour: red`), not the whole map it stands in
    const e = yamlError(y, path, describeZodIssueMsg(issue), `${key}: ${yamlSource(y, [...path, key])}`);
    const pos = yamlPosition(y, [...path, key], true);
    throw new InputError({ file: y.file, line: pos.line, column: pos.column }, e.msg ?? e.expected, e.found);
  }
  throw yamlError(y, path, describeZodIssueMsg(issue, valueAtPath(value, rel)));
}

/** The fields of a zod issue this module reads. */
export interface ZodIssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  expected?: unknown;
  received?: unknown;
  keys?: string[];
  values?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  divisor?: number;
  issues?: ZodIssueLike[];
}

/**
 * The path of a zod issue with only string and number segments (for record keys, the key).
 *
 * @example
 * zodIssuePath({ code: 'invalid_type', message: '', path: ['a', 0] }) // ['a', 0]
 */
export function zodIssuePath(issue: ZodIssueLike): (string | number)[] {
  return issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
}

/**
 * What a zod issue expected, in our wording (never zod's own text such as
 * "Invalid input: expected number, received Infinity" or "Too big: expected number to be
 * <=4294967295"). Messages given in a schema (`z.string().regex(re, 'a year like 2025')`)
 * are used as they are. `value` is the offending value, when known.
 *
 * @example
 * describeZodIssue({ code: 'too_big', origin: 'number', maximum: 4294967295, inclusive: true, path: [], message: 'Too big: expected number to be <=4294967295' })
 * // 'a number of at most 4294967295'
 */
export function describeZodIssue(issue: ZodIssueLike, value?: unknown): string {
  const m = describeZodIssueMsg(issue, value);
  return typeof m === 'string' ? m : sayMsg(m, 'en');
}

/**
 * What a zod issue expected, as a code of the dictionary (worded in the user's language), or the
 * schema's own message as it is.
 *
 * @example
 * describeZodIssueMsg({ code: 'too_big', origin: 'number', maximum: 10, inclusive: true, path: [], message: 'Too big' })
 * // { code: 'zod.atMost', params: { n: '10' } }
 */
export function describeZodIssueMsg(issue: ZodIssueLike, value?: unknown): string | Msg {
  const own = !/^(Invalid|Too (big|small)|Expected|Unrecognized)\b/.test(issue.message);
  const num = (v: number | bigint | undefined) => String(v);
  switch (issue.code) {
    case 'invalid_type': {
      if (
        issue.message.includes('received undefined') ||
        (value === undefined && issue.received === undefined && issue.message.endsWith('undefined'))
      )
        return { code: 'zod.required' };
      if (issue.expected === 'int') return { code: 'zod.whole' };
      if (
        issue.expected === 'number' &&
        (issue.received === 'Infinity' ||
          issue.received === 'NaN' ||
          (typeof value === 'number' && !Number.isFinite(value)))
      )
        return { code: 'zod.finite' };
      return { code: 'zod.type', params: { type: String(issue.expected) } };
    }
    case 'too_big': {
      if (issue.origin === 'string') return { code: 'zod.textMax', params: { n: num(issue.maximum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'zod.itemsMax', params: { n: num(issue.maximum) } };
      return { code: issue.inclusive === false ? 'zod.below' : 'zod.atMost', params: { n: num(issue.maximum) } };
    }
    case 'too_small': {
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { code: 'zod.nonEmptyText' }
          : { code: 'zod.textMin', params: { n: num(issue.minimum) } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return Number(issue.minimum) <= 1
          ? { code: 'zod.nonEmptyList' }
          : { code: 'zod.itemsMin', params: { n: num(issue.minimum) } };
      return { code: issue.inclusive === false ? 'zod.above' : 'zod.atLeast', params: { n: num(issue.minimum) } };
    }
    case 'unrecognized_keys':
      return { code: 'zod.unknownKeys', params: { keys: (issue.keys ?? []).join(', ') } };
    case 'invalid_value':
      return (issue.values ?? []).length === 1
        ? { code: 'zod.value', params: { value: JSON.stringify(issue.values![0]) } }
        : { code: 'zod.oneOf', params: { values: (issue.values ?? []).map((v) => JSON.stringify(v)).join(', ') } };
    case 'invalid_key': {
      if (!issue.issues?.[0]) return { code: 'zod.validKey' };
      const inner = describeZodIssueMsg(issue.issues[0]);
      return typeof inner === 'string' ? `a key that is ${inner}` : { code: 'zod.key', params: { what: inner } };
    }
    case 'invalid_format':
      return own ? issue.message : { code: 'zod.format', params: { format: issue.format ?? 'required' } };
    case 'not_multiple_of':
      return { code: 'zod.multiple', params: { n: String(issue.divisor) } };
    case 'invalid_union':
      return own ? issue.message : { code: 'zod.union' };
    default:
      return own ? issue.message : { code: 'zod.valid' };
  }
}

function valueAtPath(v: unknown, path: (string | number)[]): unknown {
  let cur: unknown = v;
  for (const k of path)
    cur = cur !== null && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[k] : undefined;
  return cur;
}

/** The pairs of a YAML map by key text (built once per map: locating n keys stays linear). */
const pairIndexes = new WeakMap<object, Map<string, Pair>>();
function pairIndex(map: YAMLMap): Map<string, Pair> {
  let idx = pairIndexes.get(map);
  if (!idx) {
    idx = new Map();
    for (const p of map.items) {
      if (!isPair(p)) continue;
      const k = isScalar(p.key) ? String(p.key.value) : String(p.key);
      if (!idx.has(k)) idx.set(k, p);
    }
    pairIndexes.set(map, idx);
  }
  return idx;
}

function rangeStart(n: unknown): number | undefined {
  return isNode(n) && n.range ? n.range[0] : undefined;
}

function firstLine(e: unknown): string {
  return String((e as Error)?.message ?? e).split('\n')[0];
}

/** Offset of the first key that repeats an earlier key of its mapping, or undefined. */
function duplicateKey(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Map(_k, node) {
      const keys = new Set<unknown>();
      for (const p of node.items) {
        if (!isScalar(p.key)) continue;
        const k = p.key.value;
        if (keys.has(k)) {
          at = p.key.range?.[0] ?? 0;
          return visit.BREAK;
        }
        keys.add(k);
      }
      return undefined;
    },
  });
  return at;
}

function firstAlias(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_k, node) {
      if (isAlias(node) && node.range) at = node.range[0];
      return visit.BREAK;
    },
  });
  return at;
}

/** Flow lists of at least this many plain numbers are read without the YAML parser. */
const FAST_LIST_MIN = 256;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * Find flow lists `[1, 2.5, -3e-2, …]` of at least `FAST_LIST_MIN` plain numbers outside
 * quotes and comments, parse them, and replace each in the text by a unique quoted token
 * of the same length (newlines kept, so every other position is unchanged).
 */
function numberLists(text: string): { text: string; byToken: Map<string, number[]> } | undefined {
  if (text.length < FAST_LIST_MIN * 2) return undefined;
  const byToken = new Map<string, number[]>();
  const nonce = Math.random().toString(36).slice(2, 10);
  const parts: string[] = [];
  let copied = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (quote === '"' && c === '\\') i++;
      else if (c === quote) quote = '';
      continue;
    }
    const prev = i === 0 ? '\n' : text[i - 1];
    if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
      const eol = text.indexOf('\n', i);
      if (eol < 0) break;
      i = eol;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) quote = c;
    else if (c === '[' && /[\s[{,:]/.test(prev)) {
      const end = text.indexOf(']', i);
      if (end < 0) break;
      const inner = text.slice(i + 1, end);
      if (inner.length < FAST_LIST_MIN * 2 || /[#"'[{}]/.test(inner)) continue;
      const values: number[] = [];
      let ok = true;
      for (let a = 0; a <= inner.length;) {
        let b = inner.indexOf(',', a);
        if (b < 0) b = inner.length;
        const t = inner.slice(a, b).trim();
        if (!NUMBER.test(t)) {
          ok = false;
          break;
        }
        values.push(Number(t));
        a = b + 1;
      }
      if (!ok || values.length < FAST_LIST_MIN) continue;
      const token = `"@@viso-numbers-${nonce}-${byToken.size}@@"`;
      const span = text.slice(i, end + 1);
      // the token on the list's first line, every other character a space and every newline kept: all
      // offsets stay exact (a list whose first line is too short for the token goes through the parser)
      const segs = span.split('\n');
      if (segs[0].length < token.length) continue;
      byToken.set(token.slice(1, -1), values);
      const blank =
        ' '.repeat(segs[0].length - token.length) +
        segs
          .slice(1)
          .map((g) => '\n' + ' '.repeat(g.length))
          .join('');
      parts.push(text.slice(copied, i), token, blank);
      copied = end + 1;
      i = end;
    }
  }
  if (byToken.size === 0) return undefined;
  parts.push(text.slice(copied));
  return { text: parts.join(''), byToken };
}

/** Put the lists read by `numberLists` back in place of their tokens. */
function restoreLists(v: unknown, byToken: Map<string, number[]>): unknown {
  if (typeof v === 'string') return byToken.get(v) ?? v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = restoreLists(v[i], byToken);
  } else if (v !== null && typeof v === 'object') {
    for (const k of Object.keys(v))
      (v as Record<string, unknown>)[k] = restoreLists((v as Record<string, unknown>)[k], byToken);
  }
  return v;
}

/** 1-based line and column of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}

/**
 * A lexical over-estimate of a YAML text's structure, without parsing it: the offset where
 * the nesting of collections first exceeds `maxDepth` (indentation levels, `- ` markers at
 * the start of a line and open flow brackets outside quotes and comments), and the offset
 * where the number of values (lines, list markers, flow items) first exceeds `maxValues`.
 */
function scanStructure(text: string, maxDepth: number, maxValues: number): { deepAt?: number; fullAt?: number } {
  const indents: number[] = [];
  let flow = 0;
  let quote: '' | "'" | '"' = '';
  let values = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // start of a line
    let lineDepth = 0;
    if (!quote && flow === 0) {
      let w = 0;
      while (i + w < n && text[i + w] === ' ') w++;
      const c = text[i + w];
      if (c !== '\n' && c !== '\r' && c !== '#' && c !== undefined) {
        while (indents.length && indents[indents.length - 1] >= w) indents.pop();
        indents.push(w);
        let j = i + w;
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\n')) {
          lineDepth++;
          j += 2;
          while (text[j] === ' ') j++;
        }
        if (indents.length + lineDepth > maxDepth) return { deepAt: i + w };
        values += 1 + lineDepth;
        if (values > maxValues) return { fullAt: i + w };
      }
    }
    for (; i < n; i++) {
      const c = text[i];
      if (c === '\n') {
        i++;
        break;
      }
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        }
        continue;
      }
      const prev = i === 0 ? '\n' : text[i - 1];
      const atToken = prev === ' ' || prev === '\t' || prev === '\n' || prev === '[' || prev === '{' || prev === ',';
      if (c === '#' && (prev === ' ' || prev === '\t' || prev === '\n')) {
        const eol = text.indexOf('\n', i);
        i = eol < 0 ? n : eol - 1;
      } else if ((c === '"' || c === "'") && (atToken || prev === ':')) quote = c;
      else if ((c === '[' || c === '{') && (atToken || prev === ':')) {
        flow++;
        values++;
        if (indents.length + lineDepth + flow > maxDepth) return { deepAt: i };
      } else if ((c === ']' || c === '}') && flow > 0) flow--;
      else if (c === ',' && flow > 0 && ++values > maxValues) return { fullAt: i };
    }
  }
  return {};
}
