import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/load.js';
import { InputError } from '../../src/errors.js';
import { viso } from '../helpers/cli.js';
import { scenarioDir } from './helpers.js';

/** Strip the temp folder from a message, keeping `file.yaml:line:column: …`. */
const REL = /^\/.*?\/(?=[^/]+\.yaml:)/;

function errorOf(f: () => unknown): Error {
  try {
    f();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

/** A scenario extending the baseline with `body`; the error of loading it. */
const loadError = (body: string) =>
  errorOf(() => loadScenario(join(scenarioDir({ 's.yaml': `extends: baseline\n${body}` }), 's.yaml')));

describe('plausibility of hand-set inputs: file:line:column, the likely intended value', () => {
  it('a growth rate written in per cent (5 meant 5 %)', () => {
    const e = loadError('demand:\n  growth: { dist: normal, mean: 5, sd: 0.02 }\n');
    expect(e).toBeInstanceOf(InputError);
    expect(e.message.replace(REL, '')).toBe(
      's.yaml:3:11: expected a yearly growth rate from -0.5 to 0.5 (5% is 0.05); did you mean normal(mean 0.05, sd 0.0002) (a percentage written as a share)? (0.1%–99.9% range 4.938 to 5.062), found "normal(mean 5, sd 0.02)"',
    );
  });
  it('a growth rate of uniform(−5, 5) and |growth| > 0,5', () => {
    expect(loadError('demand:\n  growth: { dist: uniform, min: -5, max: 5 }\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:11: expected a yearly growth rate from -0\.5 to 0\.5 .*found "uniform\(min -5, max 5\)"/,
    );
    expect(loadError('demand:\n  growth: -1\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:11: expected a yearly growth rate from -0\.5 to 0\.5/,
    );
    expect(loadError('visitation:\n  drift: 0.8\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:10: expected a yearly growth rate/,
    );
  });
  it('a bevilling in kroner instead of mio. kr.', () => {
    expect(loadError('bevilling:\n  amounts: { 2026: 160000000 }\n').message.replace(REL, '')).toBe(
      's.yaml:3:20: expected an appropriation of 0 or more (in DKK m), not 1,000 times the data\'s scale; did you mean 160 (amounts are in mio. kr., the data\'s scale is 158)?, found "160000000"',
    );
  });
  it('a bevilling in mia. kr. and a cost per forløb in mio. kr.: 1.000 times below the data is refused too', () => {
    expect(loadError('bevilling:\n  amounts: { 2026: 0.1603 }\n').message.replace(REL, '')).toBe(
      's.yaml:3:20: expected an appropriation of 0 or more (in DKK m), not a thousandth of the data\'s scale; did you mean 160.3 (amounts are in mio. kr., the data\'s scale is 158)?, found "0.1603"',
    );
    expect(loadError('costs:\n  fixed: 10\n  unit: 0.0526\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:4:9: expected a cost per case .*not a thousandth of the data's scale; did you mean 52\.6 \(amounts are in 1\.000 kr\./,
    );
    // 10² below (a plausible if odd value) is not refused
    expect(() =>
      loadScenario(
        join(scenarioDir({ 's.yaml': 'extends: baseline\nbevilling:\n  amounts: { 2026: 1.603 }\n' }), 's.yaml'),
      ),
    ).not.toThrow();
  });
  it('a visitation rate outside 0–1, also from an absurd spread', () => {
    expect(loadError('visitation:\n  rate: { dist: normal, mean: -0.5, sd: 0.1 }\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:9: expected a visitation rate from 0 to 1 .*\(it cannot be negative; 0\.1% quantile -0\.809\d*\), found "normal\(mean -0\.5, sd 0\.1\)"/,
    );
    expect(loadError('visitation:\n  rate: 49.7\n').message).toMatch(
      /did you mean 0\.497 \(a percentage written as a share\)/,
    );
    expect(
      loadError('visitation:\n  rate: { dist: lognormal, median: 0.5, sdlog: 700 }\n').message.replace(REL, ''),
    ).toMatch(
      /^s\.yaml:3:9: expected a visitation rate from 0 to 1 .*: a distribution whose 0\.1%–99\.9% range is finite/,
    );
  });
  it('negative costs, a cost per forløb in kroner, negative or off-scale actuals, a share above 1', () => {
    expect(loadError('costs:\n  fixed: -10\n  unit: estimated\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:10: expected fixed costs of 0 or more \(in DKK m\) \(it cannot be negative/,
    );
    expect(loadError('costs:\n  fixed: 10\n  unit: 52607\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:4:9: expected a cost per case .*did you mean 52\.607 \(amounts are in 1\.000 kr\./,
    );
    expect(loadError('actual:\n  forbrug: 143500000\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:12: expected actual\.forbrug on the data's scale \(143\.5 mio\. kr\.\); did you mean 143\.5\?/,
    );
    expect(loadError('actual:\n  forloeb: -2543\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:12: expected a positive actual\.forloeb/,
    );
    expect(loadError('shares:\n  forloeb: { voksne: 54 }\n').message.replace(REL, '')).toMatch(
      /^s\.yaml:3:22: expected a share from 0 to 1 .*did you mean 0\.54/,
    );
  });
  it('measure overrides are checked like measure files: a real start date, phase-in shares within 0–1, a possible effect', () => {
    const m = (o: string) => loadError(`measures:\n  - id: tightening-like-2021\n    ${o}\n`).message.replace(REL, '');
    expect(m('start: 2026-02-30')).toBe(
      's.yaml:4:12: expected a valid calendar date YYYY-MM-DD for measures.0.start, found "2026-02-30"',
    );
    expect(m('phaseIn: [5, -3]')).toBe(
      's.yaml:4:15: expected phase-in shares from 0 to 1 (0.5 = half the effect) for measures.0.phaseIn, found "5"',
    );
    expect(m('effect: { dist: normal, mean: -0.9, sd: 0.2 }')).toMatch(
      /^s\.yaml:4:13: expected a relative effect above -1 \(-100%\)/,
    );
    expect(m('effect: -5')).toMatch(/^s\.yaml:4:13: expected a relative effect above -1/);
  });
  it('the CLI: one line, exit 2, nothing on stdout and no report folder written', () => {
    const dir = scenarioDir({
      'bad.yaml': 'extends: baseline\ndemand:\n  growth: { dist: normal, mean: 5, sd: 0.02 }\n',
    });
    const r = viso('scenario', 'run', join(dir, 'bad.yaml'), '--runs', '1000');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(
      /bad\.yaml:3:11: forventede en årlig vækstrate fra -0\.5 til 0\.5 \(5 % er 0\.05\); mente du normal\(mean 0\.05, sd 0\.0002\) \(en procentsats skrevet som andel\)\? \(0,1 %–99,9 %-interval 4\.938 til 5\.062\), fandt "normal\(mean 5, sd 0\.02\)"/,
    );
    expect(viso('scenario', 'run', join(dir, 'bad.yaml'), '--runs', '1000', '--lang', 'en').err).toMatch(
      /bad\.yaml:3:11: expected a yearly growth rate .*did you mean normal\(mean 0\.05, sd 0\.0002\)/,
    );
    const out = join(dir, 'report-out');
    const rep = viso('report', '--scenario', join(dir, 'bad.yaml'), '--out', out, '--runs', '2000', '--no-png');
    expect(rep.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});
