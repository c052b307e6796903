/**
 * The words of the cost engine's results: the text report of `viso cost` (the unit-cost table, the
 * fitted cost model with its uncertainty and diagnostics, and the forløb-type mix), the same report
 * worded for `--json`, and the label of a PL index. The engine's notes and labels are codes
 * (src/text/cost.ts); they are worded here in the language asked.
 */
import { formatMio, formatNumber, type Lang } from '../text/number.js';
import type { ForloebMix } from '../cost/mix.js';
import type { CostBootstrap, CostModel, CostSensitivityRow } from '../cost/model.js';
import type { FunnelForecast } from '../cost/funnel.js';
import { plLabelParts, type PlTable } from '../cost/plTable.js';
import { textTable } from '../text/table.js';
import { plIndexLabel } from '../text/cost.js';
import { say, sayMsg, term } from '../text/messages.js';
import type { UnitCostTable } from '../cost/unitCost.js';

/** Everything `viso cost` shows. */
export interface CostReport {
  table: UnitCostTable;
  model: CostModel;
  mix: ForloebMix;
  sensitivity?: CostSensitivityRow[];
  bootstrap?: CostBootstrap;
}

const T = {
  da: {
    title: (p: string, b: number) =>
      `Enhedsomkostning pr. rådgivningsforløb (${p === 'fixed' ? `faste ${b}-priser` : 'løbende priser'})`,
    pl: 'PL-antagelse',
    head: ['År', 'Forbrug (mio. kr.)', 'Forløb', 'Kr. pr. forløb', 'Note'],
    model: 'Omkostningsmodel: forbrug = fast + enhedsomkostning × forløb',
    withBreak: (y: number) => ` + niveauskift fra ${y} (registreringsbrud)`,
    fixed: 'Faste omkostninger (nuværende regime)',
    preFixed: 'Faste omkostninger før bruddet',
    fixedOnly: 'Faste omkostninger',
    unit: 'Marginal omkostning pr. forløb',
    corr: 'Korrelation mellem fast og marginal omkostning',
    boot: (runs: string, seed: number) =>
      `Residual-bootstrap (${runs} gentagelser, seed ${seed}), marginal omkostning 95 %`,
    bootFixed: 'faste omkostninger (mio. kr.) 95 %',
    shift: (y: number) => `Niveauskift fra ${y}`,
    fit: 'Tilpasning',
    coefHead: ['Parameter', 'Estimat', 'SE', 't', 'p', '95 %-KI'],
    resHead: ['År', 'Forbrug', 'Tilpasset', 'Residual', 'Leverage', "Cook's D", 'Flag'],
    dropOne: 'Udelad ét år (kr. pr. forløb)',
    notes: 'Noter',
    mix: 'Forløbstyper',
    sens: 'Følsomhed (alternative specifikationer)',
    sensHead: ['Specifikation', 'Kr. pr. forløb', 'SE', 'Fast (nu)', 'R²', 'n'],
    mixHead: ['År', 'I alt', 'Gruppe', 'Målgruppe', 'Tema', 'Enkelt (rest)'],
    se: 'SE',
    ci: '95 %-KI',
    kr: 'kr.',
  },
  en: {
    title: (p: string, b: number) =>
      `Unit cost per advisory case (${p === 'fixed' ? `fixed ${b} prices` : 'current prices'})`,
    pl: 'PL assumption',
    head: ['Year', 'Spending (DKK m)', 'Cases', 'DKK per case', 'Note'],
    model: 'Cost model: spending = fixed + unit cost × cases',
    withBreak: (y: number) => ` + level shift from ${y} (registration break)`,
    fixed: 'Fixed cost (current regime)',
    preFixed: 'Fixed cost before the break',
    fixedOnly: 'Fixed cost',
    unit: 'Marginal cost per case',
    corr: 'Correlation of fixed and marginal cost',
    boot: (runs: string, seed: number) => `Residual bootstrap (${runs} resamples, seed ${seed}), marginal cost 95%`,
    bootFixed: 'fixed cost (DKK m) 95%',
    shift: (y: number) => `Level shift from ${y}`,
    fit: 'Fit',
    coefHead: ['Parameter', 'Estimate', 'SE', 't', 'p', '95% CI'],
    resHead: ['Year', 'Spending', 'Fitted', 'Residual', 'Leverage', "Cook's D", 'Flags'],
    dropOne: 'Leave one year out (DKK per case)',
    notes: 'Notes',
    mix: 'Case types',
    sens: 'Sensitivity (alternative specifications)',
    sensHead: ['Specification', 'DKK per case', 'SE', 'Fixed (now)', 'R²', 'n'],
    mixHead: ['Year', 'Total', 'Group', 'Target group', 'Theme', 'Individual (rest)'],
    se: 'SE',
    ci: '95% CI',
    kr: 'DKK',
  },
};

