/**
 * The assumptions workbook (`viso scenario template [scenario] --xlsx FILE`) read back as a
 * scenario: sheet Scenarie (id, name, years, seed, runs), sheet Input (one row per input: its
 * path, `estimated`, `value` or a distribution with its parameters, unit and source/comment),
 * sheet Tiltag (measures by id or file, start, effect, phase-in) and sheet Korrelationer. The
 * workbook is turned into the scenario YAML it stands for and loaded by the one scenario
 * loader, so it is checked exactly as a YAML file is; every problem names `Sheet!Cell`.
 */
import { InputError, type InputLocation } from '../errors.js';
import { columnLetter as letter, openXlsx, type XlsxRow } from '../io/xlsx.js';
import { loadScenario, type LoadScenarioOptions } from './load.js';
import type { ScenarioDef } from './types.js';
import type { Msg } from '../text/messages.js';

/** Sheet names (Danish, the template's; English accepted when reading). */
export const WORKBOOK_SHEETS = {
  scenario: ['Scenarie', 'Scenario'],
  inputs: ['Input', 'Inputs'],
  measures: ['Tiltag', 'Measures'],
  correlations: ['Korrelationer', 'Correlations'],
} as const;

/** The kinds of an input row (column B): the scenario file's own words. */
export const INPUT_KINDS = [
  'estimated',
  'value',
  'fixed',
  'normal',
  'lognormal',
  'triangular',
  'uniform',
  'empirical',
] as const;

/** The parameter columns of an input (and of a measure's effect), in order. */
export const PARAM_COLUMNS = ['value', 'mean', 'sd', 'median', 'sdlog', 'min', 'mode', 'max', 'values'] as const;

/** Parameters of each distribution. */
export const DIST_PARAMS: Record<string, readonly (typeof PARAM_COLUMNS)[number][]> = {
  fixed: ['value'],
  normal: ['mean', 'sd', 'min', 'max'],
  lognormal: ['median', 'sdlog'],
  triangular: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
  empirical: ['values'],
};

/** Keys of the Scenarie sheet, in order. */
export const SCENARIO_KEYS = ['id', 'name', 'name_en', 'description', 'baseYear', 'horizon', 'seed', 'runs'] as const;

/** Input sheet: A path, B kind, C… parameters, then unit and source/comment. Measures sheet: A id, B file, C start, D kind, E… parameters, then phase-in and comment. */
export const INPUT_PARAM_COL = 3;
export const MEASURE_PARAM_COL = 5;

/** A YAML line of the generated text and the cells it came from. */
interface Line {
  text: string;
  /** Cells by the 1-based YAML column where their text starts. */
  spans: { col: number; cell: string }[];
}

/** A cell value as a YAML scalar (numbers exactly, text quoted; Danish decimals such as 0,02 as numbers). */
function scalar(v: string | number): string {
  if (typeof v === 'number') return String(v);
  const t = v.trim();
  if (/^-?\d+,\d+$/.test(t)) return t.replace(',', '.');
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(t)) return t;
  return JSON.stringify(t);
}

/**
 * The scenario YAML an assumptions workbook stands for, and the cell behind each YAML line
 * and column. Problems of the workbook's form (an unknown kind, a missing parameter) are an
 * InputError at the cell.
 *
 * @example
 * const { text, cellAt } = await workbookScenarioYaml('budget.xlsx');
 */
