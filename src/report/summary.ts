/**
 * The report's prose: the one-paragraph summary with the headline numbers, built from
 * the model with the report's number formatting.
 */
import { countWord, formatMio, formatNumber, formatPct, type Lang } from '../text/number.js';
import { t } from '../text/report.js';
import { say } from '../text/messages.js';
import { kHorizons, spanText, yearsBeyondHorizons } from './kHorizon.js';
import type { ReportModel, ReportScenario } from './model.js';
import type { ScenarioBacktest } from '../scenario/backtest.js';
import { sourceAt } from './scenarioText.js';

/**
 * The scenario the headline is about: `baseline` if present, else the first one.
 *
 * @example
 * primaryScenario(model)?.result.id // 'baseline'
 */
export function primaryScenario(m: ReportModel): ReportScenario | undefined {
  return m.scenarios.find((s) => s.result.id === 'baseline') ?? m.scenarios[0];
}

/** Headline numbers of the primary scenario in the focus year. */
export interface Headline {
  scenario: string;
  year: number;
  /** P(merforbrug): of the one forecast (the calibrated driver model) when there is one, else of the driver model. */
  p: number;
  /** Monte Carlo standard error of `p` (a footnote). */
  se: number;
  /** Expected forbrug (of the one forecast when there is one) and its 80 % interval. */
  forbrugMean: number;
  forbrugP10: number;
  forbrugP90: number;
  bevilling: number;
  /** Where the headline year's bevilling is known from (`file:line` of a --data file or of the scenario file); absent: projected. */
  bevillingAt?: string;
  expectedMerforbrug: number;
  /** The spread factor of the one forecast (absent: the uncalibrated driver model). */
  k?: number;
  /** 80 % range of P over the parameter uncertainty, and P under the other models. */
  parameter?: { lo: number; hi: number };
  models?: { driver: number; timeSeries: number; naive: number };
}

/**
 * Headline numbers (P(merforbrug), its MC error, expected forbrug with its 80 % interval).
 *
 * @example
 * headline(model)?.p // 0.23
 */
export function headline(m: ReportModel): Headline | undefined {
  const s = primaryScenario(m);
  const y = s?.result.years.find((v) => v.year === m.focusYear);
  if (!s || !y) return undefined;
  const at = knownBevillingAt(s, y.year);
  const known = at !== undefined ? { bevillingAt: at } : {};
  const f = m.oneForecast?.years.find((v) => v.year === m.focusYear);
  if (f) {
    return {
      ...known,
      scenario: s.result.name,
      year: y.year,
      p: f.p.forecast,
      se: f.pSe,
      forbrugMean: f.forecastMean,
      forbrugP10: f.forecast.p10,
      forbrugP90: f.forecast.p90,
      bevilling: f.bevilling,
      expectedMerforbrug: f.forecastMean - f.bevilling,
      k: m.oneForecast!.k,
      ...(m.parameterSpread ? { parameter: { lo: m.parameterSpread.p10, hi: m.parameterSpread.p90 } } : {}),
      models: { driver: f.p.driver, timeSeries: f.p.timeSeries, naive: f.p.naive },
    };
  }
  return {
    ...known,
    scenario: s.result.name,
    year: y.year,
    p: y.pMerforbrug,
    se: y.pMerforbrugSe,
    forbrugMean: y.forbrug.mean,
    forbrugP10: y.forbrug.p10,
    forbrugP90: y.forbrug.p90,
    bevilling: y.bevilling.mean,
    expectedMerforbrug: y.expectedMerforbrug,
  };
}

/**
 * Where a scenario's bevilling of `year` is known from: a fixed amount from the data (`file:line` of the --data
 * file) or written in the scenario file (its file:line); undefined when the year's bevilling is projected.
 *
 * @example
 * knownBevillingAt(primaryScenario(model)!, 2026) // 'fl2026.csv:2'
 */
export function knownBevillingAt(s: ReportScenario, year: number): string | undefined {
  return knownBevillingSource(s, year)?.at;
}

