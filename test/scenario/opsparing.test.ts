/**
 * The opsparing carried between years: the rules of models/budget.yaml, the opening balance from
 * the historical bevilling and forbrug, the engine's yearly balance (the same arithmetic as
 * `stepOpsparing`), P(forbrug > bevilling + usable opsparing) and the goal seek on it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/io/yaml.js';
import { loadBundled } from '../../src/data/bundled.js';
import {
  budgetRulesFromYaml,
  loadBudgetRules,
  openingOpsparing,
  stepOpsparing,
  type BudgetRules,
} from '../../src/scenario/budget-rules.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario, runScenario } from '../../src/scenario/scenario.js';
import { blockBuffers, drawBlock, simulateBlock } from '../../src/scenario/engine.js';
import { goalSeek } from '../../src/scenario/goal-seek.js';
import { parseTarget } from '../../src/scenario/target.js';
import { viso } from '../helpers/cli.js';

const OK =
  'opsparing:\n  carry_over: true\n  cap: null\n  use_needs_permission: true\n  max_use: null\n  expiry_years: null\n  start: data\n  missing_year_change: 0\n';
const parse = (text: string) => () => budgetRulesFromYaml(parseYaml(text, 'budget.yaml'));
const rules = (o: Partial<BudgetRules>): BudgetRules => ({ ...loadBudgetRules(), ...o });
const tmp = mkdtempSync(join(tmpdir(), 'viso-opsparing-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('models/budget.yaml', () => {
  it('has the documented defaults: carry-over (annual report 2020), use needs permission (Budgetvejledningen 2.2.12), no cap, no expiry, start from the data', () => {
    const r = loadBudgetRules();
    expect(r).toMatchObject({
      file: 'models/budget.yaml',
      carryOver: true,
      cap: null,
      useNeedsPermission: true,
      maxUse: null,
      expiryYears: null,
      start: 'data',
      missingYearChange: 0,
    });
    expect(r.sources).toEqual({ carryOver: 'aarsrapport2020#kap8', use: 'Budgetvejledningen 2.2.12' });
    expect(r.at.cap.line).toBeGreaterThan(1);
  });
  it('bad rule values are errors with file, line and column', () => {
    expect(parse(OK)().cap).toBeNull();
    expect(parse(OK.replace('cap: null', 'cap: -0.1'))).toThrow(/^budget\.yaml:3:8: expected .*opsparing\.cap/);
    expect(parse(OK.replace('expiry_years: null', 'expiry_years: 1.5'))).toThrow(/^budget\.yaml:6:17: /);
    expect(parse(OK.replace('start: data', 'start: lots'))).toThrow(/^budget\.yaml:7:10: /);
    expect(parse(OK.replace('carry_over: true', 'carry_over: yes please'))).toThrow(/^budget\.yaml:2:15: /);
    expect(parse(OK + '  extra: 1\n')).toThrow(/^budget\.yaml:\d+:\d+: /);
  });
  it('a bad rules file is a one-line error with file:line:column and exit code 2 on the command line', () => {
    const f = join(tmp, 'bad-budget.yaml');
    writeFileSync(f, OK.replace('cap: null', 'cap: "ten percent"'));
    const r = viso('scenario', 'run', 'baseline', '--runs', '500', '--budget', f, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(new RegExp(`^${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:8: expected `));
  });
});

describe('stepOpsparing (one year of the balance)', () => {
  const free = { carryOver: true, cap: null, maxUse: null, expiryYears: null };
  it('adds a mindreforbrug, covers a merforbrug from the balance, and reports what the balance does not cover', () => {
    const s = [10];
    expect(stepOpsparing(s, 100, 90, free)).toEqual({ usable: 10, beyond: -20 });
    expect(s).toEqual([20]);
    expect(stepOpsparing(s, 100, 125, free)).toEqual({ usable: 20, beyond: 5 });
    expect(s).toEqual([0]); // the 5 beyond is an extra bevilling, not a negative balance
  });
  it('without carry-over nothing is saved; the cap cuts the balance to a share of the bevilling; max_use limits the yearly use', () => {
    const s = [0];
    stepOpsparing(s, 100, 90, { ...free, carryOver: false });
    expect(s).toEqual([0]);
    const c = [15];
    stepOpsparing(c, 100, 90, { ...free, cap: 0.2 });
    expect(c).toEqual([20]);
    const m = [50];
    expect(stepOpsparing(m, 100, 120, { ...free, maxUse: 0.05 })).toEqual({ usable: 5, beyond: 15 });
    expect(m).toEqual([45]);
  });
  it('with expiry the oldest savings are used first and lapse after expiry_years', () => {
    const r = { ...free, expiryYears: 2 };
    const s = [0, 0];
    stepOpsparing(s, 100, 90, r); // year 1 saves 10
    expect(s).toEqual([10, 0]);
    stepOpsparing(s, 100, 95, r); // year 2 saves 5
    expect(s).toEqual([5, 10]);
    stepOpsparing(s, 100, 103, r); // year 3 uses 3 of year 1's, the other 7 lapse at its end
    expect(s).toEqual([0, 5]);
  });
});

describe('the opening balance from the data', () => {
  it('2011–2019 left 140,7 mio. kr., the 2020 merforbrug of 3,7 came out of it, 2021 is assumed unchanged, 2022–2024 added 63,9', () => {
    const o = openingOpsparing(loadBundled(), 2024, loadBudgetRules());
    const at = (y: number) => o.history.find((h) => h.year === y)!.balance;
    expect(at(2019)).toBeCloseTo(140.7, 9);
    expect(at(2020)).toBeCloseTo(137.0, 9);
    expect(o.missing).toEqual([2021]);
    expect(at(2021)).toBeCloseTo(137.0, 9);
    expect(o.balance).toBeCloseTo(200.9, 9);
    expect(o.text.da).toMatch(
      /^Beregnet: bevilling − forbrug 2011–2024 .*200,9 mio\. kr\.; 2021 mangler i data: ændring 0,0 \(antagelse, models\/budget\.yaml:\d+\)$/,
    );
    // only the years up to the base year (what was known then)
    expect(openingOpsparing(loadBundled(), 2019, loadBudgetRules()).balance).toBeCloseTo(140.7, 9);
    // a cap of 10 % of the bevilling keeps at most 15,8 at the end of 2024
    expect(openingOpsparing(loadBundled(), 2024, rules({ cap: 0.1 })).balance).toBeCloseTo(15.8, 9);
    expect(openingOpsparing(loadBundled(), 2024, rules({ start: 25 })).balance).toBe(25);
  });
});

describe('the opsparing in the scenario engine', () => {
  it("carries each run's balance exactly as stepOpsparing does, from the opening balance", () => {
    const def = loadScenario('baseline', { budget: rules({ cap: 0.5, maxUse: 0.1, expiryYears: 3 }) });
    const m = prepareScenario(def);
    const n = 256;
    const buf = blockBuffers(m);
    drawBlock(m, 0, n, buf.u);
    simulateBlock(m, n, buf);
    const h = m.years.length;
    const v = (k: number, t: number, i: number) => buf.vals[(k * h + t) * n + i];
    for (const i of [0, 17, 255]) {
      const slots = Array.from(m.savingsStart);
      for (let t = 0; t < h; t++) {
        const step = stepOpsparing(slots, v(0, t, i), v(1, t, i), def.budget);
        expect(v(7, t, i)).toBeCloseTo(step.beyond, 9);
        expect(v(6, t, i)).toBeCloseTo(
          slots.reduce((s, x) => s + x, 0),
          9,
        );
      }
    }
  });
  it('P(forbrug > bevilling + usable opsparing) ≤ P(forbrug > bevilling) every year; without carry-over and savings the two are equal', () => {
    const r = runScenario(loadScenario('baseline'), { runs: 20_000 });
    for (const y of r.years) expect(y.pBeyondOpsparing).toBeLessThanOrEqual(y.pMerforbrug);
    expect(r.years[0].opsparing.mean).toBeGreaterThan(200.9 - 30);
    expect(r.years.at(-1)!.pBeyondOpsparing).toBeGreaterThan(0.1); // the savings run out by 2030 in many runs
    const none = runScenario(loadScenario('baseline', { budget: rules({ carryOver: false, start: 0 }) }), {
      runs: 20_000,
    });
    for (const [k, y] of none.years.entries()) {
      expect(y.pBeyondOpsparing).toBe(y.pMerforbrug);
      expect(y.opsparing.p95).toBe(0);
      // the opsparing changes no other number of the run
      expect(y.forbrug).toEqual(r.years[k].forbrug);
      expect(y.pMerforbrug).toBe(r.years[k].pMerforbrug);
    }
  });
  it('goal seek can target P(merforbrug>opsparing, year) and it agrees with a run at the answer', () => {
    expect(parseTarget('P(forbrug>bevilling+opsparing, 2029) <= 5%')).toMatchObject({
      variable: 'beyondOpsparing',
      year: 2029,
      value: 0.05,
      op: '<=',
    });
    const def = loadScenario('baseline');
    const g = goalSeek(def, {
      lever: 'bevilling',
      target: 'P(merforbrug>opsparing, 2029) <= 0.05',
      runs: 8192,
      tolerance: 0.01,
    });
    if (!g.solved) throw new Error('the bevilling lever meets the target');
    expect(g.p0).toBeGreaterThan(0.05);
    expect(g.p).toBeLessThanOrEqual(0.05);
    expect(g.change).toBeGreaterThan(0);
    const at = runScenario(def, { runs: 8192, levers: { bevillingAdd: g.change } }).years.find((y) => y.year === 2029)!;
    expect(at.pBeyondOpsparing).toBe(g.p);
  });
});

describe('the opsparing in the report', () => {
  it('states both probabilities for the headline year and goal-seeks P(forbrug > bevilling + usable opsparing) when it is above the target', () => {
    const out = join(tmp, 'rep');
    const r = viso('report', '--scenario', 'baseline', '--year', '2030', '--runs', '3000', '--no-png', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(
      /^Opsparingen ved udgangen af 2024 er 200,9 mio\. kr\. \(reglerne i models\/budget\.yaml\)\. I den ene prognose \(spredningen kalibreret med faktor \d,\d\) er .*P\(forbrug > bevilling 2030\) = \d+,\d %.*P\(forbrug > bevilling \+ brugbar opsparing 2030\) = \d+,\d %/m,
    );
    // the opening balance that would cover 2025–2030 in 95 % of the runs: more than the 200,9, as P(beyond) 2030 is above 5 %
    const need =
      /Opsparingen skal være mindst (\d+),(\d) mio\. kr\. ved udgangen af 2024, for at merforbruget til og med 2030 er dækket med 95 % sandsynlighed i den ene prognose \(samme regler\)\./.exec(
        r.out,
      );
    expect(need, r.out).not.toBeNull();
    expect(Number(`${need![1]}.${need![2]}`)).toBeGreaterThan(200.9);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(
      /For at bringe P\(forbrug &gt; bevilling \+ brugbar opsparing 2030\) i den ene prognose ned på 20 % kræves en reduktion af henvendelserne på \d+,\d % i alle fremskrevne år \(95 % MC-interval \d+,\d %–\d+,\d %, medregnet Monte Carlo-fejlen på k selv: standardfejl 0,\d{3} på k giver \d+,\d\d pct\.-point på reduktionen; 3\.000 kørsler\)\./,
    );
    // each scenario has its opsparing table
    expect(md).toContain(
      '**Opsparing: Basisforløb – ingen nye tiltag (driver-modellen uden kalibrering; overskriften er den kalibrerede ene prognose)**',
    );
    expect(md).toMatch(
      /^\| År \| P\(merforbrug\) \| P\(forbrug &gt; bevilling \+ opsparing\) \| Opsparing ultimo \(forv\.\) \| Opsparing P10 \| Opsparing P90 \|$/m,
    );
    expect(md).toMatch(/^\| 2025 \| \d+,\d % \| 0,0 % \| 20\d,\d \| 1\d\d,\d \| 2\d\d,\d \|$/m);
  });
});
