/**
 * Text that reaches a terminal or a document as the reader should see it: control
 * characters (ANSI escape sequences, bidirectional overrides) from user files are removed
 * before anything is printed, so a scenario name cannot recolour, move the cursor, retitle
 * the terminal or make text read differently than it is stored.
 */

/**
 * The characters that can change what a reader sees: C0 controls (ANSI escape sequences start
 * with ESC) but tab and line breaks, DEL, C1 controls, and the Unicode bidirectional marks (LRM,
 * RLM), overrides and isolates (text that reads differently than it is stored).
 */
const HIDDEN = String.raw`\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069`;
const HIDDEN_ONE = new RegExp(`[${HIDDEN}]`);
const HIDDEN_ALL = new RegExp(`[${HIDDEN}]`, 'g');
/** Escaped as well: tab and the line breaks (LF, CR, the Unicode line and paragraph separators). */
const ESCAPED_ALL = new RegExp(String.raw`[\t\n\r\u2028\u2029${HIDDEN}]`, 'g');

/**
 * Remove the characters that can change what a reader sees (see `HIDDEN`): tab and line breaks
 * are kept. An ESC sequence such as `ESC[31m` is removed whole.
 *
 * With `{ escape: true }` each of them, and tab and the line breaks too, becomes a visible
 * `\u….` escape instead (ESC[31m shows as `\u001b[31m`): for one line that names what a user's
 * file holds (`viso forecast-batch`'s problems), so the reader sees the control characters
 * without the terminal running them and the line stays one line.
 *
 * @example
 * stripControls('\u001b[31mred\u001b[0m')          // 'red'
 * stripControls('a\u202eb')                          // 'ab'
 * stripControls('a\u001b[31mb\n', { escape: true }) // 'a\\u001b[31mb\\u000a'
 */
export function stripControls(s: string, opts: { escape?: boolean } = {}): string {
  if (opts.escape) return s.replace(ESCAPED_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (!HIDDEN_ONE.test(s)) return s;
  return s
    .replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '') // CSI sequences (colours, cursor moves)
    .replace(/\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)?/g, '') // OSC sequences (titles, hyperlinks)
    .replace(HIDDEN_ALL, '');
}

const GUARDED = Symbol('viso.guarded');
const RAW = Symbol('viso.rawWrite');

/**
 * Make a stream (stdout/stderr) strip control characters from every text written to it
 * (line breaks and tabs are kept; bytes written as buffers pass unchanged), and take a reader
 * that stops reading (`viso data list --json | head -c 100`: EPIPE) as the end of that output:
 * later writes to it are dropped and the command finishes as usual (its files are written whole),
 * instead of an unhandled 'error' event with a stack trace. Idempotent.
 *
 * @example
 * guardStream(process.stdout);
 * process.stdout.write('\u001b[2Jhello\n'); // prints "hello"
 */
export function guardStream(stream: NodeJS.WriteStream): void {
  const s = stream as NodeJS.WriteStream & { [GUARDED]?: true };
  if (s[GUARDED]) return;
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  (s as unknown as Record<symbol, unknown>)[RAW] = write;
  let closed = false;
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || (closed && e.code === 'ERR_STREAM_DESTROYED')) closed = true;
    else throw e;
  });
  s.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (closed) {
      // dropped; a caller waiting for the write's callback still gets it
      const cb = rest.find((x): x is () => void => typeof x === 'function');
      if (cb) process.nextTick(cb);
      return true;
    }
    return write(typeof chunk === 'string' ? stripControls(chunk) : chunk, ...rest);
  }) as typeof stream.write;
  s[GUARDED] = true;
}

/**
 * Write the program's own terminal control text (a progress bar's carriage return and
 * erase-line) past a guarded stream's filter. Never pass user text through here.
 *
 * @example
 * writeRaw(process.stderr, '\r\u001b[K'); // erases the progress line
 */
export function writeRaw(stream: NodeJS.WriteStream, text: string): void {
  const raw = (stream as unknown as Record<symbol, ((chunk: unknown) => boolean) | undefined>)[RAW];
  if (raw) raw(text);
  else stream.write(text);
}
