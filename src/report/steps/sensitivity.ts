/** Report step: the sensitivity (tornado) of merforbrug in the headline year. */
import type { Sensitivity } from '../model.js';
import { guarded, timedAsync, type StepContext } from './context.js';
import type { ScenariosStep } from './scenarios.js';

/**
 * Each input of the primary scenario swung from its 10th to its 90th percentile with the others at their
 * medians (a tenth of the report's runs, at least 5.000).
 *
 * @example
 * const s = await collectSensitivity(ctx, scenarios);
 */
export async function collectSensitivity(ctx: StepContext, sc: ScenariosStep): Promise<Sensitivity | undefined> {
  const { primary, focusYear } = sc;
  if (!primary || !ctx.want('sensitivity')) return undefined;
  const { lang, runs, seedOpt } = ctx;
  return guarded(ctx, 'sensitivity', () =>
    timedAsync(ctx.timings, 'sensitivity', async () => {
      const { sensitivity } = await import('../../scenario/sensitivity.js');
      const { scenarioName } = await import('../scenarioText.js');
      const { tornadoRows } = await import('../chartInputs.js');
      const res = sensitivity(primary.def, {
        year: focusYear,
        runs: Math.max(5_000, Math.round(runs / 10)),
        ...seedOpt,
      });
      return {
        scenario: scenarioName(primary.def, lang),
        year: res.year,
        base: res.median,
        rows: tornadoRows(res, lang),
        ...(res.costCorrelation !== undefined ? { costCorrelation: res.costCorrelation } : {}),
      };
    }),
  );
}
