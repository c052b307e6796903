/**
 * `--data FILE...` and `--locale`, the same on every command that reads the series: the user's
 * files are merged into the bundled data per (series, year) (the user's value wins, no year is
 * dropped), and every changed value and added year is listed once on stderr.
 *
 * Light on purpose (imported by command modules at start-up): the loaders are imported inside.
 */
import type { Argv } from 'yargs';
import type { Dataset } from '../data/dataset.js';
import type { Lang } from '../format/number.js';
import { langOf } from './options.js';

/** Declare `--data` (repeatable) and `--locale` on a command. */
export function dataOptionFlags<T>(y: Argv<T>, o: { lang?: Lang } = {}): Argv<T> {
  const da = (o.lang ?? langOf(process.argv.slice(2))) === 'da';
  return y
    .option('data', {
      type: 'string',
      array: true,
      describe: da
        ? 'Egne data (CSV/TSV/XLSX/JSON), flettet ind i de indbyggede pr. serie og år: filens tal vinder, ændringer vises (kan gentages)'
        : 'Your own data (CSV/TSV/XLSX/JSON), merged into the bundled data per series and year: the file wins, changes are listed (repeatable)',
    })
    .option('locale', { choices: ['da', 'en'] as const, describe: da ? 'Talformat i --data-filer (standard: genkendes)' : 'Number format of --data files (default: detected)' });
}

/**
 * The dataset of one command line: the bundled data, or with the `--data` files merged in (each
 * change and added year written once to stderr). Invalid files throw the loaders' InputErrors.
 */
export async function cliDataset(argv: Record<string, unknown>, lang: Lang): Promise<Dataset> {
  const files = ((argv.data as string[] | undefined) ?? []).map(String);
  if (!files.length) return (await import('../data/bundled.js')).loadBundled();
  const { loadDataset } = await import('../data/load.js');
  const { formatMerge } = await import('../data/merge.js');
  const ds = await loadDataset({ files, locale: argv.locale as 'da' | 'en' | undefined });
  const lines = formatMerge(ds.merge, lang);
  const da = lang === 'da';
  const n = ds.merge.overrides.length;
  const head = da
    ? `data: ${files.join(', ')} flettet ind i de indbyggede data (${n} ${n === 1 ? 'ændret værdi' : 'ændrede værdier'})`
    : `data: ${files.join(', ')} merged into the bundled data (${n} ${n === 1 ? 'value' : 'values'} changed)`;
  process.stderr.write([head, ...lines.map((l) => `  ${l}`)].join('\n') + '\n');
  return ds;
}
