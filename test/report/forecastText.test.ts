import { describe, expect, it } from 'vitest';
import { stripControls } from '../../src/io/terminal.js';
import { METHOD_NAMES } from '../../src/forecast/types.js';
import type { BatchProblem, ProblemCode } from '../../src/forecast/batch-problems.js';
import {
  batchSummaryText,
  methodName,
  moreProblemsText,
  problemLine,
  problemReason,
  progressText,
} from '../../src/report/forecastText.js';

const P = (
  code: ProblemCode,
  detail: BatchProblem['detail'],
  action: BatchProblem['action'] = 'skipped',
): BatchProblem => ({ id: 'Y1', line: 7, action, code, detail });

describe('problemReason: one pinned message per reason code', () => {
  const cases: [BatchProblem, string, string][] = [
    [
      P('fields', { found: 3, expected: 4 }),
      'the row has 3 fields, the header 4',
      'rækken har 3 felter, overskriften 4',
    ],
    [
      P('malformed', { what: 'a comma or line end after a closing quote' }),
      'bad quoting (expected a comma or line end after a closing quote)',
      'forkert citering (forventede komma eller linjeskift efter et afsluttende anførselstegn)',
    ],
    [
      P('split', { found: 'valid' }),
      'split is "valid" (expected train or test)',
      'split er "valid" (forventede train eller test)',
    ],
    [P('missing_id', {}), 'empty id (the row belongs to no series)', 'tomt id (rækken hører ikke til nogen serie)'],
    [
      P('t', { found: '0b11' }),
      't is "0b11" (expected a whole number in decimal digits, e.g. 1 or 2015)',
      't er "0b11" (forventede et helt tal i decimalnotation, fx 1 eller 2015)',
    ],
    [
      P('missing', { found: 'NA' }),
      'the value is missing ("NA"); missing values are not filled in',
      'værdien mangler ("NA"); manglende værdier udfyldes ikke',
    ],
    [P('nan', { found: 'NaN' }), 'the value is NaN (not a number)', 'værdien er NaN (ikke et tal)'],
    [P('infinite', { found: 'Infinity' }), 'the value is infinite ("Infinity")', 'værdien er uendelig ("Infinity")'],
    [
      P('overflow', { found: '1e400' }),
      'the value "1e400" is beyond the largest finite number (1.8e308)',
      'værdien "1e400" er større end det største endelige tal (1,8e308)',
    ],
    [
      P('not_decimal', { found: '0x10' }),
      'the value "0x10" is not a decimal number (digits with . as decimal mark; no hex, binary or thousands separators)',
      'værdien "0x10" er ikke et decimaltal (cifre med . som decimaltegn; ikke hex, binær eller tusindtalsseparator)',
    ],
    [
      P('duplicate_t', { t: 2, other: 5 }),
      't = 2 appears twice (also line 5)',
      't = 2 forekommer to gange (også linje 5)',
    ],
    [
      P('gap', { from: 3, to: 100 }),
      'gap in t: 3 → 100 (t must be consecutive; gaps are never closed up)',
      'hul i t: 3 → 100 (t skal være fortløbende; huller lukkes aldrig)',
    ],
    [P('too_long', { max: 1_000_000 }), 'more than 1,000,000 values', 'mere end 1.000.000 værdier'],
    [
      P('too_short', { n: 2 }),
      'only 2 values; a forecast needs at least 3',
      'kun 2 værdier; en prognose kræver mindst 3',
    ],
    [P('failed', { reason: 'boom' }), 'every method failed (boom)', 'alle metoder fejlede (boom)'],
    [
      P('fallback', { method: 'comb', reason: 'non-finite forecast', used: 'drift' }, 'fallback'),
      'comb failed (non-finite forecast): drift used instead',
      'comb fejlede (non-finite forecast): drift brugt i stedet',
    ],
    [
      P(
        'engine',
        { note: { code: 'forecast.note.needsObservations', params: { method: 'holt', min: 6, n: 4, used: 'drift' } } },
        'fallback',
      ),
      'Holt’s linear trend needs at least 6 observations (got 4): random walk with drift used instead',
      'Holts lineære trend kræver mindst 6 observationer (har 4): random walk med drift brugt i stedet',
    ],
    [P('constant', { value: 4 }, 'note'), 'constant series (every value 4)', 'konstant serie (alle værdier 4)'],
    [
      P('extreme', { max: 1.2e300 }, 'note'),
      'values of magnitude 1.200e+300 (outside 1e±100): fitted after rescaling',
      'værdier af størrelsesorden 1,200e+300 (uden for 1e±100): tilpasset efter omskalering',
    ],
    [
      P('spike', { t: 1995, value: 500, prev: 13, next: 15.5 }, 'note'),
      'spike at t = 1995: 500 between 13 and 15.50; fitted as it is',
      'spids ved t = 1995: 500 mellem 13 og 15,50; tilpasset uændret',
    ],
    [
      P('negative', { count: 2, t: 4 }, 'note'),
      '2 negative values, the first at t = 4',
      '2 negative værdier, første ved t = 4',
    ],
  ];
  for (const [p, en, da] of cases) {
    it(`${p.code}`, () => {
      expect(problemReason(p, 'en')).toBe(en);
      expect(problemReason(p, 'da')).toBe(da);
    });
  }
});

