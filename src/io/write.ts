/**
 * Writing outputs so that a failure or a kill never leaves a partial or mixed result:
 * one file by a temporary file and a rename; a folder of files (the report) built in a
 * staging folder beside the target and swapped in by renaming folders, under a lock so
 * that a second run into the same folder is refused, with the leftovers of killed runs
 * cleaned up. Problems with the output path (empty, a folder where a file is expected, a
 * file where a folder is expected, not writable, a folder that cannot be created such as
 * `/proc/viso`) are `UsageError`s naming the path.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Msg, MsgCode } from '../text/messages.js';
import { errnoMsg, fileKindMsg } from './read.js';

/**
 * An output path that cannot be used: `path: expected …, found "…"`, worded in the user's
 * language (`expected` an `io.err.*` code, `found` a code or the system's own text; an empty path
 * shows as `(tom sti)` / `(empty path)`).
 */
function outputError(path: string, expected: MsgCode, found: Msg | string): UsageError {
  return new UsageError({
    code: 'io.err.output',
    params: { file: path.trim() === '' ? { code: 'io.err.noPath' } : path, expected: { code: expected }, found },
  });
}

/**
 * Make sure `dir` is a folder, creating it and missing parents one level at a time (Node's
 * recursive mkdir loops forever under `/proc`). Throws `UsageError` naming the path.
 *
 * @example
 * ensureDir('reports/2025')
 */
export function ensureDir(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (let depth = 0; depth < 256; depth++) {
    try {
      const st = statSync(d);
      if (!st.isDirectory()) throw outputError(d, 'io.err.folder', fileKindMsg(st));
      break;
    } catch (e) {
      if (e instanceof UsageError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT') throw outputError(d, 'io.err.usableFolder', errnoMsg(e));
      missing.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
    }
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && statSync(m).isDirectory()) continue;
      throw outputError(m, 'io.err.creatable', errnoMsg(e));
    }
  }
}

/**
 * Write a file atomically: write a temporary file beside it, then rename.
 * A failure never leaves a partial output file behind; a bad path is a `UsageError`.
 *
 * @example
 * writeFileAtomic('out/forecast.csv', 'id,h,point\n');
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  if (path.trim() === '') throw outputError(path, 'io.err.filePath', { code: 'io.err.emptyPath' });
  if (existsSync(path) && statSync(path).isDirectory())
    throw outputError(path, 'io.err.fileToWrite', { code: 'file.aFolder' });
  ensureDir(dirname(resolve(path)));
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw outputError(path, 'io.err.writable', errnoMsg(e));
  }
}

/** A lock on an output folder, held from before a report is built until it is in place. */
export interface OutputLock {
  /** The output folder (resolved). */
  dir: string;
  /** The lock file beside it. */
  file: string;
  /** True while the lock file still names this process. */
  held(): boolean;
  /** Remove the lock file (if it is still ours). */
  release(): void;
}

/** True if a process with this id is running (EPERM: it exists but is not ours). */
function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True unless the process is known not to be a Node process (its id reused after a killed run):
 * on Linux its command line is read from /proc; elsewhere every live process counts.
 */
function mayBeViso(pid: number): boolean {
  try {
    return /node|viso/i.test(readFileSync(`/proc/${pid}/cmdline`, 'latin1'));
  } catch {
    return true;
  }
}

const MARKER = 'viso-budget';

/** The names viso uses beside an output folder `base`: lock, staging and old folders of a run. */
function sideName(base: string, kind: 'lock' | 'staging' | 'old', pid = process.pid, tag = ''): string {
  return kind === 'lock' ? `.${base}.lock` : `.${base}.${pid}.${tag}.${kind}`;
}

/**
 * Lock an output folder for one run: a lock file `.<name>.lock` beside it naming this
 * process. A lock of a running process refuses (a second concurrent run into one folder
 * is a `UsageError`, exit 2); the lock of a dead run is taken over, and what dead runs
 * left beside the folder (staging folders, a previous report moved aside) is cleaned up.
 * Also checks the target: a file, or a non-empty folder that is not an earlier report
 * (no `manifest.json` of viso-budget), is refused before any work is done.
 *
 * @example
 * const lock = lockOutputDir('reports');
 * try { … } finally { lock.release(); }
 */
