/**
 * The run options every Monte Carlo command shares: `--runs`, `--seed`, `--threads` and the
 * global `--lang`. Declared here once (same names, types and help everywhere), validated once
 * (`readRunOptions`, a yargs middleware in main.ts that runs before any handler) with the same
 * limits for every command, and the CLI's defaults in one place (`RUN_DEFAULTS`). A handler
 * reads the result as `argv.run` and passes it down with `engineRun`.
 *
 * Light on purpose (imported by every command module at start-up): no engine code here.
 */
import type { Argv } from 'yargs';
import { UsageError } from '../errors.js';
import type { Lang } from '../text/number.js';
import { say } from '../text/messages.js';
import { cliLang } from './text.js';
import { DEFAULT_RUNS } from '../defaults.js';

/** The validated run options of one command line. */
export interface RunOptions {
  /** Monte Carlo runs; absent: the command's default (see `RUN_DEFAULTS.runs`). */
  runs?: number;
  /** Seed of the random numbers; absent: the command's default (see `RUN_DEFAULTS.seed`). */
  seed?: number;
  /** Worker threads (only `scenario run` and `scenario compare` use more than one). */
  threads: number;
  /** Language of the output and of error messages. */
  lang: Lang;
}

/** The limits of every run option, the same for every command. */
export const RUN_LIMITS = {
  /** As many runs as the scenario engine's fixed-memory summaries allow (`MAX_RUNS` in scenario/load.ts). */
  runs: { min: 1, max: 100_000_000 },
  /** A 32-bit unsigned integer: the seeds the random number generator distinguishes. */
  seed: { min: 0, max: 4_294_967_295 },
  threads: { min: 1, max: 64 },
  /**
   * The one exception, a capacity: `measure evaluate` keeps every simulated counterfactual path
   * in memory (about 100 bytes per run and measure), so it runs at most this many.
   */
  measurePaths: 1_000_000,
} as const;

/**
 * The one command whose run range differs: `follow-up` needs at least 1.000 draws for its quantiles and keeps every
 * draw in memory, so it takes 1.000–10.000.000 runs.
 */
export const RUN_LIMITS_BY_COMMAND: Readonly<Record<string, { runs: { min: number; max: number } }>> = {
  'follow-up': { runs: { min: 1_000, max: 10_000_000 } },
};

/**
 * What the command line does when an option is left out. Runs and seed are then not passed
 * to the engine, which applies its own default (named here for the help text); threads and
 * language are set here.
 */
export const RUN_DEFAULTS = {
  threads: 1,
  lang: 'da' as Lang,
  // the help's words for them (src/text/messages.ts)
  runs: {
    scenario: { code: 'cli.default.runs.scenario', params: { runs: DEFAULT_RUNS } },
    report: { code: 'cli.default.runs.report', params: { runs: DEFAULT_RUNS } },
    measure: { code: 'cli.default.runs.measure', params: { runs: 4_000 } },
  },
  seed: {
    scenario: { code: 'cli.default.seed.scenario', params: {} },
    report: { code: 'cli.default.seed.report', params: {} },
    measure: { code: 'cli.default.seed.measure', params: { seed: 1 } },
  },
} as const;

/** Which defaults a command's help names. */
export type RunDefaults = keyof typeof RUN_DEFAULTS.runs;

/** The language chosen on a command line (`--lang en` or `--lang=en`), Danish otherwise; for messages before parsing. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return RUN_DEFAULTS.lang;
}

/**
 * Declare `--runs` and `--seed` (and `--threads` with `threads: true`) on a command, with the
 * help text naming that command's defaults. The values are read as text and checked by
 * `readRunOptions`, so `--runs 100.000` (a Danish thousands separator) is refused instead of
 * silently meaning 100.
 */
