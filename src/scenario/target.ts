/**
 * Goal-seek targets like `P(merforbrug>0, 2026) <= 0.2`.
 */
import { UsageError } from '../errors.js';

/** A probability target on merforbrug or forbrug in one year. */
export interface GoalTarget {
  variable: 'merforbrug' | 'forbrug';
  /** The event is variable > threshold (mio. kr.). */
  threshold: number;
  year: number;
  op: '<=' | '>=';
  /** Target probability in [0, 1]. */
  value: number;
  text: string;
}

/**
 * Parse a target `P(<merforbrug|forbrug> > <mio. kr.>, <year>) <= <p>` (or `>=`;
 * `p` may be written `20%`; Danish decimal commas are accepted).
 *
 * @example
 * parseTarget('P(merforbrug>0, 2026) <= 0.2')
 * // { variable: 'merforbrug', threshold: 0, year: 2026, op: '<=', value: 0.2, text: 'P(merforbrug>0, 2026) <= 0.2' }
 */
export function parseTarget(text: string): GoalTarget {
  const num = String.raw`(-?\d+(?:[.,]\d+)?)`;
  const re = new RegExp(String.raw`^\s*P\s*\(\s*(merforbrug|forbrug)\s*>\s*${num}\s*[,;]\s*(\d{4})\s*\)\s*(<=|>=|<|>|≤|≥)\s*${num}\s*(%?)\s*$`, 'i');
  const m = re.exec(text);
  if (!m) throw new UsageError({ code: 'scenario.target', params: { got: JSON.stringify(text) } });
  const f = (s: string) => Number(s.replace(',', '.'));
  let value = f(m[5]);
  if (m[6] === '%') value /= 100;
  if (!(value >= 0 && value <= 1)) throw new UsageError({ code: 'scenario.targetP', params: { got: `${m[5]}${m[6]}` } });
  const op = m[4] === '<' || m[4] === '≤' || m[4] === '<=' ? '<=' : '>=';
  return { variable: m[1].toLowerCase() as GoalTarget['variable'], threshold: f(m[2]), year: Number(m[3]), op, value, text: text.trim() };
}
