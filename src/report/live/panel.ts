/**
 * The live what-if panel as HTML (Node side, deterministic): the controls with their labels and starting
 * values, the empty result table and chart containers the page script fills, and the payload as JSON.
 * The page script (`page.ts`, bundled and inlined) wires the controls by their ids.
 */
import { formatNumber, formatPct, type Lang } from '../../text/number.js';
import { escapeHtml, scriptJson } from '../escape.js';
import { t } from '../../text/report.js';
import { distLocation, LIVE_STAGES } from './apply.js';
import type { LivePayload } from './payload.js';
import { lt, type LiveTextKey } from '../liveText.js';
import { spanText, yearsBeyondHorizons } from '../kHorizon.js';
import { K_MARK } from './rows.js';

/** A column of the live result table. */
export type LiveColumn = LiveTextKey | 'year' | 'p10' | 'p90';

/**
 * Column keys of the live result table, in order (the page script fills the rows in the same order): with a
 * spread factor k (the report has a backtest) the driver model's P, its MC error and its change are named as
 * the scenario model's, and the one forecast's P follows with the change of the one forecast's P (the cells of
 * `liveTableRows`, rows.ts).
 *
 * @example
 * liveTableColumns(true).slice(1, 6) // ['live.col.pDriver', 'live.col.pSe', 'live.col.dpDriver', 'live.col.pOne', 'live.col.dpOne']
 */
export function liveTableColumns(withK: boolean): LiveColumn[] {
  return [
    'year',
    ...(withK
      ? (['live.col.pDriver', 'live.col.pSe', 'live.col.dpDriver', 'live.col.pOne', 'live.col.dpOne'] as const)
      : (['live.col.p', 'live.col.pSe', 'live.col.dp'] as const)),
    'live.col.forbrug',
    'p10',
    'p90',
    'live.col.bevilling',
    'live.col.merforbrug',
    'live.col.overspend',
  ];
}

/**
 * The header cells of the live result table (`k`: the one forecast's spread factor, if any).
 *
 * @example
 * liveTableHeaders('da')[1] // 'P(merforbrug)'
 * liveTableHeaders('da', 1.6)[4] // 'P(merforbrug), den ene prognose (k = 1,6)'
 */
export function liveTableHeaders(lang: Lang, k?: number): string[] {
  return liveTableColumns(k !== undefined).map((c) =>
    c === 'year'
      ? t(lang, 'col.year')
      : c === 'p10'
        ? `${t(lang, 'series.forbrug')} P10`
        : c === 'p90'
          ? `${t(lang, 'series.forbrug')} P90`
          : lt(lang, c, k !== undefined ? { k: formatNumber(k, 1, lang) } : {}),
  );
}

const attr = (s: string | number) => escapeHtml(String(s));
/** A number as an HTML attribute value (shortest round-trip form, so the browser reads the same double). */
const numAttr = (x: number) => attr(String(x));

function range(
  id: string,
  label: string,
  min: number,
  max: number,
  step: number,
  value: number,
  shown: string,
  help: string,
  disabled = false,
): string {
  return `<div class="ctl"><label for="${id}">${escapeHtml(label)}</label><div class="row"><input type="range" id="${id}" min="${numAttr(min)}" max="${numAttr(max)}" step="${numAttr(step)}" value="${numAttr(value)}"${disabled ? ' disabled' : ''}><output id="${id}-out" for="${id}">${escapeHtml(shown)}</output></div>${help ? `<div class="help" id="${id}-help">${escapeHtml(help)}</div>` : ''}</div>`;
}

function select(id: string, label: string, options: [string, string][], value: string): string {
  return `<div class="ctl"><label for="${id}">${escapeHtml(label)}</label><select id="${id}">${options.map(([v, l]) => `<option value="${attr(v)}"${v === value ? ' selected' : ''}>${escapeHtml(l)}</option>`).join('')}</select></div>`;
}

const r3 = (x: number, step: number) => Math.round(x / step) * step;
const clean = (x: number) => Number(x.toFixed(6));

