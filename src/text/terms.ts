/**
 * The names of things shown in tables by every layer (scenario inputs, data-quality flags), in
 * Danish and English: part of the one
 * dictionary (src/text/messages.ts includes them), in a module of its own so the report's
 * browser script, which needs only these, does not carry the command line's help and errors.
 */
import { formatNumber, formatPct, ppUnit, type Lang } from './number.js';

/**
 * The one English vocabulary of the domain words: every English text (report, workbook, charts,
 * command line, the live what-if page) uses these words for the Danish terms of the source
 * documents, and the English report's glossary lists them (`glossary`). Identifiers keep their
 * Danish names (series ids such as viso.raadgivning.henvendelser.i_alt, source keys such as
 * faktaark2024#henvendelser, scenario keys such as bevilling.growth).
 */
export const VOCABULARY = {
  requests: { da: 'henvendelser', en: 'requests' },
  cases: { da: 'forløb', en: 'cases' },
  advisoryCases: { da: 'rådgivningsforløb', en: 'advisory cases' },
  visitationRate: { da: 'visitationsrate (forløb pr. henvendelse)', en: 'visitation rate (cases per request)' },
  appropriation: { da: 'bevilling', en: 'appropriation' },
  spending: { da: 'forbrug', en: 'spending' },
  overspend: { da: 'merforbrug', en: 'overspend' },
  underspend: { da: 'mindreforbrug', en: 'underspend' },
  savings: { da: 'opsparing', en: 'savings', gloss: 'savings (the reserve carried over between years)' },
  mainArea: { da: 'hovedområde', en: 'main area' },
  account: { da: 'konto', en: 'account' },
} as const satisfies Record<string, { da: string; en: string; gloss?: string }>;

/**
 * The English report's glossary: each English term (with a word on what it is where the word alone
 * is ambiguous) and the Danish term of the source documents, in `VOCABULARY`'s order.
 */
export function glossary(): { en: string; da: string }[] {
  return Object.values(VOCABULARY).map((v) => ({ en: 'gloss' in v ? v.gloss : v.en, da: v.da }));
}

/**
 * The word of a quantity the engine names by its data key (`bevilling`, `forbrug`, `henvendelser`,
 * `forloeb`, `merforbrug`, `opsparing`), in the language; any other key as it is.
 *
 * @example
 * quantityWord('henvendelser', 'en') // 'requests'
 * quantityWord('forloeb', 'da')      // 'forløb'
 */
export function quantityWord(key: string, lang: Lang = 'da'): string {
  const by: Record<string, keyof typeof VOCABULARY> = {
    henvendelser: 'requests',
    forloeb: 'cases',
    bevilling: 'appropriation',
    forbrug: 'spending',
    merforbrug: 'overspend',
    opsparing: 'savings',
  };
  const v = by[key];
  return v ? VOCABULARY[v][lang] : key;
}

/**
 * The English report's glossary table in words (the Danish report has none): its caption, column
 * heads and the note under it. Not in the report's dictionary, so the HTML's browser script, which
 * carries that dictionary, does not carry these.
 */
export const GLOSSARY_TEXTS = {
  caption: 'Glossary: the English terms and the Danish ones of the source documents',
  english: 'English',
  danish: 'Danish (source documents)',
  note: 'Series ids (viso.raadgivning.henvendelser.i_alt), source keys (faktaark2024#henvendelser) and the scenario file’s keys (bevilling.growth) keep their Danish names: they are identifiers, not words.',
} as const;

/**
 * Terms shown in tables by every layer: the names of the scenario inputs (sensitivity, tornado,
 * inputs as used) and of the data-quality flags. Plain texts (the report's dictionary includes them).
 */