/**
 * Where a scenario's bevilling of `year` is known from, and whether it is read from the data (`data`) or written
 * in the scenario file (`scenario`); undefined when the year's bevilling is projected.
 *
 * @example
 * knownBevillingSource(primaryScenario(model)!, 2026) // { at: 'scenarios/mine.yaml:9', set: 'scenario' }
 */
export function knownBevillingSource(
  s: ReportScenario,
  year: number,
): { at: string; set: 'data' | 'scenario' } | undefined {
  const x = s.result.inputs.find((v) => v.input === `bevilling.amounts.${year}`);
  if (!x || typeof x.value !== 'object' || x.value.dist !== 'fixed') return undefined;
  const at = x.source.kind === 'data' ? x.source.at : x.source.kind === 'assumption' ? sourceAt(x.source) : undefined;
  return at === undefined ? undefined : { at, set: x.source.kind === 'data' ? 'data' : 'scenario' };
}

/**
 * Where a scenario's known forbrug of `year` stands (`file:line` of the --data file); undefined when the year's
 * forbrug is simulated.
 *
 * @example
 * knownForbrugAt(primaryScenario(model)!, 2025) // 'mine.csv:3'
 */
export function knownForbrugAt(s: ReportScenario, year: number): string | undefined {
  const x = s.result.inputs.find((v) => v.input === `known.forbrug.${year}`);
  return x && x.source.kind === 'data' ? x.source.at : undefined;
}

/**
 * What the primary scenario takes from the data after its base year (a --data file's 2025 bevilling and forbrug,
 * the finance act's 2026 bevilling), each with where it stands, and what of those years is still simulated.
 *
 * @example
 * knownLaterSentences(model) // ['Kendt fra data efter basisåret 2024, ikke simuleret: bevilling 2025 161,2 mio. kr. (fra mine.csv:2).', 'Forbruget 2025 er simuleret.']
 */
export function knownLaterSentences(m: ReportModel): string[] {
  const s = primaryScenario(m);
  if (!s) return [];
  const L = m.lang;
  const known: { year: number; forbrug: boolean; text: string }[] = [];
  for (const x of s.result.inputs) {
    const k = /^(bevilling\.amounts|known\.forbrug)\.(\d{4})$/.exec(x.input);
    if (!k || x.source.kind !== 'data' || x.source.at === undefined) continue;
    if (typeof x.value !== 'object' || x.value.dist !== 'fixed') continue;
    const forbrug = k[1] === 'known.forbrug';
    const vars = { year: k[2], x: formatMio(x.value.value, L), at: x.source.at };
    known.push({ year: Number(k[2]), forbrug, text: t(L, forbrug ? 'text.knownForbrug' : 'text.knownBev', vars) });
  }
  if (!known.length) return [];
  known.sort((a, b) => a.year - b.year || Number(a.forbrug) - Number(b.forbrug));
  const years = (f: (y: number) => boolean) => [...new Set(known.map((k) => k.year))].filter(f).join(', ');
  const spent = (y: number) => known.some((k) => k.year === y && k.forbrug);
  const out = [t(L, 'text.knownLater', { baseYear: s.result.baseYear, items: known.map((k) => k.text).join(', ') })];
  const bevOnly = years((y) => !spent(y));
  if (bevOnly) out.push(t(L, 'text.knownBevRest', { years: bevOnly }));
  const withForbrug = years(spent);
  if (withForbrug) out.push(t(L, 'text.knownForbrugRest', { years: withForbrug }));
  return out;
}

/**
 * The warning that figures of a --data file are illustrative (the file says so: a comment line such as
 * `# ILLUSTRATIVE DATA …`, or the flag `illustrative`), the summary's first sentence; undefined otherwise.
 * `short`: the clause the CLI's headline line ends with.
 *
 * @example
 * illustrativeSentence(modelWithIllustrativeData) // 'ILLUSTRATIVE DATA: data/viso-2025-illustrative.csv siger selv, …'
 */
