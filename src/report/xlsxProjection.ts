/**
 * The live part of report.xlsx: the central projection's inputs as numbers on the
 * Antagelser sheet, and a projection sheet whose path (henvendelser, forløb, forbrug,
 * bevilling, merforbrug) is formulas over them, the formulas of `scenario/projection.ts`.
 * Change a growth rate on Antagelser and Excel or LibreOffice recomputes the path. Beside
 * the formulas, the engine's own central run as numbers, and the difference.
 */
import type { Lang } from '../text/number.js';
import type { ProjectionInputs, ProjectionYear } from '../scenario/projection.js';
import { neutraliseCell } from './escape.js';

/** The part of an exceljs worksheet used here. */
interface Sheet {
  getCell(
    r: number,
    c: number,
  ): { value: unknown; font?: unknown; fill?: unknown; alignment?: unknown; numFmt?: string };
  getColumn(c: number): { width?: number };
  views: unknown[];
  autoFilter?: unknown;
}

/** Absolute references to the input cells on the Antagelser sheet, by key. */
export type InputCells = Map<string, string>;

const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };

/** A sheet name quoted for a formula. */
function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Write the inputs of the central projection from row `row` of the Antagelser sheet (caption,
 * header, one row per input: label, value as a number, unit, source); returns the cells.
 *
 * @example
 * const cells = writeProjectionInputs(ws, 40, 'Antagelser', projection.inputs, 'da', 'Basisforløb');
 * cells.get('growth') // "'Antagelser'!$B$43"
 */
