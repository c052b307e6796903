/**
 * The words of the measures engine's results: the text output of `viso measure list` and `viso
 * measure evaluate`, the evaluation worded for `--json`, an outcome's name and its verdict in words.
 * The engine's notes, reasons and outcome names are codes (src/text/measures.ts); they are worded
 * here in the language asked.
 */
import { formatNumber, formatPct, rangeText, type Lang } from '../text/number.js';
import { textTable } from '../text/table.js';
import { sayMsg, type Msg } from '../text/messages.js';
import { distMean, distQuantile, type DistSpec } from '../stats/distributions.js';
import type { EffectYear, MeasureEvaluation, OutcomeEvaluation } from '../measures/evaluate.js';
import { verdictMsg } from '../measures/verdict.js';
import type { MeasureDef } from '../measures/types.js';

const ACTS = {
  da: { henvendelser: 'henvendelser', visitation: 'visitationsrate', unit_cost: 'enhedsomkostning', forloeb: 'forløb' },
  en: { henvendelser: 'requests', visitation: 'visitation rate', unit_cost: 'unit cost', forloeb: 'cases' },
};

/**
 * One-line summary of an effect distribution: mean and 5–95 % range.
 *
 * @example
 * describeEffect({ dist: 'triangular', min: -0.1, mode: -0.04, max: 0 }) // '-4,7 % (5–95 %: -8,3 % – -1,4 %)'
 */
export function describeEffect(d: DistSpec, lang: Lang = 'da'): string {
  const p = (x: number) => formatPct(x, lang);
  return `${p(distMean(d))} (${lang === 'da' ? '5–95 %' : '5–95%'}: ${p(distQuantile(d, 0.05))} – ${p(distQuantile(d, 0.95))})`;
}

/**
 * A measure's note in the language asked: `note_da` in Danish, `note` (English) otherwise; a file with only
 * one of them shows that one in both languages.
 *
 * @example
 * measureNote({ note: 'An upper bound.', noteDa: 'En øvre grænse.' }, 'da') // 'En øvre grænse.'
 * measureNote({ note: 'An upper bound.' }, 'da') // 'An upper bound.'
 */
export function measureNote(def: Pick<MeasureDef, 'note' | 'noteDa'>, lang: Lang = 'da'): string | undefined {
  return lang === 'da' ? (def.noteDa ?? def.note) : (def.note ?? def.noteDa);
}

/**
 * The table of `viso measure list`.
 *
 * @example
 * formatMeasureList(loadMeasures(undefined, { resolveEffects: false }))
 */
export function formatMeasureList(defs: MeasureDef[], lang: Lang = 'da'): string {
  const head =
    lang === 'da'
      ? ['Id', 'Start', 'Virker på', 'Områder', 'Effekt', 'Indfasning', 'Kilde']
      : ['Id', 'Start', 'Acts on', 'Areas', 'Effect', 'Phase-in', 'Source'];
  const rows = defs.map((d) => [
    d.id,
    d.start,
    ACTS[lang][d.actsOn],
    d.areas.join(', '),
    d.effectFrom
      ? lang === 'da'
        ? `fra evaluering af ${d.effectFrom}`
        : `from the evaluation of ${d.effectFrom}`
      : describeEffect(d.effect, lang),
    d.phaseIn.map((x) => formatNumber(x, 2, lang)).join(' → ') +
      (d.decay
        ? ` (${lang === 'da' ? 'aftager' : 'decay'} ${formatPct(d.decay, lang, 0)}/${lang === 'da' ? 'år' : 'yr'})`
        : ''),
    d.source ?? '',
  ]);
  const names = defs.map((d) => `  ${d.id}: ${lang === 'en' ? (d.nameEn ?? d.name) : d.name}`);
  return textTable([head, ...rows], { textLastLeft: true }) + '\n\n' + names.join('\n') + '\n';
}

/**
 * The report of `viso measure evaluate`: per outcome the counterfactual
 * comparison per year and cumulative, the segmented regression and a plain
 * verdict.
 *
 * @example
 * formatEvaluation(evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled()), 'da')
 */
