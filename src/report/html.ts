/**
 * The self-contained HTML report: inline CSS, the vega/vega-lite/vega-embed browser builds
 * and every chart spec are embedded, so the file works offline from `file://`. All text
 * from the model is HTML-escaped; specs are embedded as script-safe JSON.
 */
import { formatMio, formatNumber, formatPct } from '../text/number.js';
import { browserLibraries } from './assets.js';
import { escapeHtml, inlineScript, scriptJson } from './escape.js';
import { t, type StringKey } from '../text/report.js';
import type { ReportModel } from './model.js';
import type { ChartSection, ReportChart } from './reportCharts.js';
import { followUpSection } from './followupSection.js';
import { headline, mcNote, summaryParagraphs, trackRecordParagraphs } from './summary.js';
import { reportTables, type ReportTable } from './tables.js';
import { livePanel } from './live/panel.js';
import { liveBundle } from './live/bundle.js';
import { scenarioName } from './scenarioText.js';

const CSS = `
:root{--ink:#1d2733;--muted:#5b6770;--line:#e3e7eb;--accent:#1f5fa8;--bad:#c0392b;--good:#2e8b57;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 Helvetica,Arial,"DejaVu Sans",sans-serif;color:var(--ink);background:var(--bg)}
header.top{background:#15324f;color:#fff;padding:28px 40px 22px}
header.top h1{margin:0 0 6px;font-size:26px;font-weight:650;letter-spacing:.2px}
header.top p{margin:0;color:#c9d6e3;font-size:14px}
nav.toc{background:#fff;border-bottom:1px solid var(--line);padding:10px 40px;position:sticky;top:0;z-index:5;font-size:13.5px;display:flex;flex-wrap:wrap;gap:4px 18px}
nav.toc a{color:var(--accent);text-decoration:none;white-space:nowrap}
main{max-width:1240px;margin:0 auto;padding:8px 28px 40px}
section{background:#fff;border:1px solid var(--line);border-radius:8px;padding:22px 28px;margin:22px 0;min-width:0}
h2{font-size:20px;margin:0 0 14px;color:#15324f}
h3{font-size:16px;margin:22px 0 8px}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:14px;margin:4px 0 18px}
.card{border:1px solid var(--line);border-radius:8px;padding:14px 16px;background:var(--bg)}
.card .k{font-size:12.5px;color:var(--muted);text-transform:uppercase;letter-spacing:.4px}
.card .v{font-size:26px;font-weight:650;margin-top:4px}
.card .s{font-size:12.5px;color:var(--muted)}
.card.risk .v{color:var(--bad)}
p.lead{font-size:16px;max-width:900px}
p.note{font-size:13px;color:var(--muted);max-width:900px}
figure.chart{margin:18px 0 10px;overflow-x:auto}
figure.chart .vega,figure.chart .vega-live{min-height:120px}
table{border-collapse:collapse;font-size:13px;margin:8px 0 14px;width:100%}
caption{text-align:left;font-weight:600;padding:4px 0 6px;color:var(--ink)}
th,td{border-bottom:1px solid var(--line);padding:5px 7px;vertical-align:top;overflow-wrap:break-word}
td.w{overflow-wrap:anywhere}
th{background:var(--bg);text-align:left;font-weight:600;font-size:12.5px;line-height:1.3;overflow-wrap:normal;hyphens:auto}
td.d{white-space:nowrap}
.tw{overflow-x:auto;margin:8px 0 14px;max-width:100%}
.tw table{margin:0}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
td.n{white-space:nowrap}
details{margin:6px 0 12px}
summary{cursor:pointer;color:var(--accent);font-size:13.5px}
.unavailable{border-left:4px solid #e67e22;background:#fff7ef;padding:8px 12px;font-size:13.5px;margin:10px 0}
.vega-bindings{margin:6px 0 4px 8px;font-size:14px}
.vega-bindings input[type=range]{width:320px;max-width:60vw;vertical-align:middle}
.live-controls{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:12px 16px;margin:12px 0 8px}
.live-controls fieldset{border:1px solid var(--line);border-radius:8px;padding:8px 12px 6px;margin:0;min-width:0;background:var(--bg)}
.live-controls legend{font-weight:600;font-size:13.5px;padding:0 4px}
.live-controls fieldset.runs{display:flex;align-items:flex-end;gap:12px}
.ctl{margin:4px 0 8px}
.ctl label{display:block;font-size:13px;color:var(--muted);margin-bottom:2px}
.ctl .row{display:flex;align-items:center;gap:8px;flex-wrap:wrap}
.ctl input[type=range]{flex:1;min-width:120px}
.ctl output{min-width:64px;text-align:right;font-variant-numeric:tabular-nums;font-weight:600}
.ctl select,.live-controls button{font:inherit;font-size:13px;padding:2px 6px}
.help{font-size:12px;color:var(--muted);line-height:1.35}
.bev{display:grid;grid-template-columns:repeat(auto-fill,minmax(70px,1fr));gap:6px;margin-bottom:4px}
.bevy span{display:block;font-size:12px;color:var(--muted)}
.bevy input{width:100%;font:inherit;font-size:13px;padding:2px 4px}
.bevy input[aria-invalid=true]{border-color:var(--bad);outline:1px solid var(--bad)}
.bevy .err{display:block;font-size:11.5px;line-height:1.3;color:var(--bad);margin-top:2px}
.live[data-live-status=invalid] .live-status{color:var(--bad);font-weight:600}
.live[data-live-status=invalid] #table-live,.live[data-live-status=invalid] .vega-live{opacity:.55}
.live-status{min-height:1.4em}
.live-set{font-weight:600;margin:4px 0}
.live[data-live-status=computing] .live-status{color:var(--accent)}
.live[data-live-status=error] .live-status{color:var(--bad)}
pre#live-yaml{white-space:pre-wrap;overflow-wrap:anywhere;font-size:12px;background:var(--bg);padding:8px 10px;border-radius:6px;margin:6px 0}
footer{max-width:1240px;margin:0 auto;padding:0 28px 40px;font-size:12.5px;color:var(--muted)}
@page{size:A4 portrait;margin:12mm 10mm 12mm 10mm}
@media print{
body{background:#fff;font-size:9.5pt;line-height:1.4}
header.top{background:none;color:var(--ink);padding:0 0 4mm}
header.top p{color:var(--muted)}
nav.toc,.live-controls,.live-yaml,noscript,.vega-bindings{display:none}
main,footer{max-width:none;padding:0}
section{border:none;border-radius:0;padding:0;margin:0 0 6mm;background:none}
h2{break-after:avoid;font-size:14pt}
h3,caption{break-after:avoid}
p.lead{font-size:10pt;max-width:none}
p.note{font-size:8pt;max-width:none}
.cards{grid-template-columns:repeat(4,1fr);gap:3mm}
.card{padding:2mm 3mm}
.card .v{font-size:14pt}
.tw,figure.chart{overflow:visible}
table{font-size:6.8pt;line-height:1.25;width:100%}
th,td{padding:1.2pt 2.5pt}
th{font-size:6.5pt;hyphens:auto}
tr,figure.chart,.tw.short{break-inside:avoid}
thead{display:table-header-group}
figure.chart svg{max-width:100%;height:auto}
details>summary{display:none}
details::details-content{content-visibility:visible;display:block}
}
`;

