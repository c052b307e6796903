/** `viso report` and `viso chart` through the CLI entry point (src/cli/main.ts). */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';

const dir = mkdtempSync(join(tmpdir(), 'viso-cli-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((s: string | Uint8Array) => ((out += String(s)), true));
  const e = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((s: string | Uint8Array) => ((err += String(s)), true));
  try {
    const code = await main(args);
    return { code, out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('viso report / viso chart', () => {
  it('viso report writes the report files and prints the headline', async () => {
    const out = join(dir, 'r');
    const r = await run(['report', '--out', out, '--runs', '3000', '--seed', '3', '--no-png']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/P\(merforbrug 2026\) = \d+,\d %/);
    // the forbrug's interval says which one it is (80 %), as the summary and the follow-up's headline do
    expect(r.out).toMatch(/, forventet forbrug \d{3},\d mio\. kr\. \[80 %: \d{3},\d–\d{3},\d\] – Basisforløb/);
    expect(r.out).not.toContain('ekstrapoleret'); // 2026 is within the replays k was fitted on
    for (const f of ['report.html', 'report.md', 'report.xlsx', 'manifest.json'])
      expect(existsSync(join(out, f)), f).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).seed).toBe(3);
  });

  it('viso report --year 2030 says under the headline that k is extrapolated (6 years ahead, replays 1–2)', async () => {
    const out = join(dir, 'r2030');
    const r = await run([
      'report',
      '--out',
      out,
      '--year',
      '2030',
      '--runs',
      '3000',
      '--seed',
      '3',
      '--no-png',
      '--lang',
      'en',
    ]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^P\(overspend 2030\) = \d+\.\d%/);
    expect(lines[1]).toMatch(
      /^The factor \d\.\d was measured on replays 1–2 years ahead; 2030 is 6 years ahead, so the factor is extrapolated and the uncertainty may be larger than shown\.$/,
    );
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain(lines[1]);
  });

  it('viso chart renders SVG, PNG and Vega-Lite JSON', async () => {
    for (const ext of ['svg', 'png', 'vl.json']) {
      const f = join(dir, `budget.${ext}`);
      const r = await run(['chart', 'budget', '--out', f]);
      expect(r.code, r.err).toBe(0);
      const b = readFileSync(f);
      if (ext === 'svg') expect(b.toString()).toMatch(/^<svg/);
      if (ext === 'png') expect(b.subarray(1, 4).toString()).toBe('PNG');
      if (ext === 'vl.json') expect(JSON.parse(b.toString()).$schema).toContain('vega-lite');
    }
    const en = await run(['chart', 'p-merforbrug', '--out', join(dir, 'p.vl.json'), '--runs', '2000', '--lang', 'en']);
    expect(en.code, en.err).toBe(0);
    expect(readFileSync(join(dir, 'p.vl.json'), 'utf8')).toContain('Probability of overspend');
  });

  it('bad usage: one line, exit code 2, no output file', async () => {
    const bad = await run(['chart', 'budget', '--out', join(dir, 'x.gif')]);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split('\n')).toHaveLength(1);
    expect(bad.err).toMatch(/\.svg, \.png eller \.vl\.json/);
    expect(existsSync(join(dir, 'x.gif'))).toBe(false);
    const unknown = await run(['chart', 'nonsense', '--out', join(dir, 'n.svg'), '--runs', '1000']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/ukendt graf "nonsense".*budget/);
    const year = await run(['report', '--out', join(dir, 'y'), '--runs', '1000', '--year', '2040']);
    expect(year.code).toBe(2);
    expect(year.err).toMatch(/--year 2040 ligger uden for de simulerede år 2025–2030/);
    expect(existsSync(join(dir, 'y'))).toBe(false);
    const runs = await run(['report', '--out', join(dir, 'z'), '--runs', '0']);
    expect(runs.code).toBe(2);
    expect(runs.err).toBe('--runs skal være et helt tal fra 1 til 100.000.000, fik 0\n');
    expect(existsSync(join(dir, 'z'))).toBe(false);
  });
});