export function illustrativeSentence(m: ReportModel, short = false): string | undefined {
  const files = m.userData?.illustrative ?? [];
  if (!files.length) return undefined;
  return t(m.lang, short ? 'text.illustrativeHeadline' : 'text.illustrativeData', { files: files.join(', ') });
}

/** The bevilling of the headline sentence: the known one with where it is from, else the expected one. */
function bevPhrase(h: Headline, L: Lang, projected: 'text.bevExpected' | 'text.bevPlain' = 'text.bevExpected'): string {
  const x = formatMio(h.bevilling, L);
  return h.bevillingAt !== undefined ? t(L, 'text.bevKnown', { x, at: h.bevillingAt }) : t(L, projected, { x });
}

/** The one forecast's spread factor used beyond the horizons it was measured on (`kExtrapolation`). */
export interface KExtrapolation {
  k: number;
  /** The smallest and largest horizon h (years ahead) of the backtest replays k was fitted on. */
  hMin: number;
  hMax: number;
  year: number;
  /** Years from the last actual year (the scenario's base year) to the focus year. */
  ahead: number;
}

/**
 * When the headline's one forecast is about a year further ahead of the last actual year than any backtest replay
 * its spread factor k was fitted on: k, the replays' horizons and how far ahead the focus year is; else undefined.
 *
 * @example
 * kExtrapolation(modelFor2030) // { k: 1.505, hMin: 1, hMax: 2, year: 2030, ahead: 6 }
 */
export function kExtrapolation(m: ReportModel): KExtrapolation | undefined {
  const s = primaryScenario(m);
  const one = m.oneForecast;
  const hs = kHorizons(m.trackRecord, one?.scenario);
  if (!s || !one || !hs.length) return undefined;
  if (!one.years.some((v) => v.year === m.focusYear)) return undefined;
  if (!yearsBeyondHorizons(s.result.baseYear, hs, [m.focusYear]).length) return undefined;
  return { k: one.k, hMin: hs[0], hMax: hs[hs.length - 1], year: m.focusYear, ahead: m.focusYear - s.result.baseYear };
}

/**
 * The caveat sentence for `kExtrapolation`, in the report's language.
 *
 * @example
 * kExtrapolationSentence(modelFor2030) // 'Faktoren 1,5 er målt på genkørsler 1–2 år frem; 2030 ligger 6 år frem, …'
 */
export function kExtrapolationSentence(m: ReportModel): string | undefined {
  const x = kExtrapolation(m);
  if (!x) return undefined;
  const L = m.lang;
  return say(
    'scenario.backtest.kExtrapolated',
    {
      k: formatNumber(x.k, 1, L),
      hRange: spanText(x.hMin, x.hMax),
      year: String(x.year),
      ahead: String(x.ahead),
    },
    L,
  );
}

/**
 * The opsparing in the headline year of the primary scenario: P(forbrug > bevilling) beside
 * P(forbrug > bevilling + usable opsparing), and the expected balance with its 80 % interval.
 *
 * @example
 * opsparingSentence(model) // 'Opsparingen ved udgangen af 2024 er 200,9 mio. kr. (reglerne i models/budget.yaml). …'
 */
