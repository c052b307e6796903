/** Number formatting shared by every output: ranges whose bounds carry a minus sign. */
import { describe, expect, it } from 'vitest';
import { rangeText } from '../../src/text/number.js';

describe('rangeText', () => {
  it('joins a range by an en dash, or by »til« / »to« when a bound is negative (never `-5,9–-0,3`)', () => {
    expect(rangeText('2,9', '5,3')).toBe('2,9–5,3');
    expect(rangeText('-5,9', '-0,3')).toBe('-5,9 til -0,3');
    expect(rangeText('-16,4', '16,7', 'da')).toBe('-16,4 til 16,7');
    expect(rangeText('-16.4', '16.7', 'en')).toBe('-16.4 to 16.7');
    expect(rangeText('−1', '2', 'en')).toBe('−1 to 2');
  });
});
