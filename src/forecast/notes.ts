/**
 * The forecast engine's descriptions and notes as codes with parameters (`Msg`, worded by
 * src/text/forecast.ts in the user's language): the engine says what it did, never in a
 * language. Numbers it wrote with a decimal point are `{x|d}` parameters there.
 */
import type { Msg, MsgCode, Params } from '../text/messages.js';

/**
 * A message of the dictionary.
 *
 * @example
 * note('forecast.note.autoNaive', { n: 4 }) // { code: 'forecast.note.autoNaive', params: { n: 4 } }
 */
export function note(code: MsgCode, params?: Params): Msg {
  return params ? { code, params } : { code };
}

/**
 * An ensemble's members as one message: `0.5 × A + 0.25 × B + …`.
 *
 * @example
 * termsMsg([['0.5', a], ['0.5', b]]) // worded '0.5 × <a> + 0.5 × <b>'
 */
export function termsMsg(terms: [w: string, model: Msg][]): Msg {
  let more: Msg | string = '';
  for (let i = terms.length - 1; i >= 0; i--) {
    const [w, model] = terms[i];
    more = note(i === 0 ? 'forecast.desc.term' : 'forecast.desc.termMore', { w, model, more });
  }
  return more as Msg;
}

/**
 * Models listed as one message: `A, B, C`.
 *
 * @example
 * itemsMsg([a, b]) // worded '<a>, <b>'
 */
export function itemsMsg(models: Msg[]): Msg {
  let more: Msg | string = '';
  for (let i = models.length - 1; i >= 0; i--)
    more = note(i === 0 ? 'forecast.desc.item' : 'forecast.desc.itemMore', { model: models[i], more });
  return more as Msg;
}

/**
 * A fitted model's description as a message (its `descriptionMsg`, or its English form as given).
 *
 * @example
 * describedAs({ description: 'ETS(A,N,N)' }) // { code: 'forecast.desc.form', params: { form: 'ETS(A,N,N)' } }
 */
export function describedAs(model: { description: string; descriptionMsg?: Msg }): Msg {
  return model.descriptionMsg ?? note('forecast.desc.form', { form: model.description });
}

/**
 * Notes as one message: `a; b; c` (or `(a; b)` inside a sentence: the caller adds the brackets).
 *
 * @example
 * notesMsg([a, b]) // worded '<a>; <b>'
 */
export function notesMsg(notes: Msg[]): Msg {
  let more: Msg | string = '';
  for (let i = notes.length - 1; i >= 0; i--)
    more = note(i === 0 ? 'forecast.notes.item' : 'forecast.notes.itemMore', { note: notes[i], more });
  return more as Msg;
}