export function opsparingSentence(m: ReportModel): string | undefined {
  const L = m.lang;
  const s = primaryScenario(m);
  const y = s?.result.years.find((v) => v.year === m.focusYear);
  const start = s?.result.inputs.find((x) => x.input === 'opsparing.start');
  const rules = s?.result.assumptions.opsparing as
    | {
        file?: string;
        useNeedsPermission?: boolean;
        sources?: { use?: string };
        cap?: number | null;
        maxUse?: number | null;
        expiryYears?: number | null;
      }
    | undefined;
  if (!s || !y || !start || !rules || typeof start.value !== 'number') return undefined;
  // the headline's model when the report has it (the one forecast of the primary scenario), else the driver model
  const one = m.oneForecast?.scenario === s.result.id ? m.oneForecast : undefined;
  const f = one?.years.find((v) => v.year === m.focusYear);
  const o = f
    ? { p1: f.p.forecast, p2: f.opsparing.pBeyond, ...f.opsparing }
    : { p1: y.pMerforbrug, p2: y.pBeyondOpsparing, ...y.opsparing };
  return t(L, f ? 'text.opsparingOne' : 'text.opsparing', {
    file: rules.file ?? 'models/budget.yaml',
    start: formatMio(start.value, L),
    baseYear: s.result.baseYear,
    scenario: s.result.name,
    ...(one ? { k: formatNumber(one.k, 1, L) } : {}),
    year: y.year,
    p1: formatPct(o.p1, L, 1),
    p2: formatPct(o.p2, L, 1),
    // the rule's source as models/budget.yaml names it (the sources appendix lists it)
    permission: !rules.useNeedsPermission
      ? ''
      : rules.sources?.use
        ? t(L, 'text.opsparingPermission', { source: rules.sources.use })
        : t(L, 'text.opsparingPermissionNoSource'),
    // the opening balance that covers the merforbrug so far in 95 % of the runs (one forecast, every rule)
    need: f ? needText(f.opsparing.need95, rules, s.result.baseYear, y.year, L) : '',
    bal: formatMio(o.mean, L),
    lo: formatNumber(o.p10, 1, L),
    hi: L === 'da' ? formatMio(o.p90, L) : formatNumber(o.p90, 1, L),
  });
}

/**
 * The summary's sentence on the opening balance that covers the merforbrug up to `year` in 95 % of the runs of
 * the one forecast (`need95`): the balance; none, however large, when the rules' limits (named) leave more than
 * 5 % of the runs uncovered (`Infinity`); not defined under a ceiling with expiry (undefined).
 *
 * @example
 * needText(75, { cap: null }, 2024, 2026, 'da') // ' Opsparingen skal være mindst 75,0 mio. kr. ved udgangen af 2024, …'
 */
function needText(
  need: number | undefined,
  rules: { cap?: number | null; maxUse?: number | null; expiryYears?: number | null },
  baseYear: number,
  year: number,
  L: Lang,
): string {
  if (need === undefined) return t(L, 'text.opsparingNeedUndefined', { baseYear, year });
  if (need === Infinity) {
    const has = (v: number | null | undefined) => v !== undefined && v !== null;
    const why = [
      ...(has(rules.cap) ? [t(L, 'text.opsparingNeedWhy.cap')] : []),
      ...(has(rules.maxUse) ? [t(L, 'text.opsparingNeedWhy.maxUse')] : []),
      ...(has(rules.expiryYears) ? [t(L, 'text.opsparingNeedWhy.expiry')] : []),
    ].join(t(L, 'text.opsparingNeedWhy.or'));
    return t(L, 'text.opsparingNeedNone', { baseYear, year, why });
  }
  return t(L, 'text.opsparingNeed', { need: formatMio(need, L), baseYear, year });
}

/**
 * The goal seek's note that its interval includes k's own Monte Carlo error (empty when it does not).
 *
 * @example
 * kNote({ kSe: 0.0086, kPart: 0.00055 }, 'da') // ', medregnet Monte Carlo-fejlen på k selv: standardfejl 0,009 på k giver 0,06 pct.-point på reduktionen'
 */
function kNote(g: { kSe?: number; kPart?: number } | undefined, L: Lang): string {
  if (g?.kSe === undefined || g.kPart === undefined) return '';
  return t(L, 'text.goalseekKNote', { se: formatNumber(g.kSe, 3, L), part: formatNumber(100 * g.kPart, 2, L) });
}

/** Sentences gathered into paragraphs: `push` adds to the current one, `end` closes it (an empty one is dropped). */
class Paragraphs {
  readonly all: string[][] = [];
  private current: string[] = [];
  push(...sentences: string[]): void {
    this.current.push(...sentences);
  }
  end(): void {
    if (this.current.length) this.all.push(this.current);
    this.current = [];
  }
}