export const TERMS = {
  'input.visitationDrift': { da: 'Visitationsratens årlige udvikling', en: 'Yearly change of the visitation rate' },
  'input.visitationNoise': {
    da: 'Årlige udsving i visitationsraten (z-værdi)',
    en: 'Year-to-year variation in the visitation rate (z-score)',
  },
  'input.priceGrowth': { da: 'Prisudvikling pr. forløb', en: 'Price growth per case' },
  'input.costNoise': { da: 'Restudsving i forbruget (mio. kr.)', en: 'Residual variation of spending (DKK m)' },
  'input.bevillingNoise': {
    da: 'Årlige udsving i bevillingen (z-værdi)',
    en: 'Year-to-year variation in the appropriation (z-score)',
  },
  'input.share': { da: 'Områdets andel', en: 'Share of the area' },
  'input.bevilling': { da: 'Kendt bevilling', en: 'Known appropriation' },
  'input.demand': { da: 'Vækst i henvendelser', en: 'Growth in requests' },
  'input.demandNoise': {
    da: 'Årlige udsving i henvendelser (z-værdi)',
    en: 'Year-to-year variation in requests (z-score)',
  },
  'input.visitation': { da: 'Visitationsrate (forløb pr. henvendelse)', en: 'Visitation rate (cases per request)' },
  'input.fixedCost': { da: 'Faste omkostninger (mio. kr.)', en: 'Fixed costs (DKK m)' },
  'input.unitCost': { da: 'Pris pr. forløb (1.000 kr.)', en: 'Cost per case (DKK 1,000)' },
  'input.bevillingGrowth': { da: 'Bevillingens årlige udvikling', en: 'Yearly change of the appropriation' },
  'input.measure': { da: 'Tiltagets effekt', en: 'Effect of measure' },
  'flag.estimated': { da: 'Skøn', en: 'Estimate' },
  'flag.registration_break': { da: 'Registreringsbrud', en: 'Registration break' },
  'flag.uncertain_registration': { da: 'Usikker registrering', en: 'Uncertain registration' },
  'flag.includes_covid': { da: 'Inkl. COVID-19', en: 'Incl. COVID-19' },
  'flag.excludes_covid': { da: 'Ekskl. COVID-19', en: 'Excl. COVID-19' },
  'flag.derived': { da: 'Afledt af ændring', en: 'Derived from change' },
  'flag.ambiguous_account': { da: 'Uklar konto', en: 'Ambiguous account' },
  'flag.user_supplied': { da: 'Brugerdata', en: 'User data' },
  'flag.illustrative': { da: 'Illustrative data', en: 'Illustrative data' },
} as const satisfies Record<string, { da: string; en: string }>;

/**
 * The name of a term of `TERMS` (`kind.slug`), or the slug itself when the dictionary has none.
 *
 * @example
 * term('input', 'demandNoise', 'da') // 'Årlige udsving i henvendelser (z-værdi)'
 * term('flag', 'estimated', 'en')    // 'Estimate'
 */
export function term(kind: 'input' | 'flag', slug: string, lang: Lang = 'da'): string {
  const key = `${kind}.${slug}`;
  return key in TERMS ? TERMS[key as keyof typeof TERMS][lang] : slug;
}

/**
 * The name of a scenario input (`demandNoise`, `measure:<id>`, `share:<area>`, `bevilling:<year>`).
 *
 * @example
 * inputName('visitation', 'da')         // 'Visitationsrate (forløb pr. henvendelse)'
 * inputName('measure:tightening', 'en') // 'Effect of measure: tightening'
 */
export function inputName(input: string, lang: Lang = 'da'): string {
  const prefixed = /^(measure|share|bevilling):/.exec(input);
  const name = term('input', prefixed ? prefixed[1] : input, lang);
  return prefixed ? `${name}: ${input.slice(prefixed[0].length)}` : name;
}

/** The scenario file's key of a sampled input (`inputName`'s ids), for its value's unit; z-scores have none. */
const SAMPLED_INPUT_KEYS: Record<string, string> = {
  demand: 'demand.growth',
  visitation: 'visitation.rate',
  visitationDrift: 'visitation.drift',
  fixedCost: 'costs.fixed',
  unitCost: 'costs.unit',
  costNoise: 'costs.noiseSd',
  priceGrowth: 'costs.priceGrowth',
  bevillingGrowth: 'bevilling.growth',
};

/**
 * A sampled input's values (a tornado bar's P10 and P90) in its unit, as the input table writes it: a
 * yearly rate in per cent (both with the same decimals), an amount in the unit the input's name
 * states, a z-score by its number.
 *
 * @example
 * sampledValueText('demand', [0.073, 0.133], 'da')           // ['7,3 %', '13,3 %']
 * sampledValueText('visitationDrift', [-0.054, -0.005], 'da') // ['-5,4 %', '-0,5 %']
 * sampledValueText('unitCost', [44.242, 60.973], 'da')        // ['44,2', '61,0']
 * sampledValueText('demandNoise', [-1.2816, 1.2816], 'da')    // ['-1,282', '1,282']
 */
export function sampledValueText(input: string, values: readonly number[], lang: Lang = 'da'): string[] {
  const key = SAMPLED_INPUT_KEYS[input];
  const rate = key === undefined ? /^(measure|share):/.test(input) : inputKey(key)?.unit === 'rate';
  if (rate) {
    const dec = values.every((x) => Math.abs(x) < 0.001) ? 2 : 1;
    return values.map((x) => formatPct(x, lang, dec));
  }
  return values.map((x) => (key === undefined ? formatNumber(x, 3, lang) : inputValueText(key, x, lang)));
}

