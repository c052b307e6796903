/**
 * The words of the in-year follow-up in Danish (default) and English: labels, the assumption
 * and note codes of a `FollowUpResult`, and where each input comes from. Numbers go through
 * src/text/number.ts.
 */
import { formatMio, formatNumber, formatPct, type Lang } from '../text/number.js';
import { monthName } from '../text/date.js';
import type { AssumptionRow, FollowUpResult, Note, SourceRef } from '../followup/types.js';

type P = Record<string, string | number>;
type Words = { da: string; en: string };

const L_ = {
  title: { da: 'Opfølgning {year}: forventet regnskab', en: 'Follow-up {year}: expected outturn' },
  asOfMonths: { da: 'Opgjort pr. {date}: {n} af 12 måneder', en: 'As of {date}: {n} of 12 months' },
  asOfQuarters: { da: 'Opgjort pr. {date}: {n} af 4 kvartaler', en: 'As of {date}: {n} of 4 quarters' },
  summary: { da: 'Forventet regnskab {year}', en: 'Expected outturn {year}' },
  keyFigures: { da: 'Nøgletal {year}', en: 'Key figures {year}' },
  deviationCaption: {
    da: 'Afvigelsesforklaring pr. {month} (mod budgetprofilen)',
    en: 'Explanation of the deviation at {month} (against the budget profile)',
  },
  monthsCaption: {
    da: 'Måned for måned {year}: forbrug, budgetprofil og fremskrivning (akkumuleret, mio. kr.)',
    en: 'Month by month {year}: spending, budget profile and projection (cumulative, DKK million)',
  },
  backtestCaption: {
    da: 'Backtest: dækning af 80 %- og 95 %-intervallerne efter måned ({years} år)',
    en: 'Backtest: coverage of the 80% and 95% intervals by month ({years} years)',
  },
  assumptionsCaption: { da: 'Antagelser og kilder i opfølgningen', en: 'Assumptions and sources of the follow-up' },
  notes: { da: 'Bemærk', en: 'Note' },
  col: { da: '', en: '' },
  colMean: { da: 'Middel', en: 'Mean' },
  col95: { da: '95 %-interval', en: '95% interval' },
  colMonth: { da: 'Måned', en: 'Month' },
  colForbrug: { da: 'Forbrug', en: 'Spending' },
  colCumulative: { da: 'Akkumuleret', en: 'Cumulative' },
  colBudget: { da: 'Budgetprofil', en: 'Budget profile' },
  colDeviation: { da: 'Afvigelse', en: 'Deviation' },
  colStarts: { da: 'Startede forløb', en: 'Cases started' },
  colHenvendelser: { da: 'Henvendelser', en: 'Requests' },
  // a measure inside a sentence (the outlier warning)
  wordSpending: { da: 'forbrug', en: 'spending' },
  wordRequests: { da: 'henvendelser', en: 'requests' },
  wordStarts: { da: 'startede forløb', en: 'cases started' },
  colValue: { da: 'Værdi', en: 'Value' },
  colExplanation: { da: 'Forklaring', en: 'Explanation' },
  colYears: { da: 'År', en: 'Years' },
  colCov80: { da: 'Dækning 80 %', en: 'Coverage 80%' },
  colCov95: { da: 'Dækning 95 %', en: 'Coverage 95%' },
  colMape: { da: 'MAPE', en: 'MAPE' },
  colDataCov80: { da: 'Data alene: 80 %', en: 'Data only: 80%' },
  colDataCov95: { da: 'Data alene: 95 %', en: 'Data only: 95%' },
  colDataMape: { da: 'Data alene: MAPE', en: 'Data only: MAPE' },
  colAssumption: { da: 'Antagelse eller input', en: 'Assumption or input' },
  colSource: { da: 'Kilde', en: 'Source' },
  rowYearEnd: { da: 'Forventet regnskab (samlet skøn)', en: 'Expected outturn (combined)' },
  rowData: { da: 'Fremskrivning af årets måneder alene', en: "Projection from the year's months alone" },
  rowPrior: { da: 'Scenariemodel (prior): {name}', en: 'Scenario model (prior): {name}' },
  rowMerforbrug: { da: 'Merforbrug (forbrug − bevilling)', en: 'Overspend (spending − appropriation)' },
  rowToDate: { da: 'Forbrug til dato', en: 'Spending to date' },
  rowBudgetToDate: { da: 'Budget til dato (budgetprofil)', en: 'Budget to date (budget profile)' },
  rowDeviationToDate: { da: 'Afvigelse til dato', en: 'Deviation to date' },
  rowBevilling: { da: 'Bevilling {year}', en: 'Appropriation {year}' },
  rowOpsparing: { da: 'Brugbar opsparing', en: 'Usable savings' },
  rowP: { da: 'P(merforbrug {year})', en: 'P(overspend {year})' },
  rowPBeyond: { da: 'P(merforbrug ud over brugbar opsparing)', en: 'P(overspend beyond usable savings)' },
  rowWeight: { da: 'Scenariemodellens vægt i skønnet', en: 'Weight of the scenario model in the estimate' },
  rowVolume: { da: 'heraf volumen (antal forløb)', en: 'of which volume (number of cases)' },
  rowPrice: { da: 'heraf pris (pr. forløb)', en: 'of which price (per case)' },
  rowTiming: { da: 'heraf timing', en: 'of which timing' },
  rowAll: { da: 'Alle måneder', en: 'All months' },
  explVolume: {
    da: '{a} forløb startet mod {b} budgetteret; forløb med udgift til dato {ea} mod {eb}',
    en: '{a} cases started against {b} budgeted; cases with cost to date {ea} against {eb}',
  },
  explPriceCommitments: {
    da: '{a} pr. forløb efter indgåede aftaler mod {b} budgetteret',
    en: '{a} per case by commitments against {b} budgeted',
  },
  explPriceSpending: {
    da: '{a} pr. forløb efter forbruget mod {b} budgetteret',
    en: '{a} per case by spending against {b} budgeted',
  },
  explTiming: {
    da: 'resten: budgetprofilens og udgifternes placering i året',
    en: 'the rest: when in the year the budget profile and the spending fall',
  },
  explDeviation: {
    da: 'faktisk − budget; faste udgifter til dato {fixed}',
    en: 'actual − budget; fixed costs to date {fixed}',
  },
  weightExpl: {
    da: '0 % = kun årets måneder; falder efterhånden som måneder kommer til',
    en: "0% = the year's months only; falls as months come in",
  },
  opsparingExpl: {
    da: 'antagelse; angiv --opsparing for et andet beløb',
    en: 'assumption; give --opsparing for another amount',
  },
  opsparingSource: {
    da: 'se antagelserne (kilde); angiv --opsparing for et andet beløb',
    en: 'see the assumptions (source); give --opsparing for another amount',
  },
  mcSe: { da: 'MC-usikkerhed ±{se} pct.-point', en: 'MC error ±{se} pp' },
  method: {
    da: 'Metode: forventet regnskab = forbrug til dato + resten af året. Resten skønnes ud fra årets måneder (de startede forløbs resterende udgift og nye forløb i årets tempo, fordelt efter varighed; kalibreret på tidligere års månedsprofiler i filen) og vægtes med scenariemodellens forbrug for året som prior; jo flere måneder, jo mindre vægt har prioren.',
    en: "Method: expected outturn = spending to date + the rest of the year. The rest is estimated from the year's months (the remaining cost of cases already started and new cases at the year's pace, spread by duration; calibrated on the earlier years' monthly profiles in the file) and weighed with the scenario model's spending for the year as the prior; the more months, the less weight the prior has.",
  },
} satisfies Record<string, Words>;