export function lockOutputDir(dir: string, isReport: (dir: string) => boolean = isViso): OutputLock {
  if (dir.trim() === '') throw outputError(dir, 'io.err.outputFolder', { code: 'io.err.emptyPath' });
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  ensureDir(parent);
  checkTarget(dir, target, isReport);
  const file = join(parent, sideName(base, 'lock'));
  const mine = `${process.pid} ${hostname()} ${MARKER}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') throw outputError(parent, 'io.err.whereWritten', errnoMsg(e));
      let pid: number;
      try {
        pid = Number(readFileSync(file, 'utf8').split(' ')[0]);
      } catch {
        continue; // released meanwhile
      }
      if (alive(pid) && pid !== process.pid && mayBeViso(pid))
        throw outputError(dir, 'io.err.noOtherRunRetry', { code: 'io.err.lockedBy', params: { pid } });
      rmSync(file, { force: true }); // a dead run's lock
      continue;
    }
    try {
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
    cleanupDeadRuns(parent, base, target);
    const held = () => {
      try {
        return readFileSync(file, 'utf8') === mine;
      } catch {
        return false;
      }
    };
    return {
      dir: target,
      file,
      held,
      release: () => {
        if (held()) rmSync(file, { force: true });
      },
    };
  }
  throw outputError(dir, 'io.err.noOtherRun', { code: 'io.err.lockChanging' });
}

function isViso(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tool?: unknown }).tool === MARKER;
  } catch {
    return false;
  }
}

function checkTarget(shown: string, target: string, isReport: (dir: string) => boolean): void {
  let st;
  try {
    st = statSync(target);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw outputError(shown, 'io.err.usableOutput', errnoMsg(e));
  }
  if (!st.isDirectory()) throw outputError(shown, 'io.err.outputFolder', fileKindMsg(st));
  const cwd = process.cwd();
  if (cwd === target || cwd.startsWith(target + sep))
    throw outputError(shown, 'io.err.notWorking', { code: 'io.err.workingFolder' });
  if (readdirSync(target).length > 0 && !isReport(target)) {
    throw outputError(shown, 'io.err.emptyOrReport', { code: 'io.err.otherFiles' });
  }
}

/** Remove staging and old folders of runs that are no longer alive; put back a report a killed run had moved aside. */
function cleanupDeadRuns(parent: string, base: string, target: string): void {
  const prefix = `.${base}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith(prefix)) continue;
    // `.<base>.<pid>.<tag>.staging|old` (and `.<base>.<pid>.staging` of earlier versions)
    const m = /^(\d+)(?:\.([a-z0-9]+))?\.(staging|old)$/.exec(n.slice(prefix.length));
    if (!m || alive(Number(m[1]))) continue;
    const p = join(parent, n);
    if (m[3] === 'old' && !existsSync(target)) {
      try {
        renameSync(p, target); // killed between moving the old report aside and moving the new one in
        continue;
      } catch {
        /* removed below */
      }
    }
    rmSync(p, { recursive: true, force: true });
  }
}

/**
 * Write several files as one unit: all are rendered to memory first by the caller, then
 * written to a staging folder beside `dir` and swapped in by renaming folders, so `dir`
 * holds either the previous complete set or the new one, never a mix, and no file of the
 * previous set survives that is not in the new one. Runs under `lock` (taken here when
 * not given). Returns the paths written.
 *
 * @example
 * writeFilesAtomic('reports', { 'report.md': md, 'report.html': html });
 */
export function writeFilesAtomic(dir: string, files: Record<string, string | Uint8Array>, lock?: OutputLock): string[] {
  const own = lock ?? lockOutputDir(dir);
  const target = own.dir;
  const parent = dirname(target);
  const base = basename(target);
  const tag = Math.random().toString(36).slice(2, 10);
  const stage = join(parent, sideName(base, 'staging', process.pid, tag));
  const old = join(parent, sideName(base, 'old', process.pid, tag));
  let movedAside = false;
  try {
    try {
      mkdirSync(stage);
      for (const [name, data] of Object.entries(files)) {
        const p = join(stage, name);
        if (!p.startsWith(stage + '/')) throw new Error(`output name outside the folder: ${name}`);
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, data);
      }
    } catch (e) {
      if (e instanceof Error && /outside the folder/.test(e.message)) throw e;
      throw outputError(parent, 'io.err.whereWritten', errnoMsg(e));
    }
    if (!own.held()) throw outputError(dir, 'io.err.noOtherRun', { code: 'io.err.lockTaken' });
    if (existsSync(target)) {
      renameSync(target, old);
      movedAside = true;
    }
    renameSync(stage, target);
    movedAside = false;
    rmSync(old, { recursive: true, force: true });
  } catch (e) {
    rmSync(stage, { recursive: true, force: true });
    if (movedAside && !existsSync(target)) renameSync(old, target);
    throw e;
  } finally {
    if (!lock) own.release();
  }
  return Object.keys(files).map((name) => join(dir, name));
}
