/**
 * Reading numbers written the Danish way (`1.941`, `147,7`, `1.234,5`) or
 * the international way (`1,941`, `147.7`), and deciding which convention a
 * file uses. A text such as `1.941` is valid in both with different values:
 * such a file is ambiguous unless some other number settles it, and the
 * loader then asks for `--locale` instead of guessing.
 */
import type { Msg, MsgCode } from '../text/messages.js';
import type { ColumnLabel } from '../errors.js';

/** Number convention: Danish (`.` thousands, `,` decimals) or international. */
export type NumberLocale = 'da' | 'en';

/** What a text means under each convention (`undefined` = not a number there). */
export interface NumberReading {
  da?: number;
  en?: number;
}

const DA = /^[-−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;
const EN = /^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
/** Groups of three digits separated by a space, a no-break space or a narrow no-break space. */
const SPACED = /^[-−]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;

/**
 * True for texts that mean "no value": empty, `-`, `–`, `—`.
 *
 * @example
 * isMissingText(' - ') // true
 * isMissingText('0')   // false
 */
export function isMissingText(text: string): boolean {
  const t = text.trim();
  return t === '' || t === '-' || t === '–' || t === '—';
}

/**
 * Read a text under both conventions.
 *
 * @example
 * readNumber('1.941')   // { da: 1941, en: 1.941 }
 * readNumber('147,7')   // { da: 147.7 }
 * readNumber('147.7')   // { en: 147.7 }
 * readNumber('abc')     // {}
 * readNumber('1 234,5') // { da: 1234.5 } (space or no-break space between thousands)
 */
export function readNumber(text: string): NumberReading {
  // the common case first: digits only read the same either way
  if (text.length > 0 && text.length <= 15 && isDigits(text)) {
    const v = Number(text);
    return { da: v, en: v };
  }
  const t = text.trim().replace(/^−/, '-');
  const out: NumberReading = {};
  if ((t.includes(' ') || t.includes('\u00a0') || t.includes('\u202f')) && SPACED.test(t)) {
    // `1 234,5` is Danish, `1 234.5` international, `1 234` either
    const digits = t.replace(/[ \u00a0\u202f]/g, '');
    if (!digits.includes('.')) out.da = Number(digits.replace(',', '.'));
    if (!digits.includes(',')) out.en = Number(digits);
    return out;
  }
  if (DA.test(t)) out.da = Number(t.replace(/\./g, '').replace(',', '.'));
  if (EN.test(t)) out.en = Number(t.replace(/,/g, ''));
  return out;
}

function isDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Parse a number in a given convention; `undefined` if the text is not a
 * number written that way.
 *
 * @example
 * parseLocaleNumber('1.234,5', 'da') // 1234.5
 * parseLocaleNumber('1.234,5', 'en') // undefined
 */
export function parseLocaleNumber(text: string, locale: NumberLocale): number | undefined {
  return readNumber(text)[locale];
}

/**
 * Read a whole number (a count) whatever the convention: digit groups of three separated
 * by `.`, `,` or a space are thousands (`5.480` = 5480, `5,480` = 5480), since a count is
 * never written with decimals. `undefined` for anything else.
 *
 * @example
 * readWholeNumber('5.480')  // 5480
 * readWholeNumber('12')     // 12
 * readWholeNumber('147,7')  // undefined
 */
export function readWholeNumber(text: string): number | undefined {
  const t = text.trim().replace(/^−/, '-');
  if (/^-?\d+$/.test(t)) return Number(t);
  if (/^-?\d{1,3}(\.\d{3})+$/.test(t) || /^-?\d{1,3}(,\d{3})+$/.test(t) || /^-?\d{1,3}([ \u00a0\u202f]\d{3})+$/.test(t)) return Number(t.replace(/[., \u00a0\u202f]/g, ''));
  return undefined;
}

/** How a text bears on the file's convention. */
export type LocaleEvidence = 'da' | 'en' | 'neutral' | 'ambiguous' | 'invalid';

/**
 * Classify one number text: `da` / `en` if only that convention reads it,
 * `neutral` if both read the same value (`2020`, `42`), `ambiguous` if both
 * read it with different values (`1.941`, `1,941`), `invalid` otherwise.
 *
 * @example
 * localeEvidence('147,7') // 'da'
 * localeEvidence('1.941') // 'ambiguous'
 * localeEvidence('2020')  // 'neutral'
 */
export function localeEvidence(text: string): LocaleEvidence {
  const r = readNumber(text);
  if (r.da !== undefined && r.en !== undefined) return r.da === r.en ? 'neutral' : 'ambiguous';
  if (r.da !== undefined) return 'da';
  if (r.en !== undefined) return 'en';
  return 'invalid';
}

/** A number text with where it was found. */
export interface LocatedText {
  text: string;
  line: number;
  column: ColumnLabel;
}

/** Result of locale detection. */
export type LocaleDecision =
  | { kind: 'decided'; locale: NumberLocale; by?: LocatedText }
  | { kind: 'irrelevant' }
  | { kind: 'ambiguous'; example: LocatedText }
  | { kind: 'mixed'; da: LocatedText; en: LocatedText };

/**
 * Decide the number convention of a file from its number texts.
 * `decided` when some text is readable in one convention only (and none
 * contradicts it); `irrelevant` when every text reads the same either way;
 * `ambiguous` when texts like `1.941` occur and nothing settles them;
 * `mixed` when both Danish-only and international-only texts occur.
 *
 * @example
 * detectLocale([{ text: '1.941', line: 2, column: 'value' }, { text: '147,7', line: 3, column: 'value' }])
 * // { kind: 'decided', locale: 'da', by: { text: '147,7', … } }
 */
export function detectLocale(texts: Iterable<LocatedText>): LocaleDecision {
  let da: LocatedText | undefined;
  let en: LocatedText | undefined;
  let amb: LocatedText | undefined;
  for (const t of texts) {
    switch (localeEvidence(t.text)) {
      case 'da':
        da ??= t;
        break;
      case 'en':
        en ??= t;
        break;
      case 'ambiguous':
        amb ??= t;
    }
    if (da && en) break;
  }
  if (da && en) return { kind: 'mixed', da, en };
  if (da) return { kind: 'decided', locale: 'da', by: da };
  if (en) return { kind: 'decided', locale: 'en', by: en };
  if (amb) return { kind: 'ambiguous', example: amb };
  return { kind: 'irrelevant' };
}

/** The dictionary's "a number like …" of each convention. */
const NUMBER_MSG = { da: 'data.numberDa', en: 'data.numberEn' } as const satisfies Record<NumberLocale, MsgCode>;

/**
 * What a number cell should hold in a convention, as a message code (worded by src/text):
 * `a number like 1.234,5`, `a number like 1,234.5`, or just `a number` when the file's
 * convention is not known.
 *
 * @example
 * numberMsg('da')      // { code: 'data.numberDa' }
 * numberMsg(undefined) // { code: 'data.number' }
 */
export function numberMsg(locale: NumberLocale | undefined, found?: string): Msg {
  const base: Msg = { code: locale ? NUMBER_MSG[locale] : 'data.number' };
  const hint = found === undefined ? undefined : numberHint(found.trim());
  return hint ? { code: 'data.numberHinted', params: { base, hint } } : base;
}

/**
 * What an accountant's way of writing a number needs instead, for the message refusing it: a negative number in
 * parentheses (`(3,7)` is -3,7), a per cent sign (`90,8 %`) or a currency (`152,4 kr.`, `kr. 152,4`) in the cell.
 */
function numberHint(text: string): Msg | undefined {
  const paren = /^\(\s*(\d[\d.,\s\u00a0]*)\s*\)$/.exec(text);
  if (paren) return { code: 'data.numberHint.paren', params: { x: `-${paren[1].trim()}` } };
  if (/^[-−]?\d[\d.,\s\u00a0]*\s*%$/.test(text)) return { code: 'data.numberHint.percent' };
  if (/^(kr\.?|dkk)\s*[-−]?\d[\d.,\s\u00a0]*$|^[-−]?\d[\d.,\s\u00a0]*\s*(kr\.?|dkk|mio\.?\s*kr\.?|t\.?\s*kr\.?)$/i.test(text)) return { code: 'data.numberHint.unit' };
  return undefined;
}
