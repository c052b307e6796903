/**
 * The live what-if's inputs and what they do to the primary scenario's compiled model.
 *
 * Every control changes the model only in ways a scenario file can say, and never its column
 * layout (which uniform drives which input), so the page's model is exactly the model that
 * `viso scenario run` compiles from the equivalent scenario file ({@link liveScenarioYaml}) and the
 * same runs and seed give the same numbers:
 * - demand growth: the mean of the growth distribution g (its spread kept), `demand.growth`;
 * - a tightening at a stage (henvendelser, visitation rate or cost per forløb), size and start month:
 *   an inline measure with a fixed effect (a fixed input draws no uniform), acting on the total;
 * - bevilling per year: known amounts (`bevilling.amounts`), the later years continuing from them;
 * - cost per forløb: a measure on the unit cost from the first simulated year (fixed effect);
 * - PL: the mean of the cost per forløb's yearly price growth π (spread kept), `costs.priceGrowth`, or,
 *   when the scenario indexes costs with the PL index, the PL rate of every year (`pl.default`).
 * Pure functions without Node imports: they run in the report's browser bundle and in Node.
 */
import type { DistSpec } from '../../stats/distributions.js';
import { defaultPhaseIn, phaseShare } from '../../measures/phase.js';
import type { CompiledInput, CompiledMeasure, CompiledModel } from '../../scenario/model.js';

/** The stages a live tightening can act on (the measure's `acts_on`). */
export const LIVE_STAGES = ['henvendelser', 'visitation', 'unit_cost'] as const;
export type LiveStage = (typeof LIVE_STAGES)[number];

/** Ids of the measures the live what-if adds (they show in the equivalent scenario file). */
export const LIVE_TIGHTENING_ID = 'live-tightening';
export const LIVE_UNIT_COST_ID = 'live-unit-cost';

/** What the reader has set. `null`/empty/0: the scenario's own value. */
export interface LiveInputs {
  /** Mean yearly growth of henvendelser (0.05 = 5 %); null: the scenario's. */
  demandGrowth: number | null;
  /** A tightening: its stage, size (a reduction, 0.1 = −10 %) and start month `YYYY-MM`; null or size 0: none. */
  tightening: { stage: LiveStage; size: number; start: string } | null;
  /** Known bevilling by year (mio. kr., current prices); other years: the scenario's projection. */
  bevilling: Record<string, number>;
  /** Relative change of the cost per forløb from the first simulated year (0.05 = +5 %); 0: none. */
  unitCostChange: number;
  /** Mean yearly price growth (PL) of the cost per forløb, or the PL rate (0.02 = 2 %); null: the scenario's. */
  priceGrowth: number | null;
  /** Monte Carlo runs. */
  runs: number;
}

/** What the controls may change in a scenario, read from its compiled model and definition (embedded in the report). */
export interface LiveInfo {
  /** The scenario as named in `extends:` (a bundled id or the file as shown in the report). */
  extendsRef: string;
  scenarioId: string;
  scenarioName: string;
  baseYear: number;
  years: number[];
  seed: number;
  /** The growth distribution g of henvendelser (normal or fixed), or null when demand comes from a forecast. */
  demandGrowth: DistSpec | null;
  /** The price growth π of the cost per forløb (normal or fixed), or the PL rate when costs follow the PL index. */
  priceGrowth: { mode: 'dist'; dist: DistSpec } | { mode: 'pl'; rate: number; bevillingPl: boolean } | null;
  /** Mean unit cost (1.000 kr. per forløb), for showing what a change means; null when calibrated. */
  unitCostMean: number | null;
  /** Years whose bevilling is an uncertain amount in the scenario (not settable: it draws a uniform). */
  bevillingLocked: number[];
  /** The scenario's own known bevilling by year (mio. kr., a number or a distribution), kept in the equivalent file. */
  bevillingKnown: Record<string, number | DistSpec>;
  /** The scenario's measures as entries of a scenario file's `measures:` list (JSON flow mappings), kept in the equivalent file. */
  measureEntries: string[];
}

/**
 * The inputs that change nothing: the scenario as it is, with `runs` runs.
 *
 * @example
 * neutralInputs(20_000).tightening // null
 */