/** A cell's class: numbers right-aligned on one line, dates on one line, long unbroken tokens (ids, JSON) may break anywhere. */
function cellClass(numeric: boolean, text: string): string {
  if (numeric) return ' class="n"';
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(text)) return ' class="d"';
  return /\S{28,}/.test(text) ? ' class="w"' : '';
}

/**
 * Render one report table as HTML.
 *
 * @example
 * htmlTable(reportTables(model).history) // '<div class="tw"><table id="table-history">…'
 */
export function htmlTable(tb: ReportTable | undefined): string {
  if (!tb) return '';
  const head = tb.columns.map((c, i) => `<th${tb.numeric[i] ? ' class="n"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body = tb.rows
    .map(
      (r) =>
        `<tr>${r.map((c, i) => `<td${cellClass(tb.numeric[i], c.text)}>${escapeHtml(c.text)}</td>`).join('')}</tr>`,
    )
    .join('\n');
  const note = tb.note ? `<p class="note">${escapeHtml(tb.note)}</p>` : '';
  // a short table is kept on one printed page; a long one breaks between rows, its header repeated
  return `<div class="tw${tb.rows.length <= 14 ? ' short' : ''}"><table id="table-${escapeHtml(tb.id)}"><caption>${escapeHtml(tb.caption)}</caption><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table></div>${note}`;
}

function collapsible(lang: ReportModel['lang'], tb: ReportTable | undefined): string {
  if (!tb) return '';
  return `<details><summary>${escapeHtml(t(lang, 'report.dataTable'))}: ${escapeHtml(tb.caption)}</summary>${htmlTable(tb)}</details>`;
}

function figure(c: ReportChart): string {
  return `<figure class="chart" id="chart-${escapeHtml(c.id)}"><div class="vega" data-chart="${escapeHtml(c.id)}"></div></figure>`;
}

function charts(all: ReportChart[], section: ChartSection, ids?: string[]): string {
  return all
    .filter((c) => c.section === section && (!ids || ids.includes(c.id)))
    .map(figure)
    .join('\n');
}

function unavailable(m: ReportModel, section: string): string {
  return m.unavailable
    .filter((u) => u.section === section)
    .map((u) => `<div class="unavailable">${escapeHtml(t(m.lang, 'report.notAvailable', { reason: u.reason }))}</div>`)
    .join('\n');
}

function cards(m: ReportModel): string {
  const h = headline(m);
  if (!h) return '';
  const L = m.lang;
  const card = (k: string, v: string, s: string, cls = '') =>
    `<div class="card${cls}"><div class="k">${escapeHtml(k)}</div><div class="v">${escapeHtml(v)}</div><div class="s">${escapeHtml(s)}</div></div>`;
  const pSub =
    h.parameter && h.models
      ? L === 'da'
        ? `parameterusikkerhed ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)} · modeller ${formatPct(Math.min(h.p, h.models.driver, h.models.timeSeries, h.models.naive), L, 0)}–${formatPct(Math.max(h.p, h.models.driver, h.models.timeSeries, h.models.naive), L, 0)} · ${h.scenario}`
        : `parameter uncertainty ${formatPct(h.parameter.lo, L, 0)}–${formatPct(h.parameter.hi, L, 0)} · models ${formatPct(Math.min(h.p, h.models.driver, h.models.timeSeries, h.models.naive), L, 0)}–${formatPct(Math.max(h.p, h.models.driver, h.models.timeSeries, h.models.naive), L, 0)} · ${h.scenario}`
      : `${t(L, 'col.pMerforbrugSe')} ±${formatNumber(h.se * 100, 2, L)} ${L === 'da' ? 'pct.-point' : 'pp'} · ${h.scenario}`;
  return `<div class="cards">