/** Keys of the follow-up's fixed words. */
export type FollowUpKey = keyof typeof L_;

/**
 * A fixed follow-up text with `{name}` placeholders filled.
 *
 * @example
 * fuText('da', 'title', { year: 2025 }) // 'Opfølgning 2025: forventet regnskab'
 */
export function fuText(lang: Lang, key: FollowUpKey, params: P = {}): string {
  return L_[key][lang].replace(/\{(\w+)\}/g, (_, k: string) =>
    params[k] === undefined ? `{${k}}` : String(params[k]),
  );
}

const num = (x: string | number | undefined): number => Number(x);

/** Wording of each assumption code. */
const ASSUMPTIONS: Record<string, (p: P, L: Lang) => [string, string]> = {
  'prior.scenario': (p, L) =>
    L === 'da'
      ? [
          'Prior',
          `scenariemodellen "${p.name}" (${p.scenario}): forbrug ${p.year}, ${formatNumber(num(p.runs), 0, L)} kørsler, seed ${p.seed}`,
        ]
      : [
          'Prior',
          `the scenario model "${p.nameEn}" (${p.scenario}): spending ${p.year}, ${formatNumber(num(p.runs), 0, L)} runs, seed ${p.seed}`,
        ],
  'prior.none': (p, L) =>
    L === 'da'
      ? ['Prior', `ingen for ${p.year}: fremskrivning alene fra årets måneder`]
      : ['Prior', `none for ${p.year}: projection from the year's months alone`],
  'bevilling.option': (p, L) => [
    fuText(L, 'rowBevilling', p),
    `${formatMio(num(p.value), L)} (${L === 'da' ? 'angivet med' : 'given with'} --bevilling)`,
  ],
  'bevilling.file': (p, L) => [
    fuText(L, 'rowBevilling', p),
    `${formatMio(num(p.value), L)} (${L === 'da' ? 'summen af filens budgetkolonne' : "the sum of the file's budget column"})`,
  ],
  'bevilling.data': (p, L) => [fuText(L, 'rowBevilling', p), formatMio(num(p.value), L)],
  'bevilling.scenario': (p, L) => [
    fuText(L, 'rowBevilling', p),
    `${formatMio(num(p.value), L)} – ${L === 'da' ? 'scenariets' : "the scenario's"} ${String(L === 'da' ? p.label : p.labelEn).replace(/^(Antagelse|Assumption|Estimat|Estimate): /, (_, w: string) => `${w.toLowerCase()}: `)}`,
  ],
  'opsparing.default': (p, L) => [
    fuText(L, 'rowOpsparing'),
    `${formatMio(num(p.value), L)}: ${fuText(L, 'opsparingExpl')}`,
  ],
  'opsparing.budget': (p, L) => [
    fuText(L, 'rowOpsparing'),
    L === 'da'
      ? `${formatMio(num(p.value), L)}: saldoen ultimo ${p.year} beregnet af bevilling og forbrug i data efter budgetreglerne i ${p.file}; angiv --opsparing for et andet beløb`
      : `${formatMio(num(p.value), L)}: the balance at the end of ${p.year} computed from the data under the budget rules in ${p.file}; give --opsparing for another amount`,
  ],
  'opsparing.option': (p, L) => [
    fuText(L, 'rowOpsparing'),
    `${formatMio(num(p.value), L)} (${L === 'da' ? 'angivet med' : 'given with'} --opsparing)`,
  ],
  'budgetForloeb.option': (p, L) => [
    L === 'da' ? `Budgetterede forløb ${p.year}` : `Budgeted cases ${p.year}`,
    `${formatNumber(num(p.value), 0, L)} (--budget-forloeb)`,
  ],
  'budgetForloeb.scenario': (p, L) => [
    L === 'da' ? `Budgetterede forløb ${p.year}` : `Budgeted cases ${p.year}`,
    `${formatNumber(num(p.value), 0, L)} (${L === 'da' ? 'scenariets median' : "the scenario's median"}, ${p.scenario})`,
  ],
  'budgetForloeb.lastYear': (p, L) => [
    L === 'da' ? `Budgetterede forløb ${p.year}` : `Budgeted cases ${p.year}`,
    `${formatNumber(num(p.value), 0, L)} (${L === 'da' ? `som ${p.last} i filen` : `as ${p.last} in the file`})`,
  ],
  'budgetForloeb.data': (p, L) => [
    L === 'da' ? `Budgetterede forløb ${p.year}` : `Budgeted cases ${p.year}`,
    `${formatNumber(num(p.value), 0, L)} (${L === 'da' ? `som ${p.last}` : `as ${p.last}`})`,
  ],
  'budgetProfile.history': (p, L) => [
    fuText(L, 'colBudget'),
    L === 'da'
      ? `bevillingen fordelt som gennemsnittet af ${p.count} tidligere års månedsprofil i filen (${p.years})`
      : `the appropriation spread like the mean monthly profile of ${p.count} earlier years in the file (${p.years})`,
  ],
  'budgetProfile.file': (_p, L) => [
    fuText(L, 'colBudget'),
    L === 'da' ? 'filens budgetkolonne' : "the file's budget column",
  ],
  'budgetProfile.structural': (_p, L) => [
    fuText(L, 'colBudget'),
    L === 'da'
      ? 'bevillingen fordelt efter de budgetterede forløbs udgifter over året'
      : 'the appropriation spread by the cost of the budgeted cases over the year',
  ],
  'budgetProfile.steady-state': (_p, L) => [
    fuText(L, 'colBudget'),
    L === 'da'
      ? 'bevillingen fordelt efter startprofil og varighed (stabil tilstand)'
      : 'the appropriation spread by start profile and duration (steady state)',
  ],
  fixedShare: (p, L) => [
    L === 'da' ? 'Faste udgifter' : 'Fixed costs',
    L === 'da'
      ? `${formatPct(num(p.value), L, 0)} af forbruget følger ikke antal forløb (jævnt fordelt over året)`
      : `${formatPct(num(p.value), L, 0)} of spending does not follow the number of cases (spread evenly)`,
  ],
  duration: (p, L) => [
    L === 'da' ? 'Forløbenes varighed' : 'Duration of cases',
    L === 'da'
      ? `gennemsnit ${formatNumber(num(p.mean), 1, L)} måneder; ${formatPct(num(p.share68), L, 0)} varer 6–8 måneder`
      : `mean ${formatNumber(num(p.mean), 1, L)} months; ${formatPct(num(p.share68), L, 0)} last 6–8 months`,
  ],
  'duration.year': (p, L) => [
    L === 'da' ? `Varighed ${p.year}` : `Duration ${p.year}`,
    L === 'da'
      ? `forløb startet i ${p.year} ${num(p.shift) >= 0 ? '+' : ''}${p.shift} måned`
      : `cases started in ${p.year} ${num(p.shift) >= 0 ? '+' : ''}${p.shift} month`,
  ],
  'startProfile.history': (p, L) => [
    L === 'da' ? 'Startprofil' : 'Start profile',
    L === 'da'
      ? `andel af årets forløb, der starter i hver måned: skønnet fra ${p.count} års startede forløb i filen (${p.years})`
      : `share of the year's cases starting in each month: estimated from ${p.count} years of started cases in the file (${p.years})`,
  ],
  'startProfile.file': (p, L) => [
    L === 'da' ? 'Startprofil' : 'Start profile',
    L === 'da'
      ? num(p.flat)
        ? 'flad (lige mange forløb starter hver måned)'
        : 'fra modelfilen'
      : num(p.flat)
        ? 'flat (as many cases start each month)'
        : 'from the model file',
  ],
  profileNoise: (p, L) => [
    L === 'da' ? 'Usikkerhed om årets profil' : "Uncertainty of the year's profile",
    L === 'da'
      ? `før historik som ±${formatPct(num(p.cv), L, 0)} uafhængig variation pr. måned (vægt ${formatNumber(num(p.priorYears), 0, L)} år); ${p.years} års historik i filen`
      : `before history as ±${formatPct(num(p.cv), L, 0)} independent variation a month (weight ${formatNumber(num(p.priorYears), 0, L)} years); ${p.years} years of history in the file`,
  ],
  startsCv: (p, L) => [
    L === 'da' ? 'Variation i nye forløb' : 'Variation of new cases',
    L === 'da'
      ? `fra måned til måned: antaget ${formatPct(num(p.value), L, 0)}, efter årets måneder ${formatPct(num(p.used), L, 1)}`
      : `from month to month: assumed ${formatPct(num(p.value), L, 0)}, after the year's months ${formatPct(num(p.used), L, 1)}`,
  ],
  'carryIn.assumed': (p, L) => [
    L === 'da' ? 'Forløb fra før året' : 'Cases from before the year',
    L === 'da'
      ? `forløb startet i ${p.years} er ikke i filen: antaget i samme tempo som ${p.year}`
      : `cases started in ${p.years} are not in the file: assumed at the pace of ${p.year}`,
  ],
};

