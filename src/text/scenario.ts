/**
 * The scenario engine's texts in Danish and English: where each input comes from (estimate,
 * data, assumption), the opsparing's start, the backtest's notes. A section of the one
 * dictionary (src/text/messages.ts spreads it into `MESSAGES`). The engine carries a source
 * text in both languages (it is shown with the input in either); it words both from here.
 *
 * Ground floor: imports only the number formats.
 */
import type { Entry } from './messages.js';

export const SCENARIO_TEXTS = {
  'scenario.bevilling.known': {
    da: 'Kendte bevillinger {years} fra scenariet; øvrige år: {base}',
    en: 'Known bevilling {years} from the scenario; other years: {base}',
  },
} satisfies Record<string, Entry>;
