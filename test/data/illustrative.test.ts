/**
 * A --data file that says its figures are made up: a comment or title line above the table containing
 * »illustrativ«/»illustrative« (any case), or the flag `illustrative` on a row. Its observations carry the flag and
 * the merged dataset names the file (`merge.illustrative`), for the report to say so.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { preambleIllustrative, saysIllustrative } from '../../src/data/illustrative.js';
import { loadDataset } from '../../src/data/load.js';

const dir = mkdtempSync(join(tmpdir(), 'viso-illustrative-'));
function file(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}
const ROW = 'viso.raadgivning.forbrug;2025;152,4;mio. kr.';

describe('illustrative data: the file says so in a comment line or a flag', () => {
  it('the rule: »illustrativ« in any case, Danish or English', () => {
    for (const s of ['ILLUSTRATIVE DATA – IKKE VISOs FAKTISKE TAL', 'illustrativ', 'Illustrative figures'])
      expect(saysIllustrative(s), s).toBe(true);
    for (const s of ['Regnskab 2025', 'illustration af tallene', 'Kilde: faktaark'])
      expect(saysIllustrative(s), s).toBe(false);
    expect(preambleIllustrative(undefined)).toBe(false);
    expect(preambleIllustrative([{ text: 'Budget' }, { text: 'ILLUSTRATIVE DATA' }])).toBe(true);
  });

  it('the bundled example file is marked: every observation flagged, the file named in merge.illustrative', async () => {
    const f = 'data/viso-2025-illustrative.csv';
    const ds = await loadDataset({ files: [f] });
    expect(ds.merge.illustrative).toEqual([f]);
    const p = ds.get('viso.raadgivning.forbrug').points.find((x) => x.year === 2025)!;
    expect(p.flags).toEqual(['user_supplied', 'illustrative']);
    // the bundled years keep their flags
    expect(ds.get('viso.raadgivning.forbrug').points.find((x) => x.year === 2024)!.flags).not.toContain('illustrative');
  });

  it('a leading comment line marks the file; a file without one is not marked', async () => {
    const marked = file('m.csv', `# Illustrativ fil (eksempel)\nserie;år;værdi;enhed\n${ROW}\n`);
    const plain = file('p.csv', `# Regnskab 2025\nserie;år;værdi;enhed\n${ROW}\n`);
    expect((await loadDataset({ files: [marked] })).merge.illustrative).toEqual([marked]);
    const ds = await loadDataset({ files: [plain] });
    expect(ds.merge.illustrative).toBeUndefined();
    expect(ds.get('viso.raadgivning.forbrug').points.find((x) => x.year === 2025)!.flags).toEqual(['user_supplied']);
    // only the marked file of two is named
    expect((await loadDataset({ files: [plain, marked] })).merge.illustrative).toEqual([marked]);
  });

  it('the flag illustrative in the flags column marks the row and the file', async () => {
    const f = file('f.csv', `serie;år;værdi;enhed;flags\n${ROW};illustrative\nviso.raadgivning.bevilling;2025;161,2;mio. kr.;\n`);
    const ds = await loadDataset({ files: [f] });
    expect(ds.merge.illustrative).toEqual([f]);
    expect(ds.get('viso.raadgivning.forbrug').points.find((x) => x.year === 2025)!.flags).toEqual(['illustrative', 'user_supplied']);
    expect(ds.get('viso.raadgivning.bevilling').points.find((x) => x.year === 2025)!.flags).toEqual(['user_supplied']);
  });
});
