/**
 * `viso data map --suggest FILE`: a proposed label mapping for a file whose rows or columns
 * are named in words. Each label (a column header of a years-as-rows table, a row label of
 * a years-as-columns or StatBank table) is matched against the bundled series ids by the
 * words in it and in the table's title (`Bevilling` → `viso.raadgivning.bevilling`,
 * `Børn og unge` under a title about henvendelser → `viso.raadgivning.henvendelser.boern_unge`).
 * A proposal, never applied silently: the user checks it and passes it with `--map`.
 */
import { labelKey } from './mapping.js';
import type { RawTable } from './rawtable.js';
import { detectLayout, findColumn } from './records.js';
import { splitHeaderUnit } from './units.js';
import { say, type Lang } from '../text/messages.js';

/** One label and what it is proposed to be. */
export interface LabelSuggestion {
  label: string;
  /** Where the label was found (`Ark1!B4`, `line 3`). */
  where: string;
  /** The best series id, or undefined when nothing matches. */
  series?: string;
  /** Other candidates, best first. */
  also: string[];
}

/** Words (ASCII-folded) → the id part they stand for. */
const SYNONYMS: Record<string, string> = {
  raadgivning: 'raadgivning',
  udredning: 'raadgivning',
  koordination: 'kas',
  specialraadgivning: 'kas',
  vidensudvikling: 'kas',
  kas: 'kas',
  covid: 'covid',
  bevilling: 'bevilling',
  bevillinger: 'bevilling',
  budget: 'bevilling',
  appropriation: 'bevilling',
  forbrug: 'forbrug',
  regnskab: 'forbrug',
  udgift: 'forbrug',
  udgifter: 'forbrug',
  spending: 'forbrug',
  forloeb: 'forloeb',
  sager: 'forloeb',
  henvendelser: 'henvendelser',
  henvendelse: 'henvendelser',
  gruppeforloeb: 'gruppeforloeb',
  voksne: 'voksne',
  voksen: 'voksne',
  boern: 'boern_unge',
  unge: 'boern_unge',
  specialundervisning: 'specialundervisning',
  andet: 'andet',
  andre: 'andet',
  ialt: 'i_alt',
  total: 'i_alt',
};

/** ASCII-folded words of a text (`Børn og unge` → ['boern', 'og', 'unge']; `I alt` → ['ialt']). */
function words(text: string): string[] {
  const t = labelKey(text)
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/\bi alt\b/g, 'ialt');
  return t.split(/[^a-z0-9]+/).filter(Boolean);
}

/** The id parts a text names. */
function parts(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    const s = SYNONYMS[w];
    if (s) out.add(s);
  }
  return out;
}

/**
 * The series ids that best match a label, best first (at most `max`); the context (a title,
 * the other labels' column) counts half.
 *
 * @example
 * matchLabel('Bevilling', '', ['viso.raadgivning.bevilling', 'viso.kas.bevilling'])[0] // 'viso.raadgivning.bevilling'
 */
export function matchLabel(label: string, context: string, ids: string[], max = 3): string[] {
  const own = parts(label);
  const ctx = parts(context);
  if (own.size === 0) return [];
  const scored: { id: string; score: number }[] = [];
  for (const id of ids) {
    const p = id.split('.').slice(1);
    const [area, measure, category = 'i_alt'] = p;
    let score = 0;
    let ownHits = 0;
    for (const x of own) {
      if (x === area || x === measure || x === category) {
        score += 2;
        ownHits++;
      } else score -= 1;
    }
    if (ownHits === 0) continue;
    for (const x of ctx) if (!own.has(x) && (x === area || x === measure || x === category)) score += 1;
    // what the label and its context leave open: the main account, the total
    const named = new Set([...own, ...ctx]);
    if (![...named].some((x) => ['raadgivning', 'kas', 'covid'].includes(x))) score += area === 'raadgivning' ? 0.5 : 0;
    if (![...named].some((x) => ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'].includes(x))) score += category === 'i_alt' ? 0.5 : 0;
    if (![...named].includes(measure)) score -= 1.5;
    if (p.length > 3) score -= 1;
    scored.push({ id, score });
  }
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1))
    .slice(0, max)
    .map((s) => s.id);
}