/**
 * The spreadsheet number format of a sampled input's value (`sampledValueText`).
 *
 * @example
 * sampledNumFmt('demand')      // '0.0%'
 * sampledNumFmt('demandNoise') // '#,##0.000'
 */
export function sampledNumFmt(input: string): string {
  const key = SAMPLED_INPUT_KEYS[input];
  if (key !== undefined) return inputNumFmt(key);
  return /^(measure|share):/.test(input) ? '0.0%' : '#,##0.000';
}

/**
 * The unit of a scenario input's value: `mio` millions of kroner, `kkr` thousands of kroner, `count`
 * a number of things, `ratio` a plain ratio (forløb per henvendelse), `share` a share 0..1 shown in
 * per cent, `rate` a yearly rate of change 0..1 (its spread in percentage points), `logSd` the
 * standard deviation of a yearly shock on the log scale (shown in per cent, ≈ relative), `flag` yes/no
 * or a word (`calibrated`, `pl`).
 */
export type InputUnit = 'mio' | 'kkr' | 'count' | 'ratio' | 'share' | 'rate' | 'logSd' | 'flag';

/**
 * The scenario inputs by the key of the scenario file (models/scenarios/*.yaml) that sets them, as
 * `resolveInputs` (src/scenario/inputs.ts) and `opsparingStart` emit them: their name in words (the
 * unit of an amount in the name, as in the report's other tables) and the unit of their value. A key
 * with a variable tail (`bevilling.amounts.2026`, `shares.forloeb.boern`) is listed by its stem and
 * `*`; its tail is appended to the name.
 */
export const INPUT_KEYS = {
  'actual.bevilling': {
    da: 'Bevilling i basisåret, mio. kr.',
    en: 'Appropriation in the base year, DKK m',
    unit: 'mio',
  },
  'actual.forbrug': { da: 'Forbrug i basisåret, mio. kr.', en: 'Spending in the base year, DKK m', unit: 'mio' },
  'actual.forloeb': { da: 'Forløb i basisåret, antal', en: 'Cases in the base year, number', unit: 'count' },
  'actual.henvendelser': {
    da: 'Henvendelser i basisåret, antal',
    en: 'Requests in the base year, number',
    unit: 'count',
  },
  'demand.growth': { da: 'Henvendelsernes årlige vækst', en: 'Annual growth of requests', unit: 'rate' },
  'demand.noiseSd': {
    da: 'Årlig støj på henvendelsernes vækst (spredning)',
    en: 'Year-to-year noise on the growth of requests (sd)',
    unit: 'logSd',
  },
  'visitation.rate': {
    da: 'Visitationsrate (forløb pr. henvendelse)',
    en: 'Visitation rate (cases per request)',
    unit: 'ratio',
  },
  'visitation.drift': {
    da: 'Visitationsratens årlige udvikling',
    en: 'Annual change of the visitation rate',
    unit: 'rate',
  },
  'visitation.noiseSd': {
    da: 'Årlig støj på visitationsraten (spredning)',
    en: 'Year-to-year noise on the visitation rate (sd)',
    unit: 'logSd',
  },
  'costs.fixed': { da: 'Faste omkostninger, mio. kr.', en: 'Fixed costs, DKK m', unit: 'mio' },
  'costs.unit': { da: 'Enhedspris pr. forløb, 1.000 kr.', en: 'Unit cost per case, DKK 1,000', unit: 'kkr' },
  'costs.noiseSd': {
    da: 'Restudsving i forbruget (spredning), mio. kr.',
    en: 'Residual variation of spending (sd), DKK m',
    unit: 'mio',
  },
  'costs.priceGrowth': {
    da: 'Årlig prisudvikling pr. forløb',
    en: 'Annual price growth per case',
    unit: 'rate',
  },
  'pl.default': { da: 'PL-sats for omkostningerne, øvrige år', en: 'PL rate of the costs, other years', unit: 'rate' },
  'pl.costs.futureSd': {
    da: 'Usikkerhed på fremtidige PL-satser for omkostningerne',
    en: 'Uncertainty of future PL rates of the costs',
    unit: 'rate',
  },
  'pl.bevilling': {
    da: 'PL-sats for bevillingen, øvrige år',
    en: 'PL rate of the appropriation, other years',
    unit: 'rate',
  },
  'pl.bevilling.futureSd': {
    da: 'Usikkerhed på fremtidige PL-satser for bevillingen',
    en: 'Uncertainty of future PL rates of the appropriation',
    unit: 'rate',
  },
  'bevilling.amounts.*': { da: 'Kendt bevilling, mio. kr.', en: 'Known appropriation, DKK m', unit: 'mio' },
  'known.forbrug.*': { da: 'Kendt forbrug, mio. kr.', en: 'Known spending, DKK m', unit: 'mio' },
  'bevilling.pl': { da: 'Bevillingen PL-reguleres', en: 'Appropriation indexed with PL', unit: 'flag' },
  'bevilling.growth': { da: 'Bevillingens årlige vækst', en: 'Annual growth of the appropriation', unit: 'rate' },
  'bevilling.noiseSd': {
    da: 'Årlig støj på bevillingens vækst (spredning)',
    en: 'Year-to-year noise on the growth of the appropriation (sd)',
    unit: 'logSd',
  },
  'shares.henvendelser.*': { da: 'Andel af henvendelserne', en: 'Share of the requests', unit: 'share' },
  'shares.forloeb.*': { da: 'Andel af forløbene', en: 'Share of the cases', unit: 'share' },
  'opsparing.start': {
    da: 'Opsparing ved basisårets udgang, mio. kr.',
    en: 'Savings at the end of the base year, DKK m',
    unit: 'mio',
  },
} as const satisfies Record<string, { da: string; en: string; unit: InputUnit }>;

