/**
 * Budget rules (`models/budget.yaml`): the opsparing carried from year to year (carry-over allowed,
 * a ceiling as a share of bevilling, use needs permission, a yearly limit on its use, expiry), each
 * rule with the file and line it is written on; one year of the balance (`stepOpsparing`, the same
 * arithmetic as the engine's inner loop) and the balance at the end of the base year computed from
 * the historical bevilling and forbrug. Errors name file, line and column.
 */
import { resolve } from 'node:path';
import { z } from '../vendor/zod.js';
import { InputError } from '../errors.js';
import { bundledPath, displayPath } from '../io/paths.js';
import { readYamlFile, validateYaml, yamlPosition, type YamlFile } from '../io/yaml.js';
import type { SeriesSource } from '../cost/data.js';
import { both } from './both.js';

/** Where a rule is written: file and 1-based line. */
export interface RuleAt {
  file: string;
  line: number;
}

/** Parsed budget rules. */
export interface BudgetRules {
  /** The file as shown in messages (bundled files relative to the package). */
  file: string;
  /** The file's path as read (for hashing in a report's manifest). */
  path: string;
  /** Unspent bevilling is carried over to the next year. */
  carryOver: boolean;
  /** Ceiling on the balance as a share of the year's bevilling (null: none). */
  cap: number | null;
  /** Using opsparing needs the department's permission (changes the wording, not the numbers). */
  useNeedsPermission: boolean;
  /** At most this share of the year's bevilling covered from opsparing in one year (null: all of it). */
  maxUse: number | null;
  /** Years a year's savings stay usable (null: they never lapse). */
  expiryYears: number | null;
  /** Balance at the end of the base year: computed from the data, or a number (mio. kr.). */
  start: 'data' | number;
  /** Change of the balance in a year without bevilling or forbrug in the data (mio. kr.). */
  missingYearChange: number;
  /** Source documents named for the rules. */
  sources: { carryOver?: string; use?: string };
  /** Where each rule is written (keys as in the file). */
  at: Record<string, RuleAt>;
}

const share = z.number().min(0).max(10).nullable();
const schema = z
  .object({
    opsparing: z
      .object({
        carry_over: z.boolean(),
        carry_over_source: z.string().min(1).optional(),
        cap: share,
        use_needs_permission: z.boolean(),
        use_source: z.string().min(1).optional(),
        max_use: share,
        expiry_years: z.number().int().min(1).max(50).nullable(),
        start: z.union([z.literal('data'), z.number().min(0).max(100_000)]),
        missing_year_change: z.number().min(-100_000).max(100_000),
      })
      .strict(),
  })
  .strict();

/**
 * Path of the bundled `models/budget.yaml`.
 *
 * @example
 * bundledBudgetPath() // '/…/viso-budget/models/budget.yaml'
 */
export function bundledBudgetPath(): string {
  return bundledPath('models/budget.yaml');
}

const cache = new Map<string, BudgetRules>();

/**
 * Read budget rules (default: the bundled `models/budget.yaml`); bad values are an InputError
 * naming file, line and column.
 *
 * @example
 * loadBudgetRules().carryOver // true
 */
export function loadBudgetRules(path?: string): BudgetRules {
  const p = path ?? bundledBudgetPath();
  const hit = cache.get(p);
  if (hit) return hit;
  const r = { ...budgetRulesFromYaml(readYamlFile(p, path === undefined ? displayPath(p) : path)), path: resolve(p) };
  if (cache.size > 16) cache.clear();
  cache.set(p, r);
  return r;
}

/**
 * Validate an already parsed YAML file as budget rules.
 *
 * @example
 * budgetRulesFromYaml(parseYaml(text, 'budget.yaml')).cap // null
 */
export function budgetRulesFromYaml(y: YamlFile): BudgetRules {
  const v = validateYaml(y, schema).opsparing;
  const at: Record<string, RuleAt> = {};
  for (const k of Object.keys(v)) at[k] = { file: y.file, line: yamlPosition(y, ['opsparing', k]).line };
  return {
    file: y.file,
    path: y.file,
    carryOver: v.carry_over,
    cap: v.cap,
    useNeedsPermission: v.use_needs_permission,
    maxUse: v.max_use,
    expiryYears: v.expiry_years,
    start: v.start,
    missingYearChange: v.missing_year_change,
    sources: {
      ...(v.carry_over_source ? { carryOver: v.carry_over_source } : {}),
      ...(v.use_source ? { use: v.use_source } : {}),
    },
    at,
  };
}

/**
 * Number of vintage slots the balance needs: one per year a saving stays usable, or one for a
 * balance that never lapses.
 *
 * @example
 * opsparingSlots({ ...rules, expiryYears: 3 }) // 3
 */
export function opsparingSlots(r: Pick<BudgetRules, 'expiryYears'>): number {
  return r.expiryYears ?? 1;
}

/** One year of the balance: how much of the opsparing could be used and the merforbrug beyond it. */
export interface OpsparingStep {
  /** Opsparing usable in the year (mio. kr.). */
  usable: number;
  /** forbrug − bevilling − usable (positive: merforbrug the opsparing does not cover). */
  beyond: number;
}

