/**
 * The scenario engine's texts in Danish and English: where each input comes from (an estimate
 * with its series and years, the data, an assumption), the opsparing's start, the backtest's
 * notes. A section of the one dictionary (src/text/messages.ts spreads it into `MESSAGES`). The
 * engine carries an input's source in both languages (the input is shown in either) and words
 * both from here (`both` in src/scenario/estimate.ts); numbers are passed as numbers.
 *
 * Ground floor: imports only the number formats and, of the text layer, the words of terms.ts and
 * one label of report.ts.
 */
import { formatMio, formatNumber, formatPct, type Lang } from './number.js';
import { quantityWord } from './terms.js';
import { REPORT_TEXTS } from './report.js';

/** The backtest mode the calibration rule scores, by its label (`bt.withDecisions`), not its code. */
const WITH_DECISIONS = REPORT_TEXTS['bt.withDecisions'];
import type { Entry, Params } from './messages.js';

const num = (p: Params, k: string) => p[k] as number;
const str = (p: Params, k: string) => String(p[k] ?? '');
/** A share as a percentage (`5,2 %` / `5.2%`). */
const P = (x: number, lang: Lang, d = 1) => formatPct(x, lang, d);
/** A share's standard error in percentage points, one decimal. */
const pp = (x: number, lang: Lang) => formatNumber(x * 100, 1, lang);

/** What a random walk with drift is estimated for (`of` of `scenario.est.drift`). */
const DRIFT_OF: Record<string, Record<Lang, string>> = {
  demand: { da: 'henvendelsernes vækst', en: 'growth of requests' },
  visitation: { da: 'visitationsratens udvikling', en: 'change of the visitation rate' },
  bevilling: { da: 'bevillingens udvikling', en: 'change of the appropriation' },
};

/** A YAML file that is one value, in Danish (`scenario.singleValue`). */
const SINGLE_DA: Record<string, string> = {
  string: 'en enkelt tekst',
  number: 'et enkelt tal',
  boolean: 'en enkelt sandhedsværdi',
};

/** What the sections every scenario needs say (`scenario.needSection`). */
const NEEDED: Record<string, Record<Lang, string>> = {
  id: { da: 'scenariets id', en: 'scenario id' },
  name: { da: 'scenariets navn', en: 'scenario name' },
  horizon: { da: 'sidste simulerede år', en: 'last simulated year' },
};

