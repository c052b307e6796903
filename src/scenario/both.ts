/**
 * A text in Danish and English, worded from the dictionary: the engine carries an input's
 * source (and the backtest's notes) in both languages, since they are shown in either.
 */
import { say, type MsgCode, type Params } from '../text/messages.js';

/** A Danish and an English text. */
export interface Text2 {
  da: string;
  en: string;
}

/**
 * A message of the dictionary (src/text/scenario.ts) in both languages: an input's source is
 * shown in either, so the engine carries both. A parameter given in both languages (a label of
 * a scenario file and its `labelEn`) goes in `params` and `paramsEn`.
 *
 * @example
 * both('scenario.src.knownBevilling', { year: 2027 }).en // 'Known appropriation 2027 (e.g. the finance act's …), set in the scenario file'
 */
export function both(code: MsgCode, params: Params = {}, paramsEn: Params = params): Text2 {
  return { da: say(code, params, 'da'), en: say(code, paramsEn, 'en') };
}
