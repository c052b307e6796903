/**
 * `manifest.json`: what went into a report and how long it took. The only report file
 * with timestamps and timings, so the other files stay byte-identical between runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath, packageRoot } from '../io/paths.js';
import { packageVersion } from './assets.js';
import type { ReportModel } from './model.js';

/** One hashed file. */
export interface HashedFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** The manifest written beside the report. */
export interface Manifest {
  tool: 'viso-budget';
  version: string;
  generatedAt: string;
  node: string;
  packages: Record<string, string>;
  lang: string;
  seed: number;
  runs: number;
  focusYear: number;
  scenarios: { id: string; name: string; seed: number; runs: number; files: string[] }[];
  inputs: HashedFile[];
  outputs: HashedFile[];
  timingsMs: Record<string, number>;
}

/**
 * SHA-256 of bytes or text, hex.
 *
 * @example
 * sha256('abc') // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function listYaml(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
        .map((f) => join(dir, f))
    : [];
}

/**
 * Every input file of a report: the bundled data, cost, measure and scenario files and
 * any user scenario files, hashed. Paths inside the package are relative to its root, others are file names.
 *
 * @example
 * reportInputs(model).map((f) => f.path) // ['data/events.csv', 'data/maalgrupper.csv', ...]
 */
export function reportInputs(m: ReportModel): HashedFile[] {
  const root = packageRoot();
  const files = new Set<string>();
  for (const f of ['data/viso.csv', 'data/sources.csv', 'data/events.csv', 'data/maalgrupper.csv', 'models/cost.yaml'])
    files.add(join(root, f));
  if (m.measures.some((x) => x.costSplit)) files.add(join(root, 'models/timing.yaml'));
  for (const f of m.budgetFiles ?? []) files.add(resolve(f));
  for (const f of listYaml(join(root, 'models/measures'))) files.add(f);
  for (const s of m.scenarios) for (const f of s.files) files.add(resolve(f));
  for (const f of m.userData?.files ?? []) files.add(resolve(f));
  if (m.followUp)
    for (const f of [m.followUp.file, join(root, 'models/followup.yaml'), join(root, 'models/timing.yaml')])
      files.add(resolve(f));
  return [...files]
    .filter((f) => existsSync(f))
    .map((f) => {
      const data = readFileSync(f);
      return { path: displayPath(f), sha256: sha256(data), bytes: data.length };
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * Build the manifest for a report's model and output files.
 *
 * @example
 * const man = buildManifest(model, files, { collect: 1234 });
 */
export function buildManifest(
  m: ReportModel,
  outputs: Record<string, string | Uint8Array>,
  timingsMs: Record<string, number>,
  now = new Date(),
): Manifest {
  const packages: Record<string, string> = {};
  for (const p of ['vega', 'vega-lite', 'vega-embed', 'exceljs', '@resvg/resvg-js']) {
    try {
      packages[p] = packageVersion(p);
    } catch {
      packages[p] = 'unknown';
    }
  }
  return {
    tool: 'viso-budget',
    version: m.version,
    generatedAt: now.toISOString(),
    node: process.version,
    packages,
    lang: m.lang,
    seed: m.seed,
    runs: m.runs,
    focusYear: m.focusYear,
    scenarios: m.scenarios.map((s) => ({
      id: s.result.id,
      name: s.result.name,
      seed: s.result.seed,
      runs: s.result.runs,
      files: s.files.map((f) => displayPath(f)),
    })),
    inputs: reportInputs(m),
    outputs: Object.keys(outputs)
      .sort()
      .map((k) => ({
        path: k,
        sha256: sha256(outputs[k]),
        bytes:
          typeof outputs[k] === 'string' ? Buffer.byteLength(outputs[k] as string) : (outputs[k] as Uint8Array).length,
      })),
    timingsMs,
  };
}
