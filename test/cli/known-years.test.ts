/**
 * `--data FILE` with years after the base year that are not a base year (bevilling and forbrug, no activity):
 * what finance staff know before the accounts have activity data (2025's appropriation and spending) or in
 * advance (the finance act's 2026 appropriation). Those values are used, not simulated, and cited with file:line.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-known-years-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small user file (long layout, Danish numbers); line 2 is the first value. */
function file(name: string, rows: string[]): string {
  const f = join(tmp, name);
  writeFileSync(f, ['serie;år;værdi;enhed', ...rows].join('\n') + '\n');
  return f;
}
const BEV_2025 = file('bev2025.csv', ['viso.raadgivning.bevilling;2025;175,0;mio. kr.']);
const BOTH_2025 = file('both2025.csv', [
  'viso.raadgivning.bevilling;2025;175,0;mio. kr.',
  'viso.raadgivning.forbrug;2025;152,4;mio. kr.',
]);
const BEV_2026 = file('fl2026.csv', ['viso.raadgivning.bevilling;2026;200,0;mio. kr.']);

interface Q {
  p5: number;
  p50: number;
  p95: number;
  mean: number;
}
interface Year {
  year: number;
  bevilling: Q;
  forbrug: Q;
  opsparing: Q;
  pMerforbrug: number;
}
interface Run {
  baseYear: number;
  years: Year[];
  inputs: { input: string; value: unknown; source: { kind: string; at?: string } }[];
}
function run(...data: string[]): Run {
  const r = viso('scenario', 'run', 'baseline', ...data.flatMap((d) => ['--data', d]), '--runs', '4000', '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as Run;
}
const at = (r: Run, y: number) => r.years.find((v) => v.year === y)!;
function report(data: string, lang: 'da' | 'en' = 'da'): string {
  const out = join(tmp, `r-${data.split('/').pop()}-${lang}`);
  const r = viso(
    'report',
    '--scenario',
    'baseline',
    '--data',
    data,
    '--runs',
    '4000',
    '--no-png',
    '--lang',
    lang,
    '--out',
    out,
  );
  expect(r.code, r.err).toBe(0);
  return readFileSync(join(out, 'report.md'), 'utf8');
}

const bundled = run();

describe('--data with later years than the base year: known values are used, not simulated', () => {
  it('2025 bevilling only: the base year stays 2024, 2025 has the file’s bevilling and a simulated forbrug', () => {
    const r = run(BEV_2025);
    expect(r.baseYear).toBe(2024);
    const y = at(r, 2025);
    // every run has the file's 175,0 (the bundled growth model gives 158,9 in the median, with a spread)
    expect([y.bevilling.p5, y.bevilling.p95]).toEqual([175, 175]);
    expect(at(bundled, 2025).bevilling.p95).toBeGreaterThan(at(bundled, 2025).bevilling.p5);
    expect(y.forbrug.p95 - y.forbrug.p5).toBeCloseTo(at(bundled, 2025).forbrug.p95 - at(bundled, 2025).forbrug.p5, 6);
    // a larger bevilling: less merforbrug in 2025, more opsparing, and 2026's bevilling goes on from it
    expect(y.pMerforbrug).toBeLessThan(at(bundled, 2025).pMerforbrug / 2);
    expect(y.opsparing.mean).toBeGreaterThan(at(bundled, 2025).opsparing.mean + 10);
    expect(at(r, 2026).bevilling.mean).toBeGreaterThan(at(bundled, 2026).bevilling.mean + 10);
    expect(at(r, 2026).pMerforbrug).toBeLessThan(at(bundled, 2026).pMerforbrug - 0.1);
    const input = r.inputs.find((x) => x.input === 'bevilling.amounts.2025')!;
    expect(input.source).toMatchObject({ kind: 'data', at: `${BEV_2025}:2` });
    expect(r.inputs.some((x) => x.input === 'known.forbrug.2025')).toBe(false);
  });

  it('2025 bevilling and forbrug: 2025’s forbrug and opsparing are the known ones, 2026 spreads from the known level', () => {
    const r = run(BOTH_2025);
    const y = at(r, 2025);
    expect([y.forbrug.p5, y.forbrug.p95]).toEqual([152.4, 152.4]);
    expect(y.pMerforbrug).toBe(0);
    // the opsparing of 2025: the base year's balance plus the known mindreforbrug 175,0 − 152,4 (carried over)
    const start = r.inputs.find((x) => x.input === 'opsparing.start')!.value as number;
    expect(y.opsparing.p5).toBeCloseTo(start + 175 - 152.4, 9);
    expect(y.opsparing.p95).toBeCloseTo(start + 175 - 152.4, 9);
    // 2026: less spread than with 2025's forbrug unknown (one year of uncertainty fewer)
    const b = run(BEV_2025);
    const w = (x: Run) => at(x, 2026).forbrug.p95 - at(x, 2026).forbrug.p5;
    expect(w(r)).toBeLessThan(0.8 * w(b));
    expect(at(r, 2026).opsparing.p95 - at(r, 2026).opsparing.p5).toBeLessThan(
      0.8 * (at(b, 2026).opsparing.p95 - at(b, 2026).opsparing.p5),
    );
    expect(r.inputs.find((x) => x.input === 'known.forbrug.2025')!.source).toMatchObject({
      kind: 'data',
      at: `${BOTH_2025}:3`,
    });
  });

  it('a known 2026 bevilling is the headline year’s bevilling: a much larger one lowers P(merforbrug 2026)', () => {
    const r = run(BEV_2026);
    expect(r.baseYear).toBe(2024);
    expect([at(r, 2026).bevilling.p5, at(r, 2026).bevilling.p95]).toEqual([200, 200]);
    // 2025 is still projected from the bundled 2024
    expect(at(r, 2025).bevilling.mean).toBeCloseTo(at(bundled, 2025).bevilling.mean, 9);
    expect(at(r, 2026).pMerforbrug).toBeLessThan(at(bundled, 2026).pMerforbrug / 5);
  });

  it('the report says which later values are the file’s (file:line) and which are simulated', () => {
    const a = report(BEV_2025);
    expect(a).toContain(
      `Kendt fra data efter basisåret 2024, ikke simuleret: bevilling 2025 175,0 mio. kr. (fra ${BEV_2025}:2). Forbruget 2025 er simuleret.`,
    );
    // the headline year 2026 is still projected
    expect(a).toMatch(/Forventet forbrug 2026 er .+ mod en forventet bevilling på /);
    const b = report(BOTH_2025);
    expect(b).toContain(
      `bevilling 2025 175,0 mio. kr. (fra ${BOTH_2025}:2), forbrug 2025 152,4 mio. kr. (fra ${BOTH_2025}:3). Henvendelser og forløb 2025 er simuleret, i hver kørsel skaleret til det kendte forbrug.`,
    );
  });

  it('the headline states a known 2026 bevilling with where it is from, in Danish and in English', () => {
    const da = report(BEV_2026);
    expect(da).toMatch(/Forventet forbrug 2026 er .+ mod bevillingen på 200,0 mio\. kr\. \(fra /);
    expect(da).toContain(`mod bevillingen på 200,0 mio. kr. (fra ${BEV_2026}:2)`);
    expect(da.split('## ')[1]).not.toContain('forventet bevilling');
    const en = report(BEV_2026, 'en');
    expect(en).toContain(`against the appropriation of DKK 200.0m (from ${BEV_2026}:2)`);
    expect(en).toContain(
      `Known from the data after the base year 2024, not simulated: appropriation 2026 DKK 200.0m (from ${BEV_2026}:2).`,
    );
  });
});

describe('report --data with a file that says its figures are illustrative', () => {
  const ILL = 'data/viso-2025-illustrative.csv';
  async function frontSheet(dir: string, name: string): Promise<string[]> {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    const texts: string[] = [];
    wb.getWorksheet(name)!.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
    );
    return texts;
  }
  for (const [lang, headline, summary, sheet] of [
    [
      'da',
      `– ILLUSTRATIVE DATA: tallene fra ${ILL} er illustrative, ikke regnskab`,
      `ILLUSTRATIVE DATA: ${ILL} siger selv, at tallene er illustrative, ikke VISOs regnskab;`,
      'Oversigt',
    ],
    [
      'en',
      `– ILLUSTRATIVE DATA: the figures from ${ILL} are illustrative, not accounts`,
      `ILLUSTRATIVE DATA: ${ILL} says its figures are illustrative, not VISO's accounts;`,
      'Summary',
    ],
  ] as const)
    it(`the stdout headline line, the summary and the workbook's front sheet say so (${lang})`, async () => {
      const out = join(tmp, `ill-${lang}`);
      const args = ['report', '--scenario', 'baseline', '--runs', '4000', '--no-png', '--lang', lang, '--out', out];
      const r = viso(...args.slice(0, 1), '--data', ILL, ...args.slice(1));
      expect(r.code, r.err).toBe(0);
      const first = r.out.split('\n')[0];
      expect(first).toMatch(/^P\((merforbrug|overspend) 2027\) = /);
      expect(first.endsWith(headline)).toBe(true);
      const md = readFileSync(join(out, 'report.md'), 'utf8');
      // the summary's first sentence
      expect(
        md
          .slice(md.indexOf('\n## ') + 1)
          .split('\n')[2]
          .startsWith(summary),
      ).toBe(true);
      expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(summary.replace("'", '&#39;'));
      expect((await frontSheet(out, sheet))[1]).toContain(summary);
      // without the marker nothing is said
      const plain = viso(...args.slice(0, 1), '--data', BOTH_2025, ...args.slice(1, -1), `${out}-plain`);
      expect(plain.code, plain.err).toBe(0);
      expect(plain.out).not.toContain('ILLUSTRATIVE');
      expect(readFileSync(join(`${out}-plain`, 'report.md'), 'utf8')).not.toContain('ILLUSTRATIVE DATA');
    });
});
