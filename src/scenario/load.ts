/**
 * Load a scenario file: YAML with positions, schema check, `extends` chain
 * (with cycle detection), section merge, expression evaluation and semantic
 * checks. Every problem is an `InputError` naming file, line and column.
 */
import { loadBudgetRules, type BudgetRules } from './budget-rules.js';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { InputError, UsageError, shownArg, type InputLocation } from '../errors.js';
import { checkDistMsg, type DistSpec } from '../stats/distributions.js';
import { API_LIMITS, LIMITS } from '../io/limits.js';
import { bundledPath } from '../io/paths.js';
import {
  describeZodIssueMsg,
  expectedFor,
  parseYaml,
  yamlSource,
  type YamlFile as YamlDoc,
  type ZodIssueLike,
} from '../io/yaml.js';
import { scenarioFileSchema, scenarioKeysAt, MERGED_SECTIONS, type ScenarioFile } from './schema.js';
import { nearestKnownId } from '../data/suggest.js';
import { evalExpression, type ExprScope } from '../io/expr.js';
import { loadPlTable, plOf, type PlTable } from '../cost/plTable.js';
import type { ScenarioDef, ScenarioMeasure, ScenarioCorrelation, DemandModel, Est, ScenarioActual } from './types.js';
import { both } from './both.js';
import { loadBundled } from '../data/bundled.js';
import type { SeriesSource } from '../cost/data.js';
import { readInputText } from '../io/read.js';
import {
  MEASURE_KEYS,
  bundledMeasuresDir,
  checkPhaseInMsg,
  checkStartDateMsg,
  effectRefusal,
  findMeasure,
  loadMeasure,
  loadMeasureAt,
} from '../measures/load.js';
import { checkPlausible, checkAmountScale } from './plausibility.js';
import type { MeasureDef } from '../measures/types.js';
import { shownFile } from './inputs.js';
import { DEFAULT_RUNS } from '../defaults.js';
import type { Msg, MsgCode } from '../text/messages.js';

/** Largest number of runs accepted (more is almost certainly a typo). */
export const MAX_RUNS = 1e8;
/** Largest seed accepted: the seeds are 32-bit unsigned integers (as `seed:` in a scenario file and `--seed`). */
export const MAX_SEED = API_LIMITS.seedMax;
/** Folder of the bundled scenario files. */
export const BUNDLED_SCENARIO_DIR = bundledPath('models/scenarios/');
/** Default label of the bevilling assumption beyond the known years. */
export const DEFAULT_BEVILLING_LABEL = both('scenario.bevilling.default').da;
/** `DEFAULT_BEVILLING_LABEL` in English. */
export const DEFAULT_BEVILLING_LABEL_EN = both('scenario.bevilling.default').en;

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
  throw new UsageError({ code: 'name.unknownScenario', params: { ref, bundled: listBundledScenarios().join(', ') } });
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
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

interface LoadedFile {
  doc: YamlDoc;
  data: ScenarioFile;
  /** The file's text (re-parsed only for inline measures). */
  text: string;
  /** The file's path (measure files are found relative to it). */
  path: string;
}

function zodLocation(doc: YamlDoc, path: PropertyKey[], keys?: string[]): InputLocation {
  return keys?.length ? doc.locate([...path, keys[0]], true) : doc.locate(path);
}

function readScenarioFile(file: string, displayName: string, text?: string): LoadedFile {
  const source =
    text ??
    readInputText(file, { maxBytes: LIMITS.yamlFileBytes, display: displayName, what: { code: 'file.readableYaml' } });
  // a workbook or another binary file is never echoed as YAML
  if (text === undefined && (source.includes('\u0000') || source.startsWith('PK\u0003\u0004'))) {
    throw new InputError(
      { file: displayName },
      { code: /\.xlsx$/i.test(file) ? 'scenario.workbookFile' : 'scenario.yamlFile' },
      { code: 'scenario.binary' },
    );
  }
  const doc = parseYaml(source, displayName);
  if (doc.data === null || typeof doc.data !== 'object' || Array.isArray(doc.data)) {
    throw new InputError(
      { file: displayName, line: 1, column: 1 },
      { code: 'yaml.mapping' },
      doc.data === null || doc.data === undefined
        ? { code: 'yaml.emptyFile' }
        : Array.isArray(doc.data)
          ? { code: 'yaml.aList' }
          : { code: 'scenario.singleValue', params: { type: typeof doc.data } },
    );
  }
  const parsed = scenarioFileSchema.safeParse(doc.data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const keys = (issue as { keys?: string[] }).keys;
    const loc = zodLocation(doc, issue.path as PropertyKey[], keys);
    const where = issue.path.join('.');
    // a misspelt key (grwoth) with the known key it is nearest to (growth), where there is one
    const near = keys?.length ? nearestKnownId(keys[0], scenarioKeysAt(issue.path) ?? []) : undefined;
    const found: string | Msg | undefined = keys?.length
      ? near === undefined
        ? { code: 'yaml.unknownKey', params: { key: keys[0] } }
        : { code: 'yaml.unknownKeyNear', params: { key: keys[0], near } }
      : valueAt(doc.data, issue.path as PropertyKey[]);
    const what = describeIssue(issue);
    throw new InputError(
      loc,
      typeof what === 'string' ? `${where ? `${where}: ` : ''}${what}` : { code: 'yaml.at', params: { where, what } },
      found,
    );
  }
  return { doc, data: parsed.data, text: doc.text, path: file };
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[] }): string | Msg {
  if (issue.code === 'unrecognized_keys') return { code: 'yaml.onlyKnownKeys' };
  if (issue.code === 'invalid_union') return { code: 'yaml.valueForm' };
  const own = (i: ZodIssueLike): MsgCode | undefined =>
    Object.hasOwn(SCHEMA_MSGS, i.message) ? SCHEMA_MSGS[i.message] : undefined;
  const z = issue as ZodIssueLike;
  const code = own(z);
  if (code) return { code };
  const inner = z.code === 'invalid_key' ? z.issues?.[0] : undefined;
  const innerCode = inner && own(inner);
  if (innerCode) return { code: 'zod.key', params: { what: { code: innerCode } } };
  return describeZodIssueMsg(z);
}

