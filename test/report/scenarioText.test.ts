/**
 * The words of the scenario results (src/report/scenarioText.ts): names and labels chosen by
 * language, values and inputs in a few words, and the terminal tables of a run.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { runScenario } from '../../src/scenario/scenario.js';
import { resolveInputs } from '../../src/scenario/inputs.js';
import {
  assumptionLabel,
  bevillingLabel,
  formatComparison,
  formatGoalSeek,
  goalSeekAnswer,
  targetText,
  formatScenarioResult,
  inputLines,
  localizeAssumptions,
  scenarioName,
  valueText,
} from '../../src/report/scenarioText.js';
import type { GoalSeekOutcome } from '../../src/scenario/goal-seek.js';
import { parseTarget } from '../../src/scenario/target.js';
import { scenarioDir, TOY } from '../scenario/helpers.js';

const toy = (patch: (s: string) => string = (s) => s) =>
  loadScenario(join(scenarioDir({ 's.yaml': patch(TOY) }), 's.yaml'));

describe('names and labels by language', () => {
  it('scenarioName takes name_en for English when there is one, else the Danish name', () => {
    expect(scenarioName({ name: 'Basisforløb', nameEn: 'Baseline' }, 'en')).toBe('Baseline');
    expect(scenarioName({ name: 'Basisforløb', nameEn: 'Baseline' }, 'da')).toBe('Basisforløb');
    expect(scenarioName({ name: 'Basisforløb' }, 'en')).toBe('Basisforløb');
  });
  it('assumptionLabel and localizeAssumptions fold labelEn into label for English, and drop it', () => {
    const a = { label: 'Antaget PL 2,0 %', labelEn: 'Assumed PL 2.0%' };
    expect(assumptionLabel(a, 'en')).toBe('Assumed PL 2.0%');
    expect(assumptionLabel(a, 'da')).toBe('Antaget PL 2,0 %');
    expect(assumptionLabel({ label: 'kun dansk' }, 'en')).toBe('kun dansk');
    expect(assumptionLabel(undefined, 'en')).toBeUndefined();
    const out = localizeAssumptions({ pl: { default: 0.02, ...a }, horizon: 2028 }, 'en');
    expect(out).toEqual({ pl: { default: 0.02, label: 'Assumed PL 2.0%' }, horizon: 2028 });
    // the bevilling's own PL index too: the Danish report's assumptions show no labelEn row
    const both = { pl: { ...a }, plBevilling: { default: 0.02, ...a }, bevilling: { ...a } };
    expect(localizeAssumptions(both, 'da')).toEqual({
      pl: { label: a.label },
      plBevilling: { default: 0.02, label: a.label },
      bevilling: { label: a.label },
    });
    expect(localizeAssumptions(both, 'en').plBevilling).toEqual({ default: 0.02, label: a.labelEn });
  });
  it('bevillingLabel names each known year’s source once, where it stands, and the other years, in one language', () => {
    const def = toy((s) =>
      s.replace(
        'bevilling: { pl: false, growth: 0, noiseSd: 0 }',
        'bevilling: { pl: false, growth: 0, noiseSd: 0, amounts: { 2026: 31 } }',
      ),
    );
    const r = resolveInputs(def);
    const at = r.inputs.find((x) => x.input === 'bevilling.amounts.2026')!.source;
    expect(at.kind).toBe('assumption');
    const loc = at.kind === 'assumption' ? `${at.file}:${at.line}:${at.column}` : '';
    expect(loc).toMatch(/s\.yaml:\d+:\d+$/);
    expect(bevillingLabel(def, r, 'da')).toBe(
      `Kendt bevilling 2026 sat i scenariefilen (${loc}); øvrige år: Antagelse sat i scenariefilen`,
    );
    expect(bevillingLabel(def, r, 'en')).toBe(
      `Known appropriation 2026 set in the scenario file (${loc}); other years: Assumption set in the scenario file`,
    );
    // a year from the --data file is named with its file:line, not as the scenario's
    const withData = {
      ...def,
      bevilling: {
        ...def.bevilling,
        amounts: { ...def.bevilling.amounts, 2025: { dist: 'fixed' as const, value: 30.5 } },
        fromData: { 2025: 'mine.csv:2' },
      },
    };
    const rd = resolveInputs(withData);
    expect(bevillingLabel(withData, rd, 'da')).toBe(
      `Kendt bevilling 2025 fra data (mine.csv:2), 2026 sat i scenariefilen (${loc}); øvrige år: Antagelse sat i scenariefilen`,
    );
    expect(bevillingLabel(withData, rd, 'en')).toBe(
      `Known appropriation 2025 from the data (mine.csv:2), 2026 set in the scenario file (${loc}); other years: Assumption set in the scenario file`,
    );
    // English throughout: the appropriation, never the Danish word (the series id viso.raadgivning.bevilling aside)
    expect(bevillingLabel(withData, rd, 'en')).not.toMatch(/bevilling(?!\.)/);
  });
});

describe('valueText and inputLines', () => {
  it('writes a value or distribution with the language’s decimal mark and separator', () => {
    expect(valueText({ dist: 'normal', mean: 0.052, sd: 0.021 }, 'da')).toBe('normal(0,052; sd 0,021)');
    expect(valueText({ dist: 'normal', mean: 0.052, sd: 0.021 }, 'en')).toBe('normal(0.052, sd 0.021)');
    expect(valueText(0.5, 'da')).toBe('0,5');
    expect(valueText(1234.56, 'en')).toBe('1,234.6');
    expect(valueText('calibrated', 'en')).toBe('calibrated');
  });
  it('one line per input: name, key, kind, value and source, with file:line for an assumption', () => {
    const r = runScenario(toy(), { runs: 10 });
    const da = inputLines(r.inputs, 'da');
    const en = inputLines(r.inputs, 'en');
    expect(da).toHaveLength(r.inputs.length);
    const i = r.inputs.findIndex((x) => x.input === 'visitation.rate');
    expect(da[i]).toMatch(
      /^Visitationsrate \(forløb pr\. henvendelse\) \(visitation\.rate, antagelse\): 0,5000 — .*\[.*s\.yaml:\d+/,
    );
    expect(en[i]).toMatch(
      /^Visitation rate \(cases per request\) \(visitation\.rate, assumption\): 0\.5000 — .*\[.*s\.yaml:\d+/,
    );
    // bevilling indexed with PL: no growth beyond PL is an assumption of `pl: true`, with its file:line
    const pl = runScenario(
      toy((s) => s.replace('bevilling: { pl: false, growth: 0, noiseSd: 0 }', 'bevilling: { pl: true }')),
      { runs: 10 },
    );
    const plDa = inputLines(pl.inputs, 'da');
    const g = pl.inputs.findIndex((x) => x.input === 'bevilling.growth');
    expect(plDa[g]).toMatch(
      /\(bevilling\.growth, antagelse\): 0,0 % — Antagelse: bevillingen fremskrives med PL .*\[.*s\.yaml:\d+:\d+\]$/,
    );
    expect(inputLines(pl.inputs, 'en')[g]).toMatch(
      /\(bevilling\.growth, assumption\): 0\.0% — Assumption: the appropriation is indexed with PL .*\[.*s\.yaml:\d+:\d+\]$/,
    );
    expect(plDa[pl.inputs.findIndex((x) => x.input === 'bevilling.noiseSd')]).toMatch(
      /\(bevilling\.noiseSd, antagelse\)/,
    );
  });
});

describe('the terminal tables', () => {
  it('formatScenarioResult: the opsparing note cites the budget rules’ source of the permission rule, none without one', () => {
    const def = toy();
    const cite = (use: string | undefined, lang: 'da' | 'en') =>
      formatScenarioResult(
        runScenario({ ...def, budget: { ...def.budget, sources: use ? { use } : {} } }, { runs: 10 }),
        lang,
      );
    expect(def.budget.useNeedsPermission).toBe(true);
    expect(cite('Egen regel 1.2', 'da')).toContain('(kræver departementets tilladelse, Egen regel 1.2)');
    expect(cite('Egen regel 1.2', 'en')).toContain('(needs the department’s permission, Egen regel 1.2)');
    expect(cite(undefined, 'da')).toContain('(kræver departementets tilladelse)');
    expect(cite(undefined, 'en')).toContain('(needs the department’s permission)');
    expect(cite(undefined, 'da')).not.toContain('Budgetvejledningen');
  });
  it('formatScenarioResult: header line, table and the inputs, in each language', () => {
    const r = runScenario(toy(), { runs: 10 });
    const da = formatScenarioResult(r, 'da');
    const en = formatScenarioResult(r, 'en');
    expect(da.split('\n')[0]).toBe('Toy (toy): 10 kørsler, seed 7');
    expect(en.split('\n')[0]).toBe('Toy (toy): 10 runs, seed 7');
    expect(da).toContain('Beløb i mio. kr., løbende priser.');
    expect(en).toContain('Amounts in DKK million, current prices.');
    expect(da).toContain('Input (estimat fra data, data eller antagelse med fil:linje):');
    expect(en).toContain('Inputs (estimate from the data, data, or assumption with file:line):');
  });
  it('formatComparison says whether the differences are the scenarios’ or Monte Carlo noise', () => {
    const a = runScenario(toy(), { runs: 10 });
    const b = runScenario(toy(), { runs: 10, seed: 8 });
    expect(formatComparison([a, a], 'en')).toContain('with the same seed (common random numbers');
    expect(formatComparison([a, b], 'da')).toContain('forskellige seeds: forskellene indeholder Monte Carlo-støj');
  });
  it('formatGoalSeek words the answer and the no-solution statement with the lever’s name', () => {
    const base = {
      scenario: 'toy',
      lever: 'bevilling',
      target: parseTarget('P(merforbrug>0, 2026) <= 0.2'),
      runs: 1000,
      seed: 7,
      p0: 0.5,
    };
    const ok = { ...base, solved: true, change: 2.5, changeInterval: [2, 3], p: 0.2, se: 0.01 };
    const none = { ...base, solved: false, limit: 50, pAtLimit: 0.3 };
    const da = formatGoalSeek(ok as unknown as GoalSeekOutcome, 'da');
    expect(da).toContain('Mindste ændring af bevillingen: +2,50 mio. kr. ekstra i hvert simuleret år.');
    expect(formatGoalSeek(ok as unknown as GoalSeekOutcome, 'en')).toContain(
      'Smallest change of the appropriation: +DKK 2.50m extra in every simulated year.',
    );
    expect(formatGoalSeek(none as unknown as GoalSeekOutcome, 'en')).toContain(
      'The target cannot be met by changing the appropriation alone: even at +DKK 50m in every simulated year the probability is 30.0%.',
    );
  });
  it('a goal-seek target is written in the output’s words and number format, however it was typed', () => {
    expect(targetText(parseTarget('P(merforbrug>0, 2026) <= 0.2'), 'da')).toBe('P(merforbrug > 0, 2026) ≤ 20 %');
    expect(targetText(parseTarget('P(merforbrug>0, 2026) <= 0,2'), 'en')).toBe('P(overspend > 0, 2026) ≤ 20%');
    expect(targetText(parseTarget('P(forbrug>bevilling+opsparing, 2029) <= 5%'), 'da')).toBe(
      'P(forbrug > bevilling + opsparing, 2029) ≤ 5 %',
    );
    expect(targetText(parseTarget('P(merforbrug>opsparing, 2029) <= 0.05'), 'en')).toBe(
      'P(spending > appropriation + savings, 2029) ≤ 5%',
    );
    expect(targetText(parseTarget('P(forbrug>160.5, 2027) >= 0.125'), 'da')).toBe(
      'P(forbrug > 160,5 mio. kr., 2027) ≥ 12,5 %',
    );
  });
  it('formatGoalSeek writes the Monte Carlo interval’s level as its language does (95 % in Danish, 95% in English)', () => {
    const ok = {
      scenario: 'toy',
      lever: 'demand',
      target: parseTarget('P(merforbrug>0, 2026) <= 0.2'),
      runs: 1000,
      seed: 7,
      p0: 0.5,
      solved: true,
      change: -0.12,
      changeInterval: [-0.13, -0.11],
      p: 0.2,
      se: 0.01,
    } as unknown as GoalSeekOutcome;
    expect(formatGoalSeek(ok, 'da')).toContain('Monte Carlo-usikkerhed på ændringen (95 %): ');
    expect(formatGoalSeek(ok, 'da')).toMatch(/^Mål: P\(merforbrug > 0, 2026\) ≤ 20 % \(toy, /);
    const en = formatGoalSeek(ok, 'en');
    expect(en).toContain('Monte Carlo uncertainty of the change (95%): ');
    expect(en).not.toMatch(/\d %/);
  });
  it('goalSeekAnswer: a relative change in every year with one decimal, bevilling in mio. kr. a year with a plus sign, each with its 95 % MC interval as »lo til hi«', () => {
    const base = { scenario: 'toy', target: parseTarget('P(merforbrug>0, 2026) <= 0.2'), runs: 1000, seed: 7, p0: 0.5 };
    const ans = (o: object, lang?: 'da' | 'en') =>
      goalSeekAnswer({ ...base, solved: true, p: 0.2, se: 0.01, ...o } as unknown as GoalSeekOutcome, lang);
    const demand = { lever: 'demand', change: -0.1581, changeInterval: [-0.1603, -0.1559] };
    expect(ans(demand)).toBe('-15,8 % i hvert år (MC-interval -16,0 % til -15,6 %)');
    expect(ans(demand, 'en')).toBe('-15.8% in every year (MC interval -16.0% to -15.6%)');
    const bevilling = { lever: 'bevilling', change: 27.62, changeInterval: [27.21, 28.04] };
    expect(ans(bevilling)).toBe('+27,6 mio. kr. om året (MC-interval 27,2 mio. kr. til 28,0 mio. kr.)');
    expect(ans(bevilling, 'en')).toBe('+DKK 27.6m a year (MC interval DKK 27.2m to DKK 28.0m)');
    // no change needed: no sign
    expect(ans({ lever: 'visitation', change: 0, changeInterval: [0, 0] })).toBe(
      '0,0 % i hvert år (MC-interval 0,0 % til 0,0 %)',
    );
  });
  it('goalSeekAnswer: a lever that cannot meet the target alone says so, with P at its limit', () => {
    const none = {
      scenario: 'toy',
      lever: 'unitCost',
      target: parseTarget('P(merforbrug>0, 2026) <= 0.2'),
      runs: 1000,
      seed: 7,
      p0: 0.5,
      solved: false,
      limit: -0.99,
      pAtLimit: 0.314,
    } as unknown as GoalSeekOutcome;
    expect(goalSeekAnswer(none)).toBe('kan ikke nås med dette håndtag alene (P = 31,4 % ved grænsen)');
    expect(goalSeekAnswer(none, 'en')).toBe('cannot be reached with this lever alone (P = 31.4% at the limit)');
  });
});
