/**
 * A hostile batch input for the forecast-batch tests: 1,000 series in long
 * CSV form, of which 50 are bad in 50 different ways. Each bad series states
 * the reason code and action the batch must report for it. Good series are
 * smooth positive growth with 2 % noise (no spikes, no negatives), so the
 * batch must report none of them.
 */

/** One bad series: its rows (after the header `id,split,t,value`) and what must be reported. */
export interface BadCase {
  id: string;
  rows: string[];
  code: string;
  action: 'skipped' | 'note';
}

const rowsOf = (id: string, values: (number | string)[], t0 = 1): string[] =>
  values.map((v, i) => `${id},train,${t0 + i},${v}`);
const base = (n = 12): number[] => Array.from({ length: n }, (_, i) => 100 + 5 * i + (i % 3));
const withValue = (id: string, k: number, v: string): string[] =>
  rowsOf(
    id,
    base().map((x, i) => (i === k ? v : x)),
  );
const withT = (id: string, k: number, t: string): string[] =>
  base().map((v, i) => `${id},train,${i === k ? t : i + 1},${v}`);

/** The 50 bad cases (ids B01..B50 with a hint of the problem). */
export function badCases(): BadCase[] {
  const c: BadCase[] = [];
  const add = (id: string, rows: string[], code: string, action: 'skipped' | 'note' = 'skipped'): void =>
    void c.push({ id, rows, code, action });
  add(
    'B01-gap',
    ['1', '2', '3', '100', '101', '1000'].map((t, i) => `B01-gap,train,${t},${10 + i}`),
    'gap',
  );
  add(
    'B02-gap1',
    base().map((v, i) => `B02-gap1,train,${i < 5 ? i + 1 : i + 2},${v}`),
    'gap',
  );
  add('B03-dup', [...rowsOf('B03-dup', base(6)), 'B03-dup,train,6,99'], 'duplicate_t');
  add('B04-NaN', withValue('B04-NaN', 4, 'NaN'), 'nan');
  add('B05-nan', withValue('B05-nan', 11, 'nan'), 'nan');
  add('B06-Inf', withValue('B06-Inf', 3, 'Infinity'), 'infinite');
  add('B07-negInf', withValue('B07-negInf', 3, '-Infinity'), 'infinite');
  add('B08-inf', withValue('B08-inf', 0, 'inf'), 'infinite');
  add('B09-1e400', withValue('B09-1e400', 5, '1e400'), 'overflow');
  add('B10-neg1e400', withValue('B10-neg1e400', 5, '-1e400'), 'overflow');
  add('B11-hex', withValue('B11-hex', 2, '0x10'), 'not_decimal');
  add('B12-bin', withValue('B12-bin', 2, '0b11'), 'not_decimal');
  add('B13-oct', withValue('B13-oct', 2, '0o17'), 'not_decimal');
  add('B14-comma', withValue('B14-comma', 2, '"1,5"'), 'not_decimal');
  add('B15-text', withValue('B15-text', 2, '12abc'), 'not_decimal');
  add('B16-empty', withValue('B16-empty', 7, ''), 'missing');
  add('B17-NA', withValue('B17-NA', 7, 'NA'), 'missing');
  add('B18-null', withValue('B18-null', 7, 'null'), 'missing');
  add('B19-t-bin', withT('B19-t-bin', 2, '0b11'), 't');
  add('B20-t-hex', withT('B20-t-hex', 2, '0x3'), 't');
  add('B21-t-float', withT('B21-t-float', 2, '3.0'), 't');
  add('B22-t-exp', withT('B22-t-exp', 2, '3e0'), 't');
  add('B23-t-empty', withT('B23-t-empty', 2, ''), 't');
  add('B24-t-text', withT('B24-t-text', 2, 'three'), 't');
  add('B25-short2', rowsOf('B25-short2', [1, 2]), 'too_short');
  add('B26-short1', rowsOf('B26-short1', [7]), 'too_short');
  add('B27-test-only', ['B27-test-only,test,1,5', 'B27-test-only,test,2,6'], 'too_short');
  add('B28-extra-field', [...rowsOf('B28-extra-field', base(6)), 'B28-extra-field,train,7,1,oops'], 'fields');
  add('B29-few-fields', [...rowsOf('B29-few-fields', base(6)), 'B29-few-fields,train,7'], 'fields');
  add('B30-split', [...rowsOf('B30-split', base(6)), 'B30-split,validation,7,1'], 'split');
  add('B31-quote', [...rowsOf('B31-quote', base(6)), 'B31-quote,train,7,"12"3'], 'malformed');
  add('B32-space', withValue('B32-space', 1, '1 000'), 'not_decimal');
  add('B33-arabic', withValue('B33-arabic', 1, '١٢'), 'not_decimal');
  add('B34-signs', withValue('B34-signs', 1, '+-5'), 'not_decimal');
  add('B35-fullwidth', withValue('B35-fullwidth', 1, '５'), 'not_decimal');
  add('B36-exp2', withValue('B36-exp2', 1, '1e5e5'), 'not_decimal');
  add('B37-t-huge', withT('B37-t-huge', 2, '99999999999999999999'), 't');
  add('B38-infinity-sign', withValue('B38-infinity-sign', 1, '∞'), 'infinite');
  add('B39-dots', withValue('B39-dots', 1, '1.5.3'), 'not_decimal');
  add('B40-blank', withValue('B40-blank', 1, '  '), 'missing');
  // forecast, with a note
  add('B41-constant', rowsOf('B41-constant', Array(10).fill(4)), 'constant', 'note');
  add(
    'B42-1e300',
    rowsOf(
      'B42-1e300',
      base().map((v) => v * 1e298),
    ),
    'extreme',
    'note',
  );
  add(
    'B43-neg1e300',
    rowsOf(
      'B43-neg1e300',
      base().map((v) => -v * 1e298),
    ),
    'extreme',
    'note',
  );
  add(
    'B44-tiny',
    rowsOf(
      'B44-tiny',
      base().map((v) => v * 1e-302),
    ),
    'extreme',
    'note',
  );
  add(
    'B45-spike',
    rowsOf(
      'B45-spike',
      base().map((v, i) => (i === 6 ? v * 20 : v)),
    ),
    'spike',
    'note',
  );
  add(
    'B46-spike1e300',
    rowsOf(
      'B46-spike1e300',
      base().map((v, i) => (i === 6 ? 1e300 : v)),
    ),
    'spike',
    'note',
  );
  add(
    'B47-negative',
    rowsOf(
      'B47-negative',
      base().map((v) => -v),
    ),
    'negative',
    'note',
  );
  add(
    'B48-one-negative',
    rowsOf(
      'B48-one-negative',
      base().map((v, i) => (i === 0 ? -1 : v)),
    ),
    'negative',
    'note',
  );
  add(
    'B49-dip',
    rowsOf(
      'B49-dip',
      base().map((v, i) => (i === 5 ? v / 50 : v)),
    ),
    'spike',
    'note',
  );
  add('B50-zero-run', rowsOf('B50-zero-run', Array(10).fill(0)), 'constant', 'note');
  return c;
}

/** Deterministic good series: positive growth with 2 % noise, 13-40 points. */
export function goodRows(k: number): string[] {
  let s = (k + 1) * 2654435761;
  const u = (): number => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const n = 13 + (k % 28);
  const level = 50 + 20 * (k % 50);
  const g = 1 + 0.01 * (k % 7);
  return Array.from(
    { length: n },
    (_, i) => `G${k},train,${i + 1},${(level * g ** i * (1 + 0.02 * (u() - 0.5))).toFixed(3)}`,
  );
}

/** The corpus: header, 950 good series with the 50 bad ones spread among them; and the cases. */
export function hostileCorpus(): { text: string; bad: BadCase[]; goodIds: string[] } {
  const bad = badCases();
  const lines = ['id,split,t,value'];
  const goodIds: string[] = [];
  let b = 0;
  for (let k = 0; k < 950; k++) {
    if (k % 19 === 7 && b < bad.length) lines.push(...bad[b++].rows);
    lines.push(...goodRows(k));
    goodIds.push(`G${k}`);
  }
  while (b < bad.length) lines.push(...bad[b++].rows);
  return { text: lines.join('\n') + '\n', bad, goodIds };
}
