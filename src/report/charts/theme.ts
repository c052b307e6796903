/**
 * Shared chart styling and building blocks: the Vega-Lite config (fonts, Danish number
 * locale), the colour palette, the year axis, event rules and flagged-point marks.
 */
import type { Config } from 'vega-lite';
import type { LayerSpec, UnitSpec } from 'vega-lite/types_unstable/spec/index.js';
import type { Field } from 'vega-lite/types_unstable/channeldef.js';
import type { Lang } from '../../text/number.js';
import { label, t } from '../../text/report.js';
import type { ChartEvent, ChartOptions } from './types.js';
import { textWidth } from '../textWidth.js';

/** A layer usable inside a layered Vega-Lite spec. */
export type Layer = LayerSpec<Field> | UnitSpec<Field>;

/** Palette (colour-blind safe, print friendly). */
export const COLORS = {
  bevilling: '#5b6770',
  forbrug: '#1f5fa8',
  merforbrug: '#c0392b',
  mindreforbrug: '#2e8b57',
  forecast: '#1f5fa8',
  band: '#1f5fa8',
  event: '#8e44ad',
  flag: '#e67e22',
  counterfactual: '#7f7f7f',
  areas: ['#1f5fa8', '#e67e22', '#2e8b57', '#8e44ad', '#222222'],
  scenarios: ['#1f5fa8', '#e67e22', '#2e8b57', '#8e44ad', '#c0392b', '#17becf', '#7f7f7f'],
} as const;

/** Default plot size. */
export const DEFAULT_WIDTH = 760;
export const DEFAULT_HEIGHT = 300;

/**
 * Resolve the common options with defaults.
 *
 * @example
 * chartDefaults({ lang: 'en' }) // { lang: 'en', width: 760, height: 300 }
 */
export function chartDefaults(opts: ChartOptions = {}): Required<ChartOptions> {
  return { lang: opts.lang ?? 'da', width: opts.width ?? DEFAULT_WIDTH, height: opts.height ?? DEFAULT_HEIGHT };
}

/** The opening of every chart spec: schema, title and subtitle, optional size, theme. */
export interface SpecHead {
  $schema: string;
  title: { text: string; subtitle: string };
  width?: number;
  height?: number;
  config: Config;
}

/**
 * The common head of a chart spec (key order as written into chart JSON files).
 * Leave out the size for concatenated views, whose panels carry their own.
 *
 * @example
 * const spec = { ...specHead('da', 'Bevilling og forbrug', 'mio. kr.', { width: 760, height: 300 }), layer: [] };
 */
export function specHead(
  lang: Lang,
  text: string,
  subtitle: string,
  size?: { width: number; height: number },
): SpecHead {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text, subtitle },
    ...(size ? { width: size.width, height: size.height } : {}),
    config: chartConfig(lang),
  };
}

/**
 * Vega-Lite config for all report charts: one font stack, quiet axes, and the number locale
 * of the language (`1.234,5` in Danish), so axis labels follow the report's language.
 *
 * @example
 * chartConfig('da').locale?.number?.decimal // ','
 */
export function chartConfig(lang: Lang): Config {
  return {
    font: 'Helvetica, Arial, DejaVu Sans, sans-serif',
    background: '#ffffff',
    padding: 8,
    view: { stroke: null },
    title: {
      fontSize: 15,
      fontWeight: 600,
      subtitleFontSize: 11,
      subtitleColor: '#555555',
      anchor: 'start',
      offset: 12,
    },
    axis: {
      labelFontSize: 11,
      titleFontSize: 11,
      titleFontWeight: 500,
      gridColor: '#e8e8e8',
      domainColor: '#888888',
      tickColor: '#888888',
    },
    legend: {
      labelFontSize: 11,
      titleFontSize: 11,
      orient: 'bottom',
      direction: 'horizontal',
      symbolStrokeWidth: 2,
      labelLimit: 280,
      columnPadding: 14,
    },
    locale: {
      number:
        lang === 'da'
          ? { decimal: ',', thousands: '.', grouping: [3], currency: ['', ' kr.'] }
          : { decimal: '.', thousands: ',', grouping: [3], currency: ['DKK ', ''] },
    },
  };
}

/** Number of days in a year. */
function daysInYear(y: number): number {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 366 : 365;
}