/**
 * The entry of `INPUT_KEYS` for a scenario input's key, with the variable tail of a `*` entry, or
 * `undefined` when the dictionary has none.
 *
 * @example
 * inputKey('bevilling.amounts.2026') // { da: 'Kendt bevilling, mio. kr.', …, unit: 'mio', tail: '2026' }
 */
export function inputKey(key: string): { da: string; en: string; unit: InputUnit; tail?: string } | undefined {
  if (key in INPUT_KEYS) return INPUT_KEYS[key as keyof typeof INPUT_KEYS];
  const dot = key.lastIndexOf('.');
  const stem = `${key.slice(0, dot)}.*`;
  return dot > 0 && stem in INPUT_KEYS
    ? { ...INPUT_KEYS[stem as keyof typeof INPUT_KEYS], tail: key.slice(dot + 1) }
    : undefined;
}

/**
 * A scenario input's name in words (`INPUT_KEYS`), the variable tail of its key after a colon, or
 * the key itself when the dictionary has none.
 *
 * @example
 * inputLabel('demand.growth', 'da')          // 'Henvendelsernes årlige vækst'
 * inputLabel('bevilling.amounts.2026', 'en') // 'Known appropriation, DKK m: 2026'
 */
export function inputLabel(key: string, lang: Lang = 'da'): string {
  const k = inputKey(key);
  if (!k) return key;
  return k.tail !== undefined ? `${k[lang]}: ${k.tail}` : k[lang];
}

/** Decimals that show an amount of size `a` (≥ 0) to about three significant digits. */
function sizeDecimals(a: number): number {
  return a >= 1000 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
}

/**
 * A distribution as the words read it. The text layer imports nothing above it, so this is the
 * shape of `DistSpec` (src/stats/distributions.ts), to which every `DistSpec` is assignable.
 */
type DistValue =
  | { dist: 'fixed'; value: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; median: number; sdlog: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'empirical'; values: number[] };

/** Decimals of an amount: none for a whole number, else about three significant digits. */
function amountDecimals(x: number): number {
  return Number.isInteger(x) ? 0 : sizeDecimals(Math.abs(x));
}

/**
 * A scenario input's value with its unit (`INPUT_KEYS`), in the language's number format: a
 * yearly rate `10,3 % (sd 2,3 pct.-point)`, an amount in the unit its name states `9,7 (sd 16,8)`,
 * a count `5.122`; a distribution other than normal or fixed by its parameters in the same unit.
 * A key the dictionary has not is written by its number alone.
 *
 * @example
 * inputValueText('demand.growth', { dist: 'normal', mean: 0.1031, sd: 0.0234 }, 'da') // '10,3 % (sd 2,3 pct.-point)'
 * inputValueText('demand.noiseSd', 0.052, 'en')                                       // '5.2%'
 */
