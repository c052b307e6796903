/**
 * Plain-text tables of scenario results for the terminal (Danish by default).
 */
import { formatMio, formatNumber, formatPct, type Lang } from '../format/number.js';
import type { ScenarioResult } from './types.js';
import type { GoalSeekResult } from './goal-seek.js';
import type { SensitivityResult } from './sensitivity.js';

const T = {
  da: {
    year: 'År', bev: 'Bevilling', f5: 'Forbrug P5', f50: 'Forbrug P50', f95: 'Forbrug P95', em: 'Forv. merforbrug',
    p: 'P(merforbrug>0)', henv: 'Henvendelser P50', forl: 'Forløb P50', unit: 'Kr./forløb P50 (1.000)', runs: 'kørsler', seed: 'seed',
    above: (x: string) => `P(forbrug>${x})`, money: 'Beløb i mio. kr., løbende priser.', hist: 'Kvantiler fra histogram (fast hukommelse).',
    paths: (method: string, df: string) => `Efterspørgsel fra prognosen (${method}): stier fra en Student t-fordeling med ν = ${df} frihedsgrader.`,
    pathsNormal: (method: string) => `Efterspørgsel fra prognosen (${method}): normalfordelte stier.`,
  },
  en: {
    year: 'Year', bev: 'Appropriation', f5: 'Spending P5', f50: 'Spending P50', f95: 'Spending P95', em: 'Exp. overspend',
    p: 'P(overspend>0)', henv: 'Requests P50', forl: 'Cases P50', unit: 'DKK/case P50 (1,000)', runs: 'runs', seed: 'seed',
    above: (x: string) => `P(spending>${x})`, money: 'Amounts in DKK million, current prices.', hist: 'Quantiles from a histogram (fixed memory).',
    paths: (method: string, df: string) => `Demand from the forecast (${method}): paths from a Student t distribution with ν = ${df} degrees of freedom.`,
    pathsNormal: (method: string) => `Demand from the forecast (${method}): normal paths.`,
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
  return lang === 'en' ? s.nameEn ?? s.name : s.name;
}

/**
 * An assumption's label in the user's language: `labelEn` for English when there is one, else `label`.
 *
 * @example
 * assumptionLabel({ label: 'Antaget PL 2,0 %', labelEn: 'Assumed PL 2.0%' }, 'en') // 'Assumed PL 2.0%'
 */
export function assumptionLabel(a: { label?: string; labelEn?: string } | undefined, lang: Lang = 'da'): string | undefined {
  return lang === 'en' ? a?.labelEn ?? a?.label : a?.label;
}

/**
 * A result's assumptions for display in `lang`: the labels of `pl` and `bevilling` in that language
 * (the English `labelEn` fields folded into `label`). The result itself keeps both.
 *
 * @example
 * localizeAssumptions(result.assumptions, 'en').pl // { default: 0.02, …, label: 'Assumed PL indexation …' }
 */
export function localizeAssumptions(a: Record<string, unknown>, lang: Lang = 'da'): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const k of ['pl', 'bevilling']) {
    const v = a[k] as { label?: string; labelEn?: string } | undefined;
    if (!v || typeof v !== 'object') continue;
    const { labelEn: _en, ...rest } = v;
    const label = assumptionLabel(v, lang);
    out[k] = label === undefined ? rest : { ...rest, label };
  }
  return out;
}

/**
 * Render rows as an aligned text table (first column left-aligned, others right-aligned).
 *
 * @example
 * textTable([['År', 'P'], ['2026', '21 %']]) // 'År     P\n2026  21 %'
 */
export function textTable(rows: string[][]): string {
  const w = rows[0].map((_, c) => Math.max(...rows.map((r) => [...r[c]].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(w[c]) : cell.padStart(w[c]))).join('  ').trimEnd()).join('\n');
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
  const head = [t.year, t.bev, t.f5, t.f50, t.f95, t.em, t.p, ...thr.map((x) => t.above(n(x, Number.isInteger(x) ? 0 : 2))), t.henv, t.forl, t.unit];
  const rows = r.years.map((y) => [
    String(y.year), n(y.bevilling.mean), n(y.forbrug.p5), n(y.forbrug.p50), n(y.forbrug.p95), n(y.expectedMerforbrug),
    `${formatPct(y.pMerforbrug, lang)} ± ${formatPct(y.pMerforbrugSe, lang, 2)}`,
    ...y.forbrugAbove.map((e) => formatPct(e.p, lang)),
    n(y.henvendelser.p50, 0), n(y.forloeb.p50, 0), n(y.unitCost.p50),
  ]);
  const a = r.assumptions as { bevilling?: { label?: string; labelEn?: string }; pl?: { label?: string; labelEn?: string }; demand?: { model?: string; method?: string; df?: number | null } };
  const bevLabel = assumptionLabel(a.bevilling, lang), plLabel = assumptionLabel(a.pl, lang);
  const d = a.demand;
  const paths = d?.model === 'forecast'
    ? [typeof d.df === 'number' ? t.paths(d.method ?? 'auto', formatNumber(d.df, Number.isInteger(d.df) ? 0 : 1, lang)) : t.pathsNormal(d.method ?? 'auto')]
    : [];
  return [
    `${scenarioName(r, lang)} (${r.id}): ${formatNumber(r.runs, 0, lang)} ${t.runs}, ${t.seed} ${r.seed}`,
    textTable([head, ...rows]),
    t.money + (r.quantileMethod === 'histogram' ? ' ' + t.hist : ''),
    ...paths,
    ...(bevLabel ? [bevLabel] : []),
    ...(plLabel ? [plLabel] : []),
  ].join('\n') + '\n';
}

