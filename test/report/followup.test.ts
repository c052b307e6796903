/**
 * The follow-up section of the report (`viso report --actuals FILE`): in the model, the HTML,
 * the Markdown, the XLSX (sheet "Opfølgning") and the manifest's inputs; absent without actuals.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { formatFollowUp } from '../../src/report/followup.js';
import { followUpChart } from '../../src/report/charts/followup.js';

const ACTUALS = 'data/viso-monthly-illustrative.csv';

describe('report with monthly actuals', () => {
  it("has a follow-up section, chart, sheet and input, using the report's own primary scenario as the prior", async () => {
    const r = await buildReport({ runs: 10_000, gridRuns: 5_000, seed: 3, actuals: ACTUALS, parts: ['scenarios'] });
    const fu = r.model.followUp!;
    expect(fu.year).toBe(2025);
    expect(fu.prior?.scenario).toBe('baseline');
    expect(fu.prior?.runs).toBe(10_000);
    expect(fu.prior?.seed).toBe(3);
    expect(r.charts.map((c) => c.id)).toContain('followup');
    const html = r.files['report.html'] as string;
    expect(html).toContain('<section id="followup"><h2>Opfølgning i året</h2>');
    expect(html).toMatch(/<div class="unavailable">ILLUSTRATIVE DATA: /);
    expect(html).toContain('<table id="table-followup-deviation">');
    const md = r.files['report.md'] as string;
    expect(md).toMatch(
      /## Opfølgning i året\n\n> ILLUSTRATIVE DATA: [^\n]+\n\nForventet regnskab 2025 \(opgjort pr\. 30\.06\.2025\): /,
    );
    expect(md).toContain('![Forbrug 2025 akkumuleret mod budgetprofilen](charts/followup.png)');
    expect(md.indexOf('## Opfølgning i året')).toBeLessThan(md.indexOf('## Antagelser'));
    expect(r.manifest.inputs.map((i) => i.path)).toEqual(
      expect.arrayContaining([ACTUALS, 'models/followup.yaml', 'models/timing.yaml']),
    );
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files['report.xlsx'] as Uint8Array) as never);
    const ws = wb.getWorksheet('Opfølgning');
    expect(ws).toBeDefined();
    const texts: string[] = [];
    ws!.eachRow((row) => row.eachCell((c) => void (typeof c.value === 'string' && texts.push(c.value))));
    expect(texts).toEqual(expect.arrayContaining(['Forventet regnskab (samlet skøn)', 'heraf volumen (antal forløb)']));
  });
  it('the same inputs and seed give the same bytes; no section without actuals', async () => {
    const a = await buildReport({ runs: 5_000, seed: 4, png: false, actuals: ACTUALS, parts: ['scenarios'] });
    const b = await buildReport({ runs: 5_000, seed: 4, png: false, actuals: ACTUALS, parts: ['scenarios'] });
    for (const f of ['report.html', 'report.md', 'charts/followup.vl.json']) expect(a.files[f], f).toEqual(b.files[f]);
    const none = await buildReport({ runs: 5_000, seed: 4, png: false, parts: ['scenarios'] });
    expect(none.model.followUp).toBeUndefined();
    expect(none.files['report.html'] as string).not.toContain('id="followup"');
  });
});

describe('follow-up text and chart', () => {
  it('the English text has no Danish words of the follow-up', async () => {
    const { readMonthlyActuals } = await import('../../src/followup/actuals.js');
    const { followUp } = await import('../../src/followup/model.js');
    const r = await followUp(await readMonthlyActuals(ACTUALS), { backtest: false, runs: 5_000 });
    const en = formatFollowUp(r, 'en');
    expect(en.replace(/--opsparing/g, '')).not.toMatch(/forløb|forbrug|måned|heraf|opsparing|budgetprofil|antagelse/i);
    expect(en).toMatch(/^Follow-up 2025: expected outturn\n/);
    const da = formatFollowUp(r, 'da');
    expect(da).toMatch(/^Opfølgning 2025: forventet regnskab\n/);
    const spec = followUpChart(
      { year: 2025, asOf: r.asOf, months: r.months, bevilling: r.bevilling, opsparing: 5 },
      { lang: 'en' },
    ) as { layer: { data: { values: { label?: string }[] } }[] };
    const labels = spec.layer.flatMap((l) => l.data.values.map((v) => v.label)).filter(Boolean);
    expect(labels).toEqual(
      expect.arrayContaining([
        `Appropriation DKK ${r.bevilling.toFixed(1)}m`,
        `Appropriation + usable savings DKK ${(r.bevilling + 5).toFixed(1)}m`,
      ]),
    );
  });
});