export function inputValueText(key: string, v: DistValue | number | string, lang: Lang = 'da'): string {
  const unit = inputKey(key)?.unit;
  const da = lang === 'da';
  if (typeof v === 'string') {
    if (v === 'true') return da ? 'ja' : 'yes';
    if (v === 'false') return da ? 'nej' : 'no';
    if (v === 'calibrated') return da ? 'kalibreret' : 'calibrated';
    if (v === 'pl') return da ? 'følger PL' : 'follows PL';
    return v;
  }
  // the value itself and a spread (sd) in the unit's words
  const pctDec = (...xs: number[]) => (xs.every((x) => Math.abs(x) < 0.01) && xs.some((x) => x !== 0) ? 2 : 1);
  const one = (x: number, spread = false, dec?: number): string => {
    switch (unit) {
      case 'rate':
      case 'share':
      case 'logSd':
        return spread
          ? `${formatNumber(x * 100, dec ?? pctDec(x), lang)} ${ppUnit(lang)}`
          : formatPct(x, lang, dec ?? pctDec(x));
      case 'count':
        return formatNumber(x, Number.isInteger(x) ? 0 : 1, lang);
      case 'ratio':
        return formatNumber(x, 4, lang);
      default:
        return formatNumber(x, dec ?? amountDecimals(x), lang);
    }
  };
  const sep = da ? '; ' : ', ';
  if (typeof v === 'number') return one(v);
  switch (v.dist) {
    case 'fixed':
      return one(v.value);
    case 'normal': {
      // one number of decimals for the mean and its spread (the larger one's)
      const d =
        unit === 'rate' || unit === 'share' || unit === 'logSd'
          ? pctDec(v.mean, v.sd)
          : unit === 'mio' || unit === 'kkr'
            ? Number.isInteger(v.mean) && Number.isInteger(v.sd)
              ? 0
              : sizeDecimals(Math.max(Math.abs(v.mean), Math.abs(v.sd)))
            : undefined;
      const bounds = [
        v.min !== undefined ? `min ${one(v.min, false, d)}` : '',
        v.max !== undefined ? `max ${one(v.max, false, d)}` : '',
      ].filter(Boolean);
      return `${one(v.mean, false, d)} (sd ${one(v.sd, true, d)}${bounds.map((b) => sep + b).join('')})`;
    }
    case 'lognormal':
      return `log-normal, median ${one(v.median)}${sep}sdlog ${formatNumber(v.sdlog, 3, lang)}`;
    case 'triangular':
      return `${da ? 'trekant' : 'triangular'} ${one(v.min)} – ${one(v.mode)} – ${one(v.max)}`;
    case 'uniform':
      return `${da ? 'ligefordelt' : 'uniform'} ${one(v.min)} – ${one(v.max)}`;
    case 'empirical': {
      const s = [...v.values].sort((a, b) => a - b);
      return `${da ? 'empirisk' : 'empirical'}, ${v.values.length} ${da ? 'værdier' : 'values'}, median ${one(s[Math.floor((s.length - 1) / 2)])}`;
    }
  }
}

/**
 * The spreadsheet number format of a scenario input's value (a number cell holds the value as the
 * scenario file writes it; the format shows it in its unit): per cent for rates and shares, grouped
 * for counts and amounts.
 *
 * @example
 * inputNumFmt('demand.noiseSd') // '0.0%'
 */
export function inputNumFmt(key: string): string {
  switch (inputKey(key)?.unit) {
    case 'rate':
    case 'share':
    case 'logSd':
      return '0.0%';
    case 'count':
      return '#,##0';
    case 'ratio':
      return '0.0000';
    case 'mio':
    case 'kkr':
      return '#,##0.0';
    default:
      return 'General';
  }
}

/**
 * The other keys of a scenario's assumptions as the report lists them (`describeAssumptions` in
 * src/scenario/scenario.ts, flattened to `key.path`): their name in words, and the unit of a number
 * where it has one. `#` stands for a list's position (`measures.1.id`), `*` for a variable tail
 * (`pl.rates.2025`), appended to the name; `#` in the name is the position.
 */
