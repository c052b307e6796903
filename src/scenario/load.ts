/**
 * Load a scenario file: YAML with positions, schema check, `extends` chain
 * (with cycle detection), section merge, expression evaluation and semantic
 * checks. Every problem is an `InputError` naming file, line and column.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError, UsageError, type InputLocation } from '../errors.js';
import { checkDist, type DistSpec } from '../stats/distributions.js';
import { LIMITS } from '../io/limits.js';
import { bundledPath } from '../io/paths.js';
import { describeZodIssue, readYamlFile, type YamlFile as YamlDoc, type ZodIssueLike } from '../io/yaml.js';
import { scenarioFileSchema, MERGED_SECTIONS, type ScenarioFile } from './schema.js';
import { evalExpression, type ExprScope } from './expr.js';
import { loadCostAssumptions } from '../cost/assumptions.js';
import type { ScenarioDef, ScenarioMeasure, ScenarioCorrelation, DemandModel } from './types.js';
import { formatPct } from '../format/number.js';

/** Largest number of runs accepted (more is almost certainly a typo). */
export const MAX_RUNS = 1e8;
/** Folder of the bundled scenario files. */
export const BUNDLED_SCENARIO_DIR = bundledPath('models/scenarios/');
/** Default label of the bevilling assumption beyond the known years. */
export const DEFAULT_BEVILLING_LABEL =
  'Antagelse: bevillingen efter basisåret er ukendt og sættes til basisårets niveau fremskrevet med PL';
/** `DEFAULT_BEVILLING_LABEL` in English. */
export const DEFAULT_BEVILLING_LABEL_EN =
  'Assumption: the appropriation after the base year is unknown and set to the base-year level indexed with PL';

/**
 * Resolve a scenario reference: an existing path, or the id of a bundled scenario.
 *
 * @example
 * resolveScenarioPath('baseline') // '/…/models/scenarios/baseline.yaml'
 */
export function resolveScenarioPath(ref: string, relativeTo?: string): string {
  const candidates = relativeTo ? [resolve(dirname(relativeTo), ref)] : [resolve(ref)];
  if (!/[\\/]/.test(ref)) candidates.push(resolve(BUNDLED_SCENARIO_DIR, ref.endsWith('.yaml') ? ref : `${ref}.yaml`));
  for (const c of candidates) if (existsSync(c)) return c;
  throw new UsageError(`scenario ${JSON.stringify(ref)} not found (a YAML file, or one of the bundled: ${listBundledScenarios().join(', ')})`);
}

/**
 * Ids of the bundled scenarios.
 *
 * @example
 * listBundledScenarios() // ['baseline', 'high-demand', 'tightening-2021']
 */
export function listBundledScenarios(): string[] {
  try {
    return readdirYaml(BUNDLED_SCENARIO_DIR);
  } catch {
    return [];
  }
}
function readdirYaml(dir: string): string[] {
  return readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
}

interface LoadedFile {
  doc: YamlDoc;
  data: ScenarioFile;
}

function zodLocation(doc: YamlDoc, path: PropertyKey[], keys?: string[]): InputLocation {
  return keys?.length ? doc.locate([...path, keys[0]], true) : doc.locate(path);
}

function readScenarioFile(file: string, displayName: string): LoadedFile {
  const doc = readYamlFile(file, displayName);
  if (doc.data === null || typeof doc.data !== 'object' || Array.isArray(doc.data)) {
    throw new InputError({ file: displayName, line: 1, column: 1 }, 'a YAML mapping (key: value lines)', doc.data === null || doc.data === undefined ? 'an empty file' : Array.isArray(doc.data) ? 'a list' : `a single ${typeof doc.data}`);
  }
  const parsed = scenarioFileSchema.safeParse(doc.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = (issue as { keys?: string[] }).keys;
    const loc = zodLocation(doc, issue.path as PropertyKey[], keys);
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    const found = keys?.length ? `unknown key ${keys[0]}` : valueAt(doc.data, issue.path as PropertyKey[]);
    throw new InputError(loc, `${where}${describeIssue(issue)}`, found);
  }
  return { doc, data: parsed.data };
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[] }): string {
  if (issue.code === 'unrecognized_keys') return 'only known keys';
  if (issue.code === 'invalid_union') return 'a number, an expression string or a distribution {dist: fixed|normal|lognormal|triangular|uniform|empirical, ...}';
  return describeZodIssue(issue as ZodIssueLike);
}

function valueAt(v: unknown, path: PropertyKey[]): string | undefined {
  let cur: any = v;
  for (const k of path) cur = cur?.[k as any];
  if (cur === undefined) return 'nothing';
  return typeof cur === 'string' ? cur : typeof cur === 'number' ? String(cur) : JSON.stringify(cur);
}