export const SCENARIO_TEXTS = {
  // the bevilling assumption in one sentence (bevillingLabels in src/scenario/inputs.ts): the known years, each group
  // with where it stands (list: knownFromData and knownFromFile joined), then the projection of the other years
  'scenario.bevilling.known': {
    da: 'Kendt bevilling {list}; øvrige år: {base}',
    en: 'Known appropriation {list}; other years: {base}',
  },
  'scenario.bevilling.knownFromData': { da: '{years} fra data ({at})', en: '{years} from the data ({at})' },
  'scenario.bevilling.knownFromFile': {
    da: '{years} sat i scenariefilen ({at})',
    en: '{years} set in the scenario file ({at})',
  },

  // default labels of the assumptions (loadScenario)
  'scenario.pl.assumed': {
    da: (p) => `Antagelse: PL-regulering ${P(num(p, 'rate'), 'da')} om året`,
    en: (p) => `Assumption: PL indexation of ${P(num(p, 'rate'), 'en')} a year`,
  },
  'scenario.bevilling.default': {
    da: 'Antagelse: bevillingen efter basisåret er ukendt og sættes til basisårets niveau fremskrevet med PL',
    en: 'Assumption: the appropriation after the base year is unknown and set to the base-year level indexed with PL',
  },

  // the base year's actuals (estimateScenarioInputs)
  'scenario.src.data': { da: 'Data: {id} {year}', en: 'Data: {id} {year}' },
  'scenario.src.dataBevilling': {
    da: 'Data: viso.raadgivning.bevilling {year} fra {at} (kendt, ikke simuleret)',
    en: 'Data: viso.raadgivning.bevilling {year} from {at} (known, not simulated)',
  },
  'scenario.src.dataForbrug': {
    da: 'Data: viso.raadgivning.forbrug {year} fra {at} (kendt: hver kørsels aktivitet skaleres til det, som for et basisår uden aktivitetsdata)',
    en: "Data: viso.raadgivning.forbrug {year} from {at} (known: each run's activity is scaled to it, as for a base year without activity data)",
  },
  'scenario.src.forbrugCovid': {
    da: (p) =>
      `Data: viso.raadgivning.forbrug ${str(p, 'year')} uden ${formatMio(num(p, 'covid'), 'da')} COVID-19-merudgifter (${formatMio(num(p, 'model'), 'da')})`,
    en: (p) =>
      `Data: viso.raadgivning.forbrug ${str(p, 'year')} without ${formatMio(num(p, 'covid'), 'en')} of COVID-19 extra costs (${formatMio(num(p, 'model'), 'en')})`,
  },
  'scenario.src.forloebNowcast': {
    da: 'Nowcast: forløb {year} mangler i data; hver kørsel udleder dem af forbruget {year} og kørslens omkostningsparametre',
    en: "Nowcast: cases {year} are missing in the data; each run infers them from spending {year} and the run's cost parameters",
  },
  'scenario.src.henvendelserNowcast': {
    da: 'Nowcast: henvendelser {year} = de udledte forløb / visitationsraten {rateYear}',
    en: 'Nowcast: requests {year} = the inferred cases / the visitation rate {rateYear}',
  },
  /** `afterBreak`: 1 when the year is flagged registration_break, else 0. */
  'scenario.src.visitationData': {
    da: (p) => `Data: forløb / henvendelser ${str(p, 'year')}${p.afterBreak ? ' (efter registreringsbruddet)' : ''}`,
    en: (p) => `Data: cases / requests ${str(p, 'year')}${p.afterBreak ? ' (after the registration break)' : ''}`,
  },
  'scenario.src.visitationNowcast': {
    da: 'Nowcast: visitationsraten {year} (seneste år med både henvendelser og forløb)',
    en: 'Nowcast: the visitation rate of {year} (the latest year with both requests and cases)',
  },

  // estimates (estimateScenarioInputs, estimatePriceGrowth)
  /**
   * `of`: demand | visitation | bevilling; `mu`, `se`, `sd` on the log scale (shares); `g`, `gSe` the same drift as
   * the engine's yearly rate (1 + g = exp(mu + sd²/2), the value the scenario draws).
   */
  'scenario.est.drift': {
    da: (p) =>
      `Estimat: ${DRIFT_OF[str(p, 'of')].da} som random walk med drift på log-skala (${str(p, 'id')}, ${str(p, 'steps')} trin ${str(p, 'span')}${p.excluded ? `; niveauskift udeladt: ${str(p, 'excluded')}` : ''}): log-drift ${P(num(p, 'mu'), 'da')} om året (SE ${pp(num(p, 'se'), 'da')} pct.-point), årlig støj ${P(num(p, 'sd'), 'da')}; som årlig rate (1 + g = exp(drift + støj²/2)) g = ${P(num(p, 'g'), 'da')} (SE ${pp(num(p, 'gSe'), 'da')} pct.-point), den værdi scenariet trækker`,
    en: (p) =>
      `Estimate: ${DRIFT_OF[str(p, 'of')].en} as a random walk with drift on the log scale (${str(p, 'id')}, ${str(p, 'steps')} steps ${str(p, 'span')}${p.excluded ? `; level shifts left out: ${str(p, 'excluded')}` : ''}): log drift ${P(num(p, 'mu'), 'en')} a year (SE ${pp(num(p, 'se'), 'en')} pp), yearly noise ${P(num(p, 'sd'), 'en')}; as a yearly rate (1 + g = exp(drift + noise²/2)) g = ${P(num(p, 'g'), 'en')} (SE ${pp(num(p, 'gSe'), 'en')} pp), the value the scenario draws`,
  },
  /** `fixed`, `fixedSd` in mio. kr.; `unit`, `unitSd` in mio. kr. per forløb (shown in kr.). */
  'scenario.est.costs': {
    da: (p) =>
      `Estimat: omkostningsmodellen (mindste kvadraters metode, løbende priser) på forbrug og forløb ${str(p, 'years')}: fast ${formatMio(num(p, 'fixed'), 'da')} (SE ${formatNumber(num(p, 'fixedSd'), 1, 'da')}), ${formatNumber(num(p, 'unit') * 1e6, 0, 'da')} kr. pr. forløb (SE ${formatNumber(num(p, 'unitSd') * 1e6, 0, 'da')}), korrelation ${formatNumber(num(p, 'corr'), 2, 'da')}; trukket sammen (bivariat normal)`,
    en: (p) =>
      `Estimate: the cost model (least squares, current prices) on spending and cases ${str(p, 'years')}: fixed ${formatMio(num(p, 'fixed'), 'en')} (SE ${formatNumber(num(p, 'fixedSd'), 1, 'en')}), ${formatNumber(num(p, 'unit') * 1e6, 0, 'en')} DKK per case (SE ${formatNumber(num(p, 'unitSd') * 1e6, 0, 'en')}), correlation ${formatNumber(num(p, 'corr'), 2, 'en')}; drawn jointly (bivariate normal)`,
  },
  'scenario.est.costNoise': {
    da: (p) =>
      `Estimat: residualspredning i omkostningsmodellen, ${formatMio(num(p, 'sigma'), 'da', 2)} (${str(p, 'df')} frihedsgrader)`,
    en: (p) =>
      `Estimate: residual standard deviation of the cost model, ${formatMio(num(p, 'sigma'), 'en', 2)} (${str(p, 'df')} degrees of freedom)`,
  },
  'scenario.est.priceGrowth': {
    da: (p) =>
      `Estimat: prisudvikling pr. forløb ud over aktiviteten, trend i log forbrug givet log forløb ${str(p, 'from')}–${str(p, 'to')}: ${P(num(p, 'pi'), 'da', 2)} om året (SE ${formatNumber(num(p, 'se') * 100, 2, 'da')} pct.-point)`,
    en: (p) =>
      `Estimate: price growth per case beyond activity, trend of log spending given log cases ${str(p, 'from')}–${str(p, 'to')}: ${P(num(p, 'pi'), 'en', 2)} a year (SE ${formatNumber(num(p, 'se') * 100, 2, 'en')} pp)`,
  },
  'scenario.est.priceGrowthNone': {
    da: 'Estimat ikke muligt ({n} år med forbrug og forløb): prisudvikling pr. forløb sat til 0 ud over den løbende-pris-model',
    en: 'Not estimable ({n} years with spending and cases): price growth per case set to 0 beyond the current-price model',
  },
  /** `stage`: henvendelser | forloeb. */
  'scenario.est.share': {
    da: (p) =>
      `Estimat: andel af ${p.stage === 'henvendelser' ? 'henvendelserne' : 'forløbene'} (${str(p, 'id')} / i alt ${str(p, 'span')}): ${P(num(p, 'mean'), 'da')} (sd mellem årene ${pp(num(p, 'sd'), 'da')} pct.-point)`,
    en: (p) =>
      `Estimate: share of ${quantityWord(str(p, 'stage'), 'en')} (${str(p, 'id')} / total ${str(p, 'span')}): ${P(num(p, 'mean'), 'en')} (sd across years ${pp(num(p, 'sd'), 'en')} pp)`,
  },

  // assumptions of the scenario file (resolveInputs)
  'scenario.src.set': { da: 'Antagelse sat i scenariefilen', en: 'Assumption set in the scenario file' },
  'scenario.src.calibrated': {
    da: 'Antagelse: kalibreret, så hver kørsel rammer basisårets forbrug',
    en: 'Assumption: calibrated so that every run reproduces the base-year spending',
  },
  'scenario.src.costsFollowPl': {
    da: 'Antagelse: omkostningerne følger PL-indekset ({label})',
    en: 'Assumption: costs follow the PL index ({label})',
  },
  'scenario.src.plSdCosts': {
    da: 'Usikkerhed på omkostningsindeksets satser efter {year} (én afvigelse pr. kørsel)',
    en: "Uncertainty of the cost index's rates after {year} (one deviation per run)",
  },
  'scenario.src.plSdBevilling': {
    da: 'Usikkerhed på bevillingsindeksets satser efter {year} (én afvigelse pr. kørsel)',
    en: "Uncertainty of the appropriation index's rates after {year} (one deviation per run)",
  },
  'scenario.src.knownBevilling': {
    da: 'Kendt bevilling {year} (fx finanslovens budgetoverslagsår), sat i scenariefilen',
    en: "Known appropriation {year} (e.g. the finance act's budget projection years), set in the scenario file",
  },
  'scenario.src.bevillingPl': {
    da: 'Antagelse: bevillingen fremskrives med PL ({label})',
    en: 'Assumption: the appropriation is indexed with PL ({label})',
  },
  // the same with an index of models/pl.yaml (or --pl FILE): index its name, file the table, rates its rates over
  // the projection's years (plRatesText in src/text/cost.ts); each rate's source is on its own input line
  'scenario.src.bevillingPlIndex': {
    da: 'Antagelse: bevillingen fremskrives med {index}, {file}: {rates}',
    en: 'Assumption: the appropriation is indexed with the {index}, {file}: {rates}',
  },

  // the opsparing at the end of the base year (openingOpsparing)
  'scenario.opsparing.set': {
    da: (p) =>
      `Antagelse: opsparing ${formatNumber(num(p, 'start'), 1, 'da')} mio. kr. ved udgangen af ${str(p, 'year')} (${str(p, 'where')})`,
    en: (p) =>
      `Assumption: savings of DKK ${formatNumber(num(p, 'start'), 1, 'en')}m at the end of ${str(p, 'year')} (${str(p, 'where')})`,
  },
  /** `missing`: the years missing in the data, joined, or '' (then `change` and `changeAt` are not shown). */
  'scenario.opsparing.computed': {
    da: (p) =>
      `Beregnet: bevilling − forbrug ${str(p, 'from')}–${str(p, 'year')} (${str(p, 'bevilling')}, ${str(p, 'forbrug')}) efter reglerne i ${str(p, 'file')}: ${formatNumber(num(p, 'balance'), 1, 'da')} mio. kr.${p.missing ? `; ${str(p, 'missing')} mangler i data: ændring ${formatNumber(num(p, 'change'), 1, 'da')} (antagelse, ${str(p, 'changeAt')})` : ''}`,
    en: (p) =>
      `Computed: appropriation − spending ${str(p, 'from')}–${str(p, 'year')} (${str(p, 'bevilling')}, ${str(p, 'forbrug')}) under the rules in ${str(p, 'file')}: DKK ${formatNumber(num(p, 'balance'), 1, 'en')}m${p.missing ? `; ${str(p, 'missing')} missing in the data: change ${formatNumber(num(p, 'change'), 1, 'en')} (assumption, ${str(p, 'changeAt')})` : ''}`,
  },

  // the scenario backtest (backtestScenario)
  'scenario.backtest.noteInputs': {
    da: 'Input i hver genkørsel estimeres fra data til og med udsigtsåret; håndsatte input i scenariet beholdes som skrevet; kendte bevillinger udelades (genkørslen fremskriver bevillingen fra dens historik).',
    en: 'Inputs of every replay are estimated from the data up to its vantage year; hand-set inputs of the scenario are kept as written; known appropriations are dropped (the replay projects the appropriation from its history).',
  },
  'scenario.backtest.noteForbrug': {
    da: 'Forbrug 2020 scores som offentliggjort (143,9 inkl. 1,2 mio. kr. COVID-19-udgifter); 2022–2024 stammer fra faktaarket (flaget »Uklar konto«).',
    en: 'Spending 2020 is scored as published (143.9 incl. DKK 1.2m COVID-19 costs); 2022–2024 come from the fact sheet (flagged “Ambiguous account”).',
  },
  'scenario.backtest.calibrationRule': {
    da: `forbrug = median + k · (driver − median): k (søgt i 0,5–4) minimerer gennemsnitlig CRPS i tilstanden »${WITH_DECISIONS.da}«; hvert punkt scoret med k fra de øvrige punkter (leave-one-out)`,
    en: `spending = median + k · (driver − median): k (searched in 0.5–4) minimises the mean CRPS of the mode “${WITH_DECISIONS.en}”; each backtest point scored with the k of the other points (leave-one-out)`,
  },
  // viso scenario goal-seek --spread-k backtest: where its k comes from
  'scenario.goalSeekKRange': {
    da: (p) =>
      `k er selv fittet på ${p.points} genkørsler fra ${p.vantages} udsigtsår: udelades ét år ad gangen, ligger k mellem ${p.kLo} (uden ${p.yLo}) og ${p.kHi} (uden ${p.yHi}), og ændringen er så ca. ${p.lo} til ${p.hi} (langs ændringens hældning i k). Den usikkerhed er ikke med i Monte Carlo-intervallet.`,
    en: (p) =>
      `k is itself fitted on ${p.points} replays from ${p.vantages} vantage years: leaving out one year at a time, k lies between ${p.kLo} (without ${p.yLo}) and ${p.kHi} (without ${p.yHi}), and the change is then about ${p.lo} to ${p.hi} (along the change's slope in k). That uncertainty is not in the Monte Carlo interval.`,
  },
  'scenario.spreadKBacktest': {
    da: (p) =>
      `k = ${p.k} fra backtesten af ${p.scenario} (${p.runs} kørsler pr. genkørsel, genkørsler ${p.hRange} år frem), efter rapportens regel for overskriftens k.`,
    en: (p) =>
      `k = ${p.k} from the backtest of ${p.scenario} (${p.runs} runs per replay, replays ${p.hRange} ${p.hRange === '1' ? 'year' : 'years'} ahead), by the report's rule for the headline's k.`,
  },
  // the report's one forecast further ahead than the replays its k was fitted on (kExtrapolation, src/report/summary.ts)
  'scenario.backtest.kExtrapolated': {
    da: (p) =>
      `Faktoren ${p.k} er målt på genkørsler ${p.hRange} år frem; ${p.year} ligger ${p.ahead} år frem, så faktoren er ekstrapoleret, og usikkerheden kan være større end vist.`,
    en: (p) =>
      `The factor ${p.k} was measured on replays ${p.hRange} ${p.hRange === '1' ? 'year' : 'years'} ahead; ${p.year} is ${p.ahead} years ahead, so the factor is extrapolated and the uncertainty may be larger than shown.`,
  },

  // what the engine refuses (UsageError): the English text is the error's message
  'scenario.runsRange': {
    da: 'runs skal være et helt tal fra 1 til 100.000.000, fik {got}',
    en: 'runs must be an integer from 1 to 100,000,000, got {got}',
  },
  'scenario.seedRange': {
    da: 'seed skal være et helt tal fra 0 til {max}, fik {got}',
    en: 'seed must be an integer from 0 to {max}, got {got}',
  },
  'scenario.ref': {
    da: 'loadScenario(ref): ref skal være navnet på et indbygget scenarie ({bundled}) eller en YAML-fil, fik {got}',
    en: 'loadScenario(ref): ref must be the name of a bundled scenario ({bundled}) or a YAML file, got {got}',
  },
  /** `where`: thresholds or thresholds[<year>]. */
  'scenario.thresholds': {
    da: '{where} skal være en liste af beløb i mio. kr. (eller et objekt fra år til sådanne lister), fik {got}',
    en: '{where} must be an array of amounts in mio. kr. (or an object from years to such arrays), got {got}',
  },
  'scenario.thresholdValue': {
    da: '{where}: forventede endelige tal (mio. kr.), fik {got}',
    en: '{where}: expected finite numbers (mio. kr.), got {got}',
  },
  'scenario.thresholdYear': {
    da: 'thresholds: {year} er ikke et simuleret år ({from}–{to})',
    en: 'thresholds: {year} is not a simulated year ({from}–{to})',
  },
  'scenario.optionsObject': {
    da: '{call}: indstillingerne skal være et objekt, fik {got}',
    en: '{call}: the options must be an object, got {got}',
  },
  'scenario.tightenings': {
    da: 'tightenings skal være en liste af endelige andele (fx [0, 0.05, 0.1]), fik {got}',
    en: 'tightenings must be an array of finite shares (e.g. [0, 0.05, 0.1]), got {got}',
  },
  'scenario.notDef': {
    da: 'scenariet skal være en definition fra loadScenario(...), fik {got}',
    en: 'the scenario must be a definition from loadScenario(...), got {got}',
  },
  'scenario.leversObject': {
    da: 'levers skal være et objekt med nøglerne {keys}, fik {got}',
    en: 'levers must be an object with the keys {keys}, got {got}',
  },
  'scenario.leverKey': {
    da: 'levers.{key}: forventede en af {keys}',
    en: 'levers.{key}: expected one of {keys}',
  },
  'scenario.leverValue': {
    da: 'levers.{key} skal være et endeligt tal, fik {got}',
    en: 'levers.{key} must be a finite number, got {got}',
  },
  'scenario.yearInteger': {
    da: 'year skal være et årstal (et helt tal), fik {got}',
    en: 'year must be a year (an integer), got {got}',
  },
  'scenario.goalSeekOptions': {
    da: 'goalSeek(def, options): options skal være et objekt som { lever: "visitation", target: "P(merforbrug>0, 2026) <= 0.2" }, fik {got}',
    en: 'goalSeek(def, options): options must be an object such as { lever: "visitation", target: "P(merforbrug>0, 2026) <= 0.2" }, got {got}',
  },
  'scenario.targetType': {
    da: 'target skal være en tekst som "P(merforbrug>0, 2026) <= 0.2" eller et GoalTarget-objekt, fik {got}',
    en: 'target must be a text such as "P(merforbrug>0, 2026) <= 0.2" or a GoalTarget object, got {got}',
  },
  /** `field`: variable | threshold | year | op | value (a GoalTarget's fields). */
  'scenario.targetField': {
    da: (p) =>
      `target.${p.field} skal være ${
        {
          variable: 'en af merforbrug, forbrug, beyondOpsparing',
          threshold: 'et endeligt tal (mio. kr.)',
          year: 'et årstal (et helt tal)',
          op: '"<=" eller ">="',
          value: 'en sandsynlighed fra 0 til 1',
        }[String(p.field)] ?? '?'
      }, fik ${p.got}`,
    en: (p) =>
      `target.${p.field} must be ${
        {
          variable: 'one of merforbrug, forbrug, beyondOpsparing',
          threshold: 'a finite number (mio. kr.)',
          year: 'a year (an integer)',
          op: '"<=" or ">="',
          value: 'a probability from 0 to 1',
        }[String(p.field)] ?? '?'
      }, got ${p.got}`,
  },
  'scenario.backtestRuns': {
    da: 'runs skal være et helt tal fra 100 til 10.000.000, fik {got}',
    en: 'runs must be an integer from 100 to 10,000,000, got {got}',
  },
  'scenario.backtestNothing': {
    da: 'intet udsigtsår med faktiske tal 1 eller 2 år senere: intet at backteste',
    en: 'no vantage year with actuals 1 or 2 years later: nothing to backtest',
  },
  'scenario.spreadK': {
    da: 'spredningsfaktoren k skal være positiv, fik {got}',
    en: 'spread factor k must be positive, got {got}',
  },
  'scenario.spreadKSe': {
    da: 'standardfejlen på spredningsfaktoren k skal være 0 eller positiv og kræver en spredningsfaktor k, fik {got}',
    en: 'the standard error of the spread factor k must be 0 or positive and needs a spread factor k, got {got}',
  },
  'scenario.crossCheckData': {
    da: 'krydstjekket med tidsserien kræver forbrug til og med basisåret {year} (data slutter {last})',
    en: 'the time-series cross-check needs spending up to the base year {year} (the data ends {last})',
  },
  'scenario.lever': { da: 'lever skal være en af {levers}, fik {got}', en: 'lever must be one of {levers}, got {got}' },
  'scenario.tolerance': {
    da: 'tolerance skal være positiv, fik {got}',
    en: 'tolerance must be positive, got {got}',
  },
  /** `what`: bevilling | forbrug. */
  'scenario.est.noBaseYear': {
    da: (p) =>
      `ingen ${str(p, 'what')} for basisåret ${str(p, 'year')} i data: et scenarie kræver bevilling og forbrug i basisåret`,
    en: (p) =>
      `no ${quantityWord(str(p, 'what'), 'en')} for the base year ${str(p, 'year')} in the data: a scenario needs the appropriation and spending of its base year`,
  },
  'scenario.est.noBoth': {
    da: 'intet år til og med {year} med både henvendelser og forløb',
    en: 'no year up to {year} with both requests and cases',
  },
  'scenario.est.demandSteps': {
    da: 'henvendelser til og med {year} giver færre end to sammenlignelige årlige trin: væksten i efterspørgslen kan ikke estimeres',
    en: 'requests up to {year} give fewer than two comparable yearly steps: demand growth cannot be estimated',
  },
  'scenario.est.visitationSteps': {
    da: 'visitationsraten til og med {year} giver færre end to sammenlignelige årlige trin',
    en: 'the visitation rate up to {year} gives fewer than two comparable yearly steps',
  },
  'scenario.est.costFit': {
    da: 'omkostningsmodellen kan ikke tilpasses data til og med {year}: {reason}',
    en: 'the cost model cannot be fitted on the data up to {year}: {reason}',
  },
  'scenario.est.bevillingSteps': {
    da: 'bevillingen til og med {year} giver færre end to årlige trin',
    en: 'the appropriation up to {year} gives fewer than two yearly steps',
  },

  // what a scenario file is refused for (InputError: expected, found)
  'scenario.seriesEnds': {
    da: 'en serie, der slutter senest i basisåret {year}',
    en: 'a series ending by the base year {year}',
  },
  'scenario.seriesEndsFound': { da: '{series} slutter {last}', en: '{series} ends {last}' },
  'scenario.corrInput': {
    da: 'et usikkert input i dette scenarie ({inputs})',
    en: 'an uncertain input of this scenario ({inputs})',
  },
  'scenario.corrMatrix': {
    da: 'rangkorrelationer, der danner en positivt definit matrix',
    en: 'rank correlations that form a positive-definite matrix',
  },
  'scenario.corrImpossible': { da: 'en umulig kombination', en: 'an impossible combination' },
  'scenario.calibratedForloeb': {
    da: 'unit: calibrated kun med forløb i basisåret {year} (sæt actual.forloeb)',
    en: 'unit: calibrated only with cases of the base year {year} (set actual.forloeb)',
  },
  'scenario.noForloeb': { da: 'ingen forløb i data', en: 'no cases in the data' },
  'scenario.calibratedFixed': {
    da: 'faste omkostninger under actual.forbrug {forbrug}, når unit er calibrated',
    en: 'fixed costs below actual.forbrug {forbrug} when unit is calibrated',
  },
  'scenario.calibratedFixedFound': { da: 'en fordeling, der når det', en: 'a distribution reaching it' },
  'scenario.opsparingStart': {
    da: 'opsparing.start: et tal, eller bevilling og forbrug i data til og med {year} at beregne det ud fra',
    en: 'opsparing.start: a number, or the appropriation and spending in the data up to {year} to compute it from',
  },
  'scenario.workbookFile': {
    da: 'en projektmappe med antagelser, som viso scenario (run, compare, goal-seek, sensitivity) eller viso report --scenario læser',
    en: 'an assumptions workbook read by viso scenario (run, compare, goal-seek, sensitivity) or viso report --scenario',
  },
  'scenario.yamlFile': {
    da: 'en scenarie-YAML-fil (eller en .xlsx-projektmappe med antagelser: viso scenario template --xlsx FIL)',
    en: 'a scenario YAML file (or an .xlsx assumptions workbook: viso scenario template --xlsx FILE)',
  },
  'scenario.binary': { da: 'binært indhold', en: 'binary content' },
  'scenario.none': { da: 'ingen', en: 'none' },
  'scenario.nothing': { da: 'intet', en: 'nothing' },
  'scenario.baseYearData': {
    da: 'et baseYear: (data har intet år med forbrug, forløb og henvendelser)',
    en: 'a baseYear: (the data has no year with spending, cases and requests)',
  },
  'scenario.actualMissing': {
    da: (p) => `actual.${str(p, 'key')} (data har ingen ${str(p, 'key')} for basisåret ${str(p, 'year')})`,
    en: (p) =>
      `actual.${str(p, 'key')} (the data has no ${quantityWord(str(p, 'key'), 'en')} for the base year ${str(p, 'year')})`,
  },
  'scenario.variablesMax': {
    da: 'højst {max} variable (se README, grænser)',
    en: 'at most {max} variables (see README, limits)',
  },
  'scenario.variablesFound': { da: '{n} variable', en: '{n} variables' },
  'scenario.variableName': {
    da: 'et variabelnavn, der ikke allerede er brugt',
    en: 'a variable name not already used',
  },
  'scenario.growthWithForecast': {
    da: 'ingen growth/noiseSd med model: forecast',
    en: 'no growth/noiseSd with model: forecast',
  },
  'scenario.growthSettings': { da: 'indstillinger for growth', en: 'growth settings' },
  'scenario.forecastWithGrowth': {
    da: 'ingen series/method med model: growth',
    en: 'no series/method with model: growth',
  },
  'scenario.forecastSettings': { da: 'indstillinger for forecast', en: 'forecast settings' },
  'scenario.calibratedHandFixed': {
    da: 'unit: calibrated kun med en håndsat fast omkostning (costs.fixed)',
    en: 'unit: calibrated only with a hand-set fixed cost (costs.fixed)',
  },
  /** `ids`: the scenario's measures, joined, or '' (then "none"). */
  'scenario.corrMeasure': {
    da: (p) => `et tiltag i dette scenarie (${String(p.ids ?? '') || 'ingen'})`,
    en: (p) => `a measure of this scenario (${String(p.ids ?? '') || 'none'})`,
  },
  'scenario.inlineMeasure': {
    da: 'et indlejret tiltag med en tiltagsfils nøgler ({keys})',
    en: 'an inline measure with the keys of a measure file ({keys})',
  },
  'scenario.measureRef': {
    da: 'en henvisning til et tiltag ({refKeys}) eller et indlejret tiltag ({keys})',
    en: 'a measure reference ({refKeys}) or an inline measure ({keys})',
  },
  /** `dir`: the scenario file the path is relative to, or '' (then "the scenario"). */
  'scenario.measureFile': {
    da: (p) => `en tiltagsfil (sti i forhold til ${String(p.dir ?? '') || 'scenariet'})`,
    en: (p) => `a measure file (path relative to ${String(p.dir ?? '') || 'the scenario'})`,
  },
  'scenario.measureRefOrInline': {
    da: 'en henvisning til et tiltag med id: eller file: (nøgler {refKeys}) eller et indlejret tiltag ({keys})',
    en: 'a measure reference with id: or file: (keys {refKeys}) or an inline measure ({keys})',
  },
  'scenario.phaseInList': {
    da: 'en liste af indfasningsandele for measures.{i}.phaseIn',
    en: 'a list of phase-in shares for measures.{i}.phaseIn',
  },
  'scenario.workbookSheets': {
    da: 'en projektmappe med antagelser med arkene Scenarie og Input (viso scenario template --xlsx FIL skriver en)',
    en: 'an assumptions workbook with the sheets Scenarie and Input (viso scenario template --xlsx FILE writes one)',
  },
  'scenario.noSheets': { da: 'ingen ark', en: 'no sheets' },
  'scenario.resultYear': { da: 'et år fra {from} til {to}', en: 'a year from {from} to {to}' },
  /** `key`: id | name | horizon. */
  'scenario.needSection': {
    da: (p) =>
      `en ${String(p.key)}:-sektion (${NEEDED[String(p.key)]?.da ?? String(p.key)}) her eller i en fil, den udvider`,
    en: (p) =>
      `a ${String(p.key)}: section (${NEEDED[String(p.key)]?.en ?? String(p.key)}) here or in a file it extends`,
  },
  'scenario.measureIdInFile': {
    da: 'id’et for tiltaget i {file} ({id})',
    en: 'the id of the measure in {file} ({id})',
  },
  /** `inner`: what the measure lookup expected (a code or an English text). */
  'scenario.measureIdOrFile': {
    da: '{inner}, en <id>.yaml-tiltagsfil ved siden af scenariet, eller file: <sti>',
    en: '{inner}, a <id>.yaml measure file next to the scenario, or file: <path>',
  },
  /** `inner`: what the file reached by extends was expected to be (a code or an English text). */
  'scenario.extendsInner': { da: 'extends: {inner}', en: 'extends: {inner}' },
  'scenario.extendsFound': { da: '{file}: {found}', en: '{file}: {found}' },
  'scenario.unreadable': { da: 'ulæselig', en: 'unreadable' },

  // plausibility of hand-set inputs (src/scenario/plausibility.ts): what a range expects
  'scenario.range.growth': {
    da: 'en årlig vækstrate fra -0.5 til 0.5 (5 % er 0.05)',
    en: 'a yearly growth rate from -0.5 to 0.5 (5% is 0.05)',
  },
  'scenario.range.noise': {
    da: 'en årlig støj-sd fra 0 til 1 på log-skala (5 % er 0.05)',
    en: 'a yearly noise sd from 0 to 1 on the log scale (5% is 0.05)',
  },
  'scenario.range.visitation': {
    da: 'en visitationsrate fra 0 til 1 (forløb pr. henvendelse, fx 0.5)',
    en: 'a visitation rate from 0 to 1 (cases per request, e.g. 0.5)',
  },
  'scenario.range.fixed': {
    da: 'faste omkostninger på 0 mio. kr. eller mere',
    en: 'fixed costs of 0 or more (in DKK m)',
  },
  'scenario.range.unit': {
    da: 'en pris pr. forløb på 0 eller mere (i 1.000 kr., fx 52.6)',
    en: 'a cost per case of 0 or more (in DKK 1,000, e.g. 52.6)',
  },
  'scenario.range.residual': {
    da: 'en residual-sd på 0 mio. kr. eller mere',
    en: 'a residual sd of 0 or more (in DKK m)',
  },
  'scenario.range.pl': {
    da: 'en årlig PL-sats fra -0.5 til 0.5 (2 % er 0.02)',
    en: 'a yearly PL rate from -0.5 to 0.5 (2% is 0.02)',
  },
  'scenario.range.bevilling': {
    da: 'en bevilling på 0 mio. kr. eller mere',
    en: 'an appropriation of 0 or more (in DKK m)',
  },
  'scenario.range.share': { da: 'en andel fra 0 til 1 (54 % er 0.54)', en: 'a share from 0 to 1 (54% is 0.54)' },
  // … and how a value misses it (`what`: a range's code or text; numbers as written in a file)
  'scenario.range.finite': {
    da: '{what}: en fordeling, hvis 0,1 %–99,9 %-interval er endeligt',
    en: '{what}: a distribution whose 0.1%–99.9% range is finite',
  },
  'scenario.range.finiteFound': { da: '{dist}: interval {a} til {b}', en: '{dist}: range {a} to {b}' },
  'scenario.range.scale': {
    da: '{what}, ikke 1.000 gange datas niveau{hint}',
    en: "{what}, not 1,000 times the data's scale{hint}",
  },
  'scenario.range.scaleBelow': {
    da: '{what}, ikke en tusindedel af datas niveau{hint}',
    en: "{what}, not a thousandth of the data's scale{hint}",
  },
  'scenario.range.scaleGuess': {
    da: '; mente du {guess} (beløb er i {unit}, datas niveau er {ref})?',
    en: "; did you mean {guess} (amounts are in {unit}, the data's scale is {ref})?",
  },
  'scenario.range.scaleRef': { da: ' (datas niveau er {ref} {unit})', en: " (the data's scale is {ref} {unit})" },
  'scenario.range.outside': { da: '{what}{hint}{tail}', en: '{what}{hint}{tail}' },
  'scenario.range.percentGuess': {
    da: '; mente du {guess} (en procentsats skrevet som andel)?',
    en: '; did you mean {guess} (a percentage written as a share)?',
  },
  'scenario.range.negative': {
    da: ' (den kan ikke være negativ; 0,1 %-fraktil {q})',
    en: ' (it cannot be negative; 0.1% quantile {q})',
  },
  'scenario.range.range': {
    da: ' (0,1 %–99,9 %-interval {a} til {b})',
    en: ' (0.1%–99.9% range {a} to {b})',
  },
  'scenario.range.amount': {
    da: '{what} på datas niveau ({ref} {unit}); mente du {guess}?',
    en: "{what} on the data's scale ({ref} {unit}); did you mean {guess}?",
  },

  // viso scenario … (src/cli/commands/scenario.ts)
  'scenario.opt.out': {
    da: '--out skal være en .xlsx- eller .csv-fil, fik {got}',
    en: '--out must be an .xlsx or .csv file, got {got}',
  },
  'scenario.opt.xlsx': {
    da: '--xlsx skal være en .xlsx-fil, fik {got}',
    en: '--xlsx must be an .xlsx file, got {got}',
  },
  'scenario.wrote': { da: 'skrev {file}', en: 'wrote {file}' },
  // why a distribution is impossible (checkDistMsg in src/stats/distributions.ts)
  'dist.fixedFinite': { da: 'fixed kræver en endelig værdi', en: 'fixed needs a finite value' },
  'dist.normalFinite': { da: 'normal kræver endelige mean og sd', en: 'normal needs finite mean and sd' },
  'dist.normalSd': { da: 'normal kræver sd >= 0 (fik {got|d})', en: 'normal needs sd >= 0 (got {got})' },
  /** `dist`: normal | uniform. */
  'dist.minMax': {
    da: '{dist} kræver min < max (fik min {min|d}, max {max|d})',
    en: '{dist} needs min < max (got min {min}, max {max})',
  },
  'dist.normalNoMass': {
    da: 'afskæringen af normal efterlader ingen sandsynlighedsmasse',
    en: 'normal truncation leaves no probability mass',
  },
  'dist.lognormalMedian': {
    da: 'lognormal kræver median > 0 (fik {got|d})',
    en: 'lognormal needs median > 0 (got {got})',
  },
  'dist.lognormalSdlog': {
    da: 'lognormal kræver sdlog >= 0 (fik {got|d})',
    en: 'lognormal needs sdlog >= 0 (got {got})',
  },
  'dist.triangularFinite': {
    da: 'triangular kræver endelige min, mode, max',
    en: 'triangular needs finite min, mode, max',
  },
  'dist.triangularOrder': {
    da: 'triangular kræver min <= mode <= max og min < max (fik {min|d}; {mode|d}; {max|d})',
    en: 'triangular needs min <= mode <= max and min < max (got {min}, {mode}, {max})',
  },
  'dist.uniformFinite': { da: 'uniform kræver endelige min og max', en: 'uniform needs finite min and max' },
  'dist.empiricalValues': {
    da: 'empirical kræver en ikke-tom liste af endelige værdier',
    en: 'empirical needs a non-empty list of finite values',
  },
  'dist.unknown': {
    da: 'ukendt fordeling {dist} (forventede fixed, normal, lognormal, triangular, uniform eller empirical)',
    en: 'unknown distribution {dist} (expected fixed, normal, lognormal, triangular, uniform or empirical)',
  },
  'scenario.validDist': { da: 'en gyldig fordeling', en: 'a valid distribution' },

  // why an expression is not accepted (src/io/expr.ts); `why` is one of the `expr.*` below
  'scenario.validExpr': { da: 'et gyldigt udtryk ({why})', en: 'a valid expression ({why})' },
  'expr.maxChars': { da: 'højst {n|n} tegn', en: 'at most {n} characters' },
  /** `detail`: the parser's own (English) text. */
  'expr.syntax': { da: 'syntaksfejl: {detail}', en: 'syntax error: {detail}' },
  /** `detail`: the evaluator's own (English) text. */
  'expr.failed': { da: '{detail}', en: '{detail}' },
  'expr.slow': { da: 'tog længere end {ms|n} ms', en: 'took longer than {ms} ms' },
  'expr.finite': {
    da: 'resultatet skal være et endeligt tal, fik {got}',
    en: 'result must be a finite number, got {got}',
  },
  'expr.maxTerms': { da: 'højst {n|n} led', en: 'at most {n} terms' },
  'expr.constants': { da: 'kun talkonstanter', en: 'only numeric constants' },
  'expr.operator': { da: 'operatoren {op} er ikke tilladt', en: 'operator {op} is not allowed' },
  'expr.function': {
    da: 'funktionen {name} er ikke tilladt; tilladte: {allowed}',
    en: 'function {name} is not allowed; allowed: {allowed}',
  },
  /** `known`: the first names, `more`: how many more (0: none). */
  'expr.unknownVariable': {
    // no known names (a measure file has no variables): none listed
    da: (p) =>
      `ukendt variabel ${str(p, 'name')}${str(p, 'known') ? `; kendte: ${str(p, 'known')}` : ''}${num(p, 'more') > 0 ? ` og ${num(p, 'more')} flere` : ''}`,
    en: (p) =>
      `unknown variable ${str(p, 'name')}${str(p, 'known') ? `; known: ${str(p, 'known')}` : ''}${num(p, 'more') > 0 ? ` and ${num(p, 'more')} more` : ''}`,
  },
  'expr.unknownProperty': { da: 'ukendt variabel {name}', en: 'unknown variable {name}' },
  'expr.property': {
    da: 'kun opslag af egenskaber som actual.forbrug',
    en: 'only property access like actual.forbrug',
  },
  'expr.indexing': { da: 'indeksering er ikke tilladt', en: 'indexing is not allowed' },
  /** `kind`: mathjs's node type in lower case (assignment, function, …). */
  'expr.node': { da: '{kind} er ikke tilladt', en: '{kind} is not allowed' },

  // the assumptions workbook (src/scenario/workbook.ts); `path` an input such as demand.growth
  'workbook.scenarioKey': {
    da: 'en nøgle på arket Scenarie: {keys}',
    en: 'a key of the Scenarie sheet: {keys}',
  },
  'workbook.kind': { da: 'en type for {path}: {kinds}', en: 'a kind for {path}: {kinds}' },
  'workbook.value': { da: 'en værdi for {path} (type value)', en: 'a value for {path} (kind value)' },
  'workbook.param': {
    da: 'parameteren {name} i en {kind}-fordeling for {path}',
    en: 'the parameter {name} of a {kind} distribution for {path}',
  },
  'workbook.input': {
    da: 'et input som demand.growth, costs.unit, pl.rates.2026 eller bevilling.amounts.2026',
    en: 'an input such as demand.growth, costs.unit, pl.rates.2026 or bevilling.amounts.2026',
  },
  'workbook.inputOnce': {
    da: 'hvert input én gang ({path} står også i {other})',
    en: 'each input once ({path} is also in {other})',
  },
  /** What a YAML file that is one value holds; `type`: JavaScript's typeof (string, number, boolean). */
  'scenario.singleValue': {
    da: (p) => SINGLE_DA[str(p, 'type')] ?? `en enkelt værdi (${str(p, 'type')})`,
    en: (p) => `a single ${str(p, 'type')}`,
  },

  /** `stage`: henvendelser | forloeb; `areas`: the areas of the measure. */
  'scenario.shareSummable': {
    da: (p) =>
      `en andel som normal- eller fast fordeling (andelene af ${str(p, 'stage')} for ${str(p, 'areas')} lægges sammen for tiltaget)`,
    en: (p) =>
      `a share as a normal or fixed distribution (the shares of ${quantityWord(str(p, 'stage'), 'en')} for ${str(p, 'areas')} are summed for the measure)`,
  },

  // the scenario schema's own messages (src/scenario/schema.ts, regex checks)
  'scenario.schema.year': { da: 'et årstal som 2025', en: 'a year like 2025' },
  'scenario.schema.inputName': {
    da: 'demand, visitation, visitationDrift, fixedCost, unitCost, priceGrowth, costNoise, bevillingGrowth, measure:<id> eller share:<tiltags-id>',
    en: 'demand, visitation, visitationDrift, fixedCost, unitCost, priceGrowth, costNoise, bevillingGrowth, measure:<id> or share:<measure id>',
  },
  'scenario.schema.id': {
    da: 'et id af små bogstaver (bogstaver, cifre, - og _)',
    en: 'a lower-case id (letters, digits, - and _)',
  },
  'scenario.schema.variable': { da: 'et variabelnavn', en: 'a variable name' },
} satisfies Record<string, Entry>;
