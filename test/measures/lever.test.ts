/** leverEvidence: the visitation rate is forløb ÷ henvendelser (i alt), years with a registration break left out. */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { Dataset } from '../../src/data/dataset.js';
import { leverEvidence } from '../../src/measures/lever.js';

const ds = loadBundled();

describe('leverEvidence', () => {
  it('bundled data: the rate rose from 2020 (2.164 / 5.870) to 2023 (1.859 / 4.466), so the 2021 measures worked through fewer henvendelser', () => {
    const ev = leverEvidence(ds);
    expect(ev.lever).toBe('demand');
    expect(ev.before?.year).toBe(2020);
    expect(ev.after?.year).toBe(2023);
    expect(ev.before?.rate).toBeCloseTo(0.369, 3);
    expect(ev.after?.rate).toBeCloseTo(0.416, 3);
  });
  it('a rate that fell after the measures points to the visitation lever', () => {
    const fell = ds
      .list()
      .map((s) =>
        s.id !== 'viso.raadgivning.forloeb.i_alt'
          ? s
          : { ...s, points: s.points.map((p) => (p.year === 2023 ? { ...p, value: 1000 } : p)) },
      );
    const ev = leverEvidence(new Dataset(fell, ds.events, ds.sources));
    expect(ev.lever).toBe('visitation');
    expect(ev.after?.rate).toBeCloseTo(1000 / 4466, 6);
  });
  it('without measure events there is nothing to compare: visitation, no rates', () => {
    expect(
      leverEvidence(
        new Dataset(
          ds.list(),
          ds.events.filter((e) => e.kind !== 'measure'),
          ds.sources,
        ),
      ),
    ).toEqual({ lever: 'visitation' });
  });
});
