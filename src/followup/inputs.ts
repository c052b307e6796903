/**
 * The inputs of a follow-up that come from somewhere else than the actuals' months — the prior
 * scenario, the bevilling, the budgeted forløb — each with the labelled row saying where it came
 * from (an option, the file, the data, the scenario).
 */
import { UsageError } from '../errors.js';
import type { Dataset } from '../data/dataset.js';
import { valueAt } from '../data/series.js';
import type { ScenarioResult } from '../scenario/types.js';
import type { ActualsYear, MonthlyActuals } from './actuals.js';
import type { FollowUpAssumptions } from './assumptions.js';
import { priorFromScenario, type Prior } from './prior.js';
import type { AssumptionRow, Note } from './types.js';

/** Run a scenario (the engine is imported lazily). */
async function runPrior(ref: string, runs: number): Promise<ScenarioResult> {
  const { loadScenario } = await import('../scenario/load.js');
  const { runScenario } = await import('../scenario/scenario.js');
  return runScenario(loadScenario(ref), { runs });
}

/**
 * The prior of `year`: the given scenario result, or a run of the scenario named by the option
 * (`'none'`/`null`: no prior) or by models/followup.yaml. A scenario that does not simulate the
 * year gives no prior and a note.
 *
 * @example
 * const { prior, row } = await priorFor(2025, { scenario: undefined }, loadFollowUpAssumptions());
 */
export async function priorFor(
  year: number,
  opts: { scenario?: string | null; priorResult?: ScenarioResult },
  a: FollowUpAssumptions,
): Promise<{ prior?: Prior; row: AssumptionRow; note?: Note }> {
  const ref =
    opts.scenario === undefined
      ? a.prior.scenario
      : opts.scenario === null || opts.scenario.toLowerCase() === 'none'
        ? null
        : opts.scenario;
  if (!opts.priorResult && !ref)
    return { row: { code: 'prior.none', params: { year }, at: { source: '--scenario none' } } };
  const result = opts.priorResult ?? (await runPrior(ref!, a.prior.runs));
  const at = opts.scenario !== undefined ? { source: '--scenario' } : { file: a.prior.at.file, line: a.prior.at.line };
  const prior = priorFromScenario(result, year);
  if (prior)
    return {
      prior,
      row: {
        code: 'prior.scenario',
        params: {
          scenario: result.id,
          name: result.name,
          nameEn: result.nameEn ?? result.name,
          runs: result.runs,
          seed: result.seed,
          year,
        },
        at,
      },
    };
  const ys = result.years.map((y) => y.year);
  return {
    row: { code: 'prior.none', params: { year }, at },
    note: {
      code: 'prior.outside',
      params: { scenario: result.id, year, from: ys[0] ?? NaN, to: ys[ys.length - 1] ?? NaN },
    },
  };
}

/**
 * The bevilling of the running year: `--bevilling`, the sum of the file's budget column (all 12
 * months), the data, else the prior scenario's; a UsageError when there is none.
 *
 * @example
 * bevillingFor(2025, actualsYear, actuals, undefined, loadBundled(), prior).value // 161.16
 */
export function bevillingFor(
  year: number,
  ya: ActualsYear,
  actuals: MonthlyActuals,
  option: number | undefined,
  ds: Dataset,
  prior?: Prior,
): { value: number; row: AssumptionRow } {
  if (option !== undefined)
    return {
      value: option,
      row: { code: 'bevilling.option', params: { value: option, year }, at: { source: '--bevilling' } },
    };
  const budget = ya.values.budget;
  if (budget.every((x) => Number.isFinite(x))) {
    const value = budget.reduce((s, x) => s + x, 0);
    return { value, row: { code: 'bevilling.file', params: { value, year }, at: { file: actuals.file } } };
  }
  const bev = ds.has('viso.raadgivning.bevilling') ? ds.get('viso.raadgivning.bevilling') : undefined;
  const v = bev ? valueAt(bev, year) : undefined;
  if (bev && v !== undefined)
    return {
      value: v,
      row: {
        code: 'bevilling.data',
        params: { value: v, year },
        at: { source: bev.points.find((p) => p.year === year)!.sources.join(', ') },
      },
    };
  if (prior) {
    const label = prior.bevillingLabel ?? '';
    return {
      value: prior.bevilling,
      row: {
        code: 'bevilling.scenario',
        params: {
          value: prior.bevilling,
          year,
          scenario: prior.scenario,
          label,
          labelEn: prior.bevillingLabelEn ?? label,
          kind: prior.bevillingKind ?? 'randomWalk',
        },
        at: { source: `scenario:${prior.scenario}` },
      },
    };
  }
  throw new UsageError({ code: 'followup.err.noBevilling', params: { year, file: actuals.file } });
}

/**
 * The budgeted forløb of the running year: `--budget-forloeb`, the prior scenario's median, last
 * year's started forløb in the file, else last year's forløb in the data; undefined if none.
 *
 * @example
 * budgetForloebFor(2025, actuals, undefined, loadBundled(), prior)?.value // ≈ 2613
 */
export function budgetForloebFor(
  year: number,
  actuals: MonthlyActuals,
  option: number | undefined,
  ds: Dataset,
  prior?: Prior,
): { value: number; row: AssumptionRow } | undefined {
  if (option !== undefined)
    return {
      value: option,
      row: { code: 'budgetForloeb.option', params: { value: option, year }, at: { source: '--budget-forloeb' } },
    };
  if (prior)
    return {
      value: prior.forloeb,
      row: {
        code: 'budgetForloeb.scenario',
        params: { value: prior.forloeb, year, scenario: prior.scenario },
        at: { source: `scenario:${prior.scenario}` },
      },
    };
  const prev = actuals.years.find((y) => y.year === year - 1 && y.firstMonth === 1 && y.lastWith.forloeb === 12);
  if (prev) {
    const value = prev.values.forloeb.reduce((s, x) => s + x, 0);
    return {
      value,
      row: { code: 'budgetForloeb.lastYear', params: { value, year, last: year - 1 }, at: { file: actuals.file } },
    };
  }
  const fl = ds.has('viso.raadgivning.forloeb.i_alt')
    ? valueAt(ds.get('viso.raadgivning.forloeb.i_alt'), year - 1)
    : undefined;
  return fl === undefined
    ? undefined
    : {
        value: fl,
        row: {
          code: 'budgetForloeb.data',
          params: { value: fl, year, last: year - 1 },
          at: { source: 'viso.raadgivning.forloeb.i_alt' },
        },
      };
}
