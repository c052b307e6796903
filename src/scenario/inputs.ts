/**
 * Resolve a scenario's inputs: every `estimated` input becomes the estimate from the data up to the
 * base year (`estimateScenarioInputs`), every hand-set one stays as written, and each gets its
 * provenance: an estimate (from which series and years), the data, or an assumption (file and line).
 */
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, type InputLocation } from '../errors.js';
import type { DistSpec } from '../stats/distributions.js';
import { loadCostAssumptions, bundledCostPath } from '../cost/assumptions.js';
import { readYamlFile, yamlPosition } from '../io/yaml.js';
import { estimateScenarioInputs, type ScenarioEstimates } from './estimate.js';
import { both, type Text2 } from './both.js';
import { plRatesText } from '../text/cost.js';
import type { Est, InputInfo, InputSource, ScenarioDef } from './types.js';

/** A scenario's inputs with every estimate filled in (the engine's input). */
export interface ResolvedInputs {
  actual: { bevilling: number; forbrug: number; forloeb: number; henvendelser: number };
  growth: DistSpec;
  noiseSd: number;
  visitationRate: DistSpec;
  visitationDrift: DistSpec;
  visitationNoise: number;
  /** fixed (mio. kr.) and unit (1.000 kr. per forløb); `rho` their correlation when drawn jointly. */
  fixed: DistSpec;
  unit: DistSpec | 'calibrated';
  rho: number;
  costNoise: number;
  priceGrowth: DistSpec | 'pl';
  bevGrowth: DistSpec;
  bevNoise: number;
  /** Share of an area (or of several, summed) in a stage's quantity. */
  share: (stage: 'henvendelser' | 'forloeb', areas: string[]) => DistSpec;
  inputs: InputInfo[];
  estimates?: ScenarioEstimates;
}

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * A file as shown in provenance: relative to the project for bundled files, else as given.
 *
 * @example
 * shownFile('/…/viso-budget/models/scenarios/baseline.yaml') // 'models/scenarios/baseline.yaml'
 */
export function shownFile(file: string): string {
  const rel = relative(ROOT, file);
  return rel && !rel.startsWith('..') && !rel.startsWith('/') ? rel : file;
}

function assumption(loc: InputLocation, text: Text2): InputSource {
  return {
    kind: 'assumption',
    file: loc.file,
    ...(loc.line !== undefined ? { line: loc.line } : {}),
    ...(typeof loc.column === 'number' ? { column: loc.column } : {}),
    ...(loc.cell !== undefined ? { cell: loc.cell } : {}),
    text,
  };
}

let plLoc: InputLocation | undefined;
/** Where the default PL rate is written (models/cost.yaml). */
function defaultPlLocation(): InputLocation {
  if (!plLoc) {
    const path = bundledCostPath();
    try {
      const pos = yamlPosition(readYamlFile(path), ['pl_index', 'default_rate']);
      plLoc = { file: shownFile(path), line: pos.line, column: pos.column };
    } catch {
      plLoc = { file: shownFile(path) };
    }
  }
  return plLoc;
}

/**
 * Resolve a scenario's inputs at its base year from its dataset (`def.dataset`).
 *
 * @example
 * const r = resolveInputs(loadScenario('baseline'));
 * r.inputs.find((x) => x.input === 'demand.growth')?.source.kind // 'estimate'
 */