export function runOptionFlags<T>(
  y: Argv<T>,
  defaults: RunDefaults,
  o: { threads?: boolean; lang?: Lang } = {},
): Argv<T> {
  // the help is built before parsing, so its language comes from the raw command line (main.ts sets it)
  const L = o.lang ?? cliLang();
  const r = RUN_LIMITS.runs;
  const d = RUN_DEFAULTS;
  let out = y
    .option('runs', {
      type: 'string',
      describe: say(
        'cli.opt.runs',
        { min: r.min, max: r.max, default: say(d.runs[defaults].code, d.runs[defaults].params, L) },
        L,
      ),
    })
    .option('seed', {
      type: 'string',
      describe: say(
        'cli.opt.seed',
        { max: RUN_LIMITS.seed.max, default: say(d.seed[defaults].code, d.seed[defaults].params, L) },
        L,
      ),
    });
  if (o.threads) {
    out = out.option('threads', {
      type: 'string',
      describe: say(
        'cli.opt.threads',
        { min: RUN_LIMITS.threads.min, max: RUN_LIMITS.threads.max, default: d.threads },
        L,
      ),
    });
  }
  return out;
}

/**
 * Check and convert the run options of a parsed command line (the same limits whichever
 * command declared them). Throws `UsageError` in our own words, in the chosen language
 * (Danish unless `--lang en`).
 *
 * @example
 * readRunOptions({ runs: '1000', seed: '7', lang: 'en' }) // { runs: 1000, seed: 7, threads: 1, lang: 'en' }
 * readRunOptions({ runs: '0' })   // throws UsageError: --runs skal være et helt tal fra 1 til 100.000.000, fik 0
 */
export function readRunOptions(argv: Record<string, unknown>): RunOptions {
  const lang = readLang(argv.lang);
  const out: RunOptions = { threads: RUN_DEFAULTS.threads, lang };
  // the command's own run range where it has one (RUN_LIMITS_BY_COMMAND), else the common one
  const command = Array.isArray(argv._) ? String(argv._[0] ?? '') : '';
  const runs = readIntegerOption('runs', argv.runs, RUN_LIMITS_BY_COMMAND[command]?.runs ?? RUN_LIMITS.runs, lang);
  if (runs !== undefined) out.runs = runs;
  const seed = readIntegerOption('seed', argv.seed, RUN_LIMITS.seed, lang);
  if (seed !== undefined) out.seed = seed;
  const threads = readIntegerOption('threads', argv.threads, RUN_LIMITS.threads, lang);
  if (threads !== undefined) out.threads = threads;
  return out;
}

/**
 * The run options an engine takes: runs and seed when given, nothing for what was left out
 * (so the engine applies its default).
 *
 * @example
 * engineRun({ runs: 1000, threads: 1, lang: 'da' }) // { runs: 1000 }
 */
export function engineRun(run: RunOptions): { runs?: number; seed?: number } {
  const out: { runs?: number; seed?: number } = {};
  if (run.runs !== undefined) out.runs = run.runs;
  if (run.seed !== undefined) out.seed = run.seed;
  return out;
}

function readLang(v: unknown): Lang {
  if (v === undefined) return RUN_DEFAULTS.lang;
  if (v === 'da' || v === 'en') return v;
  // the language is unknown: the default's
  throw new UsageError({ code: 'opt.lang', params: { got: shown(v) } }, RUN_DEFAULTS.lang);
}

/**
 * The numeric options (yargs `type: 'number'`) as the user typed them: a decimal comma is a decimal (`--bevilling
 * 161,2` is 161.2, as in Danish), and text that is no number is refused here with what was typed (yargs would
 * pass NaN on, and the message would say "fik NaN"). Changes `argv` in place; run before the handlers.
 *
 * @example
 * const a = { bevilling: NaN }; numberOptions(a, ['follow-up', '--bevilling', '161,2'], 'da'); a.bevilling // 161.2
 */
