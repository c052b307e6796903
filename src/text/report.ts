/**
 * The report's and the charts' words, one section of the one dictionary (`MESSAGES` in
 * `messages.ts`, which also holds the names of scenario inputs and data flags, `terms.ts`):
 * one Danish and one English text per key; `{name}` placeholders are filled by `t` / `say`.
 * `t` is the light lookup the browser's live panel bundles (without the command line's words).
 */
import type { Lang } from './number.js';
import { TERMS } from './terms.js';

export const REPORT_TEXTS = {
  // chart titles and axes
  'chart.budget.title': {
    da: 'Bevilling og forbrug, rådgivning og udredning',
    en: 'Appropriation and spending, advisory cases',
  },
  'chart.budget.subtitle': {
    da: 'Mio. kr. (løbende priser). Søjlerne viser merforbrug (rød) og mindreforbrug (grøn). 2021 mangler i kilderne.',
    en: 'DKK million (current prices). Bars show overspend (red) and underspend (green). 2021 is missing in the sources.',
  },
  'chart.activity.title': {
    da: 'Henvendelser og rådgivningsforløb efter hovedområde',
    en: 'Requests and advisory cases by main area',
  },
  'chart.activity.subtitle': {
    da: 'Antal pr. år. 2023–2024 findes kun i alt; 2024 har nye forløbstyper (registreringsbrud).',
    en: 'Count per year. 2023–2024 exist only as totals; 2024 has new case types (registration break).',
  },
  'chart.unitcost.title': { da: 'Forbrug pr. rådgivningsforløb', en: 'Spending per advisory case' },
  'chart.unitcost.subtitle': {
    da: 'Tusind kr. pr. forløb, løbende og faste priser ({base}-priser)',
    en: 'DKK thousand per case, current and fixed ({base}) prices',
  },
  'chart.fan.title': { da: 'Prognose: {series}', en: 'Forecast: {series}' },
  'chart.fan.subtitle': {
    da: 'Faktiske tal og prognose med 50, 80 og 95 % prognoseintervaller ({method})',
    en: 'Actuals and forecast with 50, 80 and 95% prediction intervals ({method})',
  },
  'chart.scenarios.title': { da: 'Forbrug pr. scenarie', en: 'Spending by scenario' },
  'chart.scenarios.subtitle': {
    da: 'Driver-modellen uden kalibrering (overskriften er den kalibrerede ene prognose): median, 50 % og 90 % interval; stiplet linje = bevilling',
    en: 'The driver model without calibration (the headline is the calibrated one forecast): median, 50% and 90% interval; dashed line = appropriation',
  },
  'chart.pmerforbrug.title': { da: 'Sandsynlighed for merforbrug pr. år', en: 'Probability of overspend by year' },
  'chart.pmerforbrug.subtitle': {
    da: 'Driver-modellen uden kalibrering: andel af Monte Carlo-kørsler hvor forbrug > bevilling',
    en: 'The driver model without calibration: share of Monte Carlo runs where spending > appropriation',
  },
  'text.driverOnly': {
    da: 'driver-modellen uden kalibrering; overskriften er den kalibrerede ene prognose',
    en: 'the driver model without calibration; the headline is the calibrated one forecast',
  },
  'chart.tornado.title': { da: 'Følsomhed: merforbrug {year}', en: 'Sensitivity: overspend {year}' },
  'text.assumptionsPl': {
    da: 'PL-satserne (pl.* og plBevilling.*, models/pl.yaml) indgår kun, hvor scenariet beder om dem: costs.priceGrowth: pl (prisen pr. forløb følger PL) eller bevilling.pl: ja (bevillingen PL-reguleres); ellers står de her til oplysning og påvirker ingen tal.',
    en: 'The PL rates (pl.* and plBevilling.*, models/pl.yaml) enter only where the scenario asks for them: costs.priceGrowth: pl (the cost per case follows PL) or bevilling.pl: yes (the appropriation is PL-indexed); otherwise they are listed for information and change no figure.',
  },
  'text.tornadoJointCosts': {
    da: 'Faste omkostninger og pris pr. forløb er estimeret sammen og trækkes sammen (korrelation {rho}): søjlen for de faste omkostninger flytter prisen pr. forløb med (derfor kan et højere fast beløb give et lavere merforbrug), og søjlen for prisen viser kun den del af dens usikkerhed, som de faste omkostninger ikke forklarer. Læs de to som ét omkostningsskøn.',
    en: 'Fixed cost and cost per case are estimated and drawn together (correlation {rho}): the fixed cost’s bar moves the cost per case with it (so a higher fixed cost can give a lower overspend), and the cost per case’s bar shows only the part of its uncertainty the fixed cost does not explain. Read the two as one cost estimate.',
  },
  'chart.tornado.subtitle': {
    da: 'Merforbrug (mio. kr.) når én antagelse sættes til sin 10. og 90. percentil og de øvrige til deres median',
    en: 'Overspend (DKK million) with one assumption at its 10th and 90th percentile and the others at their medians',
  },
  'chart.trackrecord.title': {
    da: 'Træfsikkerhed: prognosen for forbruget genkørt fra tidligere år',
    en: 'Track record: the spending forecast replayed from earlier years',
  },
  'chart.trackrecord.subtitle': {
    da: 'Kalibreret driver-model med data til og med udsigtsåret: 80 % (tyk) og 95 % (tynd) interval, median (hvid); sort prik = faktisk forbrug. Mio. kr.',
    en: 'Calibrated driver model with data up to the vantage year: 80% (thick) and 95% (thin) interval, median (white); black dot = actual spending. DKK million',
  },
  'legend.backtest': { da: 'Genkørsel', en: 'Replay' },
  'axis.targetYear': { da: 'Prognoseår', en: 'Target year' },
  'axis.vantage': { da: 'Udsigtsår', en: 'Vantage year' },
  'bt.asKnown': { da: 'Kendt ved udsigtsåret', en: 'As known then' },
  'bt.withDecisions': { da: 'Med senere beslutninger', en: 'With later decisions' },
  'bt.key': { da: '{mode}, {h} år frem', en: '{mode}, {h} yr ahead' },
  'bt.driver': { da: 'Driver-model', en: 'Driver model' },
  'bt.calibrated': { da: 'Kalibreret driver (én prognose)', en: 'Calibrated driver (the one forecast)' },
  'bt.timeSeries': { da: 'Tidsserieprognose', en: 'Time-series forecast' },
  'bt.naive': { da: 'Naiv (som sidste år)', en: 'Naive (as last year)' },
  // the `auto` method's row of the accuracy table, with the model it chose (its description)
  'bt.auto': { da: 'Automatisk valg ({model})', en: 'Automatic choice ({model})' },
  // the forecasts of the calibration table as the subject of a sentence (»… er {best} bedst«)
  'bt.the.driver': { da: 'driver-modellen uden kalibrering', en: 'the driver model without calibration' },
  'bt.the.calibrated': {
    da: 'den ene prognose (den kalibrerede driver-model)',
    en: 'the one forecast (the calibrated driver model)',
  },
  'bt.the.pool': {
    da: 'puljen af driver-model og tidsserieprognose (vægte og k)',
    en: 'the pool of driver model and time-series forecast (weights and k)',
  },
  'bt.the.equalPool': {
    da: 'den lige pulje af driver-model og tidsserieprognose',
    en: 'the equal pool of driver model and time-series forecast',
  },
  'bt.the.timeSeries': { da: 'tidsserieprognosen', en: 'the time-series forecast' },
  'bt.the.naive': { da: 'naiv prognose (»som sidste år«)', en: 'the naive forecast (“as last year”)' },
  'report.trackrecord': { da: 'Træfsikkerhed', en: 'Track record' },
  'sheet.trackrecord': { da: 'Træfsikkerhed scenarie', en: 'Scenario track record' },
  'lever.demand': { da: 'henvendelserne', en: 'the requests' },
  'lever.visitation': { da: 'visitationsraten', en: 'the visitation rate' },
  'lever.unitCost': { da: 'prisen pr. forløb', en: 'the cost per case' },
  'lever.bevilling': { da: 'bevillingen', en: 'the appropriation' },
  'text.headlineUncertainty': {
    da: 'Usikkerheden er modelusikkerhed: over parameterusikkerheden ligger P(merforbrug {year}) mellem {lo} og {hi} (80 % af parametertrækkene i driver-modellen), og de øvrige modeller giver {pDriver} (driver-model uden kalibrering), {pTs} (tidsserieprognose af forbruget) og {pNaive} (naiv).',
    en: "The uncertainty is model uncertainty: over the parameter uncertainty P(overspend {year}) lies between {lo} and {hi} (80% of the driver model's parameter draws), and the other models give {pDriver} (driver model without calibration), {pTs} (time-series forecast of spending) and {pNaive} (naive).",
  },
  'text.oneForecast': {
    da: 'P(merforbrug {year}) = {p} i scenariet »{scenario}«: én prognose for forbruget, driver-modellen med spredningen kalibreret på dens egen træfsikkerhed (faktor {k}). Forventet forbrug {year} er {forbrug} (80 % interval {range}) mod {bevPhrase}.',
    en: 'P(overspend {year}) = {p} in the scenario “{scenario}”: one forecast of spending, the driver model with its spread calibrated on its own track record (factor {k}). Expected spending in {year} is {forbrug} (80% interval {range}) against {bevPhrase}.',
  },
  'text.mcFootnote': {
    da: 'Monte Carlo-fejl (fodnote): standardfejlen på den simulerede sandsynlighed er ±{se} pct.-point ({runs} kørsler); den falder med flere kørsler og er ikke usikkerheden om fremtiden.',
    en: 'Monte Carlo error (footnote): the standard error of the simulated probability is ±{se} percentage points ({runs} runs); it shrinks with more runs and is not the uncertainty about the future.',
  },
  'text.trackrecord': {
    da: 'Tilbageblik: hele kæden er genkørt fra udsigtsårene {vantages} med data til og med udsigtsåret. Med de tiltag, der faktisk blev besluttet senere (effekter kun fra den evidens, der fandtes i udsigtsåret), dækkede 80 %-intervallerne ét år frem {hits} af {n} år ({lo}–{hi}, 95 % binomialinterval); uden kendskab til tiltagene {hitsK} af {nK}. Gennemsnitlig CRPS: {crps} mio. kr. mod tidsserieprognosen {crpsTs} og naiv {crpsNaive}; over alle genkørsler dækkede den ene prognoses 80 %-intervaller {hitsAll} af {nAll} udfald, tidsserieprognosens {hitsTs} og den naive prognoses {hitsNaive}{narrow}.',
    en: 'Track record: the whole pipeline is replayed from the vantage years {vantages} with data up to the vantage year. With the measures actually decided later (effects only from the evidence available at the vantage year), the 80% intervals one year ahead covered {hits} of {n} years ({lo}–{hi}, 95% binomial interval); without knowing the measures {hitsK} of {nK}. Mean CRPS: DKK {crps}m against the time-series forecast {crpsTs} and naive {crpsNaive}; over all replays the one forecast’s 80% intervals covered {hitsAll} of {nAll} outcomes, the time-series forecast’s {hitsTs} and the naive forecast’s {hitsNaive}{narrow}.',
  },
  'text.trackrecordNarrow': {
    da: ' (under 80 % også ved øvre ende af 95 %-binomialintervallet: deres P(merforbrug) ved siden af overskriften hviler på for snævre intervaller)',
    en: ' (below 80% even at the upper end of the 95% binomial interval: their P(overspend) beside the headline rests on intervals too narrow)',
  },
  'text.trackrecordAhead': {
    da: '{ahead} år frem, som {year} ligger fra det seneste regnskabsår, dækkede de {hits} af {n} år ({lo}–{hi}); uden kendskab til tiltagene {hitsK} af {nK}.',
    en: '{ahead} years ahead, as {year} lies from the latest accounts year, they covered {hits} of {n} years ({lo}–{hi}); without knowing the measures {hitsK} of {nK}.',
  },
  'text.trackrecordAhead1': {
    da: '{year} ligger ét år fra det seneste regnskabsår {last} (forbruget {last} er kendt fra data), så det er dækningen ét år frem, der gælder for {year}.',
    en: '{year} lies one year from the latest accounts year {last} (spending in {last} is known from the data), so the coverage one year ahead is the one that applies to {year}.',
  },
  'text.replay2020': {
    da: 'Genkørt fra {vantage} med de senere tiltag (maj og september 2021) giver forbrug {target} et 95 %-interval på {lo}–{hi} (median {med}); det faktiske forbrug var {actual} ({inside}). Uden kendskab til tiltagene: {loK}–{hiK} (median {medK}).',
    en: 'Replayed from {vantage} with the later measures (May and September 2021), spending {target} gets a 95% interval of {lo}–{hi} (median {med}); actual spending was {actual} ({inside}). Without knowing the measures: {loK}–{hiK} (median {medK}).',
  },
  'text.inside': { da: 'inden for intervallet', en: 'inside the interval' },
  'text.outside': { da: 'uden for intervallet', en: 'outside the interval' },
  'text.asKnownGap': {
    da: 'Uden kendskab til de senere tiltag er {best} bedst (gennemsnitlig CRPS, leave-one-out: {bestCrps} mod {cal} for den ene prognose); med de senere tiltag er den ene prognose bedst ({calWd} mod {nextCrps} for {next}): tiltagene i 2018 og 2021 kunne driver-modellen ikke kende. Scenariernes tal er derfor betingede: de gælder, hvis der ikke kommer nye tiltag.',
    en: "Without knowing the later measures {best} is best (mean CRPS, leave-one-out: {bestCrps} against {cal} for the one forecast); with the later measures the one forecast is best ({calWd} against {nextCrps} for {next}): the driver model could not know the 2018 and 2021 measures. The scenarios' numbers are therefore conditional: they hold if no new measures come.",
  },
  'text.asKnownGapAlso': {
    da: 'Uden kendskab til de senere tiltag er {best} bedst (gennemsnitlig CRPS, leave-one-out: {bestCrps} mod {cal} for den ene prognose), og også med de senere tiltag slår {next} den ene prognose ({nextCrps} mod {calWd}): forskellen skyldes ikke kun tiltagene i 2018 og 2021. Scenariernes tal gælder, hvis der ikke kommer nye tiltag.',
    en: "Without knowing the later measures {best} is best (mean CRPS, leave-one-out: {bestCrps} against {cal} for the one forecast), and with the later measures too {next} beats the one forecast ({nextCrps} against {calWd}): the gap is not only the 2018 and 2021 measures. The scenarios' numbers hold if no new measures come.",
  },
  'text.asKnownGapOnly': {
    da: 'Uden kendskab til de senere tiltag er {best} bedst (gennemsnitlig CRPS, leave-one-out: {bestCrps} mod {cal} for den ene prognose). Scenariernes tal gælder, hvis der ikke kommer nye tiltag.',
    en: "Without knowing the later measures {best} is best (mean CRPS, leave-one-out: {bestCrps} against {cal} for the one forecast). The scenarios' numbers hold if no new measures come.",
  },
  'text.leverReason': {
    da: 'Håndtaget er {lever}, fordi evalueringen af 2021 peger på det: visitationsraten (forløb pr. henvendelse) steg fra {r0} i {y0} til {r1} i {y1}, så faldet i forløb kom gennem færre henvendelser.',
    en: 'The lever is {lever} because the 2021 evaluation points to it: the visitation rate (cases per request) rose from {r0} in {y0} to {r1} in {y1}, so the drop in cases came through fewer requests.',
  },
  'text.leverReasonVisitation': {
    da: 'Håndtaget er {lever}: visitationsraten faldt fra {r0} i {y0} til {r1} i {y1} efter 2021-tiltagene.',
    en: 'The lever is {lever}: the visitation rate fell from {r0} in {y0} to {r1} in {y1} after the 2021 measures.',
  },
  'text.oneForecastNote': {
    da: 'Én prognose: driver-modellen (efterspørgsel, visitation, pris pr. forløb; alle input estimeret fra data) med spredningen kalibreret på træfsikkerheden (faktor {k}). Krydstjek: den rene tidsserieprognose af forbruget ({method}), der hverken kender henvendelser, visitation, tiltag eller bevilling. Prognosen gælder uden nye tiltag.',
    en: 'One forecast: the driver model (demand, visitation, cost per case; every input estimated from the data) with its spread calibrated on the track record (factor {k}). Cross-check: the pure time-series forecast of spending ({method}), which knows nothing of requests, visitation, measures or the appropriation. The forecast assumes no new measures.',
  },
  'series.crossCheck': { da: 'Krydstjek: tidsserie', en: 'Cross-check: time series' },
  'chart.oneforecast.subtitle': {
    da: 'Faktiske tal og én prognose (kalibreret driver-model, 50/80/95 %); prikket = tidsserieprognosen som krydstjek (80 %)',
    en: 'Actuals and one forecast (calibrated driver model, 50/80/95%); dotted = the time-series forecast as a cross-check (80%)',
  },
  'chart.measure.title': { da: 'Tiltag: {name}', en: 'Measure: {name}' },
  'chart.measure.subtitle': {
    da: '{quantity}: faktisk udvikling mod kontrafaktisk prognose uden tiltaget ({level} % interval)',
    en: '{quantity}: actual vs counterfactual forecast without the measure ({level}% interval)',
  },
  'chart.goalseek.title': {
    da: 'Reduktion af {lever} og risiko for merforbrug {year}',
    en: 'Reduction of {lever} and risk of overspend {year}',
  },
  'chart.goalseek.subtitle': {
    da: 'Sandsynlighed for merforbrug som funktion af reduktionen af {lever} i alle fremskrevne år',
    en: 'Probability of overspend as a function of the reduction of {lever} in every projected year',
  },
  'chart.whatif.title': { da: 'Hvad nu hvis: reduktion af {lever} {year}', en: 'What if: reduction of {lever} {year}' },
  'text.whatifRuns': {
    da: 'Kurven har {runs} kørsler pr. punkt (samme tilfældige tal i alle punkter), så rækken 0 % kan afvige fra overskriftens P med Monte Carlo-fejlen; målsøgningen bruger overskriftens kørsler.',
    en: 'The curve has {runs} runs a point (the same random numbers at every point), so its 0% row can differ from the headline P by Monte Carlo error; the goal seek uses the headline runs.',
  },
  'chart.whatif.subtitle': { da: 'Træk i skyderen under grafen', en: 'Move the slider below the chart' },
  'axis.year': { da: 'År', en: 'Year' },
  'axis.mio': { da: 'Mio. kr.', en: 'DKK million' },
  'text.amountsMio': { da: 'Beløb i mio. kr., løbende priser.', en: 'Amounts in DKK million, current prices.' },
  'axis.count': { da: 'Antal', en: 'Count' },
  'axis.tkr': { da: 'Tusind kr. pr. forløb', en: 'DKK thousand per case' },
  'axis.probability': { da: 'P(merforbrug)', en: 'P(overspend)' },
  'axis.tightening': { da: 'Reduktion af {lever} (%)', en: 'Reduction of {lever} (%)' },
  'axis.expectedMerforbrug': { da: 'Forventet merforbrug (mio. kr.)', en: 'Expected overspend (DKK million)' },
  'axis.merforbrug': { da: 'Merforbrug (mio. kr.)', en: 'Overspend (DKK million)' },
  'axis.parameter': { da: 'Antagelse', en: 'Assumption' },
  'legend.series': { da: 'Serie', en: 'Series' },
  'legend.flag': { da: 'Datakvalitet', en: 'Data quality' },
  'legend.area': { da: 'Hovedområde', en: 'Main area' },
  'legend.scenario': { da: 'Scenarie', en: 'Scenario' },
  'legend.interval': { da: 'Interval', en: 'Interval' },
  'legend.direction': { da: 'Afvigelse', en: 'Difference' },
  'legend.prices': { da: 'Priser', en: 'Prices' },
  'legend.side': { da: 'Antagelse sat til', en: 'Assumption at' },
  'series.bevilling': { da: 'Bevilling', en: 'Appropriation' },
  'series.forbrug': { da: 'Forbrug', en: 'Spending' },
  'series.merforbrug': { da: 'Merforbrug', en: 'Overspend' },
  'series.mindreforbrug': { da: 'Mindreforbrug', en: 'Underspend' },
  'series.henvendelser': { da: 'Henvendelser', en: 'Requests' },
  'series.forloeb': { da: 'Rådgivningsforløb', en: 'Advisory cases' },
  'series.actual': { da: 'Faktisk', en: 'Actual' },
  'series.forecast': { da: 'Prognose', en: 'Forecast' },
  'series.counterfactual': { da: 'Uden tiltag', en: 'Without measure' },
  'series.current': { da: 'Løbende priser', en: 'Current prices' },
  'series.fixed': { da: 'Faste priser', en: 'Fixed prices' },
  'side.low': { da: 'Lav (P10)', en: 'Low (P10)' },
  'side.high': { da: 'Høj (P90)', en: 'High (P90)' },
  'area.voksne': { da: 'Voksne', en: 'Adults' },
  'area.boern_unge': { da: 'Børn og unge', en: 'Children and young people' },
  'area.specialundervisning': { da: 'Specialundervisning', en: 'Special education' },
  'area.andet': { da: 'Andet', en: 'Other' },
  'area.i_alt': { da: 'I alt', en: 'Total' },
  'kind.measure': { da: 'Tiltag', en: 'Measure' },
  'kind.covid': { da: 'COVID-19', en: 'COVID-19' },
  'kind.registration_break': { da: 'Registreringsbrud', en: 'Registration break' },
  'kind.supply': { da: 'Leverandører', en: 'Suppliers' },
  // the kind of a source document (data/sources.csv, column kind)
  'docKind.annual report': { da: 'årsrapport', en: 'annual report' },
  'docKind.fact sheet': { da: 'faktaark', en: 'fact sheet' },
  'docKind.news item': { da: 'nyhed', en: 'news item' },
  'docKind.podcast transcript': { da: 'udskrift af podcast', en: 'podcast transcript' },
  'actsOn.henvendelser': { da: 'Henvendelser', en: 'Requests' },
  'actsOn.visitation': { da: 'Visitationsrate', en: 'Visitation rate' },
  'actsOn.forloeb': { da: 'Rådgivningsforløb', en: 'Advisory cases' },
  'actsOn.unit_cost': { da: 'Pris pr. forløb', en: 'Cost per case' },
  'tooltip.flags': { da: 'Markeringer', en: 'Flags' },
  'tooltip.source': { da: 'Kilde', en: 'Source' },
  'tooltip.value': { da: 'Værdi', en: 'Value' },
  'tooltip.event': { da: 'Begivenhed', en: 'Event' },
  'tooltip.date': { da: 'Dato', en: 'Date' },
  'whatif.label': { da: 'Reduktion (%) ', en: 'Reduction (%) ' },
  // report text
  'report.title': {
    da: 'VISO: budget, efterspørgsel og risiko for merforbrug',
    en: 'VISO: budget, demand and risk of overspend',
  },
  'report.subtitle': {
    da: 'Rådgivning og udredning (§ 15.11.31.10). Scenarieberegning med {runs} Monte Carlo-kørsler, seed {seed}.',
    en: 'Advisory cases and assessments (§ 15.11.31.10). Scenario run with {runs} Monte Carlo runs, seed {seed}.',
  },
  'report.summary': { da: 'Sammenfatning', en: 'Summary' },
  'report.history': { da: 'Historik', en: 'History' },
  'report.forecasts': { da: 'Prognoser', en: 'Forecasts' },
  'report.scenarios': { da: 'Scenarier', en: 'Scenarios' },
  'report.measures': { da: 'Tiltag', en: 'Measures' },
  'report.whatif': { da: 'Hvad nu hvis', en: 'What if' },
  'report.sensitivity': { da: 'Følsomhed', en: 'Sensitivity' },
  'report.accuracy': { da: 'Model og træfsikkerhed', en: 'Model and backtest accuracy' },
  'report.assumptions': { da: 'Antagelser', en: 'Assumptions' },
  'report.provenance': { da: 'Bilag: kilder', en: 'Appendix: sources' },
  'report.followup': { da: 'Opfølgning i året', en: 'In-year follow-up' },
  'report.dataTable': { da: 'Datatabel', en: 'Data table' },
  'report.notAvailable': { da: 'Ikke tilgængelig: {reason}', en: 'Not available: {reason}' },
  'col.year': { da: 'År', en: 'Year' },
  'col.scenario': { da: 'Scenarie', en: 'Scenario' },
  'col.bevilling': { da: 'Bevilling (mio. kr.)', en: 'Appropriation (DKK m)' },
  'col.forbrug': { da: 'Forbrug (mio. kr.)', en: 'Spending (DKK m)' },
  'col.merforbrug': { da: 'Merforbrug (mio. kr.)', en: 'Overspend (DKK m)' },
  'col.forbrugMedian': { da: 'Forbrug, median', en: 'Spending, median' },
  'col.forbrug80': { da: 'Forbrug, 80 % interval', en: 'Spending, 80% interval' },
  'col.expectedMerforbrug': { da: 'Forventet merforbrug', en: 'Expected overspend' },
  'col.pMerforbrug': { da: 'P(merforbrug)', en: 'P(overspend)' },
  'col.pMerforbrugSe': { da: 'MC-usikkerhed', en: 'MC error' },
  'col.pMerforbrugSePp': { da: 'MC-usikkerhed (pct.-point)', en: 'MC error (pp)' },
  'col.pBeyondOpsparing': { da: 'P(forbrug > bevilling + opsparing)', en: 'P(spending > appropriation + savings)' },
  'col.opsparing': { da: 'Opsparing ultimo (forv.)', en: 'Savings at year end (exp.)' },
  'col.henvendelser': { da: 'Henvendelser (median)', en: 'Requests (median)' },
  'col.forloeb': { da: 'Forløb (median)', en: 'Cases (median)' },
  'col.unitCost': { da: 'Pris pr. forløb (median)', en: 'Cost per case (median)' },
  'col.share': { da: 'Forbrug i % af bevilling', en: 'Spending as % of appropriation' },
  'col.flags': { da: 'Markeringer', en: 'Flags' },
  'col.source': { da: 'Kilde', en: 'Source' },
  'col.measure': { da: 'Tiltag', en: 'Measure' },
  'col.start': { da: 'Start', en: 'Start' },
  'col.phaseIn': { da: 'Indfasning', en: 'Phase-in' },
  'col.actsOn': { da: 'Virker på', en: 'Acts on' },
  'col.effect': { da: 'Anslået effekt', en: 'Estimated effect' },
  'col.interval': { da: '80 % interval', en: '80% interval' },
  'col.assumed': { da: 'Antaget effekt, fuld', en: 'Assumed effect, full' },
  'col.assumedFrom': { da: 'Effekten bygger på', en: 'The effect rests on' },
  'text.assumedAssumption': {
    da: 'antagelse i {at}',
    en: 'an assumption in {at}',
  },
  'text.assumedEvaluation': { da: 'evalueringen af {id}', en: 'the evaluation of {id}' },
  'text.assumedEvaluationOf': {
    da: 'evalueringen af {id}, effekten på {outcome}',
    en: 'the evaluation of {id}, its effect on {outcome}',
  },
  'col.estimated': { da: 'Estimeret effekt', en: 'Estimated effect' },
  'col.interval95': { da: '95 % interval', en: '95% interval' },
  'col.verdict': { da: 'Vurdering', en: 'Verdict' },
  'col.method': { da: 'Metode', en: 'Method' },
  'col.series': { da: 'Serie', en: 'Series' },
  'col.mape': { da: 'MAPE', en: 'MAPE' },
  'col.coverage': { da: 'Dækning af 80 % interval', en: '80% interval coverage' },
  'col.n': { da: 'Antal prognoser', en: 'Forecasts' },
  'col.parameter': { da: 'Antagelse', en: 'Assumption' },
  'col.value': { da: 'Værdi', en: 'Value' },
  'col.key': { da: 'Nøgle i scenariefilen', en: 'Key in the scenario file' },
  'col.low': { da: 'Lav', en: 'Low' },
  'col.high': { da: 'Høj', en: 'High' },
  'col.doc': { da: 'Id', en: 'Id' },
  'col.title': { da: 'Titel', en: 'Title' },
  'col.publisher': { da: 'Udgiver', en: 'Publisher' },
  'col.published': { da: 'Udgivet', en: 'Published' },
  'col.kind': { da: 'Type', en: 'Kind' },
  'col.usedBy': { da: 'Bruges af', en: 'Used by' },
  'col.tightening': { da: 'Reduktion', en: 'Reduction' },
  'col.expectedForbrug': { da: 'Forventet forbrug', en: 'Expected spending' },
  'col.forecast': { da: 'Prognose', en: 'Forecast' },
  'col.scenarioMedian': { da: '»{scenario}«, median', en: '“{scenario}”, median' },
  'col.event': { da: 'Begivenhed', en: 'Event' },
  'col.date': { da: 'Dato', en: 'Date' },
  'sheet.summary': { da: 'Oversigt', en: 'Summary' },
  'sheet.history': { da: 'Historik', en: 'Historical data' }, // 'History' is reserved in Excel
  'sheet.scenarios': { da: 'Scenarier', en: 'Scenarios' },
  'sheet.forecasts': { da: 'Prognoser', en: 'Forecasts' },
  'sheet.measures': { da: 'Tiltag', en: 'Measures' },
  'sheet.whatif': { da: 'Hvad nu hvis', en: 'What if' },
  'sheet.sensitivity': { da: 'Følsomhed', en: 'Sensitivity' },
  'sheet.accuracy': { da: 'Træfsikkerhed', en: 'Accuracy' },
  'sheet.assumptions': { da: 'Antagelser', en: 'Assumptions' },
  'sheet.sources': { da: 'Kilder', en: 'Sources' },
  'sheet.userData': { da: 'Egne data', en: 'Your data' },
  'report.costSplit': {
    da: 'Besparelsen fordelt på år: et tiltag midt i året',
    en: 'The reduction by year: a measure during the year',
  },
  'col.startYearShare': { da: 'Andel i startåret', en: 'Share in the start year' },
  'col.nextYearShare': { da: 'Andel året efter', en: 'Share in the next year' },
  'text.costSplit': {
    da: 'Et forløbs omkostning fordeler sig over dets varighed (typisk 6–8 måneder, årsrapport 2020; fordeling og jævne starter over året er antagelser i {file}). Af besparelsen på de forløb, et tiltag skærer fra i startåret, falder kun den viste andel i startåret og resten året efter; fra andet år virker det fuldt. Scenarier med costs.timing: cohort regner sådan.',
    en: 'A case’s cost spreads over its duration (typically 6–8 months, annual report 2020; the distribution and evenly spread starts are assumptions in {file}). Of the reduction from the cases a measure cuts in its start year, only the share shown falls in the start year and the rest the next year; from the second year it acts in full. Scenarios with costs.timing: cohort compute it this way.',
  },
  'report.userData': { da: 'Egne data flettet ind i de indbyggede', en: 'Your data merged into the bundled data' },
  'col.bundledValue': { da: 'Før', en: 'Before' },
  'col.userValue': { da: 'Din værdi', en: 'Your value' },
  'col.file': { da: 'Fil', en: 'File' },
  'text.userDataAdded': { da: 'tilføjet', en: 'added' },
  'text.userDataNewSeries': { da: 'ny serie', en: 'new series' },
  'text.userData': {
    da: 'Dine filer ({files}) er flettet ind i de indbyggede data pr. serie og år: din værdi vinder, alle andre år bevares. Hver ændret værdi og hvert tilføjet år står herunder.',
    en: 'Your files ({files}) are merged into the bundled data per series and year: your value wins, every other year is kept. Every changed value and every added year is listed below.',
  },
  'sheet.followup': { da: 'Opfølgning', en: 'Follow-up' },
  'text.bevExpected': { da: 'en forventet bevilling på {x}', en: 'an expected appropriation of {x}' },
  'text.illustrativeData': {
    da: 'ILLUSTRATIVE DATA: {files} siger selv, at tallene er illustrative, ikke VISOs regnskab; tallene fra filen og resultaterne, der bygger på dem, viser kun, at beregningen virker.',
    en: "ILLUSTRATIVE DATA: {files} says its figures are illustrative, not VISO's accounts; the figures from the file and the results built on them only show that the calculation works.",
  },
  'text.illustrativeHeadline': {
    da: 'ILLUSTRATIVE DATA: tallene fra {files} er illustrative, ikke regnskab',
    en: 'ILLUSTRATIVE DATA: the figures from {files} are illustrative, not accounts',
  },
  'text.knownLater': {
    da: 'Kendt fra data efter basisåret {baseYear}, ikke simuleret: {items}.',
    en: 'Known from the data after the base year {baseYear}, not simulated: {items}.',
  },
  'text.knownBev': { da: 'bevilling {year} {x} (fra {at})', en: 'appropriation {year} {x} (from {at})' },
  'text.knownForbrug': { da: 'forbrug {year} {x} (fra {at})', en: 'spending {year} {x} (from {at})' },
  'text.knownForbrugRest': {
    da: 'Henvendelser og forløb {years} er simuleret, i hver kørsel skaleret til det kendte forbrug.',
    en: 'Requests and cases in {years} are simulated, scaled in each run to the known spending.',
  },
  'text.knownBevRest': { da: 'Forbruget {years} er simuleret.', en: 'Spending in {years} is simulated.' },
  'text.bevPlain': { da: 'en bevilling på {x}', en: 'an appropriation of {x}' },
  'text.bevillingKnownCard': { da: 'kendt, fra {at}', en: 'known, from {at}' },
  'text.bevKnown': { da: 'bevillingen på {x} (fra {at})', en: 'the appropriation of {x} (from {at})' },
  'text.headline': {
    da: 'P(merforbrug {year}) = {p} (MC-usikkerhed ±{se} pct.-point) i scenariet »{scenario}«. Forventet forbrug {year} er {forbrug} (80 % interval {range}) mod {bevPhrase}; {expPhrase}.',
    en: 'P(overspend {year}) = {p} (MC error ±{se} pp) in the scenario “{scenario}”. Expected spending in {year} is {forbrug} (80% interval {range}) against {bevPhrase}; {expPhrase}.',
  },
  'text.history': {
    da: 'Seneste regnskabsår {year}: forbrug {forbrug} af en bevilling på {bevilling} ({share} af bevillingen).',
    en: 'Latest accounts year {year}: spending {forbrug} of an appropriation of {bevilling} ({share} of the appropriation).',
  },
  'text.opsparing': {
    da: 'Opsparingen ved udgangen af {baseYear} er {start} (reglerne i {file}). I driver-modellen i »{scenario}« er P(forbrug > bevilling {year}) = {p1}{permission}, og P(forbrug > bevilling + brugbar opsparing {year}) = {p2}: sandsynligheden for, at heller ikke opsparingen dækker, så der skal ekstra bevilling til. Forventet opsparing ved udgangen af {year}: {bal} (80 % interval {lo}–{hi}).',
    en: 'The savings at the end of {baseYear} are {start} (the rules in {file}). In the driver model of “{scenario}”, P(spending > appropriation {year}) = {p1}{permission}, and P(spending > appropriation + usable savings {year}) = {p2}: the chance that even the savings do not cover it and an extra appropriation is needed. Expected savings at the end of {year}: {bal} (80% interval {lo}–{hi}).',
  },
  'text.opsparingOne': {
    da: 'Opsparingen ved udgangen af {baseYear} er {start} (reglerne i {file}). I den ene prognose (spredningen kalibreret med faktor {k}) er P(forbrug > bevilling {year}) = {p1}{permission}, og P(forbrug > bevilling + brugbar opsparing {year}) = {p2}: sandsynligheden for, at heller ikke opsparingen dækker, så der skal ekstra bevilling til. Forventet opsparing ved udgangen af {year}: {bal} (80 % interval {lo}–{hi}).{need}',
    en: 'The savings at the end of {baseYear} are {start} (the rules in {file}). In the one forecast (its spread calibrated by the factor {k}), P(spending > appropriation {year}) = {p1}{permission}, and P(spending > appropriation + usable savings {year}) = {p2}: the chance that even the savings do not cover it and an extra appropriation is needed. Expected savings at the end of {year}: {bal} (80% interval {lo}–{hi}).{need}',
  },
  'text.opsparingNeed': {
    da: ' Opsparingen skal være mindst {need} ved udgangen af {baseYear}, for at merforbruget til og med {year} er dækket med 95 % sandsynlighed i den ene prognose (samme regler).',
    en: ' Savings of at least {need} at the end of {baseYear} cover the overspend up to and including {year} with 95% probability in the one forecast (same rules).',
  },
  'text.opsparingNeedNone': {
    da: ' Under disse regler dækker ingen opsparing ved udgangen af {baseYear}, hvor stor den end er, merforbruget til og med {year} med 95 % sandsynlighed i den ene prognose: i mere end 5 % af kørslerne står merforbrug udækket på grund af {why}.',
    en: ' Under these rules no savings at the end of {baseYear}, however large, cover the overspend up to and including {year} with 95% probability in the one forecast: in more than 5% of the runs overspend is left uncovered because of {why}.',
  },
  'text.opsparingNeedWhy.cap': { da: 'loftet over opsparingen', en: 'the ceiling on the savings' },
  'text.opsparingNeedWhy.maxUse': {
    da: 'grænsen for, hvor meget opsparing et år må bruge',
    en: 'the limit on how much of the savings a year may use',
  },
  'text.opsparingNeedWhy.expiry': { da: 'udløbet af opsparingen', en: 'the expiry of the savings' },
  'text.opsparingNeedWhy.or': { da: ' eller ', en: ' or ' },
  'text.opsparingNeedUndefined': {
    da: ' Hvor stor opsparingen ved udgangen af {baseYear} skal være, for at merforbruget til og med {year} er dækket med 95 % sandsynlighed, er ikke defineret under et loft sammen med udløb: loftet skærer den nyeste opsparing væk først, så en større opsparing kan dække mindre.',
    en: ' How large the savings at the end of {baseYear} must be to cover the overspend up to and including {year} with 95% probability is not defined under a ceiling together with expiry: the ceiling cuts the newest savings first, so larger savings can cover less.',
  },
  'text.opsparingPermission': {
    da: ' (så skal opsparingen bruges, og det kræver departementets tilladelse, {source})',
    en: ' (then the savings must be used, which needs the department’s permission, {source})',
  },
  'text.opsparingPermissionNoSource': {
    da: ' (så skal opsparingen bruges, og det kræver departementets tilladelse)',
    en: ' (then the savings must be used, which needs the department’s permission)',
  },
  'text.scenarioRange': {
    da: 'På tværs af {n} scenarier ligger P(merforbrug {year}) mellem {min} (»{minName}«) og {max} (»{maxName}«).',
    en: 'Across {n} scenarios, P(overspend {year}) ranges from {min} (“{minName}”) to {max} (“{maxName}”).',
  },
  'text.goalseekOne': {
    da: 'For at bringe P(merforbrug {year}) i den ene prognose (spredningen kalibreret med faktor {k} som ovenfor) ned på {target} kræves en reduktion af {lever} på {x} i alle fremskrevne år (95 % MC-interval {lo}–{hi}{kNote}; målsøgning med {runs} kørsler og samme tilfældige tal i hvert forsøg).',
    en: 'Bringing P(overspend {year}) in the one forecast (its spread calibrated by the factor {k} as above) down to {target} requires {x} less of {lever} in every projected year (95% MC interval {lo}–{hi}{kNote}; goal seek with {runs} runs and the same random numbers in every trial).',
  },
  'text.goalseek': {
    da: 'For at bringe P(merforbrug {year}) ned på {target} i driver-modellen kræves en reduktion af {lever} på {x} i alle fremskrevne år (95 % MC-interval {lo}–{hi}; målsøgning med {runs} kørsler og samme tilfældige tal i hvert forsøg).',
    en: 'Bringing P(overspend {year}) down to {target} in the driver model requires {x} less of {lever} in every projected year (95% MC interval {lo}–{hi}; goal seek with {runs} runs and the same random numbers in every trial).',
  },
  'text.goalseekOpsparing': {
    da: 'For at bringe P(forbrug > bevilling + brugbar opsparing {year}) ned på {target} kræves en reduktion af {lever} på {x} i alle fremskrevne år (95 % MC-interval {lo}–{hi}; {runs} kørsler).',
    en: 'Bringing P(spending > appropriation + usable savings {year}) down to {target} requires {x} less of {lever} in every projected year (95% MC interval {lo}–{hi}; {runs} runs).',
  },
  'text.goalseekOpsparingOne': {
    da: 'For at bringe P(forbrug > bevilling + brugbar opsparing {year}) i den ene prognose ned på {target} kræves en reduktion af {lever} på {x} i alle fremskrevne år (95 % MC-interval {lo}–{hi}{kNote}; {runs} kørsler).',
    en: 'Bringing P(spending > appropriation + usable savings {year}) in the one forecast down to {target} requires {x} less of {lever} in every projected year (95% MC interval {lo}–{hi}{kNote}; {runs} runs).',
  },
  'text.goalseekKNote': {
    da: ', medregnet Monte Carlo-fejlen på k selv: standardfejl {se} på k giver {part} pct.-point på reduktionen',
    en: ', including the Monte Carlo error of k itself: a standard error of {se} on k gives {part} pp on the reduction',
  },
  'text.goalseekKRange': {
    da: 'Faktoren k er selv fittet på {points} genkørsler fra {vantages} udsigtsår: udelades ét år ad gangen, ligger k mellem {kLo} (uden {yLo}) og {kHi} (uden {yHi}), og så kræves en reduktion af {lever} på ca. {lo}–{hi}. Den usikkerhed fra de få års historik er ikke med i Monte Carlo-intervallet ovenfor.',
    en: 'The factor k is itself fitted on {points} replays from {vantages} vantage years: leaving out one year at a time, k lies between {kLo} (without {yLo}) and {kHi} (without {yHi}), which calls for about {lo}–{hi} less of {lever}. That uncertainty from the few years of history is not in the Monte Carlo interval above.',
  },
  'text.goalseekOpsparingNone': {
    da: 'Målet P(forbrug > bevilling + brugbar opsparing {year}) ≤ {target} kan ikke nås ved at reducere {lever} alene.',
    en: 'The target P(spending > appropriation + usable savings {year}) ≤ {target} cannot be reached by reducing {lever} alone.',
  },
  'text.goalseekMet': {
    da: 'P(merforbrug {year}) er allerede højst {target} uden at ændre {lever}.',
    en: 'P(overspend {year}) is already at most {target} without changing {lever}.',
  },
  'text.goalseekNone': {
    da: 'Målet P(merforbrug {year}) ≤ {target} kan ikke nås ved at reducere {lever} alene.',
    en: 'The target P(overspend {year}) ≤ {target} cannot be reached by reducing {lever} alone.',
  },
  'text.mcNote': {
    da: 'MC-usikkerhed er standardfejlen på den simulerede sandsynlighed (i pct.-point); den falder med flere kørsler (--runs).',
    en: 'MC error is the standard error of the simulated probability (percentage points); it shrinks with more runs (--runs).',
  },
  'text.forecastNote': {
    da: 'Prognosen er en ren tidsserieprognose af {series} ({method}): den kender hverken henvendelser, visitation, tiltag eller bevilling. Scenarierne modellerer forbruget ud fra efterspørgsel, visitation og pris pr. forløb; forskellen mellem de to viser, hvor meget tallene afhænger af modellen.',
    en: 'The forecast is a pure time-series forecast of {series} ({method}): it knows nothing of requests, visitation, measures or the appropriation. The scenarios model spending from demand, visitation and cost per case; the difference between the two shows how much the numbers depend on the model.',
  },
  'text.flagsNote': {
    da: 'Markerede punkter: 2020-forløb indeholder et skøn; 2024-forløb følger ny registreringspraksis (nov. 2023); 2022–2024-økonomi fra faktaark med uklar konto.',
    en: 'Marked points: 2020 cases contain an estimate; 2024 cases follow new registration practice (Nov 2023); 2022–2024 finances from a fact sheet with an ambiguous account.',
  },
  'text.provenance': {
    da: 'Alle tal i rapporten stammer fra nedenstående kilder (kolonnen »Kilde« i datatabellerne henviser hertil som dokument#sted) eller er beregnet af de viste modeller og antagelser.',
    en: 'Every figure in this report comes from the sources below (the “Source” column of the data tables refers to them as document#locator) or is computed by the models and assumptions shown.',
  },
  'text.generated': {
    da: 'Genereret af viso-budget {version}. Samme input og seed giver en identisk rapport; tidsstempler og kørselstider står kun i manifest.json.',
    en: 'Generated by viso-budget {version}. The same inputs and seed give an identical report; timestamps and timings are only in manifest.json.',
  },
  'text.expOver': { da: 'forventet merforbrug {x}', en: 'expected overspend {x}' },
  'text.expUnder': { da: 'forventet mindreforbrug {x}', en: 'expected underspend {x}' },
  'text.bevillingProjected': { da: 'fremskrevet i »{scenario}«', en: 'projected in “{scenario}”' },
  'text.background': { da: '(baggrund; ingen tal hentet herfra)', en: '(background; no figures taken from it)' },
  'text.events': {
    da: 'Begivenheder (tiltag, COVID-19 og registreringsbrud vises som lodrette linjer i graferne)',
    en: 'Events (measures, COVID-19 and registration breaks are vertical rules in the charts)',
  },
  'text.whatifNote': {
    da: 'Skyderen vælger blandt forudberegnede scenarier ({n} punkter, {runs} kørsler hver, samme tilfældige tal i alle punkter) for scenariet »{scenario}«. Reduktion x % betyder, at {lever} reduceres med x % i alle fremskrevne år. Målsøgningens svar i sammenfatningen er beregnet med alle kørsler, ikke aflæst på punkterne.',
    en: 'The slider picks among precomputed scenarios ({n} points, {runs} runs each, the same random numbers at every point) for the scenario “{scenario}”. Reduction by x% means x% less of {lever} in every projected year. The goal-seek answer in the summary is computed with all runs, not read off the points.',
  },
  'text.gridNote': {
    da: 'Kurven bygger på {n} forudberegnede scenarier ({runs} kørsler hver, samme tilfældige tal i alle punkter) for scenariet »{scenario}«. Reduktion x % betyder, at {lever} reduceres med x % i alle fremskrevne år; målsøgningens svar (markeret) er beregnet med alle kørsler. I HTML-rapporten kan man desuden selv sætte input og regne scenariet igen (hvad nu hvis).',
    en: 'The curve is built from {n} precomputed scenarios ({runs} runs each, the same random numbers at every point) for the scenario “{scenario}”. Reduction by x% means x% less of {lever} in every projected year; the goal-seek answer (marked) is computed with all runs. In the HTML report you can also set the inputs yourself and rerun the scenario (what if).',
  },
  'text.gridSpread': {
    da: 'Punkterne og målsøgningen er den ene prognoses: forbruget i hver kørsel spredt om medianen med faktor {k} som i overskriften.',
    en: 'The points and the goal seek are the one forecast’s: the spending of every run spread around the median by the factor {k} as in the headline.',
  },
  'text.whatifReadout': {
    da: 'Reduktion {x}: P(merforbrug) = {p}, forventet forbrug {forbrug}',
    en: 'Reduction {x}: P(overspend) = {p}, expected spending {forbrug}',
  },
  'text.noscript': {
    da: 'Graferne kræver JavaScript. Markdown-rapporten (report.md) har de samme grafer som billeder.',
    en: 'The charts need JavaScript. The Markdown report (report.md) has the same charts as images.',
  },
} as const satisfies Record<string, { da: string; en: string }>;