/**
 * Side-by-side comparison: per year, P(merforbrug>0), forbrug P50 and expected merforbrug of each scenario.
 *
 * @example
 * formatComparison([resultA, resultB], 'da')
 */
export function formatComparison(results: ScenarioResult[], lang: Lang = 'da'): string {
  const t = T[lang];
  const years = [...new Set(results.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
  const head = [t.year, ...results.flatMap((r) => [`${r.id} ${t.p}`, `${r.id} ${t.f50}`, `${r.id} ${t.em}`])];
  const rows = years.map((yr) => [String(yr), ...results.flatMap((r) => {
    const y = r.years.find((v) => v.year === yr);
    return y ? [formatPct(y.pMerforbrug, lang), formatNumber(y.forbrug.p50, 1, lang), formatNumber(y.expectedMerforbrug, 1, lang)] : ['–', '–', '–'];
  })]);
  return [results.map((r) => `${r.id}: ${scenarioName(r, lang)} (${formatNumber(r.runs, 0, lang)} ${t.runs}, ${t.seed} ${r.seed})`).join('\n'), textTable([head, ...rows]), t.money].join('\n') + '\n';
}

/**
 * The goal-seek answer in one paragraph.
 *
 * @example
 * formatGoalSeek(goalSeek(def, { lever: 'bevilling', target: 'P(merforbrug>0, 2026) <= 0.2' }), 'da')
 */
export function formatGoalSeek(g: GoalSeekResult, lang: Lang = 'da'): string {
  const ch = (x: number) => (g.lever === 'bevilling' ? formatMio(x, lang, 2) : formatPct(x, lang, 2));
  const leverName = lang === 'da'
    ? { visitation: 'visitationsraten', bevilling: 'bevillingen', demand: 'henvendelserne' }[g.lever]
    : { visitation: 'the visitation rate', bevilling: 'the appropriation', demand: 'the requests' }[g.lever];
  const per = lang === 'da' ? (g.lever === 'bevilling' ? 'ekstra i hvert simuleret år' : 'i hvert simuleret år') : (g.lever === 'bevilling' ? 'extra in every simulated year' : 'in every simulated year');
  const pp = (p: number) => formatPct(p, lang, 1);
  if (lang === 'da') {
    return [
      `Mål: ${g.target.text} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} kørsler, seed ${g.seed}, fælles tilfældige tal)`,
      `Uden ændring: ${pp(g.p0)}.`,
      g.change === 0 ? 'Målet er allerede opfyldt uden ændring.' : `Mindste ændring af ${leverName}: ${g.change > 0 ? '+' : ''}${ch(g.change)} ${per}.`,
      `Med ændringen: ${pp(g.p)} ± ${formatPct(g.se, lang, 2)} (Monte Carlo-standardfejl).`,
      `Monte Carlo-usikkerhed på ændringen (95 %): ${ch(g.changeInterval[0])} til ${ch(g.changeInterval[1])}`.replace(/\.?$/, '.'),
    ].join('\n') + '\n';
  }
  return [
    `Target: ${g.target.text} (${g.scenario}, ${formatNumber(g.runs, 0, lang)} runs, seed ${g.seed}, common random numbers)`,
    `Without change: ${pp(g.p0)}.`,
    g.change === 0 ? 'The target is met without any change.' : `Smallest change of ${leverName}: ${g.change > 0 ? '+' : ''}${ch(g.change)} ${per}.`,
    `With the change: ${pp(g.p)} ± ${formatPct(g.se, lang, 2)} (Monte Carlo standard error).`,
    `Monte Carlo uncertainty of the change (95 %): ${ch(g.changeInterval[0])} to ${ch(g.changeInterval[1])}`.replace(/\.?$/, '.'),
  ].join('\n') + '\n';
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
  const head = da ? ['Input', 'P10-værdi', 'P90-værdi', 'Merforbrug ved P10', 'Merforbrug ved P90', 'Udsving'] : ['Input', 'P10 value', 'P90 value', 'Overspend at P10', 'Overspend at P90', 'Swing'];
  const rows = s.tornado.map((r) => [r.input, n(r.lowValue, 3), n(r.highValue, 3), n(r.low), n(r.high), n(r.swing)]);
  const rc = s.rankCorrelations.map((r) => [r.input, n(r.rho, 3)]);
  return [
    da ? `Følsomhed af merforbrug ${s.year} (${s.scenario}); alle andre input på medianen: merforbrug ${n(s.median)} mio. kr.`
      : `Sensitivity of overspend ${s.year} (${s.scenario}); all other inputs at their median: overspend DKK ${n(s.median)}m`,
    textTable([head, ...rows]),
    '',
    da ? `Rangkorrelation (Spearman) med merforbrug ${s.year}, ${formatNumber(s.runs, 0, lang)} kørsler:` : `Rank correlation (Spearman) with overspend ${s.year}, ${formatNumber(s.runs, 0, lang)} runs:`,
    textTable([['Input', 'rho'], ...rc]),
  ].join('\n') + '\n';
}
