/**
 * The report's prose: the one-paragraph summary with the headline numbers, built from
 * the model with the report's number formatting.
 */
import { formatMio, formatNumber, formatPct } from '../format/number.js';
import { t } from './i18n.js';
import type { ReportModel, ReportScenario } from './model.js';

/**
 * The scenario the headline is about: `baseline` if present, else the first one.
 *
 * @example
 * primaryScenario(model)?.result.id // 'baseline'
 */
export function primaryScenario(m: ReportModel): ReportScenario | undefined {
  return m.scenarios.find((s) => s.result.id === 'baseline') ?? m.scenarios[0];
}

/** Headline numbers of the primary scenario in the focus year. */
export interface Headline {
  scenario: string;
  year: number;
  p: number;
  se: number;
  forbrugMean: number;
  forbrugP10: number;
  forbrugP90: number;
  bevilling: number;
  expectedMerforbrug: number;
}

/**
 * Headline numbers (P(merforbrug), its MC error, expected forbrug with its 80 % interval).
 *
 * @example
 * headline(model)?.p // 0.23
 */
export function headline(m: ReportModel): Headline | undefined {
  const s = primaryScenario(m);
  const y = s?.result.years.find((v) => v.year === m.focusYear);
  if (!s || !y) return undefined;
  return {
    scenario: s.result.name,
    year: y.year,
    p: y.pMerforbrug,
    se: y.pMerforbrugSe,
    forbrugMean: y.forbrug.mean,
    forbrugP10: y.forbrug.p10,
    forbrugP90: y.forbrug.p90,
    bevilling: y.bevilling.mean,
    expectedMerforbrug: y.expectedMerforbrug,
  };
}

/**
 * The summary paragraph as sentences (plain text; writers escape it).
 *
 * @example
 * summarySentences(model)[0] // 'P(merforbrug 2026) = 23,0 % (MC-usikkerhed ±0,42 pp) ...'
 */
export function summarySentences(m: ReportModel): string[] {
  const L = m.lang;
  const out: string[] = [];
  const h = headline(m);
  if (h) {
    out.push(
      t(L, 'text.headline', {
        year: h.year,
        p: formatPct(h.p, L, 1),
        se: formatNumber(h.se * 100, 2, L),
        scenario: h.scenario,
        forbrug: formatMio(h.forbrugMean, L),
        range: L === 'da' ? `${formatNumber(h.forbrugP10, 1, L)}–${formatMio(h.forbrugP90, L)}` : `${formatMio(h.forbrugP10, L)}–${formatNumber(h.forbrugP90, 1, L)}m`,
        bevilling: formatMio(h.bevilling, L),
        expPhrase: t(L, h.expectedMerforbrug >= 0 ? 'text.expOver' : 'text.expUnder', { x: formatMio(Math.abs(h.expectedMerforbrug), L) }),
      }),
    );
  }
  const last = m.history.budget[m.history.budget.length - 1];
  if (last) {
    out.push(t(L, 'text.history', { year: last.year, forbrug: formatMio(last.forbrug, L), bevilling: formatMio(last.bevilling, L), share: formatPct(last.forbrug / last.bevilling, L) }));
  }
  const inYear = m.scenarios
    .map((s) => ({ name: s.result.name, y: s.result.years.find((v) => v.year === m.focusYear) }))
    .filter((x): x is { name: string; y: NonNullable<typeof x.y> } => x.y !== undefined);
  if (inYear.length > 1) {
    const sorted = [...inYear].sort((a, b) => a.y.pMerforbrug - b.y.pMerforbrug);
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    out.push(t(L, 'text.scenarioRange', { n: inYear.length, year: m.focusYear, min: formatPct(lo.y.pMerforbrug, L, 1), minName: lo.name, max: formatPct(hi.y.pMerforbrug, L, 1), maxName: hi.name }));
  }
  const w = m.whatIf;
  if (w) {
    out.push(
      w.solution === undefined
        ? t(L, 'text.goalseekNone', { year: w.year, target: formatPct(w.target, L, 0) })
        : w.solution === 0
          ? t(L, 'text.goalseekMet', { year: w.year, target: formatPct(w.target, L, 0) })
          : t(L, 'text.goalseek', {
            year: w.year, target: formatPct(w.target, L, 0), x: formatPct(w.solution, L, 1),
            lo: formatPct(w.goalSeek?.lower ?? w.solution, L, 1), hi: formatPct(w.goalSeek?.upper ?? w.solution, L, 1),
            runs: formatNumber(w.goalSeek?.runs ?? w.runs, 0, L),
          }),
    );
  }
  return out.map((x) => x.replace(/\.\.(?=\s|$)/g, '.'));
}