/**
 * Load a scenario file (or a bundled scenario by id), resolving `extends`.
 * Sections `actual`, `variables`, `demand`, `visitation`, `costs`, `pl`,
 * `bevilling` merge key by key over the extended file; other keys replace.
 *
 * @example
 * const def = loadScenario('models/scenarios/baseline.yaml');
 * def.baseYear // 2024
 */
export function loadScenario(ref: string): ScenarioDef {
  const chain: LoadedFile[] = [];
  const seen: string[] = [];
  let path = resolveScenarioPath(ref);
  let display = ref;
  let from: { doc: YamlDoc } | undefined;
  for (;;) {
    const real = realpathSync(path);
    if (seen.includes(real)) {
      const cycle = [...seen, real].map((p) => basename(p)).join(' → ');
      throw new InputError(from!.doc.locate(['extends']), 'extends without a cycle', cycle);
    }
    seen.push(real);
    const f = readExtended(path, display, from);
    chain.push(f);
    if (f.data.extends === undefined) break;
    try {
      path = resolveScenarioPath(f.data.extends, path);
    } catch (e) {
      throw new InputError(f.doc.locate(['extends']), 'an existing scenario file or bundled scenario id', f.data.extends);
    }
    // only YAML files: the start of any other file (extends: /etc/passwd) is never echoed in a message
    if (!/\.ya?ml$/i.test(path)) throw new InputError(f.doc.locate(['extends']), 'a scenario file ending in .yaml (or a bundled scenario id)', f.data.extends);
    const rel = relative(process.cwd(), path);
    display = rel.startsWith('..') || isAbsolute(rel) ? path : rel;
    from = f;
  }
  return buildDef(chain);
}

/** Read a file of the chain; a file reached by `extends` that cannot be read is reported at that `extends`. */
function readExtended(path: string, display: string, from: { doc: YamlDoc } | undefined): LoadedFile {
  try {
    return readScenarioFile(path, display);
  } catch (e) {
    if (!from || !(e instanceof InputError) || e.location.line !== undefined) throw e;
    throw new InputError(from.doc.locate(['extends']), `extends: ${e.expected}`, `${display}: ${e.found ?? 'unreadable'}`);
  }
}

/** Merge the chain (root first) and record where each setting came from. */
function mergeChain(chain: LoadedFile[]): { merged: Record<string, any>; prov: Map<string, YamlDoc> } {
  const merged: Record<string, any> = {};
  const prov = new Map<string, YamlDoc>();
  for (const f of [...chain].reverse()) {
    for (const [k, v] of Object.entries(f.data)) {
      if (k === 'extends' || v === undefined) continue;
      if ((MERGED_SECTIONS as readonly string[]).includes(k)) {
        merged[k] ??= {};
        for (const [kk, vv] of Object.entries(v as object)) {
          merged[k][kk] = vv;
          prov.set(`${k}.${kk}`, f.doc);
        }
        prov.set(k, f.doc);
      } else {
        merged[k] = v;
        prov.set(k, f.doc);
      }
    }
  }
  return { merged, prov };
}