/**
 * One year of the opsparing, in place. `slots[j]` holds the savings made j + 1 years before the
 * year (oldest last); merforbrug is covered from the oldest savings first, then (with expiry) the
 * oldest lapse and the year's mindreforbrug becomes the newest slot; the ceiling cuts the newest
 * first. The engine's inner loop (engine.ts, `savingsYear`) does the same arithmetic per run.
 *
 * @example
 * const s = [10];
 * stepOpsparing(s, 100, 105, { carryOver: true, cap: null, maxUse: null, expiryYears: null }) // { usable: 10, beyond: -5 }
 * s // [5]
 */
export function stepOpsparing(
  slots: number[],
  bevilling: number,
  forbrug: number,
  r: Pick<BudgetRules, 'carryOver' | 'cap' | 'maxUse' | 'expiryYears'>,
): OpsparingStep {
  const k = slots.length;
  let total = 0;
  for (let j = 0; j < k; j++) total += slots[j];
  let usable = total;
  if (r.maxUse !== null && usable > r.maxUse * bevilling) usable = r.maxUse * bevilling;
  const mer = forbrug - bevilling;
  if (mer > 0) {
    let need = mer < usable ? mer : usable;
    for (let j = k - 1; j >= 0 && need > 0; j--) {
      const d = slots[j] < need ? slots[j] : need;
      slots[j] -= d;
      need -= d;
    }
  }
  if (r.expiryYears !== null) {
    for (let j = k - 1; j > 0; j--) slots[j] = slots[j - 1];
    slots[0] = 0;
  }
  if (r.carryOver && mer < 0) slots[0] -= mer;
  if (r.cap !== null) {
    let excess = -r.cap * bevilling;
    for (let j = 0; j < k; j++) excess += slots[j];
    for (let j = 0; j < k && excess > 0; j++) {
      const d = slots[j] < excess ? slots[j] : excess;
      slots[j] -= d;
      excess -= d;
    }
  }
  return { usable, beyond: mer - usable };
}

/** One historical year of the balance. */
export interface OpsparingHistoryYear {
  year: number;
  bevilling: number | null;
  forbrug: number | null;
  /** The balance at the end of the year. */
  balance: number;
}

/** The balance at the end of the base year, with how it was reached. */
export interface OpsparingStart {
  /** Total balance (mio. kr.). */
  balance: number;
  /** The balance by vintage, as `stepOpsparing` keeps it (index j: saved j years before the base year's end). */
  slots: number[];
  /** Every year from the first with bevilling and forbrug to the base year (empty when set by hand). */
  history: OpsparingHistoryYear[];
  /** Years without bevilling or forbrug in the data (their change is `missingYearChange`). */
  missing: number[];
  /** Where it comes from, in Danish and English. */
  text: { da: string; en: string };
}

const BEV = 'viso.raadgivning.bevilling';
const FORBRUG = 'viso.raadgivning.forbrug';

/**
 * The opsparing at the end of `baseYear`: the rules applied year by year to the bevilling and
 * forbrug of the data from their first common year (a year missing in the data changes the balance
 * by `missingYearChange`), or the rules' `start` when it is a number.
 *
 * @example
 * openingOpsparing(loadBundled(), 2024, loadBudgetRules()).balance // 200.9 (140,7 − 3,7 + 0 for 2021 + 63,9)
 */
export function openingOpsparing(ds: SeriesSource, baseYear: number, r: BudgetRules): OpsparingStart {
  const k = opsparingSlots(r);
  const slots = new Array<number>(k).fill(0);
  if (typeof r.start === 'number') {
    slots[0] = r.start;
    const at = r.at.start;
    const where = `${at.file}:${at.line}`;
    return {
      balance: r.start,
      slots,
      history: [],
      missing: [],
      text: both('scenario.opsparing.set', { start: r.start, year: baseYear, where }),
    };
  }
  const values = (id: string) =>
    new Map(
      ds.has(id)
        ? ds
            .get(id)
            .points.filter((p) => Number.isFinite(p.value) && p.year <= baseYear)
            .map((p) => [p.year, p.value] as const)
        : [],
    );
  const bev = values(BEV);
  const forbrug = values(FORBRUG);
  const common = [...bev.keys()].filter((y) => forbrug.has(y));
  if (!common.length) {
    throw new InputError(
      { file: r.file, line: r.at.start.line },
      { code: 'scenario.opsparingStart', params: { year: baseYear } },
      'data',
    );
  }
  const first = Math.min(...common);
  const history: OpsparingHistoryYear[] = [];
  const missing: number[] = [];
  for (let y = first; y <= baseYear; y++) {
    const b = bev.get(y);
    const f = forbrug.get(y);
    if (b === undefined || f === undefined) {
      missing.push(y);
      // a missing year: the assumed change as a mindreforbrug (or merforbrug) on a bevilling of 0
      stepOpsparing(slots, 0, -r.missingYearChange, { ...r, cap: null, maxUse: null });
    } else stepOpsparing(slots, b, f, r);
    history.push({ year: y, bevilling: b ?? null, forbrug: f ?? null, balance: slots.reduce((s, x) => s + x, 0) });
  }
  const balance = slots.reduce((s, x) => s + x, 0);
  const miss = missing.length ? missing.join(', ') : '';
  const mAt = `${r.at.missing_year_change.file}:${r.at.missing_year_change.line}`;
  return {
    balance,
    slots,
    history,
    missing,
    text: both('scenario.opsparing.computed', {
      from: first,
      year: baseYear,
      bevilling: BEV,
      forbrug: FORBRUG,
      file: r.file,
      balance,
      missing: miss,
      change: r.missingYearChange,
      changeAt: mAt,
    }),
  };
}
