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
  'series helpers': [
    'seriesValues',
    'valueAt',
    'pointAt',
    'alignSeries',
    'sumSeries',
    'ratioSeries',
    'seriesFromArrays',
    'seriesFromObservations',
  ],
  'data frames': ['toDataFrame', 'fromDataFrame', 'loadDanfo', 'seriesColumns', 'forecastColumns', 'scenarioColumns'],
  forecasting: ['fit', 'forecast', 'forecastSeries', 'pathDistribution', 'simulate', 'METHOD_NAMES'],
  backtests: ['backtest', 'seriesTrackRecord', 'smape', 'mase', 'coverage'],
  cost: ['loadCostAssumptions', 'unitCostTable', 'fitCostModel', 'funnel', 'plIndex'],
  measures: ['loadMeasure', 'loadMeasures', 'findMeasure', 'measureFactor', 'evaluateMeasure', 'effectFromEvaluation'],
  scenarios: ['loadScenario', 'runScenario', 'goalSeek', 'sensitivity', 'listBundledScenarios'],
  charts: [
    'budgetChart',
    'activityChart',
    'unitCostChart',
    'fanChart',
    'pMerforbrugChart',
    'scenarioComparisonChart',
    'tornadoChart',
    'measureChart',
    'goalSeekChart',
  ],
  reports: ['renderSvg', 'svgToPng', 'buildReport', 'writeReport'],
  'stats and formatting': [
    'Rng',
    'invNorm',
    'normCdf',
    'distQuantile',
    'distMean',
    'quantileSorted',
    'formatNumber',
    'formatMio',
    'formatPct',
    'formatPp',
    'writeFileAtomic',
  ],
};

/** The section entries (`viso-budget/<section>` → `src/<section>/index.ts`). */
const SECTIONS = ['data', 'forecast', 'cost', 'measures', 'scenario', 'followup', 'report', 'stats'];

/** Root names whose home is a ground-floor module, not a section entry. */
const ROOT_ONLY = [
  'InputError',
  'InputErrors',
  'UsageError',
  'isUserError',
  'userMessage',
  'FLAGS',
  'UNITS',
  'formatNumber',
  'formatMio',
  'formatPct',
  'formatPp',
  'writeFileAtomic',
];

/** The curated root API, pinned: adding a name is a decision, made here. */
const CURATED = [
  // errors
  'InputError',
  'InputErrors',
  'UsageError',
  'isUserError',
  'userMessage',
  // data
  'loadBundled',
  'loadDataset',
  'loadDataFile',
  'validateFile',
  'Dataset',
  'FLAGS',
  'UNITS',
  'seriesValues',
  'valueAt',
  'pointAt',
  'alignSeries',
  'sumSeries',
  'ratioSeries',
  'seriesFromArrays',
  'seriesFromObservations',
  'toDataFrame',
  'fromDataFrame',
  'loadDanfo',
  'seriesColumns',
  'forecastColumns',
  'scenarioColumns',
  // forecast
  'METHOD_NAMES',
  'fit',
  'forecast',
  'forecastSeries',
  'pathDistribution',
  'simulate',
  'backtest',
  'seriesTrackRecord',
  'smape',
  'mape',
  'mase',
  'msis',
  'coverage',
  'forecastHierarchy',
  'hierarchyShares',
  'reconcile',
  'forecastBatch',
  // cost
  'loadCostAssumptions',
  'unitCostTable',
  'fitCostModel',
  'predictCost',
  'bootstrapCostModel',
  'costModelSensitivity',
  'drawCostParams',
  'funnel',
  'forecastFunnel',
  'forloebMix',
  'plIndex',
  'toFixedPrices',
  'durationDist',
  'costShareByYear',
  // measures
  'loadMeasure',
  'loadMeasures',
  'findMeasure',
  'measureFactor',
  'evaluateMeasure',
  'effectFromEvaluation',
  'segmentedRegression',
  // scenario
  'loadScenario',
  'listBundledScenarios',
  'runScenario',
  'goalSeek',
  'sensitivity',
  'backtestScenario',
  'headlineBacktest',
  'oneForecast',
  'parameterSpread',
  'estimateScenarioInputs',
  'datasetUntil',
  // followup
  'readMonthlyActuals',
  'followUp',
  'backtestFollowUp',
  'loadFollowUpAssumptions',
  // report
  'budgetChart',
  'activityChart',
  'unitCostChart',
  'fanChart',
  'pMerforbrugChart',
  'merforbrugDistributionChart',
  'scenarioComparisonChart',
  'tornadoChart',
  'measureChart',
  'measureChartInput',
  'goalSeekChart',
  'followUpChart',
  'trackRecordChart',
  'chartEvents',
  'budgetRows',
  'activityRows',
  'unitCostRows',
  'scenarioYearRows',
  'tornadoRows',
  'inputLabel',
  'tighteningGrid',
  'formatFollowUp',
  'describeEffect',
  'renderSvg',
  'svgToPng',
  'collectReport',
  'buildReport',
  'writeReport',
  // stats and formatting
  'Rng',
  'invNorm',
  'normCdf',
  'distQuantile',
  'distMean',
  'quantileSorted',
  'crpsSorted',
  'ols',
  'formatNumber',
  'formatMio',
  'formatPct',
  'formatPp',
  'writeFileAtomic',
];