/**
 * The summary as sentences (plain text; writers escape it): `summaryParagraphs` read in one run.
 *
 * @example
 * summarySentences(model)[0] // 'P(merforbrug 2026) = 23,0 % (MC-usikkerhed ±0,42 pp) ...'
 */
export function summarySentences(m: ReportModel): string[] {
  return summaryParagraphs(m).flat();
}

/**
 * The summary as paragraphs of sentences (plain text; writers escape it): the illustrative-data warning; the
 * headline with its uncertainty; the values known from the data; the opsparing; the latest accounts and the
 * scenarios' range; the goal seek with its own uncertainty.
 *
 * @example
 * summaryParagraphs(model)[0][0] // 'P(merforbrug 2026) = 53,7 % i scenariet »Basisforløb – ingen nye tiltag«: …'
 */
export function summaryParagraphs(m: ReportModel): string[][] {
  const L = m.lang;
  const out = new Paragraphs();
  const illustrative = illustrativeSentence(m);
  if (illustrative) out.push(illustrative);
  out.end();
  const h = headline(m);
  const range = (lo: number, hi: number) =>
    L === 'da' ? `${formatNumber(lo, 1, L)}–${formatMio(hi, L)}` : `${formatMio(lo, L)}–${formatNumber(hi, 1, L)}m`;
  if (h && h.k !== undefined) {
    out.push(
      t(L, 'text.oneForecast', {
        year: h.year,
        p: formatPct(h.p, L, 1),
        scenario: h.scenario,
        k: formatNumber(h.k, 1, L),
        forbrug: formatMio(h.forbrugMean, L),
        range: range(h.forbrugP10, h.forbrugP90),
        bevPhrase: bevPhrase(h, L),
      }),
    );
    const kx = kExtrapolationSentence(m);
    if (kx) out.push(kx);
    if (h.models) {
      out.push(
        t(L, 'text.headlineUncertainty', {
          year: h.year,
          lo: h.parameter ? formatPct(h.parameter.lo, L, 0) : '–',
          hi: h.parameter ? formatPct(h.parameter.hi, L, 0) : '–',
          pDriver: formatPct(h.models.driver, L, 1),
          pTs: formatPct(h.models.timeSeries, L, 1),
          pNaive: formatPct(h.models.naive, L, 1),
        }),
      );
    }
  } else if (h) {
    out.push(
      t(L, 'text.headline', {
        year: h.year,
        p: formatPct(h.p, L, 1),
        se: formatNumber(h.se * 100, 2, L),
        scenario: h.scenario,
        forbrug: formatMio(h.forbrugMean, L),
        range: range(h.forbrugP10, h.forbrugP90),
        bevPhrase: bevPhrase(h, L, 'text.bevPlain'),
        expPhrase: t(L, h.expectedMerforbrug >= 0 ? 'text.expOver' : 'text.expUnder', {
          x: formatMio(Math.abs(h.expectedMerforbrug), L),
        }),
      }),
    );
  }
  out.end();
  out.push(...knownLaterSentences(m));
  out.end();
  const ops = opsparingSentence(m);
  if (ops) out.push(ops);
  out.end();
  const last = m.history.budget[m.history.budget.length - 1];
  if (last) {
    out.push(
      t(L, 'text.history', {
        year: last.year,
        forbrug: formatMio(last.forbrug, L),
        bevilling: formatMio(last.bevilling, L),
        share: formatPct(last.forbrug / last.bevilling, L),
      }),
    );
  }
  const inYear = m.scenarios
    .map((s) => ({ name: s.result.name, y: s.result.years.find((v) => v.year === m.focusYear) }))
    .filter((x): x is { name: string; y: NonNullable<typeof x.y> } => x.y !== undefined);
  if (inYear.length > 1) {
    const sorted = [...inYear].sort((a, b) => a.y.pMerforbrug - b.y.pMerforbrug);
    const lo = sorted[0];
    const hi = sorted[sorted.length - 1];
    out.push(
      t(L, 'text.scenarioRange', {
        n: inYear.length,
        year: m.focusYear,
        min: formatPct(lo.y.pMerforbrug, L, 1),
        minName: lo.name,
        max: formatPct(hi.y.pMerforbrug, L, 1),
        maxName: hi.name,
      }),
    );
  }
  out.end();
  const w = m.whatIf;
  if (w) {
    const lever = t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation');
    out.push(
      w.solution === undefined
        ? t(L, 'text.goalseekNone', { year: w.year, target: formatPct(w.target, L, 0), lever })
        : w.solution === 0
          ? t(L, 'text.goalseekMet', { year: w.year, target: formatPct(w.target, L, 0), lever })
          : t(L, w.spreadK !== undefined ? 'text.goalseekOne' : 'text.goalseek', {
              year: w.year,
              k: formatNumber(w.spreadK ?? 1, 1, L),
              target: formatPct(w.target, L, 0),
              x: formatPct(w.solution, L, 1),
              lever,
              lo: formatPct(w.goalSeek?.lower ?? w.solution, L, 1),
              hi: formatPct(w.goalSeek?.upper ?? w.solution, L, 1),
              kNote: kNote(w.goalSeek, L),
              runs: formatNumber(w.goalSeek?.runs ?? w.runs, 0, L),
            }),
    );
    const kr = w.solution ? w.goalSeek?.kRange : undefined;
    if (kr)
      out.push(
        t(L, 'text.goalseekKRange', {
          points: formatNumber(kr.points, 0, L),
          vantages: formatNumber(kr.vantages, 0, L),
          kLo: formatNumber(kr.kLo.k, 2, L),
          yLo: kr.kLo.vantage,
          kHi: formatNumber(kr.kHi.k, 2, L),
          yHi: kr.kHi.vantage,
          lever,
          lo: formatPct(kr.lo, L, 1),
          hi: formatPct(kr.hi, L, 1),
        }),
      );
  }
  const og = w?.opsparingGoalSeek;
  if (w && og) {
    const lever = t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation');
    out.push(
      og.solution === undefined
        ? t(L, 'text.goalseekOpsparingNone', { year: w.year, target: formatPct(w.target, L, 0), lever })
        : t(L, w.spreadK !== undefined ? 'text.goalseekOpsparingOne' : 'text.goalseekOpsparing', {
            year: w.year,
            target: formatPct(w.target, L, 0),
            x: formatPct(og.solution, L, 1),
            lever,
            lo: formatPct(og.lower ?? og.solution, L, 1),
            hi: formatPct(og.upper ?? og.solution, L, 1),
            kNote: kNote(og, L),
            runs: formatNumber(og.runs, 0, L),
          }),
    );
  }
  if (w?.leverReason) out.push(w.leverReason);
  out.end();
  return out.all.map((p) => p.map((x) => x.replace(/\.\.(?=\s|$)/g, '.')));
}

