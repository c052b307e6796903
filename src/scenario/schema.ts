/**
 * Zod schema of one scenario YAML file (before `extends` is merged).
 * Numbers may be written as mathjs expressions (strings), evaluated later.
 * Every top-level section is optional in a single file; after merging the
 * `extends` chain the required ones are checked.
 */
import { z } from '../vendor/zod.js';

/** A number or an expression string. */
export const num = z.union([z.number(), z.string().min(1)]);

const dist = z.discriminatedUnion('dist', [
  z.object({ dist: z.literal('fixed'), value: num }).strict(),
  z.object({ dist: z.literal('normal'), mean: num, sd: num, min: num.optional(), max: num.optional() }).strict(),
  z.object({ dist: z.literal('lognormal'), median: num, sdlog: num }).strict(),
  z.object({ dist: z.literal('triangular'), min: num, mode: num, max: num }).strict(),
  z.object({ dist: z.literal('uniform'), min: num, max: num }).strict(),
  z.object({ dist: z.literal('empirical'), values: z.array(num).min(1) }).strict(),
]);
/** A distribution, or a plain number/expression meaning a fixed value. */
export const distOrNum = z.union([num, dist]);
/** `estimated` (from the data), a distribution, or a number/expression. */
const est = z.union([z.literal('estimated'), num, dist]);
const areaKey = z.enum(['voksne', 'boern_unge', 'specialundervisning', 'andet']);

const yearKey = z.string().regex(/^\d{4}$/, 'a year like 2025');
const inputName = z
  .string()
  .regex(
    /^(demand|visitation|visitationDrift|fixedCost|unitCost|priceGrowth|costNoise|bevillingGrowth|measure:[a-z0-9_-]+|share:[a-z0-9_-]+)$/,
    'demand, visitation, visitationDrift, fixedCost, unitCost, priceGrowth, costNoise, bevillingGrowth, measure:<id> or share:<measure id>',
  );

export const sectionSchemas = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lower-case id (letters, digits, - and _)'),
  name: z.string().min(1),
  /** The name in English (for English output); only used from the file that sets `name`. */
  name_en: z.string().min(1),
  description: z.string(),
  extends: z.string().min(1),
  baseYear: z.number().int().min(1990).max(2100),
  horizon: z.number().int().min(1990).max(2150),
  seed: z.number().int().min(0).max(4294967295),
  runs: z.number().int(),
  actual: z.object({ bevilling: num, forbrug: num, forloeb: num, henvendelser: num }).partial().strict(),
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name'), num),
  demand: z
    .object({
      model: z.enum(['forecast', 'growth']),
      series: z.string(),
      method: z.enum(['auto', 'naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb']),
      from: z.number().int(),
      growth: est,
      noiseSd: est,
    })
    .partial()
    .strict(),
  visitation: z.object({ rate: est, drift: est, noiseSd: est }).partial().strict(),
  costs: z
    .object({
      fixed: est,
      unit: z.union([z.literal('calibrated'), est]),
      noiseSd: est,
      priceGrowth: z.union([z.literal('pl'), est]),
      timing: z.enum(['cohort', 'none']),
    })
    .partial()
    .strict(),
  pl: z
    .object({ default: num, rates: z.record(yearKey, num), label: z.string(), label_en: z.string().min(1) })
    .partial()
    .strict(),
  bevilling: z
    .object({
      amounts: z.record(yearKey, distOrNum),
      growth: est,
      noiseSd: est,
      pl: z.boolean(),
      label: z.string(),
      label_en: z.string().min(1),
    })
    .partial()
    .strict(),
  shares: z
    .object({ henvendelser: z.partialRecord(areaKey, est), forloeb: z.partialRecord(areaKey, est) })
    .partial()
    .strict(),
  // each entry is a reference (id or file, with overrides) or an inline measure: checked key by key in load.ts
  measures: z.array(z.record(z.string(), z.unknown())),
  correlations: z.array(z.object({ between: z.tuple([inputName, inputName]), rank: num }).strict()),
};

/** Schema of one scenario file (all sections optional; unknown keys rejected). */
export const scenarioFileSchema = z
  .object(
    Object.fromEntries(Object.entries(sectionSchemas).map(([k, v]) => [k, v.optional()])) as {
      [K in keyof typeof sectionSchemas]: z.ZodOptional<(typeof sectionSchemas)[K]>;
    },
  )
  .strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

/**
 * The keys a scenario file may have at `path` (the top level or a section), for a misspelt key's
 * nearest known one; undefined where the keys are not fixed (variables, lists).
 *
 * @example
 * scenarioKeysAt(['visitation']) // ['rate', 'drift', 'noiseSd']
 */
export function scenarioKeysAt(path: readonly PropertyKey[]): string[] | undefined {
  if (path.length === 0) return Object.keys(sectionSchemas);
  const s = path.length === 1 ? (sectionSchemas as Record<PropertyKey, unknown>)[path[0]] : undefined;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}
/** Sections merged key by key across `extends` (the others replace as a whole). */
export const MERGED_SECTIONS = [
  'actual',
  'variables',
  'demand',
  'visitation',
  'costs',
  'pl',
  'bevilling',
  'shares',
] as const;
