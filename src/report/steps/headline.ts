/** Report step: the backtest of the primary scenario, the one forecast calibrated by it and the headline's parameter spread. */
import type { ReportForecast, ReportModel } from '../model.js';
import { sayMsg } from '../../text/messages.js';
import { guarded, timed, type StepContext } from './context.js';
import { useOneForecast } from './forecasts.js';
import type { ScenariosStep } from './scenarios.js';

/** What the headline rests on; each undefined when its part is not asked for or could not be computed. */
export interface HeadlineStep {
  trackRecord: ReportModel['trackRecord'];
  oneForecast: ReportModel['oneForecast'];
  parameterSpread: ReportModel['parameterSpread'];
}

/**
 * Replay the primary scenario from every vantage year, calibrate the one forecast on that track record (and show
 * it as the forbrug fan, `forecasts` changed in place), and spread the headline P over the parameter draws.
 *
 * @example
 * const { trackRecord, oneForecast } = await collectHeadline(ctx, scenarios, forecasts);
 */
export async function collectHeadline(
  ctx: StepContext,
  sc: ScenariosStep,
  forecasts: ReportForecast[],
): Promise<HeadlineStep> {
  const none: HeadlineStep = { trackRecord: undefined, oneForecast: undefined, parameterSpread: undefined };
  const { primary, focusYear } = sc;
  if (!primary || !ctx.want('backtest')) return none;
  const { lang, runs, seedOpt, timings } = ctx;
  const got = await guarded(ctx, 'trackrecord', async (): Promise<HeadlineStep> => {
    const {
      oneForecast: one,
      parameterSpread: spread,
      headlineBacktest,
      ONE_FORECAST_MAX_RUNS,
    } = await import('../../scenario/headline.js');
    const bt = timed(timings, 'scenario-backtest', () => headlineBacktest(primary.def, { runs, ...seedOpt }));
    const { replays: _r, notes, ...rest } = bt;
    const trackRecord = { ...rest, notes: notes.map((x) => sayMsg(x, lang)) };
    const oneForecast = timed(timings, 'one-forecast', () =>
      one(primary.def, {
        k: bt.calibration.k,
        years: Math.max(4, focusYear - primary.def.baseYear),
        runs: Math.min(runs, ONE_FORECAST_MAX_RUNS),
        ...seedOpt,
      }),
    );
    const parameterSpread = timed(timings, 'parameter-spread', () =>
      spread(primary.def, { year: focusYear, ...seedOpt }),
    );
    useOneForecast(forecasts, oneForecast, lang);
    return { trackRecord, oneForecast, parameterSpread };
  });
  return got ?? none;
}
