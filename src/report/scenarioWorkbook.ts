/**
 * Write the assumptions workbook of a scenario (`viso scenario template [scenario] --xlsx FILE`):
 * the scenario's settings after its `extends` chain, one row per input with `estimated`,
 * `value` or a distribution and its parameters (numbers as numbers), the unit and where the
 * setting comes from; a drop-down list of the kinds; the measures and correlations on their
 * own sheets. `scenario/workbook.ts` reads it back (the same settings, the same results).
 */
import { UsageError } from '../errors.js';
import type { Lang } from '../text/number.js';
import { mergedScenario } from '../scenario/load.js';
import {
  DIST_PARAMS,
  INPUT_KINDS,
  INPUT_PARAM_COL,
  MEASURE_PARAM_COL,
  PARAM_COLUMNS,
  SCENARIO_KEYS,
  WORKBOOK_SHEETS,
} from '../scenario/workbook.js';
import { neutraliseCell } from './escape.js';
import { WORKBOOK_DATE, zipFixedDates } from './zip.js';

/** The unit of an input, by its path. */
function unitOf(path: string, da: boolean): string {
  const share = da ? 'andel pr. år' : 'share a year';
  const table: [RegExp, string][] = [
    [/^actual\.(bevilling|forbrug)$/, da ? 'mio. kr.' : 'DKK m'],
    [/^actual\.(forloeb|henvendelser)$/, da ? 'antal' : 'count'],
    [/^costs\.noiseSd$/, da ? 'mio. kr.' : 'DKK m'],
    [/\.noiseSd$/, 'log-sd'],
    [/^(demand\.growth|visitation\.drift|costs\.priceGrowth|pl\.default|pl\.rates\.\d+|bevilling\.growth)$/, share],
    [/^visitation\.rate$/, da ? 'forløb pr. henvendelse' : 'cases per request'],
    [/^costs\.fixed$/, da ? 'mio. kr.' : 'DKK m'],
    [/^costs\.unit$/, da ? '1.000 kr. pr. forløb' : 'DKK 1,000 per case'],
    [/^bevilling\.amounts\.\d+$/, da ? 'mio. kr.' : 'DKK m'],
    [/^shares\./, da ? 'andel' : 'share'],
  ];
  const hit = table.find(([re]) => re.test(path));
  return hit ? hit[1] : '';
}

/** The part of an exceljs worksheet used here. */
interface Sheet {
  getCell(
    r: number,
    c: number,
  ): { value: unknown; font?: unknown; fill?: unknown; numFmt?: string; dataValidation?: unknown; note?: unknown };
  getColumn(c: number): { width?: number };
  views: unknown[];
}

const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

