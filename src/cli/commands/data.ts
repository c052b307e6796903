/**
 * `viso data list|show|validate`: the bundled series and user data files.
 * Only yargs types are imported statically; the data layer (zod, exceljs)
 * is loaded inside the handlers so `viso --help` stays fast.
 */
import type { Argv, CommandModule } from 'yargs';

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
    .option('data', { type: 'string', array: true, describe: 'Also load series from this file (CSV/XLSX/JSON), merged into the bundled data per series and year (the file wins; changes listed on stderr)' })
    .option('bundled', { type: 'boolean', default: true, describe: 'Include the bundled data (--no-bundled: only --data files)' })
    .option('locale', { choices: ['da', 'en'] as const, describe: 'Number format of --data files: da = 1.234,5, en = 1,234.5 (detected if omitted)' })
    .option('map', { type: 'string', describe: 'Labels of the --data files → series ids (YAML; viso data map --suggest FILE proposes one)' });

/** The bundled dataset, optionally merged with (or replaced by) user files. */
async function dataset(argv: Common) {
  const files = argv.data ?? [];
  if (!files.length && argv.bundled) return (await import('../../data/bundled.js')).loadBundled();
  // the loaders (zod, exceljs) only when user files are given
  if (argv.bundled) return (await import('../data-option.js')).cliDataset(argv as unknown as Record<string, unknown>, argv.lang);
  const { loadDataset } = await import('../../data/load.js');
  return loadDataset({ files, bundled: argv.bundled, locale: argv.locale, ...(argv.map ? { map: argv.map } : {}) });
}

const list: CommandModule<any, any> = {
  command: 'list',
  describe: 'List the series: id, unit, years, number of values, flags',
  builder: (y) => dataOptions(y).option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' }),
  handler: async (argv) => {
    const ds = await dataset(argv as unknown as Common);
    const { formatSeriesList, summarizeSeries } = await import('../../data/present.js');
    if (argv.json) process.stdout.write(JSON.stringify(ds.list().map(summarizeSeries), null, 2) + '\n');
    else process.stdout.write(formatSeriesList(ds, argv.lang as Lang));
  },
};

const show: CommandModule<any, any> = {
  command: 'show <series>',
  describe: 'Show one series year by year (missing years shown), with flags and sources',
  builder: (y) =>
    dataOptions(y)
      .positional('series', { type: 'string', demandOption: true, describe: 'Series id, e.g. viso.raadgivning.forbrug' })
      .option('format', { choices: ['table', 'csv', 'json'] as const, default: 'table' as const, describe: 'Output format' }),
  handler: async (argv) => {
    const ds = await dataset(argv as unknown as Common);
    const s = ds.get(String(argv.series));
    const { formatSeriesTable, seriesCsv, seriesJson } = await import('../../data/present.js');
    const out = argv.format === 'csv' ? seriesCsv(s) : argv.format === 'json' ? seriesJson(s) : formatSeriesTable(s, argv.lang as Lang);
    process.stdout.write(out);
  },
};

const validate: CommandModule<any, any> = {
  command: 'validate <files..>',
  describe: 'Check data files (CSV/XLSX/JSON, long or wide); lists every problem, exit code 2 if any',
  builder: (y) =>
    y
      .positional('files', { type: 'string', array: true, demandOption: true, describe: 'Files to check' })
      .option('locale', { choices: ['da', 'en'] as const, describe: 'Number format: da = 1.234,5, en = 1,234.5 (detected if omitted; ambiguous files are refused)' })
      .option('layout', { choices: ['long', 'wide', 'columns'] as const, describe: 'long = one row per series and year; wide = years as columns; columns = years as rows, a column per series (detected if omitted)' })
      .option('map', { type: 'string', describe: 'Labels of the files → series ids (YAML; see viso data map --suggest)' })
      .option('json', { type: 'boolean', default: false, describe: 'Machine-readable report on stdout' }),
  handler: async (argv) => {
    const { validateFile } = await import('../../data/load.js');
    const { InputErrors } = await import('../../errors.js');
    const lang = argv.lang as Lang;
    const reports = [];
    for (const f of argv.files as string[]) reports.push(await validateFile(f, { locale: argv.locale, layout: argv.layout, ...(argv.map ? { map: argv.map } : {}) }));
    const problems = reports.flatMap((r) => r.problems);
    if (argv.json) {
      const json = reports.map((r) => ({ ...r, problems: r.problems.map((p) => ({ ...p.location, expected: p.expected, found: p.found, message: p.message })) }));
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
      if (problems.length) process.exitCode = 2;
      return;
    }
    for (const r of reports.filter((r) => r.ok)) {
      const what = [r.layout, r.locale, r.encoding && r.encoding !== 'utf-8' ? r.encoding : undefined, r.sheets && r.sheets.length > 1 ? `${lang === 'da' ? 'ark' : 'sheets'} ${r.sheets.join(', ')}` : undefined].filter(Boolean).join(', ');
      process.stdout.write(
        lang === 'da'
          ? `ok: ${r.file} (${what}; ${r.observations} værdier i ${r.series} serier)\n`
          : `ok: ${r.file} (${what}; ${r.observations} values in ${r.series} series)\n`,
      );
    }
    if (problems.length) throw new InputErrors(problems);
  },
};

const map: CommandModule<any, any> = {
  command: 'map <file>',
  describe: 'Propose a label mapping (--map) for a file whose rows or columns are named in words',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'Data file (CSV/XLSX)' })
      .option('suggest', { type: 'boolean', default: false, describe: 'Match the labels against the bundled series and print a mapping (YAML) to check and save' }),
  handler: async (argv) => {
    const { UsageError } = await import('../../errors.js');
    if (!argv.suggest) throw new UsageError(argv.lang === 'da' ? 'angiv --suggest: viso data map --suggest FIL > map.yaml' : 'give --suggest: viso data map --suggest FILE > map.yaml');
    const { readRawTables } = await import('../../data/rawtable.js');
    const { suggestLabels, mappingYaml } = await import('../../data/suggest-map.js');
    const { loadBundled } = await import('../../data/bundled.js');
    const file = String(argv.file);
    const ids = loadBundled().ids();
    const all = [];
    for (const t of await readRawTables(file)) all.push(...suggestLabels(t, ids));
    process.stdout.write(mappingYaml(file, all));
  },
};

const events: CommandModule<any, any> = {
  command: 'events',
  describe: 'Dated events: demand-limiting measures, COVID-19 hotline, registration changes, suppliers',
  builder: (y) => y.option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' }),
  handler: async (argv) => {
    const { loadBundled } = await import('../../data/bundled.js');
    const { formatEvents } = await import('../../data/present.js');
    const ev = loadBundled().events;
    process.stdout.write(argv.json ? JSON.stringify(ev, null, 2) + '\n' : formatEvents(ev, argv.lang as Lang));
  },
};

/** `viso data ...`: list, show and validate series; list events. */
export const dataCommand: CommandModule<any, any> = {
  command: 'data',
  describe: 'Bundled and user data: list, show, validate, map, events',
  builder: (y) => y.command(list).command(show).command(validate).command(map).command(events).demandCommand(1, 'Angiv list, show, validate, map eller events.'),
  handler: () => {},
};
