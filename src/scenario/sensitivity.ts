/**
 * Sensitivity of merforbrug in one year to each uncertain input:
 * - tornado: the input swung from its 10th to its 90th percentile with every
 *   other input at its median (one deterministic run each);
 * - Spearman rank correlation of each input with merforbrug over a Monte Carlo sample.
 */
import { UsageError, shownArg } from '../errors.js';
import { checkRuns } from './load.js';
import { invNorm, normCdf } from '../stats/normal.js';
import { qt } from '../stats/t.js';
import { chiScaleAt } from '../stats/chisq.js';
import { sampleAt, makeSampler } from './sampler.js';
import { BLOCK_SIZE, NV, blockBuffers, drawBlock, simulateBlock } from './engine.js';
import { modelInputs, type CompiledModel } from './model.js';
import { prepareScenario } from './scenario.js';
import type { ScenarioDef } from './types.js';

/** One tornado bar. */
export interface TornadoRow {
  input: string;
  /** Input value at its 10th and 90th percentile (demandNoise: the shock's z-score). */
  lowValue: number;
  highValue: number;
  /** Merforbrug (mio. kr.) with the input at its 10th and 90th percentile. */
  low: number;
  high: number;
  /** |high − low|. */
  swing: number;
}

/** Result of `sensitivity`. */
export interface SensitivityResult {
  scenario: string;
  year: number;
  /** Merforbrug with every input at its median. */
  median: number;
  /** Sorted by swing, largest first. */
  tornado: TornadoRow[];
  /** Spearman rank correlation of each input with merforbrug, sorted by |rho|. */
  rankCorrelations: { input: string; rho: number }[];
  /**
   * The correlation of fixed and unit cost when they are drawn jointly (the cost model's estimates): the fixed cost's
   * bar then moves the unit cost along (ρ·z), and the unit cost's bar shows only its part not explained by the fixed
   * cost; absent when they are drawn independently.
   */
  costCorrelation?: number;
  runs: number;
  seed: number;
}

/** Uniform per column giving the demand shocks' combined score the standard-normal quantile q at year index t. */
function noiseUniforms(m: CompiledModel, t: number, q: number, row: Float64Array): void {
  if (m.noiseCol < 0) return;
  if (m.demandKind === 0) rwUniforms(m.noiseCol, m.years.length, t, q, row);
  else {
    const hp = m.pathMean.length;
    const tp = t + hp - m.years.length;
    let norm = 0;
    for (let k = 0; k <= tp; k++) norm += m.pathChol[tp * hp + k] ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let k = 0; k < hp; k++) row[m.noiseCol + k] = normCdf(k <= tp ? (q * m.pathChol[tp * hp + k]) / norm : 0);
  }
}

/** A random walk's h shock columns set so that the level at year index t carries sd·Σ_{k≤t} z_k = sd·q·√(t+1). */
function rwUniforms(col: number, h: number, t: number, q: number, row: Float64Array): void {
  const zk = q / Math.sqrt(t + 1);
  for (let k = 0; k < h; k++) row[col + k] = k <= t ? normCdf(zk) : 0.5;
}

/** The yearly-noise blocks of a model other than demand: name and first column. */
function noiseBlocks(m: CompiledModel): { name: string; col: number }[] {
  return [
    ...(m.visNoiseCol >= 0 ? [{ name: 'visitationNoise', col: m.visNoiseCol }] : []),
    ...(m.bevNoiseCol >= 0 ? [{ name: 'bevillingNoise', col: m.bevNoiseCol }] : []),
  ];
}

function merforbrugOf(m: CompiledModel, row: Float64Array, t: number): number {
  const buf = blockBuffers(m);
  buf.u.set(row);
  simulateBlock(m, 1, buf);
  return buf.vals[2 * m.years.length + t];
}

/**
 * Sensitivity of merforbrug in `year` (default: the second simulated year).
 *
 * @example
 * const s = sensitivity(loadScenario('baseline'), { year: 2026 });
 * s.tornado[0].input // the input that matters most, e.g. 'demand'
 */
