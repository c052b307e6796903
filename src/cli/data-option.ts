/**
 * `--data FILE...`, `--locale` and `--map`, the same on every command that reads the series: the user's
 * files are merged into the bundled data per (series, year) (the user's value wins, no year is
 * dropped), and every changed value and added year is listed once on stderr.
 *
 * Light on purpose (imported by command modules at start-up): the loaders are imported inside.
 */
import type { Argv } from 'yargs';
import type { Dataset } from '../data/dataset.js';
import type { Lang } from '../text/number.js';
import { langOf } from './options.js';

/** Declare `--data` (repeatable), `--locale` and `--map` on a command. */
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
    .option('locale', {
      choices: ['da', 'en'] as const,
      describe: da
        ? 'Talformat i --data-filer (standard: genkendes)'
        : 'Number format of --data files (default: detected)',
    })
    .option('map', {
      type: 'string',
      describe: da
        ? 'Etiketter i --data-filer → serie-id (YAML; viso data map --suggest FIL)'
        : 'Labels of --data files → series ids (YAML; viso data map --suggest FILE)',
    });
}

/**
 * The dataset of one command line: the bundled data, or with the `--data` files merged in (each
 * change and added year written once to stderr). Invalid files throw the loaders' InputErrors.
 */
export async function cliDataset(argv: Record<string, unknown>, lang: Lang): Promise<Dataset> {
  const files = ((argv.data as string[] | undefined) ?? []).map(String);
  if (!files.length) return (await import('../data/bundled.js')).loadBundled();
  const { loadDataset } = await import('../data/load.js');
  const { formatMerge } = await import('../report/dataText.js');
  const ds = await loadDataset({
    files,
    locale: argv.locale as 'da' | 'en' | undefined,
    ...(argv.map ? { map: String(argv.map) } : {}),
  });
  const lines = formatMerge(ds.merge, lang);
  const da = lang === 'da';
  const n = ds.merge.overrides.length;
  const head = da
    ? `data: ${files.join(', ')} flettet ind i de indbyggede data (${n} ${n === 1 ? 'ændret værdi' : 'ændrede værdier'})`
    : `data: ${files.join(', ')} merged into the bundled data (${n} ${n === 1 ? 'value' : 'values'} changed)`;
  process.stderr.write([head, ...lines.map((l) => `  ${l}`)].join('\n') + '\n');
  return ds;
}

/**
 * One line on stderr when the data hold a later year than a scenario's base year for some of the series a
 * base year needs (forbrug, forløb, henvendelser) but not all: that year is not dropped silently.
 */
export async function noteBaseYear(ds: Dataset, baseYear: number, scenario: string, lang: Lang): Promise<void> {
  const { BASE_YEAR_SERIES } = await import('../scenario/load.js');
  const later = new Map<number, string[]>();
  for (const id of BASE_YEAR_SERIES) {
    if (!ds.has(id)) continue;
    for (const p of ds.get(id).points)
      if (p.year > baseYear && Number.isFinite(p.value)) later.set(p.year, [...(later.get(p.year) ?? []), id]);
  }
  for (const [year, ids] of [...later.entries()].sort((a, b) => a[0] - b[0])) {
    const missing = BASE_YEAR_SERIES.filter((id) => !ids.includes(id));
    process.stderr.write(
      lang === 'da'
        ? `${scenario}: basisår ${baseYear}; ${year} er ikke basisår, fordi data mangler ${missing.join(', ')} for ${year}\n`
        : `${scenario}: base year ${baseYear}; ${year} is not the base year because the data lack ${missing.join(', ')} for ${year}\n`,
    );
  }
}
