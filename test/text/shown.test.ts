import { describe, expect, it } from 'vitest';
import { shownArg } from '../../src/text/shown.js';
import { Rng } from '../../src/stats/rng.js';

describe('shownArg: how an API error shows what a caller passed', () => {
  it('quotes a text (so "100" is told from 100), writes arrays and objects as JSON and cuts them at 60 characters', () => {
    expect(shownArg('100')).toBe('"100"');
    expect(shownArg(100)).toBe('100');
    expect(shownArg(NaN)).toBe('NaN');
    expect(shownArg(undefined)).toBe('undefined');
    expect(shownArg(null)).toBe('null');
    expect(shownArg([80, 95])).toBe('[80,95]');
    expect(shownArg({ a: 1 })).toBe('{"a":1}');
    expect(shownArg('x'.repeat(100))).toBe(`"${'x'.repeat(57)}..."`);
    expect(shownArg(Array.from({ length: 100 }, (_, i) => i)).length).toBe(60);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(shownArg(cyclic)).toBe('an object');
  });
  it('the stats layer shows a refused argument by the same rule (Rng seed "7" quoted)', () => {
    expect(() => new Rng('7' as never)).toThrow('Rng: seed must be an integer (got "7")');
  });
});
