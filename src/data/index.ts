/** The data layer: series helpers, bundled dataset, events, sources, loaders. */
export * from './series.js';
export * from './dataset.js';
export * from './bundled.js';
export * from './events.js';
export * from './sources.js';
export * from './numbers.js';
export * from './load.js';
export * from './merge.js';
export type { Layout } from './records.js';
export * from './present.js';
export { parsePeriod, parseMonth, parseQuarter, parseDate, statedDate, periodKey, periodIndex } from './period.js';
export type { Period, Month, Quarter, CalendarDate } from './period.js';
export * from './dataframe.js';
