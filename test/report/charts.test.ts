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
  chartConfig,
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
const q = (m: number) => ({ mean: m, p5: m - 15, p10: m - 11, p25: m - 6, p50: m, p75: m + 6, p90: m + 11, p95: m + 15 });
const scen: ScenarioYearRow[] = ['Basis', 'Høj <efterspørgsel>'].flatMap((s, i) =>
  [2025, 2026].map((y) => ({ scenario: s, year: y, forbrug: q(140 + i * 5 + y - 2025), bevilling: 160, pMerforbrug: 0.2 + 0.1 * i, pMerforbrugSe: 0.004 })),
);
const grid: GridPoint[] = [0, 0.05, 0.1].map((x) => ({ tightening: x, pMerforbrug: 0.4 - 3 * x, expectedForbrug: 150 - 50 * x, expectedMerforbrug: 1 - 30 * x }));

const specs: [string, TopLevelSpec][] = [
  ['budget', budgetChart(budgetRows(ds), events)],
  ['activity', activityChart(activityRows(ds), events, { lang: 'en' })],
  ['unit-cost', unitCostChart([{ year: 2019, current: 66100, fixed: 71000, flags: [] }, { year: 2020, current: 66000, fixed: 70000, flags: ['estimated'] }], 2024, events)],
  [
    'fan',
    fanChart(
      { label: 'Forbrug', unit: 'mio. kr.', method: 'ETS(A,N,N)', actual: [{ year: 2023, value: 130.1, flags: [] }, { year: 2024, value: 143.5, flags: ['ambiguous_account'] }], years: [2025, 2026], point: [145, 147], intervals: [50, 80, 95].map((l) => ({ level: l, lower: [140 - l / 10, 138 - l / 10], upper: [150 + l / 10, 152 + l / 10] })) },
      events,
    ),
  ],
  ['scenarios', scenarioComparisonChart(scen, {}, [{ year: 2023, forbrug: 130.1, bevilling: 149.8 }, { year: 2024, forbrug: 143.5, bevilling: 158 }])],
  ['p-merforbrug', pMerforbrugChart(scen)],
  ['tornado', tornadoChart([{ parameter: 'Vækst', low: -5, high: 7 }, { parameter: 'Faste omkostninger', low: 0, high: 2 }], 1, 2026)],
  ['measure', measureChart({ name: 'Skærpet visitation', unit: 'count', quantity: 'Forløb', start: '2021-09-20', actual: [{ year: 2019, value: 2065, flags: [] }, { year: 2023, value: 1859, flags: ['derived'] }], counterfactual: [{ year: 2023, point: 2300, lower: 2000, upper: 2600 }] })],
  ['goal-seek', goalSeekChart(grid, 2026, 0.2, 0.067)],
  ['what-if', whatIfChart(grid, 2026, 160)],
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
    expect((specs[0][1] as { config: { locale: { number: { decimal: string } } } }).config.locale.number.decimal).toBe(',');
  });

  it('places events mid-year-consistent on the year axis', () => {
    expect(yearPosition('2021-01-01')).toBe(2020.5);
    expect(yearPosition('2021-09-20')).toBeCloseTo(2021 - 0.5 + 262 / 365, 4);
    expect(() => yearPosition('2021-9-1')).toThrow();
  });

  it('budget chart: events as rules, flagged years marked, 2021 a gap', () => {
    const s = JSON.stringify(specs[0][1]);
    const layers = (specs[0][1] as { layer: { mark: { type: string }; data: { values: Record<string, unknown>[] } }[] }).layer;
    const rules = layers.filter((l) => l.mark.type === 'rule');
    expect(rules).toHaveLength(1);
    expect(rules[0].data.values.map((v) => v.date)).toEqual(['2018-01-01', '2020-03-18', '2021-05-01', '2021-09-20', '2023-11-01']);
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
    const p = (specs[9][1] as { params: { name: string; bind: { input: string; min: number; max: number; step: number } }[] }).params[0];
    expect(p.bind).toMatchObject({ input: 'range', min: 0, max: 10, step: 5 });
  });
});
