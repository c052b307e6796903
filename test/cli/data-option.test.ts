/**
 * `--data FILE` on every command that reads the series: the user's file is merged into the
 * bundled data per (series, year), each change listed once on stderr, and the scenario's base
 * year, the report's history, forecasts, scenarios and headline start from the user's latest year.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { viso } from '../helpers/cli.js';

const FIXTURE = 'test/fixtures/good/viso-2025.csv';
const ONLY_2025 = 'data/viso-2025-illustrative.csv';
const OVERRIDE = `viso.raadgivning.forbrug 2024: 143,5 → 144,0 (fra ${FIXTURE})`;
const tmp = mkdtempSync(join(tmpdir(), 'viso-data-option-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('--data merges into the bundled data', () => {
  it("scenario run: the base year is the file's latest year (2025), the actuals come from it, and each change is listed once", () => {
    const r = viso('scenario', 'run', 'baseline', '--data', FIXTURE, '--runs', '2000', '--json');
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.baseYear).toBe(2025);
    expect(j.years[0].year).toBe(2026);
    expect(j.inputs.find((i: { input: string }) => i.input === 'actual.forbrug').value).toBe(152.4);
    expect(count(r.err, OVERRIDE)).toBe(1);
    expect(r.err).toMatch(/viso\.raadgivning\.henvendelser\.i_alt: tilføjet 2025/);
    // without --data the bundled base year 2024
    expect(JSON.parse(viso('scenario', 'run', 'baseline', '--runs', '500', '--json').out).baseYear).toBe(2024);
  });

  it('a later year without activity is not the base year, and stderr says why (no year dropped silently)', () => {
    const f = join(tmp, 'money.csv');
    writeFileSync(
      f,
      'serie;år;værdi;enhed\nviso.raadgivning.bevilling;2025;161,2;mio. kr.\nviso.raadgivning.forbrug;2025;152,4;mio. kr.\n',
    );
    const r = viso('scenario', 'run', 'baseline', '--data', f, '--runs', '500', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).baseYear).toBe(2024);
    expect(r.err).toContain(
      'baseline: basisår 2024; 2025 er ikke basisår, fordi data mangler viso.raadgivning.forloeb.i_alt, viso.raadgivning.henvendelser.i_alt for 2025',
    );
  });

  it('scenario compare reads the file once (each change listed once) and every scenario starts from 2025', () => {
    const r = viso('scenario', 'compare', 'baseline', 'high-demand', '--data', FIXTURE, '--runs', '1000', '--json');
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out).map((x: { baseYear: number }) => x.baseYear)).toEqual([2025, 2025]);
    expect(count(r.err, OVERRIDE)).toBe(1);
  });

  it('a file with only 2025 extends the bundled years (forecast, backtest, cost, measure evaluate)', () => {
    const f = viso('forecast', 'viso.raadgivning.forbrug', '--data', ONLY_2025, '--json');
    expect(f.code, f.err).toBe(0);
    const fj = JSON.parse(f.out);
    expect(fj.years[0]).toBe(2026);
    expect(fj.model.n).toBe(15); // 2011–2025 with 2021 interpolated, not 1 usable year
    const b = viso('backtest', 'viso.raadgivning.forbrug', '--method', 'naive', '--data', ONLY_2025, '--json');
    expect(b.code, b.err).toBe(0);
    expect(JSON.parse(b.out).years.at(-1)).toBe(2025);
    const c = viso('cost', '--data', ONLY_2025, '--json');
    expect(c.code, c.err).toBe(0);
    expect(JSON.parse(c.out).model.years).toContain(2025);
    const m = viso('measure', 'evaluate', 'tightening-2021-09', '--data', ONLY_2025, '--runs', '300');
    expect(m.code, m.err).toBe(0);
    expect(m.out).toMatch(/evalueret til og med 2025/);
  });

  it('a file marked illustrative is named as such on stderr, one line after its merge lines (da and en); an accounts file is not', () => {
    for (const [lang, line] of [
      ['da', `  ${ONLY_2025}: ILLUSTRATIVE DATA, filen siger selv, at tallene er illustrative, ikke VISOs regnskab`],
      ['en', `  ${ONLY_2025}: ILLUSTRATIVE DATA, the file says its figures are illustrative, not VISO's accounts`],
    ] as const) {
      const r = viso('forecast', 'viso.raadgivning.forbrug', '--data', ONLY_2025, '--lang', lang, '--json');
      expect(r.code, r.err).toBe(0);
      const err = r.err.split('\n');
      expect(count(r.err, 'ILLUSTRATIVE')).toBe(1);
      const at = err.indexOf(line);
      expect(at, r.err).toBeGreaterThan(0);
      // after the lines of what the file added, before anything else
      expect(err[at - 1]).toMatch(lang === 'da' ? /: tilføjet 2025 \(fra / : /: added 2025 \(from /);
    }
    const plain = viso('forecast', 'viso.raadgivning.forbrug', '--data', FIXTURE, '--json');
    expect(plain.code, plain.err).toBe(0);
    expect(plain.err).not.toContain('ILLUSTRATIVE');
  });

  it('report: history, scenarios and headline start from 2025, and the appendix lists every change', () => {
    const out = join(tmp, 'rep');
    const r = viso('report', '--data', FIXTURE, '--runs', '3000', '--no-png', '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(count(r.err, OVERRIDE)).toBe(1);
    expect(r.out).toMatch(/^P\(merforbrug 2027\) = /m);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).toMatch(/Seneste regnskabsår 2025: forbrug 152,4 mio\. kr\. af en bevilling på 161,2 mio\. kr\./);
    expect(md).toMatch(
      /^\| viso\.raadgivning\.forbrug \| 2024 \| 143,5 \| 144,0 \| test\/fixtures\/good\/viso-2025\.csv \|$/m,
    );
    expect(md).toMatch(
      /^\| viso\.raadgivning\.forloeb\.i_alt \| 2025 \| tilføjet \| 2\.655 \| test\/fixtures\/good\/viso-2025\.csv \|$/m,
    );
    // both probabilities for the headline year, the opsparing from the merged data: 200,9 − 0,5 (2024 corrected) + 8,8 (2025)
    expect(md).toMatch(
      /Opsparingen ved udgangen af 2025 er 209,2 mio\. kr\. \(reglerne i models\/budget\.yaml\)\. I den ene prognose \(spredningen kalibreret med faktor \d,\d\) er P\(forbrug &gt; bevilling 2027\) = \d+,\d %.*P\(forbrug &gt; bevilling \+ brugbar opsparing 2027\) = \d+,\d %/,
    );
    // the savings of the September 2021 tightening split between 2021 and 2022 (models/timing.yaml)
    expect(md).toMatch(/^\| Skærpede visitationskriterier \(september 2021\) \| 2021-09-20 \| 32,8 % \| 67,2 % \|$/m);
    const man = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(man.inputs.map((i: { path: string }) => i.path)).toEqual(
      expect.arrayContaining(['test/fixtures/good/viso-2025.csv', 'models/budget.yaml', 'models/timing.yaml']),
    );
  });
});
