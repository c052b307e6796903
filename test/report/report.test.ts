/**
 * The report files: byte-identical for the same inputs and seed (timestamps only in the
 * manifest), Danish by default and English with lang en, user-supplied names escaped in
 * HTML and neutralised in XLSX, PNG charts beside the Markdown, a complete manifest.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuildReportOptions, type BuiltReport } from '../../src/report/build.js';
import { sha256 } from '../../src/report/manifest.js';
import { WORKBOOK_DATE } from '../../src/report/xlsx.js';

const FAST = { runs: 4_000, gridRuns: 1_000, grid: [0, 0.05, 0.1, 0.15], seed: 5 } satisfies BuildReportOptions;

function withoutManifest(files: Record<string, string | Uint8Array>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(files)) if (k !== 'manifest.json') out[k] = sha256(v);
  return out;
}

describe('report files', () => {
  let a: BuiltReport;
  let dir = '';
  let evil = '';
  beforeAll(async () => {
    a = await buildReport({ ...FAST, png: true });
    dir = mkdtempSync(join(tmpdir(), 'viso-report-test-'));
    evil = join(dir, 'evil.yaml');
    writeFileSync(
      evil,
      [`extends: ${JSON.stringify(resolve('models/scenarios/baseline.yaml'))}`, 'id: evil', `name: '=HYPERLINK("http://x") </script><script>alert(1)</script> & co'`, ''].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('same inputs and seed give byte-identical HTML, Markdown, XLSX and charts', async () => {
    const b = await buildReport({ ...FAST, png: true });
    expect(withoutManifest(b.files)).toEqual(withoutManifest(a.files));
    // the manifest differs only in time-dependent fields
    const strip = (m: BuiltReport['manifest']) => ({ ...m, generatedAt: '', timingsMs: {}, outputs: m.outputs.filter((o) => o.path !== 'manifest.json') });
    expect(strip(b.manifest)).toEqual(strip(a.manifest));
  });

  it('a different seed changes the numbers', async () => {
    const c = await buildReport({ ...FAST, seed: 6, png: false });
    expect(sha256(c.files['report.html'])).not.toBe(sha256(a.files['report.html']));
  });

  it('writes HTML, Markdown with PNG charts, XLSX, Vega-Lite JSON and the manifest', () => {
    const names = Object.keys(a.files);
    expect(names).toEqual(expect.arrayContaining(['report.html', 'report.md', 'report.xlsx', 'manifest.json', 'charts/budget.png', 'charts/budget.vl.json', 'charts/p-merforbrug.png']));
    // every PNG referenced by the Markdown exists, and is a PNG
    const md = a.files['report.md'] as string;
    const refs = [...md.matchAll(/\]\((charts\/[^)]+\.png)\)/g)].map((m) => m[1]);
    expect(refs.length).toBe(a.charts.filter((c) => !c.interactiveOnly).length);
    for (const r of refs) expect(Buffer.from(a.files[r] as Uint8Array).subarray(1, 4).toString()).toBe('PNG');
    // the interactive what-if chart is only in the HTML
    expect(names).not.toContain('charts/what-if.png');
  });

  it('every chart of the real report is valid against the Vega-Lite schema', async () => {
    const { createRequire } = await import('node:module');
    const { readFileSync } = await import('node:fs');
    const require = createRequire(import.meta.url);
    const Ajv = require('ajv');
    const ajv = new Ajv({ allErrors: true, schemaId: 'auto' });
    ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
    const validate = ajv.compile(JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')));
    expect(a.charts.length).toBeGreaterThanOrEqual(10);
    for (const c of a.charts) expect(validate(c.spec) ? [] : validate.errors.slice(0, 2), c.id).toEqual([]);
  });

  it('HTML is self-contained: no external URLs to load, every chart spec embedded', () => {
    const html = a.files['report.html'] as string;
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).not.toMatch(/https?:\/\/cdn|unpkg|jsdelivr/);
    for (const c of a.charts) expect(html).toContain(`data-chart="${c.id}"`);
    expect(html).toContain('vegaEmbed');
  });

  it('is Danish by default: headline with P(merforbrug) and Danish numbers', () => {
    const md = a.files['report.md'] as string;
    expect(md).toMatch(/P\(merforbrug 2026\) = \d+,\d %/);
    expect(md).toMatch(/MC-usikkerhed ±\d+,\d+ pp/);
    expect(md).toMatch(/\d+,\d mio\. kr\./);
    expect(a.files['report.html'] as string).toContain('<html lang="da">');
  });

  it('English with lang en', async () => {
    const e = await buildReport({ ...FAST, lang: 'en', png: false });
    const md = e.files['report.md'] as string;
    expect(md).toMatch(/P\(overspend 2026\) = \d+\.\d%/);
    expect(md).toMatch(/DKK \d+\.\dm/);
    expect(md).toContain('## Appendix: sources');
    expect(e.files['report.html'] as string).toContain('<html lang="en">');
    // scenario names, assumption labels and forecast notes in English too (not only the report's own strings)
    expect(md).toContain('Baseline – no new measures');
    expect(md).toContain('Assumption: the appropriation after 2024 is unknown');
    expect(md).toMatch(/Assumed PL indexation of 2\.0% a year/);
    expect(md).not.toMatch(/Antagelse|Antaget|Basisforløb|mangler: lineært/);
    expect(md).toContain('| Year | Forecast | 50% low | 50% high | 80% low | 80% high | 95% low | 95% high |');
  });

  it('provenance appendix lists every source document of data/sources.csv', () => {
    const md = a.files['report.md'] as string;
    const appendix = md.slice(md.indexOf('## Bilag: kilder'));
    for (const s of a.model.sources) expect(appendix).toContain(`| ${s.doc} |`);
    expect(a.model.sources.length).toBeGreaterThanOrEqual(5);
  });

  it('manifest: input hashes, package versions, seed, timings', () => {
    const m = a.manifest;
    expect(m.seed).toBe(5);
    expect(m.inputs.map((i) => i.path)).toEqual(expect.arrayContaining(['data/viso.csv', 'data/sources.csv', 'data/events.csv', 'models/scenarios/baseline.yaml']));
    for (const i of m.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(m.packages)).toEqual(expect.arrayContaining(['vega', 'vega-lite', 'vega-embed', 'exceljs']));
    expect(m.timingsMs.total).toBeGreaterThan(0);
    expect(m.outputs.find((o) => o.path === 'report.html')?.sha256).toBe(sha256(a.files['report.html']));
  });

  it('escapes user-supplied names in HTML and neutralises them in XLSX', async () => {
    const r = await buildReport({ ...FAST, scenarios: [evil], png: false });
    const html = r.files['report.html'] as string;
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
    // inside the embedded specs the name is JSON with \u003c escapes
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files['report.xlsx'] as Uint8Array) as never);
    const texts: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value)))));
    const named = texts.filter((x) => x.includes('HYPERLINK'));
    expect(named.length).toBeGreaterThan(0);
    for (const x of named) expect(x.startsWith("'") || !/^[=+\-@]/.test(x)).toBe(true);
    expect(texts.some((x) => /^[=+@]/.test(x))).toBe(false);
    // no formulas anywhere
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas++))));
    expect(formulas).toBe(0);
  });

  it('XLSX: numbers are numbers with formats, fixed document dates', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a.files['report.xlsx'] as Uint8Array) as never);
    expect(wb.created?.toISOString()).toBe(WORKBOOK_DATE.toISOString());
    const hist = wb.getWorksheet('Historik')!;
    let found = false;
    hist.eachRow((row) => {
      if (row.getCell(1).value === 2020 && row.getCell(2).value === 140.2) {
        found = true;
        expect(row.getCell(3).value).toBe(143.9);
        expect(row.getCell(3).numFmt).toBe('#,##0.0');
      }
    });
    expect(found).toBe(true);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Oversigt', 'Historik', 'Prognoser', 'Scenarier', 'Kilder']));
  });

  it('the headline goal seek is goalSeek on the full runs (the same answer as `viso scenario goal-seek`), with its MC interval', async () => {
    const { goalSeek } = await import('../../src/scenario/goal-seek.js');
    const { loadScenario } = await import('../../src/scenario/load.js');
    const w = a.model.whatIf!;
    const g = goalSeek(loadScenario('baseline'), { lever: 'visitation', target: `P(merforbrug>0, ${w.year}) <= ${w.target}`, runs: FAST.runs, seed: FAST.seed, tolerance: 1e-4 });
    expect(w.solution).toBe(-g.change);
    expect(w.goalSeek).toEqual({ lower: -g.changeInterval[1], upper: -g.changeInterval[0], p: g.p, p0: g.p0, runs: FAST.runs });
    const pct = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;
    expect(a.files['report.md'] as string).toContain(`kræves en skærpelse af visitationen på ${pct(w.solution!)} (95 % MC-interval ${pct(w.goalSeek!.lower)}–${pct(w.goalSeek!.upper)}`);
  });

  it('forecast table: point and intervals per year beside the baseline scenario, with the note on the difference', () => {
    const f = a.model.forecasts.find((x) => x.id === 'forbrug')!;
    const md = a.files['report.md'] as string;
    const sec = md.slice(md.indexOf('## Prognoser'), md.indexOf('## Scenarier'));
    expect(sec).toContain('| År | Prognose | 50 % lav | 50 % høj | 80 % lav | 80 % høj | 95 % lav | 95 % høj | »Basisforløb – ingen nye tiltag«, median |');
    const base = a.model.scenarios.find((s) => s.result.id === 'baseline')!.result;
    const y0 = f.fan.years[0];
    const fmt = (x: number) => x.toFixed(1).replace('.', ',');
    const iv80 = f.fan.intervals.find((iv) => iv.level === 80)!;
    expect(sec).toContain(`| ${y0} | ${fmt(f.fan.point[0])} |`);
    expect(sec).toContain(`| ${fmt(iv80.lower[0])} | ${fmt(iv80.upper[0])} |`);
    expect(sec).toContain(`| ${fmt(base.years.find((y) => y.year === y0)!.forbrug.p50)} |`);
    expect(sec).toMatch(/ren tidsserieprognose af forbrug \(Ensemble: 0,5 × Globalt neuralt netværk/); // auto is the ensemble now (was the median combination)
  });
});
