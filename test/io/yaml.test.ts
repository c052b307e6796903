import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { InputError, userMessage } from '../../src/errors.js';
import { parseYaml, validateYaml, yamlError, yamlPosition, yamlSource } from '../../src/io/yaml.js';
import type { Msg } from '../../src/text/messages.js';

describe('YAML positions', () => {
  it('locates nested values 1-based', () => {
    const y = parseYaml('a:\n  b: 2\n', 'x.yaml');
    expect(yamlPosition(y, ['a', 'b'])).toEqual({ line: 2, column: 6 });
  });
  it('reports a schema type error at the value', () => {
    expect(() => validateYaml(parseYaml('n: x\n', 'x.yaml'), z.object({ n: z.number() }))).toThrow(
      'x.yaml:1:4: expected a number for n, found "x"',
    );
  });
  it('reports a missing field at its parent', () => {
    expect(() => validateYaml(parseYaml('m: 1\n', 'x.yaml'), z.object({ n: z.number() }))).toThrow(
      /^x\.yaml:1:1: expected a value \(required field is missing\) for n/,
    );
  });
  it('reports unknown keys and bad enum values', () => {
    expect(() => validateYaml(parseYaml('n: 1\nq: 2\n', 'x.yaml'), z.object({ n: z.number() }).strict())).toThrow(
      'x.yaml:2:1: expected no unknown keys (q), found "q: 2"',
    );
    expect(() => validateYaml(parseYaml('n: foo\n', 'x.yaml'), z.object({ n: z.enum(['a', 'b']) }))).toThrow(
      'x.yaml:1:4: expected one of "a", "b" for n, found "foo"',
    );
  });
  it('names a misspelt key, not the field it leaves missing (carryover for carry_over)', () => {
    const schema = z.object({ o: z.object({ carry_over: z.boolean(), cap: z.number() }).strict() });
    expect(() => validateYaml(parseYaml('o:\n  cap: 1\n  carryover: true\n', 'x.yaml'), schema)).toThrow(
      'x.yaml:3:3: expected no unknown keys (carryover) for o, found "carryover: true"',
    );
  });
  it('reports YAML syntax errors with line and column', () => {
    expect(() => parseYaml('a: [1, 2\nb: 3\n', 'x.yaml')).toThrow(/^x\.yaml:\d+:\d+: expected valid YAML/);
    expect(() => parseYaml('a: 1\na: 2\n', 'x.yaml')).toThrow(
      /^x\.yaml:2:1: expected valid YAML, found "Map keys must be unique/,
    );
  });
});

describe('yamlError', () => {
  const y = parseYaml('effect: -10\n', 'x.yaml');
  const hint: Msg = { code: 'scenario.range.percentGuess', params: { guess: '-0.1' } };
  it('a hint comes after the path part, before what was found', () => {
    expect(yamlError(y, ['effect'], 'a share', undefined, hint).message).toBe(
      'x.yaml:1:9: expected a share for effect; did you mean -0.1 (a percentage written as a share)?, found "-10"',
    );
    expect(userMessage(yamlError(y, ['effect'], { code: 'yaml.nothing' }, undefined, hint), 'da')).toBe(
      'x.yaml:1:9: forventede intet for effect; mente du -0.1 (en procentsats skrevet som andel)?, fandt "-10"',
    );
  });
  it('without a hint the message is as before: the path after what was expected', () => {
    expect(yamlError(y, ['effect'], 'a share').message).toBe('x.yaml:1:9: expected a share for effect, found "-10"');
    expect(userMessage(yamlError(y, ['effect'], { code: 'yaml.nothing' }), 'da')).toBe(
      'x.yaml:1:9: forventede intet for effect, fandt "-10"',
    );
  });
});

