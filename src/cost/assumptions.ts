/**
 * Cost assumptions (`models/cost.yaml`): the price/wage (PL) index and the
 * settings of the fixed + variable cost model.
 */
import { z } from '../vendor/zod.js';
import type { InputLocation } from '../errors.js';
import { bundledPath } from '../io/paths.js';
import { readYamlFile, yamlError, type YamlFile } from '../io/yaml.js';
import { validateYamlOwn } from './validate.js';

/** Parsed `models/cost.yaml`. */
export interface CostAssumptions {
  /** File the assumptions came from (or `'(defaults)'`). */
  file: string;
  /** Fixed prices are in this year's price level. */
  baseYear: number;
  pl: {
    /** Yearly PL rate used where no override is given (0.02 = 2 %). */
    defaultRate: number;
    /** Human label for the default, shown wherever it is used (Danish). */
    defaultLabel: string;
    /** The label in English; the Danish label stands in when absent. */
    defaultLabelEn?: string;
    /** Year → rate from the year before to this year. */
    overrides: Record<number, number>;
  };
  /** Where `cost_model.exclude_years` is written (for a fit left with too few years). */
  excludeYearsAt?: InputLocation;
  costModel: {
    /** First year after the registration break (level-shift indicator). */
    breakYear: number;
    /** Subtract COVID-19 extra costs from forbrug before fitting. */
    excludeCovidCosts: boolean;
    /** Years left out of the cost-model fit. */
    excludeYears: number[];
  };
}

const rate = z.number().gt(-0.5).lt(0.5);
const year = z.number().int().gte(1990).lte(2100);

const schema = z
  .object({
    base_year: year,
    pl_index: z
      .object({
        default_rate: rate,
        default_label: z.string().min(1),
        default_label_en: z.string().min(1).optional(),
        overrides: z.record(z.string().regex(/^\d{4}$/, 'a four-digit year as key'), rate).nullish(),
      })
      .strict(),
    cost_model: z
      .object({
        break_year: year.default(2024),
        exclude_covid_costs: z.boolean().default(true),
        exclude_years: z.array(year).default([]),
      })
      .strict()
      .default({ break_year: 2024, exclude_covid_costs: true, exclude_years: [] }),
  })
  .strict();

/**
 * Path of the bundled `models/cost.yaml`.
 *
 * @example
 * bundledCostPath() // '/…/viso-budget/models/cost.yaml'
 */
export function bundledCostPath(): string {
  return bundledPath('models/cost.yaml');
}

/**
 * Read cost assumptions (default: the bundled `models/cost.yaml`). Errors name file, line and column.
 *
 * @example
 * const a = loadCostAssumptions();
 * a.baseYear        // 2024
 * a.pl.defaultRate  // 0.02
 */
export function loadCostAssumptions(path?: string): CostAssumptions {
  const y = readYamlFile(path ?? bundledCostPath());
  return costAssumptionsFromYaml(y);
}

/**
 * Validate an already parsed YAML file as cost assumptions.
 *
 * @example
 * costAssumptionsFromYaml(parseYaml(text, 'cost.yaml'))
 */
export function costAssumptionsFromYaml(y: YamlFile): CostAssumptions {
  const v = validateYamlOwn(y, schema, { 'a four-digit year as key': 'cost.schema.yearKey' });
  const overrides: Record<number, number> = {};
  for (const [k, r] of Object.entries(v.pl_index.overrides ?? {})) overrides[Number(k)] = r;
  if (v.cost_model.break_year <= 2014)
    throw yamlError(y, ['cost_model', 'break_year'], { code: 'cost.load.breakYear' });
  return {
    file: y.file,
    excludeYearsAt: y.locate(['cost_model', 'exclude_years']),
    baseYear: v.base_year,
    pl: {
      defaultRate: v.pl_index.default_rate,
      defaultLabel: v.pl_index.default_label,
      ...(v.pl_index.default_label_en !== undefined ? { defaultLabelEn: v.pl_index.default_label_en } : {}),
      overrides,
    },
    costModel: {
      breakYear: v.cost_model.break_year,
      excludeCovidCosts: v.cost_model.exclude_covid_costs,
      excludeYears: v.cost_model.exclude_years,
    },
  };
}

/**
 * Default assumptions without reading a file (2 % PL, base year 2024, break 2024).
 *
 * @example
 * defaultCostAssumptions().pl.defaultRate // 0.02
 */
export function defaultCostAssumptions(): CostAssumptions {
  return {
    file: '(defaults)',
    baseYear: 2024,
    pl: {
      defaultRate: 0.02,
      defaultLabel: 'Antaget PL-regulering 2,0 % om året (standardantagelse)',
      defaultLabelEn: 'Assumed PL indexation of 2.0% a year (default assumption)',
      overrides: {},
    },
    costModel: { breakYear: 2024, excludeCovidCosts: true, excludeYears: [] },
  };
}
