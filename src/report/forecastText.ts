/**
 * The words of the forecasts in Danish (default) and English: the reasons `forecast-batch`
 * reports per series and its progress line. The engine (src/forecast/) returns problem codes
 * with parameters and progress counts; this words them.
 */
import { formatNumber, type Lang } from '../text/number.js';
import { isMsg, say, sayMsg, MESSAGES, type Msg, type MsgCode } from '../text/messages.js';
import { describedAs } from '../forecast/notes.js';
import type { BatchProblem } from '../forecast/batch-problems.js';
import { stripControls } from '../io/terminal.js';
import type { BatchProgress, BatchSummary } from '../forecast/batch-run.js';

/**
 * A fitted model's description in a language (`Naiv (random walk): prognose = seneste værdi`).
 *
 * @example
 * modelText(forecast([1, 2, 3, 5], { horizon: 1, method: 'naive' }).model, 'da') // 'Naiv (random walk): prognose = seneste værdi'
 */
export function modelText(model: { description: string; descriptionMsg?: Msg }, lang: Lang = 'da'): string {
  return sayMsg(describedAs(model), lang);
}

/**
 * A forecast method's name for a label or table cell (`ensemble` → `Ensemble af globalt netværk, …`); the id
 * itself (`auto`, `naive`, …) is the --method value. An unknown id is returned as given.
 *
 * @example
 * methodName('naive', 'da') // 'Naiv (seneste værdi)'
 * methodName('comb', 'en')  // 'Median of ETS, ARIMA and dynamic optimised Theta'
 */
export function methodName(id: string, lang: Lang = 'da'): string {
  const code = `forecast.method.${id}`;
  return code in MESSAGES ? say(code as MsgCode, {}, lang) : id;
}

/**
 * The engine's notes in a language, joined by `; `.
 *
 * @example
 * notesText([{ code: 'forecast.note.interpolated', params: { year: 2021 } }], 'da') // '2021 mangler: lineært interpoleret til estimationen'
 */
export function notesText(notes: readonly Msg[], lang: Lang = 'da'): string {
  return notes.map((m) => sayMsg(m, lang)).join('; ');
}

/**
 * `JSON.stringify` replacer of the forecast commands' JSON: notes in English (the JSON's
 * language), the coded descriptions left out (`description` holds the English form).
 *
 * @example
 * JSON.stringify(f.model, forecastJsonWords) // '{"method":"naive","description":"Naive (random walk): …",…}'
 */
export function forecastJsonWords(key: string, value: unknown): unknown {
  if (key === 'descriptionMsg') return undefined;
  if (key === 'notes' && Array.isArray(value)) return value.map((v) => (isMsg(v) ? sayMsg(v, 'en') : v));
  return value;
}

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
export function problemReason(p: BatchProblem, lang: Lang = 'da'): string {
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
        ? `kun ${d.n} ${d.n === 1 ? 'værdi' : 'værdier'}; en prognose kræver mindst 3`
        : `only ${d.n} ${d.n === 1 ? 'value' : 'values'}; a forecast needs at least 3`;
    case 'failed':
      return da ? `alle metoder fejlede (${d.reason})` : `every method failed (${d.reason})`;
    case 'fallback':
      return da
        ? `${d.method} fejlede (${d.reason}): ${d.used} brugt i stedet`
        : `${d.method} failed (${d.reason}): ${d.used} used instead`;
    case 'engine':
      return sayMsg(d.note as Msg, lang);
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
        ? `${d.count} ${d.count === 1 ? 'negativ værdi' : 'negative værdier'}, første ved t = ${d.t}`
        : `${d.count} negative ${d.count === 1 ? 'value' : 'values'}, the first at t = ${d.t}`;
  }
}

/**
 * One report line for a problem: `file:line: series "id": action: reason`,
 * safe for a terminal (the id is quoted and escaped).
 *
 * @example
 * problemLine('m4.csv', { id: 'Y1', line: 7, action: 'skipped', code: 'too_short', detail: { n: 2 } }, 'en')
 * // 'm4.csv:7: series "Y1": skipped: only 2 values; a forecast needs at least 3'
 */
export function problemLine(file: string, p: BatchProblem, lang: Lang = 'da'): string {
  const da = lang === 'da';
  const shown = (s: string): string => stripControls(s, { escape: true });
  const what = p.id === '' ? (da ? 'række' : 'row') : `${da ? 'serie' : 'series'} ${shown(JSON.stringify(p.id))}`;
  const act = {
    skipped: da ? 'sprunget over' : 'skipped',
    fallback: da ? 'reservemetode' : 'fallback',
    note: da ? 'bemærk' : 'note',
  }[p.action];
  return `${shown(file)}:${p.line}: ${what}: ${act}: ${shown(problemReason(p, lang))}`;
}

