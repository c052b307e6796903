/**
 * `forecast-batch` over files of any size: the input is streamed (plain or
 * gzip, detected by its first bytes; `-` reads stdin), grouped into series,
 * forecast on worker threads in jobs of a few dozen series, and the rows
 * are written in input order to a temporary file that replaces `out` only
 * when the whole input has been read. Memory is bounded by the longest
 * series and a fixed window of jobs in flight, not by the file.
 *
 * Outcomes: every readable series gets a forecast row block or a reported
 * problem (id, line, reason); a problem of the file itself (header, an
 * unterminated quote, ids not grouped, unreadable) throws an InputError or
 * UsageError and writes nothing.
 */
import { fileKindMsg } from '../io/read.js';
import {
  closeSync,
  createReadStream,
  fstatSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Readable, pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { StringDecoder } from 'node:string_decoder';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { InputError, UsageError } from '../errors.js';
import { CsvRecordReader, CsvSyntaxError, csvField } from './batch-csv.js';
import type { CsvRecord } from './batch-csv.js';
import { SeriesAssembler } from './batch-parse.js';
import type { RawSeries } from './batch-parse.js';
import { batchHeader, checkBatchOptions, outputId } from './batch.js';
import type { BatchOptions, SeriesOutcome } from './batch.js';
import type { BatchProblem, ProblemCode } from './batch-problems.js';
import { runJob } from './batch-worker.js';
import type { BatchJob } from './batch-worker.js';

/** Progress of a run (for a progress bar). */
export interface BatchProgress {
  seriesRead: number;
  seriesDone: number;
  /** bytes of the input file read so far (compressed bytes for a .gz) */
  bytesRead: number;
  /** size of the input file, when known (not for stdin or a pipe) */
  bytesTotal?: number;
  elapsedMs: number;
}

/** Options of `runBatch`. */
export interface RunBatchOptions extends BatchOptions {
  /** input path, or `-` for stdin */
  input: string;
  /** output CSV path (replaced atomically at the end) */
  out: string;
  /** optional problem report CSV `id,line,action,code,reason` (also replaced atomically) */
  report?: string;
  /** worker threads; 0 forecasts on the calling thread (default: available cores) */
  threads?: number;
  /**
   * The text of a problem's `reason` column in `report` (the command line passes
   * `problemReason` of src/report/forecastText.ts in the user's language). Default: the
   * problem's parameters as JSON (`{"n":1}`), the code column naming the reason.
   */
  reason?: (p: BatchProblem) => string;
  /** called with each problem, in input order, as its series is written */
  onProblem?: (p: BatchProblem) => void;
  /** called after each job is written */
  onProgress?: (p: BatchProgress) => void;
  /** series per job (default 32; a job also closes at 4,000 values) */
  jobSeries?: number;
  /**
   * Heap limit of each worker thread in MB (default: Node's). A series whose
   * forecast exceeds it stops its worker: the worker is replaced and the
   * series reported as skipped, the rest of its job retried one by one.
   */
  workerHeapMb?: number;
}

/** What a run did. */
export interface BatchSummary {
  series: number;
  /** series with a forecast (including fallbacks) */
  forecast: number;
  /** of those, with a fallback method */
  fallback: number;
  skipped: number;
  /** rows that belong to no series (empty id) */
  orphanRows: number;
  /** notes on series that were forecast */
  notes: number;
  /** problems by reason code */
  byCode: Partial<Record<ProblemCode, number>>;
  rows: number;
  threads: number;
  wallMs: number;
}

/**
 * Make the folder of an output file, creating missing levels one at a time
 * (never `mkdir -p`, which loops on paths under /proc); a problem is a UsageError.
 */
function ensureDir(dir: string, flag: string, path: string): void {
  const missing: string[] = [];
  let d = dir;
  for (;;) {
    let st;
    try {
      st = statSync(d);
    } catch {
      missing.push(d);
      const up = dirname(d);
      if (up === d) break;
      d = up;
      continue;
    }
    if (!st.isDirectory())
      throw new UsageError({ code: 'forecast.err.notFolder', params: { target: `${flag} ${path}`, dir: d } });
    break;
  }
  for (const m of missing.reverse()) {
    try {
      mkdirSync(m);
    } catch (e) {
      throw new UsageError({
        code: 'forecast.err.mkdir',
        params: { target: `${flag} ${path}`, dir: m, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      });
    }
  }
}

/** Remove temporary files of earlier runs that were killed (their process no longer exists). */
function removeStaleTemps(dir: string, name: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const re = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(\\d+)\\.tmp$`);
  for (const e of entries) {
    const m = re.exec(e);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(dir, e), { force: true });
    }
  }
}

/** A file written beside its target and renamed into place at the end. */
class AtomicFile {
  private fd: number;
  private buf = '';
  readonly tmp: string;
  constructor(
    readonly path: string,
    flag: string,
  ) {
    const dir = dirname(path) || '.';
    ensureDir(dir, flag, path);
    removeStaleTemps(dir, basename(path));
    this.tmp = join(dir, `.${basename(path)}.${process.pid}.tmp`);
    try {
      this.fd = openSync(this.tmp, 'w');
    } catch (e) {
      throw new UsageError({
        code: 'forecast.err.write',
        params: { target: `${flag} ${path}`, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      });
    }
  }
  write(s: string): void {
    this.buf += s;
    if (this.buf.length > 1 << 16) this.flush();
  }
  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = '';
  }
  commit(): void {
    this.flush();
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = -1;
    try {
      renameSync(this.tmp, this.path);
    } catch (e) {
      rmSync(this.tmp, { force: true });
      throw new UsageError({
        code: 'forecast.err.write',
        params: { target: this.path, why: (e as NodeJS.ErrnoException).code ?? (e as Error).message },
      });
    }
  }
  discard(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    rmSync(this.tmp, { force: true });
  }
}

/** Refuse an output path that cannot be written as a file (before reading anything). */
function checkOutPath(path: string, flag: string, input: string): void {
  if (path === '') throw new UsageError({ code: 'forecast.err.outEmpty', params: { flag } });
  let st;
  try {
    st = statSync(path);
  } catch {
    return; // does not exist yet: fine
  }
  if (st.isDirectory())
    throw new UsageError({
      code: 'forecast.err.outFolder',
      params: { flag, path, example: join(path, 'forecasts.csv') },
    });
  if (input !== '-') {
    try {
      if (realpathSync(path) === realpathSync(input))
        throw new UsageError({ code: 'forecast.err.outIsInput', params: { flag, path } });
    } catch (e) {
      if (e instanceof UsageError) throw e;
    }
  }
}

/** Open the input as a stream of text chunks (gzip detected by its magic bytes) and its size when known. */
function openInput(input: string): { source: Readable; size?: number } {
  if (input === '-') return { source: process.stdin };
  let st;
  try {
    st = statSync(input);
  } catch (e) {
    throw new UsageError({
      code: 'forecast.err.read',
      params: {
        file: input,
        why: (e as NodeJS.ErrnoException).code === 'ENOENT' ? { code: 'file.noSuchFile' } : (e as Error).message,
      },
    });
  }
  if (st.isDirectory())
    throw new UsageError({
      code: 'forecast.err.read',
      params: { file: input, why: { code: 'forecast.err.itIsFolder' } },
    });
  // a regular file or a pipe; never a device such as /dev/zero, which would stream forever
  if (!st.isFile() && !st.isFIFO())
    throw new InputError(
      { file: input },
      { code: 'file.regular', params: { what: { code: 'file.readable' } } },
      fileKindMsg(st),
    );
  let fd: number;
  try {
    fd = openSync(input, 'r');
  } catch (e) {
    throw new UsageError({
      code: 'forecast.err.read',
      params: {
        file: input,
        why: (e as NodeJS.ErrnoException).code === 'EACCES' ? { code: 'file.permission' } : (e as Error).message,
      },
    });
  }
  const size = fstatSync(fd).isFile() ? st.size : undefined;
  return { source: createReadStream(input, { fd, highWaterMark: 1 << 16 }), size };
}

/** Text chunks of the input: gunzipped when it starts with the gzip magic bytes; counts raw bytes. */
async function* textChunks(source: Readable, file: string, counter: { bytes: number }): AsyncGenerator<string> {
  const it = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const first = await it.next().catch((e: Error) => {
    throw new UsageError({ code: 'forecast.err.read', params: { file, why: e.message } });
  });
  if (first.done) return;
  const buf = (v: Buffer | string): Buffer => (typeof v === 'string' ? Buffer.from(v) : v);
  let head = buf(first.value);
  while (head.length < 2) {
    // a pipe may deliver a single byte first: the gzip test needs two
    const more = await it.next();
    if (more.done) break;
    head = Buffer.concat([head, buf(more.value)]);
  }
  const raw = Readable.from(
    (async function* () {
      counter.bytes += head.length;
      yield head;
      for (;;) {
        const n = await it.next();
        if (n.done) return;
        const b = buf(n.value);
        counter.bytes += b.length;
        yield b;
      }
    })(),
  );
  const gz = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const decoder = new StringDecoder('utf8');
  if (!gz) {
    for await (const b of raw) yield decoder.write(b as Buffer);
  } else {
    const gunzip = createGunzip();
    pipeline(raw, gunzip, () => undefined);
    try {
      for await (const b of gunzip) yield decoder.write(b as Buffer);
    } catch (e) {
      throw new InputError({ file }, { code: 'forecast.err.gzip', params: { why: (e as Error).message } });
    }
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

type Slot = { w: Worker; busy: number; jobs: Map<number, { job: BatchJob; resolve: (o: SeriesOutcome[]) => void }> };

/** A fixed set of worker threads running jobs; a crashed worker is replaced and its series are retried one by one. */
class Pool {
  private workers: Slot[] = [];
  private respawning: Promise<void> = Promise.resolve();
  private WorkerCtor!: typeof Worker;
  private closed = false;
  constructor(
    private readonly size: number,
    private readonly heapMb?: number,
  ) {}

  async start(): Promise<void> {
    this.WorkerCtor = (await import('node:worker_threads')).Worker;
    await Promise.all(Array.from({ length: this.size }, () => this.spawn()));
  }

  private spawn(): Promise<void> {
    const w = new this.WorkerCtor(new URL('./batch-worker.js', import.meta.url), {
      workerData: { visoBatchWorker: true },
      ...(this.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.heapMb } } : {}),
    });
    const slot: Slot = { w, busy: 0, jobs: new Map() };
    this.workers.push(slot);
    return new Promise<void>((ready, fail) => {
      let started = false;
      w.on('message', (m: { ready?: true; id: number; outcomes: SeriesOutcome[] }) => {
        if (m.ready) {
          started = true;
          return ready();
        }
        const j = slot.jobs.get(m.id);
        if (!j) return;
        slot.jobs.delete(m.id);
        slot.busy--;
        j.resolve(m.outcomes);
      });
      const died = (why: string): void => {
        const i = this.workers.indexOf(slot);
        if (i < 0 || this.closed) return;
        this.workers.splice(i, 1);
        if (!started) return fail(new Error(`forecast-batch worker did not start: ${why}`));
        // the lost jobs are retried one series at a time on a fresh worker; a series that stops it again is skipped
        this.respawning = this.respawning.then(() => this.spawn());
        for (const { job, resolve } of slot.jobs.values()) void this.retrySingly(job, why).then(resolve);
      };
      w.on('error', (e) => died(e.message));
      w.on('exit', (code) => died(`exit code ${code}`));
    });
  }

  private async retrySingly(job: BatchJob, why: string): Promise<SeriesOutcome[]> {
    if (job.id < 0) {
      const s = job.series[0];
      return [
        {
          rows: '',
          status: 'skipped',
          problems: [
            {
              id: s.id,
              line: s.line ?? 0,
              action: 'skipped',
              code: 'failed',
              detail: { reason: `its forecast stopped the worker thread (${why})` },
            },
          ],
        },
      ];
    }
    const out: SeriesOutcome[] = [];
    for (const s of job.series) out.push(...(await this.run({ id: -1 - job.id, series: [s], opts: job.opts })));
    return out;
  }

  /** Run a job on the least busy worker. */
  async run(job: BatchJob): Promise<SeriesOutcome[]> {
    while (!this.workers.length) await this.respawning;
    const slot = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    slot.busy++;
    return new Promise<SeriesOutcome[]>((resolve) => {
      slot.jobs.set(job.id, { job, resolve });
      slot.w.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const all = this.workers.splice(0);
    await Promise.all(all.map((s) => s.w.terminate()));
  }
}

/**
 * Forecast every series of a long CSV file into `out` (see the module
 * comment). Resolves with counts; throws InputError/UsageError (nothing
 * written) for problems of the file itself.
 *
 * @example
 * const s = await runBatch({ input: 'm4_yearly.csv.gz', out: 'fc.csv', horizon: 6 });
 * s.skipped // series reported and not forecast
 */
export async function runBatch(opts: RunBatchOptions): Promise<BatchSummary> {
  checkBatchOptions(opts);
  const t0 = Date.now();
  const file = opts.input === '-' ? 'stdin' : opts.input;
  checkOutPath(opts.out, '--out', opts.input);
  if (opts.report !== undefined) {
    checkOutPath(opts.report, '--report', opts.input);
    if (opts.report === opts.out) throw new UsageError({ code: 'forecast.err.reportOut' });
  }
  const threads = opts.threads ?? Math.max(1, availableParallelism());
  if (!Number.isInteger(threads) || threads < 0 || threads > 64)
    throw new UsageError({ code: 'forecast.err.threads', params: { got: String(threads) } });
  const { source, size } = openInput(opts.input);
  const jobOpts: BatchOptions = {
    horizon: opts.horizon,
    method: opts.method,
    levels: opts.levels,
    rawIds: opts.rawIds,
  };
  const reason = opts.reason ?? ((p: BatchProblem): string => JSON.stringify(p.detail));
  const maxSeries = opts.jobSeries ?? 32;

  const summary: BatchSummary = {
    series: 0,
    forecast: 0,
    fallback: 0,
    skipped: 0,
    orphanRows: 0,
    notes: 0,
    byCode: {},
    rows: 0,
    threads,
    wallMs: 0,
  };
  const counter = { bytes: 0 };
  // interrupted: remove the temporary files, then let the signal end the process as usual.
  // Listening starts before the first temporary file exists, so that no signal can end the
  // process between creating one and being able to remove it.
  const temps: AtomicFile[] = [];
  const onSignal = (sig: NodeJS.Signals): void => {
    for (const f of temps) f.discard();
    process.kill(process.pid, sig);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let report: AtomicFile | undefined;
  let pool: Pool | undefined;
  try {
    const out = new AtomicFile(opts.out, '--out');
    temps.push(out);
    pool = threads > 0 ? new Pool(threads, opts.workerHeapMb) : undefined;
    if (opts.report !== undefined) {
      report = new AtomicFile(opts.report, '--report');
      temps.push(report);
      report.write('id,line,action,code,reason\n');
    }
    out.write(batchHeader(opts.levels));
    await pool?.start();

    const addProblem = (p: BatchProblem): void => {
      summary.byCode[p.code] = (summary.byCode[p.code] ?? 0) + 1;
      if (p.action === 'note') summary.notes++;
      report?.write(`${outputId(p.id, opts.rawIds ?? false)},${p.line},${p.action},${p.code},${csvField(reason(p))}\n`);
      opts.onProblem?.(p);
    };
    // jobs in flight, written strictly in submission order
    const window: Promise<SeriesOutcome[]>[] = [];
    const maxWindow = Math.max(2, threads * 4);
    let nextId = 0;
    let job: RawSeries[] = [];
    let jobPoints = 0;
    const writeOldest = async (): Promise<void> => {
      const outcomes = await window.shift()!;
      for (const o of outcomes) {
        summary.series++;
        if (o.status === 'skipped') summary.skipped++;
        else summary.forecast++;
        if (o.status === 'fallback') summary.fallback++;
        if (o.rows) {
          out.write(o.rows);
          summary.rows += opts.horizon;
        }
        for (const p of o.problems) addProblem(p);
      }
      opts.onProgress?.({
        seriesRead: asm.seriesCount,
        seriesDone: summary.series,
        bytesRead: counter.bytes,
        bytesTotal: size,
        elapsedMs: Date.now() - t0,
      });
    };
    const submit = (): void => {
      if (!job.length) return;
      const j: BatchJob = { id: nextId++, series: job, opts: jobOpts };
      window.push(pool ? pool.run(j) : Promise.resolve(runJob(j)));
      job = [];
      jobPoints = 0;
    };
    const asm = new SeriesAssembler(file);
    const pending: RawSeries[] = [];
    const reader = new CsvRecordReader();
    let header = true;
    let orphansSeen = 0;
    const onRecord = (r: CsvRecord): void => {
      if (header) {
        asm.header(r);
        header = false;
      } else asm.row(r, (s) => pending.push(s));
    };
    const drain = async (): Promise<void> => {
      // orphan rows are reported in input order relative to the series around them only approximately (when read)
      while (orphansSeen < asm.orphans.length) {
        summary.orphanRows++;
        addProblem(asm.orphans[orphansSeen++]);
      }
      for (const s of pending.splice(0)) {
        job.push(s);
        jobPoints += s.values.length;
        if (job.length >= maxSeries || jobPoints >= 4000) submit();
        while (window.length >= maxWindow) await writeOldest();
      }
    };
    try {
      for await (const chunk of textChunks(source, file, counter)) {
        reader.push(chunk, onRecord);
        await drain();
      }
      reader.end(onRecord);
    } catch (e) {
      if (e instanceof CsvSyntaxError) throw new InputError({ file, line: e.line }, e.msg);
      if (e instanceof InputError || e instanceof UsageError) throw e;
      throw new UsageError({ code: 'forecast.err.read', params: { file, why: (e as Error).message } });
    }
    if (header) throw new InputError({ file, line: 1 }, { code: 'forecast.err.headerEmpty' });
    asm.end((s) => pending.push(s));
    await drain();
    submit();
    while (window.length) await writeOldest();
    out.commit();
    report?.commit();
  } catch (e) {
    for (const f of temps) f.discard();
    throw e;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    await pool?.close();
  }
  summary.wallMs = Date.now() - t0;
  return summary;
}
