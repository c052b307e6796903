/** Report step: which series, events, measures and scenarios cite each source document. */
import type { Dataset } from '../../data/dataset.js';
import type { ReportMeasure, ReportScenario } from '../model.js';

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
