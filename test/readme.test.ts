/**
 * The README quotes what the commands print: these checks run the commands behind the figures that the
 * README walk corrected and compare them with the README's text, so a change in either shows here.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, viso } from './helpers/cli.js';

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

describe('README figures equal what the commands print', () => {
  it('viso data show: the example rows as printed', () => {
    const out = viso('data', 'show', 'viso.raadgivning.forbrug').out.split('\n');
    for (const year of ['2020', '2021', '2022']) {
      const line = out.find((l) => l.startsWith(`${year} `))!;
      expect(README).toContain(line.trimEnd());
    }
  });

  it('viso data validate with --map: the ok line', () => {
    const r = viso('data', 'validate', 'test/fixtures/excel/budget.xlsx', '--map', 'test/fixtures/excel/map.yaml');
    expect(r.code, r.err).toBe(0);
    expect(README).toContain(`# ${r.out.trim()}`);
  });

  it('viso scenario backtest baseline: the 2020 replay, the CRPS and the one forecast', () => {
    const r = viso('scenario', 'backtest', 'baseline', '--json');
    expect(r.code, r.err).toBe(0);
    const b = JSON.parse(r.out);
    const f1 = (x: number) => x.toFixed(1).replace('.', ',');
    const f2 = (x: number) => x.toFixed(2).replace('.', ',');
    const p = (mode: string) =>
      b.points.find(
        (x: { mode: string; vantage: number; target: number }) =>
          x.mode === mode && x.vantage === 2020 && x.target === 2022,
      );
    const w = p('withDecisions').driver.quantiles;
    const k = p('asKnown').driver.quantiles;
    expect(README).toContain(`forbrug 2022 is ${f1(w.p2_5)}–${f1(w.p97_5)}`);
    expect(README).toContain(`(without them: ${f1(k.p2_5)}–${f1(k.p97_5)}, which misses it)`);
    const m = (mode: string) => b.calibration.byMode.find((x: { mode: string }) => x.mode === mode);
    const wd = m('withDecisions');
    const ak = m('asKnown');
    expect(README).toContain(
      `mean CRPS ${f2(wd.driver)} mio. kr. against ${f2(wd.timeSeries)} (time series)\nand ${f2(wd.naive)} (naive)`,
    );
    expect(README).toContain(`(CRPS ${f2(ak.naive)} against\n${f2(ak.driver)})`);
    expect(README).toContain(`k = ${f1(b.calibration.k)}, the k that minimises`);
    const kw: { k: number }[] = b.calibration.kWithoutVantage;
    expect(README).toContain(
      `k lies between ${f2(Math.min(...kw.map((x) => x.k)))} and\n${f2(Math.max(...kw.map((x) => x.k)))}, and the answer`,
    );
    expect(README).toContain(
      `the\nbacktest states its standard error (\`calibration.kSe\`, ${b.calibration.kSe.toFixed(3).replace('.', ',')} at 20.000 runs per replay`,
    );
    expect(README).toContain(
      `leave-one-out CRPS ${f2(wd.calibrated)} against ${f2(wd.driver)} uncalibrated, ${f2(wd.timeSeries)} time series, ${f2(wd.naive)} naive; the pool of\ndriver and time series was worse, ${f2(wd.pool)}`,
    );
  });

  it("notebook 03's row: the one forecast's goal seek beside the driver model's, as viso prints them", () => {
    const bt = viso('scenario', 'backtest', 'baseline', '--json');
    expect(bt.code, bt.err).toBe(0);
    const k = String(JSON.parse(bt.out).calibration.k);
    const seek = (lever: string, ...extra: string[]) => {
      const r = viso(
        'scenario',
        'goal-seek',
        'baseline',
        '--lever',
        lever,
        '--target',
        'P(merforbrug>0, 2026) <= 0.2',
        '--json',
        ...extra,
      );
      expect(r.code, r.err).toBe(0);
      return JSON.parse(r.out) as { p0: number; change: number };
    };
    const pct = (x: number) => `${(100 * x).toFixed(1).replace('.', ',').replace('-', '−')} %`;
    const mio = (x: number) => `+${x.toFixed(1).replace('.', ',')} mio. kr.`;
    const [vOne, bOne] = ['visitation', 'bevilling'].map((l) => seek(l, '--spread-k', k));
    const [vDrv, bDrv] = ['visitation', 'bevilling'].map((l) => seek(l));
    const row = README.split('\n').find((l) => l.startsWith('| `03-budget-naeste-to-aar.ipynb` |'))!;
    expect(row).toContain(`: ${pct(vOne.p0)} against the driver model's ${pct(vDrv.p0)})`);
    expect(row).toContain(
      `(visitation ${pct(vOne.change)}, the share the report finds for henvendelser; bevilling ${mio(bOne.change)})`,
    );
    expect(row).toContain(`beside it (${pct(vDrv.change)}, ${mio(bDrv.change)})`);
    // the report's answer on henvendelser, quoted at the top of the README, is the same share
    expect(README).toContain(`\`${pct(-vOne.change)}\` fewer henvendelser`);
  });

  it('viso measure evaluate: the rows of the table (seed 1, default runs)', () => {
    const t21 = viso('measure', 'evaluate', 'tightening-2021-09').out;
    expect(t21).toMatch(/^ {2}2022 +100 % +112,3 +146,2 +117,2 – 182,3 +-33,9 +-70,0 – -4,9 +-23,2 %/m);
    expect(t21).toMatch(/^ {2}Samlet +-60,2 +-192,4 – 37,6/m);
    expect(t21).toMatch(/^ {2}2023 +100 % +1\.859 +2\.214 +1\.655 – 2\.960 +-355 .* -18,7 \(/m);
    expect(t21).toMatch(/^ {2}2023 +100 % +4\.466 +6\.750 +5\.054 – 9\.016 +-2\.284 .* -33,8 % +-951 \(/m);
    expect(README).toContain(
      '| 2021 measures, forbrug | 2020 → 2022 | 112,3 | 146,2 (117,2–182,3) | −33,9 mio. kr. (−23,2 %) |',
    );
    expect(README).toContain('| −60,2 mio. kr. (−192,4 to 37,6) |');
    expect(README).toContain('| 1.859 | 2.214 (1.655–2.960) | −355 forløb, −18,7 mio. kr. |');
    expect(README).toContain('| 4.466 | 6.750 (5.054–9.016) | −2.284 (−33,8 %) ≈ −951 forløb |');
    const t18 = viso('measure', 'evaluate', 'measures-2018').out;
    expect(t18).toMatch(/^ {2}2018 +100 % +1\.827 +1\.973 +1\.681 – 2\.315 +-146 .* -7,4 %/m);
    expect(t18).toMatch(/^ {2}2018 +100 % +120,9 +133,7 +115,4 – 154,8 +-12,8 /m);
    expect(README).toContain('| 1.827 | 1.973 (1.681–2.315) | −146 (−7,4 %) | level −270 (SE 145); ');
    expect(t18).toMatch(/^Segmenteret regression .*: niveauskift -270 \(SE 145;/m);
    expect(README).toContain('| 120,9 | 133,7 (115,4–154,8) | −12,8 mio. kr. |');
  });

  it('the input lines quoted for a set value and a PL rate: as viso scenario run prints them', () => {
    const inputLine = (out: string, key: string) =>
      out
        .split('\n')
        .find((l) => l.includes(`(${key}, `))!
        .trim();
    const hd = viso('scenario', 'run', 'high-demand', '--runs', '1000');
    expect(hd.code, hd.err).toBe(0);
    expect(README).toContain(`\`${inputLine(hd.out, 'demand.growth')}\``);
    const dir = mkdtempSync(join(tmpdir(), 'viso-readme-'));
    try {
      const file = join(dir, 'pl.yaml');
      writeFileSync(file, 'id: pl\nname: PL\nextends: baseline\nbevilling: { pl: true }\n');
      const r = viso('scenario', 'run', file, '--runs', '1000');
      expect(r.code, r.err).toBe(0);
      // the README shortens the sources' parentheses to (…) and breaks the line once
      const quoted = inputLine(r.out, 'pl.bevilling').replace(/\((Finansministeriets|Antagelse)[^)]*\)/g, '(…)');
      expect(README.replace(/\n/g, ' ')).toContain(`\`${quoted}\``);
      const sentence = inputLine(r.out, 'bevilling.pl')
        .replace(/^.* — /, '')
        .replace(/ \[.*\]$/, '');
      expect(README.replace(/\n/g, ' ')).toContain(`\`${sentence}\``);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('viso forecast-batch --threads: 1–64 as the README says (0 only in the API: the main thread)', () => {
    const r = viso('forecast-batch', '--input', 'nosuch.csv', '--out', 'nosuch-out.csv', '--threads', '0');
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe('--threads skal være et helt tal fra 1 til 64, fik 0');
    expect(README).toContain(
      "(`--threads N`, 1–64, default all cores; the API's `threads: 0` runs on the main thread)",
    );
  });
});
