/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// (the DOM types are for the callbacks of page.evaluate, which run in the browser)
/**
 * The HTML report in a real browser (Debian chromium via playwright-core): every chart
 * renders (the in-year follow-up section from the illustrative monthly file included), no console
 * errors, no failed or outgoing network requests; a screenshot is
 * saved to test/out/report.png. Skips only if /usr/bin/chromium is absent (CI installs it
 * with scripts/setup-system.sh).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../../src/report/build.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

describe.skipIf(!hasChromium)('HTML report in chromium', () => {
  let dir = '';
  let chartCount = 0;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'viso-report-'));
    for (const lang of ['da', 'en'] as const) {
      const { report } = await writeReport(join(dir, lang), {
        lang,
        runs: 20_000,
        gridRuns: 5_000,
        seed: 11,
        png: false,
        actuals: 'data/viso-monthly-illustrative.csv',
      });
      chartCount = report.charts.length;
    }
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const lang of ['da', 'en'] as const) {
    it(`renders every chart without errors or network requests (${lang})`, async () => {
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const errors: string[] = [];
        const failed: string[] = [];
        const external: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error') errors.push(m.text());
        });
        page.on('pageerror', (e) => errors.push(String(e)));
        page.on('requestfailed', (r) => failed.push(r.url()));
        page.on('request', (r) => {
          if (!/^(file|blob):/.test(r.url())) external.push(r.url()); // blob: the live what-if's worker, made from the page's own script
        });
        await page.goto(pathToFileURL(join(dir, lang, 'report.html')).href);
        await page.waitForFunction(() => document.body.getAttribute('data-charts-rendered') !== null, null, {
          timeout: 30_000,
        });
        await page.waitForFunction(
          () => document.getElementById('live')?.getAttribute('data-live-drawn') !== null,
          null,
          { timeout: 60_000 },
        );
        const rendered = await page.evaluate(
          () =>
            document.querySelectorAll('figure.chart [data-chart] svg.marks, figure.chart [data-chart] canvas').length,
        );
        expect(chartCount).toBeGreaterThanOrEqual(8);
        expect(rendered).toBe(chartCount);
        // every chart drew marks (not just an empty svg)
        const empty = await page.evaluate(() =>
          [...document.querySelectorAll('figure.chart')]
            .filter(
              (f) => f.querySelectorAll('svg.marks path, svg.marks line, svg.marks rect, svg.marks text').length < 5,
            )
            .map((f) => f.id),
        );
        expect(empty).toEqual([]);
        // the track-record section next to the headline: its chart drew interval marks and the actuals
        const sectionIds = await page.evaluate(() => [...document.querySelectorAll('main > section')].map((x) => x.id));
        expect(sectionIds.slice(0, 2)).toEqual(['summary', 'trackrecord']);
        const tr = await page.evaluate(() => {
          const f = document.querySelector('#chart-track-record');
          return {
            marks: f?.querySelectorAll('svg.marks path, svg.marks line, svg.marks rect').length ?? 0,
            rendered: f?.querySelector('[data-rendered="true"]') !== null,
          };
        });
        expect(tr.rendered).toBe(true);
        expect(tr.marks).toBeGreaterThan(30);
        await expect(page.locator('#trackrecord table#table-trackrecord-summary').count()).resolves.toBe(1);
        // the live what-if (the precomputed slider it replaces is gone): computed on load, in a worker, its charts drawn
        await expect(page.locator('#chart-what-if').count()).resolves.toBe(0);
        await expect(page.locator('#live').getAttribute('data-live-status')).resolves.toBe('done');
        await expect(page.locator('#live-tbody tr').count()).resolves.toBe(6);
        const liveMarks = await page.evaluate(
          () => document.querySelectorAll('#chart-live-dist svg.marks path, #chart-live-fan svg.marks path').length,
        );
        expect(liveMarks).toBeGreaterThan(10);
        // the distribution view: a year select, and the exceedance curve answers the pointer with P(merforbrug > x)
        const dist = page.locator('#chart-merforbrug-distribution');
        await expect(dist.locator('select').count()).resolves.toBe(1);
        await dist.scrollIntoViewIfNeeded();
        const box = (await dist.locator('svg.marks').boundingBox())!;
        const readout = () =>
          page.evaluate(() =>
            [...document.querySelectorAll('#chart-merforbrug-distribution svg.marks text')]
              .filter(
                (x) =>
                  /^P\((merforbrug|overspend) > [−\d]/.test(x.textContent ?? '') && x.getAttribute('opacity') !== '0',
              )
              .map((x) => x.textContent),
          );
        expect(await readout()).toEqual([]);
        await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.55);
        await page.waitForTimeout(300);
        const read = await readout();
        expect(read.length).toBeGreaterThanOrEqual(1);
        for (const r of read)
          expect(r).toMatch(
            lang === 'da' ? /^P\(merforbrug > −?[\d.]+,\d\) = \d+,\d %$/ : /^P\(overspend > −?[\d,]+\.\d\) = \d+\.\d%$/,
          );
        // the follow-up section: the illustrative warning, its chart drawn (fan, lines, rule) and its tables
        const followUp = page.locator('section#followup');
        await expect(followUp.count()).resolves.toBe(1);
        await expect(followUp.locator('.unavailable').first().innerText()).resolves.toMatch(/^ILLUSTRATIVE DATA/);
        const fuMarks = await page.evaluate(
          () => document.querySelectorAll('#chart-followup svg.marks path, #chart-followup svg.marks line').length,
        );
        expect(fuMarks).toBeGreaterThan(10);
        await expect(page.locator('#chart-followup svg.marks').innerHTML()).resolves.toContain(
          lang === 'da' ? 'Budgetprofil' : 'Budget profile',
        );
        await expect(followUp.locator('table#table-followup-summary tbody tr').count()).resolves.toBe(4);
        await expect(followUp.locator('table#table-followup-backtest tbody tr').count()).resolves.toBe(12);
        await expect(page.locator('nav.toc a[href="#followup"]').innerText()).resolves.toBe(
          lang === 'da' ? 'Opfølgning i året' : 'In-year follow-up',
        );
        expect(errors).toEqual([]);
        expect(failed).toEqual([]);
        expect(external).toEqual([]);
        mkdirSync('test/out', { recursive: true });
        await page.screenshot({ path: `test/out/report-${lang}.png`, fullPage: true });
        await page.screenshot({ path: `test/out/report-${lang}-top.png` });
      } finally {
        await browser.close();
      }
    });
  }
});
