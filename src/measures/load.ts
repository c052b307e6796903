/**
 * Loading measures from YAML (`models/measures/*.yaml`) with one-line,
 * positioned errors for every kind of bad input.
 */
import { basename, dirname, join } from 'node:path';
import { z, type ZodType } from '../vendor/zod.js';
import { InputError, UsageError, shownArg } from '../errors.js';
import { bundledPath } from '../io/paths.js';
import { listInputDir } from '../io/read.js';
import { AREAS, type SeriesSource } from '../cost/data.js';
import { readYamlFile, validateYamlAt, yamlError, yamlLocate, yamlPosition, type YamlFile } from '../io/yaml.js';
import { evalExpression } from '../io/expr.js';
import { validateYamlOwn } from '../cost/validate.js';
import { checkDistMsg, distQuantile, distText, percentAsShare, type DistSpec } from '../stats/distributions.js';
import { METHOD_NAMES } from '../forecast/types.js';
import { loadBundled } from '../data/bundled.js';
import { effectFromEvaluation, evaluateMeasure } from './evaluate.js';
import { verdictMsg } from './verdict.js';
import { sayMsg, type Msg, type MsgCode } from '../text/messages.js';
import { defaultPhaseIn } from './phase.js';
import { ACTS_ON, type ActsOn, type MeasureDef } from './types.js';

const num = z.number();
const distSchemas = {
  fixed: z.object({ dist: z.literal('fixed'), value: num }).strict(),
  normal: z
    .object({ dist: z.literal('normal'), mean: num, sd: num, min: num.optional(), max: num.optional() })
    .strict(),
  lognormal: z.object({ dist: z.literal('lognormal'), median: num, sdlog: num }).strict(),
  triangular: z.object({ dist: z.literal('triangular'), min: num, mode: num, max: num }).strict(),
  uniform: z.object({ dist: z.literal('uniform'), min: num, max: num }).strict(),
  empirical: z.object({ dist: z.literal('empirical'), values: z.array(num).min(1) }).strict(),
} as const;
const DIST_NAMES = Object.keys(distSchemas) as (keyof typeof distSchemas)[];
const fromEvalSchema = z.object({ from_evaluation: z.string().min(1), outcome: z.string().min(1).optional() }).strict();

