/**
 * Dated events that break or shift the series: demand-limiting measures,
 * the COVID hotline, registration changes. Stored in `data/events.csv`.
 */
import { InputError } from '../errors.js';
import { parseDelimited } from './csv.js';

export type EventKind = 'measure' | 'registration_break' | 'covid' | 'supply';
export const EVENT_KINDS: readonly EventKind[] = ['measure', 'registration_break', 'covid', 'supply'];

/** How exactly the date is known (the document may give only a month or a year). */
export type DatePrecision = 'day' | 'month' | 'year';

/** One dated event. */
export interface Event {
  id: string;
  /** `YYYY-MM-DD`; when only the month or year is known, the first day of it (see `datePrecision`). */
  date: string;
  year: number;
  kind: EventKind;
  title: { da: string; en: string };
  /** `doc#locator` (doc in data/sources.csv). */
  source: string;
  datePrecision: DatePrecision;
}

const HEADER = ['id', 'date', 'year', 'kind', 'title_da', 'title_en', 'source', 'date_precision'];

/**
 * Parse `data/events.csv` text (comma separated, header
 * `id,date,year,kind,title_da,title_en,source,date_precision`).
 * Throws InputError naming the line and column of the first problem.
 *
 * @example
 * parseEvents(readFileSync('data/events.csv', 'utf8'), 'data/events.csv')[0].kind // 'measure'
 */
export function parseEvents(text: string, file: string): Event[] {
  const rows = parseDelimited(text, ',', (line, exp) => {
    throw new InputError({ file, line }, exp);
  });
  if (rows.length === 0) throw new InputError({ file, line: 1 }, `a header ${HEADER.join(',')}`, '');
  const head = rows[0].cells.map((c) => c.trim());
  if (head.join(',') !== HEADER.join(',')) throw new InputError({ file, line: rows[0].line }, `the header ${HEADER.join(',')}`, head.join(','));
  const seen = new Set<string>();
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length !== HEADER.length) throw new InputError({ file, line }, `${HEADER.length} fields`, `${cells.length} fields`);
    const [id, date, yearText, kind, da, en, source, precision] = cells.map((c) => c.trim());
    const col = (name: string) => ({ file, line, column: name });
    if (!/^[a-z0-9][a-z0-9_.-]*$/.test(id)) throw new InputError(col('id'), 'an id of lower-case letters, digits, _ . -', id);
    if (seen.has(id)) throw new InputError(col('id'), 'a unique id', id);
    seen.add(id);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date + 'T00:00:00Z'))) throw new InputError(col('date'), 'a date YYYY-MM-DD', date);
    const year = Number(yearText);
    if (!Number.isInteger(year) || String(year) !== date.slice(0, 4)) throw new InputError(col('year'), `the year of the date (${date.slice(0, 4)})`, yearText);
    if (!(EVENT_KINDS as readonly string[]).includes(kind)) throw new InputError(col('kind'), `one of ${EVENT_KINDS.join(', ')}`, kind);
    if (!da || !en) throw new InputError(col(!da ? 'title_da' : 'title_en'), 'a title', '');
    if (!/^[a-z0-9-]+#\S+$/.test(source)) throw new InputError(col('source'), 'a source doc#locator', source);
    if (!['day', 'month', 'year'].includes(precision)) throw new InputError(col('date_precision'), 'day, month or year', precision);
    return { id, date, year, kind: kind as EventKind, title: { da, en }, source, datePrecision: precision as DatePrecision };
  });
}
