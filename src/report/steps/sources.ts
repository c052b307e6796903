/** Report step: which series, events, measures, scenarios and model files cite each source document. */
import type { Dataset } from '../../data/dataset.js';
import { sourceDoc } from '../../data/sources.js';
import type { PlTable } from '../../cost/plTable.js';
import type { BudgetRules } from '../../scenario/budget-rules.js';
import type { ScenarioDef } from '../../scenario/types.js';
import type { TimingAssumptions } from '../../cost/timingAssumptions.js';
import { displayPath } from '../../io/paths.js';
import type { ReportMeasure, ReportScenario } from '../model.js';

/** A source a model file cites, as written (a `doc#locator` of data/sources.csv or a document's name), and for what. */
export interface ModelCitation {
  ref: string;
  /** What cites it, as `pl:<index>.<year>` or `budget:<rule>`. */
  what: string;
  /** The file it is written in (as shown). */
  file: string;
  /** Its English rendering as the file gives it (`source_en` of models/pl.yaml), if any. */
  en?: string;
}

/**
 * The sources the model files cite: each PL rate listed for a year in the PL table (the defaults for other years
 * are assumptions, not sources), the budget rules' sources (`carry_over_source`, `use_source`) and the cohort
 * timing's (the duration of a forløb and its yearly shifts).
 *
 * @example
 * modelCitations([loadBudgetRules()], [loadPlTable()]).map((c) => c.ref)
 * // ['aarsrapport2020#kap8', 'Budgetvejledningen 2.2.12', 'Finansministeriets forudsætninger for 2025', …]
 */
export function modelCitations(
  budgets: readonly BudgetRules[],
  pls: readonly PlTable[],
  timings: readonly TimingAssumptions[] = [],
): ModelCitation[] {
  const out: ModelCitation[] = [];
  for (const b of budgets) {
    if (b.sources.carryOver) out.push({ ref: b.sources.carryOver, what: 'budget:opsparing.carry_over', file: b.file });
    if (b.sources.use) out.push({ ref: b.sources.use, what: 'budget:opsparing.use_needs_permission', file: b.file });
  }
  for (const pl of pls)
    for (const [id, ix] of Object.entries(pl.indices))
      for (const [year, e] of Object.entries(ix.rates))
        out.push({ ref: e.source, what: `pl:${id}.${year}`, file: pl.file, ...(e.sourceEn ? { en: e.sourceEn } : {}) });
  for (const tm of timings) {
    const file = displayPath(tm.file);
    if (tm.duration.source) out.push({ ref: tm.duration.source, what: 'timing:duration', file });
    for (const [year, b] of Object.entries(tm.byYear))
      if (b.source) out.push({ ref: b.source, what: `timing:duration.${year}`, file });
  }
  return out;
}

/**
 * Whether the report needs the PL table (models/pl.yaml or `--pl`) for its citations: when a scenario takes its PL
 * rates from it (`plSource`: the scenario writes no `pl.default`). Such a scenario shows the table's rates in its
 * assumptions (pl.*, plBevilling.*) whether or not it indexes anything with them (`bevilling: { pl: true }`,
 * `costs: { priceGrowth: pl }`; otherwise they are listed for information), so the sources appendix cites the
 * rates' sources; the bundled scenarios all do. Scenarios that all write their own `pl:` show none of the table's
 * rates and cite nothing of it. No other part of the report reads the table: the cost per forløb in fixed prices
 * and the cost model index with models/cost.yaml's `pl_index`, and the follow-up takes its prior's run as it is.
 *
 * @example
 * citesPlTable([loadScenario('baseline')]) // true
 */
export function citesPlTable(defs: readonly Pick<ScenarioDef, 'plSource'>[]): boolean {
  return defs.some((d) => d.plSource !== undefined);
}

/**
 * The model files' citations that are not a document of data/sources.csv, one entry per source as written, with
 * the files that cite it and what cites it (sorted), for the sources appendix.
 *
 * @example
 * otherSources(modelCitations([rules], [pl]), ds)[0] // { source: 'Budgetvejledningen 2.2.12', files: ['models/budget.yaml'], usedBy: ['budget:opsparing.use_needs_permission'] }
 */
export function otherSources(
  cited: readonly ModelCitation[],
  ds: Pick<Dataset, 'sources'>,
): { source: string; en?: string; files: string[]; usedBy: string[] }[] {
  const docs = new Set(ds.sources.map((s) => s.doc));
  const by = new Map<string, { files: Set<string>; usedBy: Set<string>; en: Set<string> }>();
  for (const c of cited) {
    if (docs.has(sourceDoc(c.ref))) continue;
    const e = by.get(c.ref) ?? { files: new Set(), usedBy: new Set(), en: new Set() };
    e.files.add(c.file);
    e.usedBy.add(c.what);
    if (c.en && c.en !== c.ref) e.en.add(c.en);
    by.set(c.ref, e);
  }
  return [...by.keys()].sort(byCodeUnit).map((k) => {
    const e = by.get(k)!;
    // the English rendering when the files agree on one (more than one: the name as written only)
    const en = e.en.size === 1 ? [...e.en][0] : undefined;
    return {
      source: k,
      ...(en ? { en } : {}),
      files: [...e.files].sort(byCodeUnit),
      usedBy: [...e.usedBy].sort(byCodeUnit),
    };
  });
}

/**
 * Source document id → the ids that cite it (series ids of one family compressed to `family.*`), sorted.
 *
 * @example
 * sourceUse(ds, scenarios, measures)['aarsrapport2020'] // ['event:…', 'viso.raadgivning.forbrug', …]
 */
export function sourceUse(
  ds: Dataset,
  scenarios: ReportScenario[],
  measures: ReportMeasure[],
  cited: readonly ModelCitation[] = [],
): Record<string, string[]> {
  const use: Record<string, Set<string>> = {};
  const add = (ref: string, what: string) => {
    const doc = ref.split('#')[0];
    (use[doc] ??= new Set()).add(what);
  };
  for (const s of ds.list()) for (const p of s.points) for (const src of p.sources) add(src, s.id);
  for (const e of ds.events) add(e.source, `event:${e.id}`);
  for (const m of measures) if (m.source) add(m.source, `measure:${m.id}`);
  for (const s of scenarios)
    for (const src of s.result.sources) if (!src.includes('/')) add(src, `scenario:${s.result.id}`);
  // a model file's citation of a document of data/sources.csv (the others are listed apart: otherSources)
  const docs = new Set(ds.sources.map((s) => s.doc));
  for (const c of cited) if (docs.has(sourceDoc(c.ref))) add(c.ref, c.what);
  const out: Record<string, string[]> = {};
  for (const k of Object.keys(use).sort())
    out[k] = [...use[k]].sort(byCodeUnit).filter((x, i, a) => a.indexOf(x) === i);
  for (const k of Object.keys(out)) out[k] = compressIds(out[k]);
  return out;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Shorten `viso.raadgivning.forloeb.voksne, ...forloeb.boern_unge` to `viso.raadgivning.forloeb.*`. */
function compressIds(ids: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const id of ids) {
    const m = /^(viso\.[a-z_]+\.[a-z_]+)\.[a-z_]+$/.exec(id);
    const key = m ? m[1] : id;
    groups.set(key, [...(groups.get(key) ?? []), id]);
  }
  return [...groups.entries()].map(([k, v]) => (v.length > 1 ? `${k}.*` : v[0]));
}