/**
 * The track record as sentences: `trackRecordParagraphs` read in one run.
 *
 * @example
 * trackRecordSentences(model)[0] // 'Tilbageblik: hele kæden er genkørt fra udsigtsårene 2016, …'
 */
export function trackRecordSentences(m: ReportModel): string[] {
  return trackRecordParagraphs(m).flat();
}

/**
 * The track record as paragraphs: the coverage of the one forecast's 80 % intervals one year ahead in both modes
 * (and at the headline year's horizon); the replay from 2020 against forbrug 2022; how the one forecast compares
 * with the best forecast without the later measures.
 *
 * @example
 * trackRecordParagraphs(model)[1][0] // 'Genkørt fra 2020 med de senere tiltag (maj og september 2021) giver …'
 */
export function trackRecordParagraphs(m: ReportModel): string[][] {
  const b = m.trackRecord;
  if (!b) return [];
  const L = m.lang;
  const out = new Paragraphs();
  const sum = (mode: string, model: string, h: number | 'all') =>
    b.summary.find((s) => s.mode === mode && s.model === model && s.h === h)?.scores;
  const wd = sum('withDecisions', 'calibrated', 1);
  const ak = sum('asKnown', 'calibrated', 1);
  const all = sum('withDecisions', 'calibrated', 'all');
  const ts = sum('withDecisions', 'timeSeries', 'all');
  const nv = sum('withDecisions', 'naive', 'all');
  // hits of the 80 % intervals with the later decisions (and its binomial interval) and without them
  type Scores = NonNullable<ReturnType<typeof sum>>;
  const coverage = (w: Scores, k: Scores) => ({
    hits: w.hits80,
    n: w.n,
    lo: formatPct(w.coverage80Interval[0], L, 0),
    hi: formatPct(w.coverage80Interval[1], L, 0),
    hitsK: k.hits80,
    nK: k.n,
  });
  if (wd && ak && all && ts && nv) {
    out.push(
      t(L, 'text.trackrecord', {
        vantages: b.vantages.join(', '),
        ...coverage(wd, ak),
        crps: formatNumber(all.crps, 1, L),
        crpsTs: formatNumber(ts.crps, 1, L),
        crpsNaive: formatNumber(nv.crps, 1, L),
        hitsAll: all.hits80,
        nAll: all.n,
        hitsTs: ts.hits80,
        hitsNaive: nv.hits80,
        // the cross-checks' intervals too narrow beyond their own sampling error (the exact binomial interval)
        narrow: ts.coverage80Interval[1] < 0.8 && nv.coverage80Interval[1] < 0.8 ? t(L, 'text.trackrecordNarrow') : '',
      }),
    );
  }
  // the record at the horizon the headline year lies from the latest accounts (the base year, or a later year whose
  // forbrug the data give): two years with the bundled data, one with a --data file's 2025 forbrug
  const last = latestAccountsYear(m);
  const ahead = last === undefined ? 0 : m.focusYear - last;
  const wdH = sum('withDecisions', 'calibrated', ahead);
  const akH = sum('asKnown', 'calibrated', ahead);
  if (wd && ak && ahead === 1 && last !== undefined && last !== primaryScenario(m)?.result.baseYear)
    out.push(t(L, 'text.trackrecordAhead1', { year: m.focusYear, last }));
  else if (wd && ak && ahead >= 2 && wdH && akH)
    out.push(t(L, 'text.trackrecordAhead', { ahead: countWord(ahead, L), year: m.focusYear, ...coverage(wdH, akH) }));
  out.end();
  const v = 2020;
  const pw = b.points.find((p) => p.mode === 'withDecisions' && p.vantage === v && p.h === 2 && p.calibrated);
  const pk = b.points.find((p) => p.mode === 'asKnown' && p.vantage === v && p.h === 2 && p.calibrated);
  if (pw && pk) {
    const q = pw.calibrated!.quantiles;
    const qk = pk.calibrated!.quantiles;
    out.push(
      t(L, 'text.replay2020', {
        vantage: v,
        target: pw.target,
        lo: formatNumber(q.p2_5, 1, L),
        hi: formatNumber(q.p97_5, 1, L),
        med: formatNumber(q.p50, 1, L),
        actual: formatMio(pw.actual, L),
        inside: t(L, pw.calibrated!.inside['95'] ? 'text.inside' : 'text.outside'),
        loK: formatNumber(qk.p2_5, 1, L),
        hiK: formatNumber(qk.p97_5, 1, L),
        medK: formatNumber(qk.p50, 1, L),
      }),
    );
  }
  out.end();
  const gap = asKnownSentence(b.calibration.byMode, L);
  if (gap) out.push(gap);
  out.end();
  return out.all;
}

