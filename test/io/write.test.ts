import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, userMessage } from '../../src/errors.js';
import { ensureDir, lockOutputDir, writeFileAtomic, writeFilesAtomic } from '../../src/io/write.js';
import { ensureBuilt, ROOT } from '../helpers/cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'viso-write-'));
const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** A report-like file set: files plus a manifest.json listing each file's SHA-256. */
function fileSet(version: number, n = 5, bytes = 100): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < n; i++)
    files[i % 2 ? `charts/c${i}.txt` : `f${i}.txt`] = `v${version} ${i} `.padEnd(bytes, String(version % 10));
  files['manifest.json'] = JSON.stringify({
    tool: 'viso-budget',
    outputs: Object.entries(files).map(([path, c]) => ({ path, sha256: sha(c) })),
  });
  return files;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)))
    .sort();
}

/** Every file of `dir` is in its manifest with the right SHA-256, and every manifest entry exists. */
function consistent(dir: string): { ok: boolean; why: string } {
  const man = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    outputs: { path: string; sha256: string }[];
  };
  const listed = new Map(man.outputs.map((o) => [o.path, o.sha256]));
  const present = listFiles(dir).filter((f) => f !== 'manifest.json');
  for (const f of present) {
    if (!listed.has(f)) return { ok: false, why: `${f} not in the manifest` };
    if (sha(readFileSync(join(dir, f))) !== listed.get(f)) return { ok: false, why: `${f} does not match its SHA-256` };
  }
  for (const p of listed.keys()) if (!present.includes(p)) return { ok: false, why: `${p} missing` };
  return { ok: true, why: '' };
}

const usage = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error('did not throw');
};

describe('writeFilesAtomic: a folder written as one unit', () => {
  it('replaces an earlier set as a whole: no file of it survives that is not in the new one', () => {
    const d = join(tmp, 'r1');
    writeFilesAtomic(d, { ...fileSet(1), 'charts/old-only.png': 'x' });
    expect(consistent(d).ok).toBe(false); // old-only.png is not in that manifest: the test's own check works
    writeFilesAtomic(d, fileSet(2));
    expect(listFiles(d)).toEqual(Object.keys(fileSet(2)).sort());
    expect(consistent(d)).toEqual({ ok: true, why: '' });
    expect(readdirSync(tmp).filter((n) => n.startsWith('.r1.'))).toEqual([]);
  });
  it('refuses a file, or a non-empty folder that is not an earlier report, before writing anything', () => {
    const f = join(tmp, 'afile');
    writeFileSync(f, 'x');
    expect(usage(() => writeFilesAtomic(f, fileSet(1)))).toBe(
      `${f}: expected an output folder, found "a regular file"`,
    );
    const mine = join(tmp, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep');
    expect(usage(() => writeFilesAtomic(mine, fileSet(1)))).toMatch(
      /expected an empty folder or an earlier report folder/,
    );
    expect(readdirSync(mine)).toEqual(['notes.txt']);
    expect(usage(() => writeFilesAtomic('', fileSet(1)))).toBe(
      '(empty path): expected an output folder, found "an empty path"',
    );
    // worded in the user's language like the rest of the message (Danish by default)
    const empty = (f: () => unknown): UsageError => {
      try {
        f();
      } catch (e) {
        if (e instanceof UsageError) return e;
      }
      throw new Error('expected a UsageError');
    };
    expect(
      userMessage(
        empty(() => writeFilesAtomic('', fileSet(1))),
        'da',
      ),
    ).toBe('(tom sti): forventede en outputmappe, fandt "en tom sti"');
    expect(
      userMessage(
        empty(() => writeFileAtomic('', 'x')),
        'da',
      ),
    ).toBe('(tom sti): forventede en filsti, fandt "en tom sti"');
    expect(
      userMessage(
        empty(() => writeFileAtomic('', 'x')),
        'en',
      ),
    ).toBe('(empty path): expected a file path, found "an empty path"');
  });
  it('refuses a folder locked by a running process, takes over the lock of a dead one and cleans up after dead runs', async () => {
    const d = join(tmp, 'r2');
    writeFilesAtomic(d, fileSet(1));
    const running = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(tmp, '.r2.lock'), `${running.pid} host viso-budget\n`);
      expect(usage(() => lockOutputDir(d))).toBe(
        `${d}: expected an output folder that no other run is writing (try again when it has finished), found "locked by running viso pid ${running.pid}"`,
      );
    } finally {
      running.kill('SIGKILL');
    }
    // a lock naming a live process that is not Node (its id reused after a killed run) is stale
    const other = spawn('sleep', ['30']);
    try {
      for (let k = 0; k < 200 && !readFileSync(`/proc/${other.pid}/cmdline`, 'latin1').startsWith('sleep'); k++)
        await new Promise((r) => setTimeout(r, 5));
      writeFileSync(join(tmp, '.r2.lock'), `${other.pid} host viso-budget\n`);
      lockOutputDir(d).release();
      expect(existsSync(join(tmp, '.r2.lock'))).toBe(false);
    } finally {
      other.kill('SIGKILL');
    }
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    const deadPid = Number(dead.stdout.trim());
    writeFileSync(join(tmp, '.r2.lock'), `${deadPid} host viso-budget\n`);
    mkdirSync(join(tmp, `.r2.${deadPid}.abc.staging`));
    writeFileSync(join(tmp, `.r2.${deadPid}.abc.staging`, 'half.txt'), 'x');
    mkdirSync(join(tmp, `.r2.${deadPid}.staging`)); // the name of earlier versions
    writeFilesAtomic(d, fileSet(2));
    expect(readdirSync(tmp).filter((n) => n.startsWith('.r2.'))).toEqual([]);
    expect(consistent(d).ok).toBe(true);
  });
  it('puts back a report that a run killed between the two renames had moved aside', () => {
    const d = join(tmp, 'r3');
    writeFilesAtomic(d, fileSet(1));
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim(),
    );
    const aside = join(tmp, `.r3.${dead}.xyz.old`);
    spawnSync('mv', [d, aside]);
    expect(existsSync(d)).toBe(false);
    lockOutputDir(d).release();
    expect(consistent(d).ok).toBe(true);
    expect(readFileSync(join(d, 'f0.txt'), 'utf8').startsWith('v1 ')).toBe(true);
  });
});

