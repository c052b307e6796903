/**
 * PL indices as data (models/pl.yaml): named indices with rates, sources and a default; bevilling
 * follows the general index and costs the wage index in a scenario without its own `pl:`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/io/yaml.js';
import { bundledPlPath, loadPlTable, plLabelParts, plOf, plTableFromYaml } from '../../src/cost/plTable.js';
import { plIndex, plRate } from '../../src/cost/plIndex.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { viso } from '../helpers/cli.js';

const OK =
  'indices:\n  general:\n    name: PL\n    rates: { 2025: { rate: 0.03, source: x } }\n    default: { rate: 0.02, source: y }\n    future_sd: null\nuses:\n  bevilling: general\n  costs: general\n';
const parse = (text: string) => () => plTableFromYaml(parseYaml(text, 'pl.yaml'));
const tmp = mkdtempSync(join(tmpdir(), 'viso-pl-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('models/pl.yaml', () => {
  it('names a general PL index (2025: 3,0 %) and the state wage index (2025: 4,1 %), with sources and a 2,0 % default for other years', () => {
    const t = loadPlTable();
    expect(t.uses).toEqual({ bevilling: 'general', costs: 'wage' });
    expect(plRate(plOf(t, 'general'), 2025)).toBe(0.03);
    expect(plRate(plOf(t, 'wage'), 2025)).toBe(0.041);
    expect(plRate(plOf(t, 'wage'), 2027)).toBe(0.02);
    expect(plIndex(plOf(t, 'wage'), 2026, 2024)).toBeCloseTo(1.041 * 1.02, 12);
    // sources in Danish (`source`) and English (`source_en`), naming no issue of the project
    expect(t.indices.wage.rates[2025]).toMatchObject({
      source: 'Finansministeriets forudsætninger for 2025',
      sourceEn: 'Danish Ministry of Finance assumptions for 2025',
    });
    expect(t.indices.general.default).toMatchObject({
      source: 'Antagelse: 2,0 % om året, ikke en officiel sats',
      sourceEn: 'Assumption: 2.0% a year, not an official rate',
    });
    expect(readFileSync(bundledPlPath(), 'utf8')).not.toMatch(/issue|#\d/i);
    // the label's parts (worded by plLabel, test/report/costText.test.ts)
    expect(plLabelParts(t, 'wage')).toMatchObject({
      name: 'Statens lønindeks',
      file: 'models/pl.yaml',
      rates: [{ year: '2025', rate: 0.041 }],
      default: { rate: 0.02 },
    });
  });
  it('a table without source_en shows its source in English too', () => {
    const t = parse(OK)();
    expect(t.indices.general.default).not.toHaveProperty('sourceEn');
    expect(plLabelParts(t, 'general').default).toEqual({ rate: 0.02, source: 'y' });
    expect(plOf(t, 'general').pl.defaultLabelEn).toBe('PL (pl.yaml): 2025 3.0% (x); other years 2.0% (y)');
    const en = parse(OK.replace('source: y', 'source: y, source_en: why'))();
    expect(plOf(en, 'general').pl.defaultLabelEn).toBe('PL (pl.yaml): 2025 3.0% (x); other years 2.0% (why)');
    expect(plOf(en, 'general').pl.defaultLabel).toBe('PL (pl.yaml): 2025 3,0 % (x); øvrige år 2,0 % (y)');
    expect(parse(OK.replace('source: y', 'source: y, source_en: ""'))).toThrow(/^pl\.yaml:5:\d+: /);
  });
  it('bad index values are errors with file, line and column', () => {
    expect(parse(OK)().indices.general.default.rate).toBe(0.02);
    expect(parse(OK.replace('rate: 0.03', 'rate: 3'))).toThrow(
      /^pl\.yaml:4:\d+: expected .*indices\.general\.rates\.2025\.rate/,
    );
    expect(parse(OK.replace('2025:', '25:'))).toThrow(/^pl\.yaml:4:\d+: /);
    expect(parse(OK.replace('costs: general', 'costs: wages'))).toThrow(
      'pl.yaml:9:10: expected an index defined under indices (general) for uses.costs, found "wages"',
    );
  });
  it('a bad table is a one-line error and exit code 2 on the command line', () => {
    const f = join(tmp, 'pl.yaml');
    writeFileSync(f, OK.replace('rate: 0.02', 'rate: two'));
    const r = viso('scenario', 'run', 'baseline', '--runs', '500', '--pl', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain(`${f}:5:22: expected a number for indices.general.default.rate, found "two"`);
    // Danish by default
    expect(viso('scenario', 'run', 'baseline', '--runs', '500', '--pl', f).err).toContain(
      `${f}:5:22: forventede et tal for indices.general.default.rate, fandt "two"`,
    );
  });
});

describe('PL indices in a scenario', () => {
  const file = join(tmp, 'indexed.yaml');
  writeFileSync(
    file,
    'id: indexed\nname: Indexed\nextends: baseline\nbevilling: { pl: true }\ncosts: { priceGrowth: pl }\n',
  );
  it('bevilling follows the general index and costs the wage index: 2025 bevilling 158,0 × 1,030, cost index 1,041', () => {
    const m = prepareScenario(loadScenario(file));
    expect(m.bevPlRate[0]).toBe(0.03);
    expect(m.plIndex[0]).toBeCloseTo(1.041, 12);
    expect(m.plIndex[1]).toBeCloseTo(1.041 * 1.02, 12);
    const r = runScenario(loadScenario(file), { runs: 2000 });
    expect(r.years[0].bevilling.mean).toBeCloseTo(158 * 1.03, 9);
    expect(r.inputs.find((x) => x.input === 'pl.bevilling')?.source).toMatchObject({
      kind: 'assumption',
      file: 'models/pl.yaml',
    });
    expect(r.inputs.find((x) => x.input === 'pl.default')?.source.text.da).toMatch(/^Statens lønindeks/);
  });
  it('a scenario that sets pl.default uses that one rate for both, as before', () => {
    const f = join(tmp, 'one.yaml');
    writeFileSync(
      f,
      'id: one\nname: One\nextends: baseline\nbevilling: { pl: true }\ncosts: { priceGrowth: pl }\npl: { default: 0.025 }\n',
    );
    const m = prepareScenario(loadScenario(f));
    expect(Array.from(m.bevPlRate)).toEqual(m.years.map(() => 0.025));
    expect(m.plIndex[0]).toBeCloseTo(1.025, 12);
  });
});

describe('uncertain future PL rates (future_sd)', () => {
  it('draws one deviation per run and index for the years after the last listed rate; known years and every other number stay as without it', () => {
    const sd = join(tmp, 'pl-sd.yaml');
    writeFileSync(sd, readFileSync(bundledPlPath(), 'utf8').replace(/future_sd: null/g, 'future_sd: 0.01'));
    const file = join(tmp, 'indexed-sd.yaml');
    writeFileSync(
      file,
      'id: indexed\nname: Indexed\nextends: baseline\nbevilling: { pl: true }\ncosts: { priceGrowth: pl }\n',
    );
    const known = runScenario(loadScenario(file), { runs: 8192 });
    const unc = runScenario(loadScenario(file, { pl: sd }), { runs: 8192 });
    // 2025 is listed (known): the same bevilling; from 2026 the bevilling spreads around the same centre
    expect(unc.years[0].bevilling.p10).toBe(unc.years[0].bevilling.p90);
    expect(unc.years[0].bevilling.mean).toBeCloseTo(known.years[0].bevilling.mean, 9);
    expect(unc.years[0].forbrug).toEqual(known.years[0].forbrug);
    const y = unc.years.at(-1)!;
    expect(y.bevilling.p90 - y.bevilling.p10).toBeGreaterThan(5);
    expect(y.bevilling.mean).toBeCloseTo(known.years.at(-1)!.bevilling.mean, 0);
    expect(y.forbrug.p90 - y.forbrug.p10).toBeGreaterThan(
      known.years.at(-1)!.forbrug.p90 - known.years.at(-1)!.forbrug.p10,
    );
    expect(unc.years.map((v) => v.henvendelser)).toEqual(known.years.map((v) => v.henvendelser)); // common random numbers
    expect(unc.inputs.map((x) => x.input)).toEqual(
      expect.arrayContaining(['pl.costs.futureSd', 'pl.bevilling.futureSd']),
    );
  });
});
