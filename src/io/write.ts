import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';

/**
 * Write a file atomically: write a temporary file beside it, then rename.
 * A failure never leaves a partial output file behind.
 *
 * @example
 * writeFileAtomic('out/forecast.csv', 'id,h,point\n');
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path) || '.', { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Write several files as one unit: all are rendered to memory first by the
 * caller, then written to a staging directory and moved into place, so a
 * failure before the move leaves nothing behind.
 *
 * @example
 * writeFilesAtomic('reports', { 'report.md': md, 'report.html': html });
 */
export function writeFilesAtomic(dir: string, files: Record<string, string | Uint8Array>): string[] {
  const stage = join(dirname(dir) || '.', `.${basename(dir)}.${process.pid}.staging`);
  rmSync(stage, { recursive: true, force: true });
  const written: string[] = [];
  try {
    for (const [name, data] of Object.entries(files)) {
      const p = join(stage, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, data);
    }
    mkdirSync(dir, { recursive: true });
    for (const name of Object.keys(files)) {
      const dest = join(dir, name);
      mkdirSync(dirname(dest), { recursive: true });
      renameSync(join(stage, name), dest);
      written.push(dest);
    }
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
  return written;
}
