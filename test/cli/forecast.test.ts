/**
 * `viso forecast SERIES`: the table's header names the series and its unit in the language asked.
 */
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';
import { seriesTrackRecord } from '../../src/forecast/backtest.js';
import { loadBundled } from '../../src/data/bundled.js';
import { binomialInterval } from '../../src/stats/scores.js';

describe('viso forecast: the header line', () => {
  it('names the unit in Danish words by default (antal, pct.), and as it always read with --lang en', () => {
    const first = (...args: string[]) => {
      const r = viso('forecast', ...args, '--horizon', '1');
      expect(r.code, r.err).toBe(0);
      return r.out.split('\n')[0];
    };
    expect(first('viso.raadgivning.henvendelser.i_alt')).toBe('viso.raadgivning.henvendelser.i_alt (antal)');
    expect(first('viso.survey.tilfreds')).toBe('viso.survey.tilfreds (pct.)');
    expect(first('viso.raadgivning.forbrug')).toBe('viso.raadgivning.forbrug (mio. kr.)');
    expect(first('viso.raadgivning.henvendelser.i_alt', '--lang', 'en')).toBe(
      'viso.raadgivning.henvendelser.i_alt (count)',
    );
    expect(first('viso.raadgivning.forbrug', '--lang', 'en')).toBe('viso.raadgivning.forbrug (mio. kr.)');
  });
});

describe('viso forecast: the track record on the series’ own history', () => {
  it('states how often the same method’s intervals held the series’ later values, and says too narrow only when the binomial interval does', () => {
    const r = viso('forecast', 'viso.raadgivning.forbrug');
    expect(r.code, r.err).toBe(0);
    const rec = seriesTrackRecord(loadBundled().get('viso.raadgivning.forbrug'), { method: 'auto', level: 80 })!;
    expect(r.out).toContain(
      `Træfsikkerhed på seriens egen historik: 80 %-intervallerne dækkede det faktiske tal i ${rec.hits} af ${rec.n} prognoser 1–2 år frem (samme metode, rullende backtest, prognoser for ${rec.firstYear} og frem)`,
    );
    expect(r.out).toContain('detaljer: viso backtest viso.raadgivning.forbrug --method auto --horizon 2');
    expect(r.out.includes('for snævre')).toBe(binomialInterval(rec.hits, rec.n)[1] < 0.8);
    const j = JSON.parse(viso('forecast', 'viso.raadgivning.forbrug', '--json').out);
    expect(j.trackRecord).toEqual(rec);
    const en = viso(
      'forecast',
      'viso.raadgivning.forbrug',
      '--method',
      'theta',
      '--levels',
      '95',
      '--from',
      '2015',
      '--lang',
      'en',
    );
    expect(en.out).toMatch(
      /Track record on the series' own history: the 95% intervals covered the actual value in \d+ of \d+ forecasts 1–2 years ahead/,
    );
    expect(en.out).toContain('details: viso backtest viso.raadgivning.forbrug --method theta --horizon 2 --from 2015');
  });
});
