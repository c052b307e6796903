/**
 * The user errors of measure files, cost assumption files and scenario expressions and
 * distributions carry codes: Danish by default, English with --lang en (the English unchanged).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';
import { checkDistMsg } from '../../src/stats/distributions.js';
import { checkEffectMsg, checkPhaseIn, checkPhaseInMsg, checkStartDate } from '../../src/measures/load.js';
import { evalExpression } from '../../src/io/expr.js';
import { InputError, userMessage } from '../../src/errors.js';
import { sayMsg } from '../../src/text/messages.js';

const dir = mkdtempSync(join(tmpdir(), 'viso-err-ms-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const MEASURE =
  'id: x\nname: X\nstart: 2021-09-20\nacts_on: visitation\nareas: [i_alt]\neffect: {dist: fixed, value: -0.1}\n';

/** The Danish and the English one-line message of a refused command. */
function both(...args: string[]): { da: string; en: string } {
  const da = viso(...args);
  const en = viso(...args, '--lang', 'en');
  expect(da.code).toBe(2);
  expect(en.code).toBe(2);
  return { da: da.err.trim(), en: en.err.trim() };
}

describe('the reasons of the checks, as codes', () => {
  it('words why a distribution is impossible, with a Danish decimal comma', () => {
    const m = checkDistMsg({ dist: 'uniform', min: 2.5, max: 1 })!;
    expect(sayMsg(m, 'da')).toBe('uniform kræver min < max (fik min 2,5, max 1)');
    expect(sayMsg(m, 'en')).toBe('uniform needs min < max (got min 2.5, max 1)');
    expect(sayMsg(checkDistMsg({ dist: 'nope' } as never)!, 'en')).toBe(
      'unknown distribution "nope" (expected fixed, normal, lognormal, triangular, uniform or empirical)',
    );
  });
  it('words an effect, a start date and phase-in shares', () => {
    const low = checkEffectMsg({ dist: 'normal', mean: -0.9, sd: 0.2 })!;
    expect(sayMsg(low, 'da')).toBe(
      'en relativ effekt over -1 (-100 %) med praktisk talt al sandsynlighed (0,0001 %-fraktilen er -1,8507)',
    );
    expect(sayMsg(low, 'en')).toBe(
      'a relative effect above -1 (-100%) with practically all probability (0.0001% quantile is -1.8507)',
    );
    expect(checkStartDate('2026-02-30')).toBe('a valid calendar date YYYY-MM-DD');
    expect(checkPhaseIn([0.5, 1.5])).toBe('phase-in shares from 0 to 1 (0.5 = half the effect), found 1.5');
    expect(sayMsg(checkPhaseInMsg([0.5, 1.5])!, 'da')).toBe(
      'indfasningsandele fra 0 til 1 (0,5 = halvdelen af effekten), fandt 1,5',
    );
  });
  it('words why an expression is refused', () => {
    let e: unknown;
    try {
      evalExpression('a + b', { a: 1 }, { file: 's.yaml', line: 3, column: 9 });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toBe(
      's.yaml:3:9: expected a valid expression (unknown variable b; known: a), found "a + b"',
    );
    expect(userMessage(e as InputError, 'da')).toBe(
      's.yaml:3:9: forventede et gyldigt udtryk (ukendt variabel b; kendte: a), fandt "a + b"',
    );
  });
});

describe('viso measure evaluate FILE', () => {
  it('a measure file with an unknown area, a bad date, an impossible start', () => {
    const area = both('measure', 'evaluate', write('area.yaml', MEASURE.replace('[i_alt]', '[nord]')));
    expect(area.da).toMatch(
      /area\.yaml:5:9: forventede et område \(voksne, boern_unge, specialundervisning, andet, i_alt\) for areas\.0, fandt "nord"$/,
    );
    expect(area.en).toMatch(
      /area\.yaml:5:9: expected an area \(voksne, boern_unge, specialundervisning, andet, i_alt\) for areas\.0, found "nord"$/,
    );
    const date = both('measure', 'evaluate', write('date.yaml', MEASURE.replace('2021-09-20', '2021-9-20')));
    expect(date.da).toMatch(/date\.yaml:3:8: forventede en dato ÅÅÅÅ-MM-DD for start, fandt "2021-9-20"$/);
    expect(date.en).toMatch(/date\.yaml:3:8: expected a date YYYY-MM-DD for start, found "2021-9-20"$/);
    const future = both('measure', 'evaluate', write('future.yaml', MEASURE.replace('2021-09-20', '2099-01-01')));
    expect(future.da).toMatch(
      /forventede en startdato inden for data \(2012-01-01 … 2024-12-31, eller et fremtidigt år/,
    );
    expect(future.en).toMatch(/expected a start date within the data \(2012-01-01 … 2024-12-31, or a future year/);
    const self = both(
      'measure',
      'evaluate',
      write('self.yaml', MEASURE.replace(/effect: .*/, 'effect: {from_evaluation: x}')),
    );
    expect(self.da).toMatch(/forventede et tiltag, der ikke henviser tilbage til sig selv for effect\.from_evaluation/);
    expect(self.en).toMatch(/expected a measure that does not refer back to itself for effect\.from_evaluation/);
  });
});

describe('viso cost --assumptions FILE', () => {
  it('a year key that is not a year, a break year before the data', () => {
    const cost = readFileSync('models/cost.yaml', 'utf8');
    expect(cost).toMatch(/ {2}overrides: \{\}\n/);
    const key = both(
      'cost',
      '--assumptions',
      write('key.yaml', cost.replace('  overrides: {}', '  overrides: { x25: 0.01 }')),
    );
    expect(key.da).toMatch(/forventede en nøgle, der er et firecifret årstal som nøgle for pl_index\.overrides\.x25/);
    expect(key.en).toMatch(/expected a key that is a four-digit year as key for pl_index\.overrides\.x25/);
    const brk = write('break.yaml', cost.replace(/break_year: \d+/, 'break_year: 2010'));
    const b = both('cost', '--assumptions', brk);
    expect(b.da).toMatch(
      /forventede et brudår efter 2014 \(det første år med forløb\) for cost_model\.break_year, fandt "2010"$/,
    );
    expect(b.en).toMatch(
      /expected a break year after 2014 \(the first year with cases\) for cost_model\.break_year, found "2010"$/,
    );
  });
});

describe('viso scenario run FILE', () => {
  it('a measure start, phase-in and effect, a distribution and an id the scenario refuses', () => {
    const start = both(
      'scenario',
      'run',
      write('s1.yaml', 'extends: baseline\nmeasures:\n  - id: tightening-2021-09\n    start: 2021-02-30\n'),
    );
    expect(start.da).toMatch(
      /s1\.yaml:4:12: forventede en gyldig dato ÅÅÅÅ-MM-DD for measures\.0\.start, fandt "2021-02-30"$/,
    );
    expect(start.en).toMatch(
      /s1\.yaml:4:12: expected a valid calendar date YYYY-MM-DD for measures\.0\.start, found "2021-02-30"$/,
    );
    const phase = both(
      'scenario',
      'run',
      write('s2.yaml', 'extends: baseline\nmeasures:\n  - id: tightening-2021-09\n    phaseIn: [0.5, 2]\n'),
    );
    expect(phase.da).toMatch(
      /s2\.yaml:4:20: forventede indfasningsandele fra 0 til 1 \(0,5 = halvdelen af effekten\) for measures\.0\.phaseIn, fandt "2"$/,
    );
    expect(phase.en).toMatch(
      /s2\.yaml:4:20: expected phase-in shares from 0 to 1 \(0\.5 = half the effect\) for measures\.0\.phaseIn, found "2"$/,
    );
    const effect = both(
      'scenario',
      'run',
      write(
        's3.yaml',
        'extends: baseline\nmeasures:\n  - id: tightening-2021-09\n    effect: {dist: normal, mean: -0.9, sd: 0.2}\n',
      ),
    );
    expect(effect.da).toMatch(
      /forventede en relativ effekt over -1 .*\(0,0001 %-fraktilen er -1,8507\) for measures\.0\.effect, fandt "\{dist: normal, mean: -0\.9, sd: 0\.2\}"$/,
    );
    expect(effect.en).toMatch(
      /expected a relative effect above -1 .*\(0\.0001% quantile is -1\.8507\) for measures\.0\.effect, found "\{dist: normal, mean: -0\.9, sd: 0\.2\}"$/,
    );
    const dist = both(
      'scenario',
      'run',
      write('s5.yaml', 'extends: baseline\ndemand:\n  growth: {dist: uniform, min: 0.5, max: 0.1}\n'),
    );
    expect(dist.da).toMatch(
      /s5\.yaml:3:11: forventede en gyldig fordeling, fandt "uniform kræver min < max \(fik min 0,5, max 0,1\)"$/,
    );
    expect(dist.en).toMatch(
      /s5\.yaml:3:11: expected a valid distribution, found "uniform needs min < max \(got min 0\.5, max 0\.1\)"$/,
    );
    const id = both('scenario', 'run', write('s4.yaml', 'extends: baseline\nid: Bad_X\n'));
    expect(id.da).toMatch(
      /s4\.yaml:2:5: forventede id: et id af små bogstaver \(bogstaver, cifre, - og _\), fandt "Bad_X"$/,
    );
    expect(id.en).toMatch(/s4\.yaml:2:5: expected id: a lower-case id \(letters, digits, - and _\), found "Bad_X"$/);
    const one = both('scenario', 'run', write('one.yaml', '42\n'));
    expect(one.da).toMatch(
      /one\.yaml:1:1: forventede en YAML-afbildning \(linjer med nøgle: værdi\), fandt "et enkelt tal"$/,
    );
    expect(one.en).toMatch(/one\.yaml:1:1: expected a YAML mapping \(key: value lines\), found "a single number"$/);
    const share = both(
      'scenario',
      'run',
      write(
        'share.yaml',
        'extends: baseline\nshares:\n  henvendelser:\n    voksne: {dist: uniform, min: 0.3, max: 0.4}\nmeasures:\n  - id: x\n    name: X\n    start: 2025-01-01\n    acts_on: henvendelser\n    areas: [voksne, andet]\n    effect: {dist: fixed, value: -0.1}\n',
      ),
      '--runs',
      '100',
    );
    expect(share.da).toMatch(
      /share\.yaml:4:13: forventede en andel som normal- eller fast fordeling \(andelene af henvendelser for voksne, andet lægges sammen for tiltaget\), fandt "uniform"$/,
    );
    expect(share.en).toMatch(
      /share\.yaml:4:13: expected a share as a normal or fixed distribution .*, found "uniform"$/,
    );
    const expr = both('scenario', 'run', write('s6.yaml', 'extends: baseline\nvisitation:\n  rate: "sin(1)"\n'));
    expect(expr.da).toMatch(/forventede et gyldigt udtryk \(funktionen sin er ikke tilladt; tilladte: /);
    expect(expr.en).toMatch(/expected a valid expression \(function sin is not allowed; allowed: /);
  });
});
