/**
 * The verdict of an evaluated outcome as a code with its parameters (a small module of its own, so
 * the wording layer can word verdicts without loading the evaluation engine).
 */
import type { Msg } from '../text/messages.js';
import type { OutcomeEvaluation } from './evaluate.js';

/**
 * The verdict of an evaluated outcome as a code with its parameters (worded by `verdictText` in
 * src/report/measuresText.ts): the pre-period, and the evaluated years whose 95 % interval of the
 * effect lies below 0, above 0 or includes it.
 *
 * @example
 * verdictMsg(ev.outcomes[0]) // { code: 'measures.verdict.too_short', params: { preN: 4, span: '2014–2017', … } }
 */
export function verdictMsg(o: Pick<OutcomeEvaluation, 'verdict' | 'preYears' | 'years'>): Msg {
  const pre = o.preYears;
  const below = o.years.filter((y) => y.effectUpper95 < 0).map((y) => y.year);
  const above = o.years.filter((y) => y.effectLower95 > 0).map((y) => y.year);
  const all = o.years.map((y) => y.year);
  const zero = all.filter((y) => !below.includes(y) && !above.includes(y));
  return {
    code: `measures.verdict.${o.verdict}`,
    params: {
      preN: pre.length,
      span: pre.length ? `${pre[0]}–${pre[pre.length - 1]}` : '–',
      nPost: o.years.length,
      below: below.join(', '),
      above: above.join(', '),
      zero: zero.join(', '),
      all: all.join(', '),
    },
  };
}