export function resolveInputs(def: ScenarioDef, o: { estimates?: ScenarioEstimates } = {}): ResolvedInputs {
  let est = o.estimates;
  const E = (): ScenarioEstimates =>
    (est ??= estimateScenarioInputs(def.dataset, def.baseYear, { assumptions: loadCostAssumptions() }));
  const inputs: InputInfo[] = [];
  const hand = (path: string, text: Text2): InputSource =>
    assumption(def.written.get(path) ?? def.locate(path.split('.')), text);
  const setText = both('scenario.src.set');
  const pick = <T>(
    path: string,
    v: Est<T>,
    estimated: () => { value: T; text: Text2; kind?: 'estimate' | 'data' },
  ): T => {
    if (v !== 'estimated') {
      inputs.push({ input: path, value: v as never, source: hand(path, setText) });
      return v;
    }
    const e = estimated();
    inputs.push({ input: path, value: e.value as never, source: { kind: e.kind ?? 'estimate', text: e.text } });
    return e.value;
  };

  // base year
  const a = def.actual;
  const act = {
    bevilling: pick('actual.bevilling', a.bevilling ?? 'estimated', () => ({
      value: E().actual.bevilling,
      text: E().actual.text.bevilling,
      kind: 'data',
    })),
    forbrug: pick('actual.forbrug', a.forbrug ?? 'estimated', () => ({
      value: E().actual.forbrugModel,
      text: E().actual.text.forbrug,
      kind: 'data',
    })),
    forloeb: pick('actual.forloeb', a.forloeb ?? 'estimated', () => ({
      value: E().actual.forloeb,
      text: E().actual.text.forloeb,
      kind: Number.isFinite(E().actual.forloeb) ? 'data' : 'estimate',
    })),
    henvendelser: pick('actual.henvendelser', a.henvendelser ?? 'estimated', () => ({
      value: E().actual.henvendelser,
      text: E().actual.text.henvendelser,
      kind: Number.isFinite(E().actual.henvendelser) ? 'data' : 'estimate',
    })),
  };

  // demand
  let growth: DistSpec = { dist: 'fixed', value: 0 };
  let noiseSd = 0;
  if (def.demand.model === 'growth') {
    growth = pick('demand.growth', def.demand.growth, () => ({ value: E().demand.growth, text: E().demand.text }));
    noiseSd = pick('demand.noiseSd', def.demand.noiseSd, () => ({ value: E().demand.noiseSd, text: E().demand.text }));
  }

  // visitation
  const visitationRate = pick('visitation.rate', def.visitation.rate, () => {
    const handH = a.henvendelser !== undefined || a.forloeb !== undefined;
    if (handH && Number.isFinite(act.forloeb) && Number.isFinite(act.henvendelser)) {
      return {
        value: { dist: 'fixed', value: act.forloeb / act.henvendelser } as DistSpec,
        text: { da: 'actual.forloeb / actual.henvendelser', en: 'actual.forloeb / actual.henvendelser' },
        kind: 'data' as const,
      };
    }
    return {
      value: { dist: 'fixed', value: E().actual.visitationRate } as DistSpec,
      text: E().actual.text.visitation,
      kind: E().actual.visitationYear === def.baseYear ? ('data' as const) : ('estimate' as const),
    };
  });
  const visitationDrift = pick('visitation.drift', def.visitation.drift, () => ({
    value: E().visitation.drift,
    text: E().visitation.text,
  }));
  const visitationNoise = pick('visitation.noiseSd', def.visitation.noiseSd, () => ({
    value: E().visitation.noiseSd,
    text: E().visitation.text,
  }));

  // costs
  const c = def.costs;
  let rho = 0;
  let fixed: DistSpec;
  let unit: DistSpec | 'calibrated';
  if (c.fixed === 'estimated' && c.unit === 'estimated') {
    const m = E().costs.model;
    fixed = { dist: 'normal', mean: m.fixed.mean, sd: m.fixed.sd };
    unit = { dist: 'normal', mean: m.unit.mean * 1000, sd: m.unit.sd * 1000 };
    rho = Math.max(-0.9999, Math.min(0.9999, m.corr));
    inputs.push({ input: 'costs.fixed', value: fixed, source: { kind: 'estimate', text: E().costs.text } });
    inputs.push({ input: 'costs.unit', value: unit, source: { kind: 'estimate', text: E().costs.text } });
  } else {
    fixed = pick('costs.fixed', c.fixed, () => {
      const m = E().costs.model;
      return { value: { dist: 'normal', mean: m.fixed.mean, sd: m.fixed.sd } as DistSpec, text: E().costs.text };
    });
    unit =
      c.unit === 'calibrated'
        ? (inputs.push({
            input: 'costs.unit',
            value: 'calibrated',
            source: hand('costs.unit', both('scenario.src.calibrated')),
          }),
          'calibrated')
        : pick('costs.unit', c.unit, () => {
            const m = E().costs.model;
            return {
              value: { dist: 'normal', mean: m.unit.mean * 1000, sd: m.unit.sd * 1000 } as DistSpec,
              text: E().costs.text,
            };
          });
  }
  const costNoise = pick('costs.noiseSd', c.noiseSd, () => ({
    value: E().costs.model.sigma,
    text: E().costs.noiseText,
  }));
  let priceGrowth: DistSpec | 'pl';
  if (c.priceGrowth === 'pl') {
    priceGrowth = 'pl';
    inputs.push({
      input: 'costs.priceGrowth',
      value: 'pl',
      source: hand(
        'costs.priceGrowth',
        both('scenario.src.costsFollowPl', { label: def.pl.label }, { label: def.pl.labelEn ?? def.pl.label }),
      ),
    });
  } else
    priceGrowth = pick('costs.priceGrowth', c.priceGrowth, () => ({
      value: E().priceGrowth.dist,
      text: E().priceGrowth.text,
    }));

  // PL: an assumption (where it is written), used when bevilling.pl or costs.priceGrowth: pl
  // (costs and bevilling each follow their index of models/pl.yaml unless the scenario sets pl.default)
  const bevOwn = def.bevilling.pl && def.plBevilling !== undefined;
  const usesPl = priceGrowth === 'pl' || (def.bevilling.pl && !bevOwn);
  if (usesPl) {
    const loc = def.written.get('pl.default') ?? def.plSource?.costs ?? defaultPlLocation();
    inputs.push({
      input: 'pl.default',
      value: def.pl.default,
      source: assumption(loc, { da: def.pl.label, en: def.pl.labelEn ?? def.pl.label }),
    });
  }
  const ps = def.plSource;
  if (ps?.costsSd && priceGrowth === 'pl')
    inputs.push({
      input: 'pl.costs.futureSd',
      value: { dist: 'normal', mean: 0, sd: ps.costsSd },
      source: assumption(ps.costs, both('scenario.src.plSdCosts', { year: ps.costsLast })),
    });
  if (ps?.bevillingSd && def.bevilling.pl)
    inputs.push({
      input: 'pl.bevilling.futureSd',
      value: { dist: 'normal', mean: 0, sd: ps.bevillingSd },
      source: assumption(ps.bevilling, both('scenario.src.plSdBevilling', { year: ps.bevillingLast })),
    });
  if (bevOwn) {
    const bp = def.plBevilling!;
    inputs.push({
      input: 'pl.bevilling',
      value: bp.default,
      source: assumption(def.plSource?.bevilling ?? defaultPlLocation(), { da: bp.label, en: bp.labelEn ?? bp.label }),
    });
  }

  // bevilling
  const b = def.bevilling;
  for (const [y, d] of Object.entries(b.amounts)) {
    const at = b.fromData?.[y];
    inputs.push({
      input: `bevilling.amounts.${y}`,
      value: d,
      source:
        at !== undefined
          ? { kind: 'data', text: both('scenario.src.dataBevilling', { year: y, at }), at }
          : hand(`bevilling.amounts.${y}`, both('scenario.src.knownBevilling', { year: y })),
    });
  }
  for (const [y, k] of Object.entries(def.knownForbrug ?? {}))
    inputs.push({
      input: `known.forbrug.${y}`,
      value: { dist: 'fixed', value: k.value },
      source: { kind: 'data', text: both('scenario.src.dataForbrug', { year: y, at: k.at }), at: k.at },
    });
  let bevGrowth: DistSpec;
  let bevNoise: number;
  if (b.pl) {
    const bp = def.plBevilling ?? def.pl;
    const ix =
      def.plBevilling && def.plSource ? { ...def.plSource.bevillingIndex, file: def.plSource.file } : undefined;
    // an index of the PL table: one sentence naming it, its file and its rates over the projection's years
    const years = Array.from({ length: def.horizon - def.baseYear }, (_, i) => def.baseYear + 1 + i);
    const rate = (y: number) => bp.rates[String(y)] ?? bp.default;
    const indexed = ix
      ? both(
          'scenario.src.bevillingPlIndex',
          { index: ix.name, file: ix.file, rates: plRatesText(years, rate, 'da') },
          { index: ix.nameEn ?? ix.name, file: ix.file, rates: plRatesText(years, rate, 'en') },
        )
      : both('scenario.src.bevillingPl', { label: bp.label }, { label: bp.labelEn ?? bp.label });
    const plText: Text2 = { da: b.label ?? indexed.da, en: b.labelEn ?? b.label ?? indexed.en };
    inputs.push({ input: 'bevilling.pl', value: 'true', source: hand('bevilling.pl', plText) });
    // growth and noise not written in the file: none beyond PL, assumed by `pl: true` where it is written
    const plAt = def.written.get('bevilling.pl') ?? def.locate(['bevilling', 'pl']);
    const beyondPl = <T>(path: string, v: Est<T>, none: T): T => {
      if (def.written.has(path)) return pick(path, v, () => ({ value: none, text: plText }));
      const value = v === 'estimated' ? none : v;
      inputs.push({ input: path, value: value as never, source: assumption(plAt, plText) });
      return value;
    };
    bevGrowth = beyondPl<DistSpec>('bevilling.growth', b.growth, { dist: 'fixed', value: 0 });
    bevNoise = beyondPl('bevilling.noiseSd', b.noiseSd, 0);
  } else {
    bevGrowth = pick('bevilling.growth', b.growth, () => ({ value: E().bevilling.growth, text: E().bevilling.text }));
    bevNoise = pick('bevilling.noiseSd', b.noiseSd, () => ({ value: E().bevilling.noiseSd, text: E().bevilling.text }));
  }

  // shares of hovedområder (only for measures on areas)
  const share = (stage: 'henvendelser' | 'forloeb', areas: string[]): DistSpec => {
    const parts = areas.map((area) => {
      const v = def.shares[stage][area] ?? 'estimated';
      const path = `shares.${stage}.${area}`;
      if (v !== 'estimated') {
        if (!inputs.some((x) => x.input === path)) inputs.push({ input: path, value: v, source: hand(path, setText) });
        return v;
      }
      const e = E().shares[stage][area];
      if (!e) throw new Error(`no data on the share of ${area} in ${stage}`);
      if (!inputs.some((x) => x.input === path))
        inputs.push({ input: path, value: e.dist, source: { kind: 'estimate', text: e.text } });
      return e.dist;
    });
    if (parts.length === 1) return parts[0];
    const mean = parts.reduce((s, d) => s + (d.dist === 'normal' ? d.mean : d.dist === 'fixed' ? d.value : NaN), 0);
    const sd = Math.sqrt(parts.reduce((s, d) => s + (d.dist === 'normal' ? d.sd ** 2 : 0), 0));
    if (!Number.isFinite(mean)) {
      // a share given by hand as another distribution cannot be summed with the others
      const i = parts.findIndex((d) => d.dist !== 'normal' && d.dist !== 'fixed');
      throw new InputError(
        def.locate(['shares', stage, areas[i]]),
        { code: 'scenario.shareSummable', params: { stage, areas: areas.join(', ') } },
        parts[i].dist,
      );
    }
    return sd > 0 ? { dist: 'normal', mean, sd, min: 0, max: 1 } : { dist: 'fixed', value: mean };
  };

  return {
    actual: act,
    growth,
    noiseSd,
    visitationRate,
    visitationDrift,
    visitationNoise,
    fixed,
    unit,
    rho,
    costNoise,
    priceGrowth,
    bevGrowth,
    bevNoise,
    share,
    inputs,
    ...(est ? { estimates: est } : {}),
  };
}

