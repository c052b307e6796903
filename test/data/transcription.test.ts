/**
 * The bundled transcription checked against the documents' own arithmetic:
 * every printed total equals the sum of its parts, and every change stated in
 * the text ("3.086 flere … 56 pct.", "merforbrug på 3,7 mio. kr.") follows
 * from the stored values. A mistyped number in data/viso.csv breaks one of these.
 */
import { describe, expect, it } from 'vitest';
import { loadBundled } from '../../src/data/bundled.js';
import { valueAt } from '../../src/data/series.js';

const ds = loadBundled();
const v = (id: string, year: number): number => {
  const x = valueAt(ds.get(id), year);
  if (x === undefined) throw new Error(`${id} has no value for ${year}`);
  return x;
};
const HOVED = ['voksne', 'boern_unge', 'specialundervisning', 'andet'];
/** Percentage change from a to b. */
const pct = (a: number, b: number) => ((b - a) / a) * 100;
/** Round to 1 decimal for money comparisons (mio. kr. printed with one decimal). */
const r1 = (x: number) => Math.round(x * 10) / 10;

describe('totals equal the sum of their parts', () => {
  const cases: [string, number[]][] = [
    ['viso.raadgivning.henvendelser', [2014, 2015, 2016, 2017, 2018, 2019, 2020]], // Tabel 1
    ['viso.covid.henvendelser', [2020]], // Tabel 1, COVID-19 block
    ['viso.raadgivning.forloeb', [2014, 2015, 2016, 2017, 2018, 2019, 2020]], // Tabel 2
    ['viso.raadgivning.gruppeforloeb', [2015, 2016, 2017, 2018, 2019, 2020]], // Tabel 4
  ];
  for (const [prefix, years] of cases) {
    for (const y of years) {
      it(`${prefix} ${y}`, () => {
        const parts = HOVED.reduce((acc, c) => acc + v(`${prefix}.${c}`, y), 0);
        expect(parts).toBe(v(`${prefix}.i_alt`, y));
      });
    }
  }
  it('Tabel 1: grand total 2020 = 5.870 + 2.761 = 8.631', () => {
    expect(v('viso.raadgivning.henvendelser.i_alt', 2020) + v('viso.covid.henvendelser.i_alt', 2020)).toBe(8631);
  });
  it('kap. 8: §15.11.31 = underkonto 10 + underkonto 20 = 246,9 mio. kr.', () => {
    expect(r1(v('viso.raadgivning.bevilling', 2020) + v('viso.kas.bevilling', 2020))).toBe(v('viso.samlet.bevilling', 2020));
    expect(v('viso.samlet.bevilling', 2020)).toBe(246.9);
  });
  it('Tabel 3: 50 målgrupper for 2018-2020, COVID-19 only from 2020', () => {
    const groups = ds.ids().filter((id) => id.startsWith('viso.raadgivning.maalgrupper.'));
    expect(groups).toHaveLength(50);
    expect(valueAt(ds.get('viso.raadgivning.maalgrupper.covid19'), 2019)).toBeUndefined();
    // first rows of the table, in the order printed
    expect([542, 433, 397, 340, 297]).toEqual(
      ['autismespektrum', 'udviklingshaemning', 'udadreagerende_adfaerd', 'angst', 'opmaerksomhedsforstyrrelse'].map((s) => v(`viso.raadgivning.maalgrupper.${s}`, 2020)),
    );
  });
});

