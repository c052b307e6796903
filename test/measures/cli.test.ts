/**
 * `viso measure` end to end on the compiled CLI (`npm test` builds first).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

describe('viso measure', () => {
  it('lists the bundled measures', () => {
    const r = viso('measure', 'list');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^tightening-2021-09\s+2021-09-20\s+visitationsrate\s+i_alt/m);
    expect(r.out).toMatch(/fra evaluering af tightening-2021-09/);
  });
  it('evaluates the 2021 tightening with intervals, in forløb and mio. kr.', () => {
    const r = viso('measure', 'evaluate', 'tightening-2021-09', '--runs', '1000');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Kontrafaktisk prognose fra udsigtspunktet 2020/);
    expect(r.out).toMatch(/^ {2}2022\s+100 %\s+112,3\s+[\d,]+\s+[\d,]+ – [\d,]+\s+-[\d,]+/m);
    expect(r.out).toMatch(/Ikke evalueret 2024: registreringsbrud/);
    expect(r.out).toMatch(/Segmenteret regression/);
    expect(r.out).toMatch(/initiatives-2021-05/);
    const j = JSON.parse(viso('measure', 'evaluate', 'tightening-2021-09', '--runs', '1000', '--json').out);
    const forloeb = j.outcomes.find((o: { outcome: string }) => o.outcome === 'viso.raadgivning.forloeb.i_alt');
    expect(forloeb.years[0].mio.lower95).toBeLessThan(forloeb.years[0].mio.upper95);
  });
  it('says the 2018 forløb pre-period is too short', () => {
    const r = viso('measure', 'evaluate', 'measures-2018', '--runs', '500', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The pre-period is too short to conclude \(4 years, 2014–2017\)/);
  });
  it('rejects bad measure files in one line with exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vm-'));
    const p = join(dir, 'bad.yaml');
    writeFileSync(
      p,
      'id: x\nname: X\nstart: 2021-09-20\nacts_on: visitation\nareas: [i_alt]\neffect: {dist: uniform, min: 0.1, max: -0.1}\n',
    );
    const r = viso('measure', 'evaluate', p);
    expect(r.code).toBe(2);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /bad\.yaml:6:9: forventede en mulig effektfordeling: uniform kræver min < max \(fik min 0,1, max -0,1\) for effect/,
    );
    expect(viso('measure', 'evaluate', p, '--lang', 'en').err).toMatch(
      /bad\.yaml:6:9: expected a possible effect distribution: uniform needs min < max \(got min 0\.1, max -0\.1\) for effect/,
    );
    const u = viso('measure', 'evaluate', 'no-such-measure');
    expect(u.code).toBe(2);
    expect(u.err).toMatch(/forventede et tiltags id/);
    expect(viso('measure', 'evaluate', 'tightening-2021-09', '--runs', '0').code).toBe(2);
  });
});