export function writeProjectionInputs(
  ws: Sheet,
  row: number,
  sheetName: string,
  p: ProjectionInputs,
  lang: Lang,
  scenario: string,
): InputCells {
  const da = lang === 'da';
  const src = da
    ? `median af input i »${scenario}« (se tabellen ovenfor)`
    : `median of the inputs of “${scenario}” (see the table above)`;
  const share = da ? 'andel pr. år' : 'share a year';
  const rows: [string, string, number, string, string][] = [
    [
      'h0',
      da ? `Henvendelser i basisåret ${p.baseYear}` : `Requests in the base year ${p.baseYear}`,
      p.henvendelser0,
      da ? 'antal' : 'count',
      '#,##0',
    ],
    ...(p.demand.kind === 'growth'
      ? ([
          ['growth', da ? 'Årlig vækst i henvendelser' : 'Yearly growth of requests', p.demand.growth, share, '0.0000'],
          [
            'demandNoise',
            da ? 'Årlig støj på henvendelser (log-sd)' : 'Yearly noise of requests (log sd)',
            p.demand.noiseSd,
            'log-sd',
            '0.0000',
          ],
        ] as [string, string, number, string, string][])
      : []),
    [
      'v0',
      da ? 'Visitationsrate i basisåret' : 'Visitation rate in the base year',
      p.visitation0,
      da ? 'forløb pr. henvendelse' : 'cases per request',
      '0.0000',
    ],
    [
      'visDrift',
      da ? 'Årlig drift i visitationsraten' : 'Yearly drift of the visitation rate',
      p.visDrift,
      share,
      '0.0000',
    ],
    [
      'visNoise',
      da ? 'Årlig støj på visitationsraten (log-sd)' : 'Yearly noise of the visitation rate (log sd)',
      p.visNoiseSd,
      'log-sd',
      '0.0000',
    ],
    ['fixed', da ? 'Fast omkostning' : 'Fixed cost', p.fixedCost, da ? 'mio. kr.' : 'DKK m', '#,##0.00'],
    [
      'costNoise',
      da ? 'Omkostningsmodellens residual' : 'Residual of the cost model',
      p.costNoise,
      da ? 'mio. kr.' : 'DKK m',
      '#,##0.00',
    ],
    [
      'unit',
      da ? 'Pris pr. forløb (basisårets priser)' : 'Cost per case (base-year prices)',
      p.unitCost,
      da ? '1.000 kr.' : 'DKK 1,000',
      '#,##0.00',
    ],
    ...(p.priceGrowth !== null
      ? ([
          [
            'priceGrowth',
            da ? 'Årlig prisudvikling pr. forløb' : 'Yearly price growth per case',
            p.priceGrowth,
            share,
            '0.0000',
          ],
        ] as [string, string, number, string, string][])
      : []),
    [
      'bevBase',
      da ? `Bevilling i basisåret ${p.baseYear}` : `Appropriation in the base year ${p.baseYear}`,
      p.bevBase,
      da ? 'mio. kr.' : 'DKK m',
      '#,##0.0',
    ],
    [
      'bevGrowth',
      da ? 'Bevillingens årlige udvikling' : 'Yearly change of the appropriation',
      p.bevGrowth,
      share,
      '0.0000',
    ],
    [
      'bevNoise',
      da ? 'Årlig støj på bevillingen (log-sd)' : 'Yearly noise of the appropriation (log sd)',
      p.bevNoiseSd,
      'log-sd',
      '0.0000',
    ],
    ...p.measures.map((x, j): [string, string, number, string, string] => [
      `measure${j}`,
      da ? `Tiltag ${x.id}: fuld effekt (på ${x.actsOn})` : `Measure ${x.id}: full effect (on ${x.actsOn})`,
      x.effect,
      da ? 'relativ ændring' : 'relative change',
      '0.0000',
    ]),
  ];
  const cap = ws.getCell(row, 1);
  cap.value = neutraliseCell(
    da
      ? `Fremskrivningens input (centrale værdier; ret dem, og arket ${projectionSheetName(lang)} regner om)`
      : `Inputs of the projection (central values; change them and the sheet ${projectionSheetName(lang)} recomputes)`,
  );
  cap.font = { bold: true, size: 12 };
  const head = [da ? 'Input' : 'Input', da ? 'Værdi' : 'Value', da ? 'Enhed' : 'Unit', da ? 'Kilde' : 'Source'];
  head.forEach((h, j) => {
    const c = ws.getCell(row + 1, j + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = HEAD_FILL;
  });
  const cells: InputCells = new Map();
  rows.forEach(([key, label, value, unit, fmt], i) => {
    const r = row + 2 + i;
    ws.getCell(r, 1).value = neutraliseCell(label);
    const v = ws.getCell(r, 2);
    v.value = Number(value.toPrecision(15));
    v.numFmt = fmt;
    ws.getCell(r, 3).value = neutraliseCell(unit);
    ws.getCell(r, 4).value = neutraliseCell(src);
    cells.set(key, `${sheetRef(sheetName)}!$B$${r}`);
  });
  return cells;
}

/**
 * The name of the projection sheet.
 *
 * @example
 * projectionSheetName('da') // 'Fremskrivning'
 */
export function projectionSheetName(lang: Lang): string {
  return lang === 'da' ? 'Fremskrivning' : 'Projection';
}

/**
 * Where the projection's known values stand, per year of the projection (null: none): the bevilling of a
 * year (`file:line` of a --data file, `set: 'data'`, or the scenario file's line, `set: 'scenario'`) and a year's
 * known forbrug (`file:line` of a --data file).
 */
export interface KnownSources {
  bevilling: ({ at: string; set: 'data' | 'scenario' } | null)[];
  forbrug: (string | null)[];
}

/**
 * The note under the projection saying what each marked cell is: the data's value (with its file:line) or an
 * amount set in the scenario file (with its file:line), in the order of the years.
 *
 * @example
 * knownNote({ bevilling: [{ at: 'mine.csv:2', set: 'data' }], forbrug: [null] }, [2025], 'da')
 * // 'Gul baggrund: kendt, ikke fremskrevet (kolonnen »Kendt fra«): bevilling 2025 fra data (mine.csv:2).'
 */
export function knownNote(sources: KnownSources | undefined, years: readonly number[], lang: Lang): string {
  const da = lang === 'da';
  const cells: string[] = [];
  years.forEach((year, t) => {
    const b = sources?.bevilling[t];
    if (b)
      cells.push(
        b.set === 'data'
          ? `${da ? 'bevilling' : 'appropriation'} ${year} ${da ? 'fra data' : 'from the data'} (${b.at})`
          : `${da ? 'bevilling' : 'appropriation'} ${year} ${da ? 'sat i scenariefilen' : 'set in the scenario file'} (${b.at})`,
      );
    const f = sources?.forbrug[t];
    if (f) cells.push(`${da ? 'forbrug' : 'spending'} ${year} ${da ? 'fra data' : 'from the data'} (${f})`);
  });
  if (!cells.length)
    return da
      ? 'Gul baggrund: kendt fra data, ikke fremskrevet.'
      : 'Yellow background: known from the data, not projected.';
  return da
    ? `Gul baggrund: kendt, ikke fremskrevet (kolonnen »Kendt fra«): ${cells.join(', ')}.`
    : `Yellow background: known, not projected (the column "Known from"): ${cells.join(', ')}.`;
}

const KNOWN_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

/** Column numbers of the projection sheet. */
export const PROJECTION_COLUMNS = {
  year: 1,
  base: 2,
  henvendelser: 3,
  visitation: 4,
  forloeb: 5,
  price: 6,
  forbrug: 7,
  bevilling: 8,
  merforbrug: 9,
  plRate: 10,
  known: 11,
  engine: 12,
  diff: 13,
  phase0: 14,
} as const;

/**
 * The columns after the measures' phases when a year's forbrug is known (absent otherwise): the known forbrug,
 * the scale of that year's henvendelser and forløb to it (1 in the other years), and where the year's known
 * values stand (`file:line`).
 *
 * @example
 * knownColumns(projection.inputs) // { forbrug: 14, scale: 15, from: 16 } with no measures
 */
export function knownColumns(
  p: Pick<ProjectionInputs, 'measures' | 'forbrugKnown'>,
  sources?: KnownSources,
): { forbrug?: number; scale?: number; from?: number } {
  const first = PROJECTION_COLUMNS.phase0 + p.measures.length;
  const forbrug = p.forbrugKnown.some((x) => x !== null);
  const cited = !!sources && [...sources.bevilling, ...sources.forbrug].some((x) => x !== null);
  return {
    ...(forbrug ? { forbrug: first, scale: first + 1 } : {}),
    ...(cited ? { from: first + (forbrug ? 2 : 0) } : {}),
  };
}

/**
 * Write the projection sheet: header in row 1 (frozen, with an autofilter), one row per year
 * from row 2, formulas over the input cells, the engine's central run beside them. A year whose
 * forbrug is known (`p.forbrugKnown`) has that forbrug (its henvendelser and forløb scaled to it, as
 * the engine does, the later years going on from there), marked with a fill and, with `sources`, where
 * it stands; a known bevilling likewise.
 *
 * @example
 * writeProjectionSheet(wb.addWorksheet('Fremskrivning'), projection.inputs, projection.engine, cells, 'da');
 */
export function writeProjectionSheet(
  ws: Sheet,
  p: ProjectionInputs,
  engine: ProjectionYear[],
  cells: InputCells,
  lang: Lang,
  sources?: KnownSources,
): void {
  const da = lang === 'da';
  const C = PROJECTION_COLUMNS;
  const K = knownColumns(p, sources);
  const letter = (c: number) =>
    c <= 26
      ? String.fromCharCode(64 + c)
      : String.fromCharCode(64 + Math.floor((c - 1) / 26)) + String.fromCharCode(65 + ((c - 1) % 26));
  const mio = da ? 'mio. kr.' : 'DKK m';
  const headers: [number, string][] = [
    [C.year, da ? 'År' : 'Year'],
    [C.base, da ? 'Henvendelser før tiltag (antal)' : 'Requests before measures (count)'],
    [C.henvendelser, da ? 'Henvendelser (antal)' : 'Requests (count)'],
    [C.visitation, da ? 'Visitationsrate (forløb pr. henvendelse)' : 'Visitation rate (cases per request)'],
    [C.forloeb, da ? 'Forløb (antal)' : 'Cases (count)'],
    [C.price, da ? 'Prisindeks (basisår = 1)' : 'Price index (base year = 1)'],
    [C.forbrug, `${da ? 'Forbrug' : 'Spending'} (${mio})`],
    [C.bevilling, `${da ? 'Bevilling' : 'Appropriation'} (${mio})`],
    [C.merforbrug, `${da ? 'Merforbrug' : 'Overspend'} (${mio})`],
    [C.plRate, da ? 'PL-regulering af bevillingen (andel)' : 'PL indexation of the appropriation (share)'],
    [C.known, `${da ? 'Kendt bevilling' : 'Known appropriation'} (${mio})`],
    [C.engine, `${da ? 'Forbrug, motorens centrale kørsel' : "Spending, the engine's central run"} (${mio})`],
    [C.diff, `${da ? 'Forskel formel − motor' : 'Difference formula − engine'} (${mio})`],
    ...p.measures.map((x, j): [number, string] => [
      C.phase0 + j,
      da ? `Indfasning af ${x.id} (andel)` : `Phase-in of ${x.id} (share)`,
    ]),
    ...(K.forbrug !== undefined && K.scale !== undefined
      ? ([
          [K.forbrug, `${da ? 'Kendt forbrug' : 'Known spending'} (${mio})`],
          [
            K.scale,
            da
              ? 'Henvendelser og forløb skaleret til det kendte forbrug (faktor)'
              : 'Requests and cases scaled to the known spending (factor)',
          ],
        ] as [number, string][])
      : []),
    ...(K.from !== undefined
      ? ([[K.from, da ? 'Kendt fra (fil:linje)' : 'Known from (file:line)']] as [number, string][])
      : []),
  ];
  for (const [c, h] of headers) {
    const cell = ws.getCell(1, c);
    cell.value = neutraliseCell(h);
    cell.font = { bold: true };
    cell.fill = HEAD_FILL;
    cell.alignment = { horizontal: c === C.year ? 'left' : 'right', vertical: 'top', wrapText: true };
    ws.getColumn(c).width = c === C.year ? 8 : c === K.from ? 40 : 16;
  }
  const ref = (k: string) => {
    const r = cells.get(k);
    if (!r) throw new Error(`projection input ${k} not written`);
    return r;
  };
  const factor = (acts: string, r: number) =>
    p.measures
      .map((x, j) => (x.actsOn === acts ? `*(1+${ref(`measure${j}`)}*${letter(C.phase0 + j)}${r})` : ''))
      .join('');
  const set = (r: number, c: number, v: number | string, fmt: string) => {
    const cell = ws.getCell(r, c);
    cell.value = typeof v === 'number' ? Number(v.toPrecision(15)) : { formula: v };
    cell.numFmt = fmt;
  };
  const mark = (r: number, c: number) => void (ws.getCell(r, c).fill = KNOWN_FILL);
  // with a known forbrug: a year's henvendelser (before measures) go on from the year before's scaled level
  const scaled = (c: string, r: number) => (K.scale !== undefined ? `${c}${r}*${letter(K.scale)}${r}` : `${c}${r}`);
  p.years.forEach((year, t) => {
    const r = t + 2;
    const prev = r - 1;
    set(r, C.year, year, '0');
    if (p.demand.kind === 'growth')
      set(
        r,
        C.base,
        `${t === 0 ? ref('h0') : scaled(letter(C.base), prev)}*(1+${ref('growth')})*EXP(-(${ref('demandNoise')}^2)/2)`,
        '#,##0',
      );
    else if (K.scale !== undefined && t > 0)
      set(
        r,
        C.base,
        `${Number(p.demand.values[t].toPrecision(15))}*PRODUCT(${letter(K.scale)}$2:${letter(K.scale)}${prev})`,
        '#,##0',
      );
    else set(r, C.base, p.demand.values[t], '#,##0');
    const scale = K.scale !== undefined ? `*${letter(K.scale)}${r}` : '';
    set(r, C.henvendelser, `${letter(C.base)}${r}${factor('henvendelser', r)}${scale}`, '#,##0');
    set(
      r,
      C.visitation,
      `${t === 0 ? ref('v0') : `${letter(C.visitation)}${prev}`}*(1+${ref('visDrift')})*EXP(-(${ref('visNoise')}^2)/2)`,
      '0.0000',
    );
    set(
      r,
      C.forloeb,
      `${letter(C.henvendelser)}${r}*${letter(C.visitation)}${r}${factor('visitation', r)}${factor('forloeb', r)}`,
      '#,##0',
    );
    if (p.priceGrowth === null) set(r, C.price, p.plIndex[t], '0.0000');
    else set(r, C.price, `${t === 0 ? '1' : `${letter(C.price)}${prev}`}*(1+${ref('priceGrowth')})`, '0.0000');
    const cost = `${letter(C.price)}${r}*(${ref('fixed')}+${ref('costNoise')}+${ref('unit')}/1000${factor('unit_cost', r)}*${letter(C.forloeb)}${r})`;
    if (K.forbrug !== undefined && K.scale !== undefined) {
      const kf = `${letter(K.forbrug)}${r}`;
      // the variable cost before the scaling (the engine's forbrug minus its fixed part), and the fixed part
      const variable = `${letter(C.price)}${r}*${ref('unit')}/1000${factor('unit_cost', r)}*${letter(C.base)}${r}${factor('henvendelser', r)}*${letter(C.visitation)}${r}${factor('visitation', r)}${factor('forloeb', r)}`;
      const fixed = `${letter(C.price)}${r}*(${ref('fixed')}+${ref('costNoise')})`;
      set(r, K.scale, `IF(ISNUMBER(${kf}),IF(${variable}>0,MAX(${kf}-${fixed},0)/(${variable}),1),1)`, '0.0000');
      set(r, C.forbrug, `IF(ISNUMBER(${kf}),${kf},${cost})`, '#,##0.0');
      const kv = p.forbrugKnown[t];
      if (kv !== null) {
        set(r, K.forbrug, kv, '#,##0.0');
        mark(r, K.forbrug);
        mark(r, C.forbrug);
      }
    } else set(r, C.forbrug, cost, '#,##0.0');
    const known = p.bevKnown[t];
    if (known !== null) set(r, C.known, known, '#,##0.0');
    if (known !== null && sources?.bevilling[t]) {
      mark(r, C.known);
      mark(r, C.bevilling);
    }
    if (K.from !== undefined) {
      const from = [
        sources?.bevilling[t] ? `${da ? 'bevilling' : 'appropriation'} ${sources.bevilling[t]!.at}` : '',
        sources?.forbrug[t] ? `${da ? 'forbrug' : 'spending'} ${sources.forbrug[t]}` : '',
      ].filter(Boolean);
      if (from.length) ws.getCell(r, K.from).value = neutraliseCell(from.join('; '));
    }
    set(r, C.plRate, p.bevPlRate[t], '0.0000');
    const bevPrev = t === 0 ? ref('bevBase') : `${letter(C.bevilling)}${prev}`;
    set(
      r,
      C.bevilling,
      `IF(ISNUMBER(${letter(C.known)}${r}),${letter(C.known)}${r},${bevPrev}*(1+${letter(C.plRate)}${r})*(1+${ref('bevGrowth')})*EXP(-(${ref('bevNoise')}^2)/2))`,
      '#,##0.0',
    );
    set(r, C.merforbrug, `${letter(C.forbrug)}${r}-${letter(C.bevilling)}${r}`, '#,##0.0');
    set(r, C.engine, engine[t].forbrug, '#,##0.0');
    set(r, C.diff, `${letter(C.forbrug)}${r}-${letter(C.engine)}${r}`, '0.000000');
    p.measures.forEach((x, j) => set(r, C.phase0 + j, x.phase[t], '0.00'));
  });
  const note = ws.getCell(p.years.length + 3, 1);
  note.value = neutraliseCell(
    da
      ? 'Den centrale fremskrivning: alle input ved deres median og hvert års stød ved sin median (et log-normalt stød har median e^(−sd²/2)). Formlerne regner på arket Antagelser; kolonnen »motorens centrale kørsel« er scenariemotorens egen kørsel med de samme værdier. Monte Carlo-fordelingen står på arket Kvantiler.'
      : "The central projection: every input at its median and every year's shock at its median (a log-normal shock has median e^(−sd²/2)). The formulas read the Assumptions sheet; the column \"the engine's central run\" is the scenario engine's own run with the same values. The Monte Carlo distribution is on the Quantiles sheet.",
  );
  note.font = { italic: true };
  if (K.forbrug !== undefined || K.from !== undefined) {
    const k = ws.getCell(p.years.length + 4, 1);
    k.value = neutraliseCell(
      da
        ? `${knownNote(sources, p.years, lang)} ${K.forbrug !== undefined ? 'Et år med kendt forbrug har det forbrug i hver kørsel; henvendelser og forløb er skaleret til det (faktoren i kolonnen ved siden af), og årene efter går videre fra det niveau, som i motoren.' : ''}`.trimEnd()
        : `${knownNote(sources, p.years, lang)} ${K.forbrug !== undefined ? 'A year with known spending has that spending in every run; requests and cases are scaled to it (the factor in the column beside it), and the later years go on from that level, as in the engine.' : ''}`.trimEnd(),
    );
    k.font = { italic: true };
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
  ws.autoFilter = {
    from: { row: 1, column: 1 },
    to: {
      row: p.years.length + 1,
      column: Math.max(C.diff, C.phase0 + p.measures.length - 1, K.scale ?? 0, K.from ?? 0),
    },
  };
}