/**
 * The latest accounts year of the primary scenario: its base year, or a later year (before the headline year)
 * whose forbrug the data give (a --data file's 2025 forbrug, `known.forbrug.2025`).
 *
 * @example
 * latestAccountsYear(modelWith2025Forbrug) // 2025 (the base year 2024 without it)
 */
export function latestAccountsYear(m: ReportModel): number | undefined {
  const s = primaryScenario(m);
  if (!s) return undefined;
  let last = s.result.baseYear;
  for (const x of s.result.inputs) {
    const k = /^known\.forbrug\.(\d{4})$/.exec(x.input);
    if (k && x.source.kind === 'data' && Number(k[1]) < m.focusYear) last = Math.max(last, Number(k[1]));
  }
  return last;
}

/** One mode's leave-one-out mean CRPS per compared forecast (the rows of the calibration table). */
type CrpsByMode = ScenarioBacktest['calibration']['byMode'][number];

/** The forecasts the calibration table compares, in its column order (the one forecast is `calibrated`). */
const COMPARED = ['driver', 'calibrated', 'pool', 'equalPool', 'timeSeries', 'naive'] as const;
type Compared = (typeof COMPARED)[number];

/** The forecast with the lowest mean CRPS in a mode among `among` (the first in column order on a tie). */
function bestOf(r: CrpsByMode, among: readonly Compared[] = COMPARED): Compared {
  return among.reduce((a, k) => (r[k] < r[a] ? k : a));
}

