/** Report step: the scenarios run with the report's runs (else each file's own) and seed, the primary scenario and the headline year. */
import { displayPath } from '../../io/paths.js';
import type { ScenarioDef, ScenarioResult } from '../../scenario/types.js';
import type { ReportScenario } from '../model.js';
import { timed, type StepContext } from './context.js';

/** The scenarios of the report, the primary one (`baseline`, else the first) and the headline year. */
export interface ScenariosStep {
  defs: { file: string; def: ScenarioDef }[];
  scenarios: ReportScenario[];
  primary: { file: string; def: ScenarioDef } | undefined;
  primaryResult: ScenarioResult | undefined;
  focusYear: number;
}

/** Assumptions with their `files` as shown in the report. */
function withShownFiles(a: Record<string, unknown>, shown: Map<string, string>): Record<string, unknown> {
  return Array.isArray(a.files) ? { ...a, files: a.files.map((f) => shown.get(String(f)) ?? f) } : a;
}

/** The real path of a file of a loaded scenario (its name as shown in messages, or a bundled id). */
function scenarioFilePath(resolveRef: (ref: string) => string, shown: string): string {
  try {
    return resolveRef(shown);
  } catch {
    return shown;
  }
}

/**
 * Load and run the report's scenarios (the given ones, else every bundled one) on the report's data; the
 * headline year is `year` if given (it must be simulated), else the primary scenario's base year + 2.
 *
 * @example
 * const { primaryResult, focusYear } = await collectScenarios(ctx, { lastDataYear: 2024 });
 */
export async function collectScenarios(
  ctx: StepContext,
  o: { scenarios?: string[]; year?: number; lastDataYear: number; budget?: string; pl?: string },
): Promise<ScenariosStep> {
  const { lang, runsOpt, seedOpt, timings, want, ds } = ctx;
  const sc = await import('../../scenario/load.js');
  const { runScenario } = await import('../../scenario/scenario.js');
  const { scenarioName, localizeAssumptions } = await import('../scenarioText.js');
  const { measureNote } = await import('../measuresText.js');
  const needScenarios = want('scenarios') || want('whatif') || want('sensitivity');
  const refs = !needScenarios ? [] : o.scenarios && o.scenarios.length ? o.scenarios : sc.listBundledScenarios();
  const { loadAnyScenario } = await import('../../scenario/workbook.js');
  const defs: { file: string; def: ScenarioDef }[] = [];
  for (const r of refs)
    defs.push({
      file: r,
      def: await loadAnyScenario(r, {
        dataset: ds,
        ...(o.budget !== undefined ? { budget: o.budget } : {}),
        ...(o.pl !== undefined ? { pl: o.pl } : {}),
      }),
    });
  const scenarios: ReportScenario[] = [];
  for (const { file, def } of defs) {
    const run = timed(timings, `scenario:${def.id}`, () => runScenario(def, { ...runsOpt, ...seedOpt }));
    // files as real paths (the manifest hashes them) and, in the report, shown relative to the package or
    // by name only: the same inputs give the same bytes from any working directory
    const paths = def.files.map((f) => scenarioFilePath(sc.resolveScenarioPath, f));
    const shown = new Map(def.files.map((f, i) => [f, displayPath(paths[i])]));
    const result: ScenarioResult = {
      ...run,
      name: scenarioName(run, lang),
      assumptions: withShownFiles(localizeAssumptions(run.assumptions, lang), shown),
      sources: run.sources.map((x) => shown.get(x) ?? x),
    }; // the report's language throughout
    const measures = def.measures.map((sm) => {
      const note = measureNote(sm.def, lang);
      return {
        id: sm.id,
        name: lang === 'en' ? (sm.def.nameEn ?? sm.def.name) : sm.def.name,
        ...(note ? { note } : {}),
      };
    });
    scenarios.push({
      file: shown.get(file) ?? displayPath(file),
      files: paths,
      result,
      ...(measures.length ? { measures } : {}),
    });
  }
  const primary = defs.find((d) => d.def.id === 'baseline') ?? defs[0];
  const primaryResult = scenarios.find((s) => s.result.id === primary?.def.id)?.result;
  const primaryScenarioEntry = scenarios.find((s) => s.result === primaryResult);
  if (primary && primaryScenarioEntry) {
    const { prepareScenario } = await import('../../scenario/scenario.js');
    const { projectionInputs, engineCentralPath } = await import('../../scenario/projection.js');
    const compiled = prepareScenario(primary.def);
    primaryScenarioEntry.projection = { inputs: projectionInputs(compiled), engine: engineCentralPath(compiled) };
  }
  const years = primaryResult?.years.map((y) => y.year) ?? [];
  if (o.year !== undefined && primaryResult && !years.includes(o.year)) {
    const { UsageError } = await import('../../errors.js');
    throw new UsageError({
      code: 'report.yearOutside',
      params: { year: o.year, from: years[0], to: years[years.length - 1], id: primaryResult.id },
    });
  }
  const focusYear =
    o.year ??
    (primaryResult
      ? years.includes(primaryResult.baseYear + 2)
        ? primaryResult.baseYear + 2
        : years[years.length - 1]
      : o.lastDataYear);
  return { defs, scenarios, primary, primaryResult, focusYear };
}
