/**
 * The report files: byte-identical for the same inputs and seed (timestamps only in the
 * manifest), Danish by default and English with lang en, user-supplied names escaped in
 * HTML and neutralised in XLSX, PNG charts beside the Markdown, a complete manifest.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildReport, type BuildReportOptions, type BuiltReport } from '../../src/report/build.js';
import { sha256 } from '../../src/report/manifest.js';
import { WORKBOOK_DATE } from '../../src/report/xlsx.js';
import { costResidualTable, measuresTable, phaseInText, scenarioTable } from '../../src/report/tables.js';
import { formatNumber } from '../../src/text/number.js';

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
      [
        `extends: ${JSON.stringify(resolve('models/scenarios/baseline.yaml'))}`,
        'id: evil',
        `name: '=HYPERLINK("http://x") </script><script>alert(1)</script> & co'`,
        '',
      ].join('\n'),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('same inputs and seed give byte-identical HTML, Markdown, XLSX and charts', async () => {
    const b = await buildReport({ ...FAST, png: true });
    expect(withoutManifest(b.files)).toEqual(withoutManifest(a.files));
    // the manifest differs only in time-dependent fields
    const strip = (m: BuiltReport['manifest']) => ({
      ...m,
      generatedAt: '',
      timingsMs: {},
      outputs: m.outputs.filter((o) => o.path !== 'manifest.json'),
    });
    expect(strip(b.manifest)).toEqual(strip(a.manifest));
  });

  it('a different seed changes the numbers', async () => {
    const c = await buildReport({ ...FAST, seed: 6, png: false });
    expect(sha256(c.files['report.html'])).not.toBe(sha256(a.files['report.html']));
  });

  it('writes HTML, Markdown with PNG charts, XLSX, Vega-Lite JSON and the manifest', () => {
    const names = Object.keys(a.files);
    expect(names).toEqual(
      expect.arrayContaining([
        'report.html',
        'report.md',
        'report.xlsx',
        'manifest.json',
        'charts/budget.png',
        'charts/budget.vl.json',
        'charts/p-merforbrug.png',
      ]),
    );
    // every PNG referenced by the Markdown exists, and is a PNG
    const md = a.files['report.md'] as string;
    const refs = [...md.matchAll(/\]\((charts\/[^)]+\.png)\)/g)].map((m) => m[1]);
    expect(refs.length).toBe(a.charts.filter((c) => !c.interactiveOnly).length);
    for (const r of refs)
      expect(
        Buffer.from(a.files[r] as Uint8Array)
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');
    // the precomputed what-if slider is gone: the HTML report's live what-if replaces it
    expect(names.filter((n) => n.startsWith('charts/what-if'))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(['charts/merforbrug-distribution.png', 'charts/merforbrug-distribution.vl.json']),
    );
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
    expect(md).toMatch(
      /P\(merforbrug 2026\) = \d+,\d % i scenariet »Basisforløb – ingen nye tiltag«: én prognose for forbruget/,
    );
    expect(md).toMatch(/over parameterusikkerheden ligger P\(merforbrug 2026\) mellem \d+ % og \d+ %/);
    expect(md).toMatch(
      /\*Monte Carlo-fejl \(fodnote\): standardfejlen på den simulerede sandsynlighed er ±\d+,\d+ pct\.-point/,
    );
    // one word for the unit throughout (pct.-point), never »procentpoint« beside it
    expect(md).not.toContain('procentpoint');
    expect(a.files['report.html'] as string).not.toContain('procentpoint');
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
    expect(md).toContain('Estimate: change of the appropriation as a random walk with drift on the log scale');
    expect(md).toMatch(/Assumed PL indexation of 2\.0% a year/);
    expect(md).not.toMatch(/Antagelse|Antaget|Basisforløb|mangler: lineært|Estimat:/);
    expect(md).toContain(
      '| Year | One forecast (median) | 50% low | 50% high | 80% low | 80% high | 95% low | 95% high | Cross-check: time series (median) | Cross-check: time series P10 | Cross-check: time series P90 |',
    );
    expect(md).toContain('## Track record');
    // a source the model files cite by its Danish name, with the English rendering models/pl.yaml gives it
    expect(md).toContain(
      '| Finansministeriets forudsætninger for 2025 (Danish Ministry of Finance assumptions for 2025) | models/pl.yaml |',
    );
    expect(md).toContain('needs the department’s permission, Budgetvejledningen 2.2.12)');
  });

  it('provenance appendix lists every source document of data/sources.csv', () => {
    const md = a.files['report.md'] as string;
    const appendix = md.slice(md.indexOf('## Bilag: kilder'));
    for (const s of a.model.sources) expect(appendix).toContain(`| ${s.doc} |`);
    expect(a.model.sources.length).toBeGreaterThanOrEqual(5);
    // the kind of each document in Danish (data/sources.csv writes it in English)
    expect(appendix).toMatch(/\| faktaark2024 \|[^\n]*\| faktaark \|/);
    expect(appendix).toMatch(/\| aarsrapport2020 \|[^\n]*\| årsrapport \|/);
    expect(appendix).not.toMatch(/\| (fact sheet|annual report|news item|podcast transcript) \|/);
  });

  it('provenance appendix lists every source the model files cite: a document of data/sources.csv by its row, any other by name', () => {
    // every `source` / `*_source` written in models/ (read here, not by the report's collector), but the PL defaults'
    // "Antagelse: …" (an assumption, not a source)
    const cited: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object')
        for (const [k, v] of Object.entries(x)) {
          if (/(^|_)source$/.test(k) && typeof v === 'string' && !/^Antagelse/.test(v)) cited.push(v);
          else walk(v);
        }
    };
    const files = readdirSync('models', { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
    for (const f of files) walk(parseYaml(readFileSync(join('models', f), 'utf8')));
    expect(cited).toEqual(
      expect.arrayContaining(['Finansministeriets forudsætninger for 2025', 'Budgetvejledningen 2.2.12']),
    );
    const md = a.files['report.md'] as string;
    const appendix = md.slice(md.indexOf('## Bilag: kilder'));
    const docs = new Set(a.model.sources.map((s) => s.doc));
    for (const c of new Set(cited)) {
      const doc = c.split('#')[0];
      if (docs.has(doc)) expect(appendix, c).toContain(`| ${doc} |`);
      else expect(appendix, c).toContain(`| ${c} |`);
    }
    // and what cites them: the PL rates of 2025, the rule that using opsparing needs permission
    expect(appendix).toMatch(
      /\| Finansministeriets forudsætninger for 2025 \| models\/pl\.yaml \| pl:general\.2025, pl:wage\.2025 \|/,
    );
    expect(appendix).toMatch(/\| aarsrapport2020 \|[^\n]*budget:opsparing\.carry_over/);
    // the summary's opsparing sentence cites the rule's source as models/budget.yaml names it, and the appendix has it
    expect(md).toContain('kræver departementets tilladelse, Budgetvejledningen 2.2.12)');
  });

  it('manifest: input hashes, package versions, seed, timings', () => {
    const m = a.manifest;
    expect(m.seed).toBe(5);
    expect(m.inputs.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        'data/viso.csv',
        'data/sources.csv',
        'data/events.csv',
        'models/scenarios/baseline.yaml',
      ]),
    );
    for (const i of m.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(m.packages)).toEqual(expect.arrayContaining(['vega', 'vega-lite', 'vega-embed', 'exceljs']));
    expect(m.timingsMs.total).toBeGreaterThan(0);
    expect(m.outputs.find((o) => o.path === 'report.html')?.sha256).toBe(sha256(a.files['report.html']));
  });

  it('escapes user-supplied names in HTML and neutralises them in XLSX', async () => {
    const r = await buildReport({ ...FAST, scenarios: [evil], png: false });
    const html = r.files['report.html'] as string;
    expect(html).not.toContain('</script><script>alert(1)');
    expect(html).toContain(
      '=HYPERLINK(&quot;http://x&quot;) &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co',
    );
    // inside the embedded specs the name is JSON with \u003c escapes
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files['report.xlsx'] as Uint8Array) as never);
    const texts: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value)))),
    );
    const named = texts.filter((x) => x.includes('HYPERLINK'));
    expect(named.length).toBeGreaterThan(0);
    for (const x of named) expect(x.startsWith("'") || !/^[=+\-@]/.test(x)).toBe(true);
    expect(texts.some((x) => /^[=+@]/.test(x))).toBe(false);
    // formulas only on the projection sheet, our own, over cells and ranges (no user text in any)
    const formulas: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => void (c.type === ExcelJS.ValueType.Formula && formulas.push(`${ws.name}|${c.formula}`))),
      ),
    );
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas)
      expect(f).toMatch(/^Fremskrivning\|[A-Z0-9$'!().*+\-/^,:>]*(Antagelser[A-Z0-9$'!().*+\-/^,:>]*)*$/);
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
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      expect.arrayContaining([
        'Oversigt',
        'Historik',
        'Prognoser',
        'Scenarier',
        'Kilder',
        'Kvantiler',
        'Fremskrivning',
      ]),
    );
    // Antagelser: no number, boolean or JSON stored as text
    const texts: string[] = [];
    wb.getWorksheet('Antagelser')!.eachRow((row) =>
      row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))),
    );
    expect(texts.length).toBeGreaterThan(10);
    expect(
      texts.filter((x) => /^[-−]?[\d.,\s%]+$/.test(x.trim()) || /^(true|false)$/.test(x) || /[{}[\]"]/.test(x)),
    ).toEqual([]);
    // each sheet's first table: its header frozen and filtered
    expect(hist.views[0]).toMatchObject({ state: 'frozen' });
    expect(hist.autoFilter).toBeDefined();
  });

  it('the headline goal seek is goalSeek on the full runs (the same answer as `viso scenario goal-seek`) on the lever the 2021 evaluation supports, with the reason', async () => {
    const { goalSeek } = await import('../../src/scenario/goal-seek.js');
    const { loadScenario } = await import('../../src/scenario/load.js');
    const { formatNumber, formatPct } = await import('../../src/text/number.js');
    const w = a.model.whatIf!;
    expect(w.lever).toBe('demand'); // the visitation rate rose after 2021 (0,369 → 0,416): the drop came through fewer henvendelser
    // of the one forecast: the headline's model (forbrug widened by its k), not the uncalibrated driver
    const one = a.model.oneForecast!;
    expect(w.spreadK).toBe(one.k);
    const g = goalSeek(loadScenario('baseline'), {
      lever: 'demand',
      target: `P(merforbrug>0, ${w.year}) <= ${w.target}`,
      runs: FAST.runs,
      seed: FAST.seed,
      tolerance: 1e-4,
      spreadK: one.k,
      spreadKSe: a.model.trackRecord!.calibration.kSe,
    });
    if (!g.solved) throw new Error('the baseline goal seek has no solution');
    expect(w.solution).toBe(-g.change);
    expect(w.goalSeek).toEqual({
      lower: -g.changeInterval[1],
      upper: -g.changeInterval[0],
      p: g.p,
      p0: g.p0,
      runs: FAST.runs,
      kSe: a.model.trackRecord!.calibration.kSe,
      kPart: g.kError!.changeSe,
      kRange: expect.any(Object),
    });
    // k's dependence on one year of history: the extreme leave-one-vantage-out k, the tightening moved along d/dk
    const cal = a.model.trackRecord!.calibration;
    const kw = cal.kWithoutVantage!;
    const kr = w.goalSeek!.kRange!;
    expect(kr.kLo.k).toBe(Math.min(...kw.map((x) => x.k)));
    expect(kr.kHi.k).toBe(Math.max(...kw.map((x) => x.k)));
    expect([kr.points, kr.vantages]).toEqual([cal.kPoints, kw.length]);
    const at = (k: number) => -g.change - g.kError!.changePerK * (k - one.k);
    expect(kr.lo).toBeCloseTo(Math.min(at(kr.kLo.k), at(kr.kHi.k)), 12);
    expect(kr.hi).toBeCloseTo(Math.max(at(kr.kLo.k), at(kr.kHi.k)), 12);
    expect(kr.lo).toBeLessThan(w.solution!);
    expect(kr.hi).toBeGreaterThan(w.solution!);
    // the curve's own runs are said under its table (its 0 % row differs from the headline by Monte Carlo error)
    expect(a.files['report.md'] as string).toContain(`Kurven har ${formatNumber(w.runs, 0, 'da')} kørsler pr. punkt`);
    // with no change it is the headline's P (the same runs, the same widening)
    expect(g.p0).toBe(one.years.find((y) => y.year === w.year)!.p.forecast);
    const md = a.files['report.md'] as string;
    expect(md).toContain(`For at bringe P(merforbrug ${w.year}) i den ene prognose (spredningen kalibreret med faktor`);
    expect(md).toContain('Punkterne og målsøgningen er den ene prognoses');
    expect(md).toContain(
      `Faktoren k er selv fittet på ${cal.kPoints} genkørsler fra ${kw.length} udsigtsår: udelades ét år ad gangen, ligger k mellem ${formatNumber(kr.kLo.k, 2, 'da')} (uden ${kr.kLo.vantage}) og ${formatNumber(kr.kHi.k, 2, 'da')} (uden ${kr.kHi.vantage}), og så kræves en reduktion af henvendelserne på ca. ${formatPct(kr.lo, 'da', 1)}–${formatPct(kr.hi, 'da', 1)}. Den usikkerhed fra de få års historik er ikke med i Monte Carlo-intervallet ovenfor.`,
    );
    // the interval includes k's own Monte Carlo error (k is estimated by simulation too)
    expect(md).toContain(
      `medregnet Monte Carlo-fejlen på k selv: standardfejl ${formatNumber(w.goalSeek!.kSe!, 3, 'da')} på k giver ${formatNumber(100 * w.goalSeek!.kPart!, 2, 'da')} pct.-point på reduktionen; `,
    );
    expect(md).toContain(
      `kræves en reduktion af henvendelserne på ${formatPct(w.solution!, 'da', 1)} i alle fremskrevne år (95 % MC-interval ${formatPct(w.goalSeek!.lower, 'da', 1)}–${formatPct(w.goalSeek!.upper, 'da', 1)}`,
    );
    expect(md).toContain(
      'Håndtaget er henvendelserne, fordi evalueringen af 2021 peger på det: visitationsraten (forløb pr. henvendelse) steg fra 0,369 i 2020 til 0,416 i 2023',
    );
  });

  it('the assumptions table says the PL rates it lists change no figure unless a scenario asks for them', () => {
    expect(a.files['report.md'] as string).toContain(
      'PL-satserne (pl.\\* og plBevilling.\\*, models/pl.yaml) indgår kun, hvor scenariet beder om dem',
    );
    // and the bundled scenarios do not: bevilling.pl is off and costs.priceGrowth is estimated
    for (const s of a.model.scenarios)
      expect(s.result.inputs.find((x) => x.input === 'costs.priceGrowth')?.source.kind).toBe('estimate');
  });
  it('the assumptions name every input in words with its value in its unit, the scenario file’s key in a column of its own', async () => {
    const md = a.files['report.md'] as string;
    const section = md.slice(md.indexOf('## Antagelser'), md.indexOf('## Bilag'));
    expect(section).toContain('| Input | Værdi | Type | Kilde | Nøgle i scenariefilen |');
    const g = a.model.scenarios[0].result.inputs.find((x) => x.input === 'demand.growth')!.value as {
      mean: number;
      sd: number;
    };
    const growth = `${formatNumber(g.mean * 100, 1)} % (sd ${formatNumber(g.sd * 100, 1)} pct.-point)`;
    expect(section).toMatch(
      new RegExp(
        `\\| Henvendelsernes årlige vækst \\| ${growth.replace(/[().]/g, '\\$&')} \\|.*\\| demand\\.growth \\|`,
      ),
    );
    // no row starts with a key: every first cell is words (a key has a dot and no space)
    const firsts = section
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))
      .map((l) => l.split(' | ')[0].slice(2));
    expect(firsts.length).toBeGreaterThan(40);
    expect(firsts.filter((x) => /^[\w.]+$/.test(x) && /\.|[a-z][A-Z]/.test(x))).toEqual([]);
    // the XLSX sheet: the same words, the rate a number with a per cent format
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a.files['report.xlsx'] as Uint8Array) as never);
    let cell: { value: unknown; numFmt: string } | undefined;
    wb.getWorksheet('Antagelser')!.eachRow((row) => {
      if (row.getCell(1).value === 'Årlig støj på henvendelsernes vækst (spredning)' && !cell) cell = row.getCell(2);
    });
    expect(typeof cell?.value).toBe('number');
    expect(cell?.numFmt).toBe('0.0%');
  });

  it('the tornado table says that fixed and unit cost are drawn together (their bars are not one input at a time)', () => {
    const rho = a.model.sensitivity!.costCorrelation!;
    expect(rho).toBeLessThan(-0.9);
    expect(a.files['report.md'] as string).toContain(
      `Faste omkostninger og pris pr. forløb er estimeret sammen og trækkes sammen (korrelation ${formatNumber(rho, 2, 'da')})`,
    );
  });
  it('the scenario tables say the unit of their amounts (only the bevilling column names it)', () => {
    const md = a.files['report.md'] as string;
    const after = (caption: string) => md.slice(md.indexOf(caption)).split('\n\n').slice(0, 3).join('\n\n');
    expect(after('**Scenarier 2026 (driver-modellen')).toContain('*Beløb i mio. kr., løbende priser.*');
    expect(after('**Scenarie: Basisforløb – ingen nye tiltag**')).toContain(
      '*Beløb i mio. kr., løbende priser. Kilde: ',
    );
    expect(after('**Opsparing: Basisforløb – ingen nye tiltag')).toContain(
      '*Beløb i mio. kr., løbende priser. Opsparing ved udgangen af 2024: ',
    );
  });
  it('the measures table says what each assumed effect rests on: an assumption at file:line, or an evaluation', () => {
    const tb = measuresTable(a.model);
    const col = tb.columns.indexOf('Effekten bygger på');
    const basis = (id: string) => tb.rows[a.model.measures.findIndex((x) => x.id === id)][col].text;
    const line = readFileSync('models/measures/measures-2018.yaml', 'utf8')
      .split('\n')
      .findIndex((l) => l.startsWith('effect:'));
    expect(basis('measures-2018')).toBe(`antagelse i models/measures/measures-2018.yaml:${line + 1}`);
    // by the measure's name and the outcome evaluated (its forløb, not the visitation rate its own row shows)
    expect(basis('tightening-like-2021')).toBe(
      'evalueringen af Skærpede visitationskriterier (september 2021), effekten på rådgivningsforløb, i alt',
    );
    // the effect is at full phase-in; the hypothetical 2026 tightening has half of it in 2026 (phase_in: [0.5, 1])
    expect(tb.columns).toContain('Antaget effekt, fuld');
    expect(tb.note).toContain('Ny stramning som i 2021 (hypotetisk) 2026: 50 %, 2027–: 100 %');
    expect(tb.note).toMatch(/^Indfasning: /);
    expect(phaseInText('2018-01-01', [1], 'en')).toBe('100% from 2018');
  });
  it("the cost section shows what its note promises: each fitted year's residual, leverage and Cook's D, flags in words, in HTML, Markdown and XLSX", async () => {
    const cm = a.model.costModel!;
    expect(cm.notes.join(' ')).toContain('residual og leverage vises');
    const tb = costResidualTable(a.model)!;
    expect(tb.columns).toEqual(['År', 'Forbrug', 'Tilpasset', 'Residual', 'Leverage', "Cook's D", 'Flag']);
    // one row per year of the fit, with the engine's numbers (no second computation)
    expect(tb.rows.map((r) => r[0].text)).toEqual(cm.rows.map((r) => String(r.year)));
    expect(cm.rows.length).toBe(cm.n);
    const y2020 = tb.rows[cm.rows.findIndex((r) => r.year === 2020)];
    const r2020 = cm.rows.find((r) => r.year === 2020)!;
    expect(y2020[3].value).toBeCloseTo(r2020.residual, 9);
    expect(y2020[4].text).toBe(formatNumber(r2020.leverage, 2, 'da'));
    expect(r2020.flags).toContain('estimated');
    expect(y2020[6].text).toContain('Skøn');
    expect(tb.rows.flatMap((r) => r[6].text.split(', ')).filter(Boolean)).not.toContain('estimated');
    const md = a.files['report.md'] as string;
    const section = md.slice(md.indexOf('## Model og træfsikkerhed'), md.indexOf('## Antagelser'));
    expect(section).toContain("| År | Forbrug | Tilpasset | Residual | Leverage | Cook's D | Flag |");
    expect(section).toMatch(/\| 2020 \| [\d,]+ \| [\d,]+ \| -?[\d,]+ \| [\d,]+ \| [\d,]+ \| [^|]*Skøn[^|]* \|/);
    expect(a.files['report.html'] as string).toContain(`<caption>${tb.caption}</caption>`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(a.files['report.xlsx'] as Uint8Array) as never);
    let lev: unknown;
    wb.getWorksheet('Træfsikkerhed')!.eachRow((row) => {
      if (row.getCell(1).value === '2020' && typeof row.getCell(5).value === 'number') lev = row.getCell(5).value;
    });
    expect(lev).toBeCloseTo(r2020.leverage, 9);
    // English
    const en = costResidualTable({ ...a.model, lang: 'en' })!;
    expect(en.columns).toEqual(['Year', 'Spending', 'Fitted', 'Residual', 'Leverage', "Cook's D", 'Flags']);
    expect(en.rows.find((r) => r[0].text === '2020')![6].text).toContain('Estimate');
  });
  it("the hypothetical 2026 tightening's caveat (the 2021 estimate is an upper bound) stands under the measures table and the scenario that applies it, in the report's language", async () => {
    const da = /Forbehold for Ny stramning som i 2021 \(hypotetisk\): Estimatet fra 2021 [^*]*øvre grænse[^*]*\./;
    expect(measuresTable(a.model).note).toMatch(da);
    const tighten = a.model.scenarios.find((s) => s.result.id === 'tightening-2021')!;
    expect(tighten.measures?.map((x) => x.id)).toEqual(['tightening-like-2021']);
    expect(scenarioTable(a.model, tighten).note).toMatch(da);
    // the baseline applies no measure and says no caveat
    expect(
      scenarioTable(
        a.model,
        a.model.scenarios.find((s) => s.result.id === 'baseline')!,
      ).note,
    ).not.toContain('Forbehold');
    const md = a.files['report.md'] as string;
    const measures = md.slice(md.indexOf('## Tiltag'), md.indexOf('## Model og træfsikkerhed'));
    const scenarios = md.slice(md.indexOf('## Scenarier'), md.indexOf('## Hvad nu hvis'));
    for (const part of [measures, scenarios]) {
      expect(part).toMatch(da);
      expect(part).not.toContain('upper bound');
    }
    const e = await buildReport({ ...FAST, lang: 'en', png: false, scenarios: ['tightening-2021'] });
    const en = e.files['report.md'] as string;
    expect(en).toMatch(/Caveat on A new tightening like 2021 \(hypothetical\): The 2021 estimate [^*]*upper bound/);
    expect(en).not.toContain('øvre grænse');
  });
  it("the scenario tables and charts say they are the driver model's, not the headline's calibrated forecast", () => {
    const md = a.files['report.md'] as string;
    const label = 'driver-modellen uden kalibrering; overskriften er den kalibrerede ene prognose';
    expect(md).toContain(`**Scenarier ${a.model.focusYear} (${label})**`);
    expect(md).toContain(`**Opsparing: ${a.model.scenarios[0].result.name} (${label})**`);
    const sub = (id: string) => JSON.stringify(a.charts.find((c) => c.id === id)!.spec);
    for (const id of ['scenarios', 'p-merforbrug', 'merforbrug-distribution'])
      expect(sub(id)).toContain('Driver-modellen uden kalibrering');
  });

  it('track record: the backtest table and chart next to the headline; the 2020 replay against forbrug 2022', () => {
    const md = a.files['report.md'] as string;
    const sec = md.slice(md.indexOf('## Træfsikkerhed\n'), md.indexOf('## Historik'));
    expect(sec).toContain(
      '![Træfsikkerhed: prognosen for forbruget genkørt fra tidligere år](charts/track-record.png)',
    );
    expect(sec).toMatch(
      /Genkørt fra 2020 med de senere tiltag \(maj og september 2021\) giver forbrug 2022 et 95 %-interval på [\d,]+–[\d,]+ \(median [\d,]+\); det faktiske forbrug var 112,3 mio\. kr\. \(inden for intervallet\)/,
    );
    expect(sec).toContain('| Tilstand | Model | h | n | Dækning 50 % | Dækning 80 % | 80 %: træf (95 %-interval) |');
    const tr = a.model.trackRecord!;
    expect(tr.vantages).toEqual([2016, 2017, 2018, 2019, 2020, 2022, 2023]);
    // the headline year is two years past the accounts: the record two years ahead is stated beside the one-year one
    const h2 = (mode: string) =>
      tr.summary.find((x) => x.mode === mode && x.model === 'calibrated' && x.h === 2)!.scores;
    expect(sec).toContain(
      `To år frem, som ${a.model.focusYear} ligger fra det seneste regnskabsår, dækkede de ${h2('withDecisions').hits80} af ${h2('withDecisions').n} år`,
    );
    expect(sec).toContain(`uden kendskab til tiltagene ${h2('asKnown').hits80} af ${h2('asKnown').n}.`);
    expect(tr.skipped.map((x) => x.target)).toEqual([2021, 2021]);
    expect(a.charts.find((c) => c.id === 'track-record')?.section).toBe('trackrecord');
  });

  it('forecast table: one forecast (the calibrated driver model) per year, the time-series forecast as a labelled cross-check', () => {
    const f = a.model.forecasts.find((x) => x.id === 'forbrug')!;
    const md = a.files['report.md'] as string;
    const sec = md.slice(md.indexOf('## Prognoser'), md.indexOf('## Scenarier'));
    expect(sec).toContain(
      '| År | Én prognose (median) | 50 % lav | 50 % høj | 80 % lav | 80 % høj | 95 % lav | 95 % høj | Krydstjek: tidsserie (median) | Krydstjek: tidsserie P10 | Krydstjek: tidsserie P90 |',
    );
    const one = a.model.oneForecast!;
    expect(f.oneForecast?.k).toBe(a.model.trackRecord!.calibration.k);
    expect(f.fan.point).toEqual(one.years.map((y) => y.forecast.p50));
    const y0 = f.fan.years[0];
    const fmt = (x: number) => formatNumber(x, 1, 'da');
    const iv80 = f.fan.intervals.find((iv) => iv.level === 80)!;
    expect(sec).toContain(`| ${y0} | ${fmt(f.fan.point[0])} |`);
    expect(sec).toContain(`| ${fmt(iv80.lower[0])} | ${fmt(iv80.upper[0])} |`);
    expect(sec).toContain(`| ${fmt(one.years[0].timeSeries.p50)} |`);
    expect(sec).toMatch(
      /Én prognose: driver-modellen .* Krydstjek: den rene tidsserieprognose af forbruget \(Ensemble: 0,5 × Globalt neuralt netværk/,
    ); // auto is the ensemble now
  });
});