/**
 * Position of a date on a yearly axis whose tick `Y` is 1 January of `Y`: `Y + (day of the year) / (days in the
 * year)`, so an event is drawn where the calendar puts it against the year ticks (1 January 2018 on the 2018
 * tick, 18 March 2020 a fifth of the way from 2020 to 2021, 20 September 2021 at about 2021,72). The yearly
 * values of a series are drawn on their year's tick.
 *
 * @example
 * yearPosition('2018-01-01') // 2018
 * yearPosition('2021-09-20') // 2021.7178 (262 of 365 days)
 */
export function yearPosition(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`yearPosition: expected YYYY-MM-DD, got ${date}`);
  const y = Number(m[1]);
  const doy = (Date.UTC(y, Number(m[2]) - 1, Number(m[3])) - Date.UTC(y, 0, 1)) / 86_400_000;
  return Math.round((y + doy / daysInYear(y)) * 10_000) / 10_000;
}

/** Line height of event labels (font size 9) in pixels. */
const EVENT_FONT = 9;
const EVENT_LINE = 11;

/**
 * Break a label into lines of at most `maxPx` pixels (words kept whole; a word longer than a line gets a
 * line of its own), so a long title is shown in full rather than cut.
 *
 * @example
 * wrapLabel('Initiativer for balance mellem ressourcer og aktiviteter', 150, 9) // ['Initiativer for balance mellem', 'ressourcer og aktiviteter']
 */
export function wrapLabel(text: string, maxPx: number, fontSize: number): string[] {
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = cur ? `${cur} ${word}` : word;
    if (cur && textWidth(next, fontSize) > maxPx) {
      lines.push(cur);
      cur = word;
    } else cur = next;
  }
  if (cur) lines.push(cur);
  return lines;
}

/**
 * Quantitative year axis (integers only, no thousands separator).
 *
 * @example
 * yearAxis('da').title // 'År'
 */
export function yearAxis(lang: Lang) {
  return { title: t(lang, 'axis.year'), format: 'd', tickMinStep: 1, labelFlush: false } as const;
}

/** Short label of a supplier event on a chart (its full title is in the tooltip and the events table). */
const SUPPLY_LABEL = { da: 'Leverandørændring', en: 'Supplier change' } as const;

/** Rules of one year closer than this many pixels share one rule (at the earlier date). */
const MERGE_PX = 6;

/**
 * Layers that draw events as dashed vertical rules at their date ({@link yearPosition}) with the title beside the
 * rule, rotated, wrapped into lines of at most `labelLimit` pixels (never cut; the tooltip has title, date and
 * source). Events on the same date, or in the same year less than 6 px apart, share one rule (at the earlier
 * date; titles joined by " · "). The titles of measures, COVID and registration breaks are placed first, in date
 * order: a label goes to the left of its rule, or to the right when on the left it would cross another of these
 * rules or labels and the right is free (given the plot's `width` in pixels and the axis domain
 * `[from − 0.6, to + 0.6]`), else left. A supplier event (kind `supply`) is then labelled short,
 * »Leverandørændring« (»Supplier change«), where that crosses no rule or label; otherwise, and on a rule it shares
 * with another event, it adds no text (its title is in the rule's tooltip). Only events inside the domain are
 * drawn, so every chart with a year axis passes all events and draws those of its years.
 *
 * @example
 * eventLayers([{ id: 'x', date: '2021-09-20', kind: 'measure', title: 'Skærpet visitation' }], 2011, 2026, 'da')
 */