export function formatEvaluation(ev: MeasureEvaluation, lang: Lang = 'da'): string {
  const da = lang === 'da';
  const out: string[] = [];
  const m = ev.measure;
  out.push(`${da ? m.name : (m.nameEn ?? m.name)} (${m.id})`);
  out.push(
    da
      ? `Start ${m.start}, virker på ${ACTS.da[m.actsOn]} (${m.areas.join(', ')}), indfasning ${m.phaseIn.map((x) => formatNumber(x, 2, lang)).join(' → ')}${m.source ? `, kilde ${m.source}` : ''}`
      : `Start ${m.start}, acts on ${ACTS.en[m.actsOn]} (${m.areas.join(', ')}), phase-in ${m.phaseIn.map((x) => formatNumber(x, 2, lang)).join(' → ')}${m.source ? `, source ${m.source}` : ''}`,
  );
  out.push(
    da
      ? `Kontrafaktisk prognose fra udsigtspunktet ${ev.vantage} (tilpasset på førperioden), evalueret til og med ${ev.until}; 95 %-intervaller fra ${formatNumber(ev.runs, 0, lang)} simulerede forløb (seed ${ev.seed}).`
      : `Counterfactual forecast from the vantage point ${ev.vantage} (fitted on the pre-period), evaluated up to ${ev.until}; 95% intervals from ${formatNumber(ev.runs, 0, lang)} simulated paths (seed ${ev.seed}).`,
  );
  out.push(
    da
      ? `Marginal omkostning pr. forløb (omkostningsmodellen): ${formatNumber(ev.unitCostKr.mean, 0, lang)} kr. (SE ${formatNumber(ev.unitCostKr.sd, 0, lang)}).`
      : `Marginal cost per case (cost model): DKK ${formatNumber(ev.unitCostKr.mean, 0, lang)} (SE ${formatNumber(ev.unitCostKr.sd, 0, lang)}).`,
  );
  for (const o of ev.outcomes) out.push('', ...formatOutcome(o, lang));
  if (ev.notes.length) {
    out.push('', da ? 'Forbehold:' : 'Caveats:');
    for (const n of ev.notes) out.push(`- ${sayMsg(n, lang)}`);
  }
  return out.join('\n') + '\n';
}