describe('public API (src/index.ts)', () => {
  for (const [area, names] of Object.entries(KEY_NAMES)) {
    it(`exports ${area}`, () => {
      const missing = names.filter((n) => !(n in api));
      expect(missing, `missing from src/index.ts (${area})`).toEqual([]);
    });
  }

  it('keeps engine internals out of the public API (they stay importable from their modules)', () => {
    const internal = [
      'drawBlock',
      'simulateBlock',
      'blockBuffers',
      'BLOCK_SIZE',
      'runCompiled',
      'runCompiledParallel',
      'makeSampler',
      'sampleAt',
      'escapeHtml',
      'parseYaml',
      'yamlPosition',
    ];
    expect(internal.filter((n) => n in api)).toEqual([]);
  });

  it('is the curated list: these 119 names, no more (internals live in the section entries)', () => {
    expect(Object.keys(api).sort()).toEqual([...CURATED].sort());
  });

  it('each name is the same object as in its section entry (viso-budget/<section>)', async () => {
    const entries = await Promise.all(
      SECTIONS.map(async (s) => [s, (await import(join(src, s, 'index.ts'))) as Record<string, unknown>] as const),
    );
    const homeless: string[] = [];
    for (const [name, value] of Object.entries(api)) {
      const home = entries.find(([, mod]) => name in mod);
      if (!home && !ROOT_ONLY.includes(name)) homeless.push(name);
      else if (home) expect(home[1][name], `${name} differs from ${home[0]}/index.ts`).toBe(value);
    }
    expect(homeless, 'exported at the root but in no section entry').toEqual([]);
  });

  it('package.json maps every section entry to its compiled index (types and code)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(Object.keys(pkg.exports).sort()).toEqual(['.', ...SECTIONS.map((s) => `./${s}`)].sort());
    for (const s of SECTIONS)
      expect(pkg.exports[`./${s}`]).toEqual({ types: `./dist/${s}/index.d.ts`, default: `./dist/${s}/index.js` });
  });

  it('the section entries keep the internals the root leaves out', async () => {
    const forecastEntry = (await import(join(src, 'forecast', 'index.ts'))) as Record<string, unknown>;
    const statsEntry = (await import(join(src, 'stats', 'index.ts'))) as Record<string, unknown>;
    expect(['etsFit', 'arimaAuto', 'kpssStat', 'nelderMead'].filter((n) => !(n in forecastEntry))).toEqual([]);
    expect(['cholesky', 'leastSquares', 'invert', 'qt', 'pt'].filter((n) => !(n in statsEntry))).toEqual([]);
    expect(['etsFit', 'kpssStat', 'nelderMead', 'cholesky', 'leastSquares', 'erfc'].filter((n) => n in api)).toEqual(
      [],
    );
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
    for (const m of text.matchAll(
      /^export\s+(?:declare\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm,
    )) {
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
    for (const m of readFileSync(f, 'utf8').matchAll(/\b([A-Za-z_$][\w$]*)\s+as\s+([A-Za-z_$][\w$]*)/g))
      out.set(m[2], m[1]);
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
        problems.push(
          `${found.map((d) => d.file).join(', ')}: ${name} ${found.some((d) => d.doc) ? 'has TSDoc without @example' : 'has no TSDoc'}`,
        );
      }
    }
    expect(problems.sort(), `${problems.length} exported functions/classes without an @example`).toEqual([]);
  });
});
