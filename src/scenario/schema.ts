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

const yearKey = z.string().regex(/^\d{4}$/, 'a year like 2025');
const inputName = z.string().regex(/^(demand|visitation|fixedCost|unitCost|bevillingGrowth|measure:[a-z0-9_-]+)$/,
  'demand, visitation, fixedCost, unitCost, bevillingGrowth or measure:<id>');

export const sectionSchemas = {
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lower-case id (letters, digits, - and _)'),
  name: z.string().min(1),
  /** The name in English (`--lang en`); only used from the file that sets `name`. */
  name_en: z.string().min(1),
  description: z.string(),
  extends: z.string().min(1),
  baseYear: z.number().int().min(1990).max(2100),
  horizon: z.number().int().min(1990).max(2150),
  seed: z.number().int().min(0).max(4294967295),
  runs: z.number().int(),
  actual: z.object({ bevilling: num, forbrug: num, forloeb: num, henvendelser: num }).partial().strict(),
  variables: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a variable name'), num),
  demand: z.object({
    model: z.enum(['forecast', 'growth']),
    series: z.string(),
    method: z.enum(['auto', 'naive', 'drift', 'ses', 'holt', 'damped', 'ets', 'arima', 'theta', 'dotm', 'comb']),
    from: z.number().int(),
    growth: distOrNum,
    noiseSd: num,
  }).partial().strict(),
  visitation: z.object({ rate: distOrNum }).partial().strict(),
  costs: z.object({ fixed: distOrNum, unit: z.union([z.literal('calibrated'), distOrNum]) }).partial().strict(),
  pl: z.object({ default: num, rates: z.record(yearKey, num), label: z.string(), label_en: z.string().min(1) }).partial().strict(),
  bevilling: z.object({ amounts: z.record(yearKey, num), growth: distOrNum, pl: z.boolean(), label: z.string(), label_en: z.string().min(1) }).partial().strict(),
  measures: z.array(z.object({
    id: z.string().min(1),
    start: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD').optional(),
    effect: distOrNum.optional(),
    phaseIn: z.array(num).min(1).optional(),
  }).strict()),
  correlations: z.array(z.object({ between: z.tuple([inputName, inputName]), rank: num }).strict()),
};

/** Schema of one scenario file (all sections optional; unknown keys rejected). */
export const scenarioFileSchema = z.object(
  Object.fromEntries(Object.entries(sectionSchemas).map(([k, v]) => [k, v.optional()])) as {
    [K in keyof typeof sectionSchemas]: z.ZodOptional<(typeof sectionSchemas)[K]>;
  },
).strict();

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;
/** Sections merged key by key across `extends` (the others replace as a whole). */
export const MERGED_SECTIONS = ['actual', 'variables', 'demand', 'visitation', 'costs', 'pl', 'bevilling'] as const;
