import type { Lang } from '../text/number.js';

/**
 * Pick the Danish or English text (Danish is the default everywhere).
 *
 * @example
 * tr('en', 'ingen forløb', 'no forløb') // 'no forløb'
 */
export function tr(lang: Lang | undefined, da: string, en: string): string {
  return lang === 'en' ? en : da;
}
