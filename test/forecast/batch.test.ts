import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import {
  batchHeader,
  checkBatchOptions,
  findSpike,
  forecastBatch,
  forecastBatchSeries,
  outputId,
  parseLongCsv,
} from '../../src/forecast/batch.js';
import { hostileCorpus } from './batch-corpus.js';

describe('forecastBatchSeries', () => {
  it('writes horizon rows with finite numbers of 10 significant digits', () => {
    const o = forecastBatchSeries({ id: 'a', values: [10, 12, 13, 15], line: 2 }, { horizon: 2, method: 'drift' });
    expect(o.status).toBe('forecast');
    const rows = o.rows.trim().split('\n');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^a,drift,1,16\.66666667,[-\d.e+]+,[-\d.e+]+,[-\d.e+]+,[-\d.e+]+$/);
    expect(o.problems).toEqual([]);
  });
  it('a short series is skipped with its reason, never thrown', () => {
    expect(forecastBatchSeries({ id: 's', values: [1, 2], line: 5 }, { horizon: 3 })).toEqual({
      rows: '',
      status: 'skipped',
      problems: [{ id: 's', line: 5, action: 'skipped', code: 'too_short', detail: { n: 2 } }],
    });
  });
  it('NaN or Infinity handed in by an API caller skips the series (never written)', () => {
    const o = forecastBatchSeries({ id: 'n', values: [1, 2, NaN, 4] }, { horizon: 2 });
    expect(o).toMatchObject({ status: 'skipped', problems: [{ code: 'nan', detail: { index: 2 } }] });
    expect(forecastBatchSeries({ id: 'i', values: [1, Infinity, 3, 4] }, { horizon: 2 }).problems[0].code).toBe(
      'infinite',
    );
  });
  it('notes constant, negative, extreme and spiky series but still forecasts them, with the line of the value', () => {
    const c = forecastBatchSeries({ id: 'c', values: [4, 4, 4, 4, 4, 4], line: 10 }, { horizon: 1 });
    expect(c.status).not.toBe('skipped');
    expect(c.problems.map((p) => p.code)).toEqual(['constant']);
    const y = [10, 11, 12, 13, 500, 15, 16, 17];
    const s = forecastBatchSeries({ id: 'p', values: y, line: 20, t0: 1991 }, { horizon: 1, method: 'naive' });
    expect(s.problems).toEqual([
      { id: 'p', line: 24, action: 'note', code: 'spike', detail: { t: 1995, value: 500, prev: 13, next: 15 } },
    ]);
    const lines = [2, 3, 9, 10, 11, 12, 13, 14];
    expect(
      forecastBatchSeries({ id: 'p', values: y, line: 2, lines }, { horizon: 1, method: 'naive' }).problems[0].line,
    ).toBe(11);
    const neg = forecastBatchSeries({ id: 'n', values: [5, -1, 6, 7, 8], line: 2 }, { horizon: 1, method: 'naive' });
    expect(neg.problems).toEqual([{ id: 'n', line: 3, action: 'note', code: 'negative', detail: { count: 1, t: 2 } }]);
    const ex = forecastBatchSeries(
      { id: 'x', values: [1e300, 1.1e300, 1.2e300, 1.3e300, 1.35e300, 1.4e300], line: 2 },
      { horizon: 2 },
    );
    expect(ex.problems[0]).toMatchObject({ code: 'extreme', action: 'note' });
    expect(ex.rows).not.toMatch(/NaN|Infinity/);
  });
  it('neutralises formula ids and quotes them per RFC 4180 unless rawIds', () => {
    const o = forecastBatchSeries({ id: '=HYPERLINK("x",1)', values: [1, 2, 3] }, { horizon: 1, method: 'naive' });
    expect(o.rows.startsWith(`"'=HYPERLINK(""x"",1)",naive,1,3,`)).toBe(true);
    const raw = forecastBatchSeries(
      { id: '@SUM(A1)', values: [1, 2, 3] },
      { horizon: 1, method: 'naive', rawIds: true },
    );
    expect(raw.rows.startsWith('@SUM(A1),naive,1,3,')).toBe(true);
  });
  it('a 200,000-point series is forecast (no spread or recursion over the series length)', () => {
    const y = Array.from({ length: 200_000 }, (_, i) => 100 + i + 3 * Math.sin(i));
    const o = forecastBatchSeries({ id: 'long', values: y }, { horizon: 2, method: 'theta' });
    expect(o.status).toBe('forecast');
    expect(o.rows).not.toMatch(/NaN|Infinity/);
  });
});

