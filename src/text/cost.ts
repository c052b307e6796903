/**
 * The words of the cost engine (src/cost/): the notes of the unit-cost table, the cost model's
 * diagnostics and alternative specifications, the forløb mix and the demand funnel, and the label
 * of a PL index. The engine returns these codes with their parameters (`Msg`); the wording layer
 * (src/report/costText.ts, the report steps) words them with `say`/`sayMsg`. A section of the one
 * dictionary (`MESSAGES` in messages.ts).
 */
import { formatMio, formatNumber, formatPct, writtenDecimals, type Lang } from './number.js';
import type { Entry, Params } from './messages.js';

const e = <T extends Record<string, Entry>>(t: T): T => t;

/** A number parameter. */
const num = (p: Params, k: string): number => Number(p[k]);
/** A decimal number as written in the source, with a Danish decimal comma. */
const comma = (x: number): string => String(x).replace('.', ',');
/** An amount in mio. kr. as written in the source, in English (`DKK 1.2m`, as formatMio writes it). */
const mioEn = (x: number): string => formatMio(x, 'en', writtenDecimals(x));
/** A list parameter (numbers joined by `, `). */
const list = (p: Params, k: string): string => String(p[k] ?? '');

export const COST_TEXTS = e({
  // notes of a row of the unit-cost table (unitCost.ts)
  'cost.err.dataset': {
    da: '{name} skal være et Dataset (fx loadBundled()), fik {got}',
    en: '{name} must be a Dataset (e.g. loadBundled()), got {got}',
  },
  'cost.err.prices': {
    da: 'prices skal være "current" (løbende priser) eller "fixed" (faste priser), fik {got}',
    en: 'prices must be "current" or "fixed", got {got}',
  },
  'cost.err.plYears': {
    da: 'plIndex: year og baseYear skal være årstal (hele tal) højst {max} år fra hinanden, fik year {year} og baseYear {baseYear}',
    en: 'plIndex: year and baseYear must be years (integers) at most {max} years apart, got year {year} and baseYear {baseYear}',
  },
  'cost.row.covid': {
    da: (p) => `ekskl. COVID-19-merudgifter ${comma(num(p, 'mio'))} mio. kr.`,
    en: (p) => `excl. COVID-19 extra costs ${mioEn(num(p, 'mio'))}`,
  },
  'cost.row.estimated': { da: 'forløb indeholder en estimeret andel', en: 'cases contain an estimated share' },
  'cost.row.registrationBreak': {
    da: 'registreringsbrud: nye forløbstyper, ikke sammenlignelig',
    en: 'registration break: new case types, not comparable',
  },
  'cost.row.ambiguousAccount': {
    da: 'kilden angiver ikke kontoen for forbruget',
    en: 'spending account not stated in source',
  },
  'cost.row.noForbrug': { da: 'intet forbrug', en: 'no spending' },
  'cost.row.noForloeb': { da: 'ingen forløb', en: 'no cases' },

  // the cost model's diagnostic notes (model.ts)
  'cost.note.tinySample': {
    da: 'Meget lille stikprøve: {n} år, {df} frihedsgrader; intervallerne er t-baserede og brede.',
    en: 'Tiny sample: {n} years, {df} residual degrees of freedom; intervals are t-based and wide.',
  },
  'cost.note.missingYears': {
    da: 'År uden både forbrug og forløb indgår ikke: {years}.',
    en: 'Years without both spending and cases are not used: {years}.',
  },
  'cost.note.excludedYears': {
    da: 'Udeladt efter valg: {years}.',
    en: 'Years excluded by choice: {years}.',
  },
  'cost.note.break': {
    da: 'Registreringsbruddet fra {year} (nye forløbstyper, ændret registrering fra november 2023) er en niveauskift-indikator, ikke en trend.',
    en: 'Registration break from {year} (new case types, changed registration from November 2023) is a level-shift indicator, not a trend.',
  },
  'cost.note.onePostBreakYear': {
    da: 'Kun {year} ligger efter bruddet: året passes eksakt af indikatoren og påvirker ikke den marginale omkostning; de faste omkostninger i det nuværende regime hviler på dette ene år.',
    en: 'Only {year} lies after the break: it is fitted exactly by the indicator and does not inform the marginal cost; the current-regime fixed cost rests on that one year.',
  },
  'cost.note.postBreakYears': {
    da: 'Årene efter bruddet ({years}) påvirker den marginale omkostning gennem deres forskel, som registreringsændringen kan forvride.',
    en: 'The post-break years {years} inform the marginal cost through their difference, which the registration change may distort.',
  },
  'cost.note.estimated': {
    da: 'Forløb 2020 indeholder en estimeret andel af potentielle forløb; residual og leverage vises.',
    en: '2020 cases contain an estimated share of potential cases; its residual and leverage are shown.',
  },
  'cost.note.covid': {
    da: (p) =>
      `Forbrug ${list(p, 'year')} indgår uden de ${comma(num(p, 'mio'))} mio. kr. ekstraordinære COVID-19-udgifter.`,
    en: (p) => `Spending ${list(p, 'year')} is used without the ${mioEn(num(p, 'mio'))} COVID-19 extra costs.`,
  },
  'cost.note.ambiguousAccount': {
    da: 'Forbrug 2022–2024 stammer fra et faktaark, der ikke nævner kontoen (antaget §15.11.31.10).',
    en: 'Spending 2022–2024 comes from a fact sheet that does not name the account (assumed §15.11.31.10).',
  },
  'cost.note.leverage': {
    da: (p) =>
      `${list(p, 'year')} har høj leverage (${num(p, 'h').toFixed(2)} > 2p/n = ${num(p, 'limit').toFixed(2)}).`,
    en: (p) =>
      `${list(p, 'year')} has high leverage (${num(p, 'h').toFixed(2)} > 2p/n = ${num(p, 'limit').toFixed(2)}).`,
  },
  'cost.note.influential': {
    da: (p) => `${list(p, 'year')} er indflydelsesrig (Cook's D ${num(p, 'd').toFixed(2)} > 4/n).`,
    en: (p) => `${list(p, 'year')} is influential (Cook's D ${num(p, 'd').toFixed(2)} > 4/n).`,
  },
  'cost.note.dropOne': {
    da: (p, lang) =>
      `Udelades ét år ad gangen, ligger den marginale omkostning mellem ${formatNumber(num(p, 'min'), 0, lang)} og ${formatNumber(num(p, 'max'), 0, lang)} kr. pr. forløb.`,
    en: (p, lang) =>
      `Leaving one year out moves the unit cost between ${formatNumber(num(p, 'min'), 0, lang)} and ${formatNumber(num(p, 'max'), 0, lang)} DKK per case.`,
  },

  // the alternative specifications of costModelSensitivity (model.ts); prices: current | fixed
  'cost.spec.main': {
    da: (p) => `hovedmodel: ${p.prices === 'current' ? 'løbende' : 'faste'} priser, brud ${p.breakYear ?? 'intet'}`,
    en: (p) => `main: ${p.prices} prices, break ${p.breakYear ?? 'none'}`,
  },
  'cost.spec.break2023': {
    da: 'brud 2023 (2023–2024 bestemmer hældningen)',
    en: 'break 2023 (2023–2024 inform the slope)',
  },
  'cost.spec.noBreak': { da: 'ingen brud-indikator', en: 'no break indicator' },
  'cost.spec.without2020': { da: 'uden 2020 (estimerede forløb)', en: 'without 2020 (estimated cases)' },
  'cost.spec.otherPrices': {
    da: (p) => `${p.prices === 'current' ? 'løbende' : 'faste'} priser`,
    en: (p) => `${p.prices} prices`,
  },
  'cost.spec.cohortTiming': {
    da: (p) =>
      `kohorte-timing: forbrug fra forløb startet i året og året før (${Math.round(num(p, 'share') * 100)} % / ${Math.round((1 - num(p, 'share')) * 100)} %, models/timing.yaml)`,
    en: (p) =>
      `cohort timing: spending from cases started in the year and the year before (${Math.round(num(p, 'share') * 100)}% / ${Math.round((1 - num(p, 'share')) * 100)}%, models/timing.yaml)`,
  },

  // the notes of the forløb mix (mix.ts)
  'cost.mix.noCostByType': {
    da: 'Forbruget opgøres ikke pr. forløbstype, så en enhedsomkostning pr. type kan ikke estimeres; omkostningsmodellen bruger forløb i alt.',
    en: 'Spending is not reported by case type, so a separate unit cost per type cannot be estimated; the cost model uses total cases.',
  },
  'cost.mix.gruppeShare': {
    da: (p) =>
      `Gruppeforløb udgjorde ${(num(p, 'min') * 100).toFixed(1).replace('.', ',')}–${(num(p, 'max') * 100).toFixed(1).replace('.', ',')} % af alle forløb 2015–2020: en for stabil andel til at flytte enhedsomkostningen målbart.`,
    en: (p) =>
      `Group cases (gruppeforløb) were ${(num(p, 'min') * 100).toFixed(1)}–${(num(p, 'max') * 100).toFixed(1)} % of all cases 2015–2020: too stable a share to move the unit cost measurably.`,
  },
  'cost.mix.newTypes': {
    da: 'Målgruppeforløb (2023–) og temaforløb (2024–) kom med registreringsændringen i november 2023; sammen med den nye registreringspraksis behandles de som et strukturelt brud (niveauskift), ikke som en trend.',
    en: 'Target-group cases (målgruppeforløb, 2023–) and theme cases (temaforløb, 2024–) arrived with the registration change of November 2023; together with the new registration practice they are treated as a structural break (level shift), not as a trend.',
  },
  'cost.mix.totalIncludes': {
    da: 'Kilderne siger ikke, om totalen omfatter gruppe-, målgruppe- og temaforløb; enkelt = i alt − øvrige typer forudsætter, at den gør.',
    en: 'The sources do not say whether the total includes group, target-group and theme cases; individual cases (enkelt) = total − reported other types assumes it does.',
  },

  // the notes of forecastFunnel (funnel.ts); {what} is one of the two link names below
  'cost.funnel.henvendelser': { da: 'henvendelser', en: 'requests' },
  'cost.funnel.visitationRate': { da: 'visitationsrate', en: 'visitation rate' },
  'cost.funnel.rateBreak': {
    da: 'visitationsrate: niveauskift fra {year} (registreringsbrud), ikke en trend',
    en: 'visitation rate: level shift from {year} (registration break), not a trend',
  },
  'cost.funnel.areaNoForbrug': {
    da: 'forbrug modelleres kun i alt (data har ikke forbrug pr. hovedområde)',
    en: 'spending is only modelled in total (no spending by main area in the data)',
  },
  'cost.funnel.longGap': {
    da: '{what}: {from}–{to} mangler; kun {since} og frem bruges',
    en: '{what}: {from}–{to} missing; only {since} onwards is used',
  },
  'cost.funnel.interpolated': {
    da: '{what}: {span} mangler; lineært interpoleret, kun til tilpasningen',
    en: '{what}: {span} missing; linearly interpolated for fitting only',
  },

  // the cost assumption files (models/cost.yaml, pl.yaml, timing.yaml; viso cost --assumptions FILE)
  'cost.schema.monthsKey': { da: 'et helt antal måneder som nøgle', en: 'a whole number of months as key' },
  'cost.schema.yearKey': { da: 'et firecifret årstal som nøgle', en: 'a four-digit year as key' },
  'cost.schema.indexId': { da: 'et indeks-id af små bogstaver', en: 'a lower-case index id' },
  'cost.load.duration': {
    da: 'en varighed på 1–{max} måneder for duration.months',
    en: 'a duration of 1–{max} months for duration.months',
  },
  'cost.load.positiveDuration': {
    da: 'mindst én varighed med en positiv andel',
    en: 'at least one duration with a positive share',
  },
  'cost.load.positiveMonth': {
    da: 'mindst én måned med en positiv andel',
    en: 'at least one month with a positive share',
  },
  'cost.load.index': {
    da: 'et indeks defineret under indices ({ids}) for uses.{key}',
    en: 'an index defined under indices ({ids}) for uses.{key}',
  },
  'cost.load.breakYear': {
    da: 'et brudår efter 2014 (det første år med forløb)',
    en: 'a break year after 2014 (the first year with cases)',
  },
  /** `names`: the coefficients (fixed, unit, break_<year>). */
  'cost.fit.years': {
    da: 'cost_model.exclude_years, der efterlader mindst {n} år med både forbrug og forløb til at estimere {names}',
    en: 'cost_model.exclude_years leaving at least {n} years with both spending and cases to fit {names}',
  },
  /** `years`: the years left, joined by `, ` (empty: none). */
  'cost.fit.found': {
    da: (p) => `${num(p, 'n')} år (${list(p, 'years') || 'ingen'})`,
    en: (p) => `${num(p, 'n')} years (${list(p, 'years') || 'none'})`,
  },
});

