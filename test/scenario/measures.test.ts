import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario, MEASURE_REF_KEYS } from '../../src/scenario/load.js';
import { runScenario, prepareScenario } from '../../src/scenario/scenario.js';
import { MEASURE_KEYS } from '../../src/measures/load.js';
import { scenarioDir } from './helpers.js';
import { InputError, userMessage } from '../../src/errors.js';

const measureYaml = (id: string, area: string, actsOn = 'forloeb') => `id: ${id}
name: Halvering (${area})
start: 2025-01-01
acts_on: ${actsOn}
areas: [${area}]
effect: { dist: fixed, value: -0.5 }
phase_in: [1]
`;
const inline = (area: string, actsOn = 'forloeb') => `  - id: cut-${area}
    name: Halvering (${area})
    start: 2025-01-01
    acts_on: ${actsOn}
    areas: [${area}]
    effect: { dist: fixed, value: -0.5 }
    phase_in: [1]
`;

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

describe('measures in a scenario', () => {
  const runs = 20_000;
  const base = runScenario(loadScenario('baseline'), { runs });
  const forloeb2026 = (r: ReturnType<typeof runScenario>) => r.years.find((y) => y.year === 2026)!.forloeb.p50;

  it("a −50 % measure on voksne acts on voksne's share only: total forløb 2026 fall by about a quarter (voksne ≈ 54 % of forløb), not by half", () => {
    const dir = scenarioDir({
      'v.yaml': `extends: baseline\nmeasures:\n${inline('voksne')}`,
      't.yaml': `extends: baseline\nmeasures:\n${inline('i_alt').replace('id: cut-i_alt', 'id: cut-total')}`,
    });
    const voksne = runScenario(loadScenario(join(dir, 'v.yaml')), { runs });
    const total = runScenario(loadScenario(join(dir, 't.yaml')), { runs });
    const rv = forloeb2026(voksne) / forloeb2026(base);
    expect(rv).toBeGreaterThan(0.7);
    expect(rv).toBeLessThan(0.76); // 1 − 0,5 × 0,54 = 0,73, with the share's uncertainty
    expect(forloeb2026(total) / forloeb2026(base)).toBeCloseTo(0.5, 2);
    const share = voksne.inputs.find((x) => x.input === 'shares.forloeb.voksne');
    expect(share?.source.kind).toBe('estimate');
    expect(share?.source.text.en).toMatch(/viso\.raadgivning\.forloeb\.voksne \/ total 2016–2020/);
  });
  it("a measure on henvendelser in an area uses that area's share of henvendelser", () => {
    const dir = scenarioDir({ 'h.yaml': `extends: baseline\nmeasures:\n${inline('voksne', 'henvendelser')}` });
    const r = runScenario(loadScenario(join(dir, 'h.yaml')), { runs });
    expect(r.years[1].henvendelser.p50 / base.years[1].henvendelser.p50).toBeCloseTo(1 - 0.5 * 0.5, 1);
    expect(r.inputs.some((x) => x.input === 'shares.henvendelser.voksne')).toBe(true);
  });
  it('a measure file is found by a path relative to the scenario file, or by its id next to it', () => {
    const dir = scenarioDir({
      'cut.yaml': measureYaml('cut-voksne', 'voksne'),
      'by-file.yaml': 'extends: baseline\nmeasures:\n  - file: cut.yaml\n',
      'by-id.yaml': 'extends: baseline\nmeasures:\n  - id: cut\n',
    });
    const a = loadScenario(join(dir, 'by-file.yaml'));
    expect(a.measures.map((m) => [m.id, m.ref])).toEqual([['cut-voksne', 'file']]);
    const b = loadScenario(join(dir, 'by-id.yaml'));
    expect(b.measures.map((m) => [m.id, m.ref])).toEqual([['cut-voksne', 'id']]);
    expect(runScenario(a, { runs: 4000 }).years[1].forloeb.p50).toBe(
      runScenario(b, { runs: 4000 }).years[1].forloeb.p50,
    );
  });
  it('an inline measure is validated like a measure file; unknown keys list the valid ones', () => {
    const dir = scenarioDir({
      'ok.yaml': `extends: baseline\nmeasures:\n${inline('voksne')}`,
      'typo.yaml': `extends: baseline\nmeasures:\n${inline('voksne').replace('acts_on', 'acts_on').replace('phase_in', 'phasein')}`,
      'ref.yaml': 'extends: baseline\nmeasures:\n  - id: tightening-like-2021\n    strat: 2026-01-01\n',
      'area.yaml': `extends: baseline\nmeasures:\n${inline('voksen')}`,
      'missing.yaml': 'extends: baseline\nmeasures:\n  - file: nowhere.yaml\n',
    });
    expect(loadScenario(join(dir, 'ok.yaml')).measures[0].ref).toBe('inline');
    expect(errorOf(() => loadScenario(join(dir, 'typo.yaml'))).message.replace(REL, '')).toBe(
      `typo.yaml:9:14: expected an inline measure with the keys of a measure file (${MEASURE_KEYS.join(', ')}), found "unknown key phasein"`,
    );
    expect(errorOf(() => loadScenario(join(dir, 'ref.yaml'))).message.replace(REL, '')).toBe(
      `ref.yaml:4:12: expected a measure reference (${MEASURE_REF_KEYS.join(', ')}) or an inline measure (${MEASURE_KEYS.join(', ')}), found "unknown key strat"`,
    );
    expect(errorOf(() => loadScenario(join(dir, 'area.yaml'))).message.replace(REL, '')).toMatch(
      /^area\.yaml:7:13: expected an area \(voksne, boern_unge, specialundervisning, andet, i_alt\) for areas\.0, found "voksen"/,
    );
    expect(errorOf(() => loadScenario(join(dir, 'missing.yaml'))).message.replace(REL, '')).toMatch(
      /^missing\.yaml:3:11: expected a measure file \(path relative to .*missing\.yaml\), found "nowhere\.yaml"/,
    );
  });
  it("a measure's effect override written as a whole per cent is refused with the share after the key it concerns", () => {
    const dir = scenarioDir({
      'pct.yaml': 'extends: baseline\nmeasures:\n  - id: tightening-2021-09\n    effect: -10\n',
    });
    const e = errorOf(() => loadScenario(join(dir, 'pct.yaml'))) as InputError;
    expect(userMessage(e, 'en').replace(REL, '')).toBe(
      'pct.yaml:4:13: expected a relative effect above -1 (-100%) with practically all probability (0.0001% quantile is -10) for measures.0.effect; did you mean -0.1 (a percentage written as a share)?, found "-10"',
    );
    expect(userMessage(e, 'da').replace(REL, '')).toBe(
      'pct.yaml:4:13: forventede en relativ effekt over -1 (-100 %) med praktisk talt al sandsynlighed (0,0001 %-fraktilen er -10) for measures.0.effect; mente du -0.1 (en procentsats skrevet som andel)?, fandt "-10"',
    );
  });
  it('a measure that started before the base year acts only with its phase-in still to come', () => {
    const dir = scenarioDir({ 'old.yaml': 'extends: baseline\nmeasures:\n  - id: tightening-2021-09\n' });
    const m = prepareScenario(loadScenario(join(dir, 'old.yaml')));
    expect(Array.from(m.measures[0].phase)).toEqual([0, 0, 0, 0, 0, 0]); // fully phased in by 2024: nothing new
  });
});
