/**
 * Reading editable YAML model files with exact error positions: every
 * problem (YAML syntax, schema, semantic check) becomes one `InputError`
 * naming the file, 1-based line and column, what was expected and what was found.
 */
import { readFileSync } from 'node:fs';
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from '../vendor/yaml.js';
import type { ZodType } from 'zod';
import { InputError } from '../errors.js';

/** A parsed YAML file that can locate any value path back in the text. */
export interface YamlFile {
  file: string;
  text: string;
  doc: Document;
  lines: LineCounter;
  /** The plain JavaScript value of the document. */
  data: unknown;
}

/**
 * Parse YAML text; a syntax error is an InputError with line and column.
 *
 * @example
 * const y = parseYamlText('a: 1\n', 'x.yaml');
 * y.data // { a: 1 }
 */
export function parseYamlText(text: string, file: string): YamlFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lines.linePos(err.pos[0]);
    const msg = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError({ file, line: pos.line, column: pos.col }, 'valid YAML', msg);
  }
  return { file, text, doc, lines, data: doc.toJS() };
}

/**
 * Read and parse a YAML file (missing file → InputError).
 *
 * @example
 * readYamlFile('models/cost.yaml').data
 */
export function readYamlFile(path: string): YamlFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError({ file: path }, 'a readable YAML file', 'no such file');
  }
  return parseYamlText(text, path);
}

/**
 * 1-based line and column of the value at `path` (or, for a missing key, of
 * its nearest existing parent). With `key: true` the position of the map key.
 *
 * @example
 * const y = parseYamlText('a:\n  b: 2\n', 'x.yaml');
 * yamlPosition(y, ['a', 'b']) // { line: 2, column: 6 }
 */
export function yamlPosition(y: YamlFile, path: readonly (string | number)[], key = false): { line: number; column: number } {
  let node: unknown = y.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of path) {
    let next: unknown;
    let keyOffset: number | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
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
    offset = key && keyOffset !== undefined && seg === path[path.length - 1] ? keyOffset : rangeStart(node) ?? offset;
  }
  const p = y.lines.linePos(offset);
  return { line: p.line, column: p.col };
}

/**
 * Source text of the value at `path` (for "found ..." in messages).
 *
 * @example
 * yamlSource(parseYamlText('a: [1, 2]\n', 'x.yaml'), ['a']) // '[1, 2]'
 */
export function yamlSource(y: YamlFile, path: readonly (string | number)[]): string | undefined {
  const node = y.doc.getIn(path, true);
  if (isNode(node) && node.range) return y.text.slice(node.range[0], node.range[1]).trim();
  return undefined;
}

/**
 * An InputError located at the value `path` of a YAML file.
 *
 * @example
 * throw yamlError(y, ['effect', 'sd'], 'sd >= 0');
 */
export function yamlError(y: YamlFile, path: readonly (string | number)[], expected: string, found?: string): InputError {
  const pos = yamlPosition(y, path);
  const f = found ?? yamlSource(y, path);
  const what = path.length ? ` for ${path.join('.')}` : '';
  return new InputError({ file: y.file, line: pos.line, column: pos.column }, expected + what, f);
}

/**
 * Validate the document against a zod schema; the first issue becomes an
 * InputError at the offending value.
 *
 * @example
 * const v = validateYaml(parseYamlText('n: x\n', 'x.yaml'), z.object({ n: z.number() }));
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
export function validateYamlAt<T>(y: YamlFile, at: readonly (string | number)[], value: unknown, schema: ZodType<T>): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = [...at, ...issue.path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number')];
  throw yamlError(y, path, describeIssue(issue));
}

function describeIssue(issue: { code: string; message: string; expected?: unknown; keys?: string[]; values?: unknown[] }): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return `a value (required field is missing)`;
      return `${article(String(issue.expected))}`;
    case 'unrecognized_keys':
      return `no unknown keys (${(issue.keys ?? []).join(', ')})`;
    case 'invalid_value':
      return `one of ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return issue.message.replace(/^Invalid input: /, '').replace(/^expected /, '');
  }
}

function article(t: string): string {
  if (t === 'array') return 'a list';
  if (t === 'object' || t === 'record' || t === 'map') return 'a mapping';
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

function rangeStart(n: unknown): number | undefined {
  return isNode(n) && n.range ? n.range[0] : undefined;
}