/**
 * A PL index as its label shows it: name (Danish, English), file, listed rates and the default,
 * each rate with its source (Danish `source`, English `sourceEn`; without it English shows `source`).
 */
export interface PlLabelParts {
  name: string;
  nameEn?: string;
  file: string;
  rates: { year: number | string; rate: number; source: string; sourceEn?: string }[];
  default: { rate: number; source: string; sourceEn?: string };
}

/**
 * The label of a PL index in a language: its name, the listed rates with sources and the default
 * for other years.
 *
 * @example
 * plIndexLabel({ name: 'Lønindeks', file: 'pl.yaml', rates: [], default: { rate: 0.02, source: 'x' } }, 'da')
 * // 'Lønindeks (pl.yaml): øvrige år 2,0 % (x)'
 */
export function plIndexLabel(ix: PlLabelParts, lang: Lang): string {
  const name = lang === 'en' ? (ix.nameEn ?? ix.name) : ix.name;
  const src = (e: { source: string; sourceEn?: string }): string =>
    lang === 'en' ? (e.sourceEn ?? e.source) : e.source;
  const listed = ix.rates.map((e) => `${e.year} ${formatPct(e.rate, lang)} (${src(e)})`);
  const other = `${lang === 'da' ? 'øvrige år' : 'other years'} ${formatPct(ix.default.rate, lang)} (${src(ix.default)})`;
  return `${name} (${ix.file}): ${[...listed, other].join('; ')}`;
}

