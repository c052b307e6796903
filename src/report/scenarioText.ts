/**
 * The words of the scenario engine's results in Danish (default) and English: the terminal tables
 * of `viso scenario run|compare|goal-seek|sensitivity|backtest`, a scenario's name and assumption
 * labels in the chosen language, and the inputs with their sources. The engine (src/scenario/)
 * returns data; numbers go through src/text/number.ts.
 */
import { textTable } from '../text/table.js';
import { formatMio, formatNumber, formatPct, formatPp, writtenDecimals, type Lang } from '../text/number.js';
import { inputLabel, inputValueText, say, sayMsg } from '../text/messages.js';
import { kRangeAlong, spanText, spreadKFrom } from './kHorizon.js';
import { assumptionKey, assumptionValue, inputName, sampledValueText } from '../text/terms.js';
import { t } from '../text/report.js';
import type { DistSpec } from '../stats/distributions.js';
import type { InputInfo, InputSource, ScenarioDef, ScenarioResult } from '../scenario/types.js';
import type { GoalSeekNoSolution, GoalSeekOutcome } from '../scenario/goal-seek.js';
import type { SensitivityResult } from '../scenario/sensitivity.js';
import type { GoalTarget } from '../scenario/target.js';
import type { ScenarioBacktest } from '../scenario/backtest.js';
import { bevillingLabels, type ResolvedInputs } from '../scenario/inputs.js';

const T = {
  da: {
    year: 'År',
    bev: 'Bevilling',
    f5: 'Forbrug P5',
    f50: 'Forbrug P50',
    f95: 'Forbrug P95',
    em: 'Forv. merforbrug',
    p: 'P(merforbrug>0)',
    henv: 'Henvendelser P50',
    forl: 'Forløb P50',
    unit: 'Kr./forløb P50 (1.000)',
    runs: 'kørsler',
    seed: 'seed',
    above: (x: string) => `P(forbrug>${x})`,
    money: 'Beløb i mio. kr., løbende priser.',
    hist: 'Kvantiler fra histogram (fast hukommelse).',
    paths: (method: string, df: string) =>
      `Efterspørgsel fra prognosen (${method}): stier fra en Student t-fordeling med ν = ${df} frihedsgrader.`,
    pathsNormal: (method: string) => `Efterspørgsel fra prognosen (${method}): normalfordelte stier.`,
    dp: (id: string) => `${id} forskel P (pct.-point)`,
    dem: (id: string) => `${id} forskel merforbrug`,
    eo: 'Forv. overskridelse',
    diffs: (first: string, seedNote: string) =>
      `Forskelle mod ${first}${seedNote}; forv. overskridelse = E[max(merforbrug; 0)].`,
    sameSeed: ' med samme seed (fælles tilfældige tal: forskellene er scenariernes, ikke Monte Carlo-støj)',
    otherSeed: ' (scenarierne har forskellige seeds: forskellene indeholder Monte Carlo-støj)',
    pOps: 'P(>bev.+opsparing)',
    ops: 'Opsparing forv.',
    opsI: 'Opsparing P5–P95',
    opsNote: (perm: boolean, file: string, source?: string) =>
      `Opsparing: saldo ved årets udgang efter reglerne i ${file}. P(merforbrug>0) er sandsynligheden for at skulle bruge opsparing${perm ? ` (kræver departementets tilladelse${source ? `, ${source}` : ''})` : ''} eller få ekstra bevilling; P(>bev.+opsparing) at heller ikke den brugbare opsparing dækker.`,
  },
  en: {
    year: 'Year',
    bev: 'Appropriation',
    f5: 'Spending P5',
    f50: 'Spending P50',
    f95: 'Spending P95',
    em: 'Exp. overspend',
    p: 'P(overspend>0)',
    henv: 'Requests P50',
    forl: 'Cases P50',
    unit: 'DKK/case P50 (1,000)',
    runs: 'runs',
    seed: 'seed',
    above: (x: string) => `P(spending>${x})`,
    money: 'Amounts in DKK million, current prices.',
    hist: 'Quantiles from a histogram (fixed memory).',
    paths: (method: string, df: string) =>
      `Demand from the forecast (${method}): paths from a Student t distribution with ν = ${df} degrees of freedom.`,
    pathsNormal: (method: string) => `Demand from the forecast (${method}): normal paths.`,
    dp: (id: string) => `${id} difference P (percentage points)`,
    dem: (id: string) => `${id} difference overspend`,
    eo: 'Exp. overrun',
    diffs: (first: string, seedNote: string) =>
      `Differences against ${first}${seedNote}; exp. overrun = E[max(overspend, 0)].`,
    sameSeed: ' with the same seed (common random numbers: the differences are the scenarios’, not Monte Carlo noise)',
    otherSeed: ' (the scenarios have different seeds: the differences include Monte Carlo noise)',
    pOps: 'P(>appr.+savings)',
    ops: 'Savings exp.',
    opsI: 'Savings P5–P95',
    opsNote: (perm: boolean, file: string, source?: string) =>
      `Savings: balance at the end of the year under the rules in ${file}. P(overspend>0) is the chance of having to use savings${perm ? ` (needs the department’s permission${source ? `, ${source}` : ''})` : ''} or get an extra appropriation; P(>appr.+savings) that even the usable savings do not cover it.`,
  },
};