/** The scenario schema's own messages (regex checks in schema.ts) as codes of the dictionary. */
const SCHEMA_MSGS: Readonly<Record<string, MsgCode>> = {
  'a year like 2025': 'scenario.schema.year',
  'demand, visitation, visitationDrift, fixedCost, unitCost, priceGrowth, costNoise, bevillingGrowth, measure:<id> or share:<measure id>':
    'scenario.schema.inputName',
  'a lower-case id (letters, digits, - and _)': 'scenario.schema.id',
  'a variable name': 'scenario.schema.variable',
};

function valueAt(v: unknown, path: PropertyKey[]): string | Msg | undefined {
  let cur: any = v;
  for (const k of path) cur = cur?.[k as any];
  if (cur === undefined) return { code: 'yaml.nothing' };
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
export function loadScenario(ref: string, opts: LoadScenarioOptions = {}): ScenarioDef {
  if (typeof ref !== 'string' || ref === '')
    throw new UsageError({
      code: 'scenario.ref',
      params: { bundled: listBundledScenarios().join(', '), got: shownArg(ref) },
    });
  const budget = typeof opts.budget === 'object' ? opts.budget : loadBudgetRules(opts.budget);
  const plTable = typeof opts.pl === 'object' ? opts.pl : loadPlTable(opts.pl);
  return { ...buildDef(readChain(ref, opts), opts.dataset ?? loadBundled(), plTable), budget };
}

/**
 * The settings of a scenario after its `extends` chain is merged (as written: `estimated`,
 * expressions and distributions unevaluated), with where each section key was set.
 *
 * @example
 * mergedScenario('baseline').merged.demand.growth // 'estimated'
 */
export function mergedScenario(
  ref: string,
  opts: LoadScenarioOptions = {},
): { merged: Record<string, any>; where: (path: (string | number)[]) => string } {
  const chain = readChain(ref, opts);
  const { merged, prov } = mergeChain(chain);
  const where = (path: (string | number)[]) => {
    const f = prov.get(path.slice(0, 2).join('.')) ?? prov.get(String(path[0])) ?? chain[0];
    const at = f.doc.locate(path);
    return `${shownFile(f.path)}${at.line !== undefined ? `:${at.line}` : ''}`;
  };
  return { merged, where };
}

function readChain(ref: string, opts: LoadScenarioOptions): LoadedFile[] {
  const chain: LoadedFile[] = [];
  const seen: string[] = [];
  let path = resolveScenarioPath(ref);
  let display = ref;
  let from: { doc: YamlDoc } | undefined;
  for (;;) {
    const real = realpathSync(path);
    if (seen.includes(real)) {
      const cycle = [...seen, real].map((p) => basename(p)).join(' → ');
      throw new InputError(from!.doc.locate(['extends']), { code: 'scenario.noCycle' }, cycle);
    }
    seen.push(real);
    const f =
      from === undefined && opts.text !== undefined
        ? readScenarioFile(path, display, opts.text)
        : readExtended(path, display, from);
    chain.push(f);
    if (f.data.extends === undefined) break;
    try {
      path = resolveScenarioPath(f.data.extends, path);
    } catch (e) {
      throw new InputError(f.doc.locate(['extends']), { code: 'scenario.extendsExisting' }, f.data.extends);
    }
    // only YAML files: the start of any other file (extends: /etc/passwd) is never echoed in a message
    if (!/\.ya?ml$/i.test(path))
      throw new InputError(f.doc.locate(['extends']), { code: 'scenario.extendsYaml' }, f.data.extends);
    const rel = relative(process.cwd(), path);
    display = rel.startsWith('..') || isAbsolute(rel) ? path : rel;
    from = f;
  }
  return chain;
}

/** The series a base year needs: forbrug and the activity (forløb, henvendelser) of Rådgivning og udredning. */
export const BASE_YEAR_SERIES = [
  'viso.raadgivning.forbrug',
  'viso.raadgivning.forloeb.i_alt',
  'viso.raadgivning.henvendelser.i_alt',
] as const;

/**
 * The default base year of a scenario: the latest year in which the data has forbrug, forløb and
 * henvendelser (NaN if none). With a user's file merged in (`--data`), that file's latest year.
 *
 * @example
 * latestActualYear(loadBundled()) // 2024
 */
export function latestActualYear(ds: SeriesSource): number {
  let years: Set<number> | undefined;
  for (const id of BASE_YEAR_SERIES) {
    if (!ds.has(id)) return NaN;
    const ys = new Set(
      ds
        .get(id)
        .points.filter((p) => Number.isFinite(p.value))
        .map((p) => p.year),
    );
    years = years ? new Set([...years].filter((y) => ys.has(y))) : ys;
  }
  return years && years.size ? Math.max(...years) : NaN;
}

/** Options of `loadScenario`. */
export interface LoadScenarioOptions {
  /** The data the scenario's `actual` values and estimated inputs come from (default: the bundled data). */
  dataset?: SeriesSource;
  /** Budget rules of the opsparing: a file or the parsed rules (default: the bundled `models/budget.yaml`). */
  budget?: string | BudgetRules;
  /** PL indices: a file or the parsed table (default: the bundled `models/pl.yaml`), used where the scenario sets no `pl.default`. */
  pl?: string | PlTable;
  /** The YAML text of the scenario `ref` names (an assumptions workbook read as YAML, see scenario/workbook.ts). */
  text?: string;
}

/** Read a file of the chain; a file reached by `extends` that cannot be read is reported at that `extends`. */
function readExtended(path: string, display: string, from: { doc: YamlDoc } | undefined): LoadedFile {
  try {
    return readScenarioFile(path, display);
  } catch (e) {
    if (!from || !(e instanceof InputError) || e.location.line !== undefined) throw e;
    throw new InputError(
      from.doc.locate(['extends']),
      { code: 'scenario.extendsInner', params: { inner: e.msg ?? e.expected } },
      {
        code: 'scenario.extendsFound',
        params: { file: display, found: e.foundMsg ?? e.found ?? { code: 'scenario.unreadable' } },
      },
    );
  }
}

/** Merge the chain (root first) and record where each setting came from. */
function mergeChain(chain: LoadedFile[]): { merged: Record<string, any>; prov: Map<string, LoadedFile> } {
  const merged: Record<string, any> = {};
  const prov = new Map<string, LoadedFile>();
  for (const f of [...chain].reverse()) {
    for (const [k, v] of Object.entries(f.data)) {
      if (k === 'extends' || v === undefined) continue;
      if ((MERGED_SECTIONS as readonly string[]).includes(k)) {
        merged[k] ??= {};
        for (const [kk, vv] of Object.entries(v as object)) {
          merged[k][kk] = vv;
          prov.set(`${k}.${kk}`, f);
        }
        prov.set(k, f);
      } else {
        merged[k] = v;
        prov.set(k, f);
      }
    }
  }
  return { merged, prov };
}

const ESTIMATED = 'estimated' as const;
/** Scalar settings of the scenario sections (for the provenance of hand-set values). */
const SETTING_PATHS = [
  'actual.bevilling',
  'actual.forbrug',
  'actual.forloeb',
  'actual.henvendelser',
  'demand.growth',
  'demand.noiseSd',
  'visitation.rate',
  'visitation.drift',
  'visitation.noiseSd',
  'costs.fixed',
  'costs.unit',
  'costs.noiseSd',
  'costs.priceGrowth',
  'pl.default',
  'bevilling.growth',
  'bevilling.noiseSd',
  'bevilling.pl',
];
/** Keys of a measure reference in a scenario (`id` or `file`, with overrides). */
export const MEASURE_REF_KEYS = ['id', 'file', 'start', 'effect', 'phaseIn'] as const;

function buildDef(chain: LoadedFile[], ds: SeriesSource, plTable: PlTable): Omit<ScenarioDef, 'budget'> {
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
  const withEn = <K extends string>(key: K, v: string | undefined): { [P in K]?: string } =>
    v === undefined ? {} : ({ [key]: v } as { [P in K]?: string });
  const fileOf = (path: (string | number)[]) => prov.get(path.slice(0, 2).join('.')) ?? prov.get(String(path[0]));
  const locate = (path: (string | number)[]): InputLocation => {
    const doc = fileOf(path)?.doc ?? leaf;
    const at = doc.locate(path);
    // a key written as a number (amounts: { 2026: … }) is a number in the YAML document
    const num = path.map((k) => (typeof k === 'string' && /^\d+$/.test(k) ? Number(k) : k));
    if (num.every((k, i) => k === path[i])) return at;
    const alt = doc.locate(num);
    return (alt.line ?? 0) > (at.line ?? 0) ||
      ((alt.line ?? 0) === (at.line ?? 0) && Number(alt.column ?? 0) > Number(at.column ?? 0))
      ? alt
      : at;
  };
  const need = (key: 'id' | 'name' | 'horizon') => {
    if (merged[key] === undefined)
      throw new InputError(
        leaf.locate([]),
        { code: 'scenario.needSection', params: { key } },
        { code: 'scenario.none' },
      );
  };
  need('id');
  need('name');
  need('horizon');

  const scope: ExprScope = {};
  const n = (v: unknown, path: (string | number)[]): number => {
    if (typeof v === 'number') return v;
    return evalExpression(String(v), scope, locate(path));
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
    const why = checkDistMsg(d);
    if (why) throw new InputError(locate(path), { code: 'scenario.validDist' }, why);
    return d;
  };
  const sec = (k: string): Record<string, any> => (merged[k] ?? {}) as Record<string, any>;
  /** `estimated` when left out or written so; else a checked distribution. */
  const estDist = (section: string, key: string, check?: Parameters<typeof checkPlausible>[2]): Est<DistSpec> => {
    const v = sec(section)[key];
    if (v === undefined || v === ESTIMATED) return ESTIMATED;
    const d = dist(v, [section, key]);
    if (check) checkPlausible(d, locate([section, key]), check);
    return d;
  };
  const estNum = (section: string, key: string, check: Parameters<typeof checkPlausible>[2]): Est<number> => {
    const v = sec(section)[key];
    if (v === undefined || v === ESTIMATED) return ESTIMATED;
    const x = n(v, [section, key]);
    checkPlausible({ dist: 'fixed', value: x }, locate([section, key]), check);
    return x;
  };

  // left out: the latest year of the data with actual forbrug and activity (the user's latest year with --data)
  const baseYear: number = merged.baseYear ?? latestActualYear(ds);
  if (!Number.isFinite(baseYear))
    throw new InputError(leaf.locate([]), { code: 'scenario.baseYearData' }, { code: 'scenario.none' });
  const horizon: number = merged.horizon;
  if (!(horizon > baseYear))
    throw new InputError(locate(['horizon']), { code: 'scenario.horizonAfter', params: { baseYear } }, String(horizon));
  if (horizon - baseYear > 50)
    throw new InputError(locate(['horizon']), { code: 'scenario.horizonMax' }, String(horizon));
  const runs: number = merged.runs ?? DEFAULT_RUNS;
  checkRuns(runs, locate(['runs']));

  // base-year actuals: written values are assumptions; the others come from the data of the base year
  const fromData = (id: string): number => {
    if (!ds.has(id)) return NaN;
    return ds.get(id).points.find((p) => p.year === baseYear)?.value ?? NaN;
  };
  const dataActual: ScenarioActual = {
    bevilling: fromData('viso.raadgivning.bevilling'),
    forbrug: fromData('viso.raadgivning.forbrug'),
    forloeb: fromData('viso.raadgivning.forloeb.i_alt'),
    henvendelser: fromData('viso.raadgivning.henvendelser.i_alt'),
  };
  const actual: Partial<ScenarioActual> = {};
  for (const k of ['bevilling', 'forbrug', 'forloeb', 'henvendelser'] as const) {
    const v = sec('actual')[k];
    if (v === undefined) continue;
    const x = n(v, ['actual', k]);
    if (!(x > 0))
      throw new InputError(locate(['actual', k]), { code: 'scenario.positiveActual', params: { key: k } }, String(x));
    checkAmountScale(
      x,
      dataActual[k],
      locate(['actual', k]),
      `actual.${k}`,
      k === 'bevilling' || k === 'forbrug' ? 'mio. kr.' : 'count',
    );
    actual[k] = x;
  }
  for (const k of ['bevilling', 'forbrug'] as const) {
    if (actual[k] === undefined && !Number.isFinite(dataActual[k])) {
      throw new InputError(
        locate(['actual']),
        { code: 'scenario.actualMissing', params: { key: k, year: baseYear } },
        { code: 'scenario.nothing' },
      );
    }
  }
  scope.actual = { ...dataActual, ...actual };
  scope.baseYear = baseYear;
  scope.horizon = horizon;
  const variables: Record<string, number> = {};
  const varEntries = Object.entries((merged.variables ?? {}) as Record<string, unknown>);
  if (varEntries.length > LIMITS.scenarioVariables)
    throw new InputError(
      locate(['variables', varEntries[LIMITS.scenarioVariables][0]]),
      { code: 'scenario.variablesMax', params: { max: LIMITS.scenarioVariables } },
      { code: 'scenario.variablesFound', params: { n: varEntries.length } },
    );
  for (const [k, v] of varEntries) {
    if (k in scope) throw new InputError(locate(['variables', k]), { code: 'scenario.variableName' }, k);
    variables[k] = n(v, ['variables', k]);
    scope[k] = variables[k];
  }

  const GROWTH = { lo: -0.5, hi: 0.5, what: { code: 'scenario.range.growth' } } as const;
  const NOISE = { lo: 0, hi: 0.999, what: { code: 'scenario.range.noise' } } as const;
  const dm = sec('demand');
  let demand: DemandModel;
  if (dm.model === 'forecast') {
    if (dm.growth !== undefined || dm.noiseSd !== undefined)
      throw new InputError(
        locate(['demand', dm.growth !== undefined ? 'growth' : 'noiseSd']),
        { code: 'scenario.growthWithForecast' },
        { code: 'scenario.growthSettings' },
      );
    demand = {
      model: 'forecast',
      series: dm.series ?? 'viso.raadgivning.henvendelser.i_alt',
      method: dm.method ?? 'auto',
      ...(dm.from !== undefined ? { from: dm.from } : {}),
    };
  } else {
    if (dm.series !== undefined || dm.method !== undefined)
      throw new InputError(
        locate(['demand', dm.series !== undefined ? 'series' : 'method']),
        { code: 'scenario.forecastWithGrowth' },
        { code: 'scenario.forecastSettings' },
      );
    demand = {
      model: 'growth',
      growth: estDist('demand', 'growth', GROWTH),
      noiseSd: estNum('demand', 'noiseSd', NOISE),
    };
  }
  const visitation = {
    rate: estDist('visitation', 'rate', {
      lo: 0,
      hi: 1,
      what: { code: 'scenario.range.visitation' },
      nonNegative: true,
    }),
    drift: estDist('visitation', 'drift', GROWTH),
    noiseSd: estNum('visitation', 'noiseSd', NOISE),
  };
  const forbrugRef = actual.forbrug ?? dataActual.forbrug;
  const unitRaw = sec('costs').unit;
  const costs = {
    fixed: estDist('costs', 'fixed', {
      lo: 0,
      hi: Infinity,
      what: { code: 'scenario.range.fixed' },
      nonNegative: true,
      scale: { ref: forbrugRef, unit: 'mio. kr.' },
    }),
    unit:
      unitRaw === 'calibrated'
        ? ('calibrated' as const)
        : estDist('costs', 'unit', {
            lo: 0,
            hi: Infinity,
            what: { code: 'scenario.range.unit' },
            nonNegative: true,
            scale: {
              ref: (forbrugRef / (actual.forloeb ?? dataActual.forloeb)) * 1000,
              unit: '1.000 kr.',
              below: true,
            },
          }),
    noiseSd: estNum('costs', 'noiseSd', {
      lo: 0,
      hi: Infinity,
      what: { code: 'scenario.range.residual' },
      nonNegative: true,
      scale: { ref: forbrugRef, unit: 'mio. kr.' },
    }),
    priceGrowth: sec('costs').priceGrowth === 'pl' ? ('pl' as const) : estDist('costs', 'priceGrowth', GROWTH),
    ...(sec('costs').timing !== undefined ? { timing: sec('costs').timing as 'cohort' | 'none' } : {}),
  };
  if (costs.unit === 'calibrated' && costs.fixed === ESTIMATED)
    throw new InputError(locate(['costs', 'unit']), { code: 'scenario.calibratedHandFixed' }, 'fixed: estimated');
  const plm = sec('pl');
  // without a hand-set pl.default: costs follow the index models/pl.yaml names for them, bevilling its own
  const ca = plm.default === undefined || plm.label === undefined ? plOf(plTable, plTable.uses.costs) : null;
  const plDefault: number = plm.default === undefined ? ca!.pl.defaultRate : n(plm.default, ['pl', 'default']);
  const pl = {
    default: plDefault,
    rates: {
      ...(plm.default === undefined
        ? Object.fromEntries(Object.entries(ca!.pl.overrides).map(([y, r]) => [y, r]))
        : {}),
      ...Object.fromEntries(
        Object.entries((plm.rates ?? {}) as Record<string, unknown>).map(([y, v]) => [y, n(v, ['pl', 'rates', y])]),
      ),
    },
    label:
      plm.label ??
      (plm.default === undefined ? ca!.pl.defaultLabel : both('scenario.pl.assumed', { rate: plDefault }).da),
    ...withEn(
      'labelEn',
      english(
        'pl.label_en',
        'pl.label',
        plm.label !== undefined
          ? undefined
          : plm.default === undefined
            ? ca!.pl.defaultLabelEn
            : both('scenario.pl.assumed', { rate: plDefault }).en,
      ),
    ),
  };
  const ba = plm.default === undefined ? plOf(plTable, plTable.uses.bevilling).pl : null;
  const plBevilling = ba
    ? {
        default: ba.defaultRate,
        rates: {
          ...Object.fromEntries(Object.entries(ba.overrides).map(([y, r]) => [y, r])),
          ...Object.fromEntries(Object.entries(pl.rates).filter(([y]) => (plm.rates ?? {})[y] !== undefined)),
        },
        label: ba.defaultLabel,
        labelEn: ba.defaultLabelEn ?? ba.defaultLabel,
      }
    : undefined;
  const idxAt = (id: string): InputLocation => {
    const d = plTable.indices[id].default;
    return { file: shownFile(plTable.file), line: d.line, column: d.column };
  };
  const last = (id: string) => Math.max(-Infinity, ...Object.keys(plTable.indices[id].rates).map(Number));
  const plSource =
    plm.default === undefined
      ? {
          file: plTable.file,
          costs: idxAt(plTable.uses.costs),
          bevilling: idxAt(plTable.uses.bevilling),
          costsSd: plTable.indices[plTable.uses.costs].futureSd,
          bevillingSd: plTable.indices[plTable.uses.bevilling].futureSd,
          costsLast: last(plTable.uses.costs),
          bevillingLast: last(plTable.uses.bevilling),
          bevillingIndex: {
            name: plTable.indices[plTable.uses.bevilling].name,
            ...withEn('nameEn', plTable.indices[plTable.uses.bevilling].nameEn),
          },
        }
      : undefined;
  for (const [y, r] of Object.entries({ default: pl.default, ...pl.rates })) {
    checkPlausible({ dist: 'fixed', value: r }, locate(y === 'default' ? ['pl', 'default'] : ['pl', 'rates', y]), {
      lo: -0.5,
      hi: 0.5,
      what: { code: 'scenario.range.pl' },
    });
  }
  const bm = sec('bevilling');
  const bevPl = bm.pl === true;
  const bevRef = actual.bevilling ?? dataActual.bevilling;
  const amounts: Record<string, DistSpec> = {};
  for (const [y, v] of Object.entries((bm.amounts ?? {}) as Record<string, unknown>)) {
    const yr = Number(y);
    if (yr <= baseYear || yr > horizon)
      throw new InputError(
        locate(['bevilling', 'amounts', y]),
        { code: 'scenario.amountYear', params: { from: baseYear + 1, to: horizon } },
        y,
      );
    const d = dist(v, ['bevilling', 'amounts', y]);
    checkPlausible(d, locate(['bevilling', 'amounts', y]), {
      lo: 0,
      hi: Infinity,
      what: { code: 'scenario.range.bevilling' },
      nonNegative: true,
      scale: { ref: bevRef, unit: 'mio. kr.', below: true },
    });
    amounts[y] = d;
  }
  // the data's own years after the base year (a --data file with 2025's accounts, or the finance act's 2026):
  // known, not simulated; a year the scenario file writes keeps the file's amount
  const later = (id: string) =>
    ds.has(id)
      ? ds.get(id).points.filter((p) => p.year > baseYear && p.year <= horizon && Number.isFinite(p.value))
      : [];
  const standsAt = (p: { at?: string; sources: string[] }) => p.at ?? p.sources.join(', ');
  const amountsFromData: Record<string, string> = {};
  for (const p of later('viso.raadgivning.bevilling')) {
    if (amounts[String(p.year)]) continue;
    amounts[String(p.year)] = { dist: 'fixed', value: p.value };
    amountsFromData[String(p.year)] = standsAt(p);
  }
  const knownForbrug: Record<string, { value: number; at: string }> = {};
  for (const p of later('viso.raadgivning.forbrug')) knownForbrug[String(p.year)] = { value: p.value, at: standsAt(p) };
  const bevilling = {
    amounts,
    fromData: amountsFromData,
    growth:
      bevPl && bm.growth === undefined
        ? ({ dist: 'fixed', value: 0 } as DistSpec)
        : estDist('bevilling', 'growth', GROWTH),
    noiseSd: bevPl && bm.noiseSd === undefined ? 0 : estNum('bevilling', 'noiseSd', NOISE),
    pl: bevPl,
    ...(bm.label !== undefined ? { label: bm.label as string } : {}),
    ...withEn('labelEn', english('bevilling.label_en', 'bevilling.label')),
  };
  const shareSec = sec('shares');
  const shares = { henvendelser: {} as Record<string, Est<DistSpec>>, forloeb: {} as Record<string, Est<DistSpec>> };
  for (const stage of ['henvendelser', 'forloeb'] as const) {
    for (const [area, v] of Object.entries((shareSec[stage] ?? {}) as Record<string, unknown>)) {
      if (v === ESTIMATED) {
        shares[stage][area] = ESTIMATED;
        continue;
      }
      const d = dist(v, ['shares', stage, area]);
      checkPlausible(d, locate(['shares', stage, area]), {
        lo: 0,
        hi: 1,
        what: { code: 'scenario.range.share' },
        nonNegative: true,
      });
      shares[stage][area] = d;
    }
  }

  const measures: ScenarioMeasure[] = ((merged.measures ?? []) as Record<string, unknown>[]).map((m, i) =>
    scenarioMeasure(m, i, { locate, fileOf, dist, n, ds }),
  );
  const ids = measures.map((m) => m.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) throw new InputError(locate(['measures', i]), { code: 'scenario.measureOnce' }, id);
  });
  const correlations: ScenarioCorrelation[] = ((merged.correlations ?? []) as any[]).map((c, i) => {
    const rank = n(c.rank, ['correlations', i, 'rank']);
    if (!(rank > -1 && rank < 1))
      throw new InputError(locate(['correlations', i, 'rank']), { code: 'scenario.rank' }, String(rank));
    if (c.between[0] === c.between[1])
      throw new InputError(
        locate(['correlations', i, 'between']),
        { code: 'scenario.twoInputs' },
        c.between.join(', '),
      );
    for (const name of c.between as string[]) {
      if (
        (name.startsWith('measure:') || name.startsWith('share:')) &&
        !ids.includes(name.slice(name.indexOf(':') + 1))
      )
        throw new InputError(
          locate(['correlations', i, 'between']),
          { code: 'scenario.corrMeasure', params: { ids: ids.join(', ') } },
          name,
        );
    }
    return { between: c.between, rank };
  });

  // where each hand-set value was written (provenance shown with every result)
  const written = new Map<string, InputLocation>();
  // bundled files by their path in the project, user files as given (the same on every machine)
  const where = (path: (string | number)[]): InputLocation => {
    const f = fileOf(path);
    const loc = locate(path);
    const shown = f ? shownFile(f.path) : loc.file;
    return { ...loc, file: shown === f?.path ? loc.file : shown };
  };
  for (const p of SETTING_PATHS) {
    const [s, k] = p.split('.');
    const v = sec(s)[k];
    if (v !== undefined && v !== ESTIMATED) written.set(p, where([s, k]));
  }
  for (const stage of ['henvendelser', 'forloeb'] as const)
    for (const [a, v] of Object.entries(shares[stage]))
      if (v !== ESTIMATED) written.set(`shares.${stage}.${a}`, where(['shares', stage, a]));
  for (const y of Object.keys(amounts)) written.set(`bevilling.amounts.${y}`, where(['bevilling', 'amounts', y]));
  measures.forEach((m, i) => {
    for (const k of ['start', 'effect', 'phaseIn'] as const)
      if (m[k] !== undefined) written.set(`measures.${m.id}.${k}`, where(['measures', i, k]));
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
    ...(plBevilling ? { plBevilling } : {}),
    ...(plSource ? { plSource } : {}),
    bevilling,
    knownForbrug,
    shares,
    measures,
    correlations,
    written,
    dataset: ds,
    locate,
  };
}

