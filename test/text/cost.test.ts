import { describe, expect, it } from 'vitest';
import { plIndexLabel, plRatesText } from '../../src/text/cost.js';

describe('plRatesText: an index’s rates over the years, the years of one rate joined', () => {
  const rate = (y: number) => (y === 2025 ? 0.03 : 0.02);
  it('a single year is »i 2025«, a run of years »om året 2026–2030«, joined with »og« (da) and »and« (en)', () => {
    expect(plRatesText([2025, 2026, 2027, 2028, 2029, 2030], rate, 'da')).toBe(
      '3,0 % i 2025 og 2,0 % om året 2026–2030',
    );
    expect(plRatesText([2025, 2026, 2027], rate, 'en')).toBe('3.0% in 2025 and 2.0% a year 2026–2027');
  });
  it('one rate throughout is one run; a rate coming back after another is a run of its own', () => {
    expect(plRatesText([2026, 2027], () => 0.02, 'da')).toBe('2,0 % om året 2026–2027');
    expect(plRatesText([2024, 2025, 2026], rate, 'da')).toBe('2,0 % i 2024, 3,0 % i 2025 og 2,0 % i 2026');
  });
  it('the full label of the index is unchanged (its rates each with their source)', () => {
    expect(
      plIndexLabel({ name: 'Lønindeks', file: 'pl.yaml', rates: [], default: { rate: 0.02, source: 'x' } }, 'da'),
    ).toBe('Lønindeks (pl.yaml): øvrige år 2,0 % (x)');
  });
});
