/**
 * The follow-up section of `viso report --actuals FILE`: computing it for the report (with the
 * report's own primary scenario run as the prior, so both agree) and the parts the HTML, Markdown
 * and XLSX renderers place: headline, the illustrative warning, the chart, tables and notes.
 */
import type { Lang } from '../text/number.js';
import type { FollowUpResult } from '../followup/types.js';
import type { ScenarioResult } from '../scenario/types.js';
import { followUpChart } from './charts/followup.js';
import { followUpHeadline, followUpNotes, followUpTableList, followUpTables } from './followup.js';
import { noteText } from './followupText.js';
import type { StringKey } from '../text/report.js';
import type { ReportTable } from './tables.js';
import type { TopLevelSpec } from 'vega-lite';

/** Options of {@link collectFollowUp}. */
export interface CollectFollowUpOptions {
  /** The report's primary scenario run, used as the prior when it simulates the running year. */
  priorResult?: ScenarioResult;
  seed?: number;
}

/**
 * The follow-up of a monthly actuals file for the report. Bad files throw (one line, exit 2 in the CLI).
 *
 * @example
 * const fu = await collectFollowUp('data/viso-monthly-illustrative.csv', { priorResult });
 */
export async function collectFollowUp(file: string, o: CollectFollowUpOptions = {}): Promise<FollowUpResult> {
  const { readMonthlyActuals } = await import('../followup/actuals.js');
  const { followUp } = await import('../followup/model.js');
  const actuals = await readMonthlyActuals(file);
  const withPrior =
    o.priorResult && o.priorResult.years.some((y) => y.year === actuals.years[actuals.years.length - 1]?.year);
  return followUp(actuals, {
    ...(withPrior ? { priorResult: o.priorResult } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  });
}

/** The pieces of the follow-up section, in the report's language. */
export interface FollowUpSection {
  id: 'followup';
  titleKey: StringKey;
  headline: string;
  /** The warning shown first when the data are illustrative. */
  warning?: string;
  tables: ReportTable[];
  notes: string[];
}

/**
 * The follow-up section's text and tables (tables on the workbook sheet `sheet.followup`).
 *
 * @example
 * followUpSection(model.followUp, 'da').tables.map((t) => t.id) // ['followup-summary', 'followup-key', …]
 */
export function followUpSection(r: FollowUpResult, lang: Lang): FollowUpSection {
  const illustrative = r.notes.find((n) => n.code === 'illustrative');
  const notes = followUpNotes(r, lang).filter((n) => !illustrative || n !== noteText(illustrative, lang));
  return {
    id: 'followup',
    titleKey: 'report.followup',
    headline: followUpHeadline(r, lang),
    ...(illustrative ? { warning: noteText(illustrative, lang) } : {}),
    tables: followUpTableList(followUpTables(r, lang)).map((t) => ({ ...t, sheet: 'sheet.followup' as StringKey })),
    notes,
  };
}

/**
 * The follow-up chart of the report.
 *
 * @example
 * followUpReportChart(model.followUp, 'da').title // { text: 'Forbrug 2025 akkumuleret mod budgetprofilen', … }
 */
export function followUpReportChart(r: FollowUpResult, lang: Lang): TopLevelSpec {
  return followUpChart(
    {
      year: r.year,
      asOf: r.asOf,
      months: r.months,
      bevilling: r.bevilling,
      opsparing: r.opsparing,
      illustrative: r.illustrative,
    },
    { lang },
  );
}