${card(`P(${L === 'da' ? 'merforbrug' : 'overspend'} ${h.year})`, formatPct(h.p, L, 1), pSub, ' risk')}
${card(`${t(L, 'col.expectedForbrug')} ${h.year}`, formatMio(h.forbrugMean, L), `${t(L, 'col.interval')}: ${formatNumber(h.forbrugP10, 1, L)}–${formatNumber(h.forbrugP90, 1, L)}`)}
${card(`${t(L, 'series.bevilling')} ${h.year}`, formatMio(h.bevilling, L), h.bevillingAt !== undefined ? t(L, 'text.bevillingKnownCard', { at: h.bevillingAt }) : t(L, 'text.bevillingProjected', { scenario: h.scenario }))}
${card(`${t(L, 'col.expectedMerforbrug')} ${h.year}`, formatMio(h.expectedMerforbrug, L), L === 'da' ? 'negativ = forventet mindreforbrug' : 'negative = expected underspend')}
</div>`;
}

function primaryName(m: ReportModel): string {
  const s = m.scenarios.find((x) => x.result.id === 'baseline') ?? m.scenarios[0];
  return s ? scenarioName(s.result, m.lang) : '';
}

function section(id: string, titleKey: StringKey, lang: ReportModel['lang'], body: string): string {
  return `<section id="${id}"><h2>${escapeHtml(t(lang, titleKey))}</h2>\n${body}\n</section>`;
}

/**
 * The complete HTML report. Deterministic: the same model and charts give the same bytes.
 *
 * @example
 * const html = renderHtml(model, reportCharts(model));
 */
export function renderHtml(m: ReportModel, all: ReportChart[]): string {
  const L = m.lang;
  const tb = reportTables(m);
  const specs: Record<string, unknown> = {};
  for (const c of all) specs[c.id] = c.spec;
  const sections: [string, StringKey, string][] = [];
  sections.push([
    'summary',
    'report.summary',
    `${cards(m)}${summaryParagraphs(m)
      .map((p) => `<p class="lead">${p.map(escapeHtml).join(' ')}</p>`)
      .join('\n')}
