/**
 * DEPRECATED: the regex translation of the engine's English descriptions and notes into Danish.
 *
 * The engine now gives every description and note as a code with parameters
 * (`FittedModel.descriptionMsg`, `FittedModel.notes`, `describedAs` in ./notes.ts), worded by
 * src/text/forecast.ts (`modelText` / `notesText` in src/report/forecastText.ts). Nothing of the
 * forecast commands, the forecast report or forecast-batch calls this any more; its one caller
 * left is src/report/measuresText.ts, which words a measure evaluation's `model` (the English
 * description `evaluateMeasure` copies). Delete this file, its export in ./index.ts and the
 * comparison test in test/text/forecast.test.ts once the evaluation carries
 * `describedAs(f.model)` (./notes.ts) and measuresText words that with `sayMsg`.
 */
import type { Lang } from '../text/number.js';

/** [English pattern, Danish replacement] in the order they are applied. */
const RULES: [RegExp, string][] = [
  [/Naive \(random walk\): forecast = last value/g, 'Naiv (random walk): prognose = seneste værdi'],
  [/Random walk with drift (\S+) per period/g, 'Random walk med drift $1 pr. periode'],
  [/\bMean of /g, 'Gennemsnit af '],
  [/\bMedian of /g, 'Median af '],
  [/ with non-zero mean/g, ' med konstant niveau'],
  [/ with drift/g, ' med drift'],
  [/Dynamic optimised Theta/g, 'Dynamisk optimeret Theta'],
  [/ on the series adjusted for (\d+) event regressor\(s\)/g, ' på serien korrigeret for $1 hændelsesregressor(er)'],
  [/auto: comb \((\d+) points ≥ (\d+)\)/g, 'auto: comb ($1 punkter ≥ $2)'],
  [/auto: naive \(only (\d+) points\)/g, 'auto: naive (kun $1 punkter)'],
  [
    /auto: (\w+) chosen by rolling-origin backtest \(MASE ([^;]*); origins (\S+), h ≤ (\d+)\)/g,
    'auto: $1 valgt ved backtest med rullende prognosestart (MASE $2; prognosestart $3, h ≤ $4)',
  ],
  [
    /constant series: (\w+) replaced by the naive forecast \(interval width from the calibration prior\)/g,
    'konstant serie: $1 erstattet af den naive prognose (intervallernes bredde fra kalibreringens a priori-skala)',
  ],
  [
    /(\w+) needs a strictly positive series: (\w+) used instead/g,
    '$1 kræver en strengt positiv serie: $2 brugt i stedet',
  ],
  [/auto: ensemble \(strictly positive series, (\d+) points\)/g, 'auto: ensemble (strengt positiv serie, $1 punkter)'],
  [/Ensemble: /g, 'Ensemble: '],
  [
    /Global network \(M4-trained, (\d+) × (\d+) hidden units, last (\d+) values\)/g,
    'Globalt neuralt netværk (trænet på M4, $1 × $2 skjulte enheder, seneste $3 værdier)',
  ],
  [
    /(\w+) needs at least (\d+) observations \(got (\d+)\): (\w+) used instead/g,
    '$1 kræver mindst $2 observationer (har $3): $4 brugt i stedet',
  ],
  [/(\w+) failed on this series: (\w+) used instead/g, '$1 fejlede på denne serie: $2 brugt i stedet'],
  [
    /event effects estimated by least squares on first differences; the estimation error of ramp slopes is in the intervals \(level shifts cancel out of forecasts from the last level\)/g,
    'hændelseseffekter estimeret med mindste kvadraters metode på førstedifferenser; estimationsusikkerheden på rampers hældning indgår i intervallerne (niveauskift går ud af prognoser fra seneste niveau)',
  ],
  [
    /(\d{4})–(\d{4}) missing: only (\d{4}) onwards is used for fitting/g,
    '$1–$2 mangler: kun $3 og frem bruges til estimationen',
  ],
  [
    /(\d{4})–(\d{4}) missing: linearly interpolated because only (\d+) year\(s\) follow the gap/g,
    '$1–$2 mangler: lineært interpoleret, fordi kun $3 år følger efter hullet',
  ],
  [/(\d{4}) missing: linearly interpolated for fitting/g, '$1 mangler: lineært interpoleret til estimationen'],
  [
    /AICc selection among (.*); the simplest form within (\S+) AICc units of the lowest is kept/g,
    'valgt efter AICc blandt $1; den simpleste form inden for $2 AICc-enheder af den laveste beholdes',
  ],
  [/d = (\d+) by KPSS tests; orders p, q ≤ 2 by AICc/g, 'd = $1 efter KPSS-test; ordener p, q ≤ 2 efter AICc'],
  [
    /log-scale intervals need a strictly positive series and forecast: linear scale used/g,
    'intervaller på log-skala kræver en strengt positiv serie og prognose: lineær skala brugt',
  ],
  [
    /forecast sd up to (\d+) % of the point forecast: intervals on the linear scale, floored at 0 \(a log scale would give an absurd upper tail\)/g,
    'prognosens standardafvigelse op til $1 % af punktprognosen: intervaller på lineær skala, afskåret ved 0 (en log-skala ville give en urimelig øvre hale)',
  ],
  [
    /values of magnitude ~(\S+) were divided by (\S+) for fitting; parameters are in those units/g,
    'værdier af størrelsesorden ~$1 blev divideret med $2 til estimationen; parametrene er i de enheder',
  ],
  [/(\w+) produced non-finite values: (\w+) used instead/g, '$1 gav ikke-endelige værdier: $2 brugt i stedet'],
];

/**
 * @deprecated Word `describedAs(model)` / `model.notes` with `sayMsg` (src/text/messages.ts) instead.
 *
 * A forecast model description or note in the user's language: Danish (the
 * default) rewrites the engine's English templates and uses decimal commas;
 * English returns the text as it is.
 *
 * @example
 * localizeForecastText('Random walk with drift 1.5 per period', 'da') // 'Random walk med drift 1,5 pr. periode'
 * localizeForecastText('ARIMA(0,1,0) with drift', 'en') // 'ARIMA(0,1,0) with drift'
 */
export function localizeForecastText(text: string, lang: Lang = 'da'): string {
  if (lang === 'en') return text;
  let out = text;
  for (const [re, da] of RULES) out = out.replace(re, da);
  // decimal point between digits → decimal comma (years and model orders have no decimal point)
  return out.replace(/(\d)\.(\d)/g, '$1,$2');
}
