/**
 * Goal-seek targets like `P(merforbrug>0, 2026) <= 0.2`.
 */
import { UsageError, shownArg } from '../errors.js';

/**
 * A probability target on merforbrug, forbrug, or the merforbrug beyond the usable opsparing
 * (`beyondOpsparing`: forbrug > bevilling + usable opsparing) in one year.
 */
export interface GoalTarget {
  variable: 'merforbrug' | 'forbrug' | 'beyondOpsparing';
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
 * parseTarget('P(merforbrug>opsparing, 2028) <= 10%').variable // 'beyondOpsparing'
 */
export function parseTarget(text: string): GoalTarget {
  const num = String.raw`(-?\d+(?:[.,]\d+)?)`;
  // P(merforbrug>opsparing, 2027) or P(forbrug>bevilling+opsparing, 2027): beyond the usable opsparing
  const ops = new RegExp(
    String.raw`^\s*P\s*\(\s*(?:merforbrug\s*>\s*opsparing|forbrug\s*>\s*bevilling\s*\+\s*opsparing)\s*[,;]\s*(\d{4})\s*\)\s*(<=|>=|<|>|≤|≥)\s*${num}\s*(%?)\s*$`,
    'i',
  ).exec(text);
  if (ops) {
    const value = probability(ops[3], ops[4]);
    return {
      variable: 'beyondOpsparing',
      threshold: 0,
      year: Number(ops[1]),
      op: opOf(ops[2]),
      value,
      text: text.trim(),
    };
  }
  const re = new RegExp(
    String.raw`^\s*P\s*\(\s*(merforbrug|forbrug)\s*>\s*${num}\s*[,;]\s*(\d{4})\s*\)\s*(<=|>=|<|>|≤|≥)\s*${num}\s*(%?)\s*$`,
    'i',
  );
  const m = re.exec(text);
  if (!m) throw new UsageError({ code: 'scenario.target', params: { got: JSON.stringify(text) } });
  const value = probability(m[5], m[6]);
  return {
    variable: m[1].toLowerCase() as GoalTarget['variable'],
    threshold: Number(m[2].replace(',', '.')),
    year: Number(m[3]),
    op: opOf(m[4]),
    value,
    text: text.trim(),
  };
}

function opOf(s: string): '<=' | '>=' {
  return s === '<' || s === '≤' || s === '<=' ? '<=' : '>=';
}

function probability(s: string, pct: string): number {
  let value = Number(s.replace(',', '.'));
  if (pct === '%') value /= 100;
  if (!(value >= 0 && value <= 1)) throw new UsageError({ code: 'scenario.targetP', params: { got: `${s}${pct}` } });
  return value;
}

const TARGET_VARIABLES: readonly GoalTarget['variable'][] = ['merforbrug', 'forbrug', 'beyondOpsparing'];

/**
 * A goal-seek target as given to the API: a text is parsed (`parseTarget`), an object is checked
 * field by field (variable, threshold, year, op, value), so a malformed one is refused instead of
 * read as NaN.
 *
 * @example
 * readTarget('P(merforbrug>0, 2026) <= 0.2').year // 2026
 * readTarget({ year: 2026 }) // throws UsageError: target.variable must be one of merforbrug, forbrug, beyondOpsparing, got undefined
 */
export function readTarget(target: unknown): GoalTarget {
  if (typeof target === 'string') return parseTarget(target);
  if (target === null || typeof target !== 'object' || Array.isArray(target))
    throw new UsageError({ code: 'scenario.targetType', params: { got: shownArg(target) } });
  const t = target as Partial<GoalTarget>;
  const bad = (field: keyof GoalTarget, got: unknown) =>
    new UsageError({ code: 'scenario.targetField', params: { field, got: shownArg(got) } });
  if (!TARGET_VARIABLES.includes(t.variable as GoalTarget['variable'])) throw bad('variable', t.variable);
  if (typeof t.threshold !== 'number' || !Number.isFinite(t.threshold)) throw bad('threshold', t.threshold);
  if (!Number.isInteger(t.year)) throw bad('year', t.year);
  if (t.op !== '<=' && t.op !== '>=') throw bad('op', t.op);
  if (typeof t.value !== 'number' || !(t.value >= 0 && t.value <= 1)) throw bad('value', t.value);
  return t as GoalTarget;
}