function formatOutcome(o: OutcomeEvaluation, lang: Lang): string[] {
  const da = lang === 'da';
  const n = (x: number) => formatNumber(x, outcomeDecimals(o.kind), lang);
  const out: string[] = [];
  out.push(`== ${outcomeLabel(o, lang)} ==`);
  const pre = o.preYears.length
    ? `${o.preYears[0]}–${o.preYears[o.preYears.length - 1]} (${o.preYears.length} ${da ? 'år' : 'years'})`
    : '–';
  out.push(`${da ? 'Førperiode' : 'Pre-period'}: ${pre}; ${da ? 'metode' : 'method'}: ${sayMsg(o.model, lang)}`);
  if (o.years.length) {
    const withFl = o.years.some((y) => y.forloeb);
    const head = da
      ? [
          'År',
          'Indfasning',
          'Faktisk',
          'Kontrafaktisk',
          '95 %-int.',
          'Effekt',
          '95 %-int. (effekt)',
          'Relativ',
          ...(withFl ? ['Forløb (95 %-int.)'] : []),
          'Mio. kr. (95 %-int.)',
        ]
      : [
          'Year',
          'Phase',
          'Actual',
          'Counterfactual',
          '95% int.',
          'Effect',
          '95% int. (effect)',
          'Relative',
          ...(withFl ? ['Cases (95% int.)'] : []),
          'DKK m (95% int.)',
        ];
    const iv = (x: { effect: number; lower95: number; upper95: number } | undefined, d: number) =>
      x
        ? `${formatNumber(x.effect, d, lang)} (${formatNumber(x.lower95, d, lang)} – ${formatNumber(x.upper95, d, lang)})`
        : '';
    const rows = o.years.map((y: EffectYear) => [
      String(y.year),
      formatPct(y.phase, lang, 0),
      n(y.actual),
      n(y.counterfactual),
      `${n(y.cfLower95)} – ${n(y.cfUpper95)}`,
      n(y.effect),
      `${n(y.effectLower95)} – ${n(y.effectUpper95)}`,
      formatPct(y.relative, lang),
      ...(withFl ? [iv(y.forloeb, 0)] : []),
      iv(y.mio, 1),
    ]);
    if (o.cumulative && o.years.length > 1) {
      const c = o.cumulative;
      rows.push([
        da ? 'Samlet' : 'Total',
        '',
        '',
        '',
        '',
        n(c.effect),
        `${n(c.lower95)} – ${n(c.upper95)}`,
        '',
        ...(withFl ? [iv(c.forloeb, 0)] : []),
        iv(c.mio, 1),
      ]);
    }
    out.push(textTable([head, ...rows], { indent: '  ', textLastLeft: true }));
  }
  const byReason = new Map<string, number[]>();
  for (const e of o.excluded) {
    const reason = sayMsg(e.reason, lang);
    byReason.set(reason, [...(byReason.get(reason) ?? []), e.year]);
  }
  for (const [reason, yrs] of byReason)
    out.push(`  ${da ? 'Ikke evalueret' : 'Not evaluated'} ${yrs.join(', ')}: ${reason}`);
  const s = o.segmented;
  if (s) {
    const pc = da ? '95 %' : '95%';
    const c = (x: { coef: number; lower95: number; upper95: number; se: number }) =>
      `${n(x.coef)} (SE ${n(x.se)}; ${pc}: ${n(x.lower95)} – ${n(x.upper95)})`;
    out.push(
      `${da ? 'Segmenteret regression' : 'Segmented regression'} (${da ? (({ level: 'niveau', 'level+slope': 'niveau og hældning' } as Record<string, string>)[s.model] ?? s.model) : s.model}, n = ${s.n}, df = ${s.df}): ${da ? 'niveauskift' : 'level change'} ${c(s.level)}` +
        (s.slope ? `; ${da ? 'hældningsændring pr. år' : 'slope change per year'} ${c(s.slope)}` : ''),
    );
    const last = s.effects[s.effects.length - 1];
    if (last)
      out.push(
        `  ${da ? 'Effekt i' : 'Effect in'} ${last.year}: ${n(last.effect)} (${pc}: ${n(last.lower95)} – ${n(last.upper95)}), ${formatPct(last.relative, lang)}`,
      );
    for (const note of s.notes) out.push(`  (${sayMsg(note, lang)})`);
  }
  out.push(`${da ? 'Konklusion' : 'Conclusion'}: ${verdictText(o, lang)}`);
  for (const note of o.notes) out.push(`  - ${sayMsg(note, lang)}`);
  return out;
}

/**
 * The decimals an evaluated outcome's values are written with: a count (henvendelser, forløb) 0, an amount
 * in mio. kr. 1, a ratio (the visitation rate, forløb per henvendelse) 3. Its effects and their intervals
 * take the same decimals.
 *
 * @example
 * outcomeDecimals('ratio') // 3 (0,416 forløb per henvendelse)
 * outcomeDecimals('mio') // 1 (112,3 mio. kr.)
 */
export function outcomeDecimals(kind: OutcomeEvaluation['kind']): number {
  return kind === 'count' ? 0 : kind === 'mio' ? 1 : 3;
}

/** One evaluated year of one outcome, worded (`effectRows`). */
export interface EffectRow {
  /** the outcome's name (`outcomeLabel`) */
  outcome: string;
  year: number;
  actual: string;
  counterfactual: string;
  /** actual − counterfactual */
  effect: string;
  /** the effect's 95 % interval */
  effect95: string;
  /** actual / counterfactual − 1 */
  relative: string;
  relative95: string;
}

/**
 * The effect of a measure year by year, one row per evaluated year of each outcome (in the evaluation's
 * order): actual value, counterfactual forecast and effect in the outcome's decimals (`outcomeDecimals`),
 * the relative effect as a percentage with one decimal, each interval its 95 % bounds as a range
 * (`rangeText`: »-4.550 til -588«, »2,9–5,3« when both bounds are positive).
 *
 * @example
 * effectRows(evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled(), { runs: 4000, seed: 1 }))[0]
 * // { outcome: 'Visitationsrate (forløb pr. henvendelse), i alt', year: 2023, actual: '0,416', counterfactual: '0,362',
 * //   effect: '0,055', effect95: '-0,037 til 0,128', relative: '15,1 %', relative95: '-8,1 % til 44,2 %' }
 */
