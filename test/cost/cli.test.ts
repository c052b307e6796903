/**
 * `viso cost` end to end on the compiled CLI (`npm test` builds first).
 */
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

describe('viso cost', () => {
  it('prints the unit-cost table and the model in Danish', () => {
    const r = viso('cost');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2019\s+136,5\s+2\.065\s+66\.102/m);
    expect(r.out).toMatch(/Marginal omkostning pr\. forløb: [\d.]+ kr\. \(SE [\d.]+; 95 %-KI/);
    expect(r.out).toMatch(/R² 0,\d\d \(justeret 0,\d\d\)/);
    expect(r.out).toMatch(/Følsomhed/);
  });
  it('prints English and fixed prices on request', () => {
    const r = viso('cost', '--prices', 'fixed', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Unit cost per advisory case \(fixed 2024 prices\)/);
    expect(r.out).toMatch(/PL assumption: /);
    // amounts as the other English texts write them: DKK 1.2m, 52,607 DKK (never mio. kr. or kr.)
    expect(r.out).toContain('excl. COVID-19 extra costs DKK 1.2m');
    expect(r.out).toContain('- Spending 2020 is used without the DKK 1.2m COVID-19 extra costs.');
    expect(r.out).toMatch(/- Leaving one year out moves the unit cost between [\d,]+ and [\d,]+ DKK per case\./);
    expect(r.out).not.toMatch(/mio\.|\bkr\./);
  });
  it('gives JSON with the model and its uncertainty', () => {
    const j = JSON.parse(viso('cost', '--json').out);
    expect(j.model.unit.sd).toBeGreaterThan(0);
    expect(j.model.corr).toBeGreaterThanOrEqual(-1);
    expect(j.table.rows.find((r: { year: number }) => r.year === 2022).unitCostKr).toBeNull();
  });
  it('reports a bad assumptions file in one line with exit 2', () => {
    const r = viso('cost', '--assumptions', 'nope.yaml');
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/^nope\.yaml: forventede en læsbar YAML-fil, fandt "filen findes ikke"/);
  });
});
