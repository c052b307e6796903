import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../src/cli/main.js';
import { viso } from '../helpers/cli.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  let out = '';
  let err = '';
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
  }
}

describe('viso forecast / forecast-batch / backtest', () => {
  it('forecast prints a Danish table with the model and the 2021 note', async () => {
    const r = await run(['forecast', 'viso.raadgivning.forbrug', '--horizon', '2', '--method', 'drift']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Prognose/);
    expect(r.out).toMatch(/2025 /);
    expect(r.out).toMatch(/Model: Random walk med drift \d+,\d+ pr\. periode/);
    expect(r.out).toMatch(/Bemærk: .*2021 mangler: lineært interpoleret/);
    expect(r.out).toMatch(/\d,\d/); // decimal comma
    const en = await run([
      'forecast',
      'viso.raadgivning.forbrug',
      '--horizon',
      '2',
      '--method',
      'drift',
      '--lang',
      'en',
    ]);
    expect(en.out).toMatch(/Model: Random walk with drift \d+\.\d+ per period/);
    expect(en.out).toMatch(/Note: .*2021 missing: linearly interpolated/);
  });
  it('forecast --json has years, point and intervals', async () => {
    const r = await run(['forecast', 'viso.raadgivning.forbrug', '--horizon', '3', '--json', '--levels', '50,90']);
    const j = JSON.parse(r.out);
    expect(j.years).toHaveLength(3);
    expect(j.intervals.map((iv: { level: number }) => iv.level)).toEqual([50, 90]);
  });
  it('bad levels and unknown series exit 2', async () => {
    expect((await run(['forecast', 'viso.raadgivning.forbrug', '--levels', '80,120'])).code).toBe(2);
    expect((await run(['forecast', 'no.such.series'])).code).toBe(2);
  });
  it('forecast-batch writes the output CSV and reports skipped series (exit 3); bad file input leaves no file (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viso-fb-'));
    const inp = join(dir, 'in.csv');
    writeFileSync(
      inp,
      'id,t,value,split\na,1,10,train\na,2,12,train\na,3,13,train\na,4,15,train\na,5,99,test\nb,1,4,train\n',
    );
    const out = join(dir, 'out.csv');
    // the compiled CLI: the worker threads load dist/forecast/batch-worker.js
    const r = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      out,
      '--horizon',
      '2',
      '--method',
      'drift',
      '--threads',
      '1',
      '--lang',
      'en',
    );
    expect(r.code).toBe(3);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('id,method,h,point,lo80,hi80,lo95,hi95');
    expect(lines[1]).toMatch(/^a,drift,1,16\.66666667,/);
    expect(r.err).toContain(`${inp}:7: series "b": skipped: only 1 value; a forecast needs at least 3`);
    writeFileSync(inp, 'id,time,value\na,1,10\n');
    const bad = join(dir, 'bad.csv');
    const r2 = viso('forecast-batch', '--input', inp, '--out', bad, '--threads', '1');
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(
      /in\.csv:1: forventede en overskrift med kolonnerne id, t, value .*; ingen kolonne t, fandt "id,time,value"\n/,
    );
    const r2en = viso('forecast-batch', '--input', inp, '--out', bad, '--threads', '1', '--lang', 'en');
    expect(r2en.err).toMatch(/in\.csv:1: expected a header with columns id, t, value/);
    expect(existsSync(bad)).toBe(false);
  });
  it('forecast --data FILE uses a user series', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'viso-fd-'));
    const f = join(dir, 'my.csv');
    writeFileSync(
      f,
      'series,area,measure,category,year,value,unit,source,flags\n' +
        [10, 11, 13, 14, 16, 17]
          .map((v, i) => `my.test,raadgivning,forbrug,i_alt,${2015 + i},${v},mio. kr.,me#1,`)
          .join('\n') +
        '\n',
    );
    const r = await run(['forecast', 'my.test', '--data', f, '--horizon', '2', '--method', 'naive', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.years).toEqual([2021, 2022]);
    expect(j.point).toEqual([17, 17]);
  });
  it('backtest ranks methods by MASE', async () => {
    const r = await run([
      'backtest',
      'viso.raadgivning.bevilling',
      '--horizon',
      '2',
      '--method',
      'naive,drift',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Best \(lowest MASE\): (naive|drift)/);
  });
});