/**
 * How the one forecast (the calibrated driver) fares without knowing the later measures, against the best of
 * the forecasts the calibration table compares: nothing when it is best; else the best by name with both CRPS,
 * and whether the one forecast is best once the later decisions are known. Only then does the conclusion
 * follow that the gap is the measures the driver model could not know (and the scenarios are conditional on
 * no new measures); when something else is better with the decisions too, the sentence says so instead.
 *
 * @example
 * asKnownSentence(model.trackRecord.calibration.byMode, 'da')
 * // 'Uden kendskab til de senere tiltag er puljen af driver-model og tidsserieprognose (vægte og k) bedst (CRPS 11,35 mod 11,90 for den ene prognose); …'
 */
export function asKnownSentence(byMode: readonly CrpsByMode[], L: Lang): string | undefined {
  const ak = byMode.find((x) => x.mode === 'asKnown');
  if (!ak) return undefined;
  const best = bestOf(ak);
  if (best === 'calibrated' || !(ak[best] < ak.calibrated)) return undefined;
  const n = (x: number) => formatNumber(x, 2, L);
  const gap = { best: t(L, `bt.the.${best}`), bestCrps: n(ak[best]), cal: n(ak.calibrated) };
  const wd = byMode.find((x) => x.mode === 'withDecisions');
  if (!wd) return t(L, 'text.asKnownGapOnly', gap);
  const others = COMPARED.filter((k) => k !== 'calibrated');
  const wdBest = bestOf(wd);
  if (wdBest === 'calibrated' || !(wd[wdBest] < wd.calibrated)) {
    const next = bestOf(wd, others);
    return t(L, 'text.asKnownGap', {
      ...gap,
      calWd: n(wd.calibrated),
      next: t(L, `bt.the.${next}`),
      nextCrps: n(wd[next]),
    });
  }
  return t(L, 'text.asKnownGapAlso', {
    ...gap,
    calWd: n(wd.calibrated),
    next: t(L, `bt.the.${wdBest}`),
    nextCrps: n(wd[wdBest]),
  });
}

/**
 * The Monte Carlo error as a footnote: the headline's standard error when the one forecast exists, else
 * the general note.
 *
 * @example
 * mcNote(model) // 'Monte Carlo-fejl (fodnote): standardfejlen på den simulerede sandsynlighed er ±0,22 pct.-point …'
 */
export function mcNote(m: ReportModel): string {
  const h = headline(m);
  return h && h.k !== undefined && m.oneForecast
    ? t(m.lang, 'text.mcFootnote', {
        se: formatNumber(h.se * 100, 2, m.lang),
        runs: formatNumber(m.oneForecast.runs, 0, m.lang),
      })
    : t(m.lang, 'text.mcNote');
}
