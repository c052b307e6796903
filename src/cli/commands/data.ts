/**
 * `viso data list|show|validate`: the bundled series and user data files.
 * Only yargs types are imported statically; the data layer (zod, exceljs)
 * is loaded inside the handlers so `viso --help` stays fast.
 */
import type { Argv, CommandModule } from 'yargs';
import { h, cmdLine, pos } from '../text.js';

type Lang = 'da' | 'en';
interface Common {
  lang: Lang;
  data?: string[];
  bundled: boolean;
  locale?: 'da' | 'en';
  map?: string;
}

const dataOptions = <T>(y: Argv<T>) =>
  y
    .option('data', { type: 'string', array: true, describe: h('cmd.data.dataMerge') })
    .option('bundled', { type: 'boolean', default: true, describe: h('cmd.data.bundled') })
    .option('locale', { choices: ['da', 'en'] as const, describe: h('cli.opt.locale') })
    .option('map', { type: 'string', describe: h('cmd.data.mapOpt') });

/** The bundled dataset, optionally merged with (or replaced by) user files. */
async function dataset(argv: Common) {
  const files = argv.data ?? [];
  if (!files.length && argv.bundled) return (await import('../../data/bundled.js')).loadBundled();
  // the loaders (zod, exceljs) only when user files are given
  if (argv.bundled)
    return (await import('../data-option.js')).cliDataset(argv as unknown as Record<string, unknown>, argv.lang);
  const { loadDataset } = await import('../../data/load.js');
  return loadDataset({ files, bundled: argv.bundled, locale: argv.locale, ...(argv.map ? { map: argv.map } : {}) });
}

const list: CommandModule<any, any> = {
  command: 'list',
  get describe() {
    return h('cmd.data.list');
  },
  builder: (y) =>
    dataOptions(y).option('json', { type: 'boolean', default: false, describe: h('cli.opt.jsonMachine') }),
  handler: async (argv) => {
    const ds = await dataset(argv as unknown as Common);
    const { summarizeSeries } = await import('../../data/present.js');
    const { formatSeriesList } = await import('../../report/dataText.js');
    if (argv.json) process.stdout.write(JSON.stringify(ds.list().map(summarizeSeries), null, 2) + '\n');
    else process.stdout.write(formatSeriesList(ds, argv.lang as Lang));
  },
};

const show: CommandModule<any, any> = {
  get command() {
    return cmdLine('show <series>');
  },
  get describe() {
    return h('cmd.data.show');
  },
  builder: (y) =>
    dataOptions(y)
      .positional(pos('series'), { type: 'string', demandOption: true, describe: h('cmd.data.show.series') })
      .option('format', {
        choices: ['table', 'csv', 'json'] as const,
        default: 'table' as const,
        describe: h('cmd.data.show.format'),
      })
      // as in every other command
      .option('json', { type: 'boolean', default: false, describe: h('cli.opt.jsonMachine') }),
  handler: async (argv) => {
    if (argv.json) {
      if (argv.format !== 'table' && argv.format !== 'json') {
        const { UsageError } = await import('../../errors.js');
        throw new UsageError({ code: 'opt.jsonOrFormat', params: { format: String(argv.format) } });
      }
      argv.format = 'json';
    }
    const ds = await dataset(argv as unknown as Common);
    const s = ds.get(String(argv.series));
    const { seriesCsv, seriesJson } = await import('../../data/present.js');
    const { formatSeriesTable } = await import('../../report/dataText.js');
    const out =
      argv.format === 'csv'
        ? seriesCsv(s)
        : argv.format === 'json'
          ? seriesJson(s)
          : formatSeriesTable(s, argv.lang as Lang);
    process.stdout.write(out);
  },
};