/**
 * One line of a text progress bar for a terminal: a bar by bytes read when
 * the input size is known (else a series count), series done, rate and ETA.
 *
 * @example
 * progressText({ seriesRead: 5000, seriesDone: 4800, bytesRead: 1e6, bytesTotal: 4e6, elapsedMs: 5000 }, 'en')
 * // '[########                      ]  25 %  4,800 series  960/s  ETA 15 s'
 */
export function progressText(p: BatchProgress, lang: Lang = 'da'): string {
  const w = 30;
  const secs = p.elapsedMs / 1000;
  const rate = secs > 0 ? p.seriesDone / secs : 0;
  const group = (n: number): string =>
    String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'da' ? '.' : ',');
  const da = lang === 'da';
  const parts: string[] = [];
  if (p.bytesTotal && p.bytesTotal > 0) {
    const frac = Math.min(1, p.bytesRead / p.bytesTotal);
    const k = Math.round(frac * w);
    parts.push(`[${'#'.repeat(k)}${' '.repeat(w - k)}] ${String(Math.floor(frac * 100)).padStart(3)} %`);
    if (frac > 0.01 && frac < 1)
      parts.push(`${da ? 'ca.' : 'ETA'} ${Math.ceil((secs / frac) * (1 - frac))} s${da ? ' tilbage' : ''}`);
  }
  parts.splice(1, 0, `${group(p.seriesDone)} ${da ? 'serier' : 'series'}`, `${group(rate)}/s`);
  return parts.join('  ');
}

/** `n` and the noun in the singular for 1, else the plural, the number grouped in the language. */
function count(n: number, one: string, more: string, lang: Lang): string {
  return `${formatNumber(n, 0, lang)} ${n === 1 ? one : more}`;
}

/**
 * The closing line of `viso forecast-batch` on stderr: series, forecasts, fallbacks, notes,
 * skipped, rows without id, where the output went, time and threads (each count in the singular
 * for one).
 *
 * @example
 * batchSummaryText({ series: 1, forecast: 1, fallback: 0, skipped: 0, orphanRows: 0, notes: 1, threads: 1, wallMs: 1200 }, 'out.csv', 'en')
 * // '1 series: 1 forecast (0 with a fallback method, 1 note), 0 skipped → out.csv (1.2 s, 1 thread)'
 */
export function batchSummaryText(
  s: Pick<BatchSummary, 'series' | 'forecast' | 'fallback' | 'skipped' | 'orphanRows' | 'notes' | 'threads' | 'wallMs'>,
  out: string,
  lang: Lang = 'da',
): string {
  const n = (x: number): string => formatNumber(x, 0, lang);
  const secs = formatNumber(s.wallMs / 1000, 1, lang);
  if (lang === 'da') {
    const orphans = s.orphanRows ? `, ${count(s.orphanRows, 'række', 'rækker', lang)} uden id` : '';
    return `${count(s.series, 'serie', 'serier', lang)}: ${n(s.forecast)} med prognose (${n(s.fallback)} med reservemetode, ${count(s.notes, 'bemærkning', 'bemærkninger', lang)}), ${n(s.skipped)} sprunget over${orphans} → ${out} (${secs} s, ${count(s.threads, 'tråd', 'tråde', lang)})`;
  }
  const orphans = s.orphanRows ? `, ${count(s.orphanRows, 'row', 'rows', lang)} without id` : '';
  return `${n(s.series)} series: ${n(s.forecast)} forecast (${n(s.fallback)} with a fallback method, ${count(s.notes, 'note', 'notes', lang)}), ${n(s.skipped)} skipped${orphans} → ${out} (${secs} s, ${count(s.threads, 'thread', 'threads', lang)})`;
}

/**
 * The line after the first problems shown on stderr: how many more there are and where to find
 * them all (the `--report` file, or how to write one).
 *
 * @example
 * moreProblemsText(50, undefined, 'en') // 'viso forecast-batch: … and 50 more problems (write them all with --report FILE)'
 */
export function moreProblemsText(hidden: number, report: string | undefined, lang: Lang = 'da'): string {
  if (lang === 'da')
    return `viso forecast-batch: … og ${count(hidden, 'problem', 'problemer', lang)} mere${report !== undefined ? ` (alle i ${report})` : ' (skriv dem alle med --report FIL)'}`;
  return `viso forecast-batch: … and ${formatNumber(hidden, 0, lang)} more ${hidden === 1 ? 'problem' : 'problems'}${report !== undefined ? ` (all in ${report})` : ' (write them all with --report FILE)'}`;
}