export function sensitivity(
  def: ScenarioDef,
  o: { year?: number; runs?: number; seed?: number } = {},
): SensitivityResult {
  // runs are capped below (at the scenario's runs and 200.000), but a wrong number is refused, not capped
  if (o.runs !== undefined) checkRuns(o.runs);
  if (o.year !== undefined && !Number.isInteger(o.year))
    throw new UsageError({ code: 'scenario.yearInteger', params: { got: shownArg(o.year) } });
  const m = prepareScenario(def, o.seed !== undefined ? { seed: o.seed } : {});
  const year = o.year ?? Math.min(def.baseYear + 2, def.horizon);
  const t = m.years.indexOf(year);
  if (t < 0)
    throw new UsageError({
      code: 'scenario.yearOutside',
      params: { year, from: m.years[0], to: m.years[m.years.length - 1] },
    });
  const inputs = modelInputs(m).filter((x) => x.col >= 0);
  const medianRow = new Float64Array(m.nCols).fill(0.5);
  const median = merforbrugOf(m, medianRow, t);
  const tornado: TornadoRow[] = inputs.map((inp) => {
    const at = (u: number) => {
      const row = medianRow.slice();
      row[inp.col] = u;
      return merforbrugOf(m, row, t);
    };
    const s = makeSampler(inp.dist);
    const low = at(0.1),
      high = at(0.9);
    return {
      input: inp.name,
      lowValue: sampleAt(s, 0.1),
      highValue: sampleAt(s, 0.9),
      low,
      high,
      swing: Math.abs(high - low),
    };
  });
  if (m.noiseCol >= 0) {
    const at = (q: number) => {
      const row = medianRow.slice();
      noiseUniforms(m, t, q, row);
      return merforbrugOf(m, row, t);
    };
    // Student-t paths: the mixing uniform stays at its median (w₀), so the normal score q·w₀ = the t quantile
    const tPath = m.mixCol >= 0;
    const q1 = tPath ? qt(0.1, m.pathDf) : invNorm(0.1),
      q9 = tPath ? qt(0.9, m.pathDf) : invNorm(0.9);
    const w0 = tPath ? chiScaleAt(m.pathMix!, 0.5) : 1;
    const low = at(q1 / w0),
      high = at(q9 / w0);
    tornado.push({
      input: m.demandKind === 0 ? 'demandNoise' : 'demandPath',
      lowValue: q1,
      highValue: q9,
      low,
      high,
      swing: Math.abs(high - low),
    });
  }
  for (const nb of noiseBlocks(m)) {
    const at = (q: number) => {
      const row = medianRow.slice();
      rwUniforms(nb.col, m.years.length, t, q, row);
      return merforbrugOf(m, row, t);
    };
    const q1 = invNorm(0.1),
      q9 = invNorm(0.9);
    const low = at(q1),
      high = at(q9);
    tornado.push({ input: nb.name, lowValue: q1, highValue: q9, low, high, swing: Math.abs(high - low) });
  }
  tornado.sort((a, b) => b.swing - a.swing || (a.input < b.input ? -1 : 1));

  // rank correlations over a Monte Carlo sample
  const runs = Math.min(o.runs ?? 20_000, def.runs, 200_000);
  const blocks = noiseBlocks(m);
  const names = [
    ...inputs.map((x) => x.name),
    ...(m.noiseCol >= 0 ? [m.demandKind === 0 ? 'demandNoise' : 'demandPath'] : []),
    ...blocks.map((b) => b.name),
  ];
  const cols = names.map(() => new Float64Array(runs));
  const out = new Float64Array(runs);
  const buf = blockBuffers(m);
  const h = m.years.length;
  const hp = m.pathMean.length;
  const tp = t + hp - h;
  for (let b = 0, done = 0; done < runs; b++) {
    const n = Math.min(BLOCK_SIZE, runs - done);
    drawBlock(m, b, n, buf.u);
    simulateBlock(m, n, buf);
    for (let i = 0; i < n; i++) {
      inputs.forEach((inp, j) => (cols[j][done + i] = buf.u[inp.col * n + i]));
      if (m.noiseCol >= 0) {
        let s = 0;
        if (m.demandKind === 0) for (let k = 0; k <= t; k++) s += invNorm(buf.u[(m.noiseCol + k) * n + i]);
        else {
          for (let k = 0; k <= tp; k++) s += m.pathChol[tp * hp + k] * invNorm(buf.u[(m.noiseCol + k) * n + i]);
          if (m.mixCol >= 0) s *= chiScaleAt(m.pathMix!, buf.u[m.mixCol * n + i]);
        }
        cols[inputs.length][done + i] = s;
      }
      blocks.forEach((nb, j) => {
        let s = 0;
        for (let k = 0; k <= t; k++) s += invNorm(buf.u[(nb.col + k) * n + i]);
        cols[inputs.length + (m.noiseCol >= 0 ? 1 : 0) + j][done + i] = s;
      });
      out[done + i] = buf.vals[(2 * h + t) * n + i];
    }
    done += n;
  }
  void NV;
  const ro = ranks(out);
  const rankCorrelations = names.map((input, j) => ({ input, rho: pearson(ranks(cols[j]), ro) }));
  rankCorrelations.sort((a, b) => Math.abs(b.rho) - Math.abs(a.rho) || (a.input < b.input ? -1 : 1));
  return {
    scenario: def.id,
    year,
    median,
    tornado,
    rankCorrelations,
    ...(m.costRho !== 0 ? { costCorrelation: m.costRho } : {}),
    runs,
    seed: m.seed,
  };
}

/**
 * Ranks 1..n (ties get their average rank).
 *
 * @example
 * Array.from(ranks(Float64Array.from([10, 30, 20, 20]))) // [1, 4, 2.5, 2.5]
 */
export function ranks(x: Float64Array): Float64Array {
  const n = x.length;
  const idx = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const r = new Float64Array(n);
  for (let i = 0; i < n;) {
    let j = i;
    while (j + 1 < n && x[idx[j + 1]] === x[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}

/**
 * Pearson correlation (of ranks: Spearman's rho). 0 if either is constant.
 *
 * @example
 * pearson(Float64Array.from([1, 2, 3]), Float64Array.from([2, 4, 7])) // 0.9933992677987828
 */
export function pearson(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0,
    mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma,
      db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
}