/** A key of the report's words (a section of `MESSAGES`; the terms included). */
export type StringKey = keyof typeof REPORT_TEXTS | keyof typeof TERMS;

/**
 * Look up a report string in the given language and fill `{name}` placeholders.
 * Unknown placeholders are left as they are, so a missing value is visible.
 *
 * @example
 * t('da', 'chart.fan.title', { series: 'Forbrug' }) // 'Prognose: Forbrug'
 * t('en', 'series.bevilling')                       // 'Appropriation'
 */
export function t(lang: Lang, key: StringKey, vars: Record<string, string | number> = {}): string {
  const s: string =
    (REPORT_TEXTS as Record<string, { da: string; en: string }>)[key]?.[lang] ?? TERMS[key as keyof typeof TERMS][lang];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * Translate a data-quality flag or hovedområde slug if the table knows it; otherwise return it unchanged.
 *
 * @example
 * label('da', 'flag', 'estimated') // 'Skøn'
 * label('en', 'area', 'voksne')    // 'Adults'
 */
export function label(lang: Lang, kind: 'flag' | 'area' | 'kind' | 'actsOn' | 'docKind', slug: string): string {
  const key = `${kind}.${slug}`;
  return hasString(key) ? t(lang, key) : slug;
}

/**
 * True if `key` is a known string key (used by tests to check both languages are complete).
 *
 * @example
 * hasString('series.forbrug') // true
 */
export function hasString(key: string): key is StringKey {
  return key in REPORT_TEXTS || key in TERMS;
}

/** All string keys (for completeness tests). */
export const STRING_KEYS = [...Object.keys(TERMS), ...Object.keys(REPORT_TEXTS)] as StringKey[];
