/**
 * Turn a loaded scenario into a `CompiledModel`: resolve the estimated inputs, fit the demand
 * forecast, resolve measures (their stage, the area's share, the phase-in beyond the base year),
 * precompute PL and bevilling paths and the column layout of the uniforms. Everything the inner
 * loop needs, nothing more.
 */
import { InputError } from '../errors.js';
import { distQuantile, type DistSpec } from '../stats/distributions.js';
import { forecastSeries, mixingTable, pathDistribution } from '../forecast/index.js';
import { phaseShare } from '../measures/phase.js';
import type { MeasureDef } from '../measures/types.js';
import { cholesky } from '../stats/linalg.js';
import { ACTS_ON, NEUTRAL_LEVERS, type CompiledInput, type CompiledModel, type Levers } from './model.js';
import { resolveInputs, type ResolvedInputs } from './inputs.js';
import type { ScenarioEstimates } from './estimate.js';
import type { ScenarioDef } from './types.js';
import { openingOpsparing } from './budget-rules.js';
import { costPhase, measureCostSplit } from '../measures/costTiming.js';
import { durationForYear, loadTimingAssumptions } from '../cost/timingAssumptions.js';

export interface CompileOptions {
  /** Measure definitions replacing the scenario's (by id), e.g. with effects from other evidence. */
  measures?: MeasureDef[];
  levers?: Partial<Levers>;
  seed?: number;
  /** Estimates to use instead of estimating from `def.dataset` (e.g. computed once for several runs). */
  estimates?: ScenarioEstimates;
  /** Resolved inputs to use (from `resolveInputs`), so a caller can read their provenance. */
  resolved?: ResolvedInputs;
}

const isFixed = (d: DistSpec) => d.dist === 'fixed' || (d.dist === 'normal' && d.sd === 0);

/**
 * Compile a scenario for the Monte Carlo engine.
 *
 * @example
 * const model = compileScenario(loadScenario('baseline'));
 * model.years // [2025, 2026, …, 2030]
 */
