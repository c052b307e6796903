/**
 * The tidy data model. One `Observation` is one number for one series and one
 * year, with its unit, its source and data-quality flags. A `Series` is all
 * observations of one series id, sorted by year; gaps are never filled.
 */

/** Budget account / activity area. */
export type Area =
  | 'raadgivning' // §15.11.31.10 Rådgivning og udredning (VISO's own purchase of advisory cases)
  | 'kas' // §15.11.31.20 Koordination af specialrådgivning og vidensudvikling
  | 'covid' // COVID-19 hotline and COVID-related henvendelser (2020)
  | 'samlet' // §15.11.31 in total
  | 'survey'; // satisfaction surveys

/** Data-quality flags carried by every observation and propagated by series arithmetic. */
export type Flag =
  | 'estimated' // value contains an estimated share (e.g. 2020 forløb)
  | 'registration_break' // registration practice changed (e.g. November 2023)
  | 'uncertain_registration' // source says registration is uncertain (KaS 2018-2020)
  | 'includes_covid' // value includes COVID-19 related activity
  | 'excludes_covid' // value explicitly excludes COVID-19 related activity
  | 'derived' // computed from a stated change, not printed directly
  | 'ambiguous_account' // source does not say which konto the figure covers
  | 'user_supplied' // loaded from a user file rather than the bundled data
  | 'illustrative'; // made-up figures (the file says so: a comment line or this flag), not accounts

export const FLAGS: readonly Flag[] = [
  'estimated',
  'registration_break',
  'uncertain_registration',
  'includes_covid',
  'excludes_covid',
  'derived',
  'ambiguous_account',
  'user_supplied',
  'illustrative',
];

export type Unit = 'mio. kr.' | 'count' | 'pct';
export const UNITS: readonly Unit[] = ['mio. kr.', 'count', 'pct'];

/** One number: series × year. */
export interface Observation {
  /** Series id, e.g. `viso.raadgivning.forbrug` or `viso.raadgivning.forloeb.voksne`. */
  series: string;
  area: Area | string;
  /** bevilling, forbrug, henvendelser, forloeb, gruppeforloeb, maalgruppeforloeb, temaforloeb, maalgruppe_registreringer, ... */
  measure: string;
  /** hovedområde (voksne, boern_unge, specialundervisning, andet, i_alt) or målgruppe slug. */
  category: string;
  year: number;
  value: number;
  unit: Unit;
  /** `doc#locator`, doc being an id in data/sources.csv (e.g. `aarsrapport2020#tabel7`) or a user file path. */
  source: string;
  flags: Flag[];
}

/** One year of a series. */
export interface SeriesPoint {
  year: number;
  value: number;
  flags: Flag[];
  /** One or more `doc#locator` references (derived points list all inputs). */
  sources: string[];
  /** A value from a user file: where it stands in it, `file:line` (or `file: Ark1!B4`), as a scenario cites it. */
  at?: string;
}

/** One annual series: sorted by year, at most one point per year, gaps kept as gaps. */
export interface Series {
  id: string;
  area: string;
  measure: string;
  category: string;
  unit: Unit;
  points: SeriesPoint[];
}
