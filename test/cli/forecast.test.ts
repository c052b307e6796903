/**
 * `viso forecast SERIES`: the table's header names the series and its unit in the language asked.
 */
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

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
