/**
 * A `Dataset`: observations grouped into series, plus the dated events and
 * source documents that go with them.
 */
import { UsageError } from '../errors.js';
import type { Event } from './events.js';
import { mergeSeries, type DataMerge } from './merge.js';
import { observationsFromSeries, seriesFromObservations } from './series.js';
import type { SourceDoc } from './sources.js';
import { closest } from './suggest.js';
import type { Observation, Series } from './types.js';

/**
 * A set of annual series with their events and source documents.
 *
 * @example
 * const ds = loadBundled();
 * ds.get('viso.raadgivning.forbrug').points.at(-1) // { year: 2024, value: 143.5, flags: ['ambiguous_account'], … }
 * ds.events.find((e) => e.kind === 'registration_break')?.date // '2023-11-01'
 */
export class Dataset {
  private readonly byId: Map<string, Series>;

  /**
   * @param series the series (sorted by id by the constructor)
   * @param events dated events, sorted by date
   * @param sources source documents cited by the observations
   * @param merge what user files merged into the data changed and added (empty for the bundled data)
   * @example
   * const ds = new Dataset(seriesFromObservations(obs), [], []);
   */
  constructor(
    series: Series[],
    readonly events: Event[] = [],
    readonly sources: SourceDoc[] = [],
    readonly merge: DataMerge = { files: [], overrides: [], additions: [] },
  ) {
    const sorted = [...series].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.byId = new Map(sorted.map((s) => [s.id, s]));
  }

  /**
   * Build a dataset from tidy observations.
   *
   * @example
   * Dataset.fromObservations(obs, loadBundled().events, loadBundled().sources).list().length
   */
  static fromObservations(observations: Observation[], events: Event[] = [], sources: SourceDoc[] = []): Dataset {
    return new Dataset(seriesFromObservations(observations), events, sources);
  }

  /**
   * One series by id. An unknown id is a UsageError that suggests close ids.
   *
   * @example
   * loadBundled().get('viso.raadgivning.forbrug').points.length // 13
   */
  get(id: string): Series {
    const s = this.byId.get(id);
    if (s) return s;
    const near = closest(id, [...this.byId.keys()]);
    throw new UsageError({ code: 'name.unknownSeries', params: { id, near: near.length ? { code: 'name.didYouMean', params: { names: near.join(', ') } } : '' } });
  }

  /**
   * True if the dataset has this series.
   *
   * @example
   * loadBundled().has('viso.kas.forbrug') // true
   */
  has(id: string): boolean {
    return this.byId.has(id);
  }

  /**
   * All series, sorted by id.
   *
   * @example
   * loadBundled().list().map((s) => s.id)
   */
  list(): Series[] {
    return [...this.byId.values()];
  }

  /**
   * All series ids, sorted.
   *
   * @example
   * loadBundled().ids().includes('viso.raadgivning.bevilling') // true
   */
  ids(): string[] {
    return [...this.byId.keys()];
  }

  /**
   * All observations (one per series and year), in series-id then year order.
   *
   * @example
   * loadBundled().observations().filter((o) => o.year === 2020).length
   */
  observations(): Observation[] {
    return observationsFromSeries(this.list());
  }

  /**
   * A new dataset where the given series replace series with the same id and
   * the others are added. Events and sources are kept.
   *
   * @example
   * const mine = loadBundled().withSeries(loadDataFile('mine.csv').list());
   */
  withSeries(series: Series[]): Dataset {
    const m = new Map(this.byId);
    for (const s of series) m.set(s.id, s);
    return new Dataset([...m.values()], this.events, this.sources, this.merge);
  }

  /**
   * A new dataset with a user file's series merged in per (series, year): the file's value wins,
   * years only in this dataset are kept, new years and series are added; `merge` lists every
   * changed value and every added year (after those of earlier merges), and `merge.illustrative` the files whose
   * figures carry the flag `illustrative`.
   *
   * @example
   * const ds = loadBundled().mergeFile((await loadDataFile('mine.csv')).list(), 'mine.csv');
   * ds.merge.overrides // [{ series: 'viso.raadgivning.forbrug', year: 2024, from: 143.5, to: 146, file: 'mine.csv' }]
   */
  mergeFile(series: Series[], file: string): Dataset {
    const r = mergeSeries(this.list(), series, file);
    const marked = series.some((s) => s.points.some((p) => p.flags.includes('illustrative')));
    const illustrative = [...(this.merge.illustrative ?? []), ...(marked ? [file] : [])];
    return new Dataset(r.series, this.events, this.sources, {
      files: [...this.merge.files, file],
      overrides: [...this.merge.overrides, ...r.merge.overrides],
      additions: [...this.merge.additions, ...r.merge.additions],
      ...(illustrative.length ? { illustrative } : {}),
    });
  }
}
