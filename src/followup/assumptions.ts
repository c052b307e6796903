/**
 * Settings and assumptions of the in-year follow-up (`models/followup.yaml`), each with the
 * line it is written on so outputs can cite it. Errors name file, line and column.
 */
import { fileURLToPath } from 'node:url';
import { z } from '../vendor/zod.js';
import type { AssumptionAt } from '../cost/timingAssumptions.js';
import { readYamlFile, validateYaml, yamlPosition, type YamlFile } from '../io/yaml.js';

/** Parsed `models/followup.yaml`. */
export interface FollowUpAssumptions {
  file: string;
  prior: { scenario: string | null; runs: number; at: AssumptionAt };
  runs: number;
  seed: number;
  fixedShare: { value: number; at: AssumptionAt };
  profileNoise: { monthlyCv: number; priorYears: number; biasPriorYears: number; at: AssumptionAt };
  startsCv: { value: number; at: AssumptionAt };
  /** A number (mio. kr., an assumption), or `budget`: the balance from models/budget.yaml and the data. */
  opsparing: { value: number | 'budget'; at: AssumptionAt };
}

const schema = z
  .object({
    prior: z
      .object({ scenario: z.string().min(1).nullable(), runs: z.number().int().min(1000).max(10_000_000) })
      .strict(),
    runs: z.number().int().min(1000).max(10_000_000),
    seed: z.number().int().min(0).max(4294967295),
    fixed_share: z.number().min(0).lt(1),
    profile_noise: z
      .object({
        monthly_cv: z.number().gt(0).max(2),
        prior_years: z.number().gt(0).max(1000),
        bias_prior_years: z.number().gt(0).max(1000),
      })
      .strict(),
    starts_cv: z.number().gt(0).max(2),
    opsparing: z.union([z.literal('budget'), z.number().min(0)]),
  })
  .strict();

/**
 * Path of the bundled `models/followup.yaml`.
 *
 * @example
 * bundledFollowUpPath() // '/…/viso-budget/models/followup.yaml'
 */
export function bundledFollowUpPath(): string {
  return fileURLToPath(new URL('../../models/followup.yaml', import.meta.url));
}

/**
 * Read the follow-up assumptions (default: the bundled `models/followup.yaml`).
 *
 * @example
 * loadFollowUpAssumptions().fixedShare.value // 0.28
 */
export function loadFollowUpAssumptions(path?: string): FollowUpAssumptions {
  return followUpAssumptionsFromYaml(readYamlFile(path ?? bundledFollowUpPath()));
}

/**
 * Validate an already parsed YAML file as follow-up assumptions.
 *
 * @example
 * followUpAssumptionsFromYaml(parseYamlText(text, 'followup.yaml')).runs
 */
export function followUpAssumptionsFromYaml(y: YamlFile): FollowUpAssumptions {
  const v = validateYaml(y, schema);
  const at = (path: string[]): AssumptionAt => ({ file: y.file, line: yamlPosition(y, path).line });
  const scenario = v.prior.scenario === null || v.prior.scenario.toLowerCase() === 'none' ? null : v.prior.scenario;
  return {
    file: y.file,
    prior: { scenario, runs: v.prior.runs, at: at(['prior', 'scenario']) },
    runs: v.runs,
    seed: v.seed,
    fixedShare: { value: v.fixed_share, at: at(['fixed_share']) },
    profileNoise: {
      monthlyCv: v.profile_noise.monthly_cv,
      priorYears: v.profile_noise.prior_years,
      biasPriorYears: v.profile_noise.bias_prior_years,
      at: at(['profile_noise', 'monthly_cv']),
    },
    startsCv: { value: v.starts_cv, at: at(['starts_cv']) },
    opsparing: { value: v.opsparing, at: at(['opsparing']) },
  };
}
