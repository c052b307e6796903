// Generates data/viso-monthly-illustrative.csv: ILLUSTRATIVE monthly actuals for `viso follow-up`,
// made deterministically from the annual totals in data/viso.csv by the documented profile below.
// They are NOT VISO's real monthly figures (no source gives monthly figures); the file says so in
// its header. Same code → byte-identical file (test/followup/example.test.ts regenerates it).
//
// Usage: npm run build && node scripts/make-monthly-example.mjs [--out FILE]
//
// The profile (every number here is this script's illustrative choice, not a finding):
//  - years 2014–2020 and 2022–2024 in full, 2025 January–June ("opgjort pr. 30.06.2025"); 2021 is
//    missing in every source and is left out (a whole missing year);
//  - started forløb of year y = the annual forløb of data/viso.csv spread over the months by START
//    (summer and Christmas dips) with ±6 % month-to-month noise, rounded so each year sums exactly to
//    its annual total; 2022 has no annual forløb (left empty in the file; 2.000 assumed internally
//    to shape 2022's spending), nor has 2021 (2.000 assumed for the forløb running into 2022);
//    2013's starts are taken as 2014's;
//  - henvendelser likewise from the annual henvendelser (empty where data/viso.csv has none);
//  - forbrug of month j = FIXED_SHARE of the year's forbrug spread evenly + the cost of the forløb
//    running that month (each month's starts spread over their duration by the default
//    models/timing.yaml, one month longer in 2020), with ±4 % noise, scaled so the twelve months sum
//    exactly to the annual forbrug of data/viso.csv (rounded to 10.000 kr., the rounding in December);
//  - indgåede aftaler (commitments) of month j = the month's starts × the year's cost per forløb, ±3 %;
//  - 2025 (the running year): starts and henvendelser 8 % above 2024's pace, cost per forløb and
//    fixed costs 2 % above 2024 (one year of the default PL rate); no annual total exists for 2025.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
if (!existsSync(join(root, 'dist', 'cost', 'timing.js'))) {
  console.error('scripts/make-monthly-example.mjs: dist/ missing; run npm run build first');
  process.exit(2);
}
const { loadBundled } = await import(dist('data/bundled.js'));
const { valueAt } = await import(dist('data/series.js'));
const { cohortSpend, lagWeights } = await import(dist('cost/timing.js'));
const { loadTimingAssumptions, durationForYear } = await import(dist('cost/timingAssumptions.js'));
const { Rng } = await import(dist('stats/rng.js'));
const { invNorm } = await import(dist('stats/normal.js'));
const { formatNumber } = await import(dist('text/number.js'));

const SEED = 20250630;
/** Start-month weights January … December (illustrative: fewer starts in July and December). */
const START = [1.0, 1.05, 1.1, 1.05, 1.0, 0.95, 0.55, 0.85, 1.15, 1.15, 1.1, 0.7];
const FIXED_SHARE = 0.3;
const NOISE = { starts: 0.06, henvendelser: 0.05, forbrug: 0.04, aftaler: 0.03 };
const HISTORY = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024];
const RUNNING = { year: 2025, months: 6, growth: 0.08, pl: 0.02 };
const ASSUMED_FORLOEB = { 2013: undefined, 2021: 2000, 2022: 2000 }; // 2013: = 2014

const out = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : join(root, 'data', 'viso-monthly-illustrative.csv');
const ds = loadBundled();
const annual = (id, y) => {
  const v = valueAt(ds.get(id), y);
  return v === undefined ? undefined : v;
};
const timing = loadTimingAssumptions();
const rng = new Rng(SEED, 0);
const noise = (sd) => Math.exp(sd * invNorm(rng.uniform()) - (sd * sd) / 2);
const profile = START.map((w) => w / START.reduce((s, x) => s + x, 0));