/**
 * The panel's HTML (controls, result table, chart containers, the scenario file) and its payload script.
 *
 * @example
 * livePanel(model.live!, 'da').startsWith('<div id="live"') // true
 */
export function livePanel(p: LivePayload, lang: Lang, scenario: string): string {
  const L = lang;
  const i = p.info;
  const pctTxt = (x: number, d = 1) => formatPct(x, L, d);
  const sdTxt = (x: number) => `${formatNumber(x * 100, 1, L)} ${L === 'da' ? 'pct.-point' : 'percentage points'}`;
  const dg = i.demandGrowth;
  const dgMean = distLocation(dg);
  const demand = dg
    ? range(
        'live-demand',
        lt(L, 'live.demand'),
        -0.1,
        0.3,
        0.001,
        clean(r3(dgMean, 0.001)),
        pctTxt(dgMean),
        lt(L, 'live.demandHelp', { value: pctTxt(dgMean), sd: dg.dist === 'normal' ? sdTxt(dg.sd) : '0' }),
      )
    : `<div class="ctl"><span class="help">${escapeHtml(lt(L, 'live.demandNone'))}</span></div>`;
  const pg = i.priceGrowth;
  let pl = '';
  if (pg?.mode === 'dist') {
    const m = distLocation(pg.dist);
    pl = range(
      'live-pl',
      lt(L, 'live.priceGrowth'),
      -0.02,
      0.06,
      0.0005,
      clean(r3(m, 0.0005)),
      pctTxt(m, 2),
      lt(L, 'live.priceGrowthHelp', { value: pctTxt(m, 2), sd: pg.dist.dist === 'normal' ? sdTxt(pg.dist.sd) : '0' }),
    );
  } else if (pg?.mode === 'pl') {
    pl = range(
      'live-pl',
      lt(L, 'live.priceGrowthPl'),
      0,
      0.06,
      0.0005,
      clean(r3(pg.rate, 0.0005)),
      pctTxt(pg.rate, 2),
      lt(L, 'live.priceGrowthPlHelp', { bev: pg.bevillingPl ? lt(L, 'live.priceGrowthPlBev') : '' }),
    );
  }
  const first = i.baseYear + 1;
  const unitFrom = i.unitCostMean !== null ? formatNumber(i.unitCostMean * 1000, 0, L) : '–';
  const unit = range(
    'live-unit',
    lt(L, 'live.unitCost'),
    -0.2,
    0.2,
    0.01,
    0,
    pctTxt(0, 0),
    lt(L, 'live.unitCostHelp', { year: first, from: unitFrom, to: unitFrom }),
  );
  const startYear = String(i.years.includes(p.focusYear) ? p.focusYear : i.years[0]);
  const months = Array.from({ length: 12 }, (_, k) => String(k + 1).padStart(2, '0'));
  const tightening = `<fieldset><legend>${escapeHtml(lt(L, 'live.tightening'))}</legend>
${select(
  'live-stage',
  lt(L, 'live.stage'),
  LIVE_STAGES.map((s) => [s, lt(L, `live.stage.${s}`)]),
  'henvendelser',
)}
${range('live-size', lt(L, 'live.size'), 0, 0.3, 0.01, 0, pctTxt(0, 0), '')}
<div class="ctl"><label for="live-start-year">${escapeHtml(lt(L, 'live.start'))}</label><div class="row"><select id="live-start-year">${i.years.map((y) => `<option value="${y}"${String(y) === startYear ? ' selected' : ''}>${y}</option>`).join('')}</select><select id="live-start-month" aria-label="${attr(lt(L, 'live.start'))}">${months.map((mm) => `<option value="${mm}"${mm === '01' ? ' selected' : ''}>${mm}</option>`).join('')}</select></div><div class="help">${escapeHtml(lt(L, 'live.startHelp'))}</div></div>
</fieldset>`;
  const bev = `<fieldset><legend>${escapeHtml(lt(L, 'live.bevilling'))}</legend><div class="bev">${i.years
    .map((y) => {
      const locked = i.bevillingLocked.includes(y);
      const mean = p.bevillingMean[String(y)];
      return `<label class="bevy" for="live-bev-${y}"><span>${y}</span><input type="text" inputmode="decimal" id="live-bev-${y}" data-year="${y}" placeholder="${attr(mean !== undefined ? formatNumber(mean, 1, L) : '')}" aria-describedby="live-bev-${y}-err"${locked ? ' disabled' : ''}><span class="err" id="live-bev-${y}-err" role="alert" hidden></span></label>`;
    })
    .join('')}</div><div class="help">${escapeHtml(lt(L, 'live.bevillingHelp'))}</div></fieldset>`;
  const runs = select(
    'live-runs',
    lt(L, 'live.runs'),
    p.runOptions.map((r) => [String(r), formatNumber(r, 0, L)]),
    String(p.runs),
  );
  const head = liveTableHeaders(L, p.k)
    .map((c, k) => `<th${k > 0 ? ' class="n"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const runsTxt = (r: number) => formatNumber(r, 0, L);
  const table = p.runOptions.includes(p.reportRuns);
  const headline = p.k !== undefined && p.oneForecastRuns !== undefined && p.runOptions.includes(p.oneForecastRuns);
  const kx = p.k !== undefined && p.kHorizons ? yearsBeyondHorizons(i.baseYear, p.kHorizons, i.years) : [];
  const notes = [
    lt(L, 'live.tableNote'),
    p.k !== undefined ? lt(L, 'live.modelNoteK', { k: formatNumber(p.k, 1, L) }) : lt(L, 'live.modelNote'),
    ...(table && headline && p.reportRuns === p.oneForecastRuns
      ? [lt(L, 'live.sameAsBoth', { runs: runsTxt(p.reportRuns), scenario })]
      : [
          ...(table ? [lt(L, 'live.sameAsTable', { runs: runsTxt(p.reportRuns), scenario })] : []),
          ...(headline ? [lt(L, 'live.sameAsHeadline', { runs: runsTxt(p.oneForecastRuns!) })] : []),
        ]),
    ...(kx.length
      ? [
          lt(L, 'live.kExtrapolated', {
            mark: K_MARK,
            hRange: spanText(p.kHorizons![0], p.kHorizons![p.kHorizons!.length - 1]),
            unit: p.kHorizons!.length === 1 && p.kHorizons![0] === 1 ? 'year' : 'years',
            years: spanText(kx[0], kx[kx.length - 1]),
          }),
        ]
      : []),
  ];
  return `<div id="live" class="live" data-live-status="idle" data-lang="${L}">
<p class="lead">${escapeHtml(lt(L, 'live.lead', { scenario }))}</p>
<noscript><div class="unavailable">${escapeHtml(lt(L, 'live.noscript'))}</div></noscript>
<form class="live-controls" id="live-form" autocomplete="off">
<fieldset><legend>${escapeHtml(lt(L, 'live.demand'))}</legend>${demand}</fieldset>
${tightening}
<fieldset><legend>${escapeHtml(lt(L, 'live.unitCost'))}</legend>${unit}${pl}</fieldset>
${bev}
<fieldset class="runs">${runs}<button type="button" id="live-reset">${escapeHtml(lt(L, 'live.reset'))}</button></fieldset>
</form>
<p class="note live-status" id="live-status" aria-live="polite"></p>
<p class="live-set" id="live-set"></p>
<div class="tw"><table id="table-live"><caption>${escapeHtml(lt(L, 'live.table'))}</caption><thead><tr>${head}</tr></thead><tbody id="live-tbody"></tbody></table></div>
<p class="note">${escapeHtml(notes.join(' '))}</p>
<figure class="chart" id="chart-live-fan"><div class="vega-live" id="live-fan"></div></figure>
<figure class="chart" id="chart-live-dist"><div class="vega-live" id="live-dist"></div></figure>
<details class="live-yaml"><summary>${escapeHtml(lt(L, 'live.yaml'))}</summary><pre id="live-yaml"></pre><p><a id="live-download" download="hvad-nu-hvis.yaml" href="#">${escapeHtml(lt(L, 'live.download'))}</a></p></details>
</div>
<script type="application/json" id="viso-live-data">${scriptJson({ lang: L, ...p })}</script>`;
}
