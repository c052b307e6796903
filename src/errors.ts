/**
 * Errors that are the user's to fix (bad input, bad usage). The CLI prints
 * their one-line `message` and exits with code 2; any other error is a bug.
 */

/** Where in an input a problem was found. Lines and columns are 1-based. */
export interface InputLocation {
  /** File path as the user gave it. */
  file: string;
  /** 1-based line (text formats) or row (spreadsheets). */
  line?: number;
  /** 1-based column number, or a column name / spreadsheet letter. */
  column?: number | string;
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
  constructor(
    readonly location: InputLocation,
    readonly expected: string,
    readonly found?: string,
  ) {
    super(formatInputProblem(location, expected, found));
    this.name = 'InputError';
  }
}

/**
 * Format one input problem as a single line (used by InputError and by validators that collect many).
 *
 * @example
 * formatInputProblem({ file: 'a.csv', line: 4, column: 2 }, 'a year', '20x4');
 * // 'a.csv:4:2: expected a year, found "20x4"'
 */
export function formatInputProblem(loc: InputLocation, expected: string, found?: string): string {
  let where = loc.file;
  if (loc.cell !== undefined) where += `: ${loc.cell}`;
  if (loc.line !== undefined) where += `:${loc.line}`;
  if (loc.column !== undefined) where += typeof loc.column === 'number' ? `:${loc.column}` : `: column ${loc.column}`;
  const got = found === undefined ? '' : `, found ${JSON.stringify(found.length > 60 ? found.slice(0, 57) + '...' : found)}`;
  return `${where}: expected ${expected}${got}`;
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
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

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
