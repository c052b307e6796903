import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { MAIN, ROOT, ensureBuilt, viso } from '../helpers/cli.js';
import { hostileCorpus } from './batch-corpus.js';

// These run the compiled CLI: worker threads load dist/forecast/batch-worker.js.
const dir = (): string => mkdtempSync(join(tmpdir(), 'viso-bcli-'));

describe('viso forecast-batch (worker threads)', () => {
  const d = dir();
  const { text, bad, goodIds } = hostileCorpus();
  writeFileSync(join(d, 'hostile.csv'), text);
  it('50 bad series among 1,000: every one reported with id, line and reason; the rest written; exit 3; identical bytes for 1, 2 and 3 worker threads', () => {
    const outs = ['1', '2', '3'].map((t) => {
      const r = viso(
        'forecast-batch',
        '--input',
        join(d, 'hostile.csv'),
        '--out',
        join(d, `o${t}.csv`),
        '--report',
        join(d, `r${t}.csv`),
        '--horizon',
        '3',
        '--threads',
        t,
      );
      expect(r.code, r.err).toBe(3);
      return { r, csv: readFileSync(join(d, `o${t}.csv`), 'utf8'), report: readFileSync(join(d, `r${t}.csv`), 'utf8') };
    });
    expect(outs[1].csv).toBe(outs[0].csv);
    expect(outs[2].csv).toBe(outs[0].csv);
    expect(outs[2].report).toBe(outs[0].report);
    const { r, csv, report } = outs[2];
    for (const b of bad)
      expect(r.err, b.id).toMatch(
        new RegExp(`hostile\\.csv:\\d+: serie "${b.id}": ${b.action === 'skipped' ? 'sprunget over' : 'bemærk'}: `),
      );
    const codes = new Map(
      report
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => [l.split(',')[0], l.split(',')[3]]),
    );
    for (const b of bad) expect(codes.has(b.id), b.id).toBe(true);
    expect(goodIds.filter((id) => codes.has(id))).toEqual([]);
    expect(csv).not.toMatch(/NaN|Infinity/);
    const nSkipped = bad.filter((b) => b.action === 'skipped').length;
    const nNotes = report.split('\n').filter((l) => /^[^,]+,\d+,note,/.test(l)).length;
    expect(nNotes).toBeGreaterThanOrEqual(bad.length - nSkipped);
    // the 1e300 spike makes auto's intervals overflow: the documented fallback (drift) takes over, reported
    expect(report).toMatch(/^B46-spike1e300,\d+,fallback,fallback,/m);
    expect(r.err).toContain(
      `1.000 serier: ${1000 - nSkipped} med prognose (1 med reservemetode, ${nNotes} bemærkninger), ${nSkipped} sprunget over → `,
    );
    expect(r.err).toContain(', 3 tråde)');
    // the gapped series of issue 19 is refused with the jump, never fitted as 6 consecutive points
    expect(r.err).toMatch(
      /hostile\.csv:\d+: serie "B01-gap": sprunget over: hul i t: 3 → 100 \(t skal være fortløbende; huller lukkes aldrig\)/,
    );
  }, 120_000);
  it('reads gzip by path and uncompressed CSV from stdin (--input -)', () => {
    writeFileSync(join(d, 'in.csv.gz'), gzipSync(text));
    const gz = viso(
      'forecast-batch',
      '--input',
      join(d, 'in.csv.gz'),
      '--out',
      join(d, 'gz.csv'),
      '--horizon',
      '3',
      '--threads',
      '2',
    );
    expect(gz.code).toBe(3);
    const plain = viso(
      'forecast-batch',
      '--input',
      join(d, 'hostile.csv'),
      '--out',
      join(d, 'plain.csv'),
      '--horizon',
      '3',
      '--threads',
      '2',
    );
    expect(plain.code).toBe(3);
    expect(readFileSync(join(d, 'gz.csv'), 'utf8')).toBe(readFileSync(join(d, 'plain.csv'), 'utf8'));
    const r = spawnSync(
      process.execPath,
      [MAIN, 'forecast-batch', '--input', '-', '--out', join(d, 'stdin.csv'), '--horizon', '3', '--lang', 'en'],
      { cwd: ROOT, input: text, encoding: 'utf8' },
    );
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/viso forecast-batch: stdin:\d+: series "B01-gap": skipped: gap in t/);
    expect(readFileSync(join(d, 'stdin.csv'), 'utf8')).toBe(readFileSync(join(d, 'plain.csv'), 'utf8'));
  }, 120_000);
  it('gzip on stdin is recognised even when the pipe delivers one byte first', async () => {
    ensureBuilt();
    const gzText = gzipSync('id,t,value\na,1,1\na,2,2\na,3,4\n');
    const c = spawn(
      process.execPath,
      [MAIN, 'forecast-batch', '--input', '-', '--out', join(d, 'gzstdin.csv'), '--method', 'naive', '--horizon', '1'],
      { cwd: ROOT, stdio: ['pipe', 'ignore', 'ignore'] },
    );
    c.stdin.write(gzText.subarray(0, 1));
    await new Promise((res) => setTimeout(res, 300));
    c.stdin.end(gzText.subarray(1));
    expect(await new Promise((res) => c.on('exit', res))).toBe(0);
    expect(readFileSync(join(d, 'gzstdin.csv'), 'utf8')).toMatch(
      /^id,method,h,point,lo80,hi80,lo95,hi95\na,naive,1,4,/,
    );
  });
  it('exit 0 when every series is forecast (notes allowed); ids neutralised unless --raw-ids; an id with CR is quoted', () => {
    const inp = join(d, 'ids.csv');
    const rows = ['=HYPERLINK("http://x")', "+cmd|'/C calc'!A0", '@SUM(A1)', '-1', '\tx', 'cr\rid'].flatMap((id) =>
      [1, 2, 3].map((t) => `"${id.replace(/"/g, '""')}",${t},${t * 10}`),
    );
    writeFileSync(inp, 'id,t,value\n' + rows.join('\n') + '\n');
    const r = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      join(d, 'ids-out.csv'),
      '--horizon',
      '1',
      '--method',
      'naive',
    );
    expect(r.code, r.err).toBe(0);
    expect(
      readFileSync(join(d, 'ids-out.csv'), 'utf8')
        .split('\n')
        .slice(1, -1)
        .map((l) => l.replace(/,naive,1,.*$/, '')),
    ).toEqual([`"'=HYPERLINK(""http://x"")"`, "'+cmd|'/C calc'!A0", "'@SUM(A1)", "'-1", "'\tx", '"cr\rid"']);
    const raw = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      join(d, 'ids-raw.csv'),
      '--horizon',
      '1',
      '--method',
      'naive',
      '--raw-ids',
    );
    expect(raw.code).toBe(0);
    expect(readFileSync(join(d, 'ids-raw.csv'), 'utf8')).toContain('\n@SUM(A1),naive,1,30,');
  });
  it('the summary line counts in the right number (1 serie, 1 bemærkning, 1 tråd; 1 note, 1 thread)', () => {
    const inp = join(d, 'one.csv');
    writeFileSync(inp, 'id,t,value\nk,1,5\nk,2,5\nk,3,5\n');
    const r = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      join(d, 'one-out.csv'),
      '--horizon',
      '1',
      '--threads',
      '1',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(
      /^1 serie: 1 med prognose \(0 med reservemetode, 1 bemærkning\), 0 sprunget over → .*one-out\.csv \([\d,]+ s, 1 tråd\)\n$/m,
    );
    const en = viso('forecast-batch', '--input', inp, '--out', join(d, 'one-en.csv'), '--threads', '1', '--lang', 'en');
    expect(en.err).toMatch(
      /^1 series: 1 forecast \(0 with a fallback method, 1 note\), 0 skipped → .*one-en\.csv \([\d.]+ s, 1 thread\)\n$/m,
    );
  });

  it('shows a progress bar only on a terminal or with --progress, and never in the output file', () => {
    const quiet = viso(
      'forecast-batch',
      '--input',
      join(d, 'hostile.csv'),
      '--out',
      join(d, 'p1.csv'),
      '--horizon',
      '1',
      '--method',
      'naive',
    );
    expect(quiet.err).not.toContain('\r');
    const bar = viso(
      'forecast-batch',
      '--input',
      join(d, 'hostile.csv'),
      '--out',
      join(d, 'p2.csv'),
      '--horizon',
      '1',
      '--method',
      'naive',
      '--progress',
      '--threads',
      '1',
    );
    expect(bar.code).toBe(3);
    expect(bar.err).toMatch(/\r\[#* *\] +\d+ % {2}[\d.]+ serier {2}[\d.]+\/s/);
    expect(bar.err).toContain('\r\x1b[K'); // cleared before each problem line and at the end
    expect(readFileSync(join(d, 'p2.csv'), 'utf8')).toBe(readFileSync(join(d, 'p1.csv'), 'utf8'));
  });
  it('more than 200 problems: the first 200 on stderr, then a count pointing at --report', () => {
    const inp = join(d, 'many.csv');
    writeFileSync(inp, 'id,t,value\n' + Array.from({ length: 250 }, (_, i) => `s${i},1,1`).join('\n') + '\n');
    const r = viso('forecast-batch', '--input', inp, '--out', join(d, 'many-out.csv'), '--lang', 'en');
    expect(r.code).toBe(3);
    expect(r.err.split('\n').filter((l) => l.includes(': skipped: only 1 value'))).toHaveLength(200);
    expect(r.err).toContain('viso forecast-batch: … and 50 more problems (write them all with --report FILE)');
  });
  it('a file problem is one line with file and line, exit 2, and nothing is written', () => {
    const inp = join(d, 'unsorted.csv');
    writeFileSync(inp, 'id,t,value\nA,1,1\nA,2,2\nA,3,3\nB,1,1\nB,2,2\nB,3,3\nA,4,4\n');
    const r = viso('forecast-batch', '--input', inp, '--out', join(d, 'never.csv'), '--report', join(d, 'never-r.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${inp}:8: kolonne id: forventede rækkerne for hvert id samlet (id "A" stod før, derefter andre id'er); sortér filen efter id, fx med en stabil sortering på id-kolonnen, fandt "A"\n`,
    );
    const en = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      join(d, 'never.csv'),
      '--report',
      join(d, 'never-r.csv'),
      '--lang',
      'en',
    );
    expect(en.err).toBe(
      `${inp}:8: column id: expected the rows of each id together (id "A" appeared before, then other ids); sort the file by id, e.g. with a stable sort on the id column, found "A"\n`,
    );
    expect(existsSync(join(d, 'never.csv'))).toBe(false);
    expect(existsSync(join(d, 'never-r.csv'))).toBe(false);
  });
  it('output paths that cannot be written are one-line usage errors (exit 2), also under /proc; missing folders are created', () => {
    const inp = join(d, 'hostile.csv');
    const proc = viso('forecast-batch', '--input', inp, '--out', '/proc/viso/x.csv', '--lang', 'en');
    expect([proc.code, proc.err]).toEqual([
      2,
      'cannot write --out /proc/viso/x.csv: cannot create the folder /proc/viso (ENOENT)\n',
    ]);
    expect(viso('forecast-batch', '--input', inp, '--out', '/proc/viso/x.csv').err).toBe(
      'kan ikke skrive --out /proc/viso/x.csv: kan ikke oprette mappen /proc/viso (ENOENT)\n',
    );
    const under = viso('forecast-batch', '--input', inp, '--out', join(inp, 'x.csv'), '--lang', 'en');
    expect([under.code, under.err]).toEqual([2, `cannot write --out ${join(inp, 'x.csv')}: ${inp} is not a folder\n`]);
    expect(viso('forecast-batch', '--input', inp, '--out', join(inp, 'x.csv')).err).toBe(
      `kan ikke skrive --out ${join(inp, 'x.csv')}: ${inp} er ikke en mappe\n`,
    );
    const folder = viso('forecast-batch', '--input', inp, '--out', d);
    expect(folder.code).toBe(2);
    expect(folder.err).toBe(`--out ${d} er en mappe; angiv et filnavn, fx ${join(d, 'forecasts.csv')}\n`);
    expect(viso('forecast-batch', '--input', inp, '--out', d, '--lang', 'en').err).toBe(
      `--out ${d} is a folder; give a file name, e.g. ${join(d, 'forecasts.csv')}\n`,
    );
    const deep = viso('forecast-batch', '--input', inp, '--out', join(d, 'a', 'b', 'o.csv'), '--method', 'naive');
    expect(deep.code).toBe(3);
    expect(existsSync(join(d, 'a', 'b', 'o.csv'))).toBe(true);
  });
  it('an interrupted run (SIGINT) leaves neither the output nor a temporary file; a killed run’s temporary file is removed by the next run', async () => {
    const e = dir();
    const inp = join(e, 'long.csv');
    writeFileSync(
      inp,
      'id,t,value\n' +
        Array.from({ length: 200_000 }, (_, i) => `long,${i + 1},${(100 + i + 3 * Math.sin(i)).toFixed(3)}`).join(
          '\n',
        ) +
        '\n',
    );
    ensureBuilt();
    const child = spawn(
      process.execPath,
      [MAIN, 'forecast-batch', '--input', inp, '--out', join(e, 'o.csv'), '--report', join(e, 'r.csv')],
      { cwd: ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    // the state under test, whatever the machine's load: both temporary files exist (the run
    // listens for the signal before it creates the first) and the run has not finished
    const temps = (): string[] => readdirSync(e).filter((f) => f.endsWith('.tmp'));
    const t0 = Date.now();
    while (temps().length < 2 && child.exitCode === null && Date.now() - t0 < 60_000)
      await new Promise((res) => setTimeout(res, 20));
    expect(temps().sort()).toEqual([`.o.csv.${child.pid}.tmp`, `.r.csv.${child.pid}.tmp`]); // output and report are being written
    expect(child.exitCode).toBe(null);
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(readdirSync(e)).toEqual(['long.csv']);
    writeFileSync(join(e, '.o.csv.999999999.tmp'), 'left by a killed run');
    writeFileSync(join(e, 'small.csv'), 'id,t,value\na,1,1\na,2,2\na,3,3\n');
    expect(viso('forecast-batch', '--input', join(e, 'small.csv'), '--out', join(e, 'o.csv')).code).toBe(0);
    expect(readdirSync(e).sort()).toEqual(['long.csv', 'o.csv', 'small.csv']);
  }, 180_000);
  it('a 200,000-point series is forecast with the default method', () => {
    const inp = join(d, 'long.csv');
    writeFileSync(
      inp,
      'id,t,value\n' +
        Array.from({ length: 200_000 }, (_, i) => `long,${i + 1},${(100 + i + 3 * Math.sin(i)).toFixed(3)}`).join(
          '\n',
        ) +
        '\n',
    );
    const r = viso(
      'forecast-batch',
      '--input',
      inp,
      '--out',
      join(d, 'long-out.csv'),
      '--horizon',
      '2',
      '--lang',
      'en',
    );
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(join(d, 'long-out.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  }, 120_000);
  it('a series that exhausts its worker heap is reported and skipped; the worker is replaced and the other series of its job are written', () => {
    ensureBuilt();
    const inp = join(d, 'crash.csv');
    const lines = ['id,t,value'];
    for (const id of ['a', 'b']) for (let t = 1; t <= 20; t++) lines.push(`${id},${t},${100 + t}`);
    for (let t = 1; t <= 1_000_000; t++) lines.push(`big,${t},${100 + t}`);
    for (const id of ['c', 'd']) for (let t = 1; t <= 20; t++) lines.push(`${id},${t},${100 + t}`);
    writeFileSync(inp, lines.join('\n') + '\n');
    const url = pathToFileURL(join(ROOT, 'dist/forecast/batch-run.js')).href;
    const script = `const B = await import(${JSON.stringify(url)}); const probs = [];
const s = await B.runBatch({ input: ${JSON.stringify(inp)}, out: ${JSON.stringify(join(d, 'crash-out.csv'))}, horizon: 2, threads: 1, workerHeapMb: 48, onProblem: (p) => probs.push(p) });
console.log(JSON.stringify({ s, probs }));`;
    writeFileSync(join(d, 'crash.mjs'), script);
    const r = spawnSync(process.execPath, [join(d, 'crash.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 100_000 });
    expect(r.status, r.stderr).toBe(0);
    const { s, probs } = JSON.parse(r.stdout);
    expect(s).toMatchObject({ series: 5, forecast: 4, skipped: 1 });
    expect(probs).toHaveLength(1);
    expect(probs[0]).toMatchObject({ id: 'big', line: 42, action: 'skipped', code: 'failed' });
    expect(probs[0].detail.reason).toMatch(/^its forecast stopped the worker thread \(.*memory/);
    expect(
      readFileSync(join(d, 'crash-out.csv'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    ).toEqual(['id', 'a', 'a', 'b', 'b', 'c', 'c', 'd', 'd']);
  }, 120_000);
});
