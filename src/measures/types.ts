/**
 * Types of demand-limiting measures (the Cost & measures contract in TEAM.md).
 */
import type { DistSpec } from '../stats/distributions.js';
import type { MethodName } from '../forecast/types.js';

/** What a measure acts on: the funnel link it changes multiplicatively. */
export type ActsOn = 'henvendelser' | 'visitation' | 'unit_cost' | 'forloeb';
export const ACTS_ON: readonly ActsOn[] = ['henvendelser', 'visitation', 'unit_cost', 'forloeb'];

/** How a measure's historical effect is evaluated. */
export interface EvaluationSettings {
  /**
   * Outcome series, the first being the acted quantity. Series ids from the
   * dataset, or the derived ids `visitation.<area>` (forløb per henvendelse)
   * and `unit_cost` (forbrug per forløb, mio. kr.).
   */
  outcomes: string[];
  /** Last year of the post-period (default: the year before the next measure, else the last data year). */
  until?: number;
  /** First year of the pre-period (default: first year of the outcome). */
  preFrom?: number;
  /** Forecast method of the counterfactual (default `auto`). */
  method?: MethodName;
}

/** A measure as loaded from `models/measures/*.yaml`. */
export interface MeasureDef {
  id: string;
  name: string;
  /** English name (falls back to `name`). */
  nameEn?: string;
  /** Start date `YYYY-MM-DD`. */
  start: string;
  actsOn: ActsOn;
  /** hovedområder (`voksne`, `boern_unge`, `specialundervisning`, `andet`) or `i_alt`. */
  areas: string[];
  /** Relative change of the acted quantity at full effect (−0.08 = −8 %). */
  effect: DistSpec;
  /** Set when the effect was taken from the evaluation of another measure. */
  effectFrom?: string;
  /** The outcome of that evaluation the effect was taken from (`effect.outcome`), when the file names it. */
  effectOutcome?: string;
  /** Where the effect stands in `file` when it is written there (an assumption; absent when `effectFrom`). */
  effectAt?: { line: number; column: number };
  /** Share of the full effect in the start year, the next year, ...; the last value holds afterwards. */
  phaseIn: number[];
  /** Yearly share of the effect lost after full phase-in (0 = permanent). */
  decay?: number;
  /** `doc#locator` reference. */
  source?: string;
  /** Free text shown with the measure (the file's `note`, in English; see `measureNote`). */
  note?: string;
  /** The note in Danish (`note_da`), shown in Danish reports; `note` is the English text. */
  noteDa?: string;
  evaluation: EvaluationSettings;
  /** File it was loaded from. */
  file?: string;
}
