/**
 * The language of the command line's help and messages, known before yargs parses (main.ts
 * sets it from the raw command line with `setCliLang`), and `h`, the command modules' one way
 * to name a help text of the dictionary (src/text/messages.ts).
 */
import type { Lang } from '../text/number.js';
import { say, type MsgCode, type Params } from '../text/messages.js';

let current: Lang = 'da';

/** Set the language of the help texts (main.ts, before the commands are registered). */
export function setCliLang(lang: Lang): void {
  current = lang;
}

/** The language of the help texts of this command line. */
export function cliLang(): Lang {
  return current;
}

/**
 * A help text in the command line's language.
 *
 * @example
 * h('cmd.data') // 'Indbyggede data og egne datafiler: list, show, validate, events'
 */
export function h(code: MsgCode, params?: Params): string {
  return say(code, params, current);
}