export function effectRows(ev: Pick<MeasureEvaluation, 'outcomes'>, lang: Lang = 'da'): EffectRow[] {
  const pct = (x: number) => formatPct(x, lang);
  return ev.outcomes.flatMap((o) => {
    const n = (x: number) => formatNumber(x, outcomeDecimals(o.kind), lang);
    return o.years.map((y) => ({
      outcome: outcomeLabel(o, lang),
      year: y.year,
      actual: n(y.actual),
      counterfactual: n(y.counterfactual),
      effect: n(y.effect),
      effect95: rangeText(n(y.effectLower95), n(y.effectUpper95), lang),
      relative: pct(y.relative),
      relative95: rangeText(pct(y.relativeLower95), pct(y.relativeUpper95), lang),
    }));
  });
}

/**
 * The name of an evaluated outcome in a language.
 *
 * @example
 * outcomeLabel(ev.outcomes[0], 'en') // 'Advisory cases, total'
 */
export function outcomeLabel(o: Pick<OutcomeEvaluation, 'label'>, lang: Lang = 'da'): string {
  return sayMsg(o.label, lang);
}

/**
 * The verdict of an evaluated outcome in words: whether the 95 % interval of the effect excludes 0
 * in the evaluated years, or why nothing can be concluded.
 *
 * @example
 * verdictText(ev.outcomes[0], 'en') // 'The pre-period is too short to conclude (4 years, 2014–2017); …'
 */
export function verdictText(o: Pick<OutcomeEvaluation, 'verdict' | 'preYears' | 'years'>, lang: Lang = 'da'): string {
  return sayMsg(verdictMsg(o), lang);
}

/** An evaluated outcome worded in one language (its name and verdict in both). */
export type OutcomeEvaluationJson = Omit<OutcomeEvaluation, 'label' | 'excluded' | 'notes' | 'years' | 'segmented'> & {
  label: { da: string; en: string };
  excluded: { year: number; reason: string }[];
  notes: string[];
  years: (Omit<EffectYear, 'adjustment'> & { adjustment?: string })[];
  segmented: (Omit<NonNullable<OutcomeEvaluation['segmented']>, 'notes'> & { notes: string[] }) | null;
  verdictText: { da: string; en: string };
};

/** `MeasureEvaluation` worded in one language (`viso measure evaluate --json`). */
export type EvaluationJson = Omit<MeasureEvaluation, 'outcomes' | 'notes'> & {
  outcomes: OutcomeEvaluationJson[];
  notes: string[];
};

/**
 * A measure evaluation worded in a language, for `viso measure evaluate --json`: the engine's fields in
 * their order, with notes, reasons, adjustments and the model description in the language, and each
 * outcome's name and verdict in both languages.
 *
 * @example
 * JSON.stringify(evaluationJson(evaluateMeasure(findMeasure('tightening-2021-09'), loadBundled()), 'en'))
 */
export function evaluationJson(ev: MeasureEvaluation, lang: Lang = 'da'): EvaluationJson {
  const words = (ns: readonly Msg[]) => ns.map((n) => sayMsg(n, lang));
  const both = (m: Msg) => ({ da: sayMsg(m, 'da'), en: sayMsg(m, 'en') });
  const outcome = (o: OutcomeEvaluation): OutcomeEvaluationJson => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(o)) {
      if (k === 'label') out.label = both(o.label);
      else if (k === 'excluded') out.excluded = o.excluded.map((e) => ({ ...e, reason: sayMsg(e.reason, lang) }));
      else if (k === 'notes') out.notes = words(o.notes);
      else if (k === 'model') out.model = sayMsg(o.model, lang);
      else if (k === 'years')
        out.years = o.years.map((y) => ({ ...y, adjustment: y.adjustment ? sayMsg(y.adjustment, lang) : undefined }));
      else if (k === 'segmented')
        out.segmented = o.segmented ? { ...o.segmented, notes: words(o.segmented.notes) } : null;
      else out[k] = v;
      if (k === 'verdict') out.verdictText = both(verdictMsg(o));
    }
    return out as unknown as OutcomeEvaluationJson;
  };
  return { ...ev, outcomes: ev.outcomes.map(outcome), notes: words(ev.notes) };
}
