import { describe, expect, it } from 'vitest';
import { meanDuration } from '../../src/cost/timing.js';
import { durationForYear, loadTimingAssumptions, timingAssumptionsFromYaml } from '../../src/cost/timingAssumptions.js';
import { parseYaml } from '../../src/io/yaml.js';

const parse = (text: string) => () => timingAssumptionsFromYaml(parseYaml(text, 'timing.yaml'));
const OK =
  'duration:\n  months: { 6: 1, 7: 1, 8: 1 }\nstart_profile:\n  months: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\n';

describe('models/timing.yaml', () => {
  it('has the documented defaults: mean 7 months (6–8, annual report 2020), one month longer in 2020, flat starts', () => {
    const t = loadTimingAssumptions();
    expect(meanDuration(t.duration.dist)).toBeCloseTo(7.01, 12);
    expect(t.duration.dist.slice(5, 8).reduce((s, x) => s + x, 0)).toBeCloseTo(0.8, 12);
    expect(t.duration.source).toBe('aarsrapport2020#afsnit1.1');
    expect(t.byYear[2020]).toMatchObject({ shift: 1, source: 'aarsrapport2020#afsnit6.2' });
    expect(meanDuration(durationForYear(t, 2020))).toBeCloseTo(8.01, 12);
    expect(durationForYear(t, 2024)).toBe(t.duration.dist);
    expect(t.startProfile.flat).toBe(true);
    expect(t.duration.at.line).toBeGreaterThan(1);
    expect(t.duration.at.file).toMatch(/models\/timing\.yaml$/);
  });
  it('reads a minimal file', () => {
    const t = parse(OK)();
    expect(meanDuration(t.duration.dist)).toBe(7);
    expect(t.byYear).toEqual({});
    expect(t.duration.at).toEqual({ file: 'timing.yaml', line: 2 });
  });
  it('bad values are errors with file, line and column', () => {
    expect(parse(OK.replace('6: 1', '0: 1'))).toThrow(
      'timing.yaml:2:13: expected a duration of 1–60 months for duration.months, found "0"',
    );
    expect(parse(OK.replace('6: 1', '6: -1'))).toThrow(/^timing\.yaml:2:\d+: expected /);
    expect(parse(OK.replace('{ 6: 1, 7: 1, 8: 1 }', '{ 6: 0 }'))).toThrow(
      'timing.yaml:2:11: expected at least one duration with a positive share for duration.months',
    );
    expect(parse(OK.replace('[1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]', '[1, 1]'))).toThrow(
      /^timing\.yaml:4:\d+: expected .*start_profile\.months/,
    );
    expect(parse(OK + 'extra: 1\n')).toThrow(/^timing\.yaml:5:1: expected no unknown keys \(extra\), found "extra: 1"/);
    expect(parse(OK.replace('months: { 6', 'by_year: { 2020: { shift: 0.5 } }\n  months: { 6'))).toThrow(
      /^timing\.yaml:2:\d+: expected .*duration\.by_year\.2020\.shift/,
    );
  });
});
