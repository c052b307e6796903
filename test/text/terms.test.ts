/**
 * The names of the scenario inputs (src/text/terms.ts): every key the scenario engine can emit as
 * an input has a name in Danish and English, and its value is written in its unit in the
 * language's number format; the flattened assumptions of the report are named in words too.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  assumptionKey,
  assumptionValue,
  INPUT_KEYS,
  inputKey,
  inputLabel,
  inputNumFmt,
  MODEL_EQUATIONS,
  sampledNumFmt,
  sampledValueText,
  inputValueText,
} from '../../src/text/terms.js';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';
import { scenarioDir, TOY } from '../scenario/helpers.js';

const SRC = join(import.meta.dirname, '../../src/scenario');

/**
 * The input keys written in the scenario engine's source: `pick('…')`, `beyondPl('…')`,
 * `input: '…'` and template keys (`bevilling.amounts.${y}`, `shares.${stage}.${area}`) with their
 * variable parts filled by an example (a share's stage by both stages).
 */
function emittedKeys(): string[] {
  const keys = new Set<string>();
  for (const f of readdirSync(SRC).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(join(SRC, f), 'utf8');
    for (const m of src.matchAll(/\b(?:pick|beyondPl)(?:<[^>]*>)?\(\s*'([^']+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/\binput:\s*'([^']+)'/g)) keys.add(m[1]);
    for (const m of src.matchAll(/\b(?:input:|const path =)\s*`([^`]+)`/g))
      for (const stage of ['henvendelser', 'forloeb'])
        keys.add(m[1].replace('${stage}', stage).replace(/\$\{[^}]+\}/g, 'x2026'));
  }
  return [...keys].sort();
}

describe('INPUT_KEYS', () => {
  it('names every input key the scenario engine emits, in Danish and English', () => {
    const keys = emittedKeys();
    // the scan sees the engine's inputs (a regex that matches nothing would pass any dictionary)
    expect(keys).toEqual(
      expect.arrayContaining(['demand.growth', 'costs.unit', 'opsparing.start', 'shares.forloeb.x2026']),
    );
    for (const k of keys) {
      expect(inputKey(k), `no name for the input key ${k} in INPUT_KEYS`).toBeDefined();
      expect(inputLabel(k, 'da')).not.toBe(k);
      expect(inputLabel(k, 'en')).not.toBe(inputLabel(k, 'da'));
    }
  });

  it('names every input of the bundled scenarios and of a scenario with PL, known amounts and a calibrated unit cost', () => {
    const dir = join(import.meta.dirname, '../../models/scenarios');
    const defs = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => loadScenario(join(dir, f)));
    const toy = TOY.replace(
      'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
      'bevilling: { pl: true, amounts: { 2026: 31 } }',
    );
    defs.push(loadScenario(join(scenarioDir({ 's.yaml': toy }), 's.yaml')));
    const seen = new Set<string>();
    for (const def of defs) for (const x of runScenario(def, { runs: 200 }).inputs) seen.add(x.input);
    expect(seen.size).toBeGreaterThan(15);
    for (const k of seen) expect(inputKey(k), `no name for the input key ${k}`).toBeDefined();
  });

  it('has no key whose English name still carries a Danish domain word', () => {
    for (const [k, e] of Object.entries(INPUT_KEYS))
      expect(e.en, k).not.toMatch(/forløb|henvendelse|bevilling|forbrug|opsparing|tiltag/i);
  });
});

describe('inputLabel', () => {
  it('appends the variable tail of a key, and leaves a key without a name as it is', () => {
    expect(inputLabel('demand.growth', 'da')).toBe('Henvendelsernes årlige vækst');
    expect(inputLabel('demand.growth', 'en')).toBe('Annual growth of requests');
    expect(inputLabel('bevilling.amounts.2026', 'da')).toBe('Kendt bevilling, mio. kr.: 2026');
    expect(inputLabel('shares.forloeb.boern', 'en')).toBe('Share of the cases: boern');
    expect(inputLabel('no.such.key', 'en')).toBe('no.such.key');
  });
});

describe('inputValueText', () => {
  it('writes a yearly rate in per cent with its spread in percentage points, the number unchanged', () => {
    const g = { dist: 'normal', mean: 0.1031, sd: 0.0234 } as const;
    expect(inputValueText('demand.growth', g, 'da')).toBe('10,3 % (sd 2,3 pct.-point)');
    expect(inputValueText('demand.growth', g, 'en')).toBe('10.3% (sd 2.3 pp)');
    // a small rate keeps two decimals, so 0,10 % is not written 0,1 %
    expect(inputValueText('costs.priceGrowth', { dist: 'normal', mean: 0.001, sd: 0.0029 }, 'da')).toBe(
      '0,10 % (sd 0,29 pct.-point)',
    );
    expect(inputValueText('demand.noiseSd', 0.052, 'da')).toBe('5,2 %');
  });
  it('writes an amount in the unit its name states, a count grouped, a ratio to four decimals', () => {
    expect(inputValueText('costs.fixed', { dist: 'normal', mean: 9.719, sd: 16.782 }, 'da')).toBe('9,7 (sd 16,8)');
    expect(inputValueText('costs.unit', { dist: 'normal', mean: 52.607, sd: 6.528 }, 'en')).toBe('52.6 (sd 6.5)');
    expect(inputValueText('actual.henvendelser', 5122, 'da')).toBe('5.122');
    expect(inputValueText('actual.bevilling', 158, 'da')).toBe('158');
    expect(inputValueText('visitation.rate', { dist: 'fixed', value: 0.496486 }, 'da')).toBe('0,4965');
  });
  it('words yes/no and the engine’s words in the language', () => {
    expect(inputValueText('bevilling.pl', 'true', 'da')).toBe('ja');
    expect(inputValueText('costs.unit', 'calibrated', 'da')).toBe('kalibreret');
    expect(inputValueText('costs.priceGrowth', 'pl', 'en')).toBe('follows PL');
  });
  it('gives a spreadsheet a per cent format for rates and a grouped one for counts', () => {
    expect(inputNumFmt('demand.noiseSd')).toBe('0.0%');
    expect(inputNumFmt('actual.forloeb')).toBe('#,##0');
  });
});

describe('assumptionKey', () => {
  it('names a distribution’s parameter after its input, a list’s position and a variable tail', () => {
    expect(assumptionKey('demand.growth.sd', 'da')).toEqual({
      label: 'Henvendelsernes årlige vækst: spredning',
      unit: 'rate',
    });
    expect(assumptionKey('demand.growth.dist', 'en')).toEqual({ label: 'Annual growth of requests: distribution' });
    expect(assumptionKey('measures.1.effect.values', 'da').label).toBe('Tiltag 1: effekt: værdier');
    expect(assumptionKey('pl.rates.2025', 'en')).toEqual({ label: 'PL rate of the costs: 2025', unit: 'rate' });
    expect(assumptionKey('no.such', 'da')).toEqual({ label: 'no.such' });
  });
  it('names a budget rule’s tail (opsparing.at.*, opsparing.sources.*) by the rule, not by its key', () => {
    expect(assumptionKey('opsparing.at.cap', 'da').label).toBe('Budgetregel skrevet i: loft over opsparingen');
    expect(assumptionKey('opsparing.at.carryOver', 'en').label).toBe('Budget rule written at: savings carried over');
    expect(assumptionKey('opsparing.sources.use', 'da').label).toBe('Kilde til budgetregel: brug af opsparingen');
    expect(assumptionKey('opsparing.at.missing_year_change', 'da').label).toBe(
      'Budgetregel skrevet i: ændring i år uden data',
    );
    // a tail that is no rule stays as it is
    expect(assumptionKey('opsparing.at.other', 'da').label).toBe('Budgetregel skrevet i: other');
    expect(assumptionKey('variables.cap', 'da').label).not.toContain('loft');
  });
  it('names every key of the bundled scenarios’ assumptions', () => {
    const dir = join(import.meta.dirname, '../../models/scenarios');
    const flat = (rec: Record<string, unknown>, prefix = ''): string[] =>
      Object.entries(rec).flatMap(([k, v]) => {
        const p = prefix ? `${prefix}.${k}` : k;
        if (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object'))
          return v.flatMap((x, i) => flat(x as Record<string, unknown>, `${p}.${i + 1}`));
        return v !== null && typeof v === 'object' && !Array.isArray(v) ? flat(v as Record<string, unknown>, p) : [p];
      });
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.yaml'))) {
      const r = runScenario(loadScenario(join(dir, f)), { runs: 200 });
      for (const k of flat(r.assumptions)) expect(assumptionKey(k, 'en').label, `${f}: ${k}`).not.toBe(k);
    }
  });
});

describe('sampledValueText', () => {
  it('writes a sampled input’s P10 and P90 in its unit: a rate in per cent with one decimal count, an amount, a z-score', () => {
    expect(sampledValueText('demand', [0.0731, 0.1332], 'da')).toEqual(['7,3 %', '13,3 %']);
    expect(sampledValueText('visitationDrift', [-0.054, -0.005], 'en')).toEqual(['-5.4%', '-0.5%']);
    expect(sampledValueText('measure:x', [-0.2, -0.1], 'da')).toEqual(['-20,0 %', '-10,0 %']);
    expect(sampledValueText('unitCost', [44.242, 60.973], 'da')).toEqual(['44,2', '61,0']);
    expect(sampledValueText('demandNoise', [-1.2816, 1.2816], 'da')).toEqual(['-1,282', '1,282']);
    expect(sampledNumFmt('demand')).toBe('0.0%');
    expect(sampledNumFmt('fixedCost')).toBe('#,##0.0');
    expect(sampledNumFmt('demandNoise')).toBe('#,##0.000');
  });
});

describe('assumptionValue', () => {
  it('words a distribution’s kind, a missing limit and a correlation’s inputs; any other value stays', () => {
    expect(assumptionValue('demand.growth.dist', 'normal', 'da')).toBe('normalfordeling');
    expect(assumptionValue('opsparing.cap', 'null', 'en')).toBe('none');
    expect(assumptionValue('correlations.1.between', 'demand; visitationDrift', 'en')).toBe(
      'Growth in requests, Yearly change of the visitation rate',
    );
    expect(assumptionValue('files', 'models/scenarios/baseline.yaml', 'en')).toBe('models/scenarios/baseline.yaml');
  });
  it('words a measure’s main areas and the model’s equations in the language, no key or English word in Danish', () => {
    expect(assumptionValue('measures.1.areas', 'i_alt', 'da')).toBe('i alt');
    expect(assumptionValue('measures.1.areas', 'voksne; boern_unge', 'en')).toBe('adults, children and young people');
    const da = assumptionValue('model', MODEL_EQUATIONS.da, 'da');
    for (const w of ['fixed', 'unit', 'measures', 'visitation ']) expect(da).not.toContain(w);
    expect(assumptionValue('model', MODEL_EQUATIONS.da, 'en')).toBe(MODEL_EQUATIONS.en);
  });
});
