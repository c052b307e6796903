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

/** Danish names of the positional arguments, as the help shows them (`viso forecast [serie]`). */
const POSITIONAL_DA: Readonly<Record<string, string>> = {
  series: 'serie',
  file: 'fil',
  files: 'filer',
  name: 'navn',
  action: 'handling',
  measure: 'tiltag',
  command: 'kommando',
  scenario: 'scenarie',
};

/**
 * The name of a positional argument in the command line's language (the handlers read the English
 * name: `englishPositionals` copies it).
 *
 * @example
 * pos('series') // 'serie' (Danish help)
 */
export function pos(name: string): string {
  return current === 'da' ? (POSITIONAL_DA[name] ?? name) : name;
}

/**
 * A command's usage line with its positional arguments named in the command line's language.
 *
 * @example
 * cmdLine('validate <files..>') // 'validate <filer..>' (Danish help)
 */
export function cmdLine(spec: string): string {
  return spec.replace(
    /([<[])([a-z]+)(\.\.)?([>\]])/g,
    (_m, o: string, n: string, dots: string | undefined, c: string) => {
      return `${o}${pos(n)}${dots ?? ''}${c}`;
    },
  );
}

/**
 * Copy positional arguments given under their Danish names to the English names the handlers read
 * (in place; main.ts's middleware, before any handler).
 *
 * @example
 * const a: Record<string, unknown> = { serie: 'viso.raadgivning.forbrug' };
 * englishPositionals(a); // a.series === 'viso.raadgivning.forbrug'
 */
export function englishPositionals(argv: Record<string, unknown>): void {
  if (current !== 'da') return;
  for (const [en, da] of Object.entries(POSITIONAL_DA))
    if (argv[da] !== undefined && argv[en] === undefined) argv[en] = argv[da];
}