/**
 * A cost-model coefficient's name as the report's tables show it: the words of the cost report with
 * the unit (`fixed`, `unit`, `break_YYYY` are the engine's names, kept in the JSON and the API).
 *
 * @example
 * coefficientLabel('unit', 'da') // 'Marginal omkostning pr. forløb, mio. kr.'
 * coefficientLabel('break_2024', 'en') // 'Level shift from 2024, DKK m'
 * coefficientLabel('fixed', 'da', true) // 'Faste omkostninger før bruddet, mio. kr.' (the intercept; the current regime adds the shift)
 */
export function coefficientLabel(name: string, lang: Lang, withBreak = false): string {
  const t = T[lang];
  const mio = lang === 'da' ? 'mio. kr.' : 'DKK m';
  const shift = /^break_(\d{4})$/.exec(name);
  // with a level shift the intercept is the fixed cost before the break (the current regime's is intercept + shift)
  if (name === 'fixed') return `${withBreak ? t.preFixed : t.fixedOnly}, ${mio}`;
  if (name === 'unit') return `${t.unit}, ${mio}`;
  if (shift) return `${t.shift(Number(shift[1]))}, ${mio}`;
  return name;
}

/** One year of `unitCostYears`: the unit cost in current and in fixed prices side by side. */
export interface UnitCostYear {
  year: number;
  /** forbrug used, mio. kr., current prices (COVID-19 extra costs subtracted when the table did) */
  forbrug: number;
  forloeb: number;
  /** kr. per forløb, current prices */
  current: number;
  /** kr. per forløb in the fixed table's prices (its `baseYear`); NaN when that table lacks the year */
  fixed: number;
  /** why the year is special (the current table's notes), worded and joined by `; `; '' if nothing */
  note: string;
}

/**
 * The unit cost in current and in fixed prices side by side, for every year with a unit cost in current
 * prices (both forbrug and forløb known; years missing either are left out): forbrug and forløb as the
 * current table used them, kr. per forløb in both prices, and the year's notes in the language.
 *
 * @example
 * const a = loadCostAssumptions();
 * unitCostYears(unitCostTable(ds, { prices: 'current', assumptions: a }), unitCostTable(ds, { prices: 'fixed', assumptions: a }))[0]
 * // { year: 2014, forbrug: 121.6, forloeb: 1733, current: 70167.3…, fixed: 85534.…, note: '' }
 */
export function unitCostYears(current: UnitCostTable, fixed: UnitCostTable, lang: Lang = 'da'): UnitCostYear[] {
  const fx = new Map(fixed.rows.map((r) => [r.year, r.unitCostKr]));
  return current.rows
    .filter((r) => Number.isFinite(r.unitCostKr))
    .map((r) => ({
      year: r.year,
      forbrug: r.forbrug,
      forloeb: r.forloeb,
      current: r.unitCostKr,
      fixed: fx.get(r.year) ?? NaN,
      note: r.notes.map((n) => sayMsg(n, lang)).join('; '),
    }));
}

/**
 * The column heads of the cost model's residual table, the same in `viso cost` and the report.
 *
 * @example
 * residualHead('da') // ['År', 'Forbrug', 'Tilpasset', 'Residual', 'Leverage', "Cook's D", 'Flag']
 */
export function residualHead(lang: Lang): readonly string[] {
  return T[lang].resHead;
}

/**
 * Render the cost report as text (Danish by default).
 *
 * @example
 * formatCostReport({ table, model, mix }, 'en')
 */
