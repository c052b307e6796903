/** Report step: the measures with their assumed effects and, where the data allow, their evaluation. */
import type { ReportMeasure } from '../model.js';
import type { StepContext } from './context.js';

/**
 * Every bundled measure: its assumed effect (mean and 80 % interval) and, for a measure whose effect is not
 * taken from another's evaluation, the evaluated effect on its first outcome with years (95 % interval).
 *
 * @example
 * const measures = await collectMeasures(ctx);
 */
export async function collectMeasures(ctx: StepContext): Promise<ReportMeasure[]> {
  const { ds, lang } = ctx;
  const seed = ctx.seed ?? 1;
  const { loadMeasures } = await import('../../measures/load.js');
  const { evaluateMeasure } = await import('../../measures/evaluate.js');
  const { distMean, distQuantile } = await import('../../stats/distributions.js');
  const { measureChartInput } = await import('../chartInputs.js');
  const { measureNote, outcomeLabel, verdictText } = await import('../measuresText.js');
  const { measureCostSplit } = await import('../../measures/costTiming.js');
  const { durationForYear, loadTimingAssumptions } = await import('../../cost/timingAssumptions.js');
  const { displayPath } = await import('../../io/paths.js');
  const { outcomeData } = await import('../../measures/outcome.js');
  const timing = loadTimingAssumptions();
  const out: ReportMeasure[] = [];
  const defs = loadMeasures();
  // the measure an effect was taken from, by its name (the table's rows name measures so), and the outcome in words
  const evaluatedFrom = (id: string, outcome: string | undefined) => {
    const ref = defs.find((d) => d.id === id);
    const name = ref ? (lang === 'en' ? (ref.nameEn ?? ref.name) : ref.name) : id;
    return { evaluation: name, ...(outcome ? { outcome: outcomeLabel(outcomeData(ds, outcome), lang) } : {}) };
  };
  for (const def of defs) {
    const note = measureNote(def, lang);
    const m: ReportMeasure = {
      id: def.id,
      name: lang === 'en' ? (def.nameEn ?? def.name) : def.name,
      start: def.start,
      actsOn: def.actsOn,
      assumed: {
        mean: distMean(def.effect),
        lower: distQuantile(def.effect, 0.1),
        upper: distQuantile(def.effect, 0.9),
      },
      phaseIn: def.phaseIn,
      ...(def.source ? { source: def.source } : {}),
      ...(note ? { note } : {}),
      ...(def.effectFrom
        ? { assumedFrom: evaluatedFrom(def.effectFrom, def.effectOutcome) }
        : def.effectAt && def.file
          ? { assumedFrom: { assumption: `${displayPath(def.file)}:${def.effectAt.line}` } }
          : {}),
    };
    // how the savings of the starts cut in the start year split over the years (cohort timing, models/timing.yaml)
    if (!def.start.endsWith('-01-01')) {
      const y0 = Number(def.start.slice(0, 4));
      const split = measureCostSplit(
        def.start,
        timing.startProfile.shares,
        durationForYear(timing, y0),
        durationForYear(timing, y0 + 1),
      );
      m.costSplit = {
        years: split.startYear.map((_, k) => y0 + k),
        shares: split.startYear,
        timingFile: displayPath(timing.file),
      };
    }
    if (def.effectFrom === undefined) {
      const ev = evaluateMeasure(def, ds, { runs: 2000, seed });
      const o = ev.outcomes.find((x) => x.years.length > 0);
      if (o) {
        const ys = o.years;
        const mean = (f: (y: (typeof ys)[number]) => number) => ys.reduce((a, y) => a + f(y), 0) / ys.length;
        m.estimated = {
          outcome: outcomeLabel(o, lang),
          point: mean((y) => y.relative),
          lower: mean((y) => y.relativeLower95),
          upper: mean((y) => y.relativeUpper95),
          verdict: verdictText(o, lang),
        };
        m.chart = measureChartInput(m.name, def.start, o, lang);
      }
    }
    out.push(m);
  }
  return out;
}
