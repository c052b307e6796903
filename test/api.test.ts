/**
 * The public library API (`src/index.ts`, compiled to `dist/index.js`, the
 * package's main entry): the names analysts script against exist, no name is
 * silently dropped by two `export *` modules exporting it differently, and
 * every exported function and class has TSDoc with an `@example`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

const root = resolve(__dirname, '..');
const src = join(root, 'src');

/** Names an analyst needs, by area (the contracts in the README and the issues). */
const KEY_NAMES: Record<string, string[]> = {
  errors: ['InputError', 'InputErrors', 'UsageError', 'isUserError', 'userMessage'],
  'data loading': ['loadBundled', 'Dataset', 'FLAGS', 'UNITS'],
  'series helpers': ['seriesValues', 'valueAt', 'pointAt', 'alignSeries', 'sumSeries', 'ratioSeries', 'seriesFromArrays', 'seriesFromObservations'],
  'data frames': ['toDataFrame', 'fromDataFrame', 'loadDanfo', 'seriesColumns', 'forecastColumns', 'scenarioColumns'],
  forecasting: ['fit', 'forecast', 'forecastSeries', 'pathDistribution', 'simulate', 'METHOD_NAMES'],
  backtests: ['backtest', 'smape', 'mase', 'coverage'],
  cost: ['loadCostAssumptions', 'unitCostTable', 'fitCostModel', 'funnel', 'plIndex'],
  measures: ['loadMeasure', 'loadMeasures', 'findMeasure', 'measureFactor', 'evaluateMeasure', 'effectFromEvaluation'],
  scenarios: ['loadScenario', 'runScenario', 'goalSeek', 'sensitivity', 'listBundledScenarios'],
  charts: ['budgetChart', 'activityChart', 'unitCostChart', 'fanChart', 'pMerforbrugChart', 'scenarioComparisonChart', 'tornadoChart', 'measureChart', 'goalSeekChart'],
  reports: ['renderSvg', 'svgToPng', 'buildReport', 'writeReport'],
  'stats and formatting': ['Rng', 'invNorm', 'normCdf', 'distQuantile', 'distMean', 'quantileSorted', 'formatNumber', 'formatMio', 'formatPct', 'formatPp', 'writeFileAtomic'],
};

describe('public API (src/index.ts)', () => {
  for (const [area, names] of Object.entries(KEY_NAMES)) {
    it(`exports ${area}`, () => {
      const missing = names.filter((n) => !(n in api));
      expect(missing, `missing from src/index.ts (${area})`).toEqual([]);
    });
  }

  it('keeps engine internals out of the public API (they stay importable from their modules)', () => {
    const internal = ['drawBlock', 'simulateBlock', 'blockBuffers', 'BLOCK_SIZE', 'runCompiled', 'runCompiledParallel', 'makeSampler', 'sampleAt', 'escapeHtml', 'parseYaml', 'yamlPosition'];
    expect(internal.filter((n) => n in api)).toEqual([]);
  });

  it('has no names dropped by conflicting `export *` lines', async () => {
    const index = readFileSync(join(src, 'index.ts'), 'utf8');
    const modules = [...index.matchAll(/^export \* from '(\.[^']+)';/gm)].map((m) => m[1]);
    const seen = new Map<string, { module: string; value: unknown }>();
    const conflicts: string[] = [];
    for (const m of modules) {
      const mod = (await import(join(src, m.replace(/\.js$/, '.ts')))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        const prev = seen.get(name);
        if (prev && prev.value !== value) conflicts.push(`${name} (${prev.module} and ${m})`);
        else if (!prev) seen.set(name, { module: m, value });
      }
    }
    expect(conflicts, 'exported by two modules: the name silently disappears from the API').toEqual([]);
  });
});

/** All TypeScript sources under src/. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') && !p.endsWith('.d.ts') ? [p] : [];
  });
}

/** The TSDoc block directly above position `at` (only whitespace in between), or ''. */
function docAbove(text: string, at: number): string {
  const before = text.slice(0, at).trimEnd();
  if (!before.endsWith('*/')) return '';
  const start = before.lastIndexOf('/**');
  return start < 0 ? '' : before.slice(start);
}

/** name → TSDoc of its first `export function|class|const` declaration, per file. */
function declarations(): Map<string, { file: string; doc: string }[]> {
  const out = new Map<string, { file: string; doc: string }[]>();
  for (const f of sourceFiles(src)) {
    const text = readFileSync(f, 'utf8');
    const seenHere = new Set<string>();
    for (const m of text.matchAll(/^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm)) {
      const name = m[1];
      if (seenHere.has(name)) continue; // overloads: the first signature carries the doc
      seenHere.add(name);
      const list = out.get(name) ?? [];
      list.push({ file: relative(root, f), doc: docAbove(text, m.index!) });
      out.set(name, list);
    }
  }
  return out;
}

/** Renamed re-exports (`export { a as b }`) anywhere in src: b → a. */
function renames(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of sourceFiles(src)) {
    for (const m of readFileSync(f, 'utf8').matchAll(/\b([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g)) out.set(m[2], m[1]);
  }
  return out;
}

describe('TSDoc', () => {
  it('docAbove finds only the block directly above a declaration', () => {
    const t = '/** a\n * @example\n * f()\n */\nexport function f() {}\nimport x from "y";\nexport function g() {}';
    expect(docAbove(t, t.indexOf('export function f'))).toContain('@example');
    expect(docAbove(t, t.indexOf('export function g'))).toBe('');
  });

  it('every exported function and class of the public API has TSDoc with an @example', () => {
    const decls = declarations();
    const renamed = renames();
    const problems: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      if (typeof value !== 'function') continue;
      const found = decls.get(name) ?? decls.get(renamed.get(name) ?? '') ?? [];
      if (found.length === 0) {
        problems.push(`${name}: declaration not found in src/`);
        continue;
      }
      // the same name may be declared in several files; one documented declaration is enough
      if (!found.some((d) => d.doc.includes('@example'))) {
        problems.push(`${found.map((d) => d.file).join(', ')}: ${name} ${found.some((d) => d.doc) ? 'has TSDoc without @example' : 'has no TSDoc'}`);
      }
    }
    expect(problems.sort(), `${problems.length} exported functions/classes without an @example`).toEqual([]);
  });
});