const schema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id like tightening-2021-09'),
    name: z.string().min(1),
    name_en: z.string().min(1).optional(),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
    acts_on: z.enum(ACTS_ON as [ActsOn, ...ActsOn[]]),
    areas: z.array(z.string()).min(1),
    // a plain number is a fixed effect (-0.1 for -10 %), as in a scenario's measure override
    effect: z.preprocess(
      (x) => (typeof x === 'number' ? { dist: 'fixed', value: x } : x),
      z.record(z.string(), z.unknown(), { error: 'an effect: a number or a distribution' }),
    ),
    // shares from 0 to 1, a number or a text the scenario's phaseIn takes too (»50 %«); checked in checkSemantics
    phase_in: z
      .array(z.union([z.number(), z.string().min(1)]))
      .min(1)
      .optional(),
    decay: z.number().gte(0).lt(1).optional(),
    source: z
      .string()
      .regex(/^[a-z0-9-]+#\S+$/, 'a source doc#locator')
      .optional(),
    note: z.string().optional(),
    note_da: z.string().min(1).optional(),
    evaluation: z
      .object({
        outcomes: z.array(z.string()).min(1).optional(),
        until: z.number().int().optional(),
        pre_from: z.number().int().optional(),
        method: z.enum(METHOD_NAMES as [string, ...string[]]).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The keys of a measure file (also of a measure defined inline in a scenario). */
export const MEASURE_KEYS: readonly string[] = Object.keys(schema.shape);

/** Options of `loadMeasure` / `loadMeasures`. */
export interface LoadMeasureOptions {
  /** Dataset to check series, areas and dates against (default: `loadBundled()`). */
  dataset?: SeriesSource;
  /**
   * Resolve `effect: { from_evaluation: <id> }` by evaluating that measure
   * (found in the same directory). Default true.
   */
  resolveEffects?: boolean;
}

/**
 * Directory of the bundled measures.
 *
 * @example
 * bundledMeasuresDir() // '/…/viso-budget/models/measures'
 */
export function bundledMeasuresDir(): string {
  return bundledPath('models/measures');
}

/**
 * Load and validate one measure file. Bad input (YAML syntax, schema,
 * unknown series or area, dates outside the data, impossible effect
 * distribution) throws an InputError `file:line:column: expected …, found …`.
 *
 * @example
 * const m = loadMeasure('models/measures/tightening-2021-09.yaml');
 * m.actsOn   // 'visitation'
 * m.phaseIn  // [0.28, 1]
 */
export function loadMeasure(path: string, opts: LoadMeasureOptions = {}): MeasureDef {
  return loadWith(path, opts, []);
}

/**
 * Load a measure defined inline at `at` in an already parsed YAML file (e.g. an entry of a
 * scenario's `measures:`); errors point into that file. `from_evaluation` is resolved in `dir`.
 *
 * @example
 * loadMeasureAt(parseYamlText(text, 's.yaml'), ['measures', 0], { dir: 'models/measures' }).id
 */
export function loadMeasureAt(
  y: YamlFile,
  at: readonly (string | number)[],
  opts: LoadMeasureOptions & { dir?: string } = {},
): MeasureDef {
  return loadFrom(subYaml(y, at), opts.dir ?? bundledMeasuresDir(), opts, []);
}

/** The value at `at` as a YAML file of its own (positions stay those of the whole file). */
function subYaml(y: YamlFile, at: readonly (string | number)[]): YamlFile {
  const node = y.doc.getIn(at, true);
  const doc = Object.assign(Object.create(Object.getPrototypeOf(y.doc)), y.doc, { contents: node }) as YamlFile['doc'];
  let data: unknown = y.data;
  for (const k of at) data = (data as Record<string | number, unknown> | undefined)?.[k];
  return { ...y, doc, data };
}

function loadWith(path: string, opts: LoadMeasureOptions, chain: string[]): MeasureDef {
  return loadFrom(readYamlFile(path), dirname(path), opts, chain);
}

function loadFrom(y: YamlFile, dir: string, opts: LoadMeasureOptions, chain: string[]): MeasureDef {
  const ds = opts.dataset ?? loadBundled();
  const v = validateYamlOwn(y, schema, SCHEMA_MSGS);
  const effect = parseEffect(y, v.effect);
  const def = checkSemantics(y, v, effect, ds);
  if ('from_evaluation' in effect && opts.resolveEffects !== false) {
    const ref = effect.from_evaluation;
    if (chain.includes(ref) || ref === v.id)
      throw yamlError(y, ['effect', 'from_evaluation'], { code: 'measures.load.notSelf' });
    const refFile =
      findMeasureFile(dir, ref) ??
      (dir !== bundledMeasuresDir() ? findMeasureFile(bundledMeasuresDir(), ref) : undefined);
    if (!refFile)
      throw yamlError(y, ['effect', 'from_evaluation'], { code: 'measures.load.refId', params: { dir: dir || '.' } });
    const refDef = loadWith(refFile, opts, [...chain, v.id]);
    const outcome = effect.outcome;
    if (outcome !== undefined && !refDef.evaluation.outcomes.includes(outcome)) {
      throw yamlError(y, ['effect', 'outcome'], {
        code: 'measures.load.refOutcome',
        params: { ref, outcomes: refDef.evaluation.outcomes.join(', ') },
      });
    }
    const ev = evaluateMeasure(refDef, ds);
    const o = ev.outcomes.find((x) => x.outcome === (outcome ?? refDef.evaluation.outcomes[0]))!;
    if (o.relativePercentiles.length === 0)
      throw yamlError(y, ['effect', 'from_evaluation'], {
        code: 'measures.load.refEffect',
        params: { ref, verdict: verdictMsg(o) },
      });
    def.effect = effectFromEvaluation(ev, o.outcome);
  }
  return def;
}

/**
 * Load every `*.yaml` measure in a directory (default: the bundled ones), sorted by start date.
 * Duplicate ids are an InputError.
 *
 * @example
 * loadMeasures().map((m) => m.id) // ['measures-2018', 'initiatives-2021-05', 'tightening-2021-09', ...]
 */
export function loadMeasures(dir?: string, opts: LoadMeasureOptions = {}): MeasureDef[] {
  const d = dir ?? bundledMeasuresDir();
  const files = listInputDir(d, /\.ya?ml$/);
  const defs = files.map((f) => loadMeasure(join(d, f), opts));
  const seen = new Map<string, string>();
  for (const m of defs) {
    const prev = seen.get(m.id);
    if (prev)
      throw new InputError(
        { file: m.file ?? m.id, line: 1, column: 1 },
        { code: 'measures.load.uniqueId', params: { prev } },
        m.id,
      );
    seen.set(m.id, m.file ?? m.id);
  }
  return defs.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * Resolve a measure given by id (bundled) or by file path.
 *
 * @example
 * findMeasure('tightening-2021-09').start // '2021-09-20'
 */
export function findMeasure(idOrFile: string, opts: LoadMeasureOptions & { dir?: string } = {}): MeasureDef {
  // a measure id or a file name is text: anything else crashed the error's own wording ("no message undefined")
  if (typeof idOrFile !== 'string' || idOrFile === '') {
    const ids = listInputDir(opts.dir ?? bundledMeasuresDir(), /\.ya?ml$/).map((f) =>
      basename(f).replace(/\.ya?ml$/, ''),
    );
    throw new UsageError({ code: 'measures.err.ref', params: { ids: ids.join(', '), got: shownArg(idOrFile) } });
  }
  if (/\.ya?ml$/.test(idOrFile)) return loadMeasure(idOrFile, opts);
  const dir = opts.dir ?? bundledMeasuresDir();
  const file = findMeasureFile(dir, idOrFile);
  if (!file) {
    const ids = listInputDir(dir, /\.ya?ml$/).map((f) => basename(f).replace(/\.ya?ml$/, ''));
    throw new InputError({ file: dir }, { code: 'name.measure', params: { ids: ids.join(', ') } }, idOrFile);
  }
  return loadMeasure(file, opts);
}

function findMeasureFile(dir: string, id: string): string | undefined {
  const files = listInputDir(dir, /\.ya?ml$/);
  const direct = files.find((f) => f.replace(/\.ya?ml$/, '') === id);
  if (direct) return join(dir, direct);
  for (const f of files) {
    try {
      const y = readYamlFile(join(dir, f));
      if ((y.data as { id?: unknown } | null)?.id === id) return join(dir, f);
    } catch {
      /* other files' errors surface when they are loaded themselves */
    }
  }
  return undefined;
}

type Parsed = z.infer<typeof schema>;

/** The schema's own messages (regex checks) as codes of the dictionary. */
const SCHEMA_MSGS: Readonly<Record<string, MsgCode>> = {
  'a lower-case id like tightening-2021-09': 'measures.schema.id',
  'a date YYYY-MM-DD': 'measures.schema.date',
  'a source doc#locator': 'measures.schema.source',
  'an effect: a number or a distribution': 'measures.schema.effect',
};

type EffectInput = DistSpec | z.infer<typeof fromEvalSchema>;

/** The effect: a distribution (checked per kind) or a reference to another measure's evaluation. */
function parseEffect(y: YamlFile, raw: Record<string, unknown>): EffectInput {
  if ('from_evaluation' in raw) return validateYamlAt(y, ['effect'], raw, fromEvalSchema);
  if (!('dist' in raw))
    throw yamlError(y, ['effect'], { code: 'measures.load.effectForm', params: { dists: DIST_NAMES.join('|') } });
  const kind = raw.dist;
  if (typeof kind !== 'string' || !(DIST_NAMES as string[]).includes(kind))
    throw yamlError(y, ['effect', 'dist'], {
      code: 'measures.load.distKind',
      params: { dists: DIST_NAMES.join(', ') },
    });
  return validateYamlAt(
    y,
    ['effect'],
    raw,
    distSchemas[kind as keyof typeof distSchemas] as ZodType<unknown>,
  ) as DistSpec;
}

/** Data range and series checks: everything zod cannot know. */
function checkSemantics(y: YamlFile, v: Parsed, eff: EffectInput, ds: SeriesSource): MeasureDef {
  // start date: a real calendar date within the data's reach
  const badStart = checkStartDateMsg(v.start, ds);
  if (badStart) throw yamlError(y, ['start'], badStart);
  // areas
  v.areas.forEach((a, i) => {
    if (!(AREAS as readonly string[]).includes(a))
      throw yamlError(y, ['areas', i], { code: 'measures.load.area', params: { areas: AREAS.join(', ') } });
    if (v.acts_on === 'unit_cost' && a !== 'i_alt')
      throw yamlError(y, ['areas', i], { code: 'measures.load.areaTotal' });
  });
  if (v.areas.includes('i_alt') && v.areas.length > 1)
    throw yamlError(y, ['areas'], { code: 'measures.load.areasEither' });
  for (const [i, a] of v.areas.entries()) {
    for (const id of actedSeries(v.acts_on, a))
      if (!ds.has(id))
        throw yamlError(y, ['areas', i], { code: 'measures.load.areaData', params: { actsOn: v.acts_on, id } });
  }
  // effect
  let effect: DistSpec = { dist: 'fixed', value: 0 };
  if ('dist' in eff) {
    effect = eff;
    const bad = effectRefusal(effect);
    if (bad) throw yamlError(y, ['effect'], bad.problem, undefined, bad.hint);
  }
  // phase-in: each share a number or a text read as a scenario's phaseIn is (50 % = 0.5), from 0 to 1
  const phaseIn = v.phase_in?.map((x, j) =>
    typeof x === 'number' ? x : evalExpression(x, {}, yamlLocate(y, ['phase_in', j])),
  );
  const badPhase = phaseIn?.findIndex((x) => !(x >= 0 && x <= 1)) ?? -1;
  if (badPhase >= 0) throw yamlError(y, ['phase_in', badPhase], { code: 'measures.check.phaseInShares' });
  // source
  if (v.source && ds.sources && ds.sources.length) {
    const doc = v.source.split('#')[0];
    if (!ds.sources.some((s) => s.doc === doc))
      throw yamlError(y, ['source'], {
        code: 'measures.load.source',
        params: { docs: ds.sources.map((s) => s.doc).join(', ') },
      });
  }
  // evaluation
  const outcomes = v.evaluation?.outcomes ?? defaultOutcomes(v.acts_on, v.areas);
  outcomes.forEach((id, i) => {
    for (const need of outcomeInputs(id)) {
      if (!ds.has(need))
        throw yamlError(y, ['evaluation', 'outcomes', i], { code: 'measures.load.outcome', params: { need } });
    }
  });
  const { first, last } = dataYears(ds);
  for (const key of ['until', 'pre_from'] as const) {
    const yr = v.evaluation?.[key];
    if (yr !== undefined && (yr < first || yr > last))
      throw yamlError(y, ['evaluation', key], { code: 'measures.load.yearInData', params: { first, last } });
  }
  return {
    id: v.id,
    name: v.name,
    nameEn: v.name_en,
    start: v.start,
    actsOn: v.acts_on,
    areas: v.areas,
    effect,
    effectFrom: 'from_evaluation' in eff ? eff.from_evaluation : undefined,
    ...('from_evaluation' in eff && eff.outcome !== undefined ? { effectOutcome: eff.outcome } : {}),
    ...('from_evaluation' in eff ? {} : { effectAt: yamlPosition(y, ['effect']) }),
    phaseIn: phaseIn ?? defaultPhaseIn(v.start),
    decay: v.decay,
    source: v.source,
    note: v.note,
    ...(v.note_da !== undefined ? { noteDa: v.note_da } : {}),
    evaluation: {
      outcomes,
      until: v.evaluation?.until,
      preFrom: v.evaluation?.pre_from,
      method: v.evaluation?.method as MeasureDef['evaluation']['method'],
    },
    file: y.file,
  };
}

/**
 * Why a measure start date is not acceptable (`null` if it is): a real calendar date YYYY-MM-DD
 * after the first data year and at most 25 years after the last.
 *
 * @example
 * checkStartDate('2026-02-30', loadBundled()) // 'a valid calendar date YYYY-MM-DD'
 * checkStartDate('2026-01-01', loadBundled()) // null
 */
export function checkStartDate(start: string, ds: SeriesSource = loadBundled()): string | null {
  return english(checkStartDateMsg(start, ds));
}

/**
 * `checkStartDate` as a code of the dictionary with its parameters (worded in the user's language).
 *
 * @example
 * checkStartDateMsg('2026-02-30', loadBundled()) // { code: 'measures.check.date' }
 */
export function checkStartDateMsg(start: string, ds: SeriesSource = loadBundled()): Msg | null {
  const d = new Date(`${start}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start) || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== start)
    return { code: 'measures.check.date' };
  const { first, last } = dataYears(ds);
  const year = d.getUTCFullYear();
  if (year <= first || year > last + 25)
    return {
      code: 'measures.check.startInData',
      params: { from: `${first + 1}-01-01`, to: `${last}-12-31`, max: last + 25 },
    };
  return null;
}

/**
 * Why an effect distribution is not acceptable (`null` if it is): a possible distribution whose
 * relative effect stays above −1 (−100 %) with practically all probability.
 *
 * @example
 * checkEffect({ dist: 'normal', mean: -0.9, sd: 0.2 }) // 'a relative effect above -1 (-100 %) …'
 */
export function checkEffect(effect: DistSpec): string | null {
  return english(checkEffectMsg(effect));
}

/**
 * `checkEffect` as a code of the dictionary with its parameters (worded in the user's language).
 *
 * @example
 * checkEffectMsg({ dist: 'uniform', min: 1, max: 0 }) // { code: 'measures.check.effectDist', params: { why: … } }
 */
export function checkEffectMsg(effect: DistSpec): Msg | null {
  const r = effectRefusal(effect);
  return r && r.hint ? { ...r.problem, params: { ...r.problem.params, hint: r.hint } } : (r?.problem ?? null);
}

/**
 * `checkEffectMsg` with its hint apart, so that a YAML file's message can place the hint after the key it names
 * (`… for effect; did you mean -0.1 …?`): the problem (without the hint), and the share a per cent written as a
 * whole number likely stands for (-10 for -10 %), as a scenario's inputs guess it.
 *
 * @example
 * effectRefusal({ dist: 'fixed', value: -10 })?.hint // { code: 'scenario.range.percentGuess', params: { guess: '-0.1' } }
 */
export function effectRefusal(effect: DistSpec): { problem: Msg; hint?: Msg } | null {
  const bad = effectProblem(effect);
  if (!bad || bad.code === 'measures.check.effectDist') return bad && { problem: bad };
  const problem: Msg = { ...bad, params: { ...bad.params, hint: '' } };
  const guess = percentAsShare(effect, 1, (g) => effectProblem(g) === null);
  return guess
    ? { problem, hint: { code: 'scenario.range.percentGuess', params: { guess: distText(guess) } } }
    : { problem };
}

/** Why an effect is not acceptable, without a hint. */
function effectProblem(effect: DistSpec): Msg | null {
  const why = checkDistMsg(effect);
  if (why) return { code: 'measures.check.effectDist', params: { why } };
  const lo = distQuantile(effect, 1e-6);
  if (!(lo > -1)) return { code: 'measures.check.effectLow', params: { q: String(round(lo)) } };
  const hi = distQuantile(effect, 1 - 1e-6);
  if (!(hi <= 10)) return { code: 'measures.check.effectHigh', params: { q: String(round(hi)) } };
  return null;
}

/**
 * Why phase-in shares are not acceptable (`null` if they are): one or more shares from 0 to 1.
 *
 * @example
 * checkPhaseIn([5, -3]) // 'phase-in shares from 0 to 1 (0.5 = half the effect), found 5'
 */
export function checkPhaseIn(p: readonly number[]): string | null {
  return english(checkPhaseInMsg(p));
}

/**
 * `checkPhaseIn` as a code of the dictionary with its parameters (worded in the user's language).
 *
 * @example
 * checkPhaseInMsg([5, -3]) // { code: 'measures.check.phaseIn', params: { bad: '5' } }
 */
export function checkPhaseInMsg(p: readonly number[]): Msg | null {
  if (!p.length) return { code: 'measures.check.phaseInOne' };
  const bad = p.find((x) => !(x >= 0 && x <= 1));
  return bad === undefined ? null : { code: 'measures.check.phaseIn', params: { bad: String(bad) } };
}

/** A reason in English (the wording of the string-returning checks). */
function english(m: Msg | null): string | null {
  return m ? sayMsg(m, 'en') : null;
}

/**
 * Series a measure acting on `actsOn` in `area` needs.
 *
 * @example
 * actedSeries('visitation', 'voksne') // ['viso.raadgivning.henvendelser.voksne', 'viso.raadgivning.forloeb.voksne']
 */
export function actedSeries(actsOn: ActsOn, area: string): string[] {
  switch (actsOn) {
    case 'henvendelser':
      return [`viso.raadgivning.henvendelser.${area}`];
    case 'visitation':
      return [`viso.raadgivning.henvendelser.${area}`, `viso.raadgivning.forloeb.${area}`];
    case 'forloeb':
      return [`viso.raadgivning.forloeb.${area}`];
    case 'unit_cost':
      return ['viso.raadgivning.forbrug', 'viso.raadgivning.forloeb.i_alt'];
  }
}

/**
 * The dataset series behind an outcome id (derived ids need two).
 *
 * @example
 * outcomeInputs('unit_cost') // ['viso.raadgivning.forbrug', 'viso.raadgivning.forloeb.i_alt']
 */
export function outcomeInputs(id: string): string[] {
  const m = /^visitation\.([a-z_]+)$/.exec(id);
  if (m) return [`viso.raadgivning.henvendelser.${m[1]}`, `viso.raadgivning.forloeb.${m[1]}`];
  if (id === 'unit_cost') return ['viso.raadgivning.forbrug', 'viso.raadgivning.forloeb.i_alt'];
  return [id];
}

/**
 * Default outcomes of an evaluation: the acted quantity (summed areas are
 * evaluated as i_alt when all four hovedområder are listed), the forløb it
 * leads to, and forbrug.
 *
 * @example
 * defaultOutcomes('visitation', ['i_alt']) // ['visitation.i_alt', 'viso.raadgivning.forloeb.i_alt', 'viso.raadgivning.forbrug']
 */
export function defaultOutcomes(actsOn: ActsOn, areas: string[]): string[] {
  const area = areas.length === 1 ? areas[0] : 'i_alt';
  const forloeb = `viso.raadgivning.forloeb.${area}`;
  const forbrug = 'viso.raadgivning.forbrug';
  switch (actsOn) {
    case 'henvendelser':
      return [`viso.raadgivning.henvendelser.${area}`, forloeb, forbrug];
    case 'visitation':
      return [`visitation.${area}`, forloeb, forbrug];
    case 'forloeb':
      return [forloeb, forbrug];
    case 'unit_cost':
      return ['unit_cost', forbrug];
  }
}

function dataYears(ds: SeriesSource): { first: number; last: number } {
  const ids = [
    'viso.raadgivning.forbrug',
    'viso.raadgivning.forloeb.i_alt',
    'viso.raadgivning.henvendelser.i_alt',
  ].filter((id) => ds.has(id));
  const years = ids.flatMap((id) => ds.get(id).points.map((p) => p.year));
  return { first: Math.min(...years), last: Math.max(...years) };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
