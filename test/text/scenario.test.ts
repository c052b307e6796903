/**
 * The scenario engine's texts (src/text/scenario.ts): numbers are passed as numbers and
 * formatted in each language; optional parts appear only when their parameter is given.
 */
import { describe, expect, it } from 'vitest';
import { say } from '../../src/text/messages.js';
import { both } from '../../src/scenario/both.js';
import { DEFAULT_BEVILLING_LABEL, DEFAULT_BEVILLING_LABEL_EN } from '../../src/scenario/load.js';

describe('scenario source texts', () => {
  it('a drift estimate: percentages and percentage points in the language, level shifts when left out', () => {
    const g = Math.exp(0.0523 + 0.04 ** 2 / 2);
    const p = {
      ...{ of: 'demand', id: 'h', steps: 5, span: '2015–2024', excluded: '', mu: 0.0523, se: 0.0123, sd: 0.04 },
      ...{ g: g - 1, gSe: 0.0123 * g },
    };
    // the log drift and the yearly rate the scenario draws (5,5 %: the value beside it), so the two do not read as two
    expect(both('scenario.est.drift', p)).toEqual({
      da: 'Estimat: henvendelsernes vækst som random walk med drift på log-skala (h, 5 trin 2015–2024): log-drift 5,2 % om året (SE 1,2 pct.-point), årlig støj 4,0 %; som årlig rate (1 + g = exp(drift + støj²/2)) g = 5,5 % (SE 1,3 pct.-point), den værdi scenariet trækker',
      en: 'Estimate: growth of requests as a random walk with drift on the log scale (h, 5 steps 2015–2024): log drift 5.2% a year (SE 1.2 pp), yearly noise 4.0%; as a yearly rate (1 + g = exp(drift + noise²/2)) g = 5.5% (SE 1.3 pp), the value the scenario draws',
    });
    expect(say('scenario.est.drift', { ...p, of: 'bevilling', excluded: '2017→2018' }, 'en')).toContain(
      'Estimate: change of the appropriation as a random walk with drift on the log scale (h, 5 steps 2015–2024; level shifts left out: 2017→2018)',
    );
  });
  it('the cost model: fixed in mio. kr., the unit cost in kr.', () => {
    const t = both('scenario.est.costs', {
      years: '2019, 2020',
      fixed: 20.5,
      fixedSd: 3.25,
      unit: 0.0421,
      unitSd: 0.0051,
      corr: -0.9,
    });
    expect(t.da).toBe(
      'Estimat: omkostningsmodellen (mindste kvadraters metode, løbende priser) på forbrug og forløb 2019, 2020: fast 20,5 mio. kr. (SE 3,3), 42.100 kr. pr. forløb (SE 5.100), korrelation -0,90; trukket sammen (bivariat normal)',
    );
    expect(t.en).toBe(
      'Estimate: the cost model (least squares, current prices) on spending and cases 2019, 2020: fixed DKK 20.5m (SE 3.3), 42,100 DKK per case (SE 5,100), correlation -0.90; drawn jointly (bivariate normal)',
    );
  });
  it('the visitation rate after a registration break, and not estimable price growth', () => {
    expect(both('scenario.src.visitationData', { year: 2024, afterBreak: 1 }).en).toBe(
      'Data: cases / requests 2024 (after the registration break)',
    );
    expect(both('scenario.src.visitationData', { year: 2024, afterBreak: 0 }).da).toBe(
      'Data: forløb / henvendelser 2024',
    );
    expect(both('scenario.est.priceGrowthNone', { n: 3 }).da).toBe(
      'Estimat ikke muligt (3 år med forbrug og forløb): prisudvikling pr. forløb sat til 0 ud over den løbende-pris-model',
    );
  });
  it('the opsparing: set by hand, or computed with the years missing in the data', () => {
    expect(both('scenario.opsparing.set', { start: 12.34, year: 2024, where: 'b.yaml:3' })).toEqual({
      da: 'Antagelse: opsparing 12,3 mio. kr. ved udgangen af 2024 (b.yaml:3)',
      en: 'Assumption: savings of DKK 12.3m at the end of 2024 (b.yaml:3)',
    });
    const p = { from: 2018, year: 2024, bevilling: 'B', forbrug: 'F', file: 'b.yaml', balance: 200.9, change: 0 };
    expect(both('scenario.opsparing.computed', { ...p, missing: '', changeAt: '' }).en).toBe(
      'Computed: appropriation − spending 2018–2024 (B, F) under the rules in b.yaml: DKK 200.9m',
    );
    expect(both('scenario.opsparing.computed', { ...p, missing: '2021', changeAt: 'b.yaml:9' }).da).toBe(
      'Beregnet: bevilling − forbrug 2018–2024 (B, F) efter reglerne i b.yaml: 200,9 mio. kr.; 2021 mangler i data: ændring 0,0 (antagelse, b.yaml:9)',
    );
  });
  it('a label given in both languages goes in each language', () => {
    expect(both('scenario.src.costsFollowPl', { label: 'PL 2,0 %' }, { label: 'PL 2.0%' })).toEqual({
      da: 'Antagelse: omkostningerne følger PL-indekset (PL 2,0 %)',
      en: 'Assumption: costs follow the PL index (PL 2.0%)',
    });
  });
  it('the default labels of the assumptions and the scenario command’s own messages', () => {
    expect(both('scenario.pl.assumed', { rate: 0.02 })).toEqual({
      da: 'Antagelse: PL-regulering 2,0 % om året',
      en: 'Assumption: PL indexation of 2.0% a year',
    });
    expect(DEFAULT_BEVILLING_LABEL).toBe(
      'Antagelse: bevillingen efter basisåret er ukendt og sættes til basisårets niveau fremskrevet med PL',
    );
    expect(DEFAULT_BEVILLING_LABEL_EN).toMatch(/^Assumption: the appropriation after the base year is unknown/);
    expect(say('scenario.opt.out', { got: 'x.txt' }, 'da')).toBe('--out skal være en .xlsx- eller .csv-fil, fik x.txt');
    expect(say('scenario.opt.xlsx', { got: 'x.csv' }, 'en')).toBe('--xlsx must be an .xlsx file, got x.csv');
  });
  it('a missing section: the same English as before, and Danish', () => {
    expect(say('scenario.needSection', { key: 'horizon' }, 'en')).toBe(
      'a horizon: section (last simulated year) here or in a file it extends',
    );
    expect(say('scenario.needSection', { key: 'id' }, 'da')).toBe(
      'en id:-sektion (scenariets id) her eller i en fil, den udvider',
    );
  });
});