describe('viso forecast --hierarchy', () => {
  it('prints a Danish table: own and reconciled forecast, intervals and shares per year, coherence and the rule', async () => {
    const r = await run(['forecast', '--hierarchy', 'henvendelser', '--runs', '2000']);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(
      'Hierarki henvendelser: I alt = Voksne + Børn og unge + Specialundervisning + Andet (antal); 2.000 kørsler, seed 1',
    );
    expect(lines[2]).toMatch(/^År +Serie +Egen prognose +Afstemt +80 % lav +80 % høj +95 % lav +95 % høj +Andel$/);
    expect(lines[3]).toMatch(/^2025 +I alt +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +[\d.]+ +100,0 %$/);
    expect(lines[4]).toMatch(/^ +Voksne +[\d.]+ +[\d.]+ .* \d+,\d %$/);
    expect(r.out).toContain('Sammenhæng: største |i alt − sum af delserier| ');
    expect(r.out).toContain('i de simulerede kørsler (data 2014–2020: 0).');
    expect(r.out).toContain('- Hierarkiet estimeres i årene, hvor alle serier kendes (2014–2020)');
    expect(r.out).toMatch(/- Voksne: .*(Random walk|Naiv|Theta|Median)/);
  });
  it('--lang en and the konto hierarchy in mio. kr. with one decimal', async () => {
    const r = await run(['forecast', '--hierarchy', 'konto', '--horizon', '2', '--runs', '1000', '--lang', 'en']);
    expect(r.code, r.err).toBe(0);
    expect(r.out.split('\n')[0]).toBe(
      'Hierarchy konto (forbrug): §15.11.31 total = Advisory and assessment (§15.11.31.10) + KaS (§15.11.31.20) (DKK m); 1,000 runs, seed 1',
    );
    expect(r.out).toMatch(/\n2025 +§15\.11\.31 total +\d+\.\d +\d+\.\d /);
    expect(r.out).toContain('(data 2020, 2022–2024: 0.0).');
  });
  it('--json has years, nodes with base and reconciled forecasts, coherence and notes; paths only with --paths', async () => {
    const r = await run(['forecast', '--hierarchy', 'forloeb', '--horizon', '2', '--runs', '500', '--json']);
    const j = JSON.parse(r.out);
    expect(j.years).toEqual([2025, 2026]);
    expect(j.nodes.map((n: { key: string }) => n.key)).toEqual([
      'i_alt',
      'voksne',
      'boern_unge',
      'specialundervisning',
      'andet',
    ]);
    expect(j.nodes[1]).toMatchObject({
      role: 'child',
      lastYear: 2020,
      point: [expect.any(Number), expect.any(Number)],
    });
    expect(j.nodes[1].paths).toBeUndefined();
    expect(j.pathsLayout).toBe('omitted (use --paths)');
    const p = JSON.parse(
      (await run(['forecast', '--hierarchy', 'forloeb', '--horizon', '2', '--runs', '500', '--json', '--paths'])).out,
    );
    expect(p.nodes[0].paths).toHaveLength(1000);
    expect(p.nodes[0].paths[3]).toBeCloseTo(
      p.nodes.slice(1).reduce((a: number, n: { paths: number[] }) => a + n.paths[3], 0),
      9,
    );
  });
  it('usage errors exit 2 with one line', async () => {
    const both = await run(['forecast', 'viso.raadgivning.forbrug', '--hierarchy', 'konto']);
    expect(both.code).toBe(2);
    expect(both.err).toBe(
      'angiv enten et serie-id eller --hierarchy, ikke begge (fik viso.raadgivning.forbrug og --hierarchy konto)\n',
    );
    const none = await run(['forecast']);
    expect(none.code).toBe(2);
    expect(none.err).toBe('angiv et serie-id (se viso data list) eller --hierarchy henvendelser|forloeb|konto\n');
    expect((await run(['forecast', '--lang', 'en'])).err).toBe(
      'give a series id (see viso data list) or --hierarchy henvendelser|forloeb|konto (requests, cases or accounts)\n',
    );
    const bev = await run(['forecast', '--hierarchy', 'konto', '--measure', 'bevilling']);
    expect(bev.code).toBe(2);
    expect(bev.err).toBe(
      'kontohierarkiet for bevilling kræver mindst 3 år af viso.kas.bevilling; data har 1 (2020, kilde aarsrapport2020#kap8); brug --hierarchy konto til forbrug\n',
    );
    expect((await run(['forecast', '--hierarchy', 'konto', '--measure', 'bevilling', '--lang', 'en'])).err).toMatch(
      /^the account hierarchy for bevilling needs at least 3 years of viso\.kas\.bevilling; the data has 1 \(2020, source aarsrapport2020#kap8\); use --hierarchy konto --measure forbrug \(spending\)\n$/,
    );
    expect((await run(['forecast', 'viso.raadgivning.forbrug', '--measure', 'forbrug'])).err).toBe(
      '--measure gælder kun sammen med --hierarchy\n',
    );
    expect((await run(['forecast', '--hierarchy', 'henvendelser', '--horizon', '30'])).err).toBe(
      '--horizon skal være et helt tal fra 1 til 20 med --hierarchy, fik 30\n',
    );
  });
});
