/**
 * The words of the measures engine's results (src/report/measuresText.ts, src/text/measures.ts): the
 * engine returns codes; these tests pin what they say in Danish and English.
 */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { evaluateMeasure, type EffectYear } from '../../src/measures/evaluate.js';
import { findMeasure, loadMeasures } from '../../src/measures/load.js';
import { outcomeData } from '../../src/measures/outcome.js';
import { segmentedRegression } from '../../src/measures/segmented.js';
import {
  describeEffect,
  effectRows,
  evaluationJson,
  formatEvaluation,
  formatMeasureList,
  measureNote,
  outcomeDecimals,
  outcomeLabel,
  verdictText,
} from '../../src/report/measuresText.js';
import { sayMsg } from '../../src/text/messages.js';

const ds = loadBundled();
const opts = { dataset: ds, resolveEffects: false };
const words = (ns: Parameters<typeof sayMsg>[0][], lang: 'da' | 'en') => ns.map((n) => sayMsg(n, lang)).join(' ');

describe('describeEffect and formatMeasureList', () => {
  it('summarise an effect by its mean and 5–95 % range, in the language', () => {
    expect(describeEffect({ dist: 'triangular', min: -0.1, mode: -0.04, max: 0 })).toBe(
      '-4,7 % (5–95 %: -8,3 % – -1,4 %)',
    );
    expect(describeEffect({ dist: 'triangular', min: -0.1, mode: -0.04, max: 0 }, 'en')).toBe(
      '-4.7% (5–95%: -8.3% – -1.4%)',
    );
  });
  it('list the measures with their names in the language', () => {
    const defs = loadMeasures(undefined, opts);
    const da = formatMeasureList(defs);
    expect(da).toMatch(/^Id +Start +Virker på/);
    expect(da).toContain('  tightening-2021-09: ');
    expect(formatMeasureList(defs, 'en')).toMatch(/^Id +Start +Acts on/);
  });
});

describe('measureNote', () => {
  it('is note_da in Danish and note in English; a measure with one of them shows it in both', () => {
    expect(measureNote({ note: 'An upper bound.', noteDa: 'En øvre grænse.' }, 'da')).toBe('En øvre grænse.');
    expect(measureNote({ note: 'An upper bound.', noteDa: 'En øvre grænse.' }, 'en')).toBe('An upper bound.');
    expect(measureNote({ note: 'Only English.' }, 'da')).toBe('Only English.');
    expect(measureNote({ noteDa: 'Kun dansk.' }, 'en')).toBe('Kun dansk.');
    expect(measureNote({}, 'da')).toBeUndefined();
  });
});

describe('outcome names', () => {
  it('name the outcome and its area in the language (unknown areas by their slug)', () => {
    expect(sayMsg(outcomeData(ds, 'visitation.i_alt').label, 'da')).toBe(
      'Visitationsrate (forløb pr. henvendelse), i alt',
    );
    expect(sayMsg(outcomeData(ds, 'viso.raadgivning.forloeb.voksne').label, 'en')).toBe('Advisory cases, adults');
    expect(sayMsg(outcomeData(ds, 'viso.raadgivning.henvendelser.boern_unge').label, 'da')).toBe(
      'Henvendelser (ekskl. COVID-19), børn og unge',
    );
    expect(sayMsg(outcomeData(ds, 'unit_cost').label, 'en')).toBe('Unit cost (DKK m per case)');
    const f2020 = outcomeData(ds, 'viso.raadgivning.forbrug').points.find((p) => p.year === 2020)!;
    expect(sayMsg(f2020.adjustment!, 'da')).toBe('offentliggjort 143,9 minus 1,2 mio. kr. COVID-19-merudgifter');
    expect(sayMsg(f2020.adjustment!, 'en')).toBe('published DKK 143.9m minus DKK 1.2m COVID-19 extra costs');
  });
});

