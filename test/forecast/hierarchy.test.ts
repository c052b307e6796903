import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { Dataset } from '../../src/data/dataset.js';
import { UsageError } from '../../src/errors.js';
import { forecastHierarchy, hierarchyShares } from '../../src/forecast/hierarchy.js';
import { fitWindow, forecastSeries } from '../../src/forecast/series.js';
import { mintWeights, reconcileNonNegative, shrinkageCovariance, summingMatrix } from '../../src/forecast/reconcile.js';
import type { HierarchyForecast } from '../../src/forecast/hierarchy.js';
import { sayMsg } from '../../src/text/messages.js';

/** A hierarchy's notes (codes) worded in both languages. */
const words = (h: HierarchyForecast): { da: string; en: string }[] =>
  h.notes.map((m) => ({ da: sayMsg(m, 'da'), en: sayMsg(m, 'en') }));

const ds = loadBundled();
const henv = forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 3, runs: 4000, seed: 7 });
const forl = forecastHierarchy(ds, { hierarchy: 'forloeb', horizon: 3, runs: 4000, seed: 7 });
const konto = forecastHierarchy(ds, { hierarchy: 'konto', horizon: 3, runs: 4000, seed: 7 });

function checkCoherent(h: HierarchyForecast): void {
  const [total, ...kids] = h.nodes;
  const n = h.runs * h.years.length;
  for (let c = 0; c < n; c++) {
    let s = 0;
    for (const k of kids) {
      expect(k.paths[c]).toBeGreaterThanOrEqual(0);
      s += k.paths[c];
    }
    // exactly: the total of a reconciled path is the sum of its children
    expect(total.paths[c]).toBe(s);
  }
  h.years.forEach((_, t) =>
    expect(Math.abs(total.point[t] - kids.reduce((a, k) => a + k.point[t], 0))).toBeLessThanOrEqual(
      1e-9 * total.point[t],
    ),
  );
}

