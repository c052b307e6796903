import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseJson } from '../../src/io/json.js';

const message = (text: string): string => {
  try {
    parseJson(text, 'f.json');
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

describe('parseJson (strict, no recursion)', () => {
  it('gives what JSON.parse gives on valid input', () => {
    for (const t of [
      '{"a": [1, 2.5e3, -0.5, true, false, null, "x\\u00e6\\n\\"q\\""]}',
      '[]',
      '{}',
      '"s"',
      '1e400',
      '[{"__proto__": {"x": 1}}]',
      '\uFEFF[1]',
    ]) {
      expect(parseJson(t, 'f.json').value).toEqual(JSON.parse(t.replace(/^\uFEFF/, '')));
    }
    const v = parseJson('[{"__proto__": {"x": 1}}]', 'f.json').value as Record<string, unknown>[];
    expect(Object.getPrototypeOf(v[0])).toBe(Object.prototype);
  });
  it('refuses duplicate keys (JSON.parse keeps the last silently) at the second key', () => {
    expect(message('{"value": 1,\n "value": 2}')).toBe(
      'f.json:2:2: expected an object with unique keys ("value" appears twice), found "\\"value\\": 2}"',
    );
  });
  it('refuses nesting deeper than the limit instead of overflowing the stack', () => {
    expect(message('['.repeat(100_000) + ']'.repeat(100_000))).toMatch(
      /^f\.json:1:65: expected JSON nested at most 64 levels deep/,
    );
  });
  it('locates syntax errors by line and column', () => {
    expect(message('[1,\n 2 3]')).toBe(
      "f.json:2:4: expected valid JSON (expected ',' or ']' after array element), found \"3]\"",
    );
    expect(message('{"a": 1,}')).toMatch(/^f\.json:1:9: expected valid JSON/);
    expect(message('[01]')).toMatch(/^f\.json:1:3: expected valid JSON/);
    expect(message('')).toBe('f.json:1:1: expected valid JSON (unexpected end of JSON input), found "end of file"');
    expect(message('"a\tb"')).toMatch(/bad control character/);
  });
  it('remembers where each record and each element of the record list starts', () => {
    const doc = parseJson('{"observations": [\n  {"a": 1},\n\n  7,\n  {"a": 2}\n]}', 'f.json');
    const list = (doc.value as { observations: unknown[] }).observations;
    expect(doc.elementLines(list)).toEqual([2, 4, 5]);
    expect(doc.lineOf(list[2] as object)).toBe(5);
  });
});