function header(ws: Sheet, names: string[], widths: number[]): void {
  names.forEach((n, j) => {
    const c = ws.getCell(1, j + 1);
    c.value = n;
    c.font = { bold: true };
    c.fill = HEAD_FILL;
    ws.getColumn(j + 1).width = widths[j] ?? 12;
  });
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

/** A setting written to a cell: numbers as numbers, booleans as booleans, text neutralised. */
function put(ws: Sheet, r: number, c: number, v: unknown): void {
  const cell = ws.getCell(r, c);
  if (typeof v === 'number' || typeof v === 'boolean') cell.value = v;
  else if (Array.isArray(v)) cell.value = v.map((x) => String(x)).join('; ');
  else if (v !== undefined && v !== null) cell.value = neutraliseCell(String(v));
}

const KIND_LIST = {
  type: 'list',
  allowBlank: false,
  formulae: [`"${INPUT_KINDS.join(',')}"`],
  showErrorMessage: true,
  error: INPUT_KINDS.join(', '),
};

/** The drop-down of kinds also on the empty rows below a table (rows a user adds), up to row `to`. */
function kindListBelow(ws: Sheet, from: number, to: number, kc: number): void {
  for (let r = from; r <= to; r++) ws.getCell(r, kc).dataValidation = { ...KIND_LIST, allowBlank: true };
}

/** Write a distribution, value or `estimated` into kind column `kc` and the parameter columns from `pc`. */
function putSetting(ws: Sheet, r: number, kc: number, pc: number, v: unknown): void {
  const kindCell = ws.getCell(r, kc);
  kindCell.dataValidation = KIND_LIST;
  if (v === 'estimated') {
    kindCell.value = 'estimated';
    return;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    kindCell.value = String(o.dist);
    for (const k of DIST_PARAMS[String(o.dist)] ?? [])
      if (o[k] !== undefined) put(ws, r, pc + PARAM_COLUMNS.indexOf(k), o[k]);
    return;
  }
  kindCell.value = 'value';
  put(ws, r, pc, v);
}

/**
 * The assumptions workbook of a scenario (deterministic bytes).
 *
 * @example
 * writeFileSync('budget.xlsx', await scenarioWorkbook('baseline', 'da'));
 */
export async function scenarioWorkbook(ref: string, lang: Lang): Promise<Uint8Array> {
  const da = lang === 'da';
  const { merged, where } = mergedScenario(ref);
  const ExcelJS = (await import('../vendor/exceljs.js')).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'viso-budget';
  wb.lastModifiedBy = 'viso-budget';
  wb.created = WORKBOOK_DATE;
  wb.modified = WORKBOOK_DATE;
  const source = (path: (string | number)[], v: unknown) =>
    v === 'estimated'
      ? da
        ? 'estimeres fra data (viso scenario run viser serier og år)'
        : 'estimated from the data (viso scenario run shows series and years)'
      : where(path);

  const sc = wb.addWorksheet(WORKBOOK_SHEETS.scenario[0]) as unknown as Sheet;
  header(sc, [da ? 'Nøgle' : 'Key', da ? 'Værdi' : 'Value', da ? 'Kilde' : 'Source'], [14, 50, 40]);
  let r = 2;
  for (const k of SCENARIO_KEYS) {
    if (merged[k] === undefined) continue;
    put(sc, r, 1, k);
    put(sc, r, 2, merged[k]);
    put(sc, r, 3, where([k]));
    r++;
  }

  const inp = wb.addWorksheet(WORKBOOK_SHEETS.inputs[0]) as unknown as Sheet;
  const paramHeads = PARAM_COLUMNS.map((p) =>
    da
      ? {
          value: 'værdi',
          mean: 'middel',
          sd: 'sd',
          median: 'median',
          sdlog: 'sdlog',
          min: 'min',
          mode: 'typetal',
          max: 'max',
          values: 'værdier (;)',
        }[p]
      : p,
  );
  header(
    inp,
    [
      'Input',
      da ? 'Art (estimated, value, fordeling)' : 'Kind (estimated, value, distribution)',
      ...paramHeads,
      da ? 'Enhed' : 'Unit',
      da ? 'Kilde / kommentar' : 'Source / comment',
    ],
    [24, 16, 12, 12, 10, 12, 10, 10, 10, 10, 14, 22, 50],
  );
  const unitCol = INPUT_PARAM_COL + PARAM_COLUMNS.length;
  r = 2;
  const row = (path: (string | number)[], v: unknown) => {
    const p = path.join('.');
    put(inp, r, 1, p);
    putSetting(inp, r, 2, INPUT_PARAM_COL, v);
    put(inp, r, unitCol, unitOf(p, da));
    put(inp, r, unitCol + 1, source(path, v));
    r++;
  };
  for (const section of ['actual', 'variables', 'demand', 'visitation', 'costs', 'pl', 'bevilling', 'shares']) {
    const sec = merged[section] as Record<string, unknown> | undefined;
    if (!sec) continue;
    for (const [k, v] of Object.entries(sec)) {
      if (section === 'variables') row([section, k], v);
      else if (
        (section === 'pl' && k === 'rates') ||
        (section === 'bevilling' && k === 'amounts') ||
        section === 'shares'
      ) {
        for (const [kk, vv] of Object.entries((v ?? {}) as Record<string, unknown>)) row([section, k, kk], vv);
      } else row([section, k], v);
    }
  }

  kindListBelow(inp, r, r + 30, 2);

  const ms = wb.addWorksheet(WORKBOOK_SHEETS.measures[0]) as unknown as Sheet;
  header(
    ms,
    [
      'id',
      da ? 'fil' : 'file',
      'start',
      da ? 'Effekt: art' : 'Effect: kind',
      ...paramHeads,
      da ? 'indfasning (;)' : 'phase-in (;)',
      da ? 'Kilde / kommentar' : 'Source / comment',
    ],
    [22, 22, 10, 12, 10, 10, 10, 10, 10, 10, 10, 10, 14, 14, 40],
  );
  r = 2;
  ((merged.measures ?? []) as Record<string, unknown>[]).forEach((m, i) => {
    const extra = Object.keys(m).filter((k) => !['id', 'file', 'start', 'effect', 'phaseIn'].includes(k));
    if (extra.length)
      throw new UsageError(
        da
          ? `tiltag nr. ${i + 1} er skrevet direkte i scenariet (${extra.join(', ')}); skabelonen tager tiltag med id eller fil`
          : `measure ${i + 1} is written inline in the scenario (${extra.join(', ')}); the template takes measures by id or file`,
      );
    put(ms, r, 1, m.id);
    put(ms, r, 2, m.file);
    put(ms, r, 3, m.start);
    if (m.effect !== undefined) putSetting(ms, r, 4, MEASURE_PARAM_COL, m.effect);
    put(ms, r, MEASURE_PARAM_COL + PARAM_COLUMNS.length, m.phaseIn);
    put(ms, r, MEASURE_PARAM_COL + PARAM_COLUMNS.length + 1, where(['measures', i]));
    r++;
  });
  kindListBelow(ms, r, r + 10, 4);

  const cs = wb.addWorksheet(WORKBOOK_SHEETS.correlations[0]) as unknown as Sheet;
  header(cs, ['Input', 'Input', da ? 'Rangkorrelation' : 'Rank correlation'], [20, 20, 16]);
  r = 2;
  for (const c of (merged.correlations ?? []) as { between: [string, string]; rank: unknown }[]) {
    put(cs, r, 1, c.between[0]);
    put(cs, r, 2, c.between[1]);
    put(cs, r, 3, c.rank);
    r++;
  }
  const raw = await wb.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 6 } } } as never);
  return zipFixedDates(new Uint8Array(raw as ArrayBuffer));
}
