/**
 * The text of the live what-if and the distribution views, Danish (default) and English, in one table
 * (bundled into the report's page script as well). `{name}` placeholders are filled by {@link lt}.
 */
import type { Lang } from '../text/number.js';

const TEXTS = {
  // the live what-if panel
  'live.title': { da: 'Hvad nu hvis: regn selv', en: 'What if: compute it yourself' },
  'live.lead': {
    da: 'Sæt de vigtigste input, og siden regner scenariet igen med Monte Carlo i browseren (i en baggrundstråd, så siden ikke fryser): sandsynligheden for merforbrug, forbrugets vifte og fordelingen af merforbruget pr. år med Monte Carlo-usikkerhed. Det er scenariemodellen for »{scenario}« med samme seed som kommandolinjen: de samme input og kørsler giver de samme tal som viso scenario run med scenariefilen nederst.',
    en: 'Set the main inputs and the page reruns the scenario by Monte Carlo in the browser (on a background thread, so the page never freezes): the probability of overspend, the spending fan and the distribution of the overspend per year, with the Monte Carlo error. It is the scenario model of “{scenario}” with the same seed as the command line: the same inputs and runs give the same numbers as viso scenario run with the scenario file at the bottom.',
  },
  'live.modelNote': {
    da: 'Tallene er scenariemodellens (driver-modellen, som viso scenario run); rapporten har ingen backtest og derfor ingen kalibrering af spredningen (overskriftens ene prognose).',
    en: 'The numbers are the scenario model’s (the driver model, as viso scenario run); the report has no backtest and so no calibration of the spread (the headline’s one forecast).',
  },
  'live.kExtrapolated': {
    da: '{mark} k er målt på genkørsler {hRange} år frem; for {years} er den ekstrapoleret.',
    en: '{mark} k was measured on replays {hRange} {unit} ahead; for {years} it is extrapolated.',
  },
  'live.modelNoteK': {
    da: '»P(merforbrug), scenariemodellen«, »Ændring i P, scenariemodellen« og de øvrige kolonner er scenariemodellens tal (driver-modellen, som viso scenario run). »P(merforbrug), den ene prognose (k = {k})« er overskriftens tal: de samme kørsler, hvor hver kørsels forbrug er spredt ud om årets median med backtestens spredningsfaktor k = {k} og holdt op mod kørslens bevilling; i parentes dens Monte Carlo-usikkerhed (pct.-point). »Ændring i P, den ene prognose« er ændringen i netop den P: den ene prognose med de valgte input mod den ene prognose uden ændringer.',
    en: '“P(overspend), scenario model”, “Change in P, scenario model” and the other columns are the scenario model’s numbers (the driver model, as viso scenario run). “P(overspend), the one forecast (k = {k})” is the headline’s number: the same runs, each run’s spending spread around the year’s median by the backtest’s spread factor k = {k} and held against the run’s appropriation; in brackets its Monte Carlo error (percentage points). “Change in P, the one forecast” is the change of that P: the one forecast with the inputs set against the one forecast without changes.',
  },
  'live.sameAsHeadline': {
    da: 'Med uændrede input og {runs} kørsler er den ene prognoses P(merforbrug) overskriftens.',
    en: 'With the inputs unchanged and {runs} runs the one forecast’s P(overspend) is the headline’s.',
  },
  'live.sameAsTable': {
    da: 'Med uændrede input og {runs} kørsler er scenariemodellens tal dem i scenarietabellen for »{scenario}«.',
    en: 'With the inputs unchanged and {runs} runs the scenario model’s numbers are those of the scenario table of “{scenario}”.',
  },
  'live.sameAsBoth': {
    da: 'Med uændrede input og {runs} kørsler er scenariemodellens tal dem i scenarietabellen for »{scenario}«, og den ene prognoses P(merforbrug) er overskriftens.',
    en: 'With the inputs unchanged and {runs} runs the scenario model’s numbers are those of the scenario table of “{scenario}”, and the one forecast’s P(overspend) is the headline’s.',
  },
  'live.noscript': {
    da: 'Hvad nu hvis-beregningen kræver JavaScript.',
    en: 'The what-if computation needs JavaScript.',
  },
  'live.demand': { da: 'Vækst i henvendelser pr. år (middel)', en: 'Growth of requests per year (mean)' },
  'live.demandHelp': {
    da: 'Estimeret: {value} (sd {sd}); spredningen beholdes',
    en: 'Estimated: {value} (sd {sd}); the spread is kept',
  },
  'live.demandNone': {
    da: 'Efterspørgslen kommer fra en prognose i dette scenarie og kan ikke sættes her.',
    en: 'Demand comes from a forecast in this scenario and cannot be set here.',
  },
  'live.tightening': { da: 'Stramning', en: 'Tightening' },
  'live.stage': { da: 'Virker på', en: 'Acts on' },
  'live.stage.henvendelser': { da: 'Henvendelser', en: 'Requests' },
  'live.stage.visitation': { da: 'Visitation (forløb pr. henvendelse)', en: 'Visitation (cases per request)' },
  'live.stage.unit_cost': { da: 'Pris pr. forløb', en: 'Cost per case' },
  'live.size': { da: 'Størrelse (reduktion)', en: 'Size (reduction)' },
  'live.start': { da: 'Fra (måned)', en: 'From (month)' },
  'live.startHelp': {
    da: 'Første år virker den i den del af året, der er tilbage (som et tiltag i models/measures)',
    en: 'In its first year it acts for the part of the year that is left (as a measure in models/measures)',
  },
  'live.bevilling': { da: 'Bevilling pr. år (mio. kr.)', en: 'Appropriation per year (DKK m)' },
  'live.bevillingHelp': {
    da: 'Tomt felt: scenariets fremskrivning (forventet værdi vist); senere år fortsætter fra et sat beløb',
    en: 'Empty: the scenario’s projection (expected value shown); later years continue from an amount you set',
  },
  'live.bevillingInvalid.format': {
    da: 'Skriv et beløb i mio. kr., fx {example}',
    en: 'Enter an amount in DKK m, e.g. {example}',
  },
  'live.bevillingInvalid.negative': {
    da: 'Bevillingen kan ikke være negativ: skriv 0 eller mere',
    en: 'The appropriation cannot be negative: enter 0 or more',
  },
  'live.bevillingInvalid.tooLarge': {
    da: 'Højst {max} mio. kr. (10 gange den forventede); beløbet er i mio. kr.',
    en: 'At most DKK {max} m (10 times the expected); the amount is in DKK m',
  },
  'live.unitCost': { da: 'Omkostning pr. forløb (ændring)', en: 'Cost per case (change)' },
  'live.unitCostHelp': {
    da: 'Fra {year}; marginal omkostning {from} → {to} kr. pr. forløb',
    en: 'From {year}; marginal cost DKK {from} → {to} per case',
  },
  'live.priceGrowth': {
    da: 'PL: prisudvikling pr. forløb pr. år (middel)',
    en: 'PL: price growth per case per year (mean)',
  },
  'live.priceGrowthPl': { da: 'PL-sats pr. år', en: 'PL rate per year' },
  'live.priceGrowthHelp': {
    da: 'Estimeret: {value} (sd {sd}); spredningen beholdes',
    en: 'Estimated: {value} (sd {sd}); the spread is kept',
  },
  'live.priceGrowthPlHelp': {
    da: 'Scenariet PL-regulerer omkostningerne{bev}; satsen gælder alle år',
    en: 'The scenario indexes costs with PL{bev}; the rate applies to every year',
  },
  'live.priceGrowthPlBev': { da: ' og bevillingen', en: ' and the appropriation' },
  'live.runs': { da: 'Kørsler', en: 'Runs' },
  'live.reset': { da: 'Nulstil', en: 'Reset' },
  'live.download': { da: 'Hent scenariefil (YAML)', en: 'Download scenario file (YAML)' },
  'live.yaml': {
    da: 'Scenariefilen for det, der er sat (viso scenario run <fil> giver de samme tal)',
    en: 'The scenario file of what is set (viso scenario run <file> gives the same numbers)',
  },
  'live.computing': { da: 'Regner …', en: 'Computing …' },
  'live.status': {
    da: '{runs} kørsler, seed {seed}: beregnet på {ms} ms i browseren. Monte Carlo-usikkerheden på P er ± én standardfejl i pct.-point.',
    en: '{runs} runs, seed {seed}: computed in {ms} ms in the browser. The Monte Carlo error of P is ± one standard error in percentage points.',
  },
  'live.stale': {
    da: 'Ikke opdateret: et felt kan ikke læses (markeret ovenfor). Resultatet nedenfor er for de sidste gyldige input.',
    en: 'Not updated: a field cannot be read (marked above). The result below is for the last valid inputs.',
  },
  'live.error': { da: 'Beregningen fejlede: {message}', en: 'The computation failed: {message}' },
  'live.set': { da: 'Sat: {items}.', en: 'Set: {items}.' },
  'live.setNone': { da: 'Intet ændret: scenariet som det er.', en: 'Nothing changed: the scenario as it is.' },
  'live.set.demand': { da: 'vækst i henvendelser {x} pr. år', en: 'growth of requests {x} a year' },
  'live.set.tightening': {
    da: 'stramning af {stage} med {size} fra {start}',
    en: 'tightening of {stage} by {size} from {start}',
  },
  'live.set.bevilling': { da: 'bevilling {year} {x}', en: 'appropriation {year} {x}' },
  'live.set.unitCost': { da: 'omkostning pr. forløb {x}', en: 'cost per case {x}' },
  'live.set.priceGrowth': { da: 'PL {x} pr. år', en: 'PL {x} a year' },
  'live.set.runs': { da: '{runs} kørsler', en: '{runs} runs' },
  'live.table': { da: 'Resultat pr. år med de valgte input', en: 'Result per year with the inputs set' },
  'live.col.p': { da: 'P(merforbrug)', en: 'P(overspend)' },
  'live.col.pDriver': { da: 'P(merforbrug), scenariemodellen', en: 'P(overspend), scenario model' },
  'live.col.pOne': { da: 'P(merforbrug), den ene prognose (k = {k})', en: 'P(overspend), the one forecast (k = {k})' },
  'live.col.pSe': { da: 'MC-usikkerhed (pct.-point)', en: 'MC error (percentage points)' },
  'live.col.dp': { da: 'Ændring i P (pct.-point)', en: 'Change in P (percentage points)' },
  'live.col.dpDriver': {
    da: 'Ændring i P, scenariemodellen (pct.-point)',
    en: 'Change in P, scenario model (percentage points)',
  },
  'live.col.dpOne': {
    da: 'Ændring i P, den ene prognose (pct.-point)',
    en: 'Change in P, the one forecast (percentage points)',
  },
  'live.col.forbrug': { da: 'Forventet forbrug', en: 'Expected spending' },
  'live.col.bevilling': { da: 'Forventet bevilling', en: 'Expected appropriation' },
  'live.col.merforbrug': { da: 'Forventet merforbrug', en: 'Expected overspend' },
  'live.col.overspend': { da: 'Forventet overskridelse', en: 'Expected overrun' },
  'live.tableNote': {
    da: 'Mio. kr., løbende priser. Ændring i P: mod scenariet uden ændringer med de samme kørsler og tilfældige tal. Forventet overskridelse = E[max(merforbrug; 0)]: merforbruget i gennemsnit over alle kørsler, hvor en kørsel uden merforbrug tæller som 0.',
    en: 'DKK million, current prices. Change in P: against the scenario without changes, with the same runs and random numbers. Expected overrun = E[max(overspend, 0)]: the overspend averaged over all runs, a run without overspend counting as 0.',
  },
  'live.fan.title': { da: 'Forbrug med de valgte input', en: 'Spending with the inputs set' },
  'live.fan.subtitle': {
    da: 'Median, 50 % og 90 % interval af forbruget; stiplet: forventet bevilling. Mio. kr.',
    en: 'Median, 50% and 90% interval of spending; dashed: expected appropriation. DKK million',
  },
  'live.fan.band90': { da: '90 % interval', en: '90% interval' },
  'live.fan.band50': { da: '50 % interval', en: '50% interval' },
  'live.fan.start': { da: 'Uden ændringer (median)', en: 'Without changes (median)' },
  'live.fan.median': { da: 'Median', en: 'Median' },
  'live.scenarioLive': { da: 'Med de valgte input', en: 'With the inputs set' },
  'live.scenarioStart': { da: 'Uden ændringer', en: 'Without changes' },
  // the distribution views
  'dist.title': { da: 'Fordelingen af merforbruget pr. år', en: 'Distribution of the overspend by year' },
  'dist.subtitle': {
    da: 'Driver-modellen uden kalibrering. Venstre: histogram (andel af kørslerne, 1.–99. percentil); højre: P(merforbrug > x) for hvert beløb x — før musen hen over kurven for at aflæse. Mio. kr.',
    en: 'The driver model without calibration. Left: histogram (share of the runs, 1st–99th percentile); right: P(overspend > x) for every amount x — move the pointer over the curve to read it. DKK million',
  },
  'dist.year': { da: 'År ', en: 'Year ' },
  'dist.axis.merforbrug': { da: 'Merforbrug (mio. kr.)', en: 'Overspend (DKK m)' },
  'dist.axis.share': { da: 'Andel af kørslerne', en: 'Share of the runs' },
  'dist.axis.exceed': { da: 'P(merforbrug > x)', en: 'P(overspend > x)' },
  'dist.axis.x': { da: 'x: merforbrug (mio. kr.)', en: 'x: overspend (DKK m)' },
  'dist.merforbrug': { da: 'Merforbrug', en: 'Overspend' },
  'dist.mindreforbrug': { da: 'Mindreforbrug', en: 'Underspend' },
  'dist.readout': { da: 'P(merforbrug > {x}) = {p}', en: 'P(overspend > {x}) = {p}' },
  'dist.summary': {
    da: 'P(merforbrug > 0) = {p}; forventet overskridelse {overrun}',
    en: 'P(overspend > 0) = {p}; expected overrun {overrun}',
  },
  'dist.legend': { da: 'Scenarie', en: 'Scenario' },
  // tables: the expected overrun and the comparison with differences
  'col.overspend': { da: 'Forventet overskridelse', en: 'Expected overrun' },
  'col.dp': { da: 'Forskel i P (pct.-point)', en: 'Difference in P (percentage points)' },
  'col.dForbrug': { da: 'Forskel i forventet forbrug', en: 'Difference in expected spending' },
  'col.dMerforbrug': { da: 'Forskel i forventet merforbrug', en: 'Difference in expected overspend' },
  'col.dOverspend': { da: 'Forskel i forventet overskridelse', en: 'Difference in expected overrun' },
  'compare.caption': {
    da: 'Sammenligning af scenarierne pr. år, forskelle mod »{first}«',
    en: 'Comparison of the scenarios per year, differences against “{first}”',
  },
  'compare.range': { da: 'Spænd på tværs af scenarierne', en: 'Range across the scenarios' },
  'compare.note': {
    da: 'Mio. kr. Forskelle mod »{first}« med de samme tilfældige tal (fælles seed), så de er scenariernes og ikke Monte Carlo-støj. Forventet overskridelse = E[max(merforbrug; 0)]: merforbruget i gennemsnit over alle kørsler, hvor en kørsel uden merforbrug tæller som 0. Spænd: mindste–største værdi på tværs af scenarierne.',
    en: 'DKK million. Differences against “{first}” with the same random numbers (a common seed), so they are the scenarios’, not Monte Carlo noise. Expected overrun = E[max(overspend, 0)]: the overspend averaged over all runs, a run without overspend counting as 0. Range: smallest–largest value across the scenarios.',
  },
} as const satisfies Record<string, { da: string; en: string }>;

/** A key of the live what-if's text table. */
export type LiveTextKey = keyof typeof TEXTS;

/**
 * Look up a text of the live what-if and the distribution views and fill `{name}` placeholders.
 *
 * @example
 * lt('da', 'dist.readout', { x: '10,0', p: '32,1 %' }) // 'P(merforbrug > 10,0) = 32,1 %'
 */
export function lt(lang: Lang, key: LiveTextKey, vars: Record<string, string | number> = {}): string {
  const s: string = TEXTS[key][lang];
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/** All keys (for the completeness test). */
export const LIVE_TEXT_KEYS = Object.keys(TEXTS) as LiveTextKey[];
