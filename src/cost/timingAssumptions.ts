/**
 * Cohort-timing assumptions (`models/timing.yaml`): the duration distribution of a forløb
 * (with per-year shifts, e.g. longer forløb under COVID-19 in 2020) and the start-month
 * profile, each with its source and the line it is written on. Errors name file, line and column.
 */
import { fileURLToPath } from 'node:url';
import { z } from '../vendor/zod.js';
import { InputError } from '../errors.js';
import { durationDist, MAX_DURATION_MONTHS, shiftDuration, startProfile } from './timing.js';
import { readYamlFile, yamlError, yamlPosition, type YamlFile } from '../io/yaml.js';
import { validateYamlOwn } from './validate.js';

/** Where an assumption is written: file and 1-based line. */
export interface AssumptionAt {
  file: string;
  line: number;
}

/** Parsed `models/timing.yaml`. */
export interface TimingAssumptions {
  file: string;
  duration: { dist: number[]; source?: string; at: AssumptionAt };
  /** Year → whole months added to every duration that year. */
  byYear: Record<number, { shift: number; source?: string; at: AssumptionAt }>;
  startProfile: { shares: number[]; flat: boolean; at: AssumptionAt };
}

const source = z.string().min(1).optional();
const schema = z
  .object({
    duration: z
      .object({
        months: z.record(z.string().regex(/^\d+$/, 'a whole number of months as key'), z.number().min(0)),
        source,
        by_year: z
          .record(
            z.string().regex(/^\d{4}$/, 'a four-digit year as key'),
            z.object({ shift: z.number().int().min(-12).max(12), source }).strict(),
          )
          .nullish(),
      })
      .strict(),
    start_profile: z.object({ months: z.array(z.number().min(0)).length(12), source }).strict(),
  })
  .strict();

/**
 * Path of the bundled `models/timing.yaml`.
 *
 * @example
 * bundledTimingPath() // '/…/viso-budget/models/timing.yaml'
 */
export function bundledTimingPath(): string {
  return fileURLToPath(new URL('../../models/timing.yaml', import.meta.url));
}

/**
 * Read cohort-timing assumptions (default: the bundled `models/timing.yaml`).
 *
 * @example
 * const t = loadTimingAssumptions();
 * meanDuration(t.duration.dist) // 7.01
 */
export function loadTimingAssumptions(path?: string): TimingAssumptions {
  return timingAssumptionsFromYaml(readYamlFile(path ?? bundledTimingPath()));
}

/**
 * Validate an already parsed YAML file as cohort-timing assumptions.
 *
 * @example
 * timingAssumptionsFromYaml(parseYamlText(text, 'timing.yaml')).startProfile.flat // true
 */
export function timingAssumptionsFromYaml(y: YamlFile): TimingAssumptions {
  const v = validateYamlOwn(y, schema, {
    'a whole number of months as key': 'cost.schema.monthsKey',
    'a four-digit year as key': 'cost.schema.yearKey',
  });
  const at = (path: string[]): AssumptionAt => ({ file: y.file, line: yamlPosition(y, path).line });
  const weights: Record<number, number> = {};
  for (const [k, w] of Object.entries(v.duration.months)) {
    const d = Number(k);
    if (d < 1 || d > MAX_DURATION_MONTHS) {
      const pos = yamlPosition(y, ['duration', 'months', k], true);
      throw new InputError(
        { file: y.file, line: pos.line, column: pos.column },
        { code: 'cost.load.duration', params: { max: MAX_DURATION_MONTHS } },
        k,
      );
    }
    weights[d] = w;
  }
  if (!Object.values(weights).some((w) => w > 0))
    throw yamlError(y, ['duration', 'months'], { code: 'cost.load.positiveDuration' });
  const byYear: TimingAssumptions['byYear'] = {};
  for (const [k, b] of Object.entries(v.duration.by_year ?? {})) {
    byYear[Number(k)] = {
      shift: b.shift,
      ...(b.source ? { source: b.source } : {}),
      at: at(['duration', 'by_year', k]),
    };
  }
  if (!v.start_profile.months.some((w) => w > 0))
    throw yamlError(y, ['start_profile', 'months'], { code: 'cost.load.positiveMonth' });
  const shares = startProfile(v.start_profile.months);
  return {
    file: y.file,
    duration: {
      dist: durationDist(weights),
      ...(v.duration.source ? { source: v.duration.source } : {}),
      at: at(['duration', 'months']),
    },
    byYear,
    startProfile: {
      shares,
      flat: shares.every((s) => Math.abs(s - 1 / 12) < 1e-12),
      at: at(['start_profile', 'months']),
    },
  };
}

/**
 * The duration distribution of forløb started in `year` (the year's shift applied).
 *
 * @example
 * meanDuration(durationForYear(loadTimingAssumptions(), 2020)) // 8.01 (one month longer under COVID-19)
 */
export function durationForYear(t: TimingAssumptions, year: number): number[] {
  const s = t.byYear[year]?.shift ?? 0;
  return s === 0 ? t.duration.dist : shiftDuration(t.duration.dist, s);
}
