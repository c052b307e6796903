/**
 * Errors that are the user's to fix (bad input, bad usage). The CLI prints
 * their one-line `message` and exits with code 2; any other error is a bug.
 *
 * An error may carry a code of the dictionary (src/text/messages.ts) with its parameters (a
 * `Msg`) instead of a finished text: its `message` is then the English wording (for the API and
 * logs), and the command line words it in the language the user chose (`userMessage`).
 */
import { isMsg, say, sayMsg, type Lang, type Msg } from './text/messages.js';
import { shownArg } from './text/shown.js';

/**
 * How a column is named in messages: its name or spreadsheet letter, or a `Msg` when the name has
 * words of its own (a blank header: `C (tom)` / `C (blank)`).
 */
export type ColumnLabel = string | Msg;

/**
 * A column's label as a language-neutral value for machine-readable output (`--json`): the header name
 * (or column number) as it is, a spreadsheet's letter with the header name as it is, and for a blank
 * header only the column's letter — no words in any language (the text output words it: `C (tom)` /
 * `C (blank)`).
 *
 * @example
 * columnCode({ code: 'data.col.blank', params: { col: 'C' } }) // 'C'
 * columnCode('B (Tekst)') // 'B (Tekst)'
 */
export function columnCode(c: number | ColumnLabel): number | string {
  if (typeof c !== 'object') return c;
  if (c.code === 'data.col.blank' && c.params?.col !== undefined) return String(c.params.col);
  return sayMsg(c, 'en');
}

/** Where in an input a problem was found. Lines and columns are 1-based. */
export interface InputLocation {
  /** File path as the user gave it. */
  file: string;
  /** 1-based line (text formats) or row (spreadsheets). */
  line?: number;
  /** 1-based column number, or a column name / spreadsheet letter. */
  column?: number | ColumnLabel;
  /** A spreadsheet cell such as `Ark1!B4` (instead of line and column). */
  cell?: string;
}

/**
 * A problem with user input: names the file, line/row, column, the offending
 * text and what was expected, in one line.
 *
 * @example
 * throw new InputError({ file: 'a.csv', line: 3, column: 'value' }, 'a number', 'abc');
 * // a.csv:3: column value: expected a number, found "abc"
 */
export class InputError extends Error {
  readonly exitCode = 2;
  /** What was expected, in English. */
  readonly expected: string;
  /** What was expected as a code of the dictionary, when the thrower gave one (worded in the user's language). */
  readonly msg?: Msg;
  /** What was found, in English (the user's own text, or a description such as "no such file"). */
  readonly found?: string;
  /** What was found as a code of the dictionary (a description, not the user's text). */
  readonly foundMsg?: Msg;
  constructor(
    readonly location: InputLocation,
    expected: string | Msg,
    found?: string | Msg,
  ) {
    super(formatInputProblem(location, expected, found));
    this.name = 'InputError';
    this.expected = typeof expected === 'string' ? expected : sayMsg(expected, 'en');
    if (isMsg(expected)) this.msg = expected;
    if (found !== undefined) this.found = foundText(found, 'en');
    if (isMsg(found)) this.foundMsg = found;
  }
}

/**
 * Format one input problem as a single line (used by InputError and by validators that collect many).
 * An expectation given as a `Msg` is worded in `lang` (English unless told); one given as text is
 * English, and so is then the whole line (never half Danish, half English).
 *
 * @example
 * formatInputProblem({ file: 'a.csv', line: 4, column: 2 }, 'a year', '20x4');
 * // 'a.csv:4:2: expected a year, found "20x4"'
 * formatInputProblem({ file: 'a.csv', line: 4, column: 'år' }, { code: 'input.year' }, '20x4', 'da');
 * // 'a.csv:4: kolonne år: forventede et årstal, fandt "20x4"'
 */
export function formatInputProblem(
  loc: InputLocation,
  expected: string | Msg,
  found?: string | Msg,
  lang: Lang = 'en',
): string {
  const L: Lang = typeof expected === 'string' ? 'en' : lang;
  let where = loc.file;
  if (loc.cell !== undefined) where += `: ${loc.cell}`;
  if (loc.line !== undefined) where += `:${loc.line}`;
  if (loc.column !== undefined)
    where += typeof loc.column === 'number' ? `:${loc.column}` : `: ${say('input.column', { column: loc.column }, L)}`;
  const what = typeof expected === 'string' ? expected : sayMsg(expected, L);
  const got = found === undefined ? '' : `, ${say('input.found', { found: foundText(found, L) }, L)}`;
  return `${where}: ${say('input.expected', { expected: what }, L)}${got}`;
}

/** What was found as text: the user's own text, a `Msg` worded in `lang`, anything else (a caller's slip) as `shownArg` shows it. */
function foundText(found: string | Msg, lang: Lang): string {
  if (typeof found === 'string') return found;
  return isMsg(found) ? sayMsg(found, lang) : shownArg(found);
}

/**
 * Several input problems at once (e.g. `viso data validate` reports all of them);
 * the message has one line per problem.
 *
 * @example
 * throw new InputErrors([
 *   new InputError({ file: 'a.csv', line: 2, column: 'year' }, 'a year'),
 *   new InputError({ file: 'a.csv', line: 5, column: 'value' }, 'a number', 'x'),
 * ]);
 */
export class InputErrors extends Error {
  readonly exitCode = 2;
  constructor(readonly problems: InputError[]) {
    super(problems.map((p) => p.message).join('\n'));
    this.name = 'InputErrors';
  }
}

/**
 * Wrong command-line usage or an impossible request (e.g. `--runs 0`).
 *
 * @example
 * throw new UsageError('--runs must be a positive integer (got 0)');
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  /** The message as a code of the dictionary, when the thrower gave one (worded in the user's language). */
  readonly msg?: Msg;
  /** `message`: a finished text, or a `Msg` worded in `lang` (English unless told). */
  constructor(message: string | Msg, lang: Lang = 'en') {
    super(typeof message === 'string' ? message : sayMsg(message, lang));
    this.name = 'UsageError';
    if (isMsg(message)) this.msg = message;
  }
}

/**
 * The one-line message of a user error in a language: errors that carry a code are worded in
 * `lang`, the others keep their `message`.
 *
 * @example
 * userMessage(new UsageError({ code: 'opt.compareTwo' }), 'da') // 'compare kræver mindst to scenarier'
 */
export function userMessage(e: InputError | InputErrors | UsageError, lang: Lang): string {
  if (e instanceof InputErrors) return e.problems.map((p) => userMessage(p, lang)).join('\n');
  if (e instanceof InputError)
    return e.msg ? formatInputProblem(e.location, e.msg, e.foundMsg ?? e.found, lang) : e.message;
  return e.msg ? sayMsg(e.msg, lang) : e.message;
}

/** How an argument is shown in an API error's `got` (one rule for every layer: src/text/shown.ts). */
export { shownArg };

/**
 * True for errors the CLI reports as one line with exit code 2.
 *
 * @example
 * isUserError(new UsageError('bad')) // true
 * isUserError(new TypeError('bug'))  // false
 */
export function isUserError(e: unknown): e is InputError | InputErrors | UsageError {
  return e instanceof InputError || e instanceof InputErrors || e instanceof UsageError;
}