/**
 * A scenario's name in the user's language: `name_en` from the scenario file for English when it has one,
 * else the (Danish) `name`.
 *
 * @example
 * scenarioName({ name: 'Basisforløb', nameEn: 'Baseline' }, 'en') // 'Baseline'
 * scenarioName({ name: 'Basisforløb' }, 'en') // 'Basisforløb'
 */
export function scenarioName(s: { name: string; nameEn?: string }, lang: Lang = 'da'): string {
  return lang === 'en' ? (s.nameEn ?? s.name) : s.name;
}

/**
 * An assumption's label in the user's language: `labelEn` for English when there is one, else `label`.
 *
 * @example
 * assumptionLabel({ label: 'Antaget PL 2,0 %', labelEn: 'Assumed PL 2.0%' }, 'en') // 'Assumed PL 2.0%'
 */
export function assumptionLabel(
  a: { label?: string; labelEn?: string } | undefined,
  lang: Lang = 'da',
): string | undefined {
  return lang === 'en' ? (a?.labelEn ?? a?.label) : a?.label;
}

/**
 * The bevilling assumption in one sentence in `lang` (the engine's `bevillingLabels` carries both).
 *
 * @example
 * bevillingLabel(def, resolveInputs(def), 'da') // 'Estimat: bevillingens udvikling som random walk med drift …'
 */
export function bevillingLabel(def: ScenarioDef, r: ResolvedInputs, lang: Lang = 'da'): string {
  return assumptionLabel(bevillingLabels(def, r), lang) ?? '';
}

/**
 * A result's assumptions for display in `lang`: the labels of `pl`, `plBevilling` and `bevilling` in that language
 * (the English `labelEn` fields folded into `label`). The result itself keeps both.
 *
 * @example
 * localizeAssumptions(result.assumptions, 'en').pl // { default: 0.02, …, label: 'Assumed PL indexation …' }
 */
export function localizeAssumptions(a: Record<string, unknown>, lang: Lang = 'da'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const k of ['pl', 'plBevilling', 'bevilling']) {
    const v = a[k] as { label?: string; labelEn?: string } | undefined;
    if (!v || typeof v !== 'object') continue;
    const { labelEn: _en, ...rest } = v;
    const label = assumptionLabel(v, lang);
    out[k] = label === undefined ? rest : { ...rest, label };
  }
  return out;
}

/**
 * The `viso scenario run` table.
 *
 * @example
 * formatScenarioResult(runScenario(loadScenario('baseline'), { runs: 10000 }), 'da')
 */
export function formatScenarioResult(r: ScenarioResult, lang: Lang = 'da'): string {
  const t = T[lang];
  const n = (x: number, d = 1) => formatNumber(x, d, lang);
  const thr = r.years[0]?.forbrugAbove.map((e) => e.threshold) ?? [];
  const head = [
    t.year,
    t.bev,
    t.f5,
    t.f50,
    t.f95,
    t.em,
    t.p,
    t.pOps,
    t.ops,
    t.opsI,
    ...thr.map((x) => t.above(n(x, Number.isInteger(x) ? 0 : 2))),
    t.henv,
    t.forl,
    t.unit,
  ];
  const rows = r.years.map((y) => [
    String(y.year),
    n(y.bevilling.mean),
    n(y.forbrug.p5),
    n(y.forbrug.p50),
    n(y.forbrug.p95),
    n(y.expectedMerforbrug),
    `${formatPct(y.pMerforbrug, lang)} ± ${formatPp(y.pMerforbrugSe, lang, 2)}`,
    formatPct(y.pBeyondOpsparing, lang),
    n(y.opsparing.mean),
    `${n(y.opsparing.p5)}–${n(y.opsparing.p95)}`,
    ...y.forbrugAbove.map((e) => formatPct(e.p, lang)),
    n(y.henvendelser.p50, 0),
    n(y.forloeb.p50, 0),
    n(y.unitCost.p50),
  ]);
  const a = r.assumptions as {
    bevilling?: { label?: string; labelEn?: string };
    pl?: { label?: string; labelEn?: string };
    demand?: { model?: string; method?: string; df?: number | null };
  };
  const bevLabel = assumptionLabel(a.bevilling, lang);
  const ops = (
    r.assumptions as { opsparing?: { useNeedsPermission?: boolean; file?: string; sources?: { use?: string } } }
  ).opsparing;
  const usesPl = r.inputs.some((x) => x.input === 'pl.default');
  const d = a.demand;
  const paths =
    d?.model === 'forecast'
      ? [
          typeof d.df === 'number'
            ? t.paths(d.method ?? 'auto', formatNumber(d.df, Number.isInteger(d.df) ? 0 : 1, lang))
            : t.pathsNormal(d.method ?? 'auto'),
        ]
      : [];
  return (
    [
      `${scenarioName(r, lang)} (${r.id}): ${formatNumber(r.runs, 0, lang)} ${t.runs}, ${t.seed} ${r.seed}`,
      textTable([head, ...rows]),
      t.money + (r.quantileMethod === 'histogram' ? ' ' + t.hist : ''),
      ...(ops ? [t.opsNote(ops.useNeedsPermission === true, ops.file ?? 'models/budget.yaml', ops.sources?.use)] : []),
      ...paths,
      // the line says what it is about (»Bevillingens fremskrivning: Estimat: …«), not a bare sentence under the table
      ...(bevLabel && !usesPl ? [`${assumptionKey('bevilling.label', lang).label}: ${bevLabel}`] : []),
      lang === 'da'
        ? 'Input (estimat fra data, data eller antagelse med fil:linje):'
        : 'Inputs (estimate from the data, data, or assumption with file:line):',
      ...inputLines(r.inputs, lang).map((l) => `  ${l}`),
    ].join('\n') + '\n'
  );
}

