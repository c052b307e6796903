/**
 * The English report reads as English: its Markdown, HTML and XLSX use the one English vocabulary
 * (src/text/terms.ts VOCABULARY) and never a bare Danish domain word (forløb, henvendelser,
 * bevilling, forbrug, merforbrug, opsparing, …) nor a code name such as withDecisions as prose.
 * Identifiers keep their Danish names (series ids, source keys, scenario keys, chart files), and
 * the glossary's Danish cells and the source documents' own titles are Danish on purpose;
 * everything else is checked.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type BuiltReport } from '../../src/report/build.js';
import { glossary, VOCABULARY } from '../../src/text/terms.js';

const FAST = { runs: 4_000, gridRuns: 1_000, grid: [0, 0.05, 0.1, 0.15], seed: 5 } as const;

/** The Danish domain words and code names that English prose must not contain (whole words). */
const DANISH =
  /(?<![\p{L}\p{N}_])(rådgivningsforløb|forløb(?:et|ene)?|henvendelse(?:r|rne|n)?|bevilling(?:en|er|erne)?|forbrug(?:et)?|merforbrug(?:et)?|mindreforbrug(?:et)?|opsparing(?:en)?|hovedområde(?:r|rne)?|konto(?:en)?|underkonto|withDecisions|asKnown)(?![\p{L}\p{N}_])/giu;

/**
 * A text with its identifiers taken out: dotted or #-keyed names (viso.raadgivning.forbrug,
 * faktaark2024#henvendelser, bevilling.growth, charts/p-merforbrug.png, opsparing.at.*) and a
 * command-line flag with its value where the user types it (--mode withDecisions).
 */
function prose(text: string): string {
  return text
    .replace(/--[a-z][\w-]* [\w|]+/g, ' ')
    .replace(/[A-Za-z0-9_*/-]+(?:[.#:][A-Za-z0-9_*/-]+)*[.#][A-Za-z0-9_*/-]+/g, ' ');
}

/** The Danish words left in a text's prose, each with a little of its context. */
function danishWords(text: string): string[] {
  const p = prose(text);
  return [...p.matchAll(DANISH)].map((m) => p.slice(Math.max(0, m.index - 40), m.index + m[0].length + 20));
}

describe('English report vocabulary', () => {
  let en: BuiltReport;
  /** The source documents' own titles (Danish names of documents, on purpose), longest first. */
  let titles: string[] = [];
  /** A text without the source documents' titles. */
  const withoutTitles = (s: string) => titles.reduce((acc, d) => acc.split(d).join(' '), s);
  /** The glossary's Danish terms: Danish on purpose, in the glossary's own cells only. */
  const glossaryDa = new Set(glossary().map((g) => g.da));

  beforeAll(async () => {
    en = await buildReport({ ...FAST, lang: 'en', png: false });
    titles = [...en.model.sources.map((s) => s.title), ...(en.model.otherSources ?? []).map((s) => s.source)].sort(
      (a, b) => b.length - a.length,
    );
  });

  it('the identifier filter keeps Danish prose and removes only identifiers (the check can fail)', () => {
    expect(danishWords('Advisory forløb, total')).toHaveLength(1);
    expect(danishWords('growth of henvendelser')).toHaveLength(1);
    expect(danishWords('the mean CRPS of mode withDecisions')).toHaveLength(1);
    expect(danishWords('Bevillingen and forbruget')).toHaveLength(2);
    expect(
      danishWords(
        'Data: viso.raadgivning.henvendelser.i_alt 2024 (faktaark2024#henvendelser), bevilling.growth, charts/p-merforbrug.png, opsparing.at.*, --mode withDecisions',
      ),
    ).toEqual([]);
    // a Danish compound of a case type is not the bare word
    expect(danishWords('group cases (gruppeforløb)')).toEqual([]);
  });

  it('the Markdown report has no bare Danish domain word outside identifiers, the glossary and source titles', () => {
    // the glossary's rows (`| requests | henvendelser |`) are the one place a Danish term stands alone
    const rows = new Set(glossary().map((g) => `| ${g.en} | ${g.da} |`));
    const md = (en.files['report.md'] as string)
      .split('\n')
      .filter((l) => !rows.has(l))
      .join('\n');
    expect(md).toContain('Advisory cases, total');
    expect(danishWords(withoutTitles(md))).toEqual([]);
  });

  it('the HTML report (its visible text, the live what-if included) has none either', () => {
    const html = (en.files['report.html'] as string)
      .replace(/<table id="table-glossary">[\s\S]*?<\/table>/, ' ')
      .replace(/<script[\s\S]*?<\/script>/g, ' ')
      .replace(/<style[\s\S]*?<\/style>/g, ' ')
      .replace(/<[^>]+>/g, '\n')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
    expect(html).toContain('Growth of requests per year (mean)');
    expect(danishWords(withoutTitles(html))).toEqual([]);
  });

  it('the workbook has none in any cell, and the charts none in their titles, axes and legends', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(en.files['report.xlsx'] as Uint8Array) as never);
    const found: string[] = [];
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((c) => {
          const v = c.value;
          const s = typeof v === 'string' ? v : v && typeof v === 'object' && 'richText' in v ? JSON.stringify(v) : '';
          if (s && !glossaryDa.has(s))
            found.push(...danishWords(withoutTitles(s)).map((w) => `${ws.name}!${c.address}: ${w}`));
        }),
      ),
    );
    expect(found).toEqual([]);
    for (const c of en.charts) {
      const texts: string[] = [];
      const walk = (o: unknown, key = ''): void => {
        if (Array.isArray(o)) o.forEach((x) => walk(x, key));
        else if (o && typeof o === 'object')
          for (const [k, v] of Object.entries(o))
            if (k !== 'data' && k !== 'datasets') walk(v, k);
            else if (typeof o === 'string' && ['title', 'text', 'subtitle', 'labelExpr', 'legend'].includes(key))
              texts.push(o);
      };
      walk(c.spec);
      expect(texts.flatMap(danishWords), c.id).toEqual([]);
    }
  });

  it('the glossary maps every English term of the vocabulary to its Danish term, before the sources', () => {
    const md = en.files['report.md'] as string;
    const at = md.indexOf('**Glossary:');
    expect(at).toBeGreaterThan(0);
    expect(at).toBeLessThan(md.indexOf('| faktaark2024 |'));
    const rows = md.split('\n').filter((l) => l.startsWith('| '));
    for (const v of Object.values(VOCABULARY))
      expect(rows.some((r) => r.startsWith(`| ${v.en}`) && r.endsWith(` | ${v.da} |`))).toBe(true);
    expect(md).toContain('| requests | henvendelser |');
    expect(md).toContain('| appropriation | bevilling |');
  });
});
