/**
 * Every chart spec is valid against the Vega-Lite JSON schema (ajv, draft-07), compiles
 * without warnings, and pins the conventions: Danish number locale, events as rules at
 * the right positions, flagged points marked, gaps kept as gaps.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { compile } from 'vega-lite';
import { loadBundled } from '../../src/data/bundled.js';
import {
  activityChart,
  budgetChart,
  fanChart,
  goalSeekChart,
  measureChart,
  pMerforbrugChart,
  scenarioComparisonChart,
  tornadoChart,
  unitCostChart,
  whatIfChart,
  yearPosition,
  wrapLabel,
  eventLayers,
  chartConfig,
  merforbrugDistributionChart,
  liveFanChart,
} from '../../src/report/charts/index.js';
import type { GridPoint, ScenarioYearRow } from '../../src/report/charts/types.js';
import { activityRows, budgetRows, chartEvents } from '../../src/report/fromData.js';

const require = createRequire(import.meta.url);
type Validator = ((x: unknown) => boolean) & { errors?: unknown[] | null };
let validate: Validator;

beforeAll(() => {
  // ajv 6 (draft-07, as the Vega-Lite schema) is in node_modules as a transitive dependency
  const Ajv = require('ajv');
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
  ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
  validate = ajv.compile(schema);
});

function warningsOf(spec: TopLevelSpec): string[] {
  const w: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...a: unknown[]) => (w.push(a.join(' ')), logger),
    info: () => logger,
    debug: () => logger,
    error: (...a: unknown[]) => (w.push(`error: ${a.join(' ')}`), logger),
  };
  compile(spec, { logger: logger as never });
  return w;
}

const ds = loadBundled();
const events = chartEvents(ds.events, 'da', ['measure', 'covid', 'registration_break']);
const q = (m: number) => ({
  mean: m,
  p5: m - 15,
  p10: m - 11,
  p25: m - 6,
  p50: m,
  p75: m + 6,
  p90: m + 11,
  p95: m + 15,
});
const scen: ScenarioYearRow[] = ['Basis', 'Høj <efterspørgsel>'].flatMap((s, i) =>
  [2025, 2026].map((y) => ({
    scenario: s,
    year: y,
    forbrug: q(140 + i * 5 + y - 2025),
    bevilling: 160,
    pMerforbrug: 0.2 + 0.1 * i,
    pMerforbrugSe: 0.004,
  })),
);
const grid: GridPoint[] = [0, 0.05, 0.1].map((x) => ({
  tightening: x,
  pMerforbrug: 0.4 - 3 * x,
  expectedForbrug: 150 - 50 * x,
  expectedMerforbrug: 1 - 30 * x,
}));

const specs: [string, TopLevelSpec][] = [
  ['budget', budgetChart(budgetRows(ds), events)],
  ['activity', activityChart(activityRows(ds), events, { lang: 'en' })],
  [
    'unit-cost',
    unitCostChart(
      [
        { year: 2019, current: 66100, fixed: 71000, flags: [] },
        { year: 2020, current: 66000, fixed: 70000, flags: ['estimated'] },
      ],
      2024,
      events,
    ),
  ],
  [
    'fan',
    fanChart(
      {
        label: 'Forbrug',
        unit: 'mio. kr.',
        method: 'ETS(A,N,N)',
        actual: [
          { year: 2023, value: 130.1, flags: [] },
          { year: 2024, value: 143.5, flags: ['ambiguous_account'] },
        ],
        years: [2025, 2026],
        point: [145, 147],
        intervals: [50, 80, 95].map((l) => ({
          level: l,
          lower: [140 - l / 10, 138 - l / 10],
          upper: [150 + l / 10, 152 + l / 10],
        })),
      },
      events,
    ),
  ],
  [
    'scenarios',
    scenarioComparisonChart(scen, {}, [
      { year: 2023, forbrug: 130.1, bevilling: 149.8 },
      { year: 2024, forbrug: 143.5, bevilling: 158 },
    ]),
  ],
  ['p-merforbrug', pMerforbrugChart(scen)],
  [
    'tornado',
    tornadoChart(
      [
        { parameter: 'Vækst', low: -5, high: 7 },
        { parameter: 'Faste omkostninger', low: 0, high: 2 },
      ],
      1,
      2026,
    ),
  ],
  [
    'measure',
    measureChart({
      name: 'Skærpet visitation',
      unit: 'count',
      quantity: 'Forløb',
      start: '2021-09-20',
      actual: [
        { year: 2019, value: 2065, flags: [] },
        { year: 2023, value: 1859, flags: ['derived'] },
      ],
      counterfactual: [{ year: 2023, point: 2300, lower: 2000, upper: 2600 }],
    }),
  ],
  ['goal-seek', goalSeekChart(grid, 2026, 0.2, 0.067)],
  ['what-if', whatIfChart(grid, 2026, 160)],
  [
    'merforbrug-distribution',
    merforbrugDistributionChart(
      ['Basis', 'Høj'].flatMap((scenario, k) =>
        [2025, 2026].map((year) => ({
          scenario,
          year,
          percentiles: Array.from({ length: 99 }, (_, i) => -30 + 0.6 * i + 5 * k + (year - 2025)),
          p: 0.5,
          expectedOverspend: 6,
        })),
      ),
      { year: 2026, lang: 'da' },
    ),
  ],
  [
    'live-fan',
    liveFanChart(
      [2025, 2026].map((year) => ({ year, forbrug: q(150 + year - 2025), bevilling: 160 })),
      [2025, 2026].map((year) => ({ year, forbrug: q(152), bevilling: 160 })),
      [{ year: 2024, forbrug: 143.5, bevilling: 158 }],
      { lang: 'en' },
    ),
  ],
];

describe('chart specs', () => {
  for (const [name, spec] of specs) {
    it(`${name}: valid against the Vega-Lite schema and compiles without warnings`, () => {
      const ok = validate(spec);
      expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
      expect(ok).toBe(true);
      expect(warningsOf(spec)).toEqual([]);
    });
  }

  it('the schema validator rejects an invalid spec (the check can fail)', () => {
    expect(validate({ mark: 'barx', data: { values: [] } })).toBe(false);
    expect(validate({ ...specs[0][1], layer: [{ mark: { type: 'line', strokeWidth: 'thick' } }] })).toBe(false);
  });

  it('uses the Danish number locale by default and the English one with lang en', () => {
    expect(chartConfig('da').locale?.number).toMatchObject({ decimal: ',', thousands: '.' });
    expect(chartConfig('en').locale?.number).toMatchObject({ decimal: '.', thousands: ',' });
    expect((specs[0][1] as { config: { locale: { number: { decimal: string } } } }).config.locale.number.decimal).toBe(
      ',',
    );
  });

  it('places an event at its date against the year ticks (tick Y = 1 January of Y)', () => {
    expect(yearPosition('2018-01-01')).toBe(2018);
    expect(yearPosition('2020-03-18')).toBeCloseTo(2020 + 77 / 366, 4); // right of the 2020 tick (2020 is a leap year)
    expect(yearPosition('2021-09-20')).toBeCloseTo(2021 + 262 / 365, 4); // about 2021,72
    expect(yearPosition('2023-11-01')).toBeCloseTo(2023 + 304 / 365, 4);
    expect(() => yearPosition('2021-9-1')).toThrow();
  });

  it('event labels are wrapped into whole lines, never cut, and a label too close to the previous one goes to the other side', () => {
    expect(wrapLabel('Initiativer for balance mellem ressourcer og aktiviteter', 150, 9)).toEqual([
      'Initiativer for balance mellem',
      'ressourcer og aktiviteter',
    ]);
    expect(wrapLabel('Eftersprøgselsbegrænsendetiltagindført', 20, 9)).toEqual([
      'Eftersprøgselsbegrænsendetiltagindført',
    ]);
    const layers = eventLayers(
      [
        {
          id: 'a',
          date: '2021-05-01',
          kind: 'measure',
          title: 'Initiativer for balance mellem ressourcer og aktiviteter',
        },
        {
          id: 'b',
          date: '2021-09-20',
          kind: 'measure',
          title: 'Skærpede visitationskriterier (forventninger til kommunens forarbejde)',
        },
      ],
      2011,
      2024,
      'da',
      186,
      760,
    ) as {
      mark: { type: string; limit?: number; lineBreak?: string; baseline?: string };
      data: { values: { label: string; side: string; x: number }[] };
    }[];
    const texts = layers.filter((l) => l.mark.type === 'text');
    expect(texts.every((l) => l.mark.limit === undefined && l.mark.lineBreak === '\n')).toBe(true);
    const rows = layers[0].data.values;
    expect(rows.map((r) => r.x)).toEqual([yearPosition('2021-05-01'), yearPosition('2021-09-20')]);
    expect(rows.map((r) => r.side)).toEqual(['left', 'right']);
    for (const r of rows)
      expect(r.label.replace(/\n/g, ' ')).toMatch(
        /^(Initiativer for balance mellem ressourcer og aktiviteter|Skærpede visitationskriterier \(forventninger til kommunens forarbejde\))$/,
      );
  });

  it('event labels as drawn: inside the plot (never cut at its top) and wholly on their side of the rule, every line', async () => {
    // lay the budget and activity charts out as the PNG is (headless vega, DejaVu widths) and read the text items
    const vega = await import('vega');
    const { itemTextWidth } = await import('../../src/report/textWidth.js');
    (vega as unknown as { textMetrics: { width: typeof itemTextWidth } }).textMetrics.width = itemTextWidth;
    type Item = {
      x: number;
      text?: string;
      datum?: { side?: string; label?: string };
      bounds: { x1: number; x2: number; y1: number; y2: number };
      items?: Mark[];
    };
    type Mark = { marktype: string; items: Item[] };
    for (const spec of [specs[0][1], specs[1][1]]) {
      const view = new vega.View(vega.parse(compile(spec).spec as never), { renderer: 'none' });
      await view.runAsync();
      const labels: Item[] = [];
      const visit = (m: Mark) => {
        for (const it of m.items) {
          if (m.marktype === 'text' && it.datum?.side && it.datum.label) labels.push(it);
          for (const c of it.items ?? []) visit(c);
        }
      };
      visit((view.scenegraph() as unknown as { root: Mark }).root);
      view.finalize();
      expect(labels.length).toBeGreaterThanOrEqual(10); // 5 events × (halo + text) in each chart
      expect(labels.some((l) => l.datum!.label!.includes('\n') && l.datum!.side === 'left')).toBe(true);
      expect(labels.some((l) => l.datum!.label!.includes('\n') && l.datum!.side === 'right')).toBe(true);
      for (const l of labels) {
        const what = `${l.datum!.side}: ${JSON.stringify(l.datum!.label)}`;
        expect(l.bounds.y1, what).toBeGreaterThanOrEqual(0);
        if (l.datum!.side === 'left') expect(l.bounds.x2, what).toBeLessThanOrEqual(l.x);
        else expect(l.bounds.x1, what).toBeGreaterThanOrEqual(l.x);
      }
    }
  });

  it('budget chart: events as rules, flagged years marked, 2021 a gap', () => {
    const s = JSON.stringify(specs[0][1]);
    const layers = (specs[0][1] as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[] })
      .layer;
    const rules = layers.filter((l) => l.mark.type === 'rule');
    expect(rules).toHaveLength(1);
    expect(rules[0].data.values.map((v) => v.date)).toEqual([
      '2018-01-01',
      '2020-03-18',
      '2021-05-01',
      '2021-09-20',
      '2023-11-01',
    ]);
    const line = layers.find((l) => l.mark.type === 'line')!;
    expect(line.data.values.filter((v) => v.year === 2021).map((v) => v.value)).toEqual([null, null]);
    const flagged = layers.find((l) => l.mark.type === 'point')!;
    expect(flagged.data.values.map((v) => [v.year, v.flag])).toEqual([
      [2020, 'Inkl. COVID-19'],
      [2022, 'Uklar konto'],
      [2023, 'Uklar konto'],
      [2024, 'Uklar konto'],
    ]);
    expect(s).toContain('Merforbrug');
  });

  it('activity chart marks the 2020 estimate and the 2024 registration break', () => {
    const s = JSON.stringify(specs[1][1]);
    expect(s).toContain('"flag":"Estimate"');
    expect(s).toContain('"flag":"Registration break"');
  });

  it('what-if chart binds a range slider over the grid', () => {
    const p = (
      specs[9][1] as { params: { name: string; bind: { input: string; min: number; max: number; step: number } }[] }
    ).params[0];
    expect(p.bind).toMatchObject({ input: 'range', min: 0, max: 10, step: 5 });
  });
});
