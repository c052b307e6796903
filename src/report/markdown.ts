/**
 * The Markdown report: the same sections and tables as the HTML report, with the charts
 * as PNG images in `charts/` beside it (the interactive what-if chart is replaced by its
 * grid table).
 */
import { formatNumber } from '../format/number.js';
import { escapeMarkdownCell } from './escape.js';
import { t } from './i18n.js';
import type { ReportModel } from './model.js';
import type { ChartSection, ReportChart } from './reportCharts.js';
import { mcNote, summarySentences, trackRecordSentences } from './summary.js';
import { reportTables, type ReportTable } from './tables.js';

/**
 * Render one table as a GitHub-flavoured Markdown table with a bold caption.
 *
 * @example
 * markdownTable(reportTables(model).history).startsWith('**') // true
 */
export function markdownTable(tb: ReportTable | undefined): string {
  if (!tb) return '';
  const head = `| ${tb.columns.map(escapeMarkdownCell).join(' | ')} |`;
  const sep = `| ${tb.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  const rows = tb.rows.map((r) => `| ${r.map((c) => escapeMarkdownCell(c.text)).join(' | ')} |`);
  return [`**${escapeMarkdownCell(tb.caption)}**`, '', head, sep, ...rows, '', ...(tb.note ? [`*${escapeMarkdownCell(tb.note)}*`, ''] : [])].join('\n');
}

/**
 * Path of a chart's PNG relative to the Markdown file.
 *
 * @example
 * chartPngPath('budget') // 'charts/budget.png'
 */
export function chartPngPath(id: string): string {
  return `charts/${id}.png`;
}

function chartTitle(c: ReportChart): string {
  const title = (c.spec as { title?: { text?: string } | string }).title;
  return typeof title === 'string' ? title : title?.text ?? c.id;
}

function images(all: ReportChart[], section: ChartSection, ids?: string[]): string {
  return all
    .filter((c) => c.section === section && !c.interactiveOnly && (!ids || ids.includes(c.id)))
    .map((c) => `![${escapeMarkdownCell(chartTitle(c))}](${chartPngPath(c.id)})\n`)
    .join('\n');
}

function unavailable(m: ReportModel, section: string): string {
  return m.unavailable
    .filter((u) => u.section === section)
    .map((u) => `> ${t(m.lang, 'report.notAvailable', { reason: u.reason })}\n`)
    .join('\n');
}

/**
 * The complete Markdown report (deterministic).
 *
 * @example
 * const md = renderMarkdown(model, reportCharts(model));
 */
export function renderMarkdown(m: ReportModel, all: ReportChart[]): string {
  const L = m.lang;
  const tb = reportTables(m);
  const out: string[] = [];
  out.push(`# ${t(L, 'report.title')}`, '', t(L, 'report.subtitle', { runs: formatNumber(m.runs, 0, L), seed: m.seed }), '');
  out.push(`## ${t(L, 'report.summary')}`, '', summarySentences(m).join(' '), '');
  if (tb.headline) out.push(markdownTable(tb.headline));
  out.push(`*${mcNote(m)}*`, '');
  if (tb.summary) out.push(markdownTable(tb.summary));
  out.push(unavailable(m, 'summary'));
  if (m.trackRecord || m.unavailable.some((u) => u.section === 'trackrecord')) {
    out.push(`## ${t(L, 'report.trackrecord')}`, '', trackRecordSentences(m).join(' '), '', images(all, 'trackrecord'), markdownTable(tb.trackRecordSummary), markdownTable(tb.calibration), markdownTable(tb.trackRecord), unavailable(m, 'trackrecord'));
  }
  out.push(`## ${t(L, 'report.history')}`, '', images(all, 'history', ['budget']), markdownTable(tb.history), images(all, 'history', ['activity']), markdownTable(tb.activity));
  out.push(images(all, 'history', ['unit-cost']), markdownTable(tb.unitCost), `*${t(L, 'text.flagsNote')}*`, '', markdownTable(tb.events), unavailable(m, 'history'));
  if (m.forecasts.length || m.unavailable.some((u) => u.section === 'forecasts')) {
    const notes = m.forecasts.filter((f) => f.note).map((f) => `*${f.seriesId}: ${f.note}*\n`).join('\n');
    out.push(`## ${t(L, 'report.forecasts')}`, '', images(all, 'forecasts'), ...tb.forecasts.map(markdownTable), notes, unavailable(m, 'forecasts'));
  }
  out.push(`## ${t(L, 'report.scenarios')}`, '', images(all, 'scenarios'), ...tb.scenarios.map(markdownTable), unavailable(m, 'scenarios'));
  if (m.whatIf || m.unavailable.some((u) => u.section === 'whatif')) {
    const w = m.whatIf;
    const note = w ? `*${t(L, 'text.gridNote', { n: w.grid.length, runs: formatNumber(w.runs, 0, L), scenario: w.scenario, lever: t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation') })}${w.leverReason ? ' ' + w.leverReason : ''}*\n` : '';
    out.push(`## ${t(L, 'report.whatif')}`, '', note, images(all, 'whatif'), markdownTable(tb.whatIf), unavailable(m, 'whatif'));
  }
  if (m.sensitivity || m.unavailable.some((u) => u.section === 'sensitivity')) {
    out.push(`## ${t(L, 'report.sensitivity')}`, '', images(all, 'sensitivity'), markdownTable(tb.sensitivity), unavailable(m, 'sensitivity'));
  }
  out.push(`## ${t(L, 'report.measures')}`, '', tb.measures ? markdownTable(tb.measures) + '\n' + markdownTable(tb.verdict) : '', images(all, 'measures'), unavailable(m, 'measures'));
  out.push(`## ${t(L, 'report.accuracy')}`, '', markdownTable(tb.accuracy), markdownTable(tb.costModel), m.costModel?.notes.length ? `*${m.costModel.notes.join(' ')}*\n` : '', unavailable(m, 'accuracy'));
  out.push(`## ${t(L, 'report.assumptions')}`, '', markdownTable(tb.inputs), markdownTable(tb.assumptions));
  out.push(`## ${t(L, 'report.provenance')}`, '', t(L, 'text.provenance'), '', markdownTable(tb.sources));
  out.push('---', '', `*${t(L, 'text.generated', { version: m.version })}*`, '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
