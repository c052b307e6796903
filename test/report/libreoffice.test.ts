/**
 * report.xlsx checked with a real spreadsheet engine: LibreOffice headless (Debian
 * libreoffice-calc-nogui, installed by scripts/setup-system.sh) opens the workbook, recalculates
 * its formulas and saves it; the recomputed projection must equal the scenario engine's own
 * central run, and a growth rate changed on the Antagelser sheet must recompute the path as the
 * engine's formulas do. Skipped (with a message) only when soffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { openXlsx } from '../../src/io/xlsx.js';
import { loadScenario } from '../../src/scenario/load.js';
import { prepareScenario } from '../../src/scenario/scenario.js';
import {
  centralProjection,
  engineCentralPath,
  projectionInputs,
  type ProjectionYear,
} from '../../src/scenario/projection.js';
import { PROJECTION_COLUMNS as C } from '../../src/report/xlsxProjection.js';
import { viso } from '../helpers/cli.js';

const SOFFICE = ['/usr/bin/soffice', '/usr/local/bin/soffice'].find((p) => existsSync(p));
if (!SOFFICE)
  console.warn(
    'libreoffice.test.ts skipped: soffice not found (apt-get install --no-install-recommends libreoffice-calc-nogui, see scripts/setup-system.sh)',
  );
const tmp = mkdtempSync(join(tmpdir(), 'viso-lo-'));

/** Open, recalculate and save a workbook with LibreOffice; returns the saved copy. */
function recalc(file: string, outDir: string): string {
  const r = spawnSync(
    SOFFICE!,
    [
      '--headless',
      '--norestore',
      `-env:UserInstallation=file://${join(tmp, 'profile')}`,
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      file,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const out = join(outDir, file.split('/').pop()!);
  if (!existsSync(out)) throw new Error(`soffice did not convert ${file}: ${r.stderr}`);
  return out;
}

/** The projection sheet's recomputed path. */
async function projected(file: string): Promise<ProjectionYear[]> {
  const wb = await openXlsx(file);
  const s = wb.sheets.find((x) => x.name === 'Fremskrivning')!;
  const out: ProjectionYear[] = [];
  for (const r of await wb.rows(s)) {
    if (r.row === 1) continue;
    const v = (c: number) => r.cells.find((x) => x.col === c)?.value;
    if (typeof v(C.year) !== 'number') continue;
    out.push({
      year: v(C.year) as number,
      henvendelser: v(C.henvendelser) as number,
      forloeb: v(C.forloeb) as number,
      forbrug: v(C.forbrug) as number,
      bevilling: v(C.bevilling) as number,
      merforbrug: v(C.merforbrug) as number,
    });
  }
  return out;
}

function expectSamePath(got: ProjectionYear[], want: ProjectionYear[]) {
  expect(got.map((y) => y.year)).toEqual(want.map((y) => y.year));
  for (let t = 0; t < want.length; t++) {
    for (const k of ['henvendelser', 'forloeb', 'forbrug', 'bevilling', 'merforbrug'] as const) {
      expect(typeof got[t][k]).toBe('number');
      const rel = Math.abs(got[t][k] - want[t][k]) / Math.max(1, Math.abs(want[t][k]));
      expect([want[t].year, k, rel < 1e-9]).toEqual([want[t].year, k, true]);
    }
  }
}

describe.skipIf(!SOFFICE)("LibreOffice's recalculation of report.xlsx matches the engine", () => {
  for (const id of ['baseline', 'tightening-2021']) {
    it(`${id}: the recomputed central projection equals the engine's central run`, async () => {
      const dir = join(tmp, id);
      const r = viso('report', '--scenario', id, '--runs', '2000', '--no-png', '--out', dir);
      expect(r.code).toBe(0);
      const lo = recalc(join(dir, 'report.xlsx'), join(dir, 'lo'));
      expectSamePath(await projected(lo), engineCentralPath(prepareScenario(loadScenario(id))));
    });
  }
  it('a growth rate changed on the Antagelser sheet recomputes the path', async () => {
    const dir = join(tmp, 'baseline');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'report.xlsx'));
    const ws = wb.getWorksheet('Antagelser')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (String(r.getCell(1).value) === 'Årlig vækst i henvendelser') row = n;
    });
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 2).value = 0.01;
    const changed = join(tmp, 'changed.xlsx');
    await wb.xlsx.writeFile(changed);
    const lo = recalc(changed, join(tmp, 'lo-changed'));
    const p = projectionInputs(prepareScenario(loadScenario('baseline')));
    if (p.demand.kind !== 'growth') throw new Error('baseline has a growth demand model');
    const want = centralProjection({ ...p, demand: { ...p.demand, growth: 0.01 } });
    expectSamePath(await projected(lo), want);
    expect(want[2].forbrug).toBeLessThan(centralProjection(p)[2].forbrug);
  });
});