export const ASSUMPTION_KEYS = {
  files: { da: 'Scenariefiler', en: 'Scenario files' },
  baseYear: { da: 'Basisår', en: 'Base year' },
  horizon: { da: 'Sidste år i fremskrivningen', en: 'Last year of the projection' },
  'demand.model': { da: 'Model for henvendelserne', en: 'Model of the requests' },
  'demand.meanGrowth': {
    da: 'Henvendelsernes årlige vækst, middelværdi',
    en: 'Annual growth of requests, mean',
    unit: 'rate',
  },
  'demand.series': { da: 'Prognosens serie', en: 'Series of the forecast' },
  'demand.method': { da: 'Prognosemetode', en: 'Forecast method' },
  'demand.from': { da: 'Prognosen fra år', en: 'Forecast from year' },
  'demand.pathMean': { da: 'Prognosens middelsti for henvendelserne', en: 'Mean path of the forecast of requests' },
  'demand.pathDistribution': { da: 'Prognosestiens fordeling', en: 'Distribution of the forecast path' },
  'demand.df': { da: 'Prognosestiens frihedsgrader', en: 'Degrees of freedom of the forecast path' },
  'costs.correlation': {
    da: 'Korrelation mellem faste omkostninger og enhedspris',
    en: 'Correlation of fixed costs and unit cost',
    unit: 'ratio',
  },
  'pl.rates.*': { da: 'PL-sats for omkostningerne', en: 'PL rate of the costs', unit: 'rate' },
  'pl.label': { da: 'PL-indeks for omkostningerne', en: 'PL index of the costs' },
  'pl.labelEn': { da: 'PL-indeks for omkostningerne (engelsk)', en: 'PL index of the costs (English)' },
  'pl.futureSd': { da: 'Usikkerhed på fremtidige PL-satser', en: 'Uncertainty of future PL rates', unit: 'rate' },
  'plBevilling.default': {
    da: 'PL-sats for bevillingen, øvrige år',
    en: 'PL rate of the appropriation, other years',
    unit: 'rate',
  },
  'plBevilling.rates.*': { da: 'PL-sats for bevillingen', en: 'PL rate of the appropriation', unit: 'rate' },
  'plBevilling.label': { da: 'PL-indeks for bevillingen', en: 'PL index of the appropriation' },
  'plBevilling.labelEn': { da: 'PL-indeks for bevillingen (engelsk)', en: 'PL index of the appropriation (English)' },
  'plBevilling.futureSd': {
    da: 'Usikkerhed på fremtidige PL-satser for bevillingen',
    en: 'Uncertainty of future PL rates of the appropriation',
    unit: 'rate',
  },
  'bevilling.label': { da: 'Bevillingens fremskrivning', en: 'Projection of the appropriation' },
  'bevilling.labelEn': { da: 'Bevillingens fremskrivning (engelsk)', en: 'Projection of the appropriation (English)' },
  measures: { da: 'Nye tiltag', en: 'New measures' },
  'measures.#.id': { da: 'Tiltag #', en: 'Measure #' },
  'measures.#.ref': { da: 'Tiltag #: effekten hentet fra', en: 'Measure #: effect taken from' },
  'measures.#.start': { da: 'Tiltag #: start', en: 'Measure #: start' },
  'measures.#.actsOn': { da: 'Tiltag #: virker på', en: 'Measure #: acts on' },
  'measures.#.areas': { da: 'Tiltag #: hovedområder', en: 'Measure #: main areas' },
  'measures.#.effect': { da: 'Tiltag #: effekt', en: 'Measure #: effect', unit: 'share' },
  'measures.#.share': { da: 'Tiltag #: områdets andel', en: 'Measure #: share of the area', unit: 'share' },
  'measures.#.phase': { da: 'Tiltag #: indfasning pr. år', en: 'Measure #: phase-in per year' },
  correlations: { da: 'Rangkorrelationer', en: 'Rank correlations' },
  'correlations.#.between': { da: 'Rangkorrelation #: mellem', en: 'Rank correlation #: between' },
  'correlations.#.rank': { da: 'Rangkorrelation #', en: 'Rank correlation #', unit: 'ratio' },
  'variables.*': { da: 'Variabel', en: 'Variable' },
  'levers.visitationMult': { da: 'Håndtag: visitationsrate, faktor', en: 'Lever: visitation rate, factor' },
  'levers.demandMult': { da: 'Håndtag: henvendelser, faktor', en: 'Lever: requests, factor' },
  'levers.bevillingAdd': { da: 'Håndtag: ekstra bevilling, mio. kr.', en: 'Lever: extra appropriation, DKK m' },
  'levers.unitMult': { da: 'Håndtag: enhedspris, faktor', en: 'Lever: unit cost, factor' },
  'opsparing.file': { da: 'Budgetregler for opsparingen', en: 'Budget rules of the savings' },
  'opsparing.carryOver': { da: 'Opsparing føres videre', en: 'Savings carried over' },
  'opsparing.cap': { da: 'Loft over opsparingen, mio. kr.', en: 'Cap on the savings, DKK m' },
  'opsparing.useNeedsPermission': {
    da: 'Brug af opsparing kræver tilladelse',
    en: 'Use of savings needs permission',
  },
  'opsparing.maxUse': { da: 'Højst brug af opsparing pr. år, mio. kr.', en: 'Most use of savings per year, DKK m' },
  'opsparing.expiryYears': { da: 'Opsparingen bortfalder efter, år', en: 'Savings expire after, years' },
  'opsparing.missingYearChange': {
    da: 'Ændring i opsparingen i år uden data, mio. kr.',
    en: 'Change of savings in years without data, DKK m',
  },
  'opsparing.at.*': { da: 'Budgetregel skrevet i', en: 'Budget rule written at' },
  'opsparing.sources.*': { da: 'Kilde til budgetregel', en: 'Source of budget rule' },
  model: { da: 'Modellens ligninger', en: 'Equations of the model' },
  // models/cost.yaml, not a scenario's: the index of the report's fixed prices
  pl_index: { da: 'PL-indeks for faste priser', en: 'PL index of fixed prices' },
} as const satisfies Record<string, { da: string; en: string; unit?: InputUnit }>;

