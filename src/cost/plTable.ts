/**
 * PL indices as data (`models/pl.yaml`): named indices (general PL, the state wage index, …) with a
 * rate per year and its source, a default for years not given and an optional uncertainty of future
 * rates; which index bevilling and costs follow. Each index converts to the `pl` form of
 * `CostAssumptions`, so `plRate` and `plIndex` (plIndex.ts) compute with it. Errors name file, line
 * and column.
 */
import { z } from '../vendor/zod.js';
import { InputError } from '../errors.js';
import { bundledPath, displayPath } from '../io/paths.js';
import { readYamlFile, yamlPosition, type YamlFile } from '../io/yaml.js';
import { validateYamlOwn } from './validate.js';
import { plIndexLabel, type PlLabelParts } from '../text/cost.js';
import type { CostAssumptions } from './assumptions.js';

/** One named index. */
export interface PlIndexDef {
  id: string;
  name: string;
  nameEn?: string;
  /** Rate per year (the rise from the year before), with its source (Danish; `sourceEn` English). */
  rates: Record<number, { rate: number; source: string; sourceEn?: string; line: number }>;
  default: { rate: number; source: string; sourceEn?: string; line: number; column: number };
  /** Standard deviation of a future year's rate (after the last listed year); null: known. */
  futureSd: number | null;
}

/** Parsed `models/pl.yaml`. */
export interface PlTable {
  /** The file as shown in messages. */
  file: string;
  indices: Record<string, PlIndexDef>;
  /** The index bevilling and costs follow. */
  uses: { bevilling: string; costs: string };
}

const rate = z.number().min(-0.5).max(0.5);
const entry = z.object({ rate, source: z.string().min(1), source_en: z.string().min(1).optional() }).strict();
const schema = z
  .object({
    indices: z.record(
      z.string().regex(/^[a-z][a-z0-9_]*$/, 'a lower-case index id'),
      z
        .object({
          name: z.string().min(1),
          name_en: z.string().min(1).optional(),
          rates: z.record(z.string().regex(/^\d{4}$/, 'a four-digit year as key'), entry).nullish(),
          default: entry,
          future_sd: z.number().min(0).max(0.2).nullable(),
        })
        .strict(),
    ),
    uses: z.object({ bevilling: z.string().min(1), costs: z.string().min(1) }).strict(),
  })
  .strict();

/**
 * Path of the bundled `models/pl.yaml`.
 *
 * @example
 * bundledPlPath() // '/…/viso-budget/models/pl.yaml'
 */
export function bundledPlPath(): string {
  return bundledPath('models/pl.yaml');
}

const cache = new Map<string, PlTable>();

/**
 * Read the PL table (default: the bundled `models/pl.yaml`).
 *
 * @example
 * loadPlTable().uses // { bevilling: 'general', costs: 'wage' }
 */
export function loadPlTable(path?: string): PlTable {
  const p = path ?? bundledPlPath();
  const hit = cache.get(p);
  if (hit) return hit;
  const t = plTableFromYaml(readYamlFile(p, path === undefined ? displayPath(p) : path));
  if (cache.size > 16) cache.clear();
  cache.set(p, t);
  return t;
}

/**
 * Validate an already parsed YAML file as a PL table; `uses` must name defined indices.
 *
 * @example
 * plTableFromYaml(parseYaml(text, 'pl.yaml')).indices.general.default.rate // 0.02
 */
export function plTableFromYaml(y: YamlFile): PlTable {
  const v = validateYamlOwn(y, schema, {
    'a lower-case index id': 'cost.schema.indexId',
    'a four-digit year as key': 'cost.schema.yearKey',
  });
  const indices: Record<string, PlIndexDef> = {};
  for (const [id, ix] of Object.entries(v.indices)) {
    const rates: PlIndexDef['rates'] = {};
    for (const [yr, e] of Object.entries(ix.rates ?? {}))
      rates[Number(yr)] = {
        rate: e.rate,
        source: e.source,
        ...(e.source_en ? { sourceEn: e.source_en } : {}),
        line: yamlPosition(y, ['indices', id, 'rates', yr]).line,
      };
    const dpos = yamlPosition(y, ['indices', id, 'default', 'rate']);
    indices[id] = {
      id,
      name: ix.name,
      ...(ix.name_en ? { nameEn: ix.name_en } : {}),
      rates,
      default: {
        rate: ix.default.rate,
        source: ix.default.source,
        ...(ix.default.source_en ? { sourceEn: ix.default.source_en } : {}),
        line: dpos.line,
        column: dpos.column,
      },
      futureSd: ix.future_sd,
    };
  }
  for (const k of ['bevilling', 'costs'] as const) {
    if (!indices[v.uses[k]]) {
      const pos = yamlPosition(y, ['uses', k]);
      throw new InputError(
        { file: y.file, line: pos.line, column: pos.column },
        { code: 'cost.load.index', params: { ids: Object.keys(indices).join(', '), key: k } },
        v.uses[k],
      );
    }
  }
  return { file: y.file, indices, uses: { bevilling: v.uses.bevilling, costs: v.uses.costs } };
}

/**
 * One index in the `pl` form of `CostAssumptions` (default rate, overrides by year, labels naming
 * the index, its rates and their sources), for `plRate` and `plIndex`.
 *
 * @example
 * plRate(plOf(loadPlTable(), 'wage'), 2025) // 0.041
 */
export function plOf(t: PlTable, id: string): Pick<CostAssumptions, 'pl'> {
  const ix = t.indices[id];
  const overrides: Record<number, number> = {};
  for (const [y, e] of Object.entries(ix.rates)) overrides[Number(y)] = e.rate;
  return {
    pl: {
      defaultRate: ix.default.rate,
      // the label is data of CostAssumptions, in Danish and English (as models/cost.yaml has it)
      defaultLabel: plIndexLabel(plLabelParts(t, id), 'da'),
      defaultLabelEn: plIndexLabel(plLabelParts(t, id), 'en'),
      overrides,
    },
  };
}

/**
 * What the label of an index shows (its names, file, listed rates with sources and the default),
 * for `plIndexLabel` (src/text/cost.ts) and `plLabel` (src/report/costText.ts).
 *
 * @example
 * plLabelParts(loadPlTable(), 'wage').default // { rate: 0.02, source: 'Antagelse: …', sourceEn: 'Assumption: …' }
 */
export function plLabelParts(t: PlTable, id: string): PlLabelParts {
  const ix = t.indices[id];
  return {
    name: ix.name,
    ...(ix.nameEn !== undefined ? { nameEn: ix.nameEn } : {}),
    file: t.file,
    rates: Object.entries(ix.rates).map(([year, e]) => ({ year, rate: e.rate, ...sources(e) })),
    default: { rate: ix.default.rate, ...sources(ix.default) },
  };
}

/** A rate's sources for its label: the Danish one and, when the file gives it, the English one. */
function sources(e: { source: string; sourceEn?: string }): { source: string; sourceEn?: string } {
  return { source: e.source, ...(e.sourceEn !== undefined ? { sourceEn: e.sourceEn } : {}) };
}
