import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { InputError, UsageError, userMessage } from '../../src/errors.js';
import { defaultOutcomes, findMeasure, loadMeasure, loadMeasures } from '../../src/measures/load.js';

const ds = loadBundled();
const dir = mkdtempSync(join(tmpdir(), 'measures-'));
let n = 0;
function file(text: string): string {
  const p = join(dir, `m${n++}.yaml`);
  writeFileSync(p, text);
  return p;
}
const good = `id: test-measure
name: Test
start: 2021-09-20
acts_on: visitation
areas: [i_alt]
effect: { dist: triangular, min: -0.1, mode: -0.04, max: 0 }
source: nyhed-2021-09-20#nye-tiltag
`;

describe('loadMeasure', () => {
  it('loads the bundled measures with their phase-in', () => {
    const ms = loadMeasures(undefined, { dataset: ds, resolveEffects: false });
    expect(ms.map((m) => m.id)).toEqual([
      'measures-2018',
      'initiatives-2021-05',
      'tightening-2021-09',
      'tightening-like-2021',
    ]);
    const t = ms.find((m) => m.id === 'tightening-2021-09')!;
    expect(t.actsOn).toBe('visitation');
    expect(t.phaseIn).toEqual([0.28, 1]); // 103 of 365 days
    expect(t.effect).toEqual({ dist: 'triangular', min: -0.1, mode: -0.04, max: 0 });
    expect(ms.find((m) => m.id === 'initiatives-2021-05')!.phaseIn).toEqual([0.67, 1]);
    expect(ms.find((m) => m.id === 'measures-2018')!.evaluation.until).toBe(2020);
    expect(ms.find((m) => m.id === 'tightening-like-2021')!.effectFrom).toBe('tightening-2021-09');
  });

  it('resolves from_evaluation into an empirical effect distribution', () => {
    const m = findMeasure('tightening-like-2021', { dataset: ds });
    expect(m.effect.dist).toBe('empirical');
    const v = (m.effect as { values: number[] }).values;
    expect(v).toHaveLength(99);
    expect([...v].sort((a, b) => a - b)).toEqual(v);
  });

  it('reads note (English) and note_da (Danish); every bundled measure with a note has both', () => {
    const m = loadMeasure(file(good + 'note: An upper bound.\nnote_da: En øvre grænse.\n'), { dataset: ds });
    expect(m.note).toBe('An upper bound.');
    expect(m.noteDa).toBe('En øvre grænse.');
    expect(loadMeasure(file(good + 'note: Only English.\n'), { dataset: ds }).noteDa).toBeUndefined();
    for (const b of loadMeasures(undefined, { dataset: ds, resolveEffects: false }))
      if (b.note) expect(b.noteDa, b.id).toMatch(/[æøå]/);
    const like = findMeasure('tightening-like-2021', { dataset: ds });
    expect(like.note).toMatch(/upper bound/);
    expect(like.noteDa).toMatch(/øvre grænse/);
  });

  it('reads a plain number as a fixed effect (-0.1 for -10 %), as a scenario override does', () => {
    const m = loadMeasure(file(good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '-0.1')), {
      dataset: ds,
    });
    expect(m.effect).toEqual({ dist: 'fixed', value: -0.1 });
    expect(() =>
      loadMeasure(file(good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '-10')), { dataset: ds }),
    ).toThrow(/:6:9: expected a relative effect above -1/);
  });
  it('an effect written as a whole per cent (-10, 50) is refused with the share it likely stands for, as a growth rate is', () => {
    const eff = (e: string) => () =>
      loadMeasure(file(good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', e)), { dataset: ds });
    expect(eff('-10')).toThrow(
      /:6:9: expected a relative effect above -1 \(-100%\) .*\(0\.0001% quantile is -10\) for effect; did you mean -0\.1 \(a percentage written as a share\)\?, found "-10"$/,
    );
    expect(eff('50')).toThrow(
      /:6:9: expected a relative effect of at most \+10 .*\) for effect; did you mean 0\.5 \(a percentage written as a share\)\?, found "50"$/,
    );
    expect(eff('{ dist: triangular, min: -10, mode: -4, max: 0 }')).toThrow(
      /did you mean triangular\(min -0\.1, mode -0\.04, max 0\) \(a percentage written as a share\)\?/,
    );
    // no guess where a hundredth is no likelier (a median within ±100 %) or would still be refused (-200 %)
    expect(eff('{ dist: uniform, min: -1.5, max: 0 }')).toThrow(/quantile is -1\.5\) for effect/);
    expect(eff('-200')).toThrow(/quantile is -200\) for effect/);
  });
  it('the share guessed for a whole per cent comes after the key it concerns, in Danish and English', () => {
    let e: unknown;
    try {
      loadMeasure(file(good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '-10')), { dataset: ds });
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(InputError);
    const shown = (lang: 'da' | 'en') => userMessage(e as InputError, lang).replace(/^.*\.yaml:/, 'm.yaml:');
    expect(shown('da')).toBe(
      'm.yaml:6:9: forventede en relativ effekt over -1 (-100 %) med praktisk talt al sandsynlighed (0,0001 %-fraktilen er -10) for effect; mente du -0.1 (en procentsats skrevet som andel)?, fandt "-10"',
    );
    expect(shown('en')).toBe(
      'm.yaml:6:9: expected a relative effect above -1 (-100%) with practically all probability (0.0001% quantile is -10) for effect; did you mean -0.1 (a percentage written as a share)?, found "-10"',
    );
  });
  it('reads phase_in shares as numbers or per-cent texts (50 %), as a scenario phaseIn does; each from 0 to 1', () => {
    expect(loadMeasure(file(good + 'phase_in: [50 %, 100 %]\n'), { dataset: ds }).phaseIn).toEqual([0.5, 1]);
    expect(loadMeasure(file(good + 'phase_in: [0.25, "75%", 1]\n'), { dataset: ds }).phaseIn).toEqual([0.25, 0.75, 1]);
    expect(() => loadMeasure(file(good + 'phase_in: [0.5, 150 %]\n'), { dataset: ds })).toThrow(
      /:8:17: expected phase-in shares from 0 to 1 \(0\.5 = half the effect\) for phase_in\.1, found "150 %"/,
    );
    expect(() => loadMeasure(file(good + 'phase_in: [half, 1]\n'), { dataset: ds })).toThrow(
      /:8:12: expected a valid expression \(unknown variable half\), found "half"/,
    );
  });
  it('defaults outcomes from what the measure acts on', () => {
    expect(loadMeasure(file(good), { dataset: ds }).evaluation.outcomes).toEqual(
      defaultOutcomes('visitation', ['i_alt']),
    );
    expect(defaultOutcomes('henvendelser', ['voksne'])[0]).toBe('viso.raadgivning.henvendelser.voksne');
  });

  const bad: [string, string, RegExp][] = [
    [
      'unknown area',
      good.replace('areas: [i_alt]', 'areas: [voksen]'),
      /:5:9: expected an area \(voksne, boern_unge, specialundervisning, andet, i_alt\) for areas\.0, found "voksen"/,
    ],
    [
      'unknown series',
      good + 'evaluation:\n  outcomes: [viso.raadgivning.forbrugg]\n',
      /:9:14: expected a known series id .* for evaluation\.outcomes\.0, found "viso\.raadgivning\.forbrugg"/,
    ],
    [
      'date before the data',
      good.replace('2021-09-20', '1999-01-01'),
      /:3:8: expected a start date within the data \(2012-01-01 … 2024-12-31, or a future year up to 2049\) for start, found "1999-01-01"/,
    ],
    [
      'impossible date',
      good.replace('2021-09-20', '2021-02-30'),
      /:3:8: expected a valid calendar date YYYY-MM-DD for start/,
    ],
    [
      'impossible distribution',
      good.replace('min: -0.1, mode: -0.04, max: 0', 'min: 0, mode: -0.04, max: -0.1'),
      /:6:9: expected a possible effect distribution: triangular needs min <= mode <= max/,
    ],
    [
      'negative sd',
      good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '{ dist: normal, mean: -0.05, sd: -0.01 }'),
      /:6:9: expected a possible effect distribution: normal needs sd >= 0/,
    ],
    [
      'effect below -100 %',
      good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '{ dist: uniform, min: -1.5, max: 0 }'),
      /:6:9: expected a relative effect above -1/,
    ],
    ['unknown distribution', good.replace('dist: triangular', 'dist: beta'), /:6:\d+: expected .* for effect/],
    ['wrong type', good.replace('mode: -0.04', 'mode: lots'), /:6:\d+: expected .*for effect/],
    ['YAML syntax', good.replace('areas: [i_alt]', 'areas: [i_alt'), /:\d+:\d+: expected valid YAML/],
    ['unknown key', good + 'colour: red\n', /:8:1: expected no unknown keys \(colour\), found "colour: red"/],
    [
      'a misspelt key',
      good.replace('effect:', 'efect:'),
      /:6:1: expected no unknown keys \(efect\), found "efect: \{ dist: triangular/,
    ],
    [
      'an effect written as a per cent or with a decimal comma',
      good.replace('{ dist: triangular, min: -0.1, mode: -0.04, max: 0 }', '-10 %'),
      /:6:9: expected an effect: a number \(-0\.1 is -10%\), a distribution \{ dist: fixed\|normal\|lognormal\|triangular\|uniform\|empirical, \.\.\. \} or \{ from_evaluation: <measure id> \} for effect, found "-10 %"/,
    ],
    ['a missing effect', good.replace(/effect: .*\n/, ''), /:1:1: expected an effect: a number .* for effect/],
    ['empty note_da', good + "note_da: ''\n", /:8:\d+: .*note_da/],
    [
      'unknown source doc',
      good.replace('nyhed-2021-09-20#nye-tiltag', 'avis#side1'),
      /:7:9: expected a source document listed in data\/sources\.csv/,
    ],
    [
      'unit cost by area',
      good.replace('acts_on: visitation', 'acts_on: unit_cost').replace('[i_alt]', '[voksne]'),
      /:5:9: expected area i_alt/,
    ],
  ];
  for (const [what, text, re] of bad) {
    it(`rejects ${what} with file, line and column`, () => {
      const p = file(text);
      let err: unknown;
      try {
        loadMeasure(p, { dataset: ds });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      const msg = (err as Error).message;
      expect(msg.startsWith(p + ':')).toBe(true);
      expect(msg).not.toContain('\n');
      expect(msg).toMatch(re);
    });
  }

  it('rejects an unknown measure id with the list of ids', () => {
    expect(() => findMeasure('tightening-2099', { dataset: ds })).toThrow(
      /expected a measure id \(.*tightening-2021-09.*\) or a \.yaml file, found "tightening-2099"/,
    );
  });
});

describe('findMeasure: a reference that is no text', () => {
  it('undefined, an empty text or the list loadMeasures returns is a UsageError listing the bundled ids (the list crashed the message itself: "no message undefined")', () => {
    const ids = 'initiatives-2021-05, measures-2018, tightening-2021-09, tightening-like-2021';
    expect(() => findMeasure(undefined as never)).toThrow(UsageError);
    expect(() => findMeasure(undefined as never)).toThrow(
      `findMeasure(idOrFile): idOrFile must be a measure id (${ids}) or a .yaml file, got undefined`,
    );
    expect(() => findMeasure('')).toThrow(/, got ""$/);
    expect(() => findMeasure(loadMeasures(undefined, { dataset: ds }) as never)).toThrow(UsageError);
    // an unknown id is still the InputError naming the folder
    expect(() => findMeasure('nope')).toThrow(InputError);
  });
});