/** Whole numbers summing exactly to `total`, proportional to `weights` (largest remainder). */
function roundTo(weights, total) {
  const sum = weights.reduce((s, x) => s + x, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const base = raw.map(Math.floor);
  let left = total - base.reduce((s, x) => s + x, 0);
  const order = raw.map((r, i) => [r - base[i], i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) base[order[k][1]]++;
  return base;
}

/** Monthly counts of an annual total by the profile with noise (12 months). */
function monthly(total, sd) {
  return roundTo(
    profile.map((p) => p * noise(sd)),
    total,
  );
}

// started forløb by year (with the internal assumptions for years the sources lack)
const startsOf = new Map();
const forloebTotal = (y) => annual('viso.raadgivning.forloeb.i_alt', y) ?? ASSUMED_FORLOEB[y];
startsOf.set(2013, monthly(forloebTotal(2014), NOISE.starts));
startsOf.set(2021, monthly(ASSUMED_FORLOEB[2021], NOISE.starts));
for (const y of HISTORY) startsOf.set(y, monthly(forloebTotal(y), NOISE.starts));
const pace2025 = Math.round(forloebTotal(2024) * (1 + RUNNING.growth));
startsOf.set(2025, monthly(pace2025, NOISE.starts));

/** Cost (in forløb) running in each month of year y: cohorts of y − 1 and y. */
function exposure(y) {
  const prev = cohortSpend(startsOf.get(y - 1), lagWeights(durationForYear(timing, y - 1)));
  const cur = cohortSpend(startsOf.get(y), lagWeights(durationForYear(timing, y)));
  return Array.from({ length: 12 }, (_, j) => (prev[j + 12] ?? 0) + (cur[j] ?? 0));
}

const rows = []; // [year, month, forbrug, henvendelser, starts, aftaler]
let cost2024 = 0;
let fixed2024 = 0;
for (const y of [...HISTORY, RUNNING.year]) {
  const running = y === RUNNING.year;
  const e = exposure(y).map((x) => x * noise(NOISE.forbrug));
  let fixed, cost;
  if (!running) {
    const total = annual('viso.raadgivning.forbrug', y);
    fixed = (FIXED_SHARE * total) / 12;
    cost = ((1 - FIXED_SHARE) * total) / e.reduce((s, x) => s + x, 0); // mio. kr. per forløb
    if (y === 2024) [cost2024, fixed2024] = [cost, fixed];
  } else {
    fixed = fixed2024 * (1 + RUNNING.pl);
    cost = cost2024 * (1 + RUNNING.pl);
  }
  const months = running ? RUNNING.months : 12;
  const forbrug = e.slice(0, months).map((x) => Math.round((fixed + cost * x) * 100) / 100);
  if (!running) {
    const total = annual('viso.raadgivning.forbrug', y);
    forbrug[11] = Math.round((total - forbrug.slice(0, 11).reduce((s, x) => s + x, 0)) * 100) / 100;
  }
  const hTotal = running
    ? Math.round(annual('viso.raadgivning.henvendelser.i_alt', 2024) * (1 + RUNNING.growth))
    : annual('viso.raadgivning.henvendelser.i_alt', y);
  const henv = hTotal === undefined ? undefined : monthly(hTotal, NOISE.henvendelser);
  const hasForloeb = annual('viso.raadgivning.forloeb.i_alt', y) !== undefined || running;
  const starts = startsOf.get(y);
  for (let j = 0; j < months; j++) {
    rows.push([
      y,
      j + 1,
      forbrug[j],
      henv ? henv[j] : undefined,
      hasForloeb ? starts[j] : undefined,
      hasForloeb ? Math.round(starts[j] * cost * noise(NOISE.aftaler) * 100) / 100 : undefined,
    ]);
  }
}

const da = (x) => (x === undefined ? '' : formatNumber(x, 2, 'da'));
const header = [
  "# ILLUSTRATIVE DATA – IKKE VISOs FAKTISKE MÅNEDSTAL / ILLUSTRATIVE DATA – NOT VISO'S REAL MONTHLY FIGURES",
  '# Genereret af scripts/make-monthly-example.mjs ud fra årstallene i data/viso.csv (forbrug, forløb, henvendelser)',
  '# fordelt på måneder efter en dokumenteret, opdigtet profil (se scriptet). Årstotalerne 2014-2020 og 2022-2024',
  '# er de rigtige; fordelingen på måneder og hele 2025 er illustrative. 2021 mangler i kilderne og er udeladt.',
  '# Opgjort pr. 30.06.2025',
  'måned;forbrug (mio. kr.);henvendelser;startede forløb;indgåede aftaler (mio. kr.)',
];
const lines = rows.map(([y, m, f, h, s, a]) =>
  [`${y}-${String(m).padStart(2, '0')}`, da(f), h ?? '', s ?? '', da(a)].join(';'),
);
writeFileSync(out, [...header, ...lines, ''].join('\n'));
console.log(`wrote ${out} (${rows.length} months)`);