export function neutralInputs(runs: number): LiveInputs {
  return { demandGrowth: null, tightening: null, bevilling: {}, unitCostChange: 0, priceGrowth: null, runs };
}

/** The location of a distribution (the value a control sets), or NaN if it has none we can move. */
export function distLocation(d: DistSpec | null): number {
  if (!d) return NaN;
  return d.dist === 'normal' ? d.mean : d.dist === 'fixed' ? d.value : NaN;
}

function moved(d: DistSpec, x: number): DistSpec {
  if (d.dist === 'normal') return { ...d, mean: x };
  if (d.dist === 'fixed') return { dist: 'fixed', value: x };
  throw new Error(`a ${d.dist} distribution cannot be moved by the live what-if`);
}

function input(i: CompiledInput, x: number): CompiledInput {
  return { ...i, dist: moved(i.dist, x) };
}

/** Start date `YYYY-MM-01` of a month `YYYY-MM`. */
function startDate(month: string): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`a start month YYYY-MM, got ${month}`);
  return `${month}-01`;
}

/** The live measures, in the order they are appended to the scenario's (as in {@link liveScenarioYaml}). */
function liveMeasures(info: LiveInfo, x: LiveInputs): LiveMeasure[] {
  const out: LiveMeasure[] = [];
  const tg = x.tightening;
  if (tg && tg.size !== 0)
    out.push({
      id: LIVE_TIGHTENING_ID,
      name: 'Stramning (hvad nu hvis)',
      nameEn: 'Tightening (what if)',
      start: startDate(tg.start),
      actsOn: tg.stage,
      effect: -tg.size,
    });
  if (x.unitCostChange !== 0)
    out.push({
      id: LIVE_UNIT_COST_ID,
      name: 'Ændret pris pr. forløb (hvad nu hvis)',
      nameEn: 'Changed cost per case (what if)',
      start: `${info.baseYear + 1}-01-01`,
      actsOn: 'unit_cost',
      effect: x.unitCostChange,
    });
  return out;
}

interface LiveMeasure {
  id: string;
  name: string;
  nameEn: string;
  start: string;
  actsOn: LiveStage;
  effect: number;
}

const ACTS: Record<LiveStage, CompiledMeasure['actsOn']> = { henvendelser: 0, visitation: 1, unit_cost: 2 };

/**
 * The compiled model with the reader's inputs: a copy, `base` is not changed. Throws on inputs the
 * controls never produce (a bevilling for a year outside the simulation or with an uncertain amount).
 *
 * @example
 * const m = applyLiveInputs(model, info, { ...neutralInputs(20_000), demandGrowth: 0.12 });
 * m.growth.dist // { dist: 'normal', mean: 0.12, sd: 0.0234… }
 */
export function applyLiveInputs(base: CompiledModel, info: LiveInfo, x: LiveInputs): CompiledModel {
  const m: CompiledModel = {
    ...base,
    measures: [...base.measures],
    bevKnown: Float64Array.from(base.bevKnown),
    plIndex: Float64Array.from(base.plIndex),
    bevPlRate: Float64Array.from(base.bevPlRate),
  };
  if (x.demandGrowth !== null) {
    if (!info.demandGrowth || base.demandKind !== 0)
      throw new Error('demand growth cannot be set: demand comes from a forecast');
    m.growth = input(base.growth, x.demandGrowth);
  }
  if (x.priceGrowth !== null) {
    const pg = info.priceGrowth;
    if (!pg) throw new Error('the price growth cannot be set in this scenario');
    if (pg.mode === 'dist') m.priceGrowth = input(base.priceGrowth!, x.priceGrowth);
    else {
      let idx = 1;
      base.years.forEach((_, t) => {
        idx *= 1 + x.priceGrowth!;
        m.plIndex[t] = idx;
        m.bevPlRate[t] = pg.bevillingPl ? x.priceGrowth! : 0;
      });
    }
  }
  for (const [y, v] of Object.entries(x.bevilling)) {
    const t = base.years.indexOf(Number(y));
    if (t < 0 || base.bevAmounts[t] !== null) throw new Error(`the appropriation of ${y} cannot be set`);
    if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`an appropriation of 0 mio. kr. or more for ${y}, got ${v}`);
    m.bevKnown[t] = v;
  }
  for (const lm of liveMeasures(info, x)) {
    // as compile: the phase beyond the base year's, with the default phase-in of the start date
    const def = { start: lm.start, phaseIn: defaultPhaseIn(lm.start) };
    const before = phaseShare(def, info.baseYear);
    m.measures.push({
      id: lm.id,
      input: { name: `measure:${lm.id}`, dist: { dist: 'fixed', value: lm.effect }, col: -1 },
      share: null,
      actsOn: ACTS[lm.actsOn],
      phase: Float64Array.from(base.years, (y) => phaseShare(def, y) - before),
    });
  }
  return m;
}