export function eventLayers(
  events: ChartEvent[],
  from: number,
  to: number,
  lang: Lang,
  labelLimit = 150,
  width = DEFAULT_WIDTH,
): Layer[] {
  const pxPerYear = width / Math.max(1, to - from + 1.2);
  const px = (x: number) => (x - (from - 0.6)) * pxPerYear;
  const sorted = [...events]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1))
    .filter((e) => {
      const x = yearPosition(e.date);
      return x >= from - 0.6 && x <= to + 0.6;
    });
  const groups: { x: number; es: ChartEvent[] }[] = [];
  for (const e of sorted) {
    const x = yearPosition(e.date);
    const last = groups[groups.length - 1];
    if (last && Math.floor(last.x) === Math.floor(x) && px(x) - px(last.x) < MERGE_PX) last.es.push(e);
    else groups.push({ x, es: [e] });
  }
  // the measures', COVID's and the registration break's titles are placed first, in date order (a label goes left
  // unless it would cross a rule or label there and the right is free); a supplier event's short label then only
  // where it crosses nothing, else its rule stays unlabelled (the title is in its tooltip)
  const isMain = (g: (typeof groups)[number]) => g.es.some((e) => e.kind !== 'supply');
  const at = groups.map((g) => px(g.x));
  const taken: [number, number][] = [];
  const free = (a: number, b: number, i: number, rules: number[]) =>
    a >= 0 &&
    b <= width &&
    taken.every(([l, r]) => b <= l || a >= r) &&
    rules.every((j) => j === i || at[j] <= a || at[j] >= b);
  const mainRules = groups.flatMap((g, i) => (isMain(g) ? [i] : []));
  const allRules = groups.map((_, i) => i);
  const placed = new Map<number, { label: string; side: 'left' | 'right' }>();
  const place = (i: number, text: string, rules: number[], must: boolean) => {
    const lines = wrapLabel(text, labelLimit, EVENT_FONT);
    const block = lines.length * EVENT_LINE + 4;
    const left: [number, number] = [at[i] - 2 - block, at[i] - 2];
    const right: [number, number] = [at[i] + 2, at[i] + 2 + block];
    const side = free(...left, i, rules) ? 'left' : free(...right, i, rules) ? 'right' : must ? 'left' : undefined;
    if (!side) return;
    taken.push(side === 'left' ? left : right);
    placed.set(i, { label: lines.join('\n'), side });
  };
  // a supplier event sharing a rule with another event adds no text (its title is in the rule's tooltip)
  for (const i of mainRules)
    place(
      i,
      groups[i].es
        .filter((e) => e.kind !== 'supply')
        .map((e) => e.title)
        .join(' · '),
      mainRules,
      true,
    );
  for (const i of allRules) if (!isMain(groups[i])) place(i, SUPPLY_LABEL[lang], allRules, false);
  const rows = groups.map((g, i) => ({
    x: g.x,
    title: g.es.map((e) => e.title).join(' · '),
    date: [...new Set(g.es.map((e) => e.date))].join(', '),
    source: g.es
      .map((e) => e.source ?? '')
      .filter(Boolean)
      .join(', '),
    label: placed.get(i)?.label ?? '',
    side: placed.get(i)?.side ?? ('none' as const),
  }));
  if (rows.length === 0) return [];
  const tooltip = [
    { field: 'title', type: 'nominal', title: t(lang, 'tooltip.event') },
    { field: 'date', type: 'nominal', title: t(lang, 'tooltip.date') },
    { field: 'source', type: 'nominal', title: t(lang, 'tooltip.source') },
  ] as const;
  const labels = (side: 'left' | 'right'): Layer[] => {
    const values = rows.filter((r) => r.side === side && r.label);
    if (!values.length) return [];
    // Rotated 270°, a label reads upwards; vega draws its lines one below the other in the label's own frame,
    // i.e. to the right of the first line on screen, whatever the baseline, and dx moves it along the text
    // (positive: up). So every label ends 3 px below the plot's top (dx −3: never cut by the plot's clip), a
    // right label's first line starts 2 px right of the rule, and a left label is moved left by its lines
    // below the first, so its last line ends 2 px left of the rule: one layer per number of lines.
    const byLines = new Map<number, typeof values>();
    for (const v of values) {
      const n = v.label.split('\n').length;
      byLines.set(n, [...(byLines.get(n) ?? []), v]);
    }
    return [...byLines.entries()]
      .sort((a, b) => a[0] - b[0])
      .flatMap(([n, vals]): Layer[] => {
        const place = {
          angle: 270,
          align: 'right',
          baseline: side === 'left' ? 'bottom' : 'top',
          dx: -3,
          dy: side === 'left' ? -2 - (n - 1) * EVENT_LINE : 2,
          fontSize: EVENT_FONT,
          lineHeight: EVENT_LINE,
          lineBreak: '\n',
          y: 0,
          clip: true,
        } as const;
        return [
          // white halo under the label so it stays readable where it crosses lines
          {
            data: { values: vals },
            mark: { type: 'text', color: '#ffffff', stroke: '#ffffff', strokeWidth: 3, strokeOpacity: 0.9, ...place },
            encoding: { x: { field: 'x', type: 'quantitative' }, text: { field: 'label', type: 'nominal' } },
          },
          {
            data: { values: vals },
            mark: { type: 'text', color: COLORS.event, ...place },
            encoding: {
              x: { field: 'x', type: 'quantitative' },
              text: { field: 'label', type: 'nominal' },
              tooltip: [...tooltip],
            },
          },
        ];
      });
  };
  return [
    {
      data: { values: rows },
      mark: { type: 'rule', color: COLORS.event, strokeDash: [4, 3], strokeWidth: 1.2, opacity: 0.75 },
      encoding: { x: { field: 'x', type: 'quantitative' }, tooltip: [...tooltip] },
    },
    ...labels('left'),
    ...labels('right'),
  ];
}

