import { describe, expect, it } from 'vitest';
import type { Series } from '../../src/data/types.js';
import { chooseAuto, fitWindow, forecast, forecastSeries, localizeForecastText } from '../../src/forecast/index.js';

/** English words that must not survive in Danish text (method names such as naive, comb, drift are identifiers and may). */
const ENGLISH =
  /\b(the|with|of|missing|used|instead|needs?|failed|chosen|points|only|series|values|were|divided|intervals|scale|selection|among|simplest|kept|and|is|on|per|period|last|value|forecast|linear|mean|adjusted|event|origins?|orders|positive|produced|magnitude|units|upper|tail|floored|would|absurd|year|gap|follow|because|onwards|fitting|replaced|zero|width|got|observations|least|squares|differences|estimation|error|ramp|slopes|level|shifts|cancel|out|from|rolling|Dynamic|optimised|Naive)\b/;

const mk = (pairs: [number, number][]): Series => ({
  id: 'test.series',
  area: 'raadgivning',
  measure: 'forbrug',
  category: 'i_alt',
  unit: 'mio. kr.',
  points: pairs.map(([year, value]) => ({ year, value, flags: [], sources: ['test#1'] })),
});

/** Every description and note the engine writes, produced by the engine itself (so a new template without a rule fails here). */
function engineTexts(): string[] {
  const texts: string[] = [];
  const add = (f: { model: { description: string; notes?: string[] } }) =>
    texts.push(f.model.description, ...(f.model.notes ?? []));
  const trend = [102, 108, 111, 119, 124, 126, 133, 140, 141, 149, 155, 158, 166];
  const level = [50, 52, 49, 51, 53, 50, 52, 51, 49, 50, 52, 51];
  for (const y of [trend, level, trend.slice(0, 7)])
    for (const method of [
      'naive',
      'drift',
      'ses',
      'holt',
      'damped',
      'ets',
      'theta',
      'dotm',
      'arima',
      'comb',
      'global',
      'ensemble',
      'auto',
    ] as const)
      add(forecast(y, { horizon: 3, method }));
  add(forecast([5, 5, 5, 5, 5], { horizon: 2, method: 'ets' })); // constant series
  add(forecast([3, 4, 6], { horizon: 2, method: 'damped' })); // too short: fallback
  add(
    forecast([1, 2, 3, 4, 8, 9, 10, 11], {
      horizon: 2,
      method: 'drift',
      events: [{ kind: 'level', start: 4 }],
      scale: 'linear',
    }),
  );
  add(
    forecast(
      [1, 2, 1.5, 3, 2, 4, 5].map((v) => v * 1e300),
      { horizon: 3, method: 'comb' },
    ),
  ); // rescaled
  add(forecast([3, -1, 4, 2, 5], { horizon: 2, method: 'drift', scale: 'log' })); // log scale impossible
  add(forecast([10, 2, 12, 1, 11, 3], { horizon: 4, method: 'naive', calibrate: false })); // textbook and wide: linear, floored at 0
  add(forecast([3, -1, 4, 2, 5, 6], { horizon: 2, method: 'ensemble' })); // the network needs a positive series
  for (const n of [4, 8, 12])
    texts.push(
      chooseAuto(
        Array.from({ length: n }, (_, i) => -3 + i + (i % 3)),
        3,
      ).note,
    );
  for (const n of [4, 8, 12])
    texts.push(
      chooseAuto(
        Array.from({ length: n }, (_, i) => 10 + i + (i % 3)),
        3,
      ).note,
    );
  texts.push(
    ...fitWindow(
      mk([
        [2017, 100],
        [2018, 104],
        [2019, 108],
        [2020, 112],
        [2022, 120],
        [2023, 124],
      ]),
    ).notes,
  );
  texts.push(
    ...fitWindow(
      mk([
        [2010, 1],
        [2011, 2],
        [2015, 5],
        [2016, 6],
        [2017, 7],
        [2018, 8],
      ]),
    ).notes,
  );
  texts.push(
    ...fitWindow(
      mk([
        [2014, 10],
        [2015, 11],
        [2016, 12],
        [2017, 13],
        [2020, 22],
        [2021, 23],
      ]),
    ).notes,
  );
  return [...new Set(texts)];
}

describe('localizeForecastText', () => {
  const texts = engineTexts();
  it('covers the templates (the inputs above reach every kind of note)', () => {
    const all = texts.join('\n');
    for (const re of [
      /Naive \(random walk\)/,
      /with drift/,
      /Median of/,
      /Dynamic optimised Theta/,
      /constant series/,
      /needs at least/,
      /event regressor/,
      /event effects/,
      /divided by/,
      /log-scale intervals/,
      /floored at 0/,
      /auto: comb/,
      /auto: naive/,
      /auto: ensemble/,
      /Global network/,
      /needs a strictly positive series/,
      /chosen by rolling-origin/,
      /interpolated for fitting/,
      /onwards is used/,
      /year\(s\) follow the gap/,
      /AICc selection/,
      /KPSS/,
    ]) {
      expect(all, String(re)).toMatch(re);
    }
  });
  it('Danish: no English words left in any description or note the engine writes', () => {
    for (const t of texts) expect(localizeForecastText(t, 'da'), t).not.toMatch(ENGLISH);
  });
  it('Danish: decimal commas, years and model orders untouched', () => {
    expect(localizeForecastText('Random walk with drift 1.5 per period')).toBe('Random walk med drift 1,5 pr. periode');
    expect(localizeForecastText('ARIMA(0,1,1) with drift on the series adjusted for 1 event regressor(s)', 'da')).toBe(
      'ARIMA(0,1,1) med drift på serien korrigeret for 1 hændelsesregressor(er)',
    );
    expect(localizeForecastText('2018–2019 missing: linearly interpolated because only 2 year(s) follow the gap')).toBe(
      '2018–2019 mangler: lineært interpoleret, fordi kun 2 år følger efter hullet',
    );
  });
  it('the two fallbacks no test series triggers', () => {
    expect(localizeForecastText('ets failed on this series: drift used instead')).toBe(
      'ets fejlede på denne serie: drift brugt i stedet',
    );
    expect(localizeForecastText('arima produced non-finite values: naive used instead')).toBe(
      'arima gav ikke-endelige værdier: naive brugt i stedet',
    );
  });
  it('English is returned unchanged', () => {
    for (const t of texts) expect(localizeForecastText(t, 'en')).toBe(t);
  });
  it('forecastSeries notes reach the user in Danish', () => {
    const f = forecastSeries(
      mk([
        [2017, 100],
        [2018, 104],
        [2019, 108],
        [2020, 112],
        [2022, 120],
        [2023, 124],
      ]),
      { horizon: 2, method: 'drift' },
    );
    expect(localizeForecastText(f.note!, 'da')).toMatch(/^2021 mangler: lineært interpoleret/);
  });
});