interface MeasureCtx {
  locate: (path: (string | number)[]) => InputLocation;
  fileOf: (path: (string | number)[]) => LoadedFile | undefined;
  dist: (v: unknown, path: (string | number)[]) => DistSpec;
  n: (v: unknown, path: (string | number)[]) => number;
  ds: SeriesSource;
}

/**
 * One entry of `measures:`: a bundled id (or `<id>.yaml` next to the scenario), a `file:` path relative
 * to the scenario file, or an inline definition (the keys of a measure file), with overrides of
 * `start`, `effect` and `phaseIn` validated like a measure file's.
 */
function scenarioMeasure(m: Record<string, unknown>, i: number, c: MeasureCtx): ScenarioMeasure {
  const at = ['measures', i];
  const f = c.fileOf(['measures']);
  const file = f?.doc.file ?? '';
  const dir = f ? dirname(f.path) : resolve('.');
  const inline = 'acts_on' in m;
  if (inline) {
    const unknown = Object.keys(m).filter((k) => !MEASURE_KEYS.includes(k));
    if (unknown.length)
      throw new InputError(
        c.locate([...at, unknown[0]]),
        { code: 'scenario.inlineMeasure', params: { keys: MEASURE_KEYS.join(', ') } },
        { code: 'yaml.unknownKey', params: { key: unknown[0] } },
      );
    const def = loadMeasureAt(f!.doc, at, { dataset: c.ds, dir: bundledMeasuresDir() });
    return { id: def.id, def, ref: 'inline' };
  }
  const unknown = Object.keys(m).filter((k) => !(MEASURE_REF_KEYS as readonly string[]).includes(k));
  if (unknown.length) {
    throw new InputError(
      c.locate([...at, unknown[0]]),
      { code: 'scenario.measureRef', params: { refKeys: MEASURE_REF_KEYS.join(', '), keys: MEASURE_KEYS.join(', ') } },
      { code: 'yaml.unknownKey', params: { key: unknown[0] } },
    );
  }
  let def: MeasureDef;
  let ref: ScenarioMeasure['ref'];
  if (typeof m.file === 'string') {
    const p = isAbsolute(m.file) ? m.file : resolve(dir, m.file);
    if (!existsSync(p))
      throw new InputError(c.locate([...at, 'file']), { code: 'scenario.measureFile', params: { dir: file } }, m.file);
    def = loadMeasure(p, { dataset: c.ds });
    if (typeof m.id === 'string' && m.id !== def.id)
      throw new InputError(
        c.locate([...at, 'id']),
        { code: 'scenario.measureIdInFile', params: { file: m.file, id: def.id } },
        m.id,
      );
    ref = 'file';
  } else if (typeof m.id === 'string') {
    const local = ['.yaml', '.yml']
      .map((e) => resolve(dir, `${m.id}${e}`))
      .find((p) => existsSync(p) && isMeasureFile(p));
    try {
      def = local ? loadMeasure(local, { dataset: c.ds }) : findMeasure(m.id, { dataset: c.ds });
    } catch (e) {
      if (e instanceof InputError && e.location.file === bundledMeasuresDir()) {
        throw new InputError(
          c.locate([...at, 'id']),
          { code: 'scenario.measureIdOrFile', params: { inner: e.msg ?? e.expected } },
          m.id,
        );
      }
      throw e;
    }
    ref = 'id';
  } else {
    throw new InputError(
      c.locate(at),
      {
        code: 'scenario.measureRefOrInline',
        params: { refKeys: MEASURE_REF_KEYS.join(', '), keys: MEASURE_KEYS.join(', ') },
      },
      JSON.stringify(m),
    );
  }
  const out: ScenarioMeasure = { id: def.id, def, ref };
  if (m.start !== undefined) {
    const s = String(m.start);
    const bad = checkStartDateMsg(s, c.ds);
    if (bad)
      throw new InputError(
        c.locate([...at, 'start']),
        { code: 'yaml.for', params: { what: bad, path: `measures.${i}.start` } },
        s,
      );
    out.start = s;
  }
  if (m.effect !== undefined) {
    const d = c.dist(m.effect, [...at, 'effect']);
    const bad = effectRefusal(d);
    if (bad)
      throw new InputError(
        c.locate([...at, 'effect']),
        expectedFor(bad.problem, `measures.${i}.effect`, bad.hint),
        f ? yamlSource(f.doc, [...at, 'effect']) : undefined,
      );
    out.effect = d;
  }
  if (m.phaseIn !== undefined) {
    if (!Array.isArray(m.phaseIn))
      throw new InputError(
        c.locate([...at, 'phaseIn']),
        { code: 'scenario.phaseInList', params: { i } },
        JSON.stringify(m.phaseIn),
      );
    const p = m.phaseIn.map((x, j) => c.n(x, [...at, 'phaseIn', j]));
    const bad = checkPhaseInMsg(p);
    if (bad)
      throw new InputError(
        c.locate([
          ...at,
          'phaseIn',
          Math.max(
            0,
            p.findIndex((x) => !(x >= 0 && x <= 1)),
          ),
        ]),
        {
          code: 'yaml.for',
          params: {
            what: bad.code === 'measures.check.phaseIn' ? { code: 'measures.check.phaseInShares' } : bad,
            path: `measures.${i}.phaseIn`,
          },
        },
        String(p.find((x) => !(x >= 0 && x <= 1)) ?? ''),
      );
    out.phaseIn = p;
  }
  return out;
}