/**
 * The bevilling assumption in one sentence, in Danish (`label`) and English (`labelEn`):
 * PL-indexed, known amounts, or estimated from its history (`bevillingLabel` in
 * src/report/scenarioText.ts picks one by language).
 *
 * @example
 * bevillingLabels(def, resolveInputs(def)).label // 'Estimat: bevillingens udvikling som random walk med drift …'
 */
export function bevillingLabels(def: ScenarioDef, r: ResolvedInputs): { label: string; labelEn: string } {
  if (def.bevilling.label !== undefined)
    return { label: def.bevilling.label, labelEn: def.bevilling.labelEn ?? def.bevilling.label };
  const known = Object.keys(def.bevilling.amounts).sort();
  const first = r.inputs.find((x) => x.input === (def.bevilling.pl ? 'bevilling.pl' : 'bevilling.growth'));
  const base = first?.source.text ?? { da: '', en: '' };
  if (!known.length) return { label: base.da, labelEn: base.en };
  // each known year's own source: the data file's line (--data) or the scenario file's, as its input row says
  const where = (y: string): string => {
    const s = r.inputs.find((x) => x.input === `bevilling.amounts.${y}`)?.source;
    if (s?.kind === 'data' && s.at !== undefined) return s.at;
    if (s?.kind === 'assumption')
      return s.cell !== undefined
        ? `${s.file}: ${s.cell}`
        : [s.file, s.line, s.column].filter((x) => x !== undefined).join(':');
    return '';
  };
  const group = (years: string[], key: 'scenario.bevilling.knownFromData' | 'scenario.bevilling.knownFromFile') => {
    const at = [...new Set(years.map(where).filter((w) => w !== ''))].join(', ');
    return both(key, { years: years.join(', '), at });
  };
  const data = known.filter((y) => def.bevilling.fromData?.[y] !== undefined);
  const file = known.filter((y) => def.bevilling.fromData?.[y] === undefined);
  const parts = [
    ...(data.length ? [group(data, 'scenario.bevilling.knownFromData')] : []),
    ...(file.length ? [group(file, 'scenario.bevilling.knownFromFile')] : []),
  ];
  const list = (l: 'da' | 'en') => parts.map((p) => p[l]).join(', ');
  const t = both('scenario.bevilling.known', { list: list('da'), base: base.da }, { list: list('en'), base: base.en });
  return { label: t.da, labelEn: t.en };
}