export function formatCostReport(r: CostReport, lang: Lang = 'da'): string {
  const t = T[lang];
  const n = (x: number, d = 0) => formatNumber(x, d, lang);
  const kr = (mio: number) => `${n(mio * 1e6)} ${t.kr}`;
  const m = r.model;
  const out: string[] = [];
  out.push(t.title(r.table.prices, r.table.baseYear));
  if (r.table.prices === 'fixed') out.push(`${t.pl}: ${r.table.plLabel[lang]}`);
  out.push('');
  out.push(
    textTable(
      [
        t.head,
        ...r.table.rows.map((row) => [
          String(row.year),
          n(row.forbrug, 1),
          n(row.forloeb),
          n(row.unitCostKr),
          row.notes.map((x) => sayMsg(x, lang)).join('; '),
        ]),
      ],
      { textLastLeft: true },
    ),
  );
  out.push('');
  out.push(t.model + (m.breakShift ? t.withBreak(m.breakShift.fromYear) : ''));
  const ci = m.diagnostics.coefficients;
  const unitRow = ci.find((c) => c.name === 'unit')!;
  out.push(`  ${t.fixed}: ${formatMio(m.fixed.mean, lang)} (${t.se} ${n(m.fixed.sd, 1)})`);
  if (m.breakShift)
    out.push(`  ${t.preFixed}: ${formatMio(m.preBreakFixed.mean, lang)} (${t.se} ${n(m.preBreakFixed.sd, 1)})`);
  out.push(
    `  ${t.unit}: ${kr(m.unit.mean)} (${t.se} ${n(m.unit.sd * 1e6)}; ${t.ci} ${n(unitRow.lower95 * 1e6)} – ${n(unitRow.upper95 * 1e6)})`,
  );
  if (m.breakShift)
    out.push(
      `  ${t.shift(m.breakShift.fromYear)}: ${formatMio(m.breakShift.mean, lang)} (${t.se} ${n(m.breakShift.sd, 1)})`,
    );
  out.push(`  ${t.corr}: ${n(m.corr, 2)}`);
  if (r.bootstrap) {
    const b = r.bootstrap;
    out.push(
      `  ${t.boot(n(b.runs), b.seed)}: ${n(b.unit.lower95 * 1e6)} – ${n(b.unit.upper95 * 1e6)} ${t.kr} (SD ${n(b.unit.sd * 1e6)}); ${t.bootFixed} ${n(b.fixed.lower95, 1)} – ${n(b.fixed.upper95, 1)}`,
    );
  }
  const d = m.diagnostics;
  out.push(
    `  ${t.fit}: R² ${n(d.r2, 2)} (${lang === 'da' ? 'justeret' : 'adjusted'} ${n(d.adjR2, 2)}), ${lang === 'da' ? 'residual-SD' : 'residual SD'} ${formatMio(d.sigma, lang)}, n = ${d.n}, df = ${d.df}`,
  );
  out.push('');
  out.push(
    textTable(
      [
        t.coefHead,
        ...ci.map((c) => {
          const scale = c.name === 'unit' ? 1e6 : 1;
          const dec = c.name === 'unit' ? 0 : 1;
          // the parameter in words (fixed, unit, break_<year> are the model's keys, --json shows them)
          const brk = /^break_(\d{4})$/.exec(c.name);
          const word =
            c.name === 'unit'
              ? say('cost.unit', {}, lang)
              : c.name === 'fixed'
                ? say('cost.fixed', {}, lang)
                : brk
                  ? say('cost.break', { year: brk[1] }, lang)
                  : c.name;
          const name = c.name === 'unit' ? `${word} (${t.kr})` : `${word} (${lang === 'da' ? 'mio. kr.' : 'DKK m'})`;
          return [
            name,
            n(c.coef * scale, dec),
            n(c.se * scale, dec),
            n(c.t, 2),
            n(c.p, 3),
            `${n(c.lower95 * scale, dec)} – ${n(c.upper95 * scale, dec)}`,
          ];
        }),
      ],
      { indent: '  ', textLastLeft: true },
    ),
  );
  out.push('');
  out.push(
    textTable(
      [
        t.resHead,
        ...d.rows.map((row) => [
          String(row.year),
          n(row.forbrug, 1),
          n(row.fitted, 1),
          n(row.residual, 1),
          n(row.leverage, 2),
          n(row.cooksD, 2),
          row.flags.map((f) => term('flag', f, lang)).join(', '),
        ]),
      ],
      { indent: '  ', textLastLeft: true },
    ),
  );
  out.push('');
  out.push(`${t.dropOne}: ` + d.dropOne.map((x) => `${x.year} ${n(x.unitKr)}`).join(', '));
  if (r.sensitivity?.length) {
    out.push('');
    out.push(`${t.sens}:`);
    out.push(
      textTable(
        [
          t.sensHead,
          ...r.sensitivity.map((s) => [
            sayMsg(s.label, lang),
            n(s.unitKr),
            n(s.unitSeKr),
            formatMio(s.fixed, lang),
            n(s.r2, 2),
            String(s.n),
          ]),
        ],
        { indent: '  ', textLastLeft: true },
      ),
    );
  }
  out.push('');
  out.push(`${t.mix}:`);
  out.push(
    textTable(
      [
        t.mixHead,
        ...r.mix.rows.map((row) => [
          String(row.year),
          n(row.total),
          n(row.gruppe),
          n(row.maalgruppe),
          n(row.tema),
          n(row.enkelt),
        ]),
      ],
      { indent: '  ', textLastLeft: true },
    ),
  );
  out.push('');
  out.push(`${t.notes}:`);
  for (const note of [...d.notes, ...r.mix.notes]) out.push(`- ${sayMsg(note, lang)}`);
  return out.join('\n') + '\n';
}