/**
 * The labels of a table that would need a mapping, each with the best matching ids.
 *
 * @example
 * suggestLabels(await readRawTable('budget.csv'), loadBundled().ids())
 */
export function suggestLabels(t: RawTable, ids: string[]): LabelSuggestion[] {
  const layout = detectLayout(t.header);
  const title = (t.preamble ?? []).map((p) => p.text).join(' ');
  const where = (line: number, col: number) => (t.cellName ? t.cellName(line, col) : `${t.file}:${line}`);
  const out: LabelSuggestion[] = [];
  const seen = new Set<string>();
  const add = (label: string, at: string, context: string) => {
    const key = labelKey(label);
    if (key === '' || seen.has(key) || /^[a-z0-9_]+(\.[a-z0-9_]+)+$/.test(label)) return;
    seen.add(key);
    const [series, ...also] = matchLabel(label, context, ids);
    out.push({ label, where: at, ...(series ? { series } : {}), also });
  };
  if (layout === 'columns') {
    const year = findColumn(t.header, 'year');
    t.header.forEach((h, i) => {
      if (i !== year && h.trim() !== '') add(splitHeaderUnit(h).label, where(t.headerLine, i), title);
    });
    return out;
  }
  if (!layout || findColumn(t.header, 'series') >= 0) return out;
  const fixed = ['year', 'value', 'unit', 'source', 'flags'].map((f) => findColumn(t.header, f));
  const labelCols = t.header.map((_h, i) => i).filter((i) => !fixed.includes(i) && !/^\d{4}$/.test(t.header[i].trim()) && t.header[i].trim() !== '');
  const valueCols = layout === 'long' ? [findColumn(t.header, 'value')] : t.header.map((_h, i) => i).filter((i) => /^\d{4}$/.test(t.header[i].trim()));
  // the label column with the most words (Tekst rather than Finanslovskonto); rows without a value are notes
  for (const r of t.rows) {
    if (valueCols.every((c) => String(r.cells[c] ?? '').trim().replace(/^[-–—]$/, '') === '')) continue;
    const cands = labelCols.map((c) => ({ c, text: String(r.cells[c] ?? '').trim() })).filter((x) => x.text !== '');
    if (!cands.length) continue;
    const best = cands.reduce((a, b) => (parts(b.text).size > parts(a.text).size ? b : a), cands[cands.length - 1]);
    const value = layout === 'long' ? t.header[findColumn(t.header, 'value')] : '';
    add(best.text, where(r.line, best.c), `${title} ${value}`);
  }
  return out;
}

/**
 * A mapping file (YAML) from suggestions: labels with a match map to it (other candidates in
 * a comment), labels without one to `null`, which `--map` refuses until a series id is written.
 *
 * Its comments are in `lang` (Danish unless told).
 *
 * @example
 * mappingYaml('budget.xlsx', [{ label: 'Bevilling', where: 'Ark1!B4', series: 'viso.raadgivning.bevilling', also: [] }], 'en')
 */
export function mappingYaml(file: string, s: LabelSuggestion[], lang: Lang = 'da'): string {
  const lines = [`# ${say('data.map.proposed', { file }, lang)}`, `# ${say('data.map.null', {}, lang)}`, 'series:'];
  for (const x of s) {
    const note = [x.where, x.also.length ? say('data.map.or', { ids: x.also.join(', ') }, lang) : ''].filter(Boolean).join('; ');
    lines.push(`  ${JSON.stringify(x.label)}: ${x.series ?? 'null'}  # ${note}`);
  }
  if (!s.length) lines.push('  {}');
  return lines.join('\n') + '\n';
}
