/**
 * The sources the model files cite: the PL table's listed rates (not its defaults, which are assumptions), the
 * budget rules' sources and the cohort timing's; a citation of a document of data/sources.csv goes to that
 * document's row, any other is listed by name with the files and keys citing it.
 */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../../src/data/bundled.js';
import { loadPlTable } from '../../../src/cost/plTable.js';
import { loadTimingAssumptions } from '../../../src/cost/timingAssumptions.js';
import { loadBudgetRules } from '../../../src/scenario/budget-rules.js';
import { citesPlTable, modelCitations, otherSources, sourceUse } from '../../../src/report/steps/sources.js';
import { loadScenario } from '../../../src/scenario/load.js';
import { scenarioDir } from '../../scenario/helpers.js';
import { join } from 'node:path';

const ds = loadBundled();

describe('modelCitations', () => {
  it('cites each PL rate listed for a year, the budget rules’ sources and the cohort timing’s, never a PL default', () => {
    const cited = modelCitations([loadBudgetRules()], [loadPlTable()], [loadTimingAssumptions()]);
    const pl = loadPlTable();
    const listed = Object.entries(pl.indices).flatMap(([id, ix]) => Object.keys(ix.rates).map((y) => `pl:${id}.${y}`));
    expect(listed.length).toBeGreaterThan(0);
    expect(cited.filter((c) => c.what.startsWith('pl:')).map((c) => c.what)).toEqual(listed);
    for (const ix of Object.values(pl.indices))
      expect(cited.map((c) => c.ref)).not.toContain((ix as { default: { source: string } }).default.source);
    expect(cited).toContainEqual({
      ref: 'Budgetvejledningen 2.2.12',
      what: 'budget:opsparing.use_needs_permission',
      file: loadBudgetRules().file,
    });
    expect(cited).toContainEqual({
      ref: 'aarsrapport2020#kap8',
      what: 'budget:opsparing.carry_over',
      file: loadBudgetRules().file,
    });
    expect(cited.find((c) => c.what === 'pl:wage.2025')?.en).toBe(pl.indices.wage.rates[2025].sourceEn);
    expect(cited.filter((c) => c.what.startsWith('timing:')).map((c) => c.ref)).toContain('aarsrapport2020#afsnit1.1');
  });

  it('cites nothing for rules without sources and a PL table without listed years', () => {
    const rules = { ...loadBudgetRules(), sources: {} };
    const pl = loadPlTable();
    const bare = {
      ...pl,
      indices: Object.fromEntries(Object.entries(pl.indices).map(([id, ix]) => [id, { ...ix, rates: {} }])),
    };
    expect(modelCitations([rules], [bare])).toEqual([]);
  });
});

describe('otherSources', () => {
  it('lists a citation that is not a document of data/sources.csv once, with its files and keys sorted', () => {
    const cited = [
      { ref: 'Egen vejledning', what: 'pl:wage.2026', file: 'b.yaml' },
      { ref: 'Egen vejledning', what: 'budget:opsparing.carry_over', file: 'a.yaml' },
      { ref: 'Egen vejledning', what: 'pl:wage.2026', file: 'b.yaml' },
      { ref: 'aarsrapport2020#kap8', what: 'budget:opsparing.carry_over', file: 'a.yaml' },
    ];
    expect(otherSources(cited, ds)).toEqual([
      {
        source: 'Egen vejledning',
        files: ['a.yaml', 'b.yaml'],
        usedBy: ['budget:opsparing.carry_over', 'pl:wage.2026'],
      },
    ]);
  });

  it('keeps the English rendering the files give a source when they agree on one, none when they differ', () => {
    const one = [
      { ref: 'Egen vejledning', what: 'pl:wage.2026', file: 'pl.yaml', en: 'Own guide' },
      { ref: 'Egen vejledning', what: 'pl:general.2026', file: 'pl.yaml', en: 'Own guide' },
    ];
    expect(otherSources(one, ds)[0].en).toBe('Own guide');
    const two = [...one, { ref: 'Egen vejledning', what: 'pl:wage.2027', file: 'pl.yaml', en: 'Our own guide' }];
    expect(otherSources(two, ds)[0]).not.toHaveProperty('en');
    expect(
      otherSources(
        one.slice(0, 1).map((c) => ({ ...c, en: c.ref })),
        ds,
      )[0],
    ).not.toHaveProperty('en');
  });

  it('is empty when every citation is a document of data/sources.csv', () => {
    expect(otherSources([{ ref: 'faktaark2024', what: 'pl:general.2025', file: 'pl.yaml' }], ds)).toEqual([]);
  });
});

describe('sourceUse', () => {
  it('adds a model file’s citation of a document of data/sources.csv to that document, and no row for any other', () => {
    const cited = [
      { ref: 'faktaark2024#s1', what: 'pl:general.2025', file: 'pl.yaml' },
      { ref: 'Egen vejledning', what: 'budget:opsparing.use_needs_permission', file: 'budget.yaml' },
    ];
    const use = sourceUse(ds, [], [], cited);
    expect(use.faktaark2024).toContain('pl:general.2025');
    expect(sourceUse(ds, [], []).faktaark2024 ?? []).not.toContain('pl:general.2025');
    expect(Object.keys(use)).not.toContain('Egen vejledning');
    expect(Object.values(use).flat()).not.toContain('budget:opsparing.use_needs_permission');
  });
});

describe('citesPlTable', () => {
  it('the PL table is cited when a scenario takes its rates from it (no pl.default of its own), indexed or not', () => {
    const baseline = loadScenario('baseline');
    // the bundled baseline indexes nothing with PL (priceGrowth estimated, bevilling without pl), yet shows the rates
    expect(baseline.bevilling.pl).toBe(false);
    expect(baseline.costs.priceGrowth).not.toBe('pl');
    expect(citesPlTable([baseline])).toBe(true);
    const dir = scenarioDir({
      'own-pl.yaml': 'id: own-pl\nextends: baseline\npl: { default: 0.025, label: Egen PL-antagelse }\n',
    });
    const own = loadScenario(join(dir, 'own-pl.yaml'));
    expect(own.plSource).toBeUndefined();
    expect(citesPlTable([own])).toBe(false);
    expect(citesPlTable([own, baseline])).toBe(true);
    expect(citesPlTable([])).toBe(false);
  });
});
