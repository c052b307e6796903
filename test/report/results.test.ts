import { describe, expect, it } from 'vitest';
import { runTables } from '../../src/report/results.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';

describe('the result tables of viso scenario run --out', () => {
  it('an input that is one number (a number or a fixed distribution) is a number cell, a distribution words; named in words, its key beside', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 2000 });
    const inputs = runTables(r, 'da').find((t) => t.sheet === 'Input')!;
    const key = inputs.columns.findIndex((c) => c.header === 'Nøgle i scenariefilen');
    const row = (input: string) => inputs.rows.find((x) => x[key] === input)!;
    expect(row('demand.growth')[0]).toBe('Henvendelsernes årlige vækst');
    expect(row('demand.growth')[1]).toMatch(/^\d+,\d %( \(sd \d+,\d pct\.-point\))$/);
    const rate = r.inputs.find((x) => x.input === 'visitation.rate')!.value;
    expect(rate).toMatchObject({ dist: 'fixed' });
    expect(row('visitation.rate')[1]).toBe((rate as { value: number }).value);
    expect(typeof row('demand.growth')[1]).toBe('string');
  });
  it('the Result sheet gives what the console prints per year: the overrun, P beyond the opsparing and the opsparing', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 2000 });
    const t = runTables(r, 'da')[0];
    const col = (h: string) => t.columns.findIndex((c) => c.header === h);
    const y = r.years[1];
    const row = t.rows[1];
    expect(row[col('Forventet overskridelse (mio. kr.)')]).toBe(y.expectedOverspend);
    expect(row[col('P(forbrug > bevilling + opsparing)')]).toBe(y.pBeyondOpsparing);
    expect(row[col('Opsparing ultimo, middel (mio. kr.)')]).toBe(y.opsparing.mean);
    expect(row[col('Opsparing ultimo P95 (mio. kr.)')]).toBe(y.opsparing.p95);
    // no column twice: the mean merforbrug is Merforbrug middel only
    expect(new Set(t.columns.map((c) => c.header)).size).toBe(t.columns.length);
    expect(col('Forventet merforbrug (mio. kr.)')).toBe(-1);
  });
});
