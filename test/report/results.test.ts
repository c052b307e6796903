import { describe, expect, it } from 'vitest';
import { runTables } from '../../src/report/results.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';

describe('the result tables of viso scenario run --out', () => {
  it('an input that is one number (a number or a fixed distribution) is a number cell, a distribution words', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 2000 });
    const inputs = runTables(r, 'da').find((t) => t.sheet === 'Input')!;
    const row = (input: string) => inputs.rows.find((x) => x[0] === input)!;
    const rate = r.inputs.find((x) => x.input === 'visitation.rate')!.value;
    expect(rate).toMatchObject({ dist: 'fixed' });
    expect(row('visitation.rate')[1]).toBe((rate as { value: number }).value);
    expect(typeof row('demand.growth')[1]).toBe('string');
  });
});