describe('output paths', () => {
  it('are created one level at a time: a folder under /proc is refused at once instead of looping', () => {
    const t0 = performance.now();
    expect(usage(() => ensureDir('/proc/viso/deeper'))).toMatch(/^\/proc\/viso: expected a folder that can be created/);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(usage(() => writeFileAtomic(tmp, 'x'))).toBe(`${tmp}: expected a file to write, found "a folder"`);
    expect(usage(() => writeFileAtomic(' ', 'x'))).toMatch(/expected a file path/);
  });
});

describe('kill -9 while a folder is written', () => {
  it('leaves either the previous complete set or the new one, never a mix; the next run cleans up', async () => {
    ensureBuilt();
    const d = join(tmp, 'killed');
    // a child that rewrites a 60-file set (about 12 MB) in a loop, each version with its own manifest
    const script = `
      const { writeFilesAtomic } = await import(${JSON.stringify(join(ROOT, 'dist/io/write.js'))});
      const { createHash } = await import('node:crypto');
      const sha = (b) => createHash('sha256').update(b).digest('hex');
      for (let v = 1; ; v++) {
        const files = {};
        for (let i = 0; i < 60; i++) files[(i % 3 ? 'charts/' : '') + 'f' + i + '.bin'] = Buffer.alloc(200_000, (v * 31 + i) % 251);
        files['manifest.json'] = JSON.stringify({ tool: 'viso-budget', outputs: Object.entries(files).map(([path, c]) => ({ path, sha256: sha(c) })) });
        process.stdout.write('w' + v + '\\n');
        writeFilesAtomic(${JSON.stringify(d)}, files);
        process.stdout.write('v' + v + '\\n');
      }`;
    const side = (kind: string) => readdirSync(tmp).filter((n) => n.startsWith('.killed.') && n.endsWith(kind));
    const until = async (done: () => boolean, what: string, child: ChildProcess): Promise<void> => {
      const t0 = Date.now();
      while (!done() && child.exitCode === null && Date.now() - t0 < 60_000) await new Promise((r) => setTimeout(r, 1));
      expect(done(), `${what} (child exit ${child.exitCode})`).toBe(true);
    };
    let checked = 0;
    let aside = 0;
    let midWrite = 0;
    // at least 12 kills, and more (up to 40) until some have landed while a set was being staged
    let round = 0;
    for (; round < 12 || (midWrite < 2 && round < 40); round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const exited = new Promise((r) => child.on('exit', r));
      let out = '';
      let err = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (err += b));
      // the state under test, reached by the child's own signals however slow a loaded machine
      // makes it: a complete set has been written (v1) and the next one is being written, and
      // then the kill lands (a) as soon as its staging folder appears, (b) some time after the
      // child says it starts writing (w2), within the files, renames or clean-up, or (c) anywhere
      await until(() => out.includes('v1\n'), `round ${round}: the child wrote no set (${err})`, child);
      if (round % 3 === 0) await until(() => side('.staging').length > 0, `round ${round}: no staging folder`, child);
      else if (round % 3 === 1) {
        await until(() => out.includes('w2\n'), `round ${round}: the child did not start a second set`, child);
        await new Promise((r) => setTimeout(r, (round * 7) % 40));
      } else await new Promise((r) => setTimeout(r, (round * 37) % 120));
      child.kill('SIGKILL');
      await exited;
      if (side('.staging').length) midWrite++;
      if (existsSync(d)) {
        const c = consistent(d);
        expect(c, `round ${round}: ${c.why}`).toEqual({ ok: true, why: '' });
        checked++;
      } else {
        // killed between moving the old set aside and moving the new one in: the old one waits beside it, complete
        const old = side('.old');
        expect(old, `round ${round}: no output folder and none moved aside`).toHaveLength(1);
        const c = consistent(join(tmp, old[0]));
        expect(c, `round ${round}: ${c.why}`).toEqual({ ok: true, why: '' });
        aside++;
      }
    }
    expect(checked + aside).toBe(round);
    expect(midWrite, `of ${round} kills`).toBeGreaterThanOrEqual(2);
    // the next run takes the dead run's lock, removes its staging folders and writes a complete set
    writeFilesAtomic(d, fileSet(99));
    expect(consistent(d)).toEqual({ ok: true, why: '' });
    expect(readdirSync(tmp).filter((n) => n.startsWith('.killed.'))).toEqual([]);
    expect(statSync(d).isDirectory()).toBe(true);
  }, 240_000);
});
