/**
 * The live what-if in the report page: reads the controls, changes the embedded compiled model
 * (`applyLiveInputs`), has the Web Worker run it, and draws the result (table, forbrug fan, merforbrug
 * histogram and exceedance curve) with the same chart functions as the report. Requests are coalesced:
 * while the worker computes, only the latest inputs wait, so moving a slider never queues up runs. A
 * bevilling that cannot be read (`parseAmount`) is marked at its field with what is expected, and nothing
 * is computed until it is corrected: the last valid result stays, marked as not updated.
 */
import { formatMio, formatNumber, formatPct, type Lang } from '../../text/number.js';
import type { CompiledModel } from '../../scenario/model.js';
import { liveFanChart, merforbrugDistributionChart, type MerforbrugDistRow } from '../charts/distribution.js';
import { applyLiveInputs, liveScenarioYaml, LIVE_STAGES, type LiveInputs, type LiveStage } from './apply.js';
import { decodeModel } from './codec.js';
import type { LiveResult } from './compute.js';
import type { Doc, El, EmbedResult, PageGlobals, WorkerLike } from './dom.js';
import type { LivePayload } from './payload.js';
import { lt } from '../liveText.js';
import { parseAmount } from './parse.js';
import { liveTableRows } from './rows.js';
import { yearsBeyondHorizons } from '../kHorizon.js';
import { runRequest, type LiveJob, type LiveRequest, type LiveResponse } from './worker.js';

/** What the page exposes on `window.visoLive` (read by the browser test and the benchmark). */
export interface LiveState {
  /** Sequence number of the latest request, and of the latest one answered. */
  requested: number;
  done: number;
  /** `invalid`: a field cannot be read (marked at the field); the last valid result stays shown, marked as not updated. */
  status: 'idle' | 'computing' | 'done' | 'error' | 'invalid';
  inputs?: LiveInputs;
  result?: LiveResult;
  start?: LiveResult;
  /** Compute time of the last run in the worker, and the round trip from posting to drawing it (ms). */
  ms?: number;
  roundTrip?: number;
  /** Whether the runs happen on a Web Worker (false: the fallback on the main thread). */
  worker: boolean;
  /** Run the current inputs again (the benchmark times repeated recomputations). */
  recompute(): void;
}

/**
 * The inputs set, in one sentence (shown above the result, also in print).
 *
 * @example
 * describeInputs({ ...neutralInputs(20_000), demandGrowth: 0.14 }, 'da') // 'Sat: vækst i henvendelser 14,0 % pr. år, 20.000 kørsler.'
 */
export function describeInputs(x: LiveInputs, lang: Lang): string {
  const items: string[] = [];
  if (x.demandGrowth !== null) items.push(lt(lang, 'live.set.demand', { x: formatPct(x.demandGrowth, lang, 1) }));
  if (x.tightening)
    items.push(
      lt(lang, 'live.set.tightening', {
        stage: lt(lang, `live.stage.${x.tightening.stage}`).toLowerCase(),
        size: formatPct(x.tightening.size, lang, 0),
        start: x.tightening.start,
      }),
    );
  for (const [y, v] of Object.entries(x.bevilling).sort())
    items.push(lt(lang, 'live.set.bevilling', { year: y, x: formatMio(v, lang) }));
  if (x.unitCostChange !== 0)
    items.push(
      lt(lang, 'live.set.unitCost', { x: `${x.unitCostChange > 0 ? '+' : ''}${formatPct(x.unitCostChange, lang, 0)}` }),
    );
  if (x.priceGrowth !== null) items.push(lt(lang, 'live.set.priceGrowth', { x: formatPct(x.priceGrowth, lang, 2) }));
  if (!items.length)
    return `${lt(lang, 'live.setNone')} ${lt(lang, 'live.set.runs', { runs: formatNumber(x.runs, 0, lang) })}.`;
  items.push(lt(lang, 'live.set.runs', { runs: formatNumber(x.runs, 0, lang) }));
  return lt(lang, 'live.set', { items: items.join(', ') });
}

/**
 * Start the live what-if on the report page (called by the bundled page script).
 *
 * @example
 * startPage(window) // wires #live's controls; the results appear as soon as the worker answers
 */
