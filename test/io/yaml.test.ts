import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseYaml, validateYaml, yamlPosition } from '../../src/io/yaml.js';

describe('YAML positions', () => {
  it('locates nested values 1-based', () => {
    const y = parseYaml('a:\n  b: 2\n', 'x.yaml');
    expect(yamlPosition(y, ['a', 'b'])).toEqual({ line: 2, column: 6 });
  });
  it('reports a schema type error at the value', () => {
    expect(() => validateYaml(parseYaml('n: x\n', 'x.yaml'), z.object({ n: z.number() }))).toThrow('x.yaml:1:4: expected a number for n, found "x"');
  });
  it('reports a missing field at its parent', () => {
    expect(() => validateYaml(parseYaml('m: 1\n', 'x.yaml'), z.object({ n: z.number() }))).toThrow(/^x\.yaml:1:1: expected a value \(required field is missing\) for n/);
  });
  it('reports unknown keys and bad enum values', () => {
    expect(() => validateYaml(parseYaml('n: 1\nq: 2\n', 'x.yaml'), z.object({ n: z.number() }).strict())).toThrow(/x\.yaml:1:1: expected no unknown keys \(q\)/);
    expect(() => validateYaml(parseYaml('n: foo\n', 'x.yaml'), z.object({ n: z.enum(['a', 'b']) }))).toThrow('x.yaml:1:4: expected one of "a", "b" for n, found "foo"');
  });
  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseYaml('a: [1, 2\nb: 3\n', 'x.yaml')).toThrow(/^x\.yaml:\d+:\d+: expected valid YAML/);
    expect(() => parseYaml('a: 1\na: 2\n', 'x.yaml')).toThrow(/^x\.yaml:2:1: expected valid YAML, found "Map keys must be unique/);
  });
});
