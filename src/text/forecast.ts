/**
 * The forecasts' words in Danish and English: the notes of a reconciled hierarchy and the
 * descriptions and notes of fitted models, by code. Part of the one dictionary
 * (src/text/messages.ts spreads it into `MESSAGES`); the engine (src/forecast/) returns these
 * codes with their parameters and never a language.
 */
import { formatNumber, type Lang } from './number.js';

/** The parameters an entry reads (the shape of `Params` in messages.ts). */
type P = Readonly<Record<string, string | number | object>>;
type Fn = (p: P, lang: Lang) => string;

const s = (p: P, k: string): string => String(p[k] ?? '');
const n = (p: P, k: string): number => Number(p[k]);
/** A parameter given in both languages (`<k>Da` / `<k>En`: data such as node labels). */
const both = (p: P, k: string, lang: Lang): string => s(p, `${k}${lang === 'da' ? 'Da' : 'En'}`);

/**
 * Notes of `forecastHierarchy` (src/forecast/hierarchy.ts), and the notes and descriptions of
 * fitted models (src/forecast/: `FittedModel.notes`, `descriptionMsg`, the gap notes of
 * `fitWindow`). A number the engine wrote with a decimal point is a `{x|d}` parameter.
 */
export const FORECAST_TEXTS = {
  // the names of a hierarchy's kontos (its areas and totals are `area.*` of src/text/report.ts)
  'forecast.node.raadgivning': {
    da: 'Rådgivning og udredning (§15.11.31.10)',
    en: 'Advisory and assessment (§15.11.31.10)',
  },
  'forecast.node.kas': { da: 'KaS (§15.11.31.20)', en: 'KaS (§15.11.31.20)' },
  'forecast.node.samlet': { da: '§15.11.31 i alt', en: '§15.11.31 total' },
  // the record of a forecast's intervals on the series' own history (`seriesTrackRecord`, viso forecast);
  // narrow: ' …' when the exact 95 % binomial interval of the hits lies below the level, else ''
  'forecast.trackRecord': {
    da: 'Træfsikkerhed på seriens egen historik: {level} %-intervallerne dækkede det faktiske tal i {hits} af {n} prognoser 1–{h} år frem (samme metode, rullende backtest, prognoser for {from} og frem){narrow}; detaljer: viso backtest {series} --method {method} --horizon {h}{fromOpt}',
    en: "Track record on the series' own history: the {level}% intervals covered the actual value in {hits} of {n} forecasts 1–{h} years ahead (same method, rolling-origin backtest, forecasts for {from} on){narrow}; details: viso backtest {series} --method {method} --horizon {h}{fromOpt}",
  },
  'forecast.trackRecordNarrow': {
    da: ', færre end {level} % også ved øvre ende af 95 %-binomialintervallet: for denne serie har intervallerne været for snævre',
    en: ', fewer than {level}% even at the upper end of the 95% binomial interval: for this series the intervals have been too narrow',
  },
  // the methods by name for a reader (the ids `auto`, `naive`, … are --method values): as a label or table
  // cell (`forecast.method.<id>`) and inside a sentence (`forecast.method.the.<id>`, what `{method|m}` inserts)
  'forecast.method.auto': { da: 'Automatisk valg', en: 'Automatic choice' },
  'forecast.method.naive': { da: 'Naiv (seneste værdi)', en: 'Naive (last value)' },
  'forecast.method.drift': { da: 'Random walk med drift', en: 'Random walk with drift' },
  'forecast.method.ses': { da: 'Simpel eksponentiel udjævning', en: 'Simple exponential smoothing' },
  'forecast.method.holt': { da: 'Holts lineære trend', en: 'Holt’s linear trend' },
  'forecast.method.damped': { da: 'Dæmpet trend', en: 'Damped trend' },
  'forecast.method.ets': { da: 'Automatisk ETS', en: 'Automatic ETS' },
  'forecast.method.arima': { da: 'Automatisk ARIMA', en: 'Automatic ARIMA' },
  'forecast.method.theta': { da: 'Theta', en: 'Theta' },
  'forecast.method.dotm': { da: 'Dynamisk optimeret Theta', en: 'Dynamic optimised Theta' },
  'forecast.method.comb': {
    da: 'Median af ETS, ARIMA og dynamisk optimeret Theta',
    en: 'Median of ETS, ARIMA and dynamic optimised Theta',
  },
  'forecast.method.global': { da: 'Globalt neuralt netværk', en: 'Global network' },
  'forecast.method.ensemble': {
    da: 'Ensemble af globalt netværk, ETS og dynamisk optimeret Theta',
    en: 'Ensemble of global network, ETS and dynamic optimised Theta',
  },
  'forecast.method.the.auto': { da: 'det automatiske valg', en: 'the automatic choice' },
  'forecast.method.the.naive': { da: 'den naive prognose', en: 'the naive forecast' },
  'forecast.method.the.drift': { da: 'random walk med drift', en: 'random walk with drift' },
  'forecast.method.the.ses': { da: 'simpel eksponentiel udjævning', en: 'simple exponential smoothing' },
  'forecast.method.the.holt': { da: 'Holts lineære trend', en: 'Holt’s linear trend' },
  'forecast.method.the.damped': { da: 'dæmpet trend', en: 'damped trend' },
  'forecast.method.the.ets': { da: 'automatisk ETS', en: 'automatic ETS' },
  'forecast.method.the.arima': { da: 'automatisk ARIMA', en: 'automatic ARIMA' },
  'forecast.method.the.theta': { da: 'Theta-metoden', en: 'the Theta method' },
  'forecast.method.the.dotm': { da: 'dynamisk optimeret Theta', en: 'dynamic optimised Theta' },
  'forecast.method.the.comb': {
    da: 'medianen af ETS, ARIMA og dynamisk optimeret Theta',
    en: 'the median of ETS, ARIMA and dynamic optimised Theta',
  },
  'forecast.method.the.global': { da: 'det globale neurale netværk', en: 'the global network' },
  'forecast.method.the.ensemble': { da: 'ensemblet', en: 'the ensemble' },
  // descriptions of fitted models (`FittedModel.descriptionMsg`; a combination's members are a
  // chain of `term`/`item` messages, each `more` the next one or '')
  'forecast.desc.naive': {
    da: 'Naiv (random walk): prognose = seneste værdi',
    en: 'Naive (random walk): forecast = last value',
  },
  'forecast.desc.drift': {
    da: 'Random walk med drift {b|d} pr. periode',
    en: 'Random walk with drift {b|d} per period',
  },
  'forecast.desc.theta': {
    da: 'Theta (θ = 2, SES α = {alpha|d}, drift {drift|d})',
    en: 'Theta (θ = 2, SES α = {alpha|d}, drift {drift|d})',
  },
  'forecast.desc.dotm': {
    da: 'Dynamisk optimeret Theta (θ = {theta|d}, α = {alpha|d})',
    en: 'Dynamic optimised Theta (θ = {theta|d}, α = {alpha|d})',
  },
  'forecast.desc.form': { da: '{form}', en: '{form}' },
  'forecast.desc.arimaMean': { da: '{form} med konstant niveau', en: '{form} with non-zero mean' },
  'forecast.desc.arimaDrift': { da: '{form} med drift', en: '{form} with drift' },
  'forecast.desc.global': {
    da: 'Globalt neuralt netværk (trænet på M4, {nets} × {hidden} skjulte enheder, seneste {inputs} værdier)',
    en: 'Global network (M4-trained, {nets} × {hidden} hidden units, last {inputs} values)',
  },
  'forecast.desc.ensemble': { da: 'Ensemble: {terms}', en: 'Ensemble: {terms}' },
  'forecast.desc.term': { da: '{w|d} × {model}{more}', en: '{w|d} × {model}{more}' },
  'forecast.desc.termMore': { da: ' + {w|d} × {model}{more}', en: ' + {w|d} × {model}{more}' },
  'forecast.desc.mean': { da: 'Gennemsnit af {items}', en: 'Mean of {items}' },
  'forecast.desc.median': { da: 'Median af {items}', en: 'Median of {items}' },
  'forecast.desc.item': { da: '{model}{more}', en: '{model}{more}' },
  'forecast.desc.itemMore': { da: ', {model}{more}', en: ', {model}{more}' },
  // one event regressor (adjusted1) or several (adjusted)
  'forecast.desc.adjusted1': {
    da: '{model} på serien korrigeret for 1 hændelsesregressor',
    en: '{model} on the series adjusted for 1 event regressor',
  },
  'forecast.desc.adjusted': {
    da: '{model} på serien korrigeret for {k} hændelsesregressorer',
    en: '{model} on the series adjusted for {k} event regressors',
  },

  // a list of notes (`a; b; c`): a chain like the descriptions' members
  'forecast.notes.item': { da: '{note}{more}', en: '{note}{more}' },
  'forecast.notes.itemMore': { da: '; {note}{more}', en: '; {note}{more}' },
  // too few years to forecast (`notes`: the gap notes in brackets, or '')
  'forecast.notes.paren': { da: ' ({list})', en: ' ({list})' },
  'forecast.tooFew': {
    da: 'serien {id} har {n} brugbare år: en prognose kræver mindst 3{notes}',
    en: 'series {id} has {n} usable year(s): a forecast needs at least 3{notes}',
  },
  'forecast.tooFewFrom': {
    da: 'serien {id} har {n} brugbare år fra {from}: en prognose kræver mindst 3{notes}',
    en: 'series {id} has {n} usable year(s) from {from}: a forecast needs at least 3{notes}',
  },

  // notes of a fit: how the data were handled and which method was used
  'forecast.note.interpolated': {
    da: '{year} mangler: lineært interpoleret til estimationen',
    en: '{year} missing: linearly interpolated for fitting',
  },
  'forecast.note.onlyFrom': {
    da: '{from}–{to} mangler: kun {start} og frem bruges til estimationen',
    en: '{from}–{to} missing: only {start} onwards is used for fitting',
  },
  'forecast.note.bridged': {
    da: '{from}–{to} mangler: lineært interpoleret, fordi kun {n} år følger efter hullet',
    en: '{from}–{to} missing: linearly interpolated because only {n} year(s) follow the gap',
  },
  // which method `auto` chose and why ("auto" is the --method value the user gave; the chosen method by its name)
  'forecast.note.autoEnsemble': {
    da: 'auto valgte ensemblet (strengt positiv serie, {n} punkter)',
    en: 'auto chose the ensemble (strictly positive series, {n} points)',
  },
  'forecast.note.autoComb': {
    da: 'auto valgte medianen af ETS, ARIMA og dynamisk optimeret Theta (serien er ikke strengt positiv; {n} punkter ≥ {min})',
    en: 'auto chose the median of ETS, ARIMA and dynamic optimised Theta (the series is not strictly positive; {n} points ≥ {min})',
  },
  'forecast.note.autoNaive': {
    da: 'auto valgte den naive prognose (serien er ikke strengt positiv; kun {n} punkter)',
    en: 'auto chose the naive forecast (the series is not strictly positive; only {n} points)',
  },
  'forecast.note.autoBacktest': {
    da: 'auto valgte {method|m} ved backtest med rullende prognosestart (MASE {table|d}; prognosestart {origins}, h ≤ {h})',
    en: 'auto chose {method|m} by rolling-origin backtest (MASE {table|d}; origins {origins}, h ≤ {h})',
  },
  'forecast.note.constant': {
    da: 'konstant serie: {method|m} erstattet af den naive prognose (intervallernes bredde fra kalibreringens a priori-skala)',
    en: 'constant series: {method|m} replaced by the naive forecast (interval width from the calibration prior)',
  },
  'forecast.note.needsPositive': {
    da: '{method|m} kræver en strengt positiv serie: {used|m} brugt i stedet',
    en: '{method|m} needs a strictly positive series: {used|m} used instead',
  },
  'forecast.note.needsObservations': {
    da: '{method|m} kræver mindst {min} observationer (har {n}): {used|m} brugt i stedet',
    en: '{method|m} needs at least {min} observations (got {n}): {used|m} used instead',
  },
  'forecast.note.failed': {
    da: '{method|m} fejlede på denne serie: {used|m} brugt i stedet',
    en: '{method|m} failed on this series: {used|m} used instead',
  },
  'forecast.note.nonFinite': {
    da: '{method|m} gav ikke-endelige værdier: {used|m} brugt i stedet',
    en: '{method|m} produced non-finite values: {used|m} used instead',
  },
  'forecast.note.events': {
    da: 'hændelseseffekter estimeret med mindste kvadraters metode på førstedifferenser; estimationsusikkerheden på rampers hældning indgår i intervallerne (niveauskift går ud af prognoser fra seneste niveau)',
    en: 'event effects estimated by least squares on first differences; the estimation error of ramp slopes is in the intervals (level shifts cancel out of forecasts from the last level)',
  },
  'forecast.note.rescaled': {
    da: 'værdier af størrelsesorden ~{scale|d} blev divideret med {scale|d} til estimationen; parametrene er i de enheder',
    en: 'values of magnitude ~{scale|d} were divided by {scale|d} for fitting; parameters are in those units',
  },
  'forecast.note.etsSelection': {
    da: 'valgt efter AICc blandt {tried|d}; den simpleste form inden for {tolerance|d} AICc-enheder af den laveste beholdes',
    en: 'AICc selection among {tried|d}; the simplest form within {tolerance|d} AICc units of the lowest is kept',
  },
  'forecast.note.arimaOrder': {
    da: 'd = {d} efter KPSS-test; ordener p, q ≤ 2 efter AICc',
    en: 'd = {d} by KPSS tests; orders p, q ≤ 2 by AICc',
  },
  'forecast.note.logNeedsPositive': {
    da: 'intervaller på log-skala kræver en strengt positiv serie og prognose: lineær skala brugt',
    en: 'log-scale intervals need a strictly positive series and forecast: linear scale used',
  },
  'forecast.note.linearScale': {
    da: 'prognosens standardafvigelse op til {pct} % af punktprognosen: intervaller på lineær skala, afskåret ved 0 (en log-skala ville give en urimelig øvre hale)',
    en: 'forecast sd up to {pct} % of the point forecast: intervals on the linear scale, floored at 0 (a log scale would give an absurd upper tail)',
  },

  'forecast.hier.method': {
    da: ((p, lang) =>
      `Hierarkiet estimeres i årene, hvor alle serier kendes (${s(p, 'common')}): hver serie får sin egen basisprognose fra ${s(p, 'origin')}, og de afstemmes med MinT (shrinkage-kovarians af etskridtsfejl ${s(p, 'errorYears')}, λ = ${formatNumber(n(p, 'lambda'), 2, lang)}) i hver simuleret kørsel; negative delværdier sættes til 0, og resten afstemmes igen (${formatNumber(n(p, 'zeroed'), 0, lang)} af ${formatNumber(n(p, 'runYears'), 0, lang)} kørselsår).`) as Fn,
    en: ((p, lang) =>
      `The hierarchy is estimated in the years every series is known (${s(p, 'common')}): every series gets its own base forecast from ${s(p, 'origin')}, reconciled with MinT (shrinkage covariance of the one-step errors ${s(p, 'errorYears')}, λ = ${formatNumber(n(p, 'lambda'), 2, lang)}) in every simulated run; negative child values are set to 0 and the rest reconciled again (${formatNumber(n(p, 'zeroed'), 0, lang)} of ${formatNumber(n(p, 'runYears'), 0, lang)} run-years).`) as Fn,
  },
  'forecast.hier.totalLater': {
    da: ((p, lang) =>
      `${both(p, 'total', lang)} kendes også efter ${s(p, 'origin')} (${s(p, 'later')}): prognosen for ${s(p, 'years')} bruger alle dens år, og ${both(p, 'children', lang)} er ${both(p, 'total', lang).toLowerCase()} gange deres andele i det afstemte hierarki fra ${s(p, 'origin')} i samme år og kørsel (andelene føres frem fra ${s(p, 'origin')} med deres usikkerhed).`) as Fn,
    en: ((p, lang) =>
      `${both(p, 'total', lang)} is also known after ${s(p, 'origin')} (${s(p, 'later')}): its forecast for ${s(p, 'years')} uses all its years, and ${both(p, 'children', lang)} are the ${both(p, 'total', lang).toLowerCase()} times their shares in the reconciled hierarchy from ${s(p, 'origin')} in the same year and run (the shares are carried forward from ${s(p, 'origin')} with their uncertainty).`) as Fn,
  },
  'forecast.hier.ignored': {
    da: '{ids}: årene efter {origin} indgår ikke (hierarkiet estimeres i de år, hvor alle serier kendes)',
    en: '{ids}: the years after {origin} are not used (the hierarchy is estimated in the years every series is known)',
  },
  'forecast.hier.break': {
    da: '{id}: registreringsbrud i {year} modelleret som niveauskift (det nye niveau fortsætter); andelene er fra årene før bruddet',
    en: '{id}: registration break in {year} modelled as a level shift (the new level carries on); the shares are from the years before the break',
  },
  'forecast.hier.konto': {
    da: '§15.11.31 i alt er summen af underkonto 10 og 20 i de år, hvor begge kendes ({common}); underkonto 10 for 2022–2024 har flaget »Uklar konto« i data (ambiguous_account i data/README.md)',
    en: '§15.11.31 in total is the sum of sub-accounts 10 and 20 in the years both are known ({common}); sub-account 10 for 2022–2024 is flagged “Ambiguous account” in the data (ambiguous_account in data/README.md)',
  },

  // errors a user meets through options and data (src/forecast/: select, backtest, hierarchy, events,
  // batch); English as it always read, numbers as the thrower wrote them ({x|d}: a decimal comma in Danish)
  'forecast.err.seriesArray': {
    da: 'serien skal være en liste af tal, fik {got}',
    en: 'the series must be an array of numbers (got {got})',
  },
  'forecast.err.seriesObject': {
    da: 'serien skal være en Series (fx loadBundled().get(id) eller seriesFromArrays(...)), fik {got}',
    en: 'the series must be a Series (e.g. loadBundled().get(id) or seriesFromArrays(...)) (got {got})',
  },
  'forecast.err.from': {
    da: 'from skal være et årstal (et helt tal), fik {got}',
    en: 'from must be a year (an integer) (got {got})',
  },
  'forecast.err.hierarchyOptions': {
    da: "indstillingerne skal være et objekt som { hierarchy: 'konto', horizon: 2 }, fik {got}",
    en: "the options must be an object such as { hierarchy: 'konto', horizon: 2 } (got {got})",
  },
  'forecast.err.rng': {
    da: 'rng skal være en Rng (fx new Rng(42)), fik {got}',
    en: 'rng must be an Rng (e.g. new Rng(42)) (got {got})',
  },
  'forecast.err.forecastObject': {
    da: 'forecast skal være et resultat af forecast(...) eller forecastSeries(...), fik {got}',
    en: 'the forecast must be a result of forecast(...) or forecastSeries(...) (got {got})',
  },
  'forecast.err.metricArray': {
    da: '{measure}: {name} skal være en liste af tal, fik {got}',
    en: '{measure}: {name} must be an array of numbers (got {got})',
  },
  'forecast.err.metricEmpty': {
    da: '{measure}: {name} er tom; målet kræver mindst én værdi',
    en: '{measure}: {name} is empty; the measure needs at least one value',
  },
  'forecast.err.metricLengths': {
    da: '{measure}: {a} har {n} værdier, men {b} har {m}; de skal parres én til én',
    en: '{measure}: {a} has {n} values but {b} has {m}; they must pair up one to one',
  },
  'forecast.err.maseTrain': {
    da: 'train skal være en liste af mindst 2 tal (skalaen er dens naive middelfejl), fik {got}',
    en: 'train must be an array of at least 2 numbers (the scale is its naive mean error) (got {got})',
  },
  'forecast.err.batchSeries': {
    da: 'forecastBatch(series, options): series skal være en liste af { id, values }, fik {got}',
    en: 'forecastBatch(series, options): series must be an array of { id, values } (got {got})',
  },
  'forecast.err.batchElement': {
    da: 'forecastBatch(series, options): series[{i}] skal være et objekt { id, values }, fik {got}',
    en: 'forecastBatch(series, options): series[{i}] must be an object { id, values } (got {got})',
  },
  'forecast.err.options': {
    da: 'indstillingerne skal være et objekt som { horizon: 2 }, fik {got}',
    en: 'the options must be an object such as { horizon: 2 } (got {got})',
  },
  'forecast.err.levelsArray': {
    da: 'levels skal være en liste af procenter som [80, 95], fik {got}',
    en: 'levels must be an array of percentages such as [80, 95] (got {got})',
  },
  'forecast.err.observed': {
    da: 'observed skal være en liste af true/false, én pr. værdi ({n}), fik {got}',
    en: 'observed must be an array of true/false, one per value ({n}) (got {got})',
  },
  'forecast.err.eventsArray': {
    da: '{name} skal være en liste, fik {got}',
    en: '{name} must be an array (got {got})',
  },
  'forecast.err.missingValue': {
    da: 'serien har en manglende eller ikke-endelig værdi på plads {i} ({v}); udfyld eller fjern den først (forecastSeries interpolerer enkelte manglende år)',
    en: 'the series has a missing or non-finite value at index {i} ({v}); fill or drop it first (forecastSeries interpolates single-year gaps)',
  },
  'forecast.err.tooShort': {
    da: 'en prognose kræver mindst 3 observationer, fik {n}',
    en: 'a forecast needs at least 3 observations (got {n})',
  },
  'forecast.err.horizon': {
    da: '{name} skal være et helt tal fra 1 til {max}, fik {got|d}',
    en: '{name} must be a whole number from 1 to {max} (got {got|d})',
  },
  'forecast.err.method': {
    da: 'ukendt metode {method} (kendte: {methods})',
    en: 'unknown method {method} (expected one of {methods})',
  },
  'forecast.err.levels': {
    da: 'intervalniveauer skal ligge strengt mellem 0 og 100, fik {got|d}',
    en: 'interval levels must be between 0 and 100 exclusive (got {got|d})',
  },
  'forecast.err.minTrain': {
    da: 'minTrain skal være mindst 3, fik {got|d}',
    en: 'minTrain must be at least 3 (got {got|d})',
  },
  'forecast.err.backtestShort': {
    da: 'en backtest kræver flere end minTrain = {minTrain} observationer, fik {n}',
    en: 'a backtest needs more than minTrain = {minTrain} observations (got {n})',
  },
  'forecast.err.kontoShort': {
    da: (p: P) =>
      `kontohierarkiet for ${s(p, 'measure')} kræver mindst 3 år af ${s(p, 'id')}; data har ${s(p, 'n')} (${s(p, 'years') || 'ingen'}${n(p, 'hasSource') ? `, kilde ${s(p, 'sources')}` : ''}); brug --hierarchy konto til forbrug`,
    en: (p: P) =>
      `the account hierarchy for ${s(p, 'measure')} needs at least 3 years of ${s(p, 'id')}; the data has ${s(p, 'n')} (${s(p, 'years') || 'none'}${n(p, 'hasSource') ? `, source ${s(p, 'sources')}` : ''}); use --hierarchy konto --measure forbrug (spending)`,
  },
  'forecast.err.hierarchy': {
    da: 'ukendt hierarki {name} (kendte: {names})',
    en: 'unknown hierarchy {name} (expected {names})',
  },
  'forecast.err.measureKonto': {
    da: 'measure gælder kun kontohierarkiet (forbrug eller bevilling)',
    en: 'measure applies to the account hierarchy (--hierarchy konto) only: forbrug (spending) or bevilling (appropriation)',
  },
  'forecast.err.runs': {
    da: 'runs skal være et helt tal fra 100 til 1.000.000, fik {got|d}',
    en: 'runs must be a whole number from 100 to 1000000 (got {got|d})',
  },
  'forecast.err.seed': {
    da: 'seed skal være et helt tal fra 0 til 4294967295, fik {got|d}',
    en: 'seed must be a whole number from 0 to 4294967295 (got {got|d})',
  },
  'forecast.err.commonYears': {
    da: '{name}-hierarkiet kræver mindst 3 år, hvor alle serier er observeret (fik {years})',
    en: 'the {name} hierarchy needs at least 3 years in which every series is observed (got {years})',
  },
  'forecast.err.errorYears': {
    da: '{name}-hierarkiet kræver etskridtsfejl fra alle basismodeller i mindst 2 fælles år (fik {years})',
    en: 'the {name} hierarchy needs one-step errors of every base model in at least 2 common years (got {years})',
  },
  'forecast.err.noChild': {
    da: 'intet delniveau {key} i {name}-hierarkiet (delniveauer: {keys})',
    en: 'no child {key} in the {name} hierarchy (children: {keys})',
  },
  'forecast.err.eventKind': {
    da: "hændelsens kind skal være 'level' eller 'ramp', fik {got}",
    en: "event kind must be 'level' or 'ramp' (got {got})",
  },
  'forecast.err.eventStart': {
    da: 'hændelsens start skal være en plads fra 1 til {max} i den tilpassede serie, fik {got|d}',
    en: 'event start must be an index from 1 to {max} into the fitted series (got {got|d})',
  },
  'forecast.err.eventCount1': {
    da: '1 hændelsesregressor kræver mindst {min} observationer, fik {n}',
    en: '1 event regressor needs at least {min} observations (got {n})',
  },
  'forecast.err.eventCount': {
    da: '{k} hændelsesregressorer kræver mindst {min} observationer, fik {n}',
    en: '{k} event regressors need at least {min} observations (got {n})',
  },
  'forecast.err.collinear': {
    da: 'hændelsesregressorerne er kollineære (fx to hændelser med samme start): deres virkning kan ikke estimeres',
    en: 'event regressors are collinear (e.g. two events with the same start): cannot estimate their effects',
  },
  'forecast.err.eventYear': {
    da: 'hændelsesåret {year} ligger uden for de tilpassede år {from}–{to} af {id}',
    en: 'event year {year} is outside the fitted years {from}–{to} of {id}',
  },

  // forecast-batch (src/forecast/batch-run.ts, batch-parse.ts, batch-csv.ts): target is the flag and
  // path (`--out a.csv`) or the path alone; why is the system's reason (an errno code) as given
  'forecast.err.notFolder': {
    da: 'kan ikke skrive {target}: {dir} er ikke en mappe',
    en: 'cannot write {target}: {dir} is not a folder',
  },
  'forecast.err.mkdir': {
    da: 'kan ikke skrive {target}: kan ikke oprette mappen {dir} ({why})',
    en: 'cannot write {target}: cannot create the folder {dir} ({why})',
  },
  'forecast.err.write': { da: 'kan ikke skrive {target}: {why}', en: 'cannot write {target}: {why}' },
  'forecast.err.outEmpty': { da: '{flag} skal angive en fil', en: '{flag} must name a file' },
  'forecast.err.outFolder': {
    da: '{flag} {path} er en mappe; angiv et filnavn, fx {example}',
    en: '{flag} {path} is a folder; give a file name, e.g. {example}',
  },
  'forecast.err.outIsInput': {
    da: '{flag} {path} er datafilen; vælg et andet navn',
    en: '{flag} {path} is the input file; choose another name',
  },
  // why: a Msg (file.noSuchFile, file.permission, forecast.err.itIsFolder) or the system's text
  'forecast.err.read': { da: 'kan ikke læse --input {file}: {why}', en: 'cannot read --input {file}: {why}' },
  'forecast.err.itIsFolder': { da: 'det er en mappe', en: 'it is a folder' },
  'forecast.err.reportOut': {
    da: '--report og --out skal være forskellige filer',
    en: '--report and --out must be different files',
  },
  'forecast.err.threads': {
    da: '--threads skal være et helt tal fra 0 til 64, fik {got|d}',
    en: '--threads must be a whole number from 0 to 64 (got {got|d})',
  },
  'forecast.err.gzip': { da: 'en læsbar gzip-fil ({why})', en: 'a readable gzip file ({why})' },
  'forecast.err.header': {
    da: 'en overskrift med kolonnerne id, t, value (og eventuelt split)',
    en: 'a header with columns id, t, value (and optionally split)',
  },
  'forecast.err.headerEmpty': {
    da: 'en overskrift med kolonnerne id, t, value (og eventuelt split); datafilen er tom',
    en: 'a header with columns id, t, value (and optionally split); the input is empty',
  },
  'forecast.err.columnTwice': {
    da: 'én kolonne ved navn {name} (den står der to gange)',
    en: 'one column named {name} (it appears twice)',
  },
  // sep: ';' or a tab when the header looks separated by it, else ''
  'forecast.err.missingColumn': {
    da: (p: P) =>
      `en overskrift med kolonnerne id, t, value (og eventuelt split; andre kolonner ignoreres); ingen kolonne ${s(p, 'name')}${s(p, 'sep') ? ` (overskriften ser ud til at være adskilt af ${s(p, 'sep') === ';' ? 'semikolon' : 'tabulator'}: forecast-batch læser kommaseparerede værdier med . som decimaltegn)` : ''}`,
    en: (p: P) =>
      `a header with columns id, t, value (and optionally split; other columns are ignored); no column ${s(p, 'name')}${s(p, 'sep') ? ` (the header looks ${s(p, 'sep') === ';' ? 'semicolon' : 'tab'}-separated: forecast-batch reads comma-separated values with . as decimal mark)` : ''}`,
  },
  'forecast.err.idTogether': {
    da: "rækkerne for hvert id samlet (id {id} stod før, derefter andre id'er); sortér filen efter id, fx med en stabil sortering på id-kolonnen",
    en: 'the rows of each id together (id {id} appeared before, then other ids); sort the file by id, e.g. with a stable sort on the id column',
  },
  'forecast.err.quoteWithin': {
    da: 'et afsluttende anførselstegn inden for {n|n} tegn (et felt i anførselstegn begynder på denne linje)',
    en: 'a closing quote within {n} characters (a quoted field starts on this line)',
  },
  'forecast.err.recordMax': { da: 'en post på højst {n|n} tegn', en: 'a record of at most {n} characters' },
  'forecast.err.quoteNever': {
    da: 'et afsluttende anførselstegn (et felt i anførselstegn begynder på denne linje og slutter aldrig)',
    en: 'a closing quote (a quoted field starts on this line and never ends)',
  },
} satisfies Record<string, { da: string | Fn; en: string | Fn }>;