${htmlTable(tb.headline)}<p class="note">${escapeHtml(mcNote(m))}</p>
${htmlTable(tb.summary)}${unavailable(m, 'summary')}`,
  ]);
  if (m.trackRecord || m.unavailable.some((u) => u.section === 'trackrecord')) {
    sections.push([
      'trackrecord',
      'report.trackrecord',
      `${trackRecordParagraphs(m)
        .map((p) => `<p class="lead">${p.map(escapeHtml).join(' ')}</p>`)
        .join('\n')}
${charts(all, 'trackrecord')}${htmlTable(tb.trackRecordSummary)}${htmlTable(tb.calibration)}${collapsible(L, tb.trackRecord)}${unavailable(m, 'trackrecord')}`,
    ]);
  }
  sections.push([
    'history',
    'report.history',
    `${charts(all, 'history', ['budget'])}${collapsible(L, tb.history)}
${charts(all, 'history', ['activity'])}${collapsible(L, tb.activity)}
${charts(all, 'history', ['unit-cost'])}${collapsible(L, tb.unitCost)}
<p class="note">${escapeHtml(t(L, 'text.flagsNote'))}</p>
${htmlTable(tb.events)}${unavailable(m, 'history')}`,
  ]);
  if (m.forecasts.length || m.unavailable.some((u) => u.section === 'forecasts')) {
    const notes = m.forecasts
      .filter((f) => f.note)
      .map((f) => `<p class="note">${escapeHtml(`${f.seriesId}: ${f.note}`)}</p>`)
      .join('');
    sections.push([
      'forecasts',
      'report.forecasts',
      `${charts(all, 'forecasts')}${tb.forecasts.map((x) => htmlTable(x)).join('')}${notes}${unavailable(m, 'forecasts')}`,
    ]);
  }
  sections.push([
    'scenarios',
    'report.scenarios',
    `${charts(all, 'scenarios', ['scenarios', 'p-merforbrug'])}
${htmlTable(tb.compare)}
${charts(all, 'scenarios', ['merforbrug-distribution'])}
${tb.scenarios.map(htmlTable).join('\n')}${unavailable(m, 'scenarios')}`,
  ]);
  if (m.whatIf || m.live || m.unavailable.some((u) => u.section === 'whatif')) {
    const w = m.whatIf;
    const live = m.live ? livePanel(m.live, L, primaryName(m)) : '';
    sections.push([
      'whatif',
      'report.whatif',
      `${live}
