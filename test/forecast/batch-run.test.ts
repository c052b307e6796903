import { describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { InputError, UsageError } from '../../src/errors.js';
import { runBatch } from '../../src/forecast/batch-run.js';
import { problemReason } from '../../src/report/forecastText.js';
import type { BatchProblem } from '../../src/forecast/batch-problems.js';
import { forecastBatch, parseLongCsv } from '../../src/forecast/batch.js';
import { hostileCorpus } from './batch-corpus.js';

const dir = (): string => mkdtempSync(join(tmpdir(), 'viso-batch-'));

// threads: 0 runs on this thread (worker threads load dist/; the CLI tests cover them)
describe('runBatch (streaming, in-process)', () => {
  it('streams a plain and a gzip file to the same bytes as the in-memory batch, in input order', async () => {
    const d = dir();
    const { text } = hostileCorpus();
    writeFileSync(join(d, 'in.csv'), text);
    writeFileSync(join(d, 'in.csv.gz'), gzipSync(text));
    const problems: BatchProblem[] = [];
    const s = await runBatch({
      input: join(d, 'in.csv'),
      out: join(d, 'out.csv'),
      horizon: 3,
      method: 'theta',
      threads: 0,
      jobSeries: 7,
      onProblem: (p) => problems.push(p),
    });
    await runBatch({ input: join(d, 'in.csv.gz'), out: join(d, 'outgz.csv'), horizon: 3, method: 'theta', threads: 0 });
    const mem = forecastBatch(parseLongCsv(text, join(d, 'in.csv')).series, { horizon: 3, method: 'theta' });
    expect(readFileSync(join(d, 'out.csv'), 'utf8')).toBe(mem.csv);
    expect(readFileSync(join(d, 'outgz.csv'), 'utf8')).toBe(mem.csv);
    expect(problems).toEqual(mem.problems);
    expect(s).toMatchObject({
      series: 1000,
      forecast: 1000 - mem.skipped,
      skipped: mem.skipped,
      rows: 3 * (1000 - mem.skipped),
      threads: 0,
    });
  });
  it('writes the problem report CSV with neutralised ids and quoted reasons', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.csv'), 'id,t,value\n=bad,1,1\n=bad,2,x\nok,1,1\nok,2,2\nok,3,3\n');
    await runBatch({
      input: join(d, 'in.csv'),
      out: join(d, 'o.csv'),
      report: join(d, 'r.csv'),
      horizon: 1,
      threads: 0,
      reason: (p) => problemReason(p, 'en'),
    });
    expect(readFileSync(join(d, 'r.csv'), 'utf8')).toBe(
      'id,line,action,code,reason\n' +
        `'=bad,3,skipped,not_decimal,"the value ""x"" is not a decimal number (digits with . as decimal mark; no hex, binary or thousands separators)"\n`,
    );
    // without a wording the reason column holds the problem's parameters (the engine words nothing)
    await runBatch({
      input: join(d, 'in.csv'),
      out: join(d, 'o.csv'),
      report: join(d, 'r.csv'),
      horizon: 1,
      threads: 0,
    });
    expect(readFileSync(join(d, 'r.csv'), 'utf8')).toBe(
      'id,line,action,code,reason\n' + `'=bad,3,skipped,not_decimal,"{""found"":""x""}"\n`,
    );
  });
  it('a problem of the file writes nothing, not even the series already forecast, and leaves no temporary file', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.csv'), 'id,t,value\nA,1,1\nA,2,2\nA,3,3\nB,1,1\nB,2,2\nB,3,3\nA,4,4\n');
    writeFileSync(join(d, 'old.csv'), 'keep me\n');
    await expect(
      runBatch({
        input: join(d, 'in.csv'),
        out: join(d, 'old.csv'),
        report: join(d, 'r.csv'),
        horizon: 1,
        threads: 0,
        jobSeries: 1,
      }),
    ).rejects.toThrow(InputError);
    expect(readFileSync(join(d, 'old.csv'), 'utf8')).toBe('keep me\n');
    expect(readdirSync(d).sort()).toEqual(['in.csv', 'old.csv']);
  });
  it('header and quoting problems are InputErrors with file and line; unreadable files and bad --out are UsageErrors', async () => {
    const d = dir();
    const run = (input: string, out = join(d, 'o.csv')) => runBatch({ input, out, horizon: 1, threads: 0 });
    writeFileSync(join(d, 'h.csv'), 'id,time,value\na,1,1\n');
    await expect(run(join(d, 'h.csv'))).rejects.toThrow(
      `${join(d, 'h.csv')}:1: expected a header with columns id, t, value`,
    );
    writeFileSync(join(d, 'e.csv'), '');
    await expect(run(join(d, 'e.csv'))).rejects.toThrow(
      `${join(d, 'e.csv')}:1: expected a header with columns id, t, value (and optionally split); the input is empty`,
    );
    writeFileSync(join(d, 'q.csv'), 'id,t,value\na,1,1\n"b,2,2\n');
    await expect(run(join(d, 'q.csv'))).rejects.toThrow(`${join(d, 'q.csv')}:3: expected a closing quote`);
    writeFileSync(join(d, 'bad.gz'), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]));
    await expect(run(join(d, 'bad.gz'))).rejects.toThrow(/bad\.gz: expected a readable gzip file/);
    await expect(run(join(d, 'nope.csv'))).rejects.toThrow(`cannot read --input ${join(d, 'nope.csv')}: no such file`);
    await expect(run(d)).rejects.toThrow(`cannot read --input ${d}: it is a folder`);
    mkdirSync(join(d, 'sub'));
    await expect(run(join(d, 'h.csv'), join(d, 'sub'))).rejects.toThrow(UsageError);
    await expect(run(join(d, 'h.csv'), join(d, 'h.csv'))).rejects.toThrow('is the input file');
    if (process.getuid?.() !== 0) {
      writeFileSync(join(d, 'locked.csv'), 'id,t,value\n');
      chmodSync(join(d, 'locked.csv'), 0);
      await expect(run(join(d, 'locked.csv'))).rejects.toThrow('permission denied');
    }
    expect(existsSync(join(d, 'o.csv'))).toBe(false);
  });
  it('a row without an id is reported as a row and does not stop the batch', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.csv'), 'id,t,value\n,1,1\nok,1,1\nok,2,2\nok,3,3\n');
    const s = await runBatch({ input: join(d, 'in.csv'), out: join(d, 'o.csv'), horizon: 1, threads: 0 });
    expect(s).toMatchObject({ series: 1, forecast: 1, orphanRows: 1 });
  });
  it('reports progress with bytes and series', async () => {
    const d = dir();
    writeFileSync(join(d, 'in.csv'), hostileCorpus().text);
    const seen: number[] = [];
    await runBatch({
      input: join(d, 'in.csv'),
      out: join(d, 'o.csv'),
      horizon: 1,
      method: 'naive',
      threads: 0,
      onProgress: (p) => seen.push(p.seriesDone),
    });
    expect(seen.at(-1)).toBe(1000);
    expect(seen.every((v, i) => i === 0 || v >= seen[i - 1])).toBe(true);
  });
});
