#!/usr/bin/env node
/**
 * The `viso` command line. Start-up must stay fast (`viso --help` < 300 ms):
 * command modules in ./commands may import only light modules statically;
 * anything heavy (danfojs-node, vega, exceljs, the forecasting engine) is
 * imported inside the handler with `await import(...)`.
 */
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { isUserError } from '../errors.js';
import { guardStream } from '../io/terminal.js';
import { commands } from './commands/index.js';

export async function main(argv: string[]): Promise<number> {
  // names and texts from user files never reach the terminal with control sequences
  guardStream(process.stdout);
  guardStream(process.stderr);
  const debug = argv.includes('--debug');
  let exitCode = 0;
  let cli = yargs(argv)
    .scriptName('viso')
    .usage('$0 <command> [options]\n\nBudget- og efterspørgselsprognoser for VISO.')
    .option('lang', { choices: ['da', 'en'] as const, default: 'da' as const, describe: 'Sprog for tal og tekst / language' })
    .option('debug', { type: 'boolean', default: false, describe: 'Show stack traces' })
    .strict()
    .demandCommand(1, 'Angiv en kommando (se viso --help).')
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((msg, err) => {
      if (err) throw err;
      throw new CliUsage(msg);
    });
  for (const c of commands) cli = cli.command(c as never);
  try {
    await cli.parseAsync();
  } catch (e) {
    exitCode = 2;
    if (e instanceof CliUsage) {
      process.stderr.write(`viso: ${e.message}\n`);
    } else if (isUserError(e)) {
      process.stderr.write(`${e.message}\n`);
      if (debug) process.stderr.write(`${e.stack}\n`);
    } else {
      exitCode = 1;
      const err = e as Error;
      process.stderr.write(`viso: internal error: ${err?.message ?? String(e)}\n`);
      if (debug) process.stderr.write(`${err?.stack}\n`);
      else process.stderr.write('(run again with --debug for details)\n');
    }
  }
  if (exitCode === 0 && process.exitCode && process.exitCode !== 0) exitCode = Number(process.exitCode);
  return exitCode;
}

class CliUsage extends Error {}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry || process.argv[1]?.endsWith('/viso') || process.argv[1]?.endsWith('cli/main.js')) {
  main(hideBin(process.argv)).then((code) => {
    process.exitCode = code;
  });
}
