/**
 * Units as finance offices write them, in a unit column or in a column header:
 * `mio. kr.`, `1.000 kr.` (t.kr.), `kr.`, `mia. kr.`, `antal`, `pct.`, `%`, in Danish or
 * English. Amounts in another scale than million kroner are converted (`158.300` in
 * `1.000 kr.` is 158,3 mio. kr.).
 */
import type { Unit } from './types.js';

/** A unit read from a file: the dataset unit and how a value in the file is converted to it. */
export interface FileUnit {
  unit: Unit;
  /** The value in the dataset unit is `value / divide` (1 for no conversion). */
  divide: number;
  /** The unit as written (for messages). */
  text: string;
}

/** Spellings (lower-case, spaces collapsed) → unit and divisor. */
const SPELLINGS: [string[], Unit, number][] = [
  [['mio. kr.', 'mio.kr.', 'mio kr', 'mio. kr', 'mio kr.', 'mio.kr', 'dkk m', 'dkk million', 'mill. kr.', 'mill. kr', 'mio. dkk', 'mio dkk'], 'mio. kr.', 1],
  [['1.000 kr.', '1.000 kr', '1000 kr.', '1000 kr', '1 000 kr.', 't.kr.', 't.kr', 'tkr.', 'tkr', 't. kr.', 'dkk 1,000', 'dkk 1000', 'dkk thousand', '1.000 dkk'], 'mio. kr.', 1000],
  [['kr.', 'kr', 'dkk'], 'mio. kr.', 1_000_000],
  [['mia. kr.', 'mia.kr.', 'mia kr', 'mia. kr', 'dkk bn'], 'mio. kr.', 0.001],
  [['count', 'antal'], 'count', 1],
  [['pct', 'pct.', '%', 'procent', 'percent'], 'pct', 1],
];

const BY_TEXT = new Map<string, { unit: Unit; divide: number }>();
for (const [names, unit, divide] of SPELLINGS) for (const n of names) BY_TEXT.set(n, { unit, divide });

/** Lower-case with runs of white space (also no-break spaces) as one space. */
function normal(text: string): string {
  return text.trim().toLowerCase().replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * The unit a text names, or undefined.
 *
 * @example
 * parseUnit('1.000 kr.') // { unit: 'mio. kr.', divide: 1000, text: '1.000 kr.' }
 * parseUnit('antal')     // { unit: 'count', divide: 1, text: 'antal' }
 */
export function parseUnit(text: string): FileUnit | undefined {
  const t = normal(text);
  const hit = BY_TEXT.get(t) ?? BY_TEXT.get(t.replace(/^i /, '')) ?? BY_TEXT.get(t.replace(/^in /, ''));
  return hit ? { ...hit, text: text.trim() } : undefined;
}

/**
 * Split a column header into its label and the unit it states: `Bevilling (mio. kr.)`,
 * `Forbrug, 1.000 kr.`, `Forløb (antal)`, `Udgift i mio. kr.`. A header without a unit
 * is all label.
 *
 * @example
 * splitHeaderUnit('Bevilling (mio. kr.)') // { label: 'Bevilling', unit: { unit: 'mio. kr.', divide: 1, … } }
 * splitHeaderUnit('Forløb')               // { label: 'Forløb' }
 */
export function splitHeaderUnit(header: string): { label: string; unit?: FileUnit } {
  const h = header.trim();
  const paren = /^(.*?)[\s\u00a0]*[([]([^()[\]]+)[)\]]$/.exec(h);
  if (paren) {
    const unit = parseUnit(paren[2]);
    if (unit && paren[1].trim() !== '') return { label: paren[1].trim(), unit };
  }
  const tail = /^(.*?)(?:\s*[,;:–-]\s*|\s+i\s+|\s+in\s+)((?:1[.\s]?000|mio\.?|mia\.?|mill\.|t\.)\s*kr\.?|kr\.|dkk(?: m| bn)?|antal|pct\.?|%)$/i.exec(h);
  if (tail && tail[1].trim() !== '') {
    const unit = parseUnit(tail[2]);
    if (unit) return { label: tail[1].trim(), unit };
  }
  return { label: h };
}

/**
 * A unit stated in a title or note line (`Bevillinger, løbende priser, 1.000 kr.`), or undefined.
 *
 * @example
 * unitInText('Finansloven 2024 (mio. kr.)')?.unit // 'mio. kr.'
 */
export function unitInText(text: string): FileUnit | undefined {
  const m = /(1[.\s\u00a0]?000\s*kr\.?|t\.\s?kr\.?|mio\.?\s*kr\.?|mia\.?\s*kr\.?|mill\.\s*kr\.?)/i.exec(text);
  if (m) return parseUnit(m[1].replace(/\s+/g, ' ').replace(/^(1)[\s\u00a0]?000/, '1.000'));
  const p = /\((antal|pct\.?|%)\)/i.exec(text);
  return p ? parseUnit(p[1]) : undefined;
}

/**
 * A value in a file's unit converted to the dataset unit (a division, so `158300` in
 * `1.000 kr.` is exactly `158.3`).
 *
 * @example
 * convertValue(158300, { unit: 'mio. kr.', divide: 1000, text: '1.000 kr.' }) // 158.3
 */
export function convertValue(value: number, u: FileUnit | undefined): number {
  if (!u || u.divide === 1) return value;
  return u.divide < 1 ? value * Math.round(1 / u.divide) : value / u.divide;
}
