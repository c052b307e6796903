import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { forecastBatch, parseLongCsv } from '../../src/forecast/index.js';

describe('batch CSV', () => {
  it('keeps only train rows, ignores extra columns, sorts by t', () => {
    const s = parseLongCsv('id,type,split,t,year,value\nA,MICRO,train,2,1991,12\nA,MICRO,train,1,1990,10\nA,MICRO,test,1,1992,99\nB,X,train,1,1,5\n', 'm3.csv');
    expect(s).toEqual([{ id: 'A', values: [10, 12] }, { id: 'B', values: [5] }]);
  });
  it('input errors name line and column', () => {
    expect(() => parseLongCsv('id,t,value\na,1,3\na,x,4\n', 'in.csv')).toThrow('in.csv:3: column t: expected a whole number');
    expect(() => parseLongCsv('id,t,value\na,1,3\na,2,abc\n', 'in.csv')).toThrow(InputError);
    expect(() => parseLongCsv('id,time,value\n', 'in.csv')).toThrow(/in.csv:1: expected a header with columns id, t, value/);
    expect(() => parseLongCsv('id,t,value\na,1,3\na,1,4\n', 'in.csv')).toThrow(/duplicate/);
    expect(() => parseLongCsv('id,t,value\na,1\n', 'in.csv')).toThrow(/in.csv:2: expected 3 fields/);
  });
  it('a failing or short series is reported and never stops the batch', () => {
    const r = forecastBatch([{ id: 'short', values: [1, 2] }, { id: 'ok', values: [10, 12, 13, 15, 16, 18, 19, 21] }, { id: 'flat', values: [4, 4, 4, 4, 4, 4, 4] }], { horizon: 2, method: 'comb' });
    const lines = r.csv.trim().split('\n');
    expect(lines[0]).toBe('id,method,h,point,lo80,hi80,lo95,hi95');
    expect(lines.filter((l) => l.startsWith('ok,comb,'))).toHaveLength(2);
    expect(lines.filter((l) => l.startsWith('flat,naive,'))).toHaveLength(2);
    expect(r.problems.join('\n')).toMatch(/short: skipped/);
    expect(r.problems.join('\n')).toMatch(/flat: constant series/);
    expect(r.csv).not.toMatch(/NaN|Infinity/);
  });
});