/**
 * An assumption row as [what, value and meaning] in the language.
 *
 * @example
 * assumptionText(r.assumptions[0], 'da') // ['Prior', 'scenariemodellen "Basisforløb …" (baseline): …']
 */
export function assumptionText(a: AssumptionRow, lang: Lang): [string, string] {
  const f = ASSUMPTIONS[a.code];
  return f ? f(a.params, lang) : [a.code, JSON.stringify(a.params)];
}

/**
 * Where an input comes from, for a table cell: `models/followup.yaml:20`, `--bevilling`, a document.
 *
 * @example
 * sourceText({ file: 'models/timing.yaml', line: 10, source: 'aarsrapport2020#afsnit1.1' }) // 'models/timing.yaml:10 (aarsrapport2020#afsnit1.1)'
 */
export function sourceText(at: SourceRef): string {
  const where = at.file ? `${at.file}${at.line ? `:${at.line}` : ''}` : '';
  if (where && at.source) return `${where} (${at.source})`;
  return where || at.source || '';
}

const NOTES: Record<string, (p: P, L: Lang) => string> = {
  illustrative: (_p, L) =>
    L === 'da'
      ? 'ILLUSTRATIVE DATA: filen siger selv, at månedstallene er genererede eksempler, ikke VISOs faktiske tal. Resultaterne viser kun, at beregningen virker.'
      : "ILLUSTRATIVE DATA: the file says its monthly figures are generated examples, not VISO's actual figures. The results only show that the calculation works.",
  'backtest.illustrative': (p, L) =>
    L === 'da'
      ? `Backtesten over ${p.years} år er kørt på illustrative data: dækningen viser kun, at beregningen virker, og er ikke evidens for præcision.`
      : `The backtest over ${p.years} years ran on illustrative data: the coverage shows only that the calculation works and is not evidence of accuracy.`,
  'backtest.real': (p, L) =>
    L === 'da'
      ? `Backtest over ${p.years} år: hvert år er fremskrevet alene med de forudgående år som historik og et årligt tidsserieskøn som prior; få år giver svag evidens.`
      : `Backtest over ${p.years} years: each year is projected with only the years before it as history and an annual time-series forecast as prior; few years are weak evidence.`,
  'prior.outside': (p, L) =>
    L === 'da'
      ? `Scenariet ${p.scenario} simulerer ${p.from}–${p.to}, ikke ${p.year}: ingen prior, fremskrivning alene fra årets måneder.`
      : `Scenario ${p.scenario} simulates ${p.from}–${p.to}, not ${p.year}: no prior, projection from the year's months alone.`,
  'deviation.noCommitments': (_p, L) =>
    L === 'da'
      ? 'Uden indgåede aftaler kan pris og timing ikke skilles helt ad: forskydninger i faktureringen tæller som pris.'
      : 'Without commitments, price and timing cannot be told fully apart: shifts in invoicing count as price.',
  'deviation.noStarts': (p, L) =>
    L === 'da'
      ? `Filen har ingen startede forløb for ${p.year}: afvigelsen kan ikke deles i volumen, pris og timing.`
      : `The file has no started cases for ${p.year}: the deviation cannot be split into volume, price and timing.`,
  'deviation.noBudgetForloeb': (p, L) =>
    L === 'da'
      ? `Intet budgetteret antal forløb for ${p.year}: angiv --budget-forloeb for at dele afvigelsen i volumen, pris og timing.`
      : `No budgeted number of cases for ${p.year}: give --budget-forloeb to split the deviation into volume, price and timing.`,
  quarterly: (_p, L) =>
    L === 'da'
      ? 'Kvartalstal: hvert kvartal er fordelt ligeligt på sine tre måneder.'
      : 'Quarterly figures: each quarter is spread evenly over its three months.',
  ignoredColumns: (p, L) =>
    L === 'da' ? `Kolonner, der ikke bruges: ${p.columns}.` : `Columns not used: ${p.columns}.`,
  noSizes: (_p, L) =>
    L === 'da'
      ? 'Filen har hverken startede forløb eller indgåede aftaler: årets profil er startprofil × varighed.'
      : "The file has neither started cases nor commitments: the year's profile is start profile × duration.",
  outlier: (p, L) => {
    const where = `${p.file}${p.cell ? `: ${p.cell}` : `:${p.line}`}${p.column ? `, ${L === 'da' ? 'kolonne' : 'column'} ${p.column}` : ''}`;
    const own = num(p.basisYear) === num(p.year);
    const f = formatNumber(num(p.factor), 0, L);
    // forbrug in mio. kr. (one decimal), the counts (henvendelser, forloeb) as whole numbers; a note without a measure is forbrug's
    const count = p.measure === 'henvendelser' || p.measure === 'forloeb';
    const v = (x: number) => (count ? formatNumber(x, 0, L) : formatMio(x, L));
    const r = (x: number) => formatNumber(x, count ? 0 : 1, L);
    const range = `${r(num(p.lo))}–${r(num(p.hi))}`;
    const what = fuText(
      L,
      p.measure === 'henvendelser' ? 'wordRequests' : p.measure === 'forloeb' ? 'wordStarts' : 'wordSpending',
    );
    const q = p.g === 'quarter';
    return L === 'da'
      ? `Advarsel: ${where}: ${what} ${p.label} er ${v(num(p.value))} ("${p.text}"), ${p.side === 'high' ? `over ${f} gange` : `under 1/${f} af`} ${own ? 'årets' : `${p.basisYear}s`} ${q ? 'mediane kvartal' : 'mediane måned'} (${v(num(p.median))}; de øvrige ${q ? 'kvartaler' : 'måneder'} i ${p.basisYear}: ${range}). Tjek for en tastefejl; tallet er brugt, som det står.`
      : `Warning: ${where}: ${what} ${p.label} is ${v(num(p.value))} ("${p.text}"), ${p.side === 'high' ? `more than ${f} times` : `less than 1/${f} of`} the median ${q ? 'quarter' : 'month'} of ${own ? 'the year' : p.basisYear} (${v(num(p.median))}; the other ${q ? 'quarters' : 'months'} of ${p.basisYear}: ${range}). Check for a typo; the figure is used as it stands.`;
  },
  yearFromTitle: (p, L) =>
    L === 'da'
      ? `Månederne står uden år: året ${p.year} er taget fra titlen (linje ${p.line}: "${p.text}"); angiv --year for et andet.`
      : `The months have no year: the year ${p.year} is taken from the title (line ${p.line}: "${p.text}"); give --year for another.`,
  complete: (p, L) =>
    L === 'da'
      ? `Hele ${p.year} er opgjort: det forventede regnskab er det faktiske.`
      : `All of ${p.year} is in: the expected outturn is the actual one.`,
};

/**
 * A note of the result in the language.
 *
 * @example
 * noteText({ code: 'quarterly', params: {} }, 'en') // 'Quarterly figures: each quarter is spread evenly over its three months.'
 */
export function noteText(n: Note, lang: Lang): string {
  const f = NOTES[n.code];
  return f ? f(n.params, lang) : n.code;
}

/**
 * The month the follow-up is made at, for captions: `juni` / `June` (or `2. kvt.` / `Q2`).
 *
 * @example
 * asOfLabel(result, 'da') // 'juni 2025'
 */
export function asOfLabel(r: Pick<FollowUpResult, 'asOf' | 'year' | 'granularity'>, lang: Lang): string {
  if (r.granularity === 'quarter') return lang === 'da' ? `${r.asOf / 3}. kvt. ${r.year}` : `Q${r.asOf / 3} ${r.year}`;
  return `${monthName(r.asOf, lang)} ${r.year}`;
}