/** A value as YAML: JSON (YAML 1.2 reads JSON), numbers in their shortest round-trip form. */
const y = (v: unknown) => JSON.stringify(v);

function distYaml(d: DistSpec): string {
  return y(d);
}

/**
 * The scenario file that gives the same model as {@link applyLiveInputs}: it extends the scenario and sets
 * what the reader changed, with the page's runs and seed, so `viso scenario run <file>` prints the page's numbers.
 *
 * @example
 * liveScenarioYaml(info, { ...neutralInputs(20_000), demandGrowth: 0.12 }, 'da')
 * // '# …\nid: live-whatif\n…\nextends: baseline\nseed: 20240101\nruns: 20000\ndemand:\n  growth: {"dist":"normal","mean":0.12,"sd":0.0234…}\n'
 */
export function liveScenarioYaml(info: LiveInfo, x: LiveInputs, lang: 'da' | 'en' = 'da'): string {
  const da = lang === 'da';
  const lines: string[] = [
    da
      ? '# Scenariefil fra rapportens hvad nu hvis (viso-budget): scenariet som sat på siden.'
      : "# Scenario file from the report's what-if (viso-budget): the scenario as set in the page.",
    da
      ? `# Kør den med: viso scenario run <denne fil> (samme tal som siden: samme kørsler og seed).`
      : '# Run it with: viso scenario run <this file> (the same numbers as the page: same runs and seed).',
    da
      ? `# extends: ${info.extendsRef} er et scenarie i pakken eller en fil, der skal ligge ved siden af denne.`
      : `# extends: ${info.extendsRef} is a bundled scenario or a file that must lie next to this one.`,
    'id: live-whatif',
    `name: ${y(da ? `Hvad nu hvis (${info.scenarioName})` : `What if (${info.scenarioName})`)}`,
    `extends: ${y(info.extendsRef)}`,
    `seed: ${info.seed}`,
    `runs: ${x.runs}`,
  ];
  if (x.demandGrowth !== null && info.demandGrowth)
    lines.push('demand:', `  growth: ${distYaml(moved(info.demandGrowth, x.demandGrowth))}`);
  const pg = info.priceGrowth;
  if (x.priceGrowth !== null && pg?.mode === 'dist')
    lines.push('costs:', `  priceGrowth: ${distYaml(moved(pg.dist, x.priceGrowth))}`);
  if (x.priceGrowth !== null && pg?.mode === 'pl') lines.push('pl:', `  default: ${y(x.priceGrowth)}`, '  rates: {}');
  const amounts: Record<string, number | DistSpec> = { ...info.bevillingKnown, ...x.bevilling };
  if (Object.keys(x.bevilling).length) {
    lines.push(
      'bevilling:',
      `  amounts: {${Object.keys(amounts)
        .sort()
        .map((k) => `${y(k)}: ${y(amounts[k])}`)
        .join(', ')}}`,
    );
  }
  const lm = liveMeasures(info, x);
  if (lm.length) {
    lines.push('measures:', ...info.measureEntries.map((e) => `  - ${e}`));
    for (const m of lm)
      lines.push(
        `  - ${y({ id: m.id, name: m.name, name_en: m.nameEn, start: m.start, acts_on: m.actsOn, areas: ['i_alt'], effect: { dist: 'fixed', value: m.effect } })}`,
      );
  }
  return lines.join('\n') + '\n';
}