/**
 * Side-by-side comparison: per year, P(merforbrug>0), forbrug P50, expected merforbrug and expected overrun
 * E[max(merforbrug, 0)] of each scenario, and for every scenario after the first its difference against the
 * first in P (percentage points) and in expected merforbrug (mio. kr.).
 *
 * @example
 * formatComparison([resultA, resultB], 'da')
 */
export function formatComparison(results: ScenarioResult[], lang: Lang = 'da'): string {
  const t = T[lang];
  const years = [...new Set(results.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
  const first = results[0];
  const signed = (x: number, d: number) => `${Math.round(x * 10 ** d) > 0 ? '+' : ''}${formatNumber(x, d, lang)}`;
  const head = [
    t.year,
    ...results.flatMap((r, i) => [
      `${r.id} ${t.p}`,
      `${r.id} ${t.f50}`,
      `${r.id} ${t.em}`,
      `${r.id} ${t.eo}`,
      ...(i > 0 ? [t.dp(r.id), t.dem(r.id)] : []),
    ]),
  ];
  const rows = years.map((yr) => {
    const base = first.years.find((v) => v.year === yr);
    return [
      String(yr),
      ...results.flatMap((r, i) => {
        const y = r.years.find((v) => v.year === yr);
        const own = y
          ? [
              formatPct(y.pMerforbrug, lang),
              formatNumber(y.forbrug.p50, 1, lang),
              formatNumber(y.expectedMerforbrug, 1, lang),
              formatNumber(y.expectedOverspend, 1, lang),
            ]
          : ['–', '–', '–', '–'];
        if (i === 0) return own;
        return [
          ...own,
          ...(y && base
            ? [
                signed((y.pMerforbrug - base.pMerforbrug) * 100, 1),
                signed(y.expectedMerforbrug - base.expectedMerforbrug, 1),
              ]
            : ['–', '–']),
        ];
      }),
    ];
  });
  const sameSeed = results.every((r) => r.seed === first.seed);
  return (
    [
      results
        .map(
          (r) => `${r.id}: ${scenarioName(r, lang)} (${formatNumber(r.runs, 0, lang)} ${t.runs}, ${t.seed} ${r.seed})`,
        )
        .join('\n'),
      textTable([head, ...rows]),
      t.money,
      t.diffs(first.id, sameSeed ? t.sameSeed : t.otherSeed),
    ].join('\n') + '\n'
  );
}

/** The goal-seek levers in words (the object of a sentence). */
const LEVER_NAMES = {
  da: {
    visitation: 'visitationsraten',
    bevilling: 'bevillingen',
    demand: 'henvendelserne',
    unitCost: 'prisen pr. forløb',
  },
  en: {
    visitation: 'the visitation rate',
    bevilling: 'the appropriation',
    demand: 'the requests',
    unitCost: 'the cost per case',
  },
} as const;

/**
 * The goal-seek answer in one paragraph (or, when the lever cannot meet the target, the statement
 * with P at the lever's limit).
 *
 * @example
 * formatGoalSeek(goalSeek(def, { lever: 'bevilling', target: 'P(merforbrug>0, 2026) <= 0.2' }), 'da')
 */
export function formatGoalSeek(g: GoalSeekOutcome, lang: Lang = 'da'): string {
  if (!g.solved) return formatNoSolution(g, lang);
  const ch = (x: number) => (g.lever === 'bevilling' ? formatMio(x, lang, 2) : formatPct(x, lang, 2));
  // a difference of changes: mio. kr., or percentage points of a relative change
  const dch = (x: number) => (g.lever === 'bevilling' ? formatMio(x, lang, 2) : formatPp(x, lang, 2));
  const leverName = LEVER_NAMES[lang][g.lever];
  const per =
    lang === 'da'
      ? g.lever === 'bevilling'
        ? 'ekstra i hvert simuleret år'
        : 'i hvert simuleret år'
      : g.lever === 'bevilling'
        ? 'extra in every simulated year'
        : 'in every simulated year';
  const pp = (p: number) => formatPct(p, lang, 1);
  if (lang === 'da') {
    return (
      [
        `Mål: ${targetText(g.target, lang)} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} kørsler, seed ${g.seed}, fælles tilfældige tal)`,
        ...(g.spreadK !== undefined
          ? [`Den ene prognose: forbruget spredt om medianen med faktor ${formatNumber(g.spreadK, 2, lang)}.`]
          : []),
        `Uden ændring: ${pp(g.p0)}.`,
        g.change === 0
          ? 'Målet er allerede opfyldt uden ændring.'
          : `Mindste ændring af ${leverName}: ${g.change > 0 ? '+' : ''}${ch(g.change)} ${per}.`,
        `Med ændringen: ${pp(g.p)} ± ${formatPp(g.se, lang, 2)} (Monte Carlo-standardfejl).`,
        `Monte Carlo-usikkerhed på ændringen (95 %): ${ch(g.changeInterval[0])} til ${ch(g.changeInterval[1])}`.replace(
          /\.?$/,
          '.',
        ),
        ...(g.kError
          ? [
              `Medregnet heri: Monte Carlo-fejlen på k selv (standardfejl ${formatNumber(g.kError.se, 3, lang)}), som giver ændringen en standardfejl på ${dch(g.kError.changeSe)} (ændringen flytter sig ${dch(g.kError.changePerK / 10)} pr. 0,1 i k).`,
            ]
          : []),
      ].join('\n') + '\n'
    );
  }
  return (
    [
      `Target: ${targetText(g.target, lang)} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} runs, seed ${g.seed}, common random numbers)`,
      ...(g.spreadK !== undefined
        ? [`The one forecast: spending spread around the median by the factor ${formatNumber(g.spreadK, 2, lang)}.`]
        : []),
      `Without change: ${pp(g.p0)}.`,
      g.change === 0
        ? 'The target is met without any change.'
        : `Smallest change of ${leverName}: ${g.change > 0 ? '+' : ''}${ch(g.change)} ${per}.`,
      `With the change: ${pp(g.p)} ± ${formatPp(g.se, lang, 2)} (Monte Carlo standard error).`,
      `Monte Carlo uncertainty of the change (95%): ${ch(g.changeInterval[0])} to ${ch(g.changeInterval[1])}`.replace(
        /\.?$/,
        '.',
      ),
      ...(g.kError
        ? [
            `Included in it: the Monte Carlo error of k itself (standard error ${formatNumber(g.kError.se, 3, lang)}), which gives the change a standard error of ${dch(g.kError.changeSe)} (the change moves ${dch(g.kError.changePerK / 10)} per 0.1 of k).`,
          ]
        : []),
    ].join('\n') + '\n'
  );
}

/**
 * A goal seek's answer in a few words, for a table cell beside other levers' or models' answers: the change
 * (a relative change »i hvert år«, one decimal; for bevilling mio. kr. »om året«) with its 95 % Monte Carlo
 * interval, or, when the lever alone cannot meet the target, the probability at the lever's limit.
 *
 * @example
 * goalSeekAnswer(goalSeek(def, { lever: 'demand', target: 'P(merforbrug>0, 2026) <= 0.2' })) // '-12,4 % i hvert år (MC-interval -12,5 % til -12,3 %)'
 * goalSeekAnswer(goalSeek(def, { lever: 'bevilling', target: 'P(merforbrug>0, 2026) <= 0.2' }), 'en') // '+DKK 20.5m a year (MC interval DKK 20.3m to DKK 20.7m)'
 */
export function goalSeekAnswer(g: GoalSeekOutcome, lang: Lang = 'da'): string {
  const da = lang === 'da';
  if (!g.solved)
    return da
      ? `kan ikke nås med dette håndtag alene (P = ${formatPct(g.pAtLimit, lang)} ved grænsen)`
      : `cannot be reached with this lever alone (P = ${formatPct(g.pAtLimit, lang)} at the limit)`;
  const mio = g.lever === 'bevilling';
  const ch = (x: number) => (mio ? formatMio(x, lang) : formatPct(x, lang));
  const per = mio ? (da ? 'om året' : 'a year') : da ? 'i hvert år' : 'in every year';
  const [lo, hi] = g.changeInterval;
  return `${g.change > 0 ? '+' : ''}${ch(g.change)} ${per} (${da ? 'MC-interval' : 'MC interval'} ${ch(lo)} ${da ? 'til' : 'to'} ${ch(hi)})`;
}

/**
 * Where `viso scenario goal-seek --spread-k backtest` took its k: the backtest's scenario, runs per replay and
 * horizons, and, when the target year lies further ahead of `baseYear` (the scenario's last actual year) than
 * those horizons, the caveat the report gives (the factor is extrapolated). One line per sentence.
 *
 * @example
 * formatSpreadKSource(bt, 2024, 2026, 'da') // 'k = 1,50 fra backtesten af baseline (20.000 kørsler pr. genkørsel, genkørsler 1–2 år frem), …'
 */
export function formatSpreadKSource(
  bt: Pick<ScenarioBacktest, 'scenario' | 'runs' | 'calibration'>,
  baseYear: number,
  targetYear: number,
  lang: Lang = 'da',
  g?: GoalSeekOutcome,
): string {
  const from = spreadKFrom(bt, baseYear, targetYear);
  const hs = from.horizons;
  const hRange = hs.length ? spanText(hs[0], hs[hs.length - 1]) : '–';
  const lines = [
    say(
      'scenario.spreadKBacktest',
      {
        k: formatNumber(bt.calibration.k, 2, lang),
        scenario: bt.scenario,
        runs: formatNumber(bt.runs, 0, lang),
        hRange,
      },
      lang,
    ),
  ];
  if (from.extrapolated)
    lines.push(
      say(
        'scenario.backtest.kExtrapolated',
        {
          // the precision of the line above (the report's summary, with k = 1,5, uses one decimal)
          k: formatNumber(bt.calibration.k, 2, lang),
          hRange,
          year: String(targetYear),
          ahead: String(targetYear - baseYear),
        },
        lang,
      ),
    );
  // k's dependence on one year of history, carried to the answer along its slope in k (as the report)
  const ends =
    g?.solved && g.kError && g.spreadK !== undefined
      ? kRangeAlong(bt.calibration.kWithoutVantage, g.spreadK, g.change, g.kError.changePerK)
      : undefined;
  if (g?.solved && ends) {
    const ch = (x: number) => (g.lever === 'bevilling' ? formatMio(x, lang, 2) : formatPct(x, lang, 1));
    const { lo, hi } = ends;
    lines.push(
      say(
        'scenario.goalSeekKRange',
        {
          points: formatNumber(bt.calibration.kPoints, 0, lang),
          vantages: formatNumber(bt.calibration.kWithoutVantage!.length, 0, lang),
          kLo: formatNumber(ends.kLo.k, 2, lang),
          yLo: String(ends.kLo.vantage),
          kHi: formatNumber(ends.kHi.k, 2, lang),
          yHi: String(ends.kHi.vantage),
          lo: ch(lo),
          hi: ch(hi),
        },
        lang,
      ),
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * A goal-seek target in the output's words and number format, whatever the spelling it was given in
 * (`P(merforbrug>0, 2026) <= 0.2`, `… <= 20%`, `… <= 0,2`): an echo of the typed text would put a
 * decimal point and the Danish variable into Danish and English output alike.
 *
 * @example
 * targetText(parseTarget('P(merforbrug>0, 2026) <= 0.2'), 'da')           // 'P(merforbrug > 0, 2026) ≤ 20 %'
 * targetText(parseTarget('P(merforbrug>opsparing, 2029) <= 5%'), 'en')   // 'P(spending > appropriation + savings, 2029) ≤ 5%'
 * targetText(parseTarget('P(forbrug>160.5, 2027) >= 0.5'), 'da')         // 'P(forbrug > 160,5 mio. kr., 2027) ≥ 50 %'
 */
export function targetText(
  g: Pick<GoalTarget, 'variable' | 'threshold' | 'year' | 'op' | 'value'>,
  lang: Lang,
): string {
  const da = lang === 'da';
  const event =
    g.variable === 'beyondOpsparing'
      ? da
        ? 'forbrug > bevilling + opsparing'
        : 'spending > appropriation + savings'
      : `${g.variable === 'merforbrug' ? (da ? 'merforbrug' : 'overspend') : da ? 'forbrug' : 'spending'} > ${
          g.threshold === 0 ? '0' : formatMio(g.threshold, lang, writtenDecimals(g.threshold))
        }`;
  const pct = g.value * 100;
  const dec = Math.abs(pct - Math.round(pct)) < 1e-9 ? 0 : Math.abs(pct * 10 - Math.round(pct * 10)) < 1e-9 ? 1 : 2;
  return `P(${event}, ${g.year}) ${g.op === '<=' ? '≤' : '≥'} ${formatPct(g.value, lang, dec)}`;
}

function formatNoSolution(g: GoalSeekNoSolution, lang: Lang): string {
  const limit =
    g.lever === 'bevilling' ? `${g.limit > 0 ? '+' : ''}${formatMio(g.limit, lang, 0)}` : formatPct(g.limit, lang, 0);
  const leverName = LEVER_NAMES[lang][g.lever];
  const pp = (p: number) => formatPct(p, lang, 1);
  return (
    (lang === 'da'
      ? [
          `Mål: ${targetText(g.target, lang)} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} kørsler, seed ${g.seed}, fælles tilfældige tal)`,
          `Uden ændring: ${pp(g.p0)}.`,
          `Målet kan ikke nås ved at ændre ${leverName} alene: selv ved ${limit} i hvert simuleret år er sandsynligheden ${pp(g.pAtLimit)}.`,
        ]
      : [
          `Target: ${targetText(g.target, lang)} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} runs, seed ${g.seed}, common random numbers)`,
          `Without change: ${pp(g.p0)}.`,
          `The target cannot be met by changing ${leverName} alone: even at ${limit} in every simulated year the probability is ${pp(g.pAtLimit)}.`,
        ]
    ).join('\n') + '\n'
  );
}

/**
 * Tornado table and rank correlations.
 *
 * @example
 * formatSensitivity(sensitivity(def), 'da')
 */
export function formatSensitivity(s: SensitivityResult, lang: Lang = 'da'): string {
  const n = (x: number, d = 1) => formatNumber(x, d, lang);
  const da = lang === 'da';
  const head = da
    ? ['Input', 'P10-værdi', 'P90-værdi', 'Merforbrug ved P10', 'Merforbrug ved P90', 'Udsving']
    : ['Input', 'P10 value', 'P90 value', 'Overspend at P10', 'Overspend at P90', 'Swing'];
  const rows = s.tornado.map((r) => [
    inputName(r.input, lang),
    ...sampledValueText(r.input, [r.lowValue, r.highValue], lang),
    n(r.low),
    n(r.high),
    n(r.swing),
  ]);
  const rc = s.rankCorrelations.map((r) => [inputName(r.input, lang), n(r.rho, 3)]);
  return (
    [
      da
        ? `Følsomhed af merforbrug ${s.year} (${s.scenario}); alle andre input på medianen: merforbrug ${n(s.median)} mio. kr.`
        : `Sensitivity of overspend ${s.year} (${s.scenario}); all other inputs at their median: overspend DKK ${n(s.median)}m`,
      textTable([head, ...rows]),
      '',
      da
        ? `Rangkorrelation (Spearman) med merforbrug ${s.year}, ${formatNumber(s.runs, 0, lang)} kørsler:`
        : `Rank correlation (Spearman) with overspend ${s.year}, ${formatNumber(s.runs, 0, lang)} runs:`,
      textTable([['Input', 'rho'], ...rc]),
    ].join('\n') + '\n'
  );
}

/**
 * The `viso scenario backtest` report: every scored point, coverage and CRPS per mode and horizon,
 * the calibration of the driver's spread against the alternatives, skipped years and where the
 * replayed measures' effects came from.
 *
 * @example
 * formatBacktest(backtestScenario(loadScenario('baseline')), 'da')
 */
export function formatBacktest(b: ScenarioBacktest, lang: Lang = 'da'): string {
  const da = lang === 'da';
  const n = (x: number, d = 1) => formatNumber(x, d, lang);
  const pc = (x: number, d = 0) => formatPct(x, lang, d);
  const modeName = (m: string) =>
    (da
      ? {
          asKnown: 'kendt ved udsigtsåret (--mode asKnown)',
          withDecisions: 'med de senere beslutninger (--mode withDecisions)',
        }
      : {
          asKnown: 'as known at the vantage year (--mode asKnown)',
          withDecisions: 'with the later decisions (--mode withDecisions)',
        })[m as 'asKnown'] ?? m;
  const modelName = (m: string) =>
    (da
      ? { driver: 'driver-model', timeSeries: 'tidsserie', naive: 'naiv', calibrated: 'kalibreret driver' }
      : { driver: 'driver model', timeSeries: 'time series', naive: 'naive', calibrated: 'calibrated driver' })[
      m as 'driver'
    ] ?? m;
  const out: string[] = [];
  out.push(
    da
      ? `Backtest af scenariet ${b.scenario}: hele kæden genkørt fra ${b.vantages.length === 1 ? 'udsigtsåret' : 'udsigtsårene'} ${b.vantages.join(', ')} med data til og med udsigtsåret; ${formatNumber(b.runs, 0, lang)} kørsler, seed ${b.seed}. Forbrug i mio. kr.`
      : `Backtest of scenario ${b.scenario}: the whole pipeline replayed from the vantage years ${b.vantages.join(', ')} with data up to the vantage year; ${formatNumber(b.runs, 0, lang)} runs, seed ${b.seed}. Spending in DKK million.`,
  );
  for (const mode of b.modes) {
    out.push('', `${da ? 'Tilstand' : 'Mode'}: ${modeName(mode)}`);
    const head = da
      ? [
          'Udsigt',
          'År',
          'h',
          'Faktisk',
          'P2,5',
          'P10',
          'P50',
          'P90',
          'P97,5',
          'PIT',
          'CRPS',
          'CRPS kal.',
          'CRPS tidsserie',
          'CRPS naiv',
          'P(merforbrug)',
          'Merforbrug?',
        ]
      : [
          'Vantage',
          'Year',
          'h',
          'Actual',
          'P2.5',
          'P10',
          'P50',
          'P90',
          'P97.5',
          'PIT',
          'CRPS',
          'CRPS cal.',
          'CRPS time series',
          'CRPS naive',
          'P(overspend)',
          'Overspend?',
        ];
    const rows = b.points
      .filter((p) => p.mode === mode)
      .map((p) => [
        String(p.vantage),
        String(p.target),
        String(p.h),
        n(p.actual),
        n(p.driver.quantiles.p2_5),
        n(p.driver.quantiles.p10),
        n(p.driver.quantiles.p50),
        n(p.driver.quantiles.p90),
        n(p.driver.quantiles.p97_5),
        n(p.driver.pit, 2),
        n(p.driver.crps),
        p.calibrated ? n(p.calibrated.crps) : '–',
        n(p.timeSeries.crps),
        n(p.naive.crps),
        pc(p.driver.pMerforbrug),
        p.merforbrug ? (da ? 'ja' : 'yes') : da ? 'nej' : 'no',
      ]);
    out.push(textTable([head, ...rows]));
    const sh = da
      ? [
          'Model',
          'h',
          'n',
          'Dækning 50',
          'Dækning 80',
          '80 %: træf (95 %-interval)',
          'Dækning 95',
          'CRPS',
          'Brier',
          'Gns. PIT',
        ]
      : [
          'Model',
          'h',
          'n',
          'Cover 50',
          'Cover 80',
          '80%: hits (95% interval)',
          'Cover 95',
          'CRPS',
          'Brier',
          'Mean PIT',
        ];
    const srows = b.summary
      .filter((s) => s.mode === mode)
      .map((s) => [
        modelName(s.model),
        String(s.h === 'all' ? (da ? 'alle' : 'all') : s.h),
        String(s.scores.n),
        pc(s.scores.coverage['50']),
        pc(s.scores.coverage['80']),
        `${s.scores.hits80}/${s.scores.n} (${pc(s.scores.coverage80Interval[0])}–${pc(s.scores.coverage80Interval[1])})`,
        pc(s.scores.coverage['95']),
        n(s.scores.crps, 2),
        n(s.scores.brier, 3),
        n(s.scores.meanPit, 2),
      ]);
    out.push('', textTable([sh, ...srows]));
    const ms = new Map<string, string>();
    for (const p of b.points.filter((x) => x.mode === mode)) {
      for (const m of p.measures) {
        if (m.effect.kind === 'known') continue;
        const src =
          m.effect.kind === 'evidence'
            ? da
              ? `evidens: evaluering af ${m.effect.from} (${m.effect.outcome}) på data til og med ${p.vantage}, median ${pc(m.effect.median, 1)}`
              : `evidence: evaluation of ${m.effect.from} (${m.effect.outcome}) on the data up to ${p.vantage}, median ${pc(m.effect.median, 1)}`
            : da
              ? `antagelse: målfilens prior (${m.effect.file}), median ${pc(m.effect.median, 1)}`
              : `assumption: the measure file's prior (${m.effect.file}), median ${pc(m.effect.median, 1)}`;
        const on = assumptionValue('actsOn', m.actsOn, lang); // the stage in words (forløb, visitationsraten)
        ms.set(`${p.vantage} ${m.id}`, `  ${p.vantage}: ${m.id} (${on}, ${m.start}) — ${src}`);
      }
    }
    if (ms.size)
      out.push(
        '',
        da
          ? 'Senere tiltag i genkørslerne og hvor deres effekt kommer fra:'
          : 'Later measures in the replays and where their effect comes from:',
        ...ms.values(),
      );
  }
  const c = b.calibration;
  // too few scored points for leave-one-out (e.g. --vantage 2020): no table of empty rows, say so
  if (!c.byMode.length)
    out.push(
      '',
      da
        ? `Én prognose for forbruget: ingen kalibrering, for få scorede punkter til leave-one-out (k = ${n(c.k, 1)}: driver-modellen, som den er).`
        : `One forecast of spending: no calibration, too few scored points for leave-one-out (k = ${n(c.k, 1)}: the driver model as it is).`,
    );
  else {
    out.push(
      '',
      da
        ? `Én prognose for forbruget: driver-modellen kalibreret med spredningsfaktor k = ${n(c.k, 1)}${c.kSe !== undefined ? `, Monte Carlo-standardfejl ${n(c.kSe, 3)}` : ''} (${sayMsg(c.rule, 'da')}). Gennemsnitlig CRPS, hvert punkt med parametre fra de øvrige punkter (leave-one-out):`
        : `One forecast of spending: the driver model calibrated with spread factor k = ${n(c.k, 1)}${c.kSe !== undefined ? `, Monte Carlo standard error ${n(c.kSe, 3)}` : ''} (${sayMsg(c.rule, 'en')}). Mean CRPS, each point with parameters from the other points (leave-one-out):`,
    );
    const ch = da
      ? [
          'Tilstand',
          'n',
          'Driver',
          'Kalibreret driver',
          'Pulje driver+tidsserie (vægte+k)',
          'Lige pulje',
          'Tidsserie',
          'Naiv',
        ]
      : [
          'Mode',
          'n',
          'Driver',
          'Calibrated driver',
          'Pool driver+time series (weights+k)',
          'Equal pool',
          'Time series',
          'Naive',
        ];
    out.push(
      textTable([
        ch,
        ...c.byMode.map((r) => [
          r.mode === 'asKnown'
            ? t(lang, 'bt.asKnown')
            : r.mode === 'withDecisions'
              ? t(lang, 'bt.withDecisions')
              : r.mode,
          String(r.n),
          n(r.driver, 2),
          n(r.calibrated, 2),
          n(r.pool, 2),
          n(r.equalPool, 2),
          n(r.timeSeries, 2),
          n(r.naive, 2),
        ]),
      ]),
    );
  }
  if (b.skipped.length)
    out.push(
      '',
      (da
        ? 'Ikke scoret (ingen faktisk værdi; aldrig interpoleret): '
        : 'Not scored (no actual; never interpolated): ') + b.skipped.map((s) => `${s.vantage}→${s.target}`).join(', '),
    );
  out.push('', ...b.notes.map((x) => sayMsg(x, lang)));
  return out.join('\n') + '\n';
}

/**
 * One line per input: `input: value — source` (estimate with series and years, data, or assumption with file:line).
 *
 * @example
 * inputLines(result.inputs, 'da')[0] // 'Bevilling i basisåret, mio. kr. (actual.bevilling, data): 158 — Data: viso.raadgivning.bevilling 2024'
 */
export function inputLines(inputs: InputInfo[], lang: 'da' | 'en' = 'da'): string[] {
  const kind = (s: InputSource) =>
    (lang === 'da'
      ? { estimate: 'estimat', data: 'data', assumption: 'antagelse' }
      : { estimate: 'estimate', data: 'data', assumption: 'assumption' })[s.kind];
  return inputs.map((x) => {
    const where = x.source.kind === 'assumption' ? ` [${sourceAt(x.source)}]` : '';
    // the input in words, with the scenario file's key it is set by (the key alone where the dictionary has no words)
    const name = inputLabel(x.input, lang);
    const head = name === x.input ? `${x.input} (${kind(x.source)})` : `${name} (${x.input}, ${kind(x.source)})`;
    return `${head}: ${inputValueText(x.input, x.value, lang)} — ${x.source.text[lang]}${where}`;
  });
}

/**
 * Where an assumption is written: `file:line:column` in a YAML file, `file: Sheet!B4` in an assumptions workbook.
 *
 * @example
 * sourceAt({ kind: 'assumption', file: 'models/pl.yaml', line: 12, column: 3, text }) // 'models/pl.yaml:12:3'
 * sourceAt({ kind: 'assumption', file: 'b.xlsx', cell: 'Input!D3', text })             // 'b.xlsx: Input!D3'
 */
export function sourceAt(s: Extract<InputSource, { kind: 'assumption' }>): string {
  if (s.cell !== undefined) return `${s.file}: ${s.cell}`;
  return `${s.file}${s.line !== undefined ? `:${s.line}` : ''}${s.column !== undefined ? `:${s.column}` : ''}`;
}

/**
 * A value or distribution in a few words (`N(0,052; 0,021)`, `0,497`, `calibrated`).
 *
 * @example
 * valueText({ dist: 'normal', mean: 0.052, sd: 0.021 }, 'da') // 'normal(0,052; sd 0,021)'
 */
export function valueText(v: DistSpec | number | string, lang: 'da' | 'en' = 'da'): string {
  const dec = lang === 'da' ? ',' : '.';
  const f = (x: number) => {
    const s = formatNumber(x, Math.abs(x) >= 100 ? 1 : Math.abs(x) >= 1 ? 3 : 4, lang);
    return s.includes(dec) ? s.replace(/0+$/, '').replace(/[.,]$/, '') : s;
  };
  if (typeof v === 'number') return f(v);
  if (typeof v === 'string') return v;
  const sep = lang === 'da' ? '; ' : ', ';
  switch (v.dist) {
    case 'fixed':
      return f(v.value);
    case 'normal':
      return `normal(${f(v.mean)}${sep}sd ${f(v.sd)}${v.min !== undefined ? `${sep}min ${f(v.min)}` : ''}${v.max !== undefined ? `${sep}max ${f(v.max)}` : ''})`;
    case 'lognormal':
      return `lognormal(median ${f(v.median)}${sep}sdlog ${f(v.sdlog)})`;
    case 'triangular':
      return `triangular(${f(v.min)}${sep}${f(v.mode)}${sep}${f(v.max)})`;
    case 'uniform':
      return `uniform(${f(v.min)}${sep}${f(v.max)})`;
    case 'empirical':
      return `empirical(${v.values.length}${sep}${formatPct(v.values[Math.floor(v.values.length / 2)], lang)} median)`;
  }
}