describe('YAML limits (each refusal one located InputError, before the parser can exhaust anything)', () => {
  const msg = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as Error).message;
    }
    throw new Error('did not throw');
  };
  it('refuses nesting deeper than the limit, flow and block, at the line where it happens', () => {
    expect(msg(() => parseYaml('a: ' + '['.repeat(10_000) + ']'.repeat(10_000), 'x.yaml'))).toMatch(
      /^x\.yaml:1:\d+: expected YAML nested at most 64 levels deep/,
    );
    const block = Array.from({ length: 100 }, (_, i) => ' '.repeat(i) + 'k:').join('\n');
    expect(msg(() => parseYaml(block, 'x.yaml'))).toMatch(/^x\.yaml:65:65: expected YAML nested at most 64 levels/);
    expect(parseYaml(`a: "${'['.repeat(72)}"\n`, 'x.yaml').data).toEqual({ a: '['.repeat(72) });
  });
  it('reports an alias bomb at its first alias, not as an internal error', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      levels.push(
        `${'abcdefghi'[i]}: &${'abcdefghi'[i]} [${Array(10)
          .fill('*' + 'abcdefghi'[i - 1])
          .join(', ')}]`,
      );
    expect(msg(() => parseYaml(levels.join('\n'), 'b.yaml'))).toBe(
      'b.yaml:2:8: expected at most 100 YAML alias (*name) expansions (see README, limits), found "more (an alias bomb?)"',
    );
    expect(parseYaml('a: &x [1, 2]\nb: *x\n', 'ok.yaml').data).toEqual({ a: [1, 2], b: [1, 2] });
  });
  it('refuses more values than the limit, and finds duplicate keys among many in linear time', () => {
    const many = Array.from({ length: 50_001 }, (_, i) => `k${i}: 1`).join('\n');
    expect(msg(() => parseYaml(many, 'm.yaml'))).toMatch(
      /^m\.yaml:50001:1: expected a YAML file of at most 50000 values/,
    );
    const dup = Array.from({ length: 40_000 }, (_, i) => `k${i}: 1`).join('\n') + '\nk7: 2\n';
    expect(msg(() => parseYaml(dup, 'd.yaml'))).toBe(
      'd.yaml:40001:1: expected valid YAML, found "Map keys must be unique"',
    );
  });
  it('reads a long flow list of numbers directly, equal to what the YAML parser gives, positions unchanged', () => {
    const values = Array.from({ length: 1000 }, (_, i) => ((i * 37) % 101) / 7 - 3);
    const text = `d:\n  values: [${values.join(', ')}]\n  after: x\nlist: [${values.slice(0, 300).join(',\n   ')}]\nz: 1\n`;
    const y = parseYaml(text, 'l.yaml');
    expect(y.data).toEqual({ d: { values, after: 'x' }, list: values.slice(0, 300), z: 1 });
    expect(yamlPosition(y, ['z'])).toEqual({ line: 304, column: 4 });
    expect(yamlSource(y, ['d', 'after'])).toBe('x');
    const wrapped = `l: [${values.slice(0, 100).join(', ')},\n   ${values.slice(100, 400).join(', ')}]\nq: [1, 2]\n`;
    const w = parseYaml(wrapped, 'w.yaml');
    expect(w.data).toEqual({ l: values.slice(0, 400), q: [1, 2] });
    expect(yamlSource(w, ['q'])).toBe('[1, 2]');
    expect(yamlPosition(w, ['q'])).toEqual({ line: 3, column: 4 });
    // a list with anything but plain numbers goes through the parser
    expect(parseYaml(`a: [${Array(300).fill('1').join(', ')}, "x"]`, 'q.yaml').data).toEqual({
      a: [...Array(300).fill(1), 'x'],
    });
  });
});

describe('zod issues in our wording', () => {
  it('never shows zod’s own text', () => {
    const check = (schema: z.ZodType, text: string) => {
      try {
        validateYaml(parseYaml(text, 's.yaml'), schema);
      } catch (e) {
        return (e as Error).message;
      }
      return 'ok';
    };
    expect(check(z.object({ seed: z.number().int().min(0).max(4294967295) }), 'seed: 4294967296\n')).toBe(
      's.yaml:1:7: expected a number of at most 4294967295 for seed, found "4294967296"',
    );
    expect(check(z.object({ x: z.number() }), 'x: .inf\n')).toBe(
      's.yaml:1:4: expected a finite number for x, found ".inf"',
    );
    expect(check(z.object({ x: z.number().int() }), 'x: 1.5\n')).toBe(
      's.yaml:1:4: expected a whole number for x, found "1.5"',
    );
    expect(check(z.object({ r: z.number().gt(-0.5) }), 'r: -1\n')).toBe(
      's.yaml:1:4: expected a number above -0.5 for r, found "-1"',
    );
    expect(check(z.object({ l: z.array(z.number()).min(1) }), 'l: []\n')).toBe(
      's.yaml:1:4: expected a non-empty list for l, found "[]"',
    );
    for (const m of [
      check(z.object({ seed: z.number().max(1) }), 'seed: 2\n'),
      check(z.object({ x: z.number() }), 'x: .nan\n'),
    ]) {
      expect(m).not.toMatch(/Invalid input|Too big|Too small|received|<=/);
    }
  });
});