${w ? `<p class="note">${escapeHtml(t(L, 'text.gridNote', { n: w.grid.length, runs: formatNumber(w.runs, 0, L), scenario: w.scenario, lever: t(L, w.lever === 'demand' ? 'lever.demand' : 'lever.visitation') }))}${w.spreadK !== undefined ? ' ' + escapeHtml(t(L, 'text.gridSpread', { k: formatNumber(w.spreadK, 1, L) })) : ''}${w.leverReason ? ' ' + escapeHtml(w.leverReason) : ''}</p>` : ''}
${charts(all, 'whatif', ['goal-seek'])}${collapsible(L, tb.whatIf)}${unavailable(m, 'whatif')}`,
    ]);
  }
  if (m.sensitivity || m.unavailable.some((u) => u.section === 'sensitivity')) {
    sections.push([
      'sensitivity',
      'report.sensitivity',
      `${charts(all, 'sensitivity')}${htmlTable(tb.sensitivity)}${unavailable(m, 'sensitivity')}`,
    ]);
  }
  sections.push([
    'measures',
    'report.measures',
    `${htmlTable(tb.measures)}${htmlTable(tb.verdict)}${htmlTable(tb.costSplit)}${charts(all, 'measures')}${unavailable(m, 'measures')}`,
  ]);
  sections.push([
    'accuracy',
    'report.accuracy',
    `${htmlTable(tb.accuracy)}${htmlTable(tb.costModel)}${htmlTable(tb.costResiduals)}${m.costModel?.notes.length ? `<p class="note">${m.costModel.notes.map(escapeHtml).join(' ')}</p>` : ''}${unavailable(m, 'accuracy')}`,
  ]);
  if (m.followUp) {
    const fu = followUpSection(m.followUp, L);
    const warn = fu.warning ? `<div class="unavailable">${escapeHtml(fu.warning)}</div>` : '';
    sections.push([
      fu.id,
      fu.titleKey,
      `${warn}<p class="lead">${escapeHtml(fu.headline)}</p>\n${charts(all, 'followup')}${fu.tables.map(htmlTable).join('\n')}${fu.notes.map((n) => `<p class="note">${escapeHtml(n)}</p>`).join('')}`,
    ]);
  }
  sections.push(['assumptions', 'report.assumptions', `${htmlTable(tb.inputs)}${htmlTable(tb.assumptions)}`]);
  sections.push([
    'sources',
    'report.provenance',
    `<p class="note">${escapeHtml(t(L, 'text.provenance'))}</p>${htmlTable(tb.glossary)}${htmlTable(tb.sources)}${htmlTable(tb.otherSources)}${htmlTable(tb.userData)}`,
  ]);

  const nav = sections.map(([id, key]) => `<a href="#${id}">${escapeHtml(t(L, key))}</a>`).join('');
  const libs = browserLibraries()
    .map((l) => `<script>/* ${l.name} */\n${inlineScript(l.code)}\n</script>`)
    .join('\n');
  const boot = `(function(){
var specs=${scriptJson(specs)};
var els=document.querySelectorAll('[data-chart]');
var jobs=[];
for(var i=0;i<els.length;i++){(function(el){
  jobs.push(vegaEmbed(el,specs[el.getAttribute('data-chart')],{actions:false,renderer:'svg'}).then(function(r){el.setAttribute('data-rendered','true');return r;}));
})(els[i]);}
window.visoCharts=Promise.all(jobs).then(function(){document.body.setAttribute('data-charts-rendered',String(jobs.length));},function(e){console.error(e);throw e;});
})();`;
  return `<!DOCTYPE html>
<html lang="${L}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t(L, 'report.title'))}</title>
<style>${CSS}</style>
</head>
<body>
<header class="top"><h1>${escapeHtml(t(L, 'report.title'))}</h1><p>${escapeHtml(t(L, 'report.subtitle', { runs: formatNumber(m.runs, 0, L), seed: m.seed }))}</p></header>
<nav class="toc">${nav}</nav>
<noscript><p>${escapeHtml(t(L, 'text.noscript'))}</p></noscript>
<main>
${sections.map(([id, key, body]) => section(id, key, L, body)).join('\n')}
</main>
<footer>${escapeHtml(t(L, 'text.generated', { version: m.version }))}</footer>
${libs}
<script>
${boot}
</script>
${m.live ? `<script id="viso-live-code">${inlineScript(liveBundle())}</script>` : ''}
</body>
</html>
`;
}
