import { describe, expect, it } from 'vitest';
import type { Series } from '../../src/data/types.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseAuto, fitWindow, forecast, forecastSeries } from '../../src/forecast/index.js';
import { ROOT } from '../helpers/cli.js';
import { describedAs } from '../../src/forecast/notes.js';
import { sayMsg, type Msg } from '../../src/text/messages.js';
import { modelText, notesText } from '../../src/report/forecastText.js';

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

/** Every description and note the engine writes, as codes, produced by the engine itself (so a new code without a test input fails the coverage test). */
function engineTexts(): Msg[] {
  const texts: Msg[] = [];
  const add = (f: { model: { description: string; descriptionMsg?: Msg; notes?: Msg[] } }) => {
    // the English form the engine keeps in `description` (JSON) is the dictionary's English
    expect(sayMsg(describedAs(f.model), 'en')).toBe(f.model.description);
    texts.push(describedAs(f.model), ...(f.model.notes ?? []));
  };
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
  return texts;
}

describe('the forecast engine’s descriptions and notes, worded by src/text/forecast.ts', () => {
  const texts = engineTexts();
  const en = texts.map((m) => sayMsg(m, 'en'));
  it('covers the codes (the inputs above reach every kind of note)', () => {
    const all = en.join('\n');
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
      /auto chose the median of ETS, ARIMA/,
      /auto chose the naive forecast/,
      /auto chose the ensemble/,
      /Global network/,
      /needs a strictly positive series/,
      /by rolling-origin backtest/,
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
    for (const m of texts) expect(sayMsg(m, 'da'), sayMsg(m, 'en')).not.toMatch(ENGLISH);
  });
  it('Danish: the same words as before the engine gave codes (test/fixtures/forecast-words-da.json: English → Danish, as the regex translation this replaced worded them)', () => {
    const before = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/forecast-words-da.json'), 'utf8')) as Record<
      string,
      string
    >;
    texts.forEach((m, i) => expect(sayMsg(m, 'da'), en[i]).toBe(before[en[i]]));
    // every text the engine writes has its pinned Danish wording
    expect(en.filter((e) => !(e in before))).toEqual([]);
  });
  it('Danish: decimal commas, years and model orders untouched', () => {
    const drift = forecast([1, 2.5, 4, 5.5], { horizon: 1, method: 'drift' }).model;
    expect(modelText(drift)).toBe('Random walk med drift 1,5 pr. periode');
    expect(modelText(drift, 'en')).toBe('Random walk with drift 1.5 per period');
    const arima = { code: 'forecast.desc.arimaDrift', params: { form: 'ARIMA(0,1,1)' } } as const;
    expect(sayMsg({ code: 'forecast.desc.adjusted1', params: { model: arima, k: 1 } })).toBe(
      'ARIMA(0,1,1) med drift på serien korrigeret for 1 hændelsesregressor',
    );
    expect(sayMsg({ code: 'forecast.desc.adjusted', params: { model: arima, k: 2 } })).toBe(
      'ARIMA(0,1,1) med drift på serien korrigeret for 2 hændelsesregressorer',
    );
    expect(sayMsg({ code: 'forecast.desc.adjusted', params: { model: arima, k: 2 } }, 'en')).toBe(
      'ARIMA(0,1,1) with drift on the series adjusted for 2 event regressors',
    );
    expect(sayMsg({ code: 'forecast.note.bridged', params: { from: 2018, to: 2019, n: 2 } })).toBe(
      '2018–2019 mangler: lineært interpoleret, fordi kun 2 år følger efter hullet',
    );
  });
  it('the two fallbacks no test series triggers', () => {
    expect(sayMsg({ code: 'forecast.note.failed', params: { method: 'ets', used: 'drift' } })).toBe(
      'automatisk ETS fejlede på denne serie: random walk med drift brugt i stedet',
    );
    expect(sayMsg({ code: 'forecast.note.nonFinite', params: { method: 'arima', used: 'naive' } }, 'en')).toBe(
      'automatic ARIMA produced non-finite values: the naive forecast used instead',
    );
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
    expect(notesText(f.notes!, 'da')).toMatch(/^2021 mangler: lineært interpoleret/);
    expect(f.notes![0]).toEqual({ code: 'forecast.note.interpolated', params: { year: 2021 } });
  });
});