/**
 * The rates of an index over a span of years, the years of one rate joined (`3,0 % i 2025 og 2,0 % om året
 * 2026–2030`), for the sentence of an indexed bevilling (scenario.src.bevillingPlIndex).
 *
 * @example
 * plRatesText([2025, 2026, 2027], (y) => (y === 2025 ? 0.03 : 0.02), 'da') // '3,0 % i 2025 og 2,0 % om året 2026–2027'
 */
export function plRatesText(years: readonly number[], rate: (year: number) => number, lang: Lang): string {
  const runs: { rate: number; from: number; to: number }[] = [];
  for (const y of years) {
    const r = rate(y);
    const last = runs.at(-1);
    if (last && last.rate === r && last.to === y - 1) last.to = y;
    else runs.push({ rate: r, from: y, to: y });
  }
  const parts = runs.map((x) =>
    x.from === x.to
      ? `${formatPct(x.rate, lang)} ${lang === 'da' ? 'i' : 'in'} ${x.from}`
      : `${formatPct(x.rate, lang)} ${lang === 'da' ? 'om året' : 'a year'} ${x.from}–${x.to}`,
  );
  const and = lang === 'da' ? ' og ' : ' and ';
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')}${and}${parts.at(-1)}` : (parts[0] ?? '');
}
