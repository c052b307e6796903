/**
 * Source documents of the bundled data (`data/sources.csv`). Observations
 * cite them as `doc#locator`, e.g. `aarsrapport2020#tabel7`.
 */
import { InputError } from '../errors.js';
import { parseDelimited } from './csv.js';

/** One source document. */
export interface SourceDoc {
  doc: string;
  title: string;
  publisher: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty if unknown. */
  published: string;
  /** File name in the seed folder the transcription was made from. */
  seedFile: string;
  kind: string;
}

const HEADER = ['doc', 'title', 'publisher', 'published', 'seed_file', 'kind'];

/**
 * Parse `data/sources.csv` text.
 *
 * @example
 * parseSources('doc,title,publisher,published,seed_file,kind\nx,"T",P,2021,f.txt,news item\n', 'sources.csv')[0].doc // 'x'
 */
export function parseSources(text: string, file: string): SourceDoc[] {
  const rows = parseDelimited(text, ',');
  const head = rows[0]?.cells.map((c) => c.trim()) ?? [];
  if (head.join(',') !== HEADER.join(',')) throw new InputError({ file, line: 1 }, `the header ${HEADER.join(',')}`, head.join(','));
  return rows.slice(1).map(({ line, cells }) => {
    if (cells.length !== HEADER.length) throw new InputError({ file, line }, `${HEADER.length} fields`, `${cells.length} fields`);
    const [doc, title, publisher, published, seedFile, kind] = cells.map((c) => c.trim());
    if (!/^[a-z0-9-]+$/.test(doc)) throw new InputError({ file, line, column: 'doc' }, 'a document id of lower-case letters, digits and -', doc);
    return { doc, title, publisher, published, seedFile, kind };
  });
}

/**
 * The document id of a `doc#locator` source reference.
 *
 * @example
 * sourceDoc('aarsrapport2020#tabel7') // 'aarsrapport2020'
 */
export function sourceDoc(ref: string): string {
  const i = ref.indexOf('#');
  return i < 0 ? ref : ref.slice(0, i);
}