/** The budget rules of `models/budget.yaml` by their key, as the tails of `opsparing.at.*` and `opsparing.sources.*`. */
const BUDGET_RULES: Record<string, Record<Lang, string>> = {
  carryOver: { da: 'opsparing føres videre', en: 'savings carried over' },
  cap: { da: 'loft over opsparingen', en: 'cap on the savings' },
  useNeedsPermission: { da: 'brug kræver tilladelse', en: 'use needs permission' },
  use: { da: 'brug af opsparingen', en: 'use of the savings' },
  maxUse: { da: 'højst brug pr. år', en: 'most use per year' },
  expiryYears: { da: 'bortfald', en: 'expiry' },
  start: { da: 'opsparing ved basisårets udgang', en: 'savings at the end of the base year' },
  missingYearChange: { da: 'ændring i år uden data', en: 'change in years without data' },
};

/** A budget rule's name by its key (`carryOver` or `carry_over`), if it has one. */
const budgetRuleName = (key: string, lang: Lang): string | undefined =>
  BUDGET_RULES[key.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())]?.[lang];

/** The parameters of a distribution, as `describeAssumptions` flattens them (`demand.growth.sd`). */
const DIST_PARAMS: Record<string, Record<Lang, string>> = {
  dist: { da: 'fordeling', en: 'distribution' },
  value: { da: 'værdi', en: 'value' },
  mean: { da: 'middelværdi', en: 'mean' },
  sd: { da: 'spredning', en: 'sd' },
  min: { da: 'mindst', en: 'min' },
  max: { da: 'højst', en: 'max' },
  mode: { da: 'typeværdi', en: 'mode' },
  median: { da: 'median', en: 'median' },
  sdlog: { da: 'spredning på log-skala', en: 'sd on the log scale' },
  values: { da: 'værdier', en: 'values' },
};

/**
 * A key of a scenario's flattened assumptions in words (`INPUT_KEYS`, `ASSUMPTION_KEYS`, a
 * distribution's parameter after a colon), with the unit of its number (`undefined` for text or a
 * number without one), or the key itself when the dictionaries have no words.
 *
 * @example
 * assumptionKey('demand.growth.sd', 'da') // { label: 'Henvendelsernes årlige vækst: spredning', unit: 'rate' }
 * assumptionKey('pl.rates.2025', 'en')    // { label: 'PL rate of the costs: 2025', unit: 'rate' }
 */
