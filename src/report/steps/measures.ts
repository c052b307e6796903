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
  const out: ReportMeasure[] = [];
  for (const def of loadMeasures()) {
    const m: ReportMeasure = {
      id: def.id,
      name: lang === 'en' ? def.nameEn ?? def.name : def.name,
      start: def.start,
      actsOn: def.actsOn,
      assumed: { mean: distMean(def.effect), lower: distQuantile(def.effect, 0.1), upper: distQuantile(def.effect, 0.9) },
      ...(def.source ? { source: def.source } : {}),
    };
    if (def.effectFrom === undefined) {
      const ev = evaluateMeasure(def, ds, { runs: 2000, seed });
      const o = ev.outcomes.find((x) => x.years.length > 0);
      if (o) {
        const ys = o.years;
        const mean = (f: (y: (typeof ys)[number]) => number) => ys.reduce((a, y) => a + f(y), 0) / ys.length;
        m.estimated = {
          outcome: o.label[lang],
          point: mean((y) => y.relative),
          lower: mean((y) => y.relativeLower95),
          upper: mean((y) => y.relativeUpper95),
          verdict: o.verdictText[lang],
        };
        m.chart = measureChartInput(m.name, def.start, o, lang);
      }
    }
    out.push(m);
  }
  return out;
}