export function startPage(g: PageGlobals): void {
  const doc = g.document;
  const dataEl = doc.getElementById('viso-live-data');
  const rootEl = doc.getElementById('live');
  if (!dataEl || !rootEl) return;
  const root: El = rootEl;
  const payload = JSON.parse(dataEl.textContent ?? '{}') as LivePayload & { lang: Lang };
  const L = payload.lang;
  const info = payload.info;
  // the years whose one forecast uses k beyond the backtest replays' horizons (marked in the table)
  const kExtrapolated =
    payload.k !== undefined && payload.kHorizons
      ? yearsBeyondHorizons(info.baseYear, payload.kHorizons, info.years)
      : [];
  const model = decodeModel<CompiledModel>(payload.model);
  const el = (id: string) => doc.getElementById(id);
  const need = (id: string): El => {
    const e = el(id);
    if (!e) throw new Error(`live what-if: #${id} missing`);
    return e;
  };
  const state: LiveState = { requested: 0, done: 0, status: 'idle', worker: false, recompute: () => schedule() };
  g.visoLive = state;
  const setStatus = (s: LiveState['status'], text: string) => {
    state.status = s;
    root.setAttribute('data-live-status', s);
    need('live-status').textContent = text;
  };

  // controls
  const demand = el('live-demand');
  const size = need('live-size');
  const stage = need('live-stage');
  const startYear = need('live-start-year');
  const startMonth = need('live-start-month');
  const unit = need('live-unit');
  const pl = el('live-pl');
  const runs = need('live-runs');
  const bev = info.years.map((y) => ({ year: y, input: el(`live-bev-${y}`) }));
  const initial = {
    demand: demand?.value,
    pl: pl?.value,
    runs: runs.value,
    stage: stage.value,
    startYear: startYear.value,
    startMonth: startMonth.value,
  };

  /** The inputs as set, each bevilling field that cannot be read marked with what is expected (`invalid`: how many). */
  const readInputs = (): { x: LiveInputs; invalid: number } => {
    const bevilling: Record<string, number> = {};
    let invalid = 0;
    for (const b of bev) {
      if (!b.input || b.input.disabled) continue;
      const mean = payload.bevillingMean[String(b.year)];
      const known = mean !== undefined && Number.isFinite(mean) && mean > 0;
      const max = known ? Math.round(mean * 10) : undefined;
      const r = parseAmount(b.input.value, L, max);
      const msg =
        r.kind !== 'invalid'
          ? ''
          : r.problem === 'format'
            ? lt(L, 'live.bevillingInvalid.format', { example: formatNumber(known ? mean : 171.5, 1, L) })
            : r.problem === 'negative'
              ? lt(L, 'live.bevillingInvalid.negative')
              : lt(L, 'live.bevillingInvalid.tooLarge', { max: formatNumber(max ?? 0, 0, L) });
      b.input.setAttribute('aria-invalid', msg ? 'true' : 'false');
      const err = el(`live-bev-${b.year}-err`);
      if (err) {
        err.textContent = msg;
        err.hidden = !msg;
      }
      if (msg) invalid++;
      if (r.kind === 'ok') bevilling[String(b.year)] = r.value;
    }
    const s = Number(size.value);
    const st = (LIVE_STAGES as readonly string[]).includes(stage.value) ? (stage.value as LiveStage) : 'henvendelser';
    const month = /^(0[1-9]|1[0-2])$/.test(startMonth.value) ? startMonth.value : '01';
    const r = Number(runs.value);
    return {
      x: {
        demandGrowth: demand && demand.dataset.touched === '1' ? Number(demand.value) : null,
        tightening: s > 0 ? { stage: st, size: s, start: `${startYear.value}-${month}` } : null,
        bevilling,
        unitCostChange: Number(unit.value),
        priceGrowth: pl && pl.dataset.touched === '1' ? Number(pl.value) : null,
        runs: payload.runOptions.includes(r) ? r : payload.runs,
      },
      invalid,
    };
  };

  const showValues = () => {
    const set = (id: string, text: string) => {
      const o = el(id);
      if (o) o.textContent = text;
    };
    if (demand) set('live-demand-out', formatPct(Number(demand.value), L, 1));
    set('live-size-out', formatPct(-Number(size.value), L, 0));
    const u = Number(unit.value);
    set('live-unit-out', `${u > 0 ? '+' : ''}${formatPct(u, L, 0)}`);
    if (pl) set('live-pl-out', formatPct(Number(pl.value), L, 2));
    const help = el('live-unit-help');
    if (help && info.unitCostMean !== null) {
      help.textContent = lt(L, 'live.unitCostHelp', {
        year: info.baseYear + 1,
        from: formatNumber(info.unitCostMean * 1000, 0, L),
        to: formatNumber(info.unitCostMean * 1000 * (1 + u), 0, L),
      });
    }
  };

  // the worker (one bundled script: the page's own code, started from its text)
  let worker: WorkerLike | null = null;
  const code = doc.getElementById('viso-live-code')?.textContent;
  if (code) {
    try {
      const url = g.URL.createObjectURL(new g.Blob([code], { type: 'text/javascript' }));
      worker = new g.Worker(url);
      state.worker = true;
    } catch {
      worker = null;
    }
  }
  const startCache = new Map<number, LiveResult>();
  let busy = false;
  let pending = false;
  let sentAt = 0;
  let sent: LiveInputs | undefined;

  const post = (req: LiveRequest) => {
    sentAt = g.performance.now();
    if (worker) worker.postMessage(req);
    else g.setTimeout(() => onResponse(runRequest(req, () => g.performance.now())), 0);
  };

  // a field that cannot be read: nothing is computed, the last valid result stays and is marked as not updated
  let invalid = false;
  const markInvalid = () => {
    pending = false;
    setStatus('invalid', lt(L, 'live.stale'));
  };

  function schedule(): void {
    showValues();
    const read = readInputs();
    invalid = read.invalid > 0;
    if (invalid) {
      // (an answer still on its way is drawn: it is for the last valid inputs, and stays marked)
      markInvalid();
      return;
    }
    if (busy) {
      pending = true;
      return;
    }
    const x = read.x;
    let m: CompiledModel;
    try {
      m = applyLiveInputs(model, info, x);
    } catch (e) {
      setStatus('error', lt(L, 'live.error', { message: e instanceof Error ? e.message : String(e) }));
      return;
    }
    const jobs: LiveJob[] = [];
    const k = payload.k !== undefined ? { k: payload.k } : {};
    if (!startCache.has(x.runs)) jobs.push({ key: 'start', model, runs: x.runs, ...k });
    jobs.push({ key: 'current', model: m, runs: x.runs, ...k });
    busy = true;
    pending = false;
    sent = x;
    state.requested++;
    root.setAttribute('data-live-requested', String(state.requested));
    setStatus('computing', lt(L, 'live.computing'));
    post({ seq: state.requested, jobs });
  }

  function onResponse(r: LiveResponse): void {
    busy = false;
    if ('error' in r) setStatus('error', lt(L, 'live.error', { message: r.error }));
    else {
      const cur = r.results.find((x) => x.key === 'current')!;
      const st = r.results.find((x) => x.key === 'start');
      if (st) startCache.set(st.result.runs, st.result);
      const start = startCache.get(cur.result.runs)!;
      state.inputs = sent;
      state.result = cur.result;
      state.start = start;
      state.ms = cur.ms;
      draw(cur.result, start, sent!, r.seq);
      state.roundTrip = g.performance.now() - sentAt;
      state.done = r.seq;
      root.setAttribute('data-live-done', String(r.seq));
      setStatus(
        'done',
        lt(L, 'live.status', {
          runs: formatNumber(cur.result.runs, 0, L),
          seed: cur.result.seed,
          ms: formatNumber(cur.ms, 0, L),
        }),
      );
    }
    if (invalid) markInvalid();
    else if (pending) schedule();
  }
  if (worker) {
    worker.onmessage = (e) => onResponse(e.data as LiveResponse);
    worker.onerror = (e) => {
      // a worker that cannot run (e.g. blocked by the browser): compute on the main thread instead
      worker?.terminate();
      worker = null;
      state.worker = false;
      busy = false;
      setStatus('error', lt(L, 'live.error', { message: e.message ?? 'worker' }));
      schedule();
    };
  }

  // drawing
  let fanView: EmbedResult | undefined;
  let distView: EmbedResult | undefined;
  // (the views live as long as the page: their data are replaced, never the views)
  let drawing = Promise.resolve();
  function draw(res: LiveResult, start: LiveResult, x: LiveInputs, seq: number): void {
    // the cells from the same function the Node tests run (each model's change against its own unchanged run)
    const rows = liveTableRows(res, start, L, kExtrapolated);
    need('live-tbody').innerHTML = rows.join('');
    need('live-set').textContent = describeInputs(x, L);
    const yaml = liveScenarioYaml(info, x, L);
    need('live-yaml').textContent = yaml;
    const a = el('live-download');
    if (a) {
      if (a.href.startsWith('blob:')) g.URL.revokeObjectURL(a.href);
      a.href = g.URL.createObjectURL(new g.Blob([yaml], { type: 'text/yaml' }));
    }
    const fanRows = (r: LiveResult) =>
      r.years.map((y) => ({ year: y.year, forbrug: y.forbrug, bevilling: y.bevilling.mean }));
    const sLive = lt(L, 'live.scenarioLive');
    const sStart = lt(L, 'live.scenarioStart');
    const dist = (r: LiveResult, scenario: string): MerforbrugDistRow[] =>
      r.years.map((y) => ({
        scenario,
        year: y.year,
        percentiles: y.merforbrugPercentiles,
        p: y.p,
        expectedOverspend: y.expectedOverspend,
      }));
    const year = payload.focusYear;
    const fanSpec = liveFanChart(fanRows(res), fanRows(start), payload.history, { lang: L }, payload.events ?? []);
    const distSpec = merforbrugDistributionChart([...dist(res, sLive), ...dist(start, sStart)], {
      lang: L,
      year: info.years.includes(year) ? year : info.years[0],
      primary: sLive,
    });
    const opts = { actions: false, renderer: 'svg' };
    // the first result draws the charts; later ones only replace their named datasets (no new chart to parse and lay out)
    const update = async (view: EmbedResult, spec: { datasets?: Record<string, unknown[]> }) => {
      for (const [name, rows] of Object.entries(spec.datasets ?? {}))
        await view.view
          .change(
            name,
            g.vega
              .changeset()
              .remove(() => true)
              .insert(rows),
          )
          .runAsync();
    };
    drawing = drawing
      .then(async () => {
        if (fanView) await update(fanView, fanSpec as { datasets?: Record<string, unknown[]> });
        else fanView = await g.vegaEmbed(need('live-fan'), fanSpec, opts);
        // a pause between the charts, so the page keeps reacting while they are drawn
        await new Promise<void>((ok) => g.setTimeout(ok, 0));
        if (distView) await update(distView, distSpec as { datasets?: Record<string, unknown[]> });
        else distView = await g.vegaEmbed(need('live-dist'), distSpec, opts);
        need('live-fan').setAttribute('data-rendered', 'true');
        need('live-dist').setAttribute('data-rendered', 'true');
        root.setAttribute('data-live-drawn', String(seq));
      })
      .catch((e: unknown) =>
        setStatus('error', lt(L, 'live.error', { message: e instanceof Error ? e.message : String(e) })),
      );
  }

  // events: sliders recompute while they move (coalesced), the other controls on change
  const touch = (e: El | null) => {
    if (!e) return;
    e.addEventListener('input', () => {
      e.dataset.touched = '1';
      schedule();
    });
  };
  touch(demand);
  touch(pl);
  for (const e of [size, unit]) e.addEventListener('input', () => schedule());
  for (const e of [stage, startYear, startMonth, runs]) e.addEventListener('change', () => schedule());
  for (const b of bev) b.input?.addEventListener('change', () => schedule());
  need('live-reset').addEventListener('click', () => {
    if (demand && initial.demand !== undefined) {
      demand.value = initial.demand;
      delete demand.dataset.touched;
    }
    if (pl && initial.pl !== undefined) {
      pl.value = initial.pl;
      delete pl.dataset.touched;
    }
    size.value = '0';
    stage.value = initial.stage;
    startYear.value = initial.startYear;
    startMonth.value = initial.startMonth;
    unit.value = '0';
    runs.value = initial.runs;
    for (const b of bev) if (b.input) b.input.value = '';
    schedule();
  });
  schedule();
}

/** True when the script runs as the report's Web Worker (no document). */
export function isWorkerScope(g: unknown): boolean {
  const x = g as { document?: Doc; postMessage?: unknown; importScripts?: unknown };
  return x.document === undefined && typeof x.postMessage === 'function' && typeof x.importScripts === 'function';
}