export function assumptionKey(path: string, lang: Lang = 'da'): { label: string; unit?: InputUnit } {
  const own = (key: string): { label: string; unit?: InputUnit } | undefined => {
    const input = inputKey(key);
    if (input) return { label: inputLabel(key, lang), unit: input.unit };
    const nums = [...key.matchAll(/\.(\d+)(?=\.|$)/g)].map((m) => m[1]);
    const k = key.replace(/\.\d+(?=\.|$)/g, '.#');
    const dot = k.lastIndexOf('.');
    const stem = `${k.slice(0, dot)}.*`;
    const hit =
      k in ASSUMPTION_KEYS
        ? { e: ASSUMPTION_KEYS[k as keyof typeof ASSUMPTION_KEYS], tail: undefined }
        : dot > 0 && stem in ASSUMPTION_KEYS
          ? { e: ASSUMPTION_KEYS[stem as keyof typeof ASSUMPTION_KEYS], tail: key.slice(key.lastIndexOf('.') + 1) }
          : undefined;
    if (!hit) return undefined;
    let i = 0;
    const named = hit.e[lang].replace(/#/g, () => nums[i++] ?? '#');
    // a budget rule's tail (`opsparing.at.carryOver`) by the rule's name, not its key
    const rule = hit.tail !== undefined && stem.startsWith('opsparing.') ? budgetRuleName(hit.tail, lang) : undefined;
    const tail = rule ?? hit.tail;
    const label = tail !== undefined ? `${named}: ${tail}` : named;
    return { label, unit: 'unit' in hit.e ? hit.e.unit : undefined };
  };
  const whole = own(path);
  if (whole) return whole;
  const dot = path.lastIndexOf('.');
  const param = path.slice(dot + 1);
  const base = dot > 0 && param in DIST_PARAMS ? own(path.slice(0, dot)) : undefined;
  if (base)
    return {
      label: `${base.label}: ${DIST_PARAMS[param][lang]}`,
      ...(param !== 'dist' && base.unit ? { unit: base.unit } : {}),
    };
  return { label: path };
}

/**
 * The model's equations as a scenario's assumptions state them (`model`): the value is the Danish
 * text (in the words of the source documents), shown in English with the English vocabulary.
 */
export const MODEL_EQUATIONS = {
  da: 'forbrug = P · (fast + enhedspris/1000 · forløb + e); forløb = henvendelser · visitationsrate · tiltag; merforbrug = forbrug − bevilling',
  en: 'spending = P · (fixed + unit/1000 · cases + e); cases = requests · visitation · measures; overspend = spending − appropriation',
} as const;

/**
 * The words of a scenario's assumptions that are values of its keys, not names (a distribution's
 * kind, the demand model, where the opsparing starts from, a rule without a limit, what a measure
 * acts on), by the last segment of the key (`dist`, `model`, …) and the value.
 */
const ASSUMPTION_VALUES: Record<string, Record<string, Record<Lang, string>>> = {
  dist: {
    fixed: { da: 'fast værdi', en: 'fixed value' },
    normal: { da: 'normalfordeling', en: 'normal distribution' },
    lognormal: { da: 'log-normalfordeling', en: 'log-normal distribution' },
    triangular: { da: 'trekantfordeling', en: 'triangular distribution' },
    uniform: { da: 'ligefordeling', en: 'uniform distribution' },
    empirical: { da: 'empirisk fordeling', en: 'empirical distribution' },
  },
  model: {
    growth: { da: 'årlig vækstrate', en: 'yearly growth rate' },
    forecast: { da: 'tidsserieprognose', en: 'time-series forecast' },
  },
  start: { data: { da: 'beregnet fra data', en: 'computed from the data' } },
  ref: {
    id: { da: 'tiltag i models/measures', en: 'measure in models/measures' },
    file: { da: 'fil', en: 'file' },
    inline: { da: 'skrevet i scenariet', en: 'written in the scenario' },
  },
  areas: {
    i_alt: { da: 'i alt', en: 'total' },
    voksne: { da: 'voksne', en: 'adults' },
    boern_unge: { da: 'børn og unge', en: 'children and young people' },
    specialundervisning: { da: 'specialundervisning', en: 'special education' },
    andet: { da: 'andet', en: 'other' },
  },
  actsOn: {
    henvendelser: { da: 'henvendelser', en: 'requests' },
    visitation: { da: 'visitationsraten', en: 'the visitation rate' },
    unit_cost: { da: 'prisen pr. forløb', en: 'the cost per case' },
    forloeb: { da: 'forløb', en: 'cases' },
  },
};

/**
 * A text value of a scenario's flattened assumptions in words: a distribution's kind, the demand
 * model, `null` (no limit), a correlation's inputs (`demand; visitationDrift`) by their names
 * (`inputName`); any other value as it is.
 *
 * @example
 * assumptionValue('demand.growth.dist', 'normal', 'en') // 'normal distribution'
 * assumptionValue('opsparing.cap', 'null', 'da')        // 'ingen'
 */
export function assumptionValue(path: string, value: string, lang: Lang = 'da'): string {
  if (value === 'null') return lang === 'da' ? 'ingen' : 'none';
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (last === 'model' && value === MODEL_EQUATIONS.da) return MODEL_EQUATIONS[lang];
  if (last === 'areas')
    return value
      .split(/;\s*|,\s*/)
      .map((x) => ASSUMPTION_VALUES.areas[x]?.[lang] ?? x)
      .join(lang === 'da' ? '; ' : ', ');
  if (last === 'between')
    return value
      .split(/;\s*|,\s*/)
      .map((x) => inputName(x, lang))
      .join(lang === 'da' ? '; ' : ', ');
  return ASSUMPTION_VALUES[last]?.[value]?.[lang] ?? value;
}