describe('findSpike', () => {
  it('finds an interior point far above or below both neighbours, not trends, noise or level shifts', () => {
    expect(findSpike([10, 11, 12, 13, 500, 15, 16, 17])).toBe(4);
    expect(findSpike([100, 101, 102, 2, 104, 105, 106])).toBe(3);
    expect(findSpike([1, 2, 4, 8, 16, 32, 64, 128])).toBe(-1);
    expect(findSpike([10, 10, 10, 50, 50, 50, 50])).toBe(-1);
    expect(findSpike([10, 12, 9, 11, 10, 13, 9, 12])).toBe(-1);
    expect(findSpike([1, 2, 3, 4])).toBe(-1);
  });
});

describe('outputId / batchHeader / checkBatchOptions', () => {
  it('outputs', () => {
    expect(outputId('-1', false)).toBe("'-1");
    expect(outputId('a\r\nb', false)).toBe('"a\r\nb"');
    expect(outputId('\r=1', false)).toBe(`"'\r=1"`);
    expect(batchHeader([50])).toBe('id,method,h,point,lo50,hi50\n');
  });
  it('bad options are UsageErrors', () => {
    expect(() => checkBatchOptions({ horizon: 0 })).toThrow(UsageError);
    expect(() => checkBatchOptions({ horizon: 2, levels: [120] })).toThrow(
      'interval levels must be between 0 and 100 exclusive (got 120)',
    );
  });
  it('from a script: no options, levels or series that are no arrays, and a series that is no object are UsageErrors naming them (TypeErrors before)', () => {
    expect(() => forecastBatch([], undefined as never)).toThrow(
      'the options must be an object such as { horizon: 2 } (got undefined)',
    );
    expect(() => forecastBatch([], { horizon: 2, levels: 80 as never })).toThrow(
      'levels must be an array of percentages such as [80, 95] (got 80)',
    );
    expect(() => forecastBatch('x' as never, { horizon: 2 })).toThrow(
      'forecastBatch(series, options): series must be an array of { id, values } (got "x")',
    );
    expect(() => forecastBatch([{ id: 'a', values: [1, 2, 3] }, undefined as never], { horizon: 2 })).toThrow(
      'forecastBatch(series, options): series[1] must be an object { id, values } (got undefined)',
    );
  });
});

describe('forecastBatch: 50 kinds of bad series among 1,000', () => {
  const { text, bad, goodIds } = hostileCorpus();
  const parsed = parseLongCsv(text, 'hostile.csv');
  const r = forecastBatch(parsed.series, { horizon: 3, method: 'theta' });
  it('reads 1,000 series', () => {
    expect(parsed.series).toHaveLength(1000);
    expect(new Set(bad.map((b) => b.id)).size).toBe(50);
    expect(parsed.orphans).toEqual([]);
  });
  it('reports every bad series with its reason and action', () => {
    for (const b of bad) {
      const ps = r.problems.filter((p) => p.id === b.id);
      expect(
        ps.map((p) => `${p.code}/${p.action}`),
        b.id,
      ).toContain(`${b.code}/${b.action}`);
    }
    expect(r.skipped).toBe(bad.filter((b) => b.action === 'skipped').length);
  });
  it('forecasts every good series and the noted ones, reports no good series, and writes no NaN or Infinity', () => {
    const ids = new Set(r.problems.map((p) => p.id));
    expect(goodIds.filter((id) => ids.has(id))).toEqual([]);
    const rows = r.csv.trim().split('\n').slice(1);
    const written = new Set(rows.map((l) => l.split(',')[0]));
    for (const id of goodIds) expect(written.has(id), id).toBe(true);
    for (const b of bad) expect(written.has(b.id), b.id).toBe(b.action === 'note');
    expect(rows).toHaveLength(3 * (goodIds.length + bad.filter((b) => b.action === 'note').length));
    expect(r.csv).not.toMatch(/NaN|Infinity/);
    for (const l of rows) for (const x of l.split(',').slice(3)) expect(Number.isFinite(Number(x)), l).toBe(true);
  });
});
