/**
 * Every chart with a year axis draws the events of its years with the one shared layer function
 * (`eventLayers`), and marks the flagged data points it shows.
 */
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import {
  activityChart,
  budgetChart,
  fanChart,
  liveFanChart,
  measureChart,
  pMerforbrugChart,
  scenarioComparisonChart,
  trackRecordChart,
  unitCostChart,
} from '../../../src/report/charts/index.js';
import type { ChartEvent, ScenarioYearRow } from '../../../src/report/charts/types.js';

type Node = {
  layer?: Node[];
  vconcat?: Node[];
  hconcat?: Node[];
  mark?: { type: string } | string;
  data?: { values?: Record<string, unknown>[] };
};

/** Every unit layer of a spec (through layers and concatenations). */
function units(n: Node): Node[] {
  const kids = [...(n.layer ?? []), ...(n.vconcat ?? []), ...(n.hconcat ?? [])];
  return kids.length ? kids.flatMap(units) : [n];
}
const markType = (n: Node) => (typeof n.mark === 'string' ? n.mark : n.mark?.type);
/** Titles of the event rules drawn (rules whose rows carry a title and a date). */
function eventTitles(spec: TopLevelSpec): string[] {
  return units(spec as Node)
    .filter((u) => markType(u) === 'rule')
    .flatMap((u) => (u.data?.values ?? []).filter((v) => typeof v.title === 'string' && typeof v.date === 'string'))
    .map((v) => v.title as string);
}
/** Rows of the flag-marker layers (hollow points whose rows carry a flag). */
function flagged(spec: TopLevelSpec): Record<string, unknown>[] {
  return units(spec as Node)
    .filter((u) => markType(u) === 'point' && (u.mark as { filled?: boolean }).filled === false)
    .flatMap((u) => (u.data?.values ?? []).filter((v) => typeof v.flag === 'string'));
}
function warnings(spec: TopLevelSpec): string[] {
  const w: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (w.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (w.push(a.join(' ')), logger),
  };
  compile(spec, { logger: logger as never });
  return w;
}

const ev = (id: string, date: string, kind = 'measure'): ChartEvent => ({
  id,
  date,
  kind,
  title: `Event ${id}`,
  source: 'x#y',
});
const q = (m: number) => ({
  mean: m,
  p5: m - 20,
  p10: m - 15,
  p25: m - 8,
  p50: m,
  p75: m + 8,
  p90: m + 15,
  p95: m + 20,
});
const scen: ScenarioYearRow[] = [2025, 2026, 2027].flatMap((year) =>
  ['A', 'B'].map((scenario) => ({
    scenario,
    year,
    forbrug: q(150),
    bevilling: 155,
    pMerforbrug: 0.4,
    pMerforbrugSe: 0.004,
  })),
);
const hist = [2019, 2020, 2021].map((year) => ({
  year,
  value: 100 + year - 2019,
  flags: year === 2020 ? ['includes_covid'] : [],
}));

// each chart with the years it shows, built with one event inside them and one outside
const charts: [string, (e: ChartEvent[]) => TopLevelSpec, string, string][] = [
  [
    'budget',
    (e) =>
      budgetChart(
        hist.map((h) => ({ year: h.year, bevilling: 100, forbrug: h.value, flags: h.flags, sources: [] })),
        e,
      ),
    '2020-03-18',
    '2016-01-01',
  ],
  [
    'activity',
    (e) =>
      activityChart(
        (['henvendelser', 'forloeb'] as const).flatMap((measure) =>
          ['voksne', 'i_alt'].flatMap((area) => hist.map((h) => ({ ...h, measure, area }))),
        ),
        e,
      ),
    '2020-03-18',
    '2016-01-01',
  ],
  [
    'unit cost',
    (e) =>
      unitCostChart(
        hist.map((h) => ({ year: h.year, current: 60000, fixed: 62000, flags: h.flags })),
        2021,
        e,
      ),
    '2020-03-18',
    '2016-01-01',
  ],
  [
    'fan',
    (e) =>
      fanChart(
        {
          label: 'Forbrug',
          unit: 'mio. kr.',
          method: 'ETS',
          actual: hist,
          years: [2022],
          point: [104],
          intervals: [{ level: 80, lower: [98], upper: [110] }],
        },
        e,
      ),
    '2020-03-18',
    '2016-01-01',
  ],
  [
    'scenarios',
    (e) =>
      scenarioComparisonChart(
        scen,
        {},
        [{ year: 2023, forbrug: 140, bevilling: 150, flags: ['ambiguous_account'] }],
        e,
      ),
    '2023-11-01',
    '2021-09-20',
  ],
  ['P(merforbrug)', (e) => pMerforbrugChart(scen, {}, e), '2026-01-01', '2023-11-01'],
  [
    'track record',
    (e) =>
      trackRecordChart(
        [2020, 2021].map((target) => ({
          target,
          vantage: target - 1,
          h: 1,
          key: 'k',
          actual: 140,
          p2_5: 120,
          p10: 130,
          p50: 140,
          p90: 150,
          p97_5: 160,
          flags: target === 2020 ? ['includes_covid'] : [],
        })),
        {},
        e,
      ),
    '2020-03-18',
    '2018-01-01',
  ],
  [
    'measure',
    (e) =>
      measureChart(
        {
          name: 'M',
          unit: 'count',
          quantity: 'Forløb',
          actual: hist,
          counterfactual: [{ year: 2021, point: 99, lower: 95, upper: 103 }],
          start: '2020-06-01',
        },
        {},
        e,
      ),
    '2020-03-18',
    '2016-01-01',
  ],
  [
    'live what-if fan',
    (e) =>
      liveFanChart(
        [2025, 2026].map((year) => ({ year, forbrug: q(150), bevilling: 155 })),
        [2025, 2026].map((year) => ({ year, forbrug: q(148), bevilling: 155 })),
        [
          { year: 2023, forbrug: 130, bevilling: 150, flags: ['ambiguous_account'] },
          { year: 2024, forbrug: 144, bevilling: 158, flags: [] },
        ],
        {},
        e,
      ),
    '2023-11-01',
    '2021-09-20',
  ],
];