export async function workbookScenarioYaml(
  file: string,
): Promise<{ text: string; cellAt: (line: number, column?: number) => string | undefined }> {
  const wb = await openXlsx(file);
  const sheetOf = (names: readonly string[]) => wb.sheets.find((s) => names.includes(s.name));
  const rowsOf = async (names: readonly string[]): Promise<XlsxRow[]> => {
    const s = sheetOf(names);
    return s ? [...(await wb.rows(s))] : [];
  };
  const lines: Line[] = [];
  const at = (sheet: string, col: number, row: number) => `${sheet}!${letter(col)}${row}`;
  const bad = (cell: string, expected: string | Msg, found?: string): InputError =>
    new InputError({ file, cell }, expected, found);
  const get = (r: XlsxRow, col: number): string | number | undefined => {
    const c = r.cells.find((x) => x.col === col);
    if (c?.problem) throw bad(`${letter(col)}${r.row}`, c.problem.expected, c.problem.found);
    return c === undefined || String(c.value).trim() === '' ? undefined : c.value;
  };
  const scenarioSheet = sheetOf(WORKBOOK_SHEETS.scenario);
  if (!scenarioSheet || !sheetOf(WORKBOOK_SHEETS.inputs))
    throw new InputError(
      { file },
      { code: 'scenario.workbookSheets' },
      wb.sheets.map((s) => s.name).join(', ') || { code: 'scenario.noSheets' },
    );

  // Scenarie: key | value
  for (const r of await rowsOf(WORKBOOK_SHEETS.scenario)) {
    if (r.row === 1) continue;
    const key = get(r, 1);
    const v = get(r, 2);
    if (key === undefined || v === undefined) continue;
    if (!(SCENARIO_KEYS as readonly string[]).includes(String(key)))
      throw bad(
        at(scenarioSheet.name, 1, r.row),
        { code: 'workbook.scenarioKey', params: { keys: SCENARIO_KEYS.join(', ') } },
        String(key),
      );
    const text = `${key}: `;
    lines.push({
      text: text + (typeof v === 'number' ? String(v) : JSON.stringify(String(v))),
      spans: [{ col: 1, cell: at(scenarioSheet.name, 2, r.row) }],
    });
  }

  /** A distribution (or value) of a row as YAML flow text with its spans, from column `from` on. */
  const valueText = (
    sheet: string,
    r: XlsxRow,
    kindCol: number,
    from: number,
    offset: number,
    path: string,
  ): { text: string; spans: { col: number; cell: string }[] } => {
    const kindCell = at(sheet, kindCol, r.row);
    const kind = get(r, kindCol);
    if (kind === undefined)
      throw bad(kindCell, { code: 'workbook.kind', params: { path, kinds: INPUT_KINDS.join(', ') } }, '');
    const k = String(kind).trim();
    const param = (name: (typeof PARAM_COLUMNS)[number]) => from + PARAM_COLUMNS.indexOf(name);
    if (k === 'estimated') return { text: 'estimated', spans: [{ col: offset, cell: kindCell }] };
    if (k === 'value') {
      const v = get(r, param('value'));
      if (v === undefined)
        throw bad(at(sheet, param('value'), r.row), { code: 'workbook.value', params: { path } }, '');
      const pl = path === 'bevilling.pl';
      const text =
        pl && /^(true|false|ja|nej|sand|falsk)$/i.test(String(v))
          ? String(/^(true|ja|sand)$/i.test(String(v)))
          : scalar(v);
      return { text, spans: [{ col: offset, cell: at(sheet, param('value'), r.row) }] };
    }
    const names = DIST_PARAMS[k];
    if (!names) throw bad(kindCell, { code: 'workbook.kind', params: { path, kinds: INPUT_KINDS.join(', ') } }, k);
    let text = `{dist: ${k}`;
    const spans = [{ col: offset, cell: kindCell }];
    for (const name of names) {
      const c = param(name);
      const v = get(r, c);
      if (v === undefined) {
        if (k === 'normal' && (name === 'min' || name === 'max')) continue;
        throw bad(at(sheet, c, r.row), { code: 'workbook.param', params: { name, kind: k, path } }, '');
      }
      const piece =
        name === 'values'
          ? `[${String(v)
              .split(/[;\s]+/)
              .filter(Boolean)
              .map(scalar)
              .join(', ')}]`
          : scalar(v);
      text += `, `;
      spans.push({ col: offset + text.length, cell: at(sheet, c, r.row) });
      text += `${name}: ${piece}`;
    }
    return { text: text + '}', spans };
  };

  // Input: path | kind | parameters … — grouped into sections
  const inputSheet = sheetOf(WORKBOOK_SHEETS.inputs)!;
  const tree = new Map<string, { line: Line; sub?: string }[]>();
  const order: string[] = [];
  const seen = new Map<string, string>();
  for (const r of await rowsOf(WORKBOOK_SHEETS.inputs)) {
    if (r.row === 1) continue;
    const p = get(r, 1);
    if (p === undefined) continue;
    const path = String(p).trim();
    const cell = at(inputSheet.name, 1, r.row);
    const parts = path.split('.');
    const okPath =
      /^(actual|variables|demand|visitation|costs|pl|bevilling)\.[A-Za-z0-9_]+(\.[A-Za-z0-9_]+)?$|^shares\.(henvendelser|forloeb)\.[a-z_]+$/.test(
        path,
      ) &&
      (parts.length === 2 || ['rates', 'amounts'].includes(parts[1]) || parts[0] === 'shares');
    if (!okPath) throw bad(cell, { code: 'workbook.input' }, path);
    if (seen.has(path)) throw bad(cell, { code: 'workbook.inputOnce', params: { path, other: seen.get(path)! } }, path);
    seen.set(path, cell);
    const [section, key, sub] = parts;
    const indent = sub === undefined ? 2 : 4;
    const keyText = sub === undefined ? key : sub;
    const prefix = `${' '.repeat(indent)}${JSON.stringify(keyText)}: `;
    const v = valueText(inputSheet.name, r, 2, INPUT_PARAM_COL, prefix.length + 1, path);
    if (!tree.has(section)) {
      tree.set(section, []);
      order.push(section);
    }
    // the key's own columns are the path cell's (an unknown key is there), the value's its cells
    const spans = [{ col: 1, cell }, ...v.spans];
    tree.get(section)!.push({ line: { text: prefix + v.text, spans }, ...(sub !== undefined ? { sub: key } : {}) });
  }
  for (const section of order) {
    lines.push({ text: `${section}:`, spans: [] });
    const entries = tree.get(section)!;
    const subs: string[] = [];
    for (const e of entries) if (e.sub !== undefined && !subs.includes(e.sub)) subs.push(e.sub);
    for (const e of entries.filter((x) => x.sub === undefined)) lines.push(e.line);
    for (const s of subs) {
      lines.push({ text: `  ${JSON.stringify(s)}:`, spans: [] });
      for (const e of entries.filter((x) => x.sub === s)) lines.push(e.line);
    }
  }

  // Tiltag: id | file | start | kind | parameters … | phase-in
  const ms = sheetOf(WORKBOOK_SHEETS.measures);
  const measureLines: Line[] = [];
  for (const r of ms ? await rowsOf(WORKBOOK_SHEETS.measures) : []) {
    if (r.row === 1) continue;
    const id = get(r, 1);
    const f = get(r, 2);
    if (id === undefined && f === undefined) continue;
    let text = '  - {';
    const spans: { col: number; cell: string }[] = [];
    const add = (key: string, value: string, cell: string) => {
      if (text !== '  - {') text += ', ';
      spans.push({ col: text.length + 1, cell });
      text += `${key}: ${value}`;
    };
    if (id !== undefined) add('id', JSON.stringify(String(id)), at(ms!.name, 1, r.row));
    if (f !== undefined) add('file', JSON.stringify(String(f)), at(ms!.name, 2, r.row));
    const start = get(r, 3);
    if (start !== undefined) add('start', JSON.stringify(String(start)), at(ms!.name, 3, r.row));
    if (get(r, 4) !== undefined) {
      if (text !== '  - {') text += ', ';
      text += 'effect: ';
      const v = valueText(ms!.name, r, 4, MEASURE_PARAM_COL, text.length + 1, `measure ${String(id ?? f)}`);
      spans.push(...v.spans);
      text += v.text;
    }
    const phaseCol = MEASURE_PARAM_COL + PARAM_COLUMNS.length;
    const phase = get(r, phaseCol);
    if (phase !== undefined)
      add(
        'phaseIn',
        `[${String(phase)
          .split(/[;\s]+/)
          .filter(Boolean)
          .map(scalar)
          .join(', ')}]`,
        at(ms!.name, phaseCol, r.row),
      );
    measureLines.push({ text: text + '}', spans });
  }
  if (ms) {
    lines.push({ text: measureLines.length ? 'measures:' : 'measures: []', spans: [] });
    lines.push(...measureLines);
  }

  // Korrelationer: input | input | rank
  const cs = sheetOf(WORKBOOK_SHEETS.correlations);
  const corrLines: Line[] = [];
  for (const r of cs ? await rowsOf(WORKBOOK_SHEETS.correlations) : []) {
    if (r.row === 1) continue;
    const a = get(r, 1);
    const b = get(r, 2);
    const rank = get(r, 3);
    if (a === undefined && b === undefined && rank === undefined) continue;
    const text = `  - {between: [${JSON.stringify(String(a ?? ''))}, ${JSON.stringify(String(b ?? ''))}], rank: `;
    corrLines.push({
      text: text + (rank === undefined ? 'null' : scalar(rank)) + '}',
      spans: [
        { col: 1, cell: at(cs!.name, 1, r.row) },
        { col: text.length + 1, cell: at(cs!.name, 3, r.row) },
      ],
    });
  }
  if (cs) {
    lines.push({ text: corrLines.length ? 'correlations:' : 'correlations: []', spans: [] });
    lines.push(...corrLines);
  }

  const cellAt = (line: number, column?: number): string | undefined => {
    const l = lines[line - 1];
    if (!l || !l.spans.length) return undefined;
    let best = l.spans[0];
    for (const s of l.spans) if (column !== undefined && s.col <= column) best = s;
    return best.cell;
  };
  return { text: lines.map((l) => l.text).join('\n') + '\n', cellAt };
}