describe('forecastHierarchy: henvendelser and forløb by hovedområde', () => {
  it('forecasts the years after the total’s last year, total first, then the four areas', () => {
    expect(henv.years).toEqual([2025, 2026, 2027]);
    expect(henv.nodes.map((n) => n.key)).toEqual(['i_alt', 'voksne', 'boern_unge', 'specialundervisning', 'andet']);
    expect(henv.nodes.map((n) => n.lastYear)).toEqual([2024, 2020, 2020, 2020, 2020]);
    expect(henv.unit).toBe('count');
  });
  it('every path adds up exactly (total = sum of areas) and no value is negative, in both hierarchies', () => {
    checkCoherent(henv);
    checkCoherent(forl);
    expect(henv.coherence).toEqual({
      points: expect.any(Number),
      paths: 0,
      observed: { years: [2014, 2015, 2016, 2017, 2018, 2019, 2020], maxAbs: 0 },
    });
  });
  it('the total comes from its own forecast over all its years; the areas are the total times their reconciled shares', () => {
    const own = forecastSeries(ds.get('viso.raadgivning.henvendelser.i_alt'), { horizon: 3, levels: [80, 95] });
    expect(henv.nodes[0].base.point).toEqual(own.point);
    henv.years.forEach((_, t) => expect(henv.nodes[0].point[t]).toBeCloseTo(own.point[t], 9));
    // stage 1 rebuilt from the public pieces: base forecasts from 2020, mint_shrink W, non-negative MinT
    const ids = ['i_alt', 'voksne', 'boern_unge', 'specialundervisning', 'andet'].map(
      (a) => `viso.raadgivning.henvendelser.${a}`,
    );
    const cut = ids.map((id) => ({ ...ds.get(id), points: ds.get(id).points.filter((p) => p.year <= 2020) }));
    const fs = cut.map((s) => forecastSeries(s, { horizon: 7, levels: [80, 95] }));
    const errYears = [2015, 2016, 2017, 2018, 2019, 2020];
    const E = Float64Array.from(
      errYears.flatMap((y) => fs.map((f, i) => f.model.residuals[fitWindow(cut[i]).years.indexOf(y)])),
    );
    const W = shrinkageCovariance(E, 6, 5).W;
    expect(henv.lambda).toBe(shrinkageCovariance(E, 6, 5).lambda);
    expect(henv.errorYears).toEqual(errYears);
    const S = summingMatrix(4);
    const G = mintWeights(S, W, 5, 4);
    henv.years.forEach((_, t) => {
      const rec = reconcileNonNegative(
        S,
        W,
        fs.map((f) => f.point[4 + t]),
        5,
        4,
        G,
      ).y;
      for (let i = 1; i < 5; i++)
        expect(henv.nodes[i].point[t] / henv.nodes[0].point[t]).toBeCloseTo(rec[i] / rec[0], 12);
    });
  });
  it('the forløb registration break of 2024 is a level shift in the total’s own forecast, and the notes say so', () => {
    const own = forecastSeries(ds.get('viso.raadgivning.forloeb.i_alt'), {
      horizon: 3,
      levels: [80, 95],
      eventYears: [{ kind: 'level', year: 2024 }],
    });
    expect(forl.nodes[0].base.point).toEqual(own.point);
    expect(
      words(forl)
        .map((n) => n.en)
        .join('\n'),
    ).toContain(
      'viso.raadgivning.forloeb.i_alt: registration break in 2024 modelled as a level shift (the new level carries on); the shares are from the years before the break',
    );
    expect(
      words(henv)
        .map((n) => n.en)
        .join('\n'),
    ).not.toContain('registration break');
  });
  it('states the rule for the unbalanced data in both languages', () => {
    expect(henv.notes.map((m) => m.code)).toEqual(['forecast.hier.method', 'forecast.hier.totalLater']);
    expect(words(henv)[0].en).toMatch(
      /^The hierarchy is estimated in the years every series is known \(2014–2020\): every series gets its own base forecast from 2020, reconciled with MinT \(shrinkage covariance of the one-step errors 2015–2020, λ = \d\.\d\d\) in every simulated run; negative child values are set to 0 and the rest reconciled again \([\d,]+ of 12,000 run-years\)\.$/,
    );
    expect(words(henv)[1].en).toBe(
      'Total is also known after 2020 (2023–2024): its forecast for 2025–2027 uses all its years, and Adults, Children and young people, Special education, Other are the total times their shares in the reconciled hierarchy from 2020 in the same year and run (the shares are carried forward from 2020 with their uncertainty).',
    );
    expect(words(henv)[1].da).toBe(
      'I alt kendes også efter 2020 (2023–2024): prognosen for 2025–2027 bruger alle dens år, og Voksne, Børn og unge, Specialundervisning, Andet er i alt gange deres andele i det afstemte hierarki fra 2020 i samme år og kørsel (andelene føres frem fra 2020 med deres usikkerhed).',
    );
  });
  it('intervals come from the reconciled paths and widen with the horizon', () => {
    for (const n of henv.nodes) {
      const [i80, i95] = n.intervals;
      henv.years.forEach((_, t) => {
        expect(i95.lower[t]).toBeLessThanOrEqual(i80.lower[t]);
        expect(i80.upper[t]).toBeLessThanOrEqual(i95.upper[t]);
      });
      expect(i95.upper[2] - i95.lower[2]).toBeGreaterThan(i95.upper[0] - i95.lower[0]);
    }
  });
  it('shares of the areas add up to 1 on every path, aligned by run index with the paths', () => {
    const sh = ['voksne', 'boern_unge', 'specialundervisning', 'andet'].map((a) => hierarchyShares(forl, a));
    for (let c = 0; c < forl.runs * 3; c++) expect(sh.reduce((a, s) => a + s[c], 0)).toBeCloseTo(1, 12);
    expect(sh[0][5]).toBe(forl.nodes[1].paths[5] / forl.nodes[0].paths[5]);
    expect(() => hierarchyShares(forl, 'i_alt')).toThrow(
      'no child "i_alt" in the forloeb hierarchy (children: voksne, boern_unge, specialundervisning, andet)',
    );
  });
  it('same inputs and seed give identical paths; another seed other paths', () => {
    const again = forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 3, runs: 4000, seed: 7 });
    expect(again.nodes.map((n) => Array.from(n.paths))).toEqual(henv.nodes.map((n) => Array.from(n.paths)));
    const other = forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 3, runs: 4000, seed: 8 });
    expect(Array.from(other.nodes[1].paths.slice(0, 10))).not.toEqual(Array.from(henv.nodes[1].paths.slice(0, 10)));
  });
});

