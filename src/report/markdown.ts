/**
 * The Markdown report: the same sections and tables as the HTML report, with the charts
 * as PNG images in `charts/` beside it (the HTML report's live what-if has no static form:
 * the goal-seek curve and its grid table stand for it).
 */
import { formatNumber } from '../text/number.js';
import { escapeMarkdownText, markdownImage } from './escape.js';
import { t } from '../text/report.js';
import type { ReportModel } from './model.js';
import type { ChartSection, ReportChart } from './reportCharts.js';
import { followUpSection } from './followupSection.js';
import { mcNote, summaryParagraphs, trackRecordParagraphs } from './summary.js';
import { reportTables, type ReportTable } from './tables.js';

/**
 * Render one table as a GitHub-flavoured Markdown table with a bold caption. Every text
 * (caption, headers, cells, note) is escaped.
 *
 * @example
 * markdownTable(reportTables(model).history).startsWith('**') // true
 */
export function markdownTable(tb: ReportTable | undefined): string {
  if (!tb) return '';
  const head = `| ${tb.columns.map(esc).join(' | ')} |`;
  const sep = `| ${tb.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`;
  const rows = tb.rows.map((r) => `| ${r.map((c) => esc(c.text)).join(' | ')} |`);
  return [`**${esc(tb.caption)}**`, '', head, sep, ...rows, '', ...(tb.note ? [`*${esc(tb.note)}*`, ''] : [])].join(
    '\n',
  );
}

const esc = escapeMarkdownText;

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
  return typeof title === 'string' ? title : (title?.text ?? c.id);
}

/** Options of {@link renderMarkdown}. */
export interface MarkdownOptions {
  /** The PNG charts are written beside the report (default true); without them no image is linked. */
  png?: boolean;
}

/**
 * The complete Markdown report (deterministic). All user text (scenario names, labels,
 * notes, reasons) is escaped wherever it appears, not only in tables; images are linked
 * only when their PNGs are written (`png`, default true).
 *
 * @example
 * const md = renderMarkdown(model, reportCharts(model));
 */
