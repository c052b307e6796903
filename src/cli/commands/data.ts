import type { CommandModule } from 'yargs';

/** `viso data ...`: list, show and validate series. (Filled in by the data layer.) */
export const dataCommand: CommandModule<any, any> = {
  command: 'data <action> [args..]',
  describe: 'Bundled and user data: list, show, validate',
  builder: (y) => y.positional('action', { choices: ['list'] as const }),
  handler: async () => {
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(new URL('../../../data/viso.csv', import.meta.url), 'utf8');
    const ids = [...new Set(csv.trim().split('\n').slice(1).map((l) => l.split(',')[0]))];
    process.stdout.write(ids.join('\n') + '\n');
  },
};