describe('forecastHierarchy: konto (§15.11.31 = underkonto 10 + 20)', () => {
  it('forbrug: the total is the sum of rådgivning and KaS where both are known; balanced from 2024', () => {
    expect(konto.nodes.map((n) => [n.key, n.id, n.lastYear])).toEqual([
      ['samlet', 'viso.samlet.forbrug', 2024],
      ['raadgivning', 'viso.raadgivning.forbrug', 2024],
      ['kas', 'viso.kas.forbrug', 2024],
    ]);
    expect(konto.unit).toBe('mio. kr.');
    expect(konto.coherence.observed).toEqual({ years: [2020, 2022, 2023, 2024], maxAbs: 0 });
    expect(konto.errorYears).toEqual([2022, 2023, 2024]);
    checkCoherent(konto);
    expect(words(konto).at(-1)!.en).toBe(
      '§15.11.31 in total is the sum of sub-accounts 10 and 20 in the years both are known (2020, 2022–2024); sub-account 10 for 2022–2024 is flagged “Ambiguous account” in the data (ambiguous_account in data/README.md)',
    );
    // in Danish the flag by its Danish name (as in viso data show), the code beside it
    expect(words(konto).at(-1)!.da).toBe(
      '§15.11.31 i alt er summen af underkonto 10 og 20 i de år, hvor begge kendes (2020, 2022–2024); underkonto 10 for 2022–2024 har flaget »Uklar konto« i data (ambiguous_account i data/README.md)',
    );
  });
  it('bevilling is refused: KaS bevilling is known for 2020 only', () => {
    expect(() => forecastHierarchy(ds, { hierarchy: 'konto', measure: 'bevilling', horizon: 3 })).toThrow(
      'the account hierarchy for bevilling needs at least 3 years of viso.kas.bevilling; the data has 1 (2020, source aarsrapport2020#kap8); use --hierarchy konto --measure forbrug (spending)',
    );
  });
});

describe('forecastHierarchy: other data', () => {
  it('areas known through 2024 (e.g. from --data) make the hierarchy balanced: no share step, every node from 2024', () => {
    const grown = ds.list().map((s) => {
      if (!/^viso\.raadgivning\.henvendelser\.(voksne|boern_unge|specialundervisning|andet)$/.test(s.id)) return s;
      const last = s.points[s.points.length - 1];
      const share = last.value / 5870; // 2020 share of i alt
      return {
        ...s,
        points: [
          ...s.points,
          ...[2023, 2024].map((year) => ({
            year,
            value: Math.round(share * (year === 2023 ? 4466 : 5122) * 1000) / 1000,
            flags: [],
            sources: ['test'],
          })),
        ],
      };
    });
    const h = forecastHierarchy(new Dataset(grown, ds.events, ds.sources), {
      hierarchy: 'henvendelser',
      horizon: 2,
      runs: 500,
    });
    expect(h.nodes.map((n) => n.lastYear)).toEqual([2024, 2024, 2024, 2024, 2024]);
    expect(h.coherence.observed.years).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2023, 2024]);
    expect(
      words(h)
        .map((n) => n.en)
        .join('\n'),
    ).not.toContain('is also known after');
    checkCoherent(h);
  });
  it('a child with no error in the common years (constant) does not break MinT', () => {
    const flat = ds
      .list()
      .map((s) =>
        s.id === 'viso.raadgivning.forloeb.andet' ? { ...s, points: s.points.map((p) => ({ ...p, value: 60 })) } : s,
      );
    const h = forecastHierarchy(new Dataset(flat, ds.events, ds.sources), {
      hierarchy: 'forloeb',
      horizon: 2,
      runs: 500,
      method: 'naive',
    });
    checkCoherent(h);
  });
});

describe('forecastHierarchy: usage errors', () => {
  it('refuses bad options with a UsageError naming them', () => {
    expect(() => forecastHierarchy(ds, { hierarchy: 'x' as never, horizon: 3 })).toThrow(
      'unknown hierarchy "x" (expected henvendelser, forloeb, konto)',
    );
    expect(() => forecastHierarchy(ds, { hierarchy: 'henvendelser', measure: 'forbrug', horizon: 3 })).toThrow(
      UsageError,
    );
    expect(() => forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 0 })).toThrow(
      'horizon must be a whole number from 1 to 20 (got 0)',
    );
    expect(() => forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 3, runs: 10 })).toThrow(
      'runs must be a whole number from 100 to 1000000 (got 10)',
    );
    expect(() => forecastHierarchy(ds, { hierarchy: 'henvendelser', horizon: 3, seed: -1 })).toThrow(
      'seed must be a whole number',
    );
  });
  it('no options at all is a UsageError saying what they look like (not a TypeError reading hierarchy)', () => {
    expect(() => forecastHierarchy(ds, undefined as never)).toThrow(
      "the options must be an object such as { hierarchy: 'konto', horizon: 2 } (got undefined)",
    );
  });
});