describe('stated changes follow from the stored values (årsrapport 2020)', () => {
  const h = (y: number) => v('viso.raadgivning.henvendelser.i_alt', y);
  const hc = (c: string, y: number) => v(`viso.raadgivning.henvendelser.${c}`, y);
  const cov = (c: string) => v(`viso.covid.henvendelser.${c}`, 2020);
  const f = (c: string, y: number) => v(`viso.raadgivning.forloeb.${c}`, y);
  it('"8.631 henvendelser … 3.086 flere end året før … 56 pct."', () => {
    const total = h(2020) + cov('i_alt');
    expect(total).toBe(8631);
    expect(total - h(2019)).toBe(3086);
    expect(Math.round(pct(h(2019), total))).toBe(56);
  });
  it('"5.870 henvendelser … 325 flere end i 2019 … knap 6 pct."', () => {
    expect(h(2020)).toBe(5870);
    expect(h(2020) - h(2019)).toBe(325);
    const p = pct(h(2019), h(2020));
    expect(p).toBeGreaterThan(5.5); // "knap 6" = a little under 6
    expect(p).toBeLessThan(6);
  });
  it('"2.164 rådgivningsforløb … 99 flere … (knap) 5 pct."', () => {
    expect(f('i_alt', 2020)).toBe(2164);
    expect(f('i_alt', 2020) - f('i_alt', 2019)).toBe(99);
    const p = pct(f('i_alt', 2019), f('i_alt', 2020));
    expect(Math.round(p)).toBe(5);
    expect(p).toBeLessThan(5);
  });
  it('1.1: henvendelser by hovedområde 2019→2020, excl. and incl. COVID-19', () => {
    expect(Math.round(pct(hc('voksne', 2019), hc('voksne', 2020)))).toBe(9);
    expect(Math.round(pct(hc('voksne', 2019), hc('voksne', 2020) + cov('voksne')))).toBe(79);
    expect(Math.round(pct(hc('boern_unge', 2019), hc('boern_unge', 2020)))).toBe(9);
    expect(Math.round(pct(hc('boern_unge', 2019), hc('boern_unge', 2020) + cov('boern_unge')))).toBe(52);
    expect(Math.round(pct(hc('specialundervisning', 2019), hc('specialundervisning', 2020)))).toBe(-7);
    expect(Math.round(pct(hc('specialundervisning', 2019), hc('specialundervisning', 2020) + cov('specialundervisning')))).toBe(-1);
    expect(cov('i_alt')).toBe(2761);
  });
  it('1.2: forløb by hovedområde 2019→2020 ("3 pct.", "knap 18 pct.", "faldt med 9 pct.")', () => {
    expect(Math.round(pct(f('voksne', 2019), f('voksne', 2020)))).toBe(3);
    const bu = pct(f('boern_unge', 2019), f('boern_unge', 2020));
    expect(Math.round(bu)).toBe(18);
    expect(bu).toBeLessThan(18);
    expect(Math.round(pct(f('specialundervisning', 2019), f('specialundervisning', 2020)))).toBe(-9);
    expect(v('viso.raadgivning.forloeb_intern.i_alt', 2020)).toBeLessThan(f('i_alt', 2020)); // "131 af de 2.164"
  });
  it('Tabel 4: "I 2020 faldt antallet [gruppeforløb] til 59"', () => {
    expect(v('viso.raadgivning.gruppeforloeb.i_alt', 2020)).toBe(59);
    expect(v('viso.raadgivning.gruppeforloeb.i_alt', 2020)).toBeLessThan(v('viso.raadgivning.gruppeforloeb.i_alt', 2019));
  });
  it('KaS: "3.948 henvendelser … 307 færre … godt 7 pct."', () => {
    const k = (y: number) => v('viso.kas.henvendelser.i_alt', y);
    expect(k(2019) - k(2020)).toBe(307);
    const p = -pct(k(2019), k(2020));
    expect(p).toBeGreaterThan(7); // "godt 7" = a little over 7
    expect(p).toBeLessThan(7.5);
  });
  it('KaS: "961 forløb … 293 færre … over/godt 23 pct."', () => {
    const k = (y: number) => v('viso.kas.forloeb.i_alt', y);
    expect(k(2020)).toBe(961);
    expect(k(2019) - k(2020)).toBe(293);
    const p = -pct(k(2019), k(2020));
    expect(p).toBeGreaterThan(23);
    expect(p).toBeLessThan(23.5);
  });
  it('"ramme … 140,2 mio. kr. … brugt 143,9 mio. kr. … merforbrug på 3,7 mio. kr."', () => {
    expect(r1(v('viso.raadgivning.forbrug', 2020) - v('viso.raadgivning.bevilling', 2020))).toBe(3.7);
  });
  it('KaS: "rammen 106,7 mio. kr. … brugt 105,5 mio. kr. … mindreforbrug på 1,2 mio. kr." ("knap 107 mio. kr.")', () => {
    expect(r1(v('viso.kas.bevilling', 2020) - v('viso.kas.forbrug', 2020))).toBe(1.2);
    expect(Math.ceil(v('viso.kas.bevilling', 2020))).toBe(107);
  });
  it('"Udgifterne steg med 7,4 mio. kr. … 5,4 pct. efter en stigning på 12,9 pct. fra 2018 til 2019"', () => {
    const fb = (y: number) => v('viso.raadgivning.forbrug', y);
    expect(r1(fb(2020) - fb(2019))).toBe(7.4);
    expect(r1(pct(fb(2019), fb(2020)))).toBe(5.4);
    expect(r1(pct(fb(2018), fb(2019)))).toBe(12.9);
  });
  it('"ekstraordinære udgifter på 1,2 mio. kr. grundet … COVID-19" are part of the 2020 forbrug', () => {
    expect(v('viso.raadgivning.forbrug_covid.i_alt', 2020)).toBe(1.2);
    expect(ds.get('viso.raadgivning.forbrug').points.find((p) => p.year === 2020)?.flags).toContain('includes_covid');
  });
  it('6.2: "I 2018 og 2019 var andelen 86 henholdsvis 91 pct." (2020: 87); figur 6: 82 pct. vs "18 pct."', () => {
    expect([2018, 2019, 2020].map((y) => v('viso.survey.kommune_forandring', y))).toEqual([86, 91, 87]);
    expect(100 - v('viso.survey.positiv_forandring', 2020)).toBe(18);
  });
});

