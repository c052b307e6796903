import { describe, expect, it } from 'vitest';
import { activityTable, assumptionCells, assumptionDecimals, flattenAssumptions } from '../../src/report/tables.js';
import type { ReportModel } from '../../src/report/model.js';

describe('assumptionDecimals: 4 decimals below 10, 2 from 10, none for whole numbers, without trailing zeros', () => {
  it('drops the zeros a number does not need', () => {
    expect(assumptionDecimals(2.47)).toBe(2);
    expect(assumptionDecimals(9.7194)).toBe(4);
    expect(assumptionDecimals(143.5)).toBe(1);
    expect(assumptionDecimals(158)).toBe(0);
    expect(assumptionDecimals(0.02)).toBe(2);
  });
  it('rounds as it shows: 9,71944 keeps 4 decimals, 143,499999 is 143,5', () => {
    expect(assumptionDecimals(9.71944)).toBe(4);
    expect(assumptionDecimals(143.499999)).toBe(1);
  });
});

describe('the assumptions tables write each number with those decimals, in text and as the cell format', () => {
  it('text and number format agree', () => {
    const cells = new Map(
      assumptionCells({ actual: { forbrug: 143.5, bevilling: 158 }, costs: { noiseSd: 2.47 } }, 'da'),
    );
    expect(cells.get('actual.forbrug')).toEqual({ text: '143,5', value: 143.5, numFmt: '#,##0.0' });
    expect(cells.get('actual.bevilling')).toEqual({ text: '158', value: 158, numFmt: '#,##0' });
    expect(cells.get('costs.noiseSd')).toEqual({ text: '2,47', value: 2.47, numFmt: '#,##0.00' });
    expect(flattenAssumptions({ pl: { default: 0.02 }, seed: 20240101 }, 'en')).toEqual([
      ['pl.default', '0.02'],
      ['seed', '20240101'],
    ]);
  });
});

describe('a list of shares in the assumptions tables is written in per cent, as every other share', () => {
  it('a measure’s phase-in by year and its empirical effect values in per cent; other lists as numbers', () => {
    const effect = Array.from({ length: 9 }, (_, i) => -0.4 + i * 0.05);
    const cells = new Map(
      assumptionCells(
        { measures: [{ phase: [0, 0.5, 1], effect: { dist: 'empirical', values: effect } }], other: [0.5, 1] },
        'da',
      ),
    );
    expect(cells.get('measures.1.phase')!.text).toBe('0 %; 50 %; 100 %');
    expect(cells.get('measures.1.effect.values')!.text).toBe('9 værdier, median -20,0 %, fra -40,0 % til 0,0 %');
    expect(cells.get('other')!.text).toBe('0,5000; 1');
  });
});

describe('the activity table writes the visitation rate as a ratio, as the summary and the inputs do', () => {
  it('forløb per henvendelse 0,369 (not 36,9 %), a number cell with three decimals', () => {
    const row = (measure: string, value: number) => ({
      year: 2020,
      measure,
      area: 'i_alt',
      value,
      flags: [],
      sources: [],
    });
    const m = { lang: 'da', history: { activity: [row('henvendelser', 5870), row('forloeb', 2164)] } };
    const tb = activityTable(m as unknown as ReportModel);
    const cell = tb.rows[0][tb.columns.indexOf('Forløb pr. henvendelse')];
    expect(cell).toEqual({ text: '0,369', value: Number((2164 / 5870).toPrecision(12)), numFmt: '0.000' });
  });
});
