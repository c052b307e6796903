/**
 * The problems `forecast-batch` reports per series: what happened (skipped,
 * fallback method, or a note on a forecast that was written), a stable reason
 * code and its parameters. The wording (Danish or English) is `problemReason`
 * in src/report/forecastText.ts.
 */
import type { Msg } from '../text/messages.js';

/** Reason codes (stable: scripts may filter on them). */
export type ProblemCode =
  | 'fields' // wrong number of fields in a row
  | 'malformed' // bad quoting
  | 'split' // split neither train nor test
  | 'missing_id' // empty id
  | 't' // t not a whole number
  | 'missing' // empty / NA value
  | 'nan'
  | 'infinite'
  | 'overflow' // beyond ±1.8e308
  | 'not_decimal' // hex, binary, text, thousands separators
  | 'duplicate_t'
  | 'gap' // t not consecutive
  | 'too_long'
  | 'too_short'
  | 'failed' // every method failed
  | 'fallback' // the requested method failed, another was used
  | 'engine' // the engine's own fallback or replacement (e.g. too few points for the method)
  | 'constant'
  | 'extreme' // magnitudes beyond 1e±100
  | 'spike'
  | 'negative';

/** What happened to the series. */
export type ProblemAction = 'skipped' | 'fallback' | 'note';

/** One reported problem. */
export interface BatchProblem {
  /** series id as read (not neutralised); '' for a row that belongs to no series */
  id: string;
  /** 1-based input line the problem is on (the series' first line when it concerns the whole series) */
  line: number;
  action: ProblemAction;
  code: ProblemCode;
  /** the parameters of the reason (`note`: the engine's own note, a code of src/text/forecast.ts) */
  detail: Record<string, string | number | Msg>;
}