export function compileScenario(def: ScenarioDef, o: CompileOptions = {}): CompiledModel {
  const r = o.resolved ?? resolveInputs(def, o.estimates ? { estimates: o.estimates } : {});
  const years = Array.from({ length: def.horizon - def.baseYear }, (_, i) => def.baseYear + 1 + i);
  const h = years.length;
  let col = 0;
  const input = (name: string, dist: DistSpec): CompiledInput => ({ name, dist, col: isFixed(dist) ? -1 : col++ });
  const block = (sd: number) => {
    if (!(sd > 0)) return -1;
    const c = col;
    col += h;
    return c;
  };

  // demand
  let demandKind: 0 | 1 = 0;
  let growth: CompiledInput;
  let noiseCol: number;
  let pathMean = new Float64Array(0);
  let pathChol = new Float64Array(0);
  let pathLog = false;
  let pathDf = Infinity;
  if (def.demand.model === 'growth') {
    growth = input('demand', r.growth);
    noiseCol = block(r.noiseSd);
  } else {
    demandKind = 1;
    growth = { name: 'demand', dist: { dist: 'fixed', value: 0 }, col: -1 };
    const series = def.dataset.get(def.demand.series);
    const last = series.points
      .filter((p) => Number.isFinite(p.value))
      .map((p) => p.year)
      .reduce((a, b) => Math.max(a, b), -Infinity);
    if (last > def.baseYear)
      throw new InputError(
        def.locate(['demand', 'series']),
        { code: 'scenario.seriesEnds', params: { year: def.baseYear } },
        { code: 'scenario.seriesEndsFound', params: { series: def.demand.series, last } },
      );
    const f = forecastSeries(series, {
      method: def.demand.method as never,
      horizon: def.horizon - last,
      ...(def.demand.from !== undefined ? { from: def.demand.from } : {}),
    });
    const pd = pathDistribution(f);
    pathMean = Float64Array.from(pd.mean);
    pathChol = Float64Array.from(pd.chol);
    pathLog = pd.log;
    pathDf = pd.df !== undefined && Number.isFinite(pd.df) ? pd.df : Infinity;
    noiseCol = col;
    col += pathMean.length;
  }
  const visitation = input('visitation', r.visitationRate);
  const visDrift = input('visitationDrift', r.visitationDrift);
  const visNoiseCol = block(r.visitationNoise);
  const fixedCost = input('fixedCost', r.fixed);
  const unitCost = r.unit === 'calibrated' ? null : input('unitCost', r.unit);
  const priceGrowth = r.priceGrowth === 'pl' ? null : input('priceGrowth', r.priceGrowth);
  const costNoise = input(
    'costNoise',
    r.costNoise > 0 ? { dist: 'normal', mean: 0, sd: r.costNoise } : { dist: 'fixed', value: 0 },
  );
  const bevGrowth = input('bevillingGrowth', r.bevGrowth);
  const bevNoiseCol = block(r.bevNoise);
  const amounts = def.bevilling.amounts;
  const bevAmounts = years.map((y) => {
    const d = amounts[String(y)];
    return d && !isFixed(d) ? input(`bevilling:${y}`, d) : null;
  });
  const bevKnown = Float64Array.from(years, (y) => {
    const d = amounts[String(y)];
    return d && isFixed(d) ? distQuantile(d, 0.5) : NaN;
  });
  const forbrugKnown = Float64Array.from(years, (y) => def.knownForbrug?.[String(y)]?.value ?? NaN);

  // measures: the stage they act on, the area's share of it, the phase-in beyond the base year
  const byId = new Map((o.measures ?? []).map((m) => [m.id, m]));
  const measures = def.measures.map((sm) => {
    const base = byId.get(sm.id) ?? sm.def;
    const md: MeasureDef = {
      ...base,
      ...(sm.start ? { start: sm.start } : {}),
      ...(sm.phaseIn ? { phaseIn: sm.phaseIn } : {}),
    };
    const effect = byId.has(sm.id) ? base.effect : (sm.effect ?? base.effect);
    // effects are relative to the base year: a measure that started before it acts only with the phase-in still to come
    const before = phaseShare(md, def.baseYear);
    const phase = Float64Array.from(years, (y) => phaseShare(md, y) - before);
    const eff = input(`measure:${sm.id}`, effect);
    const total = md.areas.length === 1 && md.areas[0] === 'i_alt';
    const share = total
      ? null
      : input(`share:${sm.id}`, r.share(md.actsOn === 'henvendelser' ? 'henvendelser' : 'forloeb', md.areas));
    const actsOn = ACTS_ON.indexOf(md.actsOn) as 0 | 1 | 2 | 3;
    // cohort timing: cutting starts saves cost over the forløb's duration (not on a price: unit cost acts at once)
    if (def.costs.timing === 'cohort' && actsOn !== 2) {
      const tm = loadTimingAssumptions();
      const y0 = Number(md.start.slice(0, 4));
      const split = measureCostSplit(
        md.start,
        tm.startProfile.shares,
        durationForYear(tm, y0),
        durationForYear(tm, y0 + 1),
      );
      return { id: sm.id, input: eff, share, actsOn, phase, costPhase: costPhase(md, years, phase, split) };
    }
    return { id: sm.id, input: eff, share, actsOn, phase };
  });

  // PL index and bevilling
  const plRate = (y: number) => def.pl.rates[String(y)] ?? def.pl.default;
  const plIndex = new Float64Array(h);
  let idx = 1;
  years.forEach((y, t) => {
    idx *= 1 + plRate(y);
    plIndex[t] = idx;
  });
  // bevilling follows its own index (models/pl.yaml uses.bevilling) unless the scenario sets one PL for both
  const bp = def.plBevilling ?? def.pl;
  const bevPlRate = Float64Array.from(years, (y) => (def.bevilling.pl ? (bp.rates[String(y)] ?? bp.default) : 0));

  // correlations (Iman–Conover on uniforms)
  const all = [
    growth,
    visitation,
    visDrift,
    fixedCost,
    ...(unitCost ? [unitCost] : []),
    ...(priceGrowth ? [priceGrowth] : []),
    costNoise,
    bevGrowth,
    ...measures.flatMap((m) => [m.input, ...(m.share ? [m.share] : [])]),
  ];
  const inputs = new Map<string, CompiledInput>(all.map((x) => [x.name, x]));
  const corrNames: string[] = [];
  for (const [i, c] of def.correlations.entries()) {
    for (const name of c.between) {
      const inp = inputs.get(name);
      if (!inp || inp.col < 0)
        throw new InputError(
          def.locate(['correlations', i, 'between']),
          {
            code: 'scenario.corrInput',
            params: {
              inputs: [...inputs.values()]
                .filter((x) => x.col >= 0)
                .map((x) => x.name)
                .join(', '),
            },
          },
          name,
        );
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
  if (k && !cholesky(corrTarget, k, 'strict'))
    throw new InputError(
      def.locate(['correlations']),
      { code: 'scenario.corrMatrix' },
      { code: 'scenario.corrImpossible' },
    );

  // sanity of the calibrated unit cost: fixed must stay below the base-year forbrug
  if (unitCost === null) {
    if (!Number.isFinite(r.actual.forloeb))
      throw new InputError(
        def.locate(['costs', 'unit']),
        { code: 'scenario.calibratedForloeb', params: { year: def.baseYear } },
        { code: 'scenario.noForloeb' },
      );
    if (distQuantile(r.fixed, 0.999999) >= r.actual.forbrug) {
      throw new InputError(
        def.locate(['costs', 'fixed']),
        { code: 'scenario.calibratedFixed', params: { forbrug: String(r.actual.forbrug) } },
        { code: 'scenario.calibratedFixedFound' },
      );
    }
  }

  // Student-t paths: one mixing uniform per run, in the last column so every other input keeps its
  // column (common random numbers with Gaussian variants); the quantile table is built once per ν
  const mixCol = Number.isFinite(pathDf) ? col++ : -1;
  const pathMix = mixCol >= 0 ? mixingTable(pathDf) : null;

  // uncertain future PL rates (models/pl.yaml future_sd): one deviation per run and index, after every other
  // column (common random numbers with the scenario without it)
  const ps = def.plSource;
  const devOn = (lastYear: number, rateOf: (y: number) => number) =>
    Float64Array.from(years, (y) => (y > lastYear ? 1 / (1 + rateOf(y)) : 0));
  const plCostsDev =
    ps?.costsSd && r.priceGrowth === 'pl' ? input('plCosts', { dist: 'normal', mean: 0, sd: ps.costsSd }) : null;
  const bpRate = (y: number) => (def.plBevilling ?? def.pl).rates[String(y)] ?? (def.plBevilling ?? def.pl).default;
  const plBevDev =
    ps?.bevillingSd && def.bevilling.pl ? input('plBevilling', { dist: 'normal', mean: 0, sd: ps.bevillingSd }) : null;

  // opsparing: the balance at the end of the base year and the rules that carry it (no random draws)
  const br = def.budget;
  const opening = openingOpsparing(def.dataset, def.baseYear, br);

  return {
    id: def.id,
    seed: o.seed ?? def.seed,
    years,
    nCols: col,
    demandKind,
    henvendelser0: Number.isFinite(r.actual.forloeb) ? r.actual.henvendelser : NaN,
    growth,
    noiseCol,
    noiseSd: def.demand.model === 'growth' ? r.noiseSd : 0,
    pathMean,
    pathChol,
    pathLog,
    pathDf,
    pathMix,
    mixCol,
    visitation,
    visDrift,
    visNoiseCol,
    visNoiseSd: r.visitationNoise,
    fixedCost,
    unitCost,
    costRho:
      unitCost &&
      fixedCost.col >= 0 &&
      unitCost.col >= 0 &&
      fixedCost.dist.dist === 'normal' &&
      unitCost.dist.dist === 'normal'
        ? r.rho
        : 0,
    priceGrowth,
    costNoise,
    actualForbrug: r.actual.forbrug,
    actualForloeb: Number.isFinite(r.actual.henvendelser) ? r.actual.forloeb : NaN,
    plIndex,
    bevKnown,
    forbrugKnown,
    bevAmounts,
    bevBase: r.actual.bevilling,
    bevPlRate,
    bevGrowth,
    bevNoiseCol,
    bevNoiseSd: r.bevNoise,
    measures,
    corrCols: corrNames.map((n) => inputs.get(n)!.col),
    corrTarget,
    levers: { ...NEUTRAL_LEVERS, ...o.levers },
    savingsStart: Float64Array.from(opening.slots),
    savingsCarry: br.carryOver ? 1 : 0,
    savingsCap: br.cap ?? -1,
    savingsMaxUse: br.maxUse ?? -1,
    savingsExpire: br.expiryYears !== null ? 1 : 0,
    ...(plCostsDev ? { plCostsDev, plCostsDevOn: devOn(ps!.costsLast, plRate) } : {}),
    ...(plBevDev ? { plBevDev, plBevDevOn: devOn(ps!.bevillingLast, bpRate) } : {}),
  };
}
