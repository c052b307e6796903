import { describe, expect, it } from 'vitest';
import { evalExpression } from '../../src/io/expr.js';
import { InputError } from '../../src/errors.js';

const L = { file: 's.yaml', line: 3, column: 9 };
const scope = { actual: { forloeb: 2543, henvendelser: 5122 }, pl: 0.02 };

describe('evalExpression (locked-down mathjs)', () => {
  it('evaluates arithmetic, property access and allowed functions', () => {
    expect(evalExpression('actual.forloeb / actual.henvendelser', scope, L)).toBeCloseTo(2543 / 5122, 15);
    expect(evalExpression('max(1, 2) + pl', scope, L)).toBe(2.02);
    expect(evalExpression('pl > 0 ? 1 : 2', scope, L)).toBe(1);
    expect(evalExpression('158 * (1 + pl)^2', scope, L)).toBeCloseTo(158 * 1.0404, 12);
  });
  it.each([
    ['evaluate("1+1")', 'function evaluate is not allowed'],
    ['import({}, {})', 'function import is not allowed'],
    ['createUnit("x")', 'function createUnit is not allowed'],
    ['parse("1")', 'function parse is not allowed'],
    ['f(x) = x', 'functionassignment is not allowed'],
    ['x = 3', 'assignment is not allowed'],
    ['1:1e9', 'range is not allowed'],
    ['[1, 2]', 'array is not allowed'],
    ['"a"', 'only numeric constants'],
    ['cos(1)', 'function cos is not allowed'],
    ['actual.foo', 'unknown variable actual.foo'],
    ['nope + 1', 'unknown variable nope'],
    ['1/0', 'finite number'],
    ['1 +', 'syntax error'],
    ['1' + '+1'.repeat(300), 'at most 500 characters'],
  ])('rejects %s with a located InputError', (text, why) => {
    let err: unknown;
    try {
      evalExpression(text, scope, L);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toContain('s.yaml:3:9: expected a valid expression');
    expect((err as Error).message).toContain(why);
  });
  it('keeps the blocked functions disabled even through the instance', async () => {
    // a scope object cannot smuggle functions in: only numbers are accepted as variables
    expect(() => evalExpression('pl(1)', scope, L)).toThrow(/function pl is not allowed/);
  });
});
