/** Report step: the history (bevilling, forbrug, activity), the cost per forløb and the fitted cost model. */
import { activityRows, budgetRows, unitCostRows } from '../fromData.js';
import type { ReportModel } from '../model.js';
import { guarded, timed, type StepContext } from './context.js';
import { sayMsg } from '../../text/messages.js';

/** The history section and the cost model (a part that fails is listed as unavailable). */
export interface HistoryStep {
  history: ReportModel['history'];
  costModel: ReportModel['costModel'] | undefined;
}

/**
 * Budget and activity rows from the data, the cost per forløb in current and fixed prices, and the cost model.
 *
 * @example
 * const { history, costModel } = await collectHistory(ctx);
 */
export async function collectHistory(ctx: StepContext): Promise<HistoryStep> {
  const { ds, lang, timings } = ctx;
  const { loadCostAssumptions } = await import('../../cost/assumptions.js');
  const unitCost = await guarded(
    ctx,
    'history',
    async () => {
      const cost = await import('../../cost/unitCost.js');
      const assumptions = loadCostAssumptions();
      const cur = cost.unitCostTable(ds, { prices: 'current', assumptions });
      const fix = cost.unitCostTable(ds, { prices: 'fixed', assumptions });
      return { rows: unitCostRows(cur, fix), baseYear: fix.baseYear, plLabel: fix.plLabel[lang] };
    },
    'unit cost',
  );
  const costModel = await guarded(
    ctx,
    'accuracy',
    async () => {
      const assumptions = loadCostAssumptions();
      const { fitCostModel } = await import('../../cost/model.js');
      const cm = timed(timings, 'cost-model', () => fitCostModel(ds, { assumptions }));
      return {
        prices: cm.prices,
        baseYear: cm.baseYear,
        n: cm.diagnostics.n,
        r2: cm.diagnostics.r2,
        adjR2: cm.diagnostics.adjR2,
        sigma: cm.diagnostics.sigma,
        coefficients: cm.diagnostics.coefficients.map((c) => ({
          name: c.name,
          coef: c.coef,
          se: c.se,
          lower95: c.lower95,
          upper95: c.upper95,
          p: c.p,
        })),
        rows: cm.diagnostics.rows.map((r) => ({
          year: r.year,
          forbrug: r.forbrug,
          fitted: r.fitted,
          residual: r.residual,
          leverage: r.leverage,
          cooksD: r.cooksD,
          flags: [...r.flags],
        })),
        notes: cm.diagnostics.notes.map((n) => sayMsg(n, lang)),
      };
    },
    'cost model',
  );
  return {
    history: { budget: budgetRows(ds), activity: activityRows(ds), ...(unitCost ? { unitCost } : {}) },
    costModel,
  };
}