describe('problemLine', () => {
  it('file:line, the id quoted, the action, the reason; Danish by default wording', () => {
    expect(problemLine('m4.csv', P('too_short', { n: 2 }), 'en')).toBe(
      'm4.csv:7: series "Y1": skipped: only 2 values; a forecast needs at least 3',
    );
    expect(problemLine('m4.csv', P('spike', { t: 3, value: 9, prev: 1, next: 1 }, 'note'), 'da')).toBe(
      'm4.csv:7: serie "Y1": bemærk: spids ved t = 3: 9 mellem 1 og 1; tilpasset uændret',
    );
    expect(problemLine('m4.csv', { ...P('missing_id', {}), id: '' }, 'en')).toBe(
      'm4.csv:7: row: skipped: empty id (the row belongs to no series)',
    );
  });
  it('escapes control characters and bidi overrides of ids so a terminal shows them, never runs them', () => {
    const line = problemLine('in.csv', { ...P('too_short', { n: 1 }), id: 'a\u001b[31mred\u202e\r\n' }, 'en');
    expect(line).toBe(
      'in.csv:7: series "a\\u001b[31mred\\u202e\\r\\n": skipped: only 1 value; a forecast needs at least 3',
    );
    expect(line).not.toMatch(/[\u0000-\u001f\u202e]/);
    expect(stripControls('x\u0085y', { escape: true })).toBe('x\\u0085y');
  });
});

describe('progressText', () => {
  it('shows a bar by bytes, series done, rate and time left (Danish by default)', () => {
    const p = { seriesRead: 5000, seriesDone: 4800, bytesRead: 1e6, bytesTotal: 4e6, elapsedMs: 5000 };
    expect(progressText(p, 'en')).toBe('[########                      ]  25 %  4,800 series  960/s  ETA 15 s');
    expect(progressText(p, 'da')).toBe('[########                      ]  25 %  4.800 serier  960/s  ca. 15 s tilbage');
    expect(progressText(p)).toBe(progressText(p, 'da'));
    expect(progressText({ ...p, bytesTotal: undefined }, 'en')).toBe('4,800 series  960/s');
  });
});

describe('batchSummaryText and moreProblemsText', () => {
  const one = { series: 1, forecast: 1, fallback: 0, skipped: 0, orphanRows: 1, notes: 1, threads: 1, wallMs: 1234 };
  const many = {
    series: 1200,
    forecast: 1150,
    fallback: 3,
    skipped: 50,
    orphanRows: 2,
    notes: 7,
    threads: 3,
    wallMs: 5000,
  };
  it('counts in the singular for one and the plural otherwise, in each language', () => {
    expect(batchSummaryText(one, 'out.csv', 'en')).toBe(
      '1 series: 1 forecast (0 with a fallback method, 1 note), 0 skipped, 1 row without id → out.csv (1.2 s, 1 thread)',
    );
    expect(batchSummaryText(one, 'out.csv', 'da')).toBe(
      '1 serie: 1 med prognose (0 med reservemetode, 1 bemærkning), 0 sprunget over, 1 række uden id → out.csv (1,2 s, 1 tråd)',
    );
    expect(batchSummaryText(many, 'out.csv', 'en')).toBe(
      '1,200 series: 1,150 forecast (3 with a fallback method, 7 notes), 50 skipped, 2 rows without id → out.csv (5.0 s, 3 threads)',
    );
    expect(batchSummaryText({ ...many, orphanRows: 0 }, 'out.csv', 'da')).toBe(
      '1.200 serier: 1.150 med prognose (3 med reservemetode, 7 bemærkninger), 50 sprunget over → out.csv (5,0 s, 3 tråde)',
    );
  });
  it('the count of problems not listed: one or more, with or without --report', () => {
    expect(moreProblemsText(1, undefined, 'en')).toBe(
      'viso forecast-batch: … and 1 more problem (write them all with --report FILE)',
    );
    expect(moreProblemsText(1, 'r.csv', 'da')).toBe('viso forecast-batch: … og 1 problem mere (alle i r.csv)');
    expect(moreProblemsText(1200, 'r.csv', 'en')).toBe('viso forecast-batch: … and 1,200 more problems (all in r.csv)');
    expect(moreProblemsText(2, undefined, 'da')).toBe(
      'viso forecast-batch: … og 2 problemer mere (skriv dem alle med --report FIL)',
    );
  });
});

describe('methodName', () => {
  it('names every --method id for a reader in each language (a capitalised name, never the id itself); an unknown id as given', () => {
    for (const id of METHOD_NAMES)
      for (const lang of ['da', 'en'] as const) {
        const name = methodName(id, lang);
        expect(name, `${id} ${lang}`).not.toBe(id);
        expect(name, `${id} ${lang}`).toMatch(/^[A-ZÆØÅ]/);
      }
    expect(methodName('ensemble')).toBe('Ensemble af globalt netværk, ETS og dynamisk optimeret Theta');
    expect(methodName('naive', 'en')).toBe('Naive (last value)');
    expect(methodName('nosuch')).toBe('nosuch');
  });
});
