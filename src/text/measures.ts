/**
 * The words of the measures engine (src/measures/): outcome names, data adjustments, the notes and
 * reasons of a measure evaluation and of the segmented regression. The engine returns these codes
 * with their parameters (`Msg`); src/report/measuresText.ts words them. A section of the one
 * dictionary (`MESSAGES` in messages.ts).
 */
import { formatMio, writtenDecimals } from './number.js';
import type { Entry, Params } from './messages.js';

const e = <T extends Record<string, Entry>>(t: T): T => t;

const num = (p: Params, k: string): number => Number(p[k]);
/** A decimal number as written in the source, with a Danish decimal comma. */
const comma = (x: number): string => String(x).replace('.', ',');
/** An amount in mio. kr. as written in the source, in English (`DKK 1.2m`, as formatMio writes it). */
const mioEn = (x: number): string => formatMio(x, 'en', writtenDecimals(x));

export const MEASURES_TEXTS = e({
  // hovedområder in outcome names
  'measures.err.ref': {
    da: 'findMeasure(idOrFile): idOrFile skal være et tiltags id ({ids}) eller en .yaml-fil, fik {got}',
    en: 'findMeasure(idOrFile): idOrFile must be a measure id ({ids}) or a .yaml file, got {got}',
  },
  'measures.err.notDef': {
    da: 'tiltaget skal være en definition fra findMeasure(...) eller loadMeasure(...), fik {got}',
    en: 'the measure must be a definition from findMeasure(...) or loadMeasure(...), got {got}',
  },
  'measures.area.voksne': { da: 'voksne', en: 'adults' },
  'measures.area.boern_unge': { da: 'børn og unge', en: 'children and young people' },
  'measures.area.specialundervisning': { da: 'specialundervisning', en: 'special education' },
  'measures.area.andet': { da: 'andet', en: 'other' },
  'measures.area.i_alt': { da: 'i alt', en: 'total' },

  // outcome names (outcome.ts); {area} is an area above or an area slug
  'measures.outcome.visitation': {
    da: 'Visitationsrate (forløb pr. henvendelse), {area}',
    en: 'Visitation rate (cases per request), {area}',
  },
  'measures.outcome.unitCost': { da: 'Enhedsomkostning (mio. kr. pr. forløb)', en: 'Unit cost (DKK m per case)' },
  'measures.outcome.forbrug': { da: 'Forbrug (mio. kr.)', en: 'Spending (DKK m)' },
  'measures.outcome.forloeb': { da: 'Rådgivningsforløb, {area}', en: 'Advisory cases, {area}' },
  'measures.outcome.henvendelser': {
    da: 'Henvendelser (ekskl. COVID-19), {area}',
    en: 'Requests (excl. COVID-19), {area}',
  },
  'measures.outcome.series': { da: '{id}', en: '{id}' },
  'measures.adjust.covid': {
    da: (p) =>
      `offentliggjort ${comma(num(p, 'published'))} minus ${comma(num(p, 'covid'))} mio. kr. COVID-19-merudgifter`,
    en: (p) => `published ${mioEn(num(p, 'published'))} minus ${mioEn(num(p, 'covid'))} COVID-19 extra costs`,
  },

  // notes of a measure evaluation (evaluate.ts)
  'measures.note.futureMeasure': {
    da: 'Tiltaget starter efter de seneste data ({lastObs}): det er et fremtidigt tiltag til scenarier og kan ikke evalueres historisk.',
    en: 'The measure starts after the latest data ({lastObs}): it is a future measure for scenarios and cannot be evaluated historically.',
  },
  'measures.note.confounded': {
    da: 'Andre tiltag starter mellem udsigtspunktet {vantage} og de første data efter start ({ids}): estimatet er deres samlede effekt sammen med alt andet, der ændrede sig i mellemtiden.',
    en: 'Other measures start between the vantage point {vantage} and the first post-period data ({ids}): the estimate is their combined effect, together with anything else that changed in the gap.',
  },
  'measures.note.gap2021': {
    da: 'Forløb og henvendelser mangler for 2021–2022 og forbrug for 2021: de første aktivitetsdata efter start er fra 2023, det første forbrug fra 2022.',
    en: 'Cases and requests are missing for 2021–2022 and spending for 2021: the first post-period activity data are from 2023, the first spending from 2022.',
  },
  'measures.note.factSheet2022': {
    da: 'Forbrug 2022–2024 stammer fra et faktaark, der ikke nævner kontoen (flaget »Uklar konto«); forløb 2024 følger den nye registreringspraksis (fra november 2023) og er ikke sammenlignelige.',
    en: 'Spending 2022–2024 comes from a fact sheet that does not name the account (flagged “Ambiguous account”); cases 2024 follow the new registration practice (from November 2023) and are not comparable.',
  },
  'measures.note.suppliers2018': {
    da: 'I 2018 blev nye leverandører også indfaset, hvilket i en periode gav mindre aktivitet (årsrapport 2020, kap. 8): det indgår i estimatet.',
    en: '2018 also saw new suppliers being phased in, which lowered activity for a period (annual report 2020, ch. 8): that is part of the estimate.',
  },
  'measures.note.preInterpolated': {
    da: '{year} mangler i førperioden: lineært interpoleret, kun til prognosen',
    en: '{year} is missing in the pre-period: linearly interpolated for the forecast only',
  },
  'measures.note.noVantageValue': {
    da: '{id} har ingen værdi i udsigtsåret {vantage}: førperioden slutter {end}',
    en: 'no {id} value in the vantage year {vantage}: the pre-period ends {end}',
  },
  'measures.note.adjusted': { da: '{year}: {adjustment}', en: '{year}: {adjustment}' },
  'measures.note.preEstimated': {
    da: 'førperioden omfatter 2020, hvis forløb indeholder en estimeret andel',
    en: 'the pre-period includes 2020, whose cases contain an estimated share',
  },
  'measures.note.cumulativePartial': {
    da: 'den samlede effekt summerer kun {n} evaluerede år ({years}); år uden data indgår ikke',
    en: 'the cumulative effect sums the {n} evaluated year(s) only ({years}); years without data are not included',
  },

  // why a post-period year is not evaluated (evaluate.ts)
  'measures.excluded.registrationBreak': {
    da: 'registreringsbrud (nye forløbstyper, ændret registrering fra november 2023): ikke sammenlignelig',
    en: 'registration break (new case types, changed registration from November 2023): not comparable',
  },
  'measures.excluded.afterWindow': {
    da: 'efter evalueringsperioden (til og med {until})',
    en: 'after the evaluation window (until {until})',
  },

  // notes of the segmented regression (segmented.ts)
  'measures.seg.levelOnly': {
    da: (p) => `kun ${num(p, 'post')} år efter start: kun niveauskift, ingen hældningsændring`,
    en: (p) =>
      `only ${num(p, 'post')} post-period year${num(p, 'post') === 1 ? '' : 's'}: level change only, no slope change`,
  },
  'measures.seg.fewDf': {
    da: (p) => `${num(p, 'df')} frihedsgrad${num(p, 'df') === 1 ? '' : 'er'}: standardfejlene er meget usikre`,
    en: (p) =>
      `${num(p, 'df')} residual degree${num(p, 'df') === 1 ? '' : 's'} of freedom: the standard errors are very uncertain`,
  },
  // the verdict of an evaluated outcome (verdictMsg in evaluate.ts); year lists are joined with ', '
  'measures.verdict.too_short': {
    da: 'Førperioden er for kort til at konkludere ({preN} år, {span}); tallene er kun vejledende.',
    en: 'The pre-period is too short to conclude ({preN} years, {span}); the numbers are indicative only.',
  },
  'measures.verdict.no_data': {
    da: 'Ingen sammenlignelige data efter start: effekten kan ikke vurderes.',
    en: 'No comparable data after the start: the effect cannot be evaluated.',
  },
  'measures.verdict.mixed': {
    da: (p) =>
      `Udfaldet ligger ${[
        p.below ? `under 95 %-intervallet for den kontrafaktiske prognose i ${String(p.below)}` : '',
        p.above ? `over intervallet i ${String(p.above)}` : '',
      ]
        .filter(Boolean)
        .join(' og ')}; intervallet indeholder 0 i ${String(p.zero)}: effekten er ikke vedvarende påviselig.`,
    en: (p) =>
      `The outcome is ${[
        p.below ? `below the counterfactual's 95% interval in ${String(p.below)}` : '',
        p.above ? `above it in ${String(p.above)}` : '',
      ]
        .filter(Boolean)
        .join(' and ')}; the interval includes 0 in ${String(p.zero)}: no lasting effect can be established.`,
  },
  'measures.verdict.inconclusive': {
    da: (p) =>
      `95 %-intervallet for effekten indeholder 0 i ${num(p, 'nPost') === 1 ? 'det evaluerede år' : `alle ${num(p, 'nPost')} evaluerede år`} (${String(p.all)}): ingen sikker effekt kan påvises.`,
    en: (p) =>
      `The 95% interval of the effect includes 0 in ${num(p, 'nPost') === 1 ? 'the evaluated year' : `all ${num(p, 'nPost')} evaluated years`} (${String(p.all)}): no effect can be established.`,
  },
  'measures.verdict.reduction': {
    da: 'Faldet ligger under 95 %-intervallet for den kontrafaktiske prognose i alle {nPost} evaluerede år (førperiode {span}).',
    en: "The outcome is below the counterfactual's 95% interval in all {nPost} evaluated year(s) (pre-period {span}).",
  },
  'measures.verdict.increase': {
    da: 'Udfaldet ligger over 95 %-intervallet for den kontrafaktiske prognose i alle {nPost} evaluerede år (førperiode {span}).',
    en: "The outcome is above the counterfactual's 95% interval in all {nPost} evaluated year(s) (pre-period {span}).",
  },

  // loading a measure file (src/measures/load.ts): what was expected
  'measures.schema.id': {
    da: 'et id af små bogstaver som tightening-2021-09',
    en: 'a lower-case id like tightening-2021-09',
  },
  'measures.schema.date': { da: 'en dato ÅÅÅÅ-MM-DD', en: 'a date YYYY-MM-DD' },
  'measures.schema.source': { da: 'en kilde dokument#sted', en: 'a source doc#locator' },
  'measures.schema.effect': {
    da: 'en effekt: et tal (-0.1 er -10 %), en fordeling { dist: fixed|normal|lognormal|triangular|uniform|empirical, ... } eller { from_evaluation: <tiltags-id> }',
    en: 'an effect: a number (-0.1 is -10%), a distribution { dist: fixed|normal|lognormal|triangular|uniform|empirical, ... } or { from_evaluation: <measure id> }',
  },
  'measures.load.notSelf': {
    da: 'et tiltag, der ikke henviser tilbage til sig selv',
    en: 'a measure that does not refer back to itself',
  },
  'measures.load.refId': { da: 'id på et tiltag i {dir}', en: 'the id of a measure in {dir}' },
  'measures.load.refOutcome': {
    da: 'et udfald, der evalueres for {ref} ({outcomes})',
    en: 'an outcome evaluated for {ref} ({outcomes})',
  },
  /** `verdict`: the referred measure's verdict (a `measures.verdict.*` message). */
  'measures.load.refEffect': {
    da: 'et tiltag, hvis evaluering giver en effekt ({ref}: {verdict})',
    en: 'a measure whose evaluation gives an effect ({ref}: {verdict})',
  },
  'measures.load.uniqueId': {
    da: 'et entydigt tiltags-id (bruges også i {prev})',
    en: 'a unique measure id (also used in {prev})',
  },
  'measures.load.effectForm': {
    da: 'en fordeling { dist: {dists}, ... } eller { from_evaluation: <tiltags-id> }',
    en: 'a distribution { dist: {dists}, ... } or { from_evaluation: <measure id> }',
  },
  'measures.load.distKind': { da: 'en fordeling ({dists})', en: 'a distribution ({dists})' },
  'measures.load.area': { da: 'et område ({areas})', en: 'an area ({areas})' },
  'measures.load.areaTotal': {
    da: 'området i_alt (enhedsomkostningen findes kun i alt)',
    en: 'area i_alt (unit cost exists only in total)',
  },
  'measures.load.areasEither': {
    da: 'enten i_alt alene eller hovedområder (ikke begge)',
    en: 'either i_alt alone or main areas (not both)',
  },
  'measures.load.areaData': {
    da: 'et område med data for {actsOn} (serien {id} mangler)',
    en: 'an area with data for {actsOn} (series {id} is missing)',
  },
  'measures.load.source': {
    da: 'et kildedokument fra data/sources.csv ({docs})',
    en: 'a source document listed in data/sources.csv ({docs})',
  },
  'measures.load.outcome': {
    da: 'et kendt serie-id eller visitation.<område> / unit_cost ({need} findes ikke i data; se viso data list)',
    en: 'a known series id or visitation.<area> / unit_cost ({need} is not in the data; see viso data list)',
  },
  'measures.load.yearInData': {
    da: 'et år inden for data ({first}–{last})',
    en: 'a year within the data ({first}–{last})',
  },

  // why a start date, an effect or phase-in shares are not accepted (checkStartDateMsg, checkEffectMsg, checkPhaseInMsg)
  'measures.check.date': { da: 'en gyldig dato ÅÅÅÅ-MM-DD', en: 'a valid calendar date YYYY-MM-DD' },
  'measures.check.startInData': {
    da: 'en startdato inden for data ({from} … {to}, eller et fremtidigt år til og med {max})',
    en: 'a start date within the data ({from} … {to}, or a future year up to {max})',
  },
  /** `why`: a `dist.*` message (src/text/scenario.ts). */
  'measures.check.effectDist': { da: 'en mulig effektfordeling: {why}', en: 'a possible effect distribution: {why}' },
  // {hint}: »; did you mean -0.1 …?« for a per cent written as a whole number (-10), or nothing
  'measures.check.effectLow': {
    da: 'en relativ effekt over -1 (-100 %) med praktisk talt al sandsynlighed (0,0001 %-fraktilen er {q|d}){hint}',
    en: 'a relative effect above -1 (-100%) with practically all probability (0.0001% quantile is {q}){hint}',
  },
  'measures.check.effectHigh': {
    da: 'en relativ effekt på højst +10 (+1.000 %) (99,9999 %-fraktilen er {q|d}; -0,05 betyder -5 %){hint}',
    en: 'a relative effect of at most +10 (+1,000%) (99.9999% quantile is {q}; -0.05 means -5%){hint}',
  },
  'measures.check.phaseInOne': { da: 'mindst én indfasningsandel', en: 'at least one phase-in share' },
  'measures.check.phaseInShares': {
    da: 'indfasningsandele fra 0 til 1 (0,5 = halvdelen af effekten)',
    en: 'phase-in shares from 0 to 1 (0.5 = half the effect)',
  },
  'measures.check.phaseIn': {
    da: 'indfasningsandele fra 0 til 1 (0,5 = halvdelen af effekten), fandt {bad|d}',
    en: 'phase-in shares from 0 to 1 (0.5 = half the effect), found {bad}',
  },
});