/** True when a YAML file looks like a measure (has `acts_on`), so a scenario next to it is not taken for one. */
function isMeasureFile(p: string): boolean {
  try {
    return /^acts_on\s*:/m.test(readInputText(p, { maxBytes: LIMITS.yamlFileBytes }));
  } catch {
    return false;
  }
}

/**
 * Check a number of runs: a positive integer at most `MAX_RUNS`.
 * Throws `InputError` at `loc` (or `UsageError` without one).
 *
 * @example
 * checkRuns(100000) // ok
 * checkRuns(0)      // throws UsageError: runs must be an integer from 1 to 100,000,000, got 0
 */
export function checkRuns(runs: number, loc?: InputLocation): void {
  if (Number.isInteger(runs) && runs >= 1 && runs <= MAX_RUNS) return;
  if (loc) throw new InputError(loc, { code: 'scenario.runs' }, String(runs));
  throw new UsageError({ code: 'scenario.runsRange', params: { got: shownArg(runs) } });
}

/**
 * Check a seed given to the API: an integer from 0 to `MAX_SEED` (what a scenario file's `seed:` and
 * `--seed` take); anything else would be truncated to another seed without a word.
 *
 * @example
 * checkSeed(7)   // ok
 * checkSeed(1.5) // throws UsageError: seed must be an integer from 0 to 4294967295, got 1.5
 */
export function checkSeed(seed: unknown): asserts seed is number {
  if (typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= MAX_SEED) return;
  throw new UsageError({ code: 'scenario.seedRange', params: { max: MAX_SEED, got: shownArg(seed) } });
}