function buildDef(chain: LoadedFile[]): ScenarioDef {
  const leaf = chain[0].doc;
  const { merged, prov } = mergeChain(chain);
  /**
   * An English text (`name_en`, `pl.label_en`, ...) counts only beside the Danish text it translates: it must
   * come from the file that sets that text (or no file sets it); otherwise `fallback` (e.g. the English form
   * of a generated label), so a file that renames a scenario does not inherit its parent's English name.
   */
  const english = (enKey: string, daKey: string, fallback?: string): string | undefined => {
    const [s, k] = enKey.includes('.') ? enKey.split('.') : [undefined, enKey];
    const en: string | undefined = s === undefined ? merged[k] : merged[s]?.[k];
    return en !== undefined && (!prov.has(daKey) || prov.get(enKey) === prov.get(daKey)) ? en : fallback;
  };
  const withEn = <K extends string>(key: K, v: string | undefined): { [P in K]?: string } => (v === undefined ? {} : ({ [key]: v } as { [P in K]?: string }));
  const locate = (path: (string | number)[]): InputLocation => {
    const doc = prov.get(path.slice(0, 2).join('.')) ?? prov.get(String(path[0])) ?? leaf;
    return doc.locate(path);
  };
  const need = (key: string, what: string) => {
    if (merged[key] === undefined) throw new InputError(leaf.locate([]), `a ${key}: section (${what}) here or in a file it extends`, 'none');
  };
  need('id', 'scenario id');
  need('name', 'scenario name');
  need('baseYear', 'last year with actual figures');
  need('horizon', 'last simulated year');
  need('actual', 'base-year bevilling, forbrug, forloeb, henvendelser');
  need('demand', 'model: forecast or growth');
  need('visitation', 'rate');
  need('costs', 'fixed and unit');

  const scope: ExprScope = {};
  const n = (v: unknown, path: (string | number)[]): number => {
    if (typeof v === 'number') return v;
    return evalExpression(String(v), scope, locate(path));
  };
  const req = (section: string, key: string) => {
    const v = merged[section]?.[key];
    if (v === undefined) throw new InputError(locate([section]), `${section}.${key}`, 'nothing');
    return v;
  };
  const dist = (v: unknown, path: (string | number)[]): DistSpec => {
    let d: DistSpec;
    if (typeof v === 'number' || typeof v === 'string') d = { dist: 'fixed', value: n(v, path) };
    else {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = { dist: o.dist };
      for (const [k, x] of Object.entries(o)) {
        if (k === 'dist') continue;
        out[k] = Array.isArray(x) ? x.map((e, i) => n(e, [...path, k, i])) : n(x, [...path, k]);
      }
      d = out as DistSpec;
    }
    const why = checkDist(d);
    if (why) throw new InputError(locate(path), 'a valid distribution', why);
    return d;
  };

  const baseYear: number = merged.baseYear;
  const horizon: number = merged.horizon;
  if (!(horizon > baseYear)) throw new InputError(locate(['horizon']), `a horizon year after baseYear ${baseYear}`, String(horizon));
  if (horizon - baseYear > 50) throw new InputError(locate(['horizon']), 'at most 50 years after baseYear', String(horizon));
  const runs: number = merged.runs ?? 100_000;
  checkRuns(runs, locate(['runs']));

  const actual = {
    bevilling: n(req('actual', 'bevilling'), ['actual', 'bevilling']),
    forbrug: n(req('actual', 'forbrug'), ['actual', 'forbrug']),
    forloeb: n(req('actual', 'forloeb'), ['actual', 'forloeb']),
    henvendelser: n(req('actual', 'henvendelser'), ['actual', 'henvendelser']),
  };
  for (const [k, v] of Object.entries(actual)) {
    if (!(v > 0)) throw new InputError(locate(['actual', k]), `a positive actual.${k}`, String(v));
  }
  scope.actual = { ...actual };
  scope.baseYear = baseYear;
  scope.horizon = horizon;
  const variables: Record<string, number> = {};
  const varEntries = Object.entries((merged.variables ?? {}) as Record<string, unknown>);
  if (varEntries.length > LIMITS.scenarioVariables) throw new InputError(locate(['variables', varEntries[LIMITS.scenarioVariables][0]]), `at most ${LIMITS.scenarioVariables} variables (see README, limits)`, `${varEntries.length} variables`);
  for (const [k, v] of varEntries) {
    if (k in scope) throw new InputError(locate(['variables', k]), 'a variable name not already used', k);
    variables[k] = n(v, ['variables', k]);
    scope[k] = variables[k];
  }

  const dm = merged.demand as Record<string, any>;
  let demand: DemandModel;
  if (dm.model === undefined) throw new InputError(locate(['demand']), 'demand.model: forecast or growth', 'nothing');
  if (dm.model === 'forecast') {
    if (dm.growth !== undefined || dm.noiseSd !== undefined) throw new InputError(locate(['demand', dm.growth !== undefined ? 'growth' : 'noiseSd']), 'no growth/noiseSd with model: forecast', 'growth settings');
    demand = { model: 'forecast', series: dm.series ?? 'viso.raadgivning.henvendelser.i_alt', method: dm.method ?? 'auto', ...(dm.from !== undefined ? { from: dm.from } : {}) };
  } else {
    if (dm.series !== undefined || dm.method !== undefined) throw new InputError(locate(['demand', dm.series !== undefined ? 'series' : 'method']), 'no series/method with model: growth', 'forecast settings');
    const noiseSd = dm.noiseSd === undefined ? 0 : n(dm.noiseSd, ['demand', 'noiseSd']);
    if (!(noiseSd >= 0 && noiseSd < 1)) throw new InputError(locate(['demand', 'noiseSd']), 'noiseSd between 0 and 1', String(noiseSd));
    demand = { model: 'growth', growth: dist(req('demand', 'growth'), ['demand', 'growth']), noiseSd };
  }
  const visitation = { rate: dist(req('visitation', 'rate'), ['visitation', 'rate']) };
  const unitRaw = req('costs', 'unit');
  const costs = {
    fixed: dist(req('costs', 'fixed'), ['costs', 'fixed']),
    unit: unitRaw === 'calibrated' ? ('calibrated' as const) : dist(unitRaw, ['costs', 'unit']),
  };
  const plm = (merged.pl ?? {}) as Record<string, any>;
  const ca = plm.default === undefined || plm.label === undefined ? loadCostAssumptions() : null;
  const plDefault: number = plm.default === undefined ? ca!.pl.defaultRate : n(plm.default, ['pl', 'default']);
  const pl = {
    default: plDefault,
    rates: {
      ...(plm.default === undefined ? Object.fromEntries(Object.entries(ca!.pl.overrides).map(([y, r]) => [y, r])) : {}),
      ...Object.fromEntries(Object.entries((plm.rates ?? {}) as Record<string, unknown>).map(([y, v]) => [y, n(v, ['pl', 'rates', y])])),
    },
    label: plm.label ?? (plm.default === undefined ? ca!.pl.defaultLabel : `Antagelse: PL-regulering ${formatPct(plDefault, 'da')} om året`),
    ...withEn('labelEn', english('pl.label_en', 'pl.label',
      plm.label !== undefined ? undefined : plm.default === undefined ? ca!.pl.defaultLabelEn : `Assumption: PL indexation of ${formatPct(plDefault, 'en')} a year`)),
  };
  for (const [y, r] of Object.entries({ default: pl.default, ...pl.rates })) {
    if (!(r > -0.5 && r < 0.5)) throw new InputError(locate(y === 'default' ? ['pl', 'default'] : ['pl', 'rates', y]), 'a yearly PL rate between -0.5 and 0.5 (2 % = 0.02)', String(r));
  }
  const bm = (merged.bevilling ?? {}) as Record<string, any>;
  const bevilling = {
    amounts: Object.fromEntries(Object.entries((bm.amounts ?? {}) as Record<string, unknown>).map(([y, v]) => [y, n(v, ['bevilling', 'amounts', y])])),
    growth: bm.growth === undefined ? ({ dist: 'fixed', value: 0 } as DistSpec) : dist(bm.growth, ['bevilling', 'growth']),
    pl: bm.pl ?? true,
    label: bm.label ?? DEFAULT_BEVILLING_LABEL,
    ...withEn('labelEn', english('bevilling.label_en', 'bevilling.label', bm.label === undefined ? DEFAULT_BEVILLING_LABEL_EN : undefined)),
  };
  for (const y of Object.keys(bevilling.amounts)) {
    const yr = Number(y);
    if (yr <= baseYear || yr > horizon) throw new InputError(locate(['bevilling', 'amounts', y]), `a year from ${baseYear + 1} to ${horizon}`, y);
    if (!(bevilling.amounts[y] >= 0)) throw new InputError(locate(['bevilling', 'amounts', y]), 'a non-negative amount in mio. kr.', String(bevilling.amounts[y]));
  }
  const measures: ScenarioMeasure[] = ((merged.measures ?? []) as any[]).map((m, i) => ({
    id: m.id,
    ...(m.start !== undefined ? { start: m.start } : {}),
    ...(m.effect !== undefined ? { effect: dist(m.effect, ['measures', i, 'effect']) } : {}),
    ...(m.phaseIn !== undefined ? { phaseIn: (m.phaseIn as unknown[]).map((x, j) => n(x, ['measures', i, 'phaseIn', j])) } : {}),
  }));
  const ids = measures.map((m) => m.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new InputError(locate(['measures', i, 'id']), 'each measure at most once', id);
  });
  const correlations: ScenarioCorrelation[] = ((merged.correlations ?? []) as any[]).map((c, i) => {
    const rank = n(c.rank, ['correlations', i, 'rank']);
    if (!(rank > -1 && rank < 1)) throw new InputError(locate(['correlations', i, 'rank']), 'a rank correlation strictly between -1 and 1', String(rank));
    if (c.between[0] === c.between[1]) throw new InputError(locate(['correlations', i, 'between']), 'two different inputs', c.between.join(', '));
    for (const name of c.between as string[]) {
      if (name.startsWith('measure:') && !ids.includes(name.slice(8))) throw new InputError(locate(['correlations', i, 'between']), `a measure of this scenario (${ids.join(', ') || 'none'})`, name);
    }
    return { between: c.between, rank };
  });

  return {
    id: merged.id,
    name: merged.name,
    ...withEn('nameEn', english('name_en', 'name')),
    ...(merged.description !== undefined ? { description: merged.description } : {}),
    files: chain.map((c) => c.doc.file),
    baseYear,
    horizon,
    seed: merged.seed ?? 1,
    runs,
    actual,
    variables,
    demand,
    visitation,
    costs,
    pl,
    bevilling,
    measures,
    correlations,
    locate,
  };
}

/**
 * Check a number of runs: a positive integer at most `MAX_RUNS`.
 * Throws `InputError` at `loc` (or `UsageError` without one).
 *
 * @example
 * checkRuns(100000) // ok
 * checkRuns(0)      // throws UsageError: runs must be an integer from 1 to 100.000.000, got 0
 */
export function checkRuns(runs: number, loc?: InputLocation): void {
  if (Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS) return;
  if (loc) throw new InputError(loc, 'runs: an integer from 1 to 100000000', String(runs));
  throw new UsageError(`runs must be an integer from 1 to 100.000.000, got ${runs}`);
}
