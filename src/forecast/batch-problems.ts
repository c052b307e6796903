/**
 * The problems `forecast-batch` reports per series: what happened (skipped,
 * fallback method, or a note on a forecast that was written), a stable reason
 * code and its message in Danish or English.
 */
import { formatNumber } from '../text/number.js';
import { localizeForecastText } from './describe.js';

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
  detail: Record<string, string | number>;
}

type Lang = 'da' | 'en';

/** A number for a message: grouped below 1e6 (whole numbers below 1e15), otherwise mantissa and exponent (`1,235e+300` in Danish). */
function shortNumber(v: number, lang: Lang): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a === 0 || (a < 1e6 && a >= 1e-3) || (Number.isInteger(v) && a < 1e15))
    return formatNumber(v, Number.isInteger(v) ? 0 : 2, lang);
  const [m, e] = v.toExponential(3).split('e');
  return `${formatNumber(Number(m), 3, lang)}e${e}`;
}

const q = (v: unknown): string => JSON.stringify(String(v));

/**
 * The reason of a problem as one line of text (no id, no line prefix).
 *
 * @example
 * problemReason({ id: 'Y1', line: 7, action: 'skipped', code: 'gap', detail: { from: 3, to: 100 } }, 'en')
 * // 'gap in t: 3 → 100 (t must be consecutive; gaps are never closed up)'
 */
export function problemReason(p: BatchProblem, lang: Lang): string {
  const d = p.detail;
  const da = lang === 'da';
  const num = (v: unknown): string => (typeof v === 'number' ? shortNumber(v, lang) : String(v));
  switch (p.code) {
    case 'fields':
      return da
        ? `rækken har ${d.found} felter, overskriften ${d.expected}`
        : `the row has ${d.found} fields, the header ${d.expected}`;
    case 'malformed':
      return da
        ? `forkert citering (forventede komma eller linjeskift efter et afsluttende anførselstegn)`
        : `bad quoting (expected ${d.what})`;
    case 'split':
      return da
        ? `split er ${q(d.found)} (forventede train eller test)`
        : `split is ${q(d.found)} (expected train or test)`;
    case 'missing_id':
      return da ? `tomt id (rækken hører ikke til nogen serie)` : `empty id (the row belongs to no series)`;
    case 't':
      return da
        ? `t er ${q(d.found)} (forventede et helt tal i decimalnotation, fx 1 eller 2015)`
        : `t is ${q(d.found)} (expected a whole number in decimal digits, e.g. 1 or 2015)`;
    case 'missing':
      return da
        ? `værdien mangler (${q(d.found)}); manglende værdier udfyldes ikke`
        : `the value is missing (${q(d.found)}); missing values are not filled in`;
    case 'nan':
      return da ? `værdien er NaN (ikke et tal)` : `the value is NaN (not a number)`;
    case 'infinite':
      return da ? `værdien er uendelig (${q(d.found)})` : `the value is infinite (${q(d.found)})`;
    case 'overflow':
      return da
        ? `værdien ${q(d.found)} er større end det største endelige tal (1,8e308)`
        : `the value ${q(d.found)} is beyond the largest finite number (1.8e308)`;
    case 'not_decimal':
      return da
        ? `værdien ${q(d.found)} er ikke et decimaltal (cifre med . som decimaltegn; ikke hex, binær eller tusindtalsseparator)`
        : `the value ${q(d.found)} is not a decimal number (digits with . as decimal mark; no hex, binary or thousands separators)`;
    case 'duplicate_t':
      return da
        ? `t = ${d.t} forekommer to gange (også linje ${d.other})`
        : `t = ${d.t} appears twice (also line ${d.other})`;
    case 'gap':
      return da
        ? `hul i t: ${d.from} → ${d.to} (t skal være fortløbende; huller lukkes aldrig)`
        : `gap in t: ${d.from} → ${d.to} (t must be consecutive; gaps are never closed up)`;
    case 'too_long':
      return da ? `mere end ${num(d.max)} værdier` : `more than ${num(d.max)} values`;
    case 'too_short':
      return da
        ? `kun ${d.n} værdi(er); en prognose kræver mindst 3`
        : `only ${d.n} value(s); a forecast needs at least 3`;
    case 'failed':
      return da ? `alle metoder fejlede (${d.reason})` : `every method failed (${d.reason})`;
    case 'fallback':
      return da
        ? `${d.method} fejlede (${d.reason}): ${d.used} brugt i stedet`
        : `${d.method} failed (${d.reason}): ${d.used} used instead`;
    case 'engine':
      return localizeForecastText(String(d.note), lang);
    case 'constant':
      return da ? `konstant serie (alle værdier ${num(d.value)})` : `constant series (every value ${num(d.value)})`;
    case 'extreme':
      return da
        ? `værdier af størrelsesorden ${num(d.max)} (uden for 1e±100): tilpasset efter omskalering`
        : `values of magnitude ${num(d.max)} (outside 1e±100): fitted after rescaling`;
    case 'spike':
      return da
        ? `spids ved t = ${d.t}: ${num(d.value)} mellem ${num(d.prev)} og ${num(d.next)}; tilpasset uændret`
        : `spike at t = ${d.t}: ${num(d.value)} between ${num(d.prev)} and ${num(d.next)}; fitted as it is`;
    case 'negative':
      return da
        ? `${d.count} negative værdi(er), første ved t = ${d.t}`
        : `${d.count} negative value(s), the first at t = ${d.t}`;
  }
}

/**
 * Make a text safe to print on a terminal: control characters (C0, DEL, C1),
 * line and paragraph separators and bidirectional overrides become `\u….` escapes.
 *
 * @example
 * terminalSafe('a\u001b[31mb') // 'a\\u001b[31mb'
 */
export function terminalSafe(s: string): string {
  return s.replace(
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * One report line for a problem: `file:line: series "id": action: reason`,
 * safe for a terminal (the id is quoted and escaped).
 *
 * @example
 * problemLine('m4.csv', { id: 'Y1', line: 7, action: 'skipped', code: 'too_short', detail: { n: 2 } }, 'en')
 * // 'm4.csv:7: series "Y1": skipped: only 2 value(s); a forecast needs at least 3'
 */
export function problemLine(file: string, p: BatchProblem, lang: Lang): string {
  const da = lang === 'da';
  const what =
    p.id === '' ? (da ? 'række' : 'row') : `${da ? 'serie' : 'series'} ${terminalSafe(JSON.stringify(p.id))}`;
  const act = {
    skipped: da ? 'sprunget over' : 'skipped',
    fallback: da ? 'reservemetode' : 'fallback',
    note: da ? 'bemærk' : 'note',
  }[p.action];
  return `${terminalSafe(file)}:${p.line}: ${what}: ${act}: ${terminalSafe(problemReason(p, lang))}`;
}