export function numberOptions(argv: Record<string, unknown>, raw: readonly string[], lang: Lang): void {
  // what was typed after each option, in order (an array option takes the words up to the next option)
  const typed = new Map<string, string[]>();
  for (let i = 0; i < raw.length; i++) {
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/i.exec(raw[i]);
    if (!m) continue;
    const words = typed.get(m[1]) ?? [];
    if (m[2] !== undefined) words.push(m[2]);
    else for (let j = i + 1; j < raw.length && !raw[j].startsWith('--'); j++) words.push(raw[j]);
    typed.set(m[1], words);
  }
  const read = (name: string, text: string | undefined): number => {
    // a probability may be written as a per cent (--target "20 %"), as a goal seek's target may
    const pct = PROBABILITY_OPTIONS.has(name) ? /^(\d+(?:[.,]\d+)?)\s*%$/.exec((text ?? '').trim()) : null;
    if (pct) {
      const share = Number(pct[1].replace(',', '.')) / 100;
      if (!(share > 0 && share < 1))
        throw new UsageError({ code: 'opt.probability', params: { name, got: shown(text ?? '') } }, lang);
      return share;
    }
    const comma = /^([+\-−]?)(\d+),(\d+)$/.exec((text ?? '').trim());
    if (!comma) throw new UsageError({ code: 'opt.notNumber', params: { name, got: shown(text ?? '') } }, lang);
    return (comma[1] === '-' || comma[1] === '−' ? -1 : 1) * Number(`${comma[2]}.${comma[3]}`);
  };
  for (const [name, words] of typed) {
    const v = argv[name];
    let fixed: unknown;
    if (typeof v === 'number' && Number.isNaN(v)) fixed = read(name, words[0]);
    else if (Array.isArray(v) && v.some((x) => typeof x === 'number' && Number.isNaN(x)))
      fixed = v.map((x, j) => (typeof x === 'number' && Number.isNaN(x) ? read(name, words[j]) : x));
    else continue;
    argv[name] = fixed;
    argv[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = fixed;
  }
}

/** The numeric options that are probabilities: also read as a per cent (`20 %` is 0.2). */
const PROBABILITY_OPTIONS: ReadonlySet<string> = new Set(['target']);

/**
 * A probability option (`--target`) strictly between 0 and 1; a whole per cent typed as a number (`--target 20`) is
 * refused with the share it likely meant.
 *
 * @example
 * checkProbabilityOption('target', 0.2, 'da') // 0.2
 * checkProbabilityOption('target', 20, 'da')  // throws UsageError: --target skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik 20; mente du 0,2 (20 %)?
 */
export function checkProbabilityOption(name: string, value: number, lang: Lang): number {
  if (value > 0 && value < 1) return value;
  const share = value > 1 && value < 100 ? value / 100 : undefined;
  const got = lang === 'da' ? String(value).replace('.', ',') : String(value);
  throw new UsageError(
    share === undefined
      ? { code: 'opt.probability', params: { name, got } }
      : { code: 'opt.probabilityPct', params: { name, got, share: Number(share.toPrecision(12)) } },
    lang,
  );
}

/**
 * An option given as text (yargs `type: 'string'`): a whole number written with digits only (or as 1e6), within
 * limits; a thousands separator (`100.000`, `1.420`) is refused in our words instead of read as 100 or 1,42.
 *
 * @example
 * readIntegerOption('runs', '4000', { min: 1000, max: 10_000_000 }, 'da') // 4000
 * readIntegerOption('runs', '4.000', { min: 1000, max: 10_000_000 }, 'da') // throws UsageError: --runs skal skrives uden tusindtalsseparator …
 */
export function readIntegerOption(
  name: string,
  v: unknown,
  lim: { min: number; max: number },
  lang: Lang,
): number | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) throw new UsageError({ code: 'opt.repeated', params: { name, count: v.length } }, lang);
  const text = String(v).trim();
  if (/^\d{1,3}([.,]\d{3})+$/.test(text)) {
    const plain = text.replace(/[.,]/g, '');
    throw new UsageError({ code: 'opt.separator', params: { name, plain, got: text } }, lang);
  }
  const n = /^[+-]?\d+(e\+?\d+)?$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < lim.min || n > lim.max) {
    throw new UsageError({ code: 'opt.integer', params: { name, min: lim.min, max: lim.max, got: shown(v) } }, lang);
  }
  return n;
}

function shown(v: unknown): string {
  const s = String(v);
  return s === '' ? '""' : s;
}
