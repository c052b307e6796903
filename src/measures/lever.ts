/**
 * Which stage the latest measures worked through, read off the data: the evidence behind the report's default
 * goal-seek lever. Returns numbers, never words.
 */
import type { Dataset } from '../data/dataset.js';

/** The lever the evidence supports, and the visitation rates it rests on (absent when the data do not allow the comparison). */
export interface LeverEvidence {
  lever: 'visitation' | 'demand';
  /** Forløb per henvendelse in the last year before the latest measures and in the first comparable year after them. */
  before?: { year: number; rate: number };
  after?: { year: number; rate: number };
}

/**
 * If the visitation rate (forløb per henvendelse, years with a registration break left out) did not fall from
 * the last year before the latest measure to the first comparable year after it, the drop in forløb came through
 * fewer henvendelser: the lever is demand; else visitation. Without the data to compare: visitation.
 *
 * @example
 * leverEvidence(loadBundled()) // { lever: 'demand', before: { year: 2020, rate: 0.369… }, after: { year: 2023, rate: 0.416… } }
 */
export function leverEvidence(ds: Dataset): LeverEvidence {
  const starts = ds.events.filter((e) => e.kind === 'measure').map((e) => e.year);
  const y = Math.max(...starts);
  const id = (m: string) => `viso.raadgivning.${m}.i_alt`;
  if (!Number.isFinite(y) || !ds.has(id('henvendelser')) || !ds.has(id('forloeb'))) return { lever: 'visitation' };
  const h = new Map(ds.get(id('henvendelser')).points.map((p) => [p.year, p]));
  const rates = ds
    .get(id('forloeb'))
    .points.filter((p) => h.has(p.year) && !p.flags.includes('registration_break'))
    .map((p) => ({ year: p.year, rate: p.value / h.get(p.year)!.value }));
  const before = rates.filter((x) => x.year < y).pop();
  const after = rates.find((x) => x.year > y);
  if (!before || !after) return { lever: 'visitation' };
  return { lever: after.rate >= before.rate ? 'demand' : 'visitation', before, after };
}
