#!/usr/bin/env node
/**
 * The `viso` command line. Start-up must stay fast (`viso --help` < 300 ms):
 * command modules in ./commands may import only light modules statically;
 * anything heavy (danfojs-node, vega, exceljs, the forecasting engine) is
 * imported inside the handler with `await import(...)`.
 */
import { packageVersion } from '../io/paths.js';
import { hideBin, yargs } from '../vendor/yargs.js';
import { isUserError, userMessage } from '../errors.js';
import { YARGS_DA } from '../text/messages.js';
import { guardStream } from '../io/terminal.js';
import { commands } from './commands/index.js';
import { langOf, numberOptions, readRunOptions, RUN_DEFAULTS } from './options.js';
import { englishPositionals, setCliLang, h } from './text.js';

export async function main(argv: string[]): Promise<number> {
  // names and texts from user files never reach the terminal with control sequences
  guardStream(process.stdout);
  guardStream(process.stderr);
  const debug = argv.includes('--debug');
  // the help is laid out before parsing, so its language comes from the raw command line
  const lang = langOf(argv);
  const da = lang === 'da';
  setCliLang(lang);
  let exitCode = 0;
  let cli = yargs(argv)
    .scriptName('viso')
    .version(packageVersion())
    .usage(h('cli.usage'))
    // validated with the other run options (readRunOptions), in our own words
    .option('lang', { type: 'string', default: RUN_DEFAULTS.lang, describe: h('cli.opt.lang') })
    .option('debug', { type: 'boolean', default: false, describe: h('cli.opt.debug') })
    // --runs, --seed, --threads and --lang checked once, before any handler; handlers read argv.run
    .middleware((a) => {
      englishPositionals(a); // the handlers read the positionals by their English names
      numberOptions(a, argv, langOf(argv)); // 161,2 is a number; text that is none is refused with what was typed
      a.run = readRunOptions(a);
    })
    .strict()
    .demandCommand(1, h('cli.demandCommand'))
    .recommendCommands()
    // yargs lays out the help text before every command (cacheHelpMessage); wrapping it costs
    // 40-60 ms of string-width work, so only when help is actually shown
    .wrap(showsHelp(argv) ? Math.min(110, process.stdout.columns || 100) : null)
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliUsage(msg);
    });
  // yargs's own words in English whatever the environment's LANG (it would pick German, say),
  // in Danish by default; yargs takes plural forms ({ one, other }) although its types declare strings only
  cli = cli.locale('en');
  if (da) cli = cli.updateStrings(YARGS_DA as unknown as Record<string, string>);
  for (const c of commands) cli = cli.command(c as never);
  try {
    await cli.parseAsync();
  } catch (e) {
    exitCode = 2;
    if (e instanceof CliUsage) {
      // one line, as every other error: yargs puts a choice error's details on lines of their own
      process.stderr.write(`viso: ${e.message.trim().replace(/\s*\n\s*/g, ' ')}\n`);
    } else if (isUserError(e)) {
      process.stderr.write(`${userMessage(e, lang)}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
    } else {
      exitCode = 1;
      const err = e as Error;
      process.stderr.write(`${h('cli.internal', { message: err?.message ?? String(e) })}\n`);
      if (debug) process.stderr.write(`${err?.stack}\n`);
      else process.stderr.write(`${h('cli.debugHint')}\n`);
    }
  }
  if (exitCode === 0 && process.exitCode && process.exitCode !== 0) exitCode = Number(process.exitCode);
  return exitCode;
}

class CliUsage extends Error {}

/** Whether yargs will print help: `--help`/`-h` anywhere, or no command at all. */
function showsHelp(argv: string[]): boolean {
  return argv.length === 0 || argv.some((a) => a === '--help' || a === '-h' || a === 'help');
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry || process.argv[1]?.endsWith('/viso') || process.argv[1]?.endsWith('cli/main.js')) {
  main(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}