export function renderMarkdown(m: ReportModel, all: ReportChart[], opts: MarkdownOptions = {}): string {
  const L = m.lang;
  const png = opts.png !== false;
  const tb = reportTables(m);
  const images = (section: ChartSection, ids?: string[]): string =>
    !png
      ? ''
      : all
          .filter((c) => c.section === section && !c.interactiveOnly && (!ids || ids.includes(c.id)))
          .map((c) => `${markdownImage(chartTitle(c), chartPngPath(c.id))}\n`)
          .join('\n');
  const unavailable = (section: string): string =>
    m.unavailable
      .filter((u) => u.section === section)
      .map((u) => `> ${esc(t(L, 'report.notAvailable', { reason: u.reason }))}\n`)
      .join('\n');
  const note = (text: string) => `*${esc(text)}*`;
  const out: string[] = [];
  out.push(
    `# ${esc(t(L, 'report.title'))}`,
    '',
    esc(t(L, 'report.subtitle', { runs: formatNumber(m.runs, 0, L), seed: m.seed })),
    '',
  );
  out.push(`## ${esc(t(L, 'report.summary'))}`, '');
  for (const p of summaryParagraphs(m)) out.push(esc(p.join(' ')), '');
  if (tb.headline) out.push(markdownTable(tb.headline));
  out.push(note(mcNote(m)), '');
  if (tb.summary) out.push(markdownTable(tb.summary));
  out.push(unavailable('summary'));
  if (m.trackRecord || m.unavailable.some((u) => u.section === 'trackrecord')) {
    out.push(
      `## ${esc(t(L, 'report.trackrecord'))}`,
      '',
      ...trackRecordParagraphs(m).flatMap((p) => [esc(p.join(' ')), '']),
      images('trackrecord'),
      markdownTable(tb.trackRecordSummary),
      markdownTable(tb.calibration),
      markdownTable(tb.trackRecord),
      unavailable('trackrecord'),
    );
  }
  out.push(
    `## ${esc(t(L, 'report.history'))}`,
    '',
    images('history', ['budget']),
    markdownTable(tb.history),
    images('history', ['activity']),
    markdownTable(tb.activity),
  );
  out.push(
    images('history', ['unit-cost']),
    markdownTable(tb.unitCost),
    note(t(L, 'text.flagsNote')),
    '',
    markdownTable(tb.events),
    unavailable('history'),
  );
  if (m.forecasts.length || m.unavailable.some((u) => u.section === 'forecasts')) {
    const notes = m.forecasts
      .filter((f) => f.note)
      .map((f) => `${note(`${f.seriesId}: ${f.note}`)}\n`)
      .join('\n');
    out.push(
      `## ${esc(t(L, 'report.forecasts'))}`,
      '',
      images('forecasts'),
      ...tb.forecasts.map(markdownTable),
      notes,
      unavailable('forecasts'),
    );
  }
  out.push(
    `## ${esc(t(L, 'report.scenarios'))}`,
    '',
    images('scenarios', ['scenarios', 'p-merforbrug']),
    markdownTable(tb.compare),
    images('scenarios', ['merforbrug-distribution']),
    ...tb.scenarios.map(markdownTable),
    unavailable('scenarios'),
  );
  if (m.whatIf || m.unavailable.some((u) => u.section === 'whatif')) {
    const w = m.whatIf;
    const grid = w
      ? `${note(t(L, 'text.gridNote', { n: w.grid.length, runs: formatNumber(w.runs, 0, L), scenario: w.scenario, lever: t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation') }) + (w.spreadK !== undefined ? ' ' + t(L, 'text.gridSpread', { k: formatNumber(w.spreadK, 1, L) }) : '') + (w.leverReason ? ' ' + w.leverReason : ''))}\n`
      : '';
    out.push(
      `## ${esc(t(L, 'report.whatif'))}`,
      '',
      grid,
      images('whatif'),
      markdownTable(tb.whatIf),
      unavailable('whatif'),
    );
  }
  if (m.sensitivity || m.unavailable.some((u) => u.section === 'sensitivity')) {
    out.push(
      `## ${esc(t(L, 'report.sensitivity'))}`,
      '',
      images('sensitivity'),
      markdownTable(tb.sensitivity),
      unavailable('sensitivity'),
    );
  }
  out.push(
    `## ${esc(t(L, 'report.measures'))}`,
    '',
    tb.measures
      ? markdownTable(tb.measures) + '\n' + markdownTable(tb.verdict) + '\n' + markdownTable(tb.costSplit)
      : '',
    images('measures'),
    unavailable('measures'),
  );
  out.push(
    `## ${esc(t(L, 'report.accuracy'))}`,
    '',
    markdownTable(tb.accuracy),
    markdownTable(tb.costModel),
    markdownTable(tb.costResiduals),
    m.costModel?.notes.length ? `${note(m.costModel.notes.join(' '))}\n` : '',
    unavailable('accuracy'),
  );
  if (m.followUp) {
    const fu = followUpSection(m.followUp, L);
    out.push(
      `## ${esc(t(L, fu.titleKey))}`,
      '',
      ...(fu.warning ? [`> ${esc(fu.warning)}`, ''] : []),
      esc(fu.headline),
      '',
      images('followup'),
      ...fu.tables.map(markdownTable),
      ...fu.notes.map((n) => `${note(n)}\n`),
    );
  }
  out.push(`## ${esc(t(L, 'report.assumptions'))}`, '', markdownTable(tb.inputs), markdownTable(tb.assumptions));
  out.push(
    `## ${esc(t(L, 'report.provenance'))}`,
    '',
    esc(t(L, 'text.provenance')),
    '',
    markdownTable(tb.glossary),
    markdownTable(tb.sources),
    markdownTable(tb.otherSources),
    markdownTable(tb.userData),
  );
  out.push('---', '', note(t(L, 'text.generated', { version: m.version })), '');
  return out.join('\n').replace(/\n{3,}/g, '\n\n');
}