/**
 * Where the `i`-th of `n` side-by-side marks of one year sits on a quantitative year axis: spread over `span`
 * of a year, centred on the year's tick (so grouped bars share the axis with event rules and flag marks).
 *
 * @example
 * groupOffset(0, 3) // -0.2667
 */
export function groupOffset(i: number, n: number, span = 0.8): number {
  return Math.round((i - (n - 1) / 2) * (span / Math.max(1, n)) * 10_000) / 10_000;
}

/**
 * Axis for shares shown as percentages: `20 %` in Danish, `20%` in English.
 *
 * @example
 * percentAxis('da').labelExpr // "replace(format(datum.value, '.0%'), '%', ' %')"
 */
export function percentAxis(lang: Lang): { format: string; labelExpr?: string } {
  return lang === 'da'
    ? { format: '.0%', labelExpr: "replace(format(datum.value, '.0%'), '%', ' %')" }
    : { format: '.0%' };
}

/** Flags worth marking in charts, in priority order (the first present names the marker). */
export const MARKED_FLAGS = [
  'registration_break',
  'estimated',
  'derived',
  'ambiguous_account',
  'includes_covid',
  'uncertain_registration',
] as const;

/**
 * The most important markable flag of a point, translated, or `undefined` if none.
 *
 * @example
 * primaryFlag(['excludes_covid', 'estimated'], 'da') // 'Skøn'
 */
export function primaryFlag(flags: readonly string[], lang: Lang): string | undefined {
  const f = MARKED_FLAGS.find((m) => flags.includes(m));
  return f ? label(lang, 'flag', f) : undefined;
}

/**
 * All flags of a point, translated and joined (for tooltips and tables).
 *
 * @example
 * flagText(['estimated', 'derived'], 'da') // 'Skøn, Afledt af ændring'
 */
export function flagText(flags: readonly string[], lang: Lang): string {
  return flags.map((f) => label(lang, 'flag', f)).join(', ');
}

/**
 * A layer of hollow, shape-coded markers around flagged points (`x`, `y` fields given),
 * with a "Datakvalitet" legend. Rows must carry `flag` (translated primary flag) and `flagText`.
 * Concatenated charts pass one `sharedDomain` so all panels share the shape scale.
 *
 * @example
 * flagLayer([{ year: 2020, value: 2164, flag: 'Skøn', flagText: 'Skøn' }], 'year', 'value', 'da')
 */
export function flagLayer(
  rows: Record<string, unknown>[],
  x: string,
  y: string,
  lang: Lang,
  sharedDomain?: string[],
): Layer[] {
  const flagged = rows.filter((r) => typeof r.flag === 'string');
  if (flagged.length === 0) return [];
  const domain = sharedDomain ?? [...new Set(flagged.map((r) => r.flag as string))].sort();
  return [
    {
      data: { values: flagged },
      mark: { type: 'point', filled: false, size: 170, strokeWidth: 2, color: COLORS.flag },
      encoding: {
        x: { field: x, type: 'quantitative' },
        y: { field: y, type: 'quantitative' },
        shape: {
          field: 'flag',
          type: 'nominal',
          title: t(lang, 'legend.flag'),
          scale: {
            domain,
            range: ['diamond', 'square', 'triangle-up', 'cross', 'triangle-down', 'circle'].slice(0, domain.length),
          },
          legend: { orient: 'bottom', symbolStrokeColor: COLORS.flag, symbolFillColor: 'transparent' },
        },
        tooltip: [
          { field: 'flagText', type: 'nominal', title: t(lang, 'tooltip.flags') },
          { field: x, type: 'quantitative', title: t(lang, 'axis.year'), format: 'd' },
        ],
      },
    },
  ];
}