describe('a measure evaluation in words', () => {
  const ev = evaluateMeasure(findMeasure('tightening-2021-09', opts), ds, { runs: 2000, seed: 7 });
  const forbrug = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forbrug')!;
  const forloeb = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!;

  it('words the notes and reasons (moved from the engine tests)', () => {
    expect(words(forbrug.notes, 'en')).toMatch(/evaluated year\(s\) only/);
    expect(words(ev.notes, 'en')).toMatch(/missing for 2021–2022/);
    expect(sayMsg(forloeb.excluded[0].reason, 'en')).toMatch(/registration break/);
    expect(words(forbrug.notes, 'da')).toMatch(/2020: offentliggjort 143,9 minus 1,2 mio\. kr\./);
    expect(outcomeLabel(forbrug, 'en')).toBe('Spending (DKK m)');
    // the fact-sheet caveat names the flag by its Danish name in Danish (as viso data show does)
    expect(sayMsg({ code: 'measures.note.factSheet2022' }, 'da')).toMatch(
      /ikke nævner kontoen \(flaget »Uklar konto«\); forløb 2024/,
    );
    expect(sayMsg({ code: 'measures.note.factSheet2022' }, 'en')).toMatch(
      /does not name the account \(flagged “Ambiguous account”\); cases 2024/,
    );
    expect(words(forloeb.segmented!.notes, 'en')).toMatch(/level change only/);
  });

  it('formats the report of viso measure evaluate', () => {
    const da = formatEvaluation(ev);
    expect(da).toContain('== Forbrug (mio. kr.) ==');
    expect(da).toContain('Forbehold:\n- Andre tiltag starter mellem udsigtspunktet 2020');
    expect(da).toContain(`Konklusion: ${verdictText(forbrug, 'da')}`);
    const en = formatEvaluation(ev, 'en');
    expect(en).toContain('Not evaluated 2024: registration break');
    expect(en).toContain(`Conclusion: ${verdictText(forbrug, 'en')}`);
  });

  it('words the evaluation for --json: texts in the language, names and verdicts in both', () => {
    const j = evaluationJson(ev, 'en');
    expect(Object.keys(j)).toEqual(Object.keys(ev));
    const o = j.outcomes.find((x) => x.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(o.label).toEqual({ da: 'Rådgivningsforløb, i alt', en: 'Advisory cases, total' });
    expect(o.excluded[0].reason).toMatch(/^registration break/);
    expect(o.verdictText).toEqual({ da: verdictText(forloeb, 'da'), en: verdictText(forloeb, 'en') });
    expect(Object.keys(o).indexOf('verdictText')).toBe(Object.keys(o).indexOf('verdict') + 1);
    expect(j.notes.join(' ')).toMatch(/missing for 2021–2022/);
  });
});

describe('verdictText', () => {
  it('says when the pre-period is too short (moved from the engine tests)', () => {
    const ev = evaluateMeasure(findMeasure('measures-2018', opts), ds, { runs: 2000 });
    const forloeb = ev.outcomes.find((o) => o.outcome === 'viso.raadgivning.forloeb.i_alt')!;
    expect(verdictText(forloeb, 'da')).toMatch(/for kort til at konkludere \(4 år, 2014–2017\)/);
    expect(verdictText(forloeb, 'en')).toMatch(/too short to conclude \(4 years, 2014–2017\)/);
  });
  it('words each verdict from the evaluated years', () => {
    const y = (year: number, lo: number, hi: number) => ({ year, effectLower95: lo, effectUpper95: hi }) as EffectYear;
    const pre = [2014, 2015, 2016, 2017, 2018];
    expect(verdictText({ verdict: 'mixed', preYears: pre, years: [y(2019, -3, -1), y(2020, -1, 1)] }, 'da')).toBe(
      'Udfaldet ligger under 95 %-intervallet for den kontrafaktiske prognose i 2019; intervallet indeholder 0 i 2020: effekten er ikke vedvarende påviselig.',
    );
    expect(verdictText({ verdict: 'inconclusive', preYears: pre, years: [y(2019, -1, 1)] }, 'en')).toBe(
      'The 95% interval of the effect includes 0 in the evaluated year (2019): no effect can be established.',
    );
    expect(verdictText({ verdict: 'reduction', preYears: pre, years: [y(2019, -3, -1)] }, 'en')).toBe(
      "The outcome is below the counterfactual's 95% interval in all 1 evaluated year(s) (pre-period 2014–2018).",
    );
    expect(verdictText({ verdict: 'no_data', preYears: pre, years: [] }, 'da')).toMatch(/^Ingen sammenlignelige data/);
  });
});

describe('the segmented regression notes', () => {
  it('word the caveats with the right plural', () => {
    const step = (t: number) => (t >= 2018 ? 1 : 0);
    const r = segmentedRegression([2014, 2015, 2016, 2017, 2018], [1, 2, 3, 4, 3], 2018, step)!;
    expect(words(r.notes, 'en')).toBe(
      'only 1 post-period year: level change only, no slope change 2 residual degrees of freedom: the standard errors are very uncertain',
    );
    expect(sayMsg(r.notes[0], 'da')).toBe('kun 1 år efter start: kun niveauskift, ingen hældningsændring');
    expect(sayMsg(r.notes[1], 'da')).toBe('2 frihedsgrader: standardfejlene er meget usikre');
  });
});

describe('effectRows', () => {
  const y = (o: Partial<EffectYear>) =>
    ({
      year: 2023,
      actual: 1859,
      counterfactual: 2214.4,
      effect: -355.4,
      effectLower95: -1101.2,
      effectUpper95: 204.4,
      relative: -0.1605,
      relativeLower95: -0.372,
      relativeUpper95: 0.123,
      ...o,
    }) as EffectYear;
  const outcome = (kind: 'count' | 'mio' | 'ratio', years: EffectYear[]) => ({
    label: { code: 'measures.outcome.forbrug' } as const,
    kind,
    years,
  });
  it('outcomeDecimals: counts 0 decimals, mio. kr. 1, ratios 3', () => {
    expect([outcomeDecimals('count'), outcomeDecimals('mio'), outcomeDecimals('ratio')]).toEqual([0, 1, 3]);
  });
  it('one row per evaluated year of each outcome, in order; values in the outcome’s decimals, relative effects in % with one decimal, intervals as »lo til hi«', () => {
    const ev = {
      outcomes: [
        outcome('count', [y({})]),
        outcome('ratio', [
          y({ actual: 0.4163, counterfactual: 0.3617, effect: 0.0546, effectLower95: -0.0371, effectUpper95: 0.1282 }),
        ]),
        outcome('mio', []),
      ],
    } as unknown as Parameters<typeof effectRows>[0];
    const rows = effectRows(ev);
    expect(rows).toEqual([
      {
        outcome: 'Forbrug (mio. kr.)',
        year: 2023,
        actual: '1.859',
        counterfactual: '2.214',
        effect: '-355',
        effect95: '-1.101 til 204',
        relative: '-16,1 %',
        relative95: '-37,2 % til 12,3 %',
      },
      expect.objectContaining({
        actual: '0,416',
        counterfactual: '0,362',
        effect: '0,055',
        effect95: '-0,037 til 0,128',
      }),
    ]);
    expect(effectRows(ev, 'en')[0]).toMatchObject({
      outcome: 'Spending (DKK m)',
      counterfactual: '2,214',
      effect95: '-1,101 to 204',
      relative95: '-37.2% to 12.3%',
    });
  });
  it('an interval with both bounds positive is joined by an en dash (rangeText)', () => {
    const ev = {
      outcomes: [
        outcome('mio', [
          y({ effect: 4.2, effectLower95: 2.94, effectUpper95: 5.31, relativeLower95: 0.01, relativeUpper95: 0.05 }),
        ]),
      ],
    } as unknown as Parameters<typeof effectRows>[0];
    expect(effectRows(ev)[0]).toMatchObject({ effect: '4,2', effect95: '2,9–5,3', relative95: '1,0 %–5,0 %' });
  });
  it('the bundled evaluation of the 2021 tightening: the rows of viso measure evaluate', () => {
    const rows = effectRows(evaluateMeasure(findMeasure('tightening-2021-09', opts), ds, { runs: 4000, seed: 1 }));
    expect(rows.find((r) => r.outcome === 'Forbrug (mio. kr.)' && r.year === 2022)).toEqual({
      outcome: 'Forbrug (mio. kr.)',
      year: 2022,
      actual: '112,3',
      counterfactual: '146,2',
      effect: '-33,9',
      effect95: '-70,0 til -4,9',
      relative: '-23,2 %',
      relative95: '-38,4 % til -4,2 %',
    });
  });
});