describe('events on time axes', () => {
  it.each(charts)(
    '%s chart: draws an event within its years as a rule and leaves out one outside them',
    (_, make, inside, outside) => {
      const spec = make([ev('in', inside), ev('out', outside)]);
      expect(eventTitles(spec)).toContain('Event in');
      expect(eventTitles(spec)).not.toContain('Event out');
      expect(eventTitles(make([]))).not.toContain('Event in');
      expect(warnings(spec)).toEqual([]);
    },
  );

  it.each(charts)(
    '%s chart: a supplier event is drawn too, labelled short (its title in the tooltip)',
    (_, make, inside) => {
      const spec = make([ev('sup', inside, 'supply')]);
      expect(eventTitles(spec)).toContain('Event sup');
      const labels = units(spec as Node)
        .filter((u) => markType(u) === 'text')
        .flatMap((u) => (u.data?.values ?? []).map((v) => v.label));
      expect(labels).toContain('Leverandørændring');
      expect(labels).not.toContain('Event sup');
    },
  );

  it('events of one year too close to label apart share one rule, titles joined; a supplier event adds no text to it', () => {
    const spec = budgetChart(
      hist.map((h) => ({ year: h.year, bevilling: 100, forbrug: h.value, flags: [], sources: [] })),
      [ev('a', '2020-09-20'), ev('b', '2020-09-25', 'supply'), ev('c', '2021-05-01')],
    );
    expect(eventTitles(spec)).toEqual(['Event a · Event b', 'Event c']);
    const labels = units(spec as Node)
      .filter((u) => markType(u) === 'text')
      .flatMap((u) => (u.data?.values ?? []).map((v) => v.label));
    expect(labels).toContain('Event a');
    expect(labels.some((l) => String(l).includes('Event b') || String(l).includes('Leverandør'))).toBe(false);
  });

  it('the titles of measures, COVID and registration breaks are placed first; a supplier label only where it crosses no rule or label', () => {
    const rows = hist.map((h) => ({ year: h.year, bevilling: 100, forbrug: h.value, flags: [], sources: [] }));
    const spec = (sup: string) =>
      budgetChart(rows, [ev('covid', '2020-03-18', 'covid'), ev('sup', sup, 'supply'), ev('m', '2020-07-01')], {
        width: 200,
      });
    const drawn = (s: TopLevelSpec) =>
      units(s as Node)
        .filter((u) => markType(u) === 'text')
        .flatMap((u) => (u.data?.values ?? []).map((v) => String(v.label).replace(/\n/g, ' ')));
    // squeezed between two labelled events the supplier rule is drawn without a label
    const squeezed = spec('2020-05-01');
    expect(eventTitles(squeezed)).toContain('Event sup');
    expect(drawn(squeezed)).toEqual(expect.arrayContaining(['Event covid', 'Event m']));
    expect(drawn(squeezed)).not.toContain('Leverandørændring');
    // with room it is labelled
    expect(drawn(spec('2021-06-01'))).toContain('Leverandørændring');
  });

  it('the scenario, track-record and live fan charts mark the flagged actuals they show', () => {
    const live = charts.find((c) => c[0] === 'live what-if fan')![1]([]);
    expect(flagged(live).map((r) => [r.year, r.flag])).toEqual([[2023, 'Uklar konto']]);
    const s = charts.find((c) => c[0] === 'scenarios')![1]([]);
    expect(flagged(s).map((r) => [r.year, r.flag])).toEqual([[2023, 'Uklar konto']]);
    const tr = charts.find((c) => c[0] === 'track record')![1]([]);
    expect(flagged(tr).map((r) => [r.year, r.flag])).toEqual([[2020, 'Inkl. COVID-19']]);
  });
});
