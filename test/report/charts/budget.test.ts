import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { budgetChart } from '../../../src/report/charts/budget.js';

describe('budgetChart: bad arguments', () => {
  it('rows that are no array are a UsageError saying which rows are expected (a TypeError spreading undefined before)', () => {
    expect(() => budgetChart(undefined as never)).toThrow(UsageError);
    expect(() => budgetChart(undefined as never)).toThrow(
      'budgetChart: rows must be an array of rows such as budgetRows(ds) returns, got undefined',
    );
    expect(budgetChart([]).$schema).toMatch(/vega-lite/);
  });
});