const validate: CommandModule<any, any> = {
  get command() {
    return cmdLine('validate <files..>');
  },
  get describe() {
    return h('cmd.data.validate');
  },
  builder: (y) =>
    y
      .positional(pos('files'), {
        type: 'string',
        array: true,
        demandOption: true,
        describe: h('cmd.data.validate.files'),
      })
      .option('locale', { choices: ['da', 'en'] as const, describe: h('cmd.data.validate.locale') })
      .option('layout', { choices: ['long', 'wide', 'columns'] as const, describe: h('cmd.data.validate.layout2') })
      .option('map', { type: 'string', describe: h('cmd.data.validate.map') })
      .option('json', { type: 'boolean', default: false, describe: h('cmd.data.validate.json') }),
  handler: async (argv) => {
    const { validateFile, validationJson } = await import('../../data/load.js');
    const { InputErrors } = await import('../../errors.js');
    const lang = argv.lang as Lang;
    const reports = [];
    for (const f of argv.files as string[])
      reports.push(
        await validateFile(f, { locale: argv.locale, layout: argv.layout, ...(argv.map ? { map: argv.map } : {}) }),
      );
    const problems = reports.flatMap((r) => r.problems);
    if (argv.json) {
      // language-neutral: the same report under --lang da and en (validationJson)
      const json = validationJson(reports);
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      if (problems.length) process.exitCode = 2;
      return;
    }
    for (const r of reports.filter((r) => r.ok)) {
      // the layout and number format found, in words in Danish (the option values in English)
      const layout =
        lang === 'da'
          ? ({ long: 'lang form', wide: 'bred form', columns: 'kolonneform' }[r.layout as 'long'] ?? r.layout)
          : r.layout;
      const locale =
        lang === 'da'
          ? ({ da: 'dansk talformat', en: 'internationalt talformat' }[r.locale as 'da'] ?? r.locale)
          : r.locale;
      const what = [
        layout,
        locale,
        r.encoding && r.encoding !== 'utf-8' ? r.encoding : undefined,
        r.sheets && r.sheets.length > 1 ? `${lang === 'da' ? 'ark' : 'sheets'} ${r.sheets.join(', ')}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      // a sum row (I alt, Total) is skipped, not read: said, with where it stands, so nothing is dropped unseen
      const sums = (r.sumRows ?? []).map((p) => p.cell ?? `${lang === 'da' ? 'linje' : 'line'} ${p.line}`);
      const skipped = !sums.length
        ? ''
        : lang === 'da'
          ? `; ${sums.length === 1 ? 'sumrække' : 'sumrækker'} sprunget over: ${sums.join(', ')}`
          : `; ${sums.length === 1 ? 'sum row' : 'sum rows'} skipped: ${sums.join(', ')}`;
      process.stdout.write(
        lang === 'da'
          ? `ok: ${r.file} (${what}; ${r.observations} ${r.observations === 1 ? 'værdi' : 'værdier'} i ${r.series} ${r.series === 1 ? 'serie' : 'serier'}${skipped})\n`
          : `ok: ${r.file} (${what}; ${r.observations} ${r.observations === 1 ? 'value' : 'values'} in ${r.series} series${skipped})\n`,
      );
    }
    if (problems.length) throw new InputErrors(problems);
  },
};

const map: CommandModule<any, any> = {
  get command() {
    return cmdLine('map <file>');
  },
  get describe() {
    return h('cmd.data.map');
  },
  builder: (y) =>
    y
      .positional(pos('file'), { type: 'string', demandOption: true, describe: h('cmd.data.map.file') })
      .option('suggest', { type: 'boolean', default: false, describe: h('cmd.data.map.suggest') }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    if (!argv.suggest)
      throw new UsageError(
        argv.lang === 'da'
          ? 'angiv --suggest: viso data map --suggest FIL > map.yaml'
          : 'give --suggest: viso data map --suggest FILE > map.yaml',
      );
    const { readRawTables } = await import('../../data/rawtable.js');
    const { suggestLabels, mappingYaml } = await import('../../data/suggest-map.js');
    const { loadBundled } = await import('../../data/bundled.js');
    const file = String(argv.file);
    const ids = loadBundled().ids();
    const all = [];
    for (const t of await readRawTables(file)) all.push(...suggestLabels(t, ids));
    process.stdout.write(mappingYaml(file, all, argv.lang as Lang));
  },
};

const events: CommandModule<any, any> = {
  command: 'events',
  get describe() {
    return h('cmd.data.events');
  },
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: h('cli.opt.jsonMachine') }),
  handler: async (argv) => {
    const { loadBundled } = await import('../../data/bundled.js');
    const { formatEvents } = await import('../../report/dataText.js');
    const ev = loadBundled().events;
    process.stdout.write(argv.json ? JSON.stringify(ev, null, 2) + '\n' : formatEvents(ev, argv.lang as Lang));
  },
};

/** `viso data ...`: list, show and validate series; list events. */
export const dataCommand: CommandModule<any, any> = {
  command: 'data',
  get describe() {
    return h('cmd.data2');
  },
  builder: (y) =>
    y
      .command(list)
      .command(show)
      .command(validate)
      .command(map)
      .command(events)
      .demandCommand(1, h('cmd.data.demand2')),
  handler: () => {},
};