/**
 * Load an assumptions workbook as a scenario (see the module comment). Problems the scenario
 * loader finds in the workbook's YAML are reported at the workbook's cell.
 *
 * @example
 * const def = await loadScenarioWorkbook('budget.xlsx');
 */
export async function loadScenarioWorkbook(file: string, opts: LoadScenarioOptions = {}): Promise<ScenarioDef> {
  const { text, cellAt } = await workbookScenarioYaml(file);
  // a place in the YAML text made from the workbook, as the workbook's cell (errors and the inputs' provenance)
  const toCell = (loc: InputLocation): InputLocation => {
    if (loc.file !== file || loc.line === undefined) return loc;
    const cell = cellAt(loc.line, typeof loc.column === 'number' ? loc.column : undefined);
    return cell ? { file, cell } : { file };
  };
  try {
    const def = loadScenario(file, { ...opts, text });
    return {
      ...def,
      written: new Map([...def.written].map(([k, v]) => [k, toCell(v)])),
      locate: (path) => toCell(def.locate(path)),
    };
  } catch (e) {
    if (e instanceof InputError && e.location.file === file && e.location.line !== undefined)
      throw new InputError(toCell(e.location), e.msg ?? e.expected, e.foundMsg ?? e.found);
    throw e;
  }
}

/**
 * Load a scenario: an assumptions workbook (`.xlsx`) or a YAML file / bundled id.
 *
 * @example
 * const def = await loadAnyScenario('budget.xlsx');
 */
export async function loadAnyScenario(ref: string, opts: LoadScenarioOptions = {}): Promise<ScenarioDef> {
  return /\.xlsx$/i.test(ref) ? loadScenarioWorkbook(ref, opts) : loadScenario(ref, opts);
}