/** `CostReport` with its notes and labels worded in one language (`viso cost --json`). */
export interface CostReportJson {
  table: Omit<UnitCostTable, 'plLabel' | 'rows'> & {
    plLabel: string;
    rows: (Omit<UnitCostTable['rows'][number], 'notes'> & { notes: string[] })[];
  };
  model: Omit<CostModel, 'diagnostics'> & {
    diagnostics: Omit<CostModel['diagnostics'], 'notes'> & { notes: string[] };
  };
  bootstrap?: CostBootstrap;
  sensitivity?: (Omit<CostSensitivityRow, 'label'> & { label: string })[];
  mix: Omit<ForloebMix, 'notes'> & { notes: string[] };
}

/**
 * The cost report with its notes and labels worded in a language, for `viso cost --json` (the same
 * fields and order as the engine's results; notes and specification labels as text, the PL label
 * in the language).
 *
 * @example
 * JSON.stringify(costReportJson({ table, model, mix }, 'en'))
 */
export function costReportJson(r: CostReport, lang: Lang = 'da'): CostReportJson {
  const words = (ns: readonly Parameters<typeof sayMsg>[0][]) => ns.map((n) => sayMsg(n, lang));
  return {
    table: {
      ...r.table,
      plLabel: r.table.plLabel[lang],
      rows: r.table.rows.map((row) => ({ ...row, notes: words(row.notes) })),
    },
    model: { ...r.model, diagnostics: { ...r.model.diagnostics, notes: words(r.model.diagnostics.notes) } },
    ...(r.bootstrap ? { bootstrap: r.bootstrap } : {}),
    ...(r.sensitivity ? { sensitivity: r.sensitivity.map((s) => ({ ...s, label: sayMsg(s.label, lang) })) } : {}),
    mix: { ...r.mix, notes: words(r.mix.notes) },
  };
}

/**
 * The notes of a funnel forecast in a language.
 *
 * @example
 * funnelNotes(forecastFunnel(loadBundled()), 'en')[0] // 'henvendelser: 2021–2022 missing; linearly interpolated for fitting only'
 */
export function funnelNotes(f: Pick<FunnelForecast, 'notes'>, lang: Lang = 'da'): string[] {
  return f.notes.map((n) => sayMsg(n, lang));
}

/**
 * The label of an index: its name, the listed rates with sources and the default for other years.
 *
 * @example
 * plLabel(loadPlTable(), 'wage', 'da') // 'Statens lønindeks (models/pl.yaml): 2025 4,1 % (Finansministeriets …); øvrige år 2,0 % (Antagelse: …)'
 */
export function plLabel(t: PlTable, id: string, lang: Lang): string {
  return plIndexLabel(plLabelParts(t, id), lang);
}
