/**
 * Turn a loaded scenario into a `CompiledModel`: fit the demand forecast,
 * resolve measures, precompute PL and bevilling paths and the column layout
 * of the uniforms. Everything the inner loop needs, nothing more.
 */
import { InputError } from '../errors.js';
import { distQuantile, type DistSpec } from '../stats/distributions.js';
import { loadBundled } from '../data/bundled.js';
import { forecastSeries, mixingTable, pathDistribution } from '../forecast/index.js';
import { measureFactor } from '../measures/phase.js';
import type { MeasureDef } from '../measures/types.js';
import { cholesky } from './iman-conover.js';
import { ACTS_ON, NEUTRAL_LEVERS, type CompiledInput, type CompiledModel, type Levers } from './model.js';
import type { ScenarioDef } from './types.js';

export interface CompileOptions {
  /** Measure definitions by id (default: `models/measures/*.yaml`). */
  measures?: MeasureDef[];
  levers?: Partial<Levers>;
  seed?: number;
}

const isFixed = (d: DistSpec) => d.dist === 'fixed';

/**
 * Compile a scenario for the Monte Carlo engine.
 *
 * @example
 * const model = compileScenario(loadScenario('baseline'));
 * model.years // [2025, 2026, …, 2030]
 */
export function compileScenario(def: ScenarioDef, o: CompileOptions = {}): CompiledModel {
  const years = Array.from({ length: def.horizon - def.baseYear }, (_, i) => def.baseYear + 1 + i);
  const h = years.length;
  let col = 0;
  const input = (name: string, dist: DistSpec): CompiledInput => ({ name, dist, col: isFixed(dist) ? -1 : col++ });

  // demand
  let demandKind: 0 | 1 = 0;
  let growth: CompiledInput;
  let noiseCol = -1;
  let pathMean = new Float64Array(0);
  let pathChol = new Float64Array(0);
  let pathLog = false;
  let pathDf = Infinity;
  if (def.demand.model === 'growth') {
    growth = input('demand', def.demand.growth);
    if (def.demand.noiseSd > 0) {
      noiseCol = col;
      col += h;
    }
  } else {
    demandKind = 1;
    growth = { name: 'demand', dist: { dist: 'fixed', value: 0 }, col: -1 };
    const ds = loadBundled();
    const series = ds.get(def.demand.series);
    const last = series.points.filter((p) => Number.isFinite(p.value)).map((p) => p.year).reduce((a, b) => Math.max(a, b), -Infinity);
    if (last > def.baseYear) throw new InputError(def.locate(['demand', 'series']), `a series ending by the base year ${def.baseYear}`, `${def.demand.series} ends ${last}`);
    const f = forecastSeries(series, { method: def.demand.method as never, horizon: def.horizon - last, ...(def.demand.from !== undefined ? { from: def.demand.from } : {}) });
    const pd = pathDistribution(f);
    pathMean = Float64Array.from(pd.mean);
    pathChol = Float64Array.from(pd.chol);
    pathLog = pd.log;
    pathDf = pd.df !== undefined && Number.isFinite(pd.df) ? pd.df : Infinity;
    noiseCol = col;
    col += pathMean.length;
  }
  const visitation = input('visitation', def.visitation.rate);
  const fixedCost = input('fixedCost', def.costs.fixed);
  const unitCost = def.costs.unit === 'calibrated' ? null : input('unitCost', def.costs.unit);
  const bevGrowth = input('bevillingGrowth', def.bevilling.growth);

  // measures
  const byId = new Map((o.measures ?? []).map((m) => [m.id, m]));
  const measures = def.measures.map((sm, i) => {
    const base = byId.get(sm.id);
    if (!base) {
      throw new InputError(def.locate(['measures', i, 'id']), `a measure in models/measures (${[...byId.keys()].sort().join(', ') || 'none'})`, sm.id);
    }
    const md: MeasureDef = { ...base, ...(sm.start ? { start: sm.start } : {}), ...(sm.phaseIn ? { phaseIn: sm.phaseIn } : {}) };
    const effect = sm.effect ?? base.effect;
    const phase = Float64Array.from(years, (y) => measureFactor(md, y, 1) - 1);
    // the engine assumes factor = 1 + effect · phase; check measureFactor is linear in the effect
    for (let t = 0; t < h; t++) {
      const e = -0.37;
      if (Math.abs(measureFactor(md, years[t], e) - (1 + e * phase[t])) > 1e-12) {
        throw new Error(`measureFactor of ${md.id} is not linear in the effect; the scenario engine needs 1 + effect × phase`);
      }
    }
    return { id: sm.id, input: input(`measure:${sm.id}`, effect), actsOn: ACTS_ON.indexOf(md.actsOn) as 0 | 1 | 2 | 3, phase, def: md };
  });

  // PL index and bevilling
  const plRate = (y: number) => def.pl.rates[String(y)] ?? def.pl.default;
  const plIndex = new Float64Array(h);
  let idx = 1;
  years.forEach((y, t) => {
    idx *= 1 + plRate(y);
    plIndex[t] = idx;
  });
  const bevKnown = Float64Array.from(years, (y) => def.bevilling.amounts[String(y)] ?? NaN);
  const bevPlRate = Float64Array.from(years, (y) => (def.bevilling.pl ? plRate(y) : 0));

  // correlations (Iman–Conover on uniforms)
  const inputs = new Map<string, CompiledInput>([growth, visitation, fixedCost, ...(unitCost ? [unitCost] : []), bevGrowth, ...measures.map((m) => m.input)].map((x) => [x.name, x]));
  const corrNames: string[] = [];
  for (const [i, c] of def.correlations.entries()) {
    for (const name of c.between) {
      const inp = inputs.get(name);
      if (!inp || inp.col < 0) throw new InputError(def.locate(['correlations', i, 'between']), `an uncertain input of this scenario (${[...inputs.values()].filter((x) => x.col >= 0).map((x) => x.name).join(', ')})`, name);
      if (!corrNames.includes(name)) corrNames.push(name);
    }
  }
  const k = corrNames.length;
  const corrTarget = new Float64Array(k * k);
  for (let a = 0; a < k; a++) corrTarget[a * k + a] = 1;
  for (const c of def.correlations) {
    const a = corrNames.indexOf(c.between[0]);
    const b = corrNames.indexOf(c.between[1]);
    // Spearman r of a Gaussian copula with Pearson ρ is (6/π)·asin(ρ/2): aim at ρ = 2·sin(π r / 6)
    const rho = 2 * Math.sin((Math.PI * c.rank) / 6);
    corrTarget[a * k + b] = corrTarget[b * k + a] = rho;
  }
  if (k && !cholesky(corrTarget, k)) throw new InputError(def.locate(['correlations']), 'rank correlations that form a positive-definite matrix', 'an impossible combination');

  // sanity of the calibrated unit cost: fixed must stay below the base-year forbrug
  if (unitCost === null && distQuantile(def.costs.fixed, 0.999999) >= def.actual.forbrug) {
    throw new InputError(def.locate(['costs', 'fixed']), `fixed costs below actual.forbrug ${def.actual.forbrug} when unit is calibrated`, 'a distribution reaching it');
  }

  // Student-t paths: one mixing uniform per run, in the last column so every other input keeps its
  // column (common random numbers with Gaussian variants); the quantile table is built once per ν
  const mixCol = Number.isFinite(pathDf) ? col++ : -1;
  const pathMix = mixCol >= 0 ? mixingTable(pathDf) : null;

  return {
    id: def.id,
    seed: o.seed ?? def.seed,
    years,
    nCols: col,
    demandKind,
    henvendelser0: def.actual.henvendelser,
    growth,
    noiseCol,
    noiseSd: def.demand.model === 'growth' ? def.demand.noiseSd : 0,
    pathMean,
    pathChol,
    pathLog,
    pathDf,
    pathMix,
    mixCol,
    visitation,
    fixedCost,
    unitCost,
    actualForbrug: def.actual.forbrug,
    actualForloeb: def.actual.forloeb,
    plIndex,
    bevKnown,
    bevBase: def.actual.bevilling,
    bevPlRate,
    bevGrowth,
    measures: measures.map(({ def: _d, ...m }) => m),
    corrCols: corrNames.map((n) => inputs.get(n)!.col),
    corrTarget,
    levers: { ...NEUTRAL_LEVERS, ...o.levers },
  };
}