describe('stated changes follow from the stored values (faktaark 2024)', () => {
  it('"Procentvis forbrug af bevilling 79,1 % 86,8 % 90,8 %"', () => {
    const share = (y: number) => r1((v('viso.raadgivning.forbrug', y) / v('viso.raadgivning.bevilling', y)) * 100);
    expect([share(2022), share(2023), share(2024)]).toEqual([79.1, 86.8, 90.8]);
  });
  it('"5122 henvendelser … 656 flere end i 2023 … 15 pct." (2023 derived)', () => {
    const h = (y: number) => v('viso.raadgivning.henvendelser.i_alt', y);
    expect(h(2024) - h(2023)).toBe(656);
    expect(Math.round(pct(h(2023), h(2024)))).toBe(15);
  });
  it('"2543 rådgivningsforløb … 684 flere end i 2023 … 37 pct." (2023 derived)', () => {
    const f = (y: number) => v('viso.raadgivning.forloeb.i_alt', y);
    expect(f(2024) - f(2023)).toBe(684);
    expect(Math.round(pct(f(2023), f(2024)))).toBe(37);
  });
  it('"83 målgruppeforløb … 19 flere end i 2023 … 30 pct."', () => {
    const m = (y: number) => v('viso.raadgivning.maalgruppeforloeb.i_alt', y);
    expect(m(2024) - m(2023)).toBe(19);
    expect(Math.round(pct(m(2023), m(2024)))).toBe(30);
  });
  it('KaS: "4.205 henvendelser i 2024 … 284 flere end i 2023 … 7 pct."', () => {
    const k = (y: number) => v('viso.kas.henvendelser.i_alt', y);
    expect(k(2024) - k(2023)).toBe(284);
    expect(Math.round(pct(k(2023), k(2024)))).toBe(7);
  });
  it('"i alt 80 temaforløb"; survey shares are the sums of the two top answers', () => {
    expect(v('viso.raadgivning.temaforloeb.i_alt', 2024)).toBe(80);
    expect(v('viso.survey.tilfreds', 2024)).toBe(60 + 33);
    expect(v('viso.survey.positiv_forandring', 2024)).toBe(33 + 52);
    expect(v('viso.survey.kontekst', 2024)).toBe(63 + 31);
  });
  it('derived values carry the derived flag, the 2024 forløb the registration break', () => {
    const flagsAt = (id: string, y: number) => ds.get(id).points.find((p) => p.year === y)?.flags ?? [];
    expect(flagsAt('viso.raadgivning.henvendelser.i_alt', 2023)).toContain('derived');
    expect(flagsAt('viso.raadgivning.forloeb.i_alt', 2023)).toContain('derived');
    expect(flagsAt('viso.raadgivning.maalgruppeforloeb.i_alt', 2023)).toContain('derived');
    expect(flagsAt('viso.raadgivning.forloeb.i_alt', 2024)).toContain('registration_break');
  });
});

describe('news items agree with the report', () => {
  it('nyhed 2021-05-06: "8.631 … 3.086 flere … 56 pct. … knap 6 pct. … 5 pct. flere rådgivningsforløb … merforbrug i 2020 på 3,7 mio. kr."', () => {
    const h = (y: number) => v('viso.raadgivning.henvendelser.i_alt', y);
    expect(h(2020) + v('viso.covid.henvendelser.i_alt', 2020) - h(2019)).toBe(3086);
    expect(Math.round(pct(v('viso.raadgivning.forloeb.i_alt', 2019), v('viso.raadgivning.forloeb.i_alt', 2020)))).toBe(5);
    expect(v('viso.survey.tilfreds', 2020)).toBe(92);
    expect(v('viso.survey.anbefale', 2020)).toBe(96);
  });
  it('hotline count (2.749, resumé) is a different count from COVID-19 henvendelser (2.761, Tabel 1)', () => {
    expect(v('viso.covid.hotline_henvendelser.i_alt', 2020)).toBe(2749);
    expect(v('viso.covid.henvendelser.i_alt', 2020)).toBe(2761);
  });
});

describe('other documents agree', () => {
  it('podcast: "mere end 2000 nye rådgivningsforløb i 2020", "omkring 60 gruppeforløb om året"', () => {
    expect(v('viso.raadgivning.forloeb.i_alt', 2020)).toBeGreaterThan(2000);
    for (const y of [2018, 2019, 2020]) expect(Math.abs(v('viso.raadgivning.gruppeforloeb.i_alt', y) - 60)).toBeLessThanOrEqual(10);
  });
  it('figur 1 and 2 shares stay below 100 pct. (the rest is "andet"); resumé 66 + 13 + 13 ≤ 100', () => {
    const share = (k: string) => v(`viso.raadgivning.henvender_andel.${k}`, 2020);
    const voksne = share('voksne_kommunal_forvaltning') + share('voksne_kommunalt_tilbud') + share('voksne_borger_paaroerende');
    expect(voksne).toBe(91);
    const bu = ['kommunal_forvaltning', 'ppr', 'kommunalt_tilbud', 'borger_paaroerende'].reduce((a, k) => a + share(`boern_unge_special_${k}`), 0);
    expect(bu).toBe(99);
    expect(share('alle_kommune') + share('alle_borger_paaroerende') + share('alle_ppr')).toBe(92);
  });
});
