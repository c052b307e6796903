/**
 * The hostile-input corpus (issue 19): every input path tried as an attacker and as a
 * careless user would. Small files are in test/fixtures/hostile/ (see its README); large
 * or binary ones are generated here and never committed. Each case runs the compiled CLI
 * in a child process and states its expected outcome: a refusal is exit 2 with one line
 * naming the file (and line where there is one), no stack trace, no "internal error" and
 * nothing written; the heavy cases (zip bombs, alias bombs, /dev/zero, 16.000 variables,
 * 50 MB files) must also be answered within 15 s of CPU time and 700 MB peak memory,
 * measured in the child. The content of forecast-batch inputs (issue 19 item 6) and value
 * plausibility (item 5) are covered by their own tasks' tests.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from './helpers/cli.js';
import { makeZip, row, workbookEntries, zeroBomb } from './helpers/zip.js';

const H = 'test/fixtures/hostile';
const T = mkdtempSync(join(tmpdir(), 'viso-hostile-'));
const RUNNER = join(ROOT, 'test/helpers/rss-run.mjs');

interface Outcome {
  code: number | null;
  out: string;
  err: string;
  cpuMs: number;
  maxRssMb: number;
}

function run(args: string[]): Outcome {
  const usage = join(T, `usage-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  const r = spawnSync(process.execPath, [RUNNER, usage, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  const u = existsSync(usage)
    ? (JSON.parse(readFileSync(usage, 'utf8')) as { maxRssKb: number; cpuMs: number })
    : { maxRssKb: NaN, cpuMs: NaN };
  rmSync(usage, { force: true });
  return { code: r.status, out: r.stdout, err: r.stderr, cpuMs: u.cpuMs, maxRssMb: u.maxRssKb / 1024 };
}

/** One hostile input and what must happen. */
interface Case {
  name: string;
  args: () => string[];
  /** The one line on stderr (a refusal, exit 2). */
  refused?: RegExp;
  /** Accepted (exit 0); `check` looks at the output. */
  accepted?: (o: Outcome) => void;
  /** Bounded: at most 15 s CPU and 700 MB peak RSS. */
  heavy?: boolean;
  /** Paths that must not exist (or must be unchanged) afterwards. */
  untouched?: () => { path: string; content?: string }[];
}

const t = (name: string) => join(T, name);
const big = (rows: number, bad = false) => {
  const lines = ['series;year;value;unit'];
  for (let i = 0; i < rows; i++)
    lines.push(
      bad
        ? `Ugyldig Serie ${i};år ${i};x;stk`
        : `user.serie_${Math.floor(i / 111)};${1990 + (i % 111)};${(i * 7) % 1000};antal`,
    );
  return lines.join('\n') + '\n';
};

beforeAll(() => {
  ensureBuilt();
  // XLSX: a 4 GiB zip bomb (4 MB file), one that lies about its size, one with too many entries
  const head = workbookEntries([{ name: 'Data', rows: row(1, ['series', 'year', 'value', 'unit']) }]);
  writeFileSync(
    t('zip-bomb.xlsx'),
    makeZip([
      ...head.slice(0, 2),
      { name: 'xl/worksheets/sheet1.xml', deflated: zeroBomb(4095), size: 4095 * 2 ** 20, crc: 0 },
    ]),
  );
  writeFileSync(
    t('zip-liar.xlsx'),
    makeZip([...head.slice(0, 2), { name: 'xl/worksheets/sheet1.xml', deflated: zeroBomb(1024), size: 4096, crc: 0 }]),
  );
  writeFileSync(
    t('zip-entries.xlsx'),
    makeZip([...head, ...Array.from({ length: 10_001 }, (_, i) => ({ name: `x/${i}`, data: '' }))]),
  );
  // XLSX: data only on a veryHidden sheet; a formula into another workbook; a formula without saved value; a DTD
  writeFileSync(
    t('hidden-only.xlsx'),
    makeZip(
      workbookEntries([
        { name: 'Visible', rows: '' },
        {
          name: 'Secret',
          state: 'veryHidden',
          rows: row(1, ['series', 'year', 'value', 'unit']) + row(2, ['viso.x.y', 2020, 1, 'count']),
        },
      ]),
    ),
  );
  writeFileSync(
    t('hidden-first.xlsx'),
    makeZip(
      workbookEntries([
        {
          name: 'Secret',
          state: 'hidden',
          rows: row(1, ['series', 'year', 'value', 'unit']) + row(2, ['viso.x.hidden', 2020, 666, 'count']),
        },
        {
          name: 'Data',
          rows: row(1, ['series', 'year', 'value', 'unit']) + row(2, ['viso.x.shown', 2020, 1, 'count']),
        },
      ]),
    ),
  );
  const withCell = (c: string) =>
    makeZip(
      workbookEntries([
        {
          name: 'Data',
          rows:
            row(1, ['series', 'year', 'value', 'unit']) +
            `<row r="2"><c r="A2" t="inlineStr"><is><t>viso.x.y</t></is></c><c r="B2"><v>2020</v></c>${c}<c r="D2" t="inlineStr"><is><t>count</t></is></c></row>`,
        },
      ]),
    );
  writeFileSync(t('external-formula.xlsx'), withCell('<c r="C2"><f>[1]Budget!C7</f><v>143.9</v></c>'));
  writeFileSync(t('formula-no-value.xlsx'), withCell('<c r="C2"><f>SUM(C3:C9)</f></c>'));
  const xxe = workbookEntries([{ name: 'Data', rows: row(1, ['series']) }]);
  xxe[0] = {
    name: 'xl/workbook.xml',
    data: '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd">]><workbook><sheets><sheet name="&x;" r:id="rId1"/></sheets></workbook>',
  };
  writeFileSync(t('xxe.xlsx'), makeZip(xxe));
  // JSON nested 100.000 deep; CSV: 50 MB valid, 50 MB of bad rows, over the size limit (sparse), a device, a pipe
  writeFileSync(t('deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
  writeFileSync(t('big.csv'), big(1_620_000));
  writeFileSync(t('big-bad.csv'), big(1_400_000, true));
  writeFileSync(t('too-big.csv'), '');
  truncateSync(t('too-big.csv'), 101 * 2 ** 20);
  symlinkSync('/dev/zero', t('zero.csv'));
  symlinkSync('/dev/zero', t('zero.yaml'));
  spawnSync('mkfifo', [t('fifo.csv')]);
  // scenarios: 16.000 variables, 60.000 keys, an empirical distribution of 10^6 values, extends a link to /dev/zero
  const vars = ['extends: baseline', 'id: many', 'name: many', 'variables:', '  v0: "1"'];
  for (let i = 1; i < 16_000; i++) vars.push(`  v${i}: "v${i - 1} + 1"`);
  writeFileSync(t('vars-16000.yaml'), vars.join('\n') + '\n');
  writeFileSync(
    t('keys-60000.yaml'),
    'extends: baseline\nid: keys\nname: keys\nvariables:\n' +
      Array.from({ length: 60_000 }, (_, i) => `  k${i}: 1`).join('\n') +
      '\n',
  );
  const values = Array.from({ length: 1_000_000 }, (_, i) => (0.45 + ((i * 7919) % 1000) / 10_000).toFixed(5));
  writeFileSync(
    t('empirical-1e6.yaml'),
    `extends: baseline\nid: emp\nname: emp\nvisitation:\n  rate: { dist: empirical, values: [${values.join(', ')}] }\n`,
  );
  writeFileSync(t('extends-link.yaml'), `extends: ${t('zero.yaml')}\nid: link\nname: link\n`);
  // outputs: an existing file, a folder with someone's files, a read-only place
  writeFileSync(t('existing-file'), 'keep me\n');
  mkdirSync(t('folder.svg'));
  mkdirSync(t('my-folder'));
  writeFileSync(t('my-folder/notes.txt'), 'my notes\n');
  mkdirSync(t('ro'));
  chmodSync(t('ro'), 0o555);
}, 180_000);

/** What each case cost (written to test/out/hostile-usage.json for the record). */
const usage: { name: string; code: number | null; cpuMs: number; maxRssMb: number }[] = [];

afterAll(() => {
  chmodSync(t('ro'), 0o755);
  rmSync(T, { recursive: true, force: true });
  mkdirSync(join(ROOT, 'test/out'), { recursive: true });
  writeFileSync(join(ROOT, 'test/out/hostile-usage.json'), JSON.stringify(usage, null, 2) + '\n');
});

const CASES: Case[] = [
  // --- resource exhaustion (item 1)
  {
    name: 'XLSX zip bomb (4 GiB in a 4 MB file)',
    args: () => ['data', 'validate', t('zip-bomb.xlsx')],
    refused:
      /zip-bomb\.xlsx: forventede en projektmappe på højst 400 MiB ukomprimeret \(se README, grænser\), fandt "mere end 400 MiB angivet i dens zip-indholdsfortegnelse"$/,
    heavy: true,
  },
  {
    name: 'XLSX entry inflating beyond its declared size',
    args: () => ['data', 'validate', t('zip-liar.xlsx')],
    refused:
      /zip-liar\.xlsx: forventede zip-poster, der ikke pakkes ud til mere end deres angivne størrelse \(en zip-bombe\?\), fandt "xl\/worksheets\/sheet1\.xml ud over 4 KiB"$/,
    heavy: true,
  },
  {
    name: 'XLSX with 10.000+ zip entries',
    args: () => ['data', 'validate', t('zip-entries.xlsx')],
    refused:
      /zip-entries\.xlsx: forventede en projektmappe med højst 10\.000 zip-poster \(se README, grænser\), fandt "10\.004 poster"$/,
  },
  {
    name: 'data file linked to /dev/zero',
    args: () => ['data', 'validate', t('zero.csv')],
    refused: /zero\.csv: forventede en læsbar fil \(en almindelig fil\), fandt "en enhed/,
    heavy: true,
  },
  {
    name: 'forecast-batch --input linked to /dev/zero',
    args: () => ['forecast-batch', '--input', t('zero.csv'), '--out', t('fb.csv')],
    refused: /zero\.csv: forventede en læsbar fil \(en almindelig fil\), fandt "en enhed/,
    heavy: true,
    untouched: () => [{ path: t('fb.csv') }],
  },
  {
    name: 'data file that is a pipe (never hangs)',
    args: () => ['data', 'validate', t('fifo.csv'), '--lang', 'en'],
    refused: /fifo\.csv: expected a readable file \(a regular file\), found "a pipe/,
  },
  {
    name: 'data file over the size limit (checked before reading)',
    args: () => ['data', 'validate', t('too-big.csv')],
    refused: /too-big\.csv: forventede en fil på højst 100 MiB \(se README, grænser\), fandt "101 MiB"$/,
    heavy: true,
  },
  {
    name: 'JSON nested 100.000 deep',
    args: () => ['data', 'validate', t('deep.json')],
    refused:
      /deep\.json:1:65: forventede JSON indlejret højst 64 niveauer dybt \(se README, grænser\), fandt "\[{20}"$/,
  },
  {
    name: '50 MB CSV, valid: loaded',
    args: () => ['data', 'list', '--data', t('big.csv'), '--json'],
    accepted: (o) =>
      expect((JSON.parse(o.out) as { id: string }[]).filter((s) => s.id.startsWith('user.')).length).toBe(14_595),
    heavy: true,
  },
  {
    name: '50 MB CSV of bad rows: the first 1.000 problems and a count of the rest',
    args: () => ['data', 'validate', t('big-bad.csv')],
    accepted: undefined,
    refused:
      /big-bad\.csv: forventede højst 1\.000 problemer vises pr\. fil \(de første fundne står ovenfor\), fandt "[\d.]+ flere"$/,
    heavy: true,
  },
  {
    name: 'extends: /dev/zero',
    args: () => ['scenario', 'run', `${H}/extends-dev-zero.yaml`, '--runs', '1000'],
    refused: /extends-dev-zero\.yaml:2:10: forventede en scenariefil, der ender på \.yaml/,
    heavy: true,
  },
  {
    name: 'extends: a .yaml link to /dev/zero',
    args: () => ['scenario', 'run', t('extends-link.yaml'), '--runs', '1000'],
    refused:
      /extends-link\.yaml:1:10: forventede extends: en læsbar YAML-fil \(en almindelig fil\), fandt ".*zero\.yaml: en enhed/,
    heavy: true,
  },
  {
    name: 'scenario alias bomb',
    args: () => ['scenario', 'run', `${H}/alias-bomb-scenario.yaml`, '--runs', '1000'],
    refused:
      /alias-bomb-scenario\.yaml:7:12: forventede højst 100 udfoldninger af YAML-aliasser \(\*navn\) \(se README, grænser\), fandt "flere \(en aliasbombe\?\)"$/,
    heavy: true,
  },
  {
    name: 'measure alias bomb',
    args: () => ['measure', 'evaluate', `${H}/alias-bomb-measure.yaml`],
    refused: /alias-bomb-measure\.yaml:10:12: forventede højst 100 udfoldninger af YAML-aliasser/,
    heavy: true,
  },
  {
    name: 'cost alias bomb',
    args: () => ['cost', '--assumptions', `${H}/alias-bomb-cost.yaml`],
    refused: /alias-bomb-cost\.yaml:8:12: forventede højst 100 udfoldninger af YAML-aliasser/,
    heavy: true,
  },
  {
    name: 'YAML nested 10.000 deep',
    args: () => ['scenario', 'run', `${H}/deep-yaml.yaml`, '--runs', '1000'],
    refused: /deep-yaml\.yaml:6:\d+: forventede YAML indlejret højst 64 niveauer dybt \(se README, grænser\)$/,
  },
  {
    name: '16.000 scenario variables',
    args: () => ['scenario', 'run', t('vars-16000.yaml'), '--runs', '1000'],
    refused: /vars-16000\.yaml:\d+:\d+: forventede højst 1000 variable .*fandt "16\d{3} variable"/,
    heavy: true,
  },
  {
    name: '60.000 keys in a scenario file',
    args: () => ['scenario', 'run', t('keys-60000.yaml'), '--runs', '1000'],
    refused:
      /keys-60000\.yaml:50001:3: forventede en YAML-fil med højst 50\.000 værdier \(se README, grænser; en liste af tal skrevet \[1, 2, …\] tæller som én værdi\), fandt "flere"$/,
    heavy: true,
  },
  {
    name: 'an expression over 500 characters',
    args: () => ['scenario', 'run', `${H}/long-expression.yaml`, '--runs', '1000', '--lang', 'en'],
    refused: /long-expression\.yaml:6:6: expected a valid expression \(at most 500 characters\)/,
  },
  {
    name: 'an expression over 500 characters (Danish)',
    args: () => ['scenario', 'run', `${H}/long-expression.yaml`, '--runs', '1000'],
    refused: /long-expression\.yaml:6:6: forventede et gyldigt udtryk \(højst 500 tegn\)/,
  },
  {
    name: 'an empirical distribution of 10^6 values: run',
    args: () => ['scenario', 'run', t('empirical-1e6.yaml'), '--runs', '1000'],
    accepted: (o) => expect(o.out).toMatch(/emp/),
    heavy: true,
  },
  {
    name: '--out under /proc (recursive mkdir looped forever)',
    args: () => ['chart', 'budget', '--out', '/proc/viso/x.svg'],
    refused: /^\/proc\/viso: forventede en mappe, der kan oprettes/,
    untouched: () => [{ path: '/proc/viso' }],
  },
  // --- user errors never "internal" (item 3)
  {
    name: 'cost file leaving two years',
    args: () => ['cost', '--assumptions', `${H}/cost-two-years.yaml`, '--lang', 'en'],
    refused: /cost-two-years\.yaml:8:18: expected cost_model\.exclude_years leaving at least 4 years/,
  },
  {
    name: 'cost file leaving two years (Danish)',
    args: () => ['cost', '--assumptions', `${H}/cost-two-years.yaml`],
    refused:
      /cost-two-years\.yaml:8:18: forventede cost_model\.exclude_years, der efterlader mindst 4 år med både forbrug og forløb til at estimere fixed, unit, break_2024, fandt "2 år \(/,
  },
  {
    name: 'measure --dir that does not exist',
    args: () => ['measure', 'list', '--dir', '/nonexistent'],
    refused: /^\/nonexistent: forventede en eksisterende mappe, fandt "filen findes ikke"$/,
  },
  {
    name: 'report --out an existing file',
    args: () => ['report', '--out', t('existing-file'), '--runs', '1000', '--no-png'],
    refused: /existing-file: forventede en outputmappe, fandt "en almindelig fil"/,
    untouched: () => [{ path: t('existing-file'), content: 'keep me\n' }],
  },
  {
    name: 'report --out a folder with other files',
    args: () => ['report', '--out', t('my-folder'), '--runs', '1000', '--no-png'],
    refused: /my-folder: forventede en tom mappe eller en tidligere rapportmappe/,
    untouched: () => [{ path: t('my-folder/notes.txt'), content: 'my notes\n' }, { path: t('my-folder/report.md') }],
  },
  {
    name: 'report --out empty',
    args: () => ['report', '--out', '', '--runs', '1000', '--no-png'],
    refused: /^\(tom sti\): forventede en outputmappe, fandt "en tom sti"$/,
  },
  {
    name: 'chart --out a folder',
    args: () => ['chart', 'budget', '--out', t('folder.svg')],
    refused: /folder\.svg: forventede en fil, der kan skrives, fandt "en mappe"/,
  },
  ...(process.getuid?.() === 0
    ? [] // root writes anywhere: not writable cannot be shown with permissions
    : [
        {
          name: 'report --out not writable',
          args: () => ['report', '--out', t('ro/out'), '--runs', '1000', '--no-png'],
          refused: /ro\/out: expected a folder that can be created, found "permission denied"/,
        },
      ]),
  {
    name: 'report --seed beyond 32 bits',
    args: () => ['report', '--seed', '4294967296', '--out', t('seed-out')],
    refused: /^--seed skal være et helt tal fra 0 til 4\.294\.967\.295, fik 4294967296$/,
    untouched: () => [{ path: t('seed-out') }],
  },
  {
    name: 'measure evaluate --seed -5',
    args: () => ['measure', 'evaluate', 'tightening-2021-09', '--seed', '-5'],
    refused: /^--seed skal være et helt tal fra 0 til 4\.294\.967\.295, fik -5$/,
  },
  // --- library text never leaks, nothing echoed from other files (item 7)
  {
    name: 'seed: 4294967296 in a scenario file',
    args: () => ['scenario', 'run', `${H}/seed-too-big.yaml`],
    refused: /seed-too-big\.yaml:5:7: forventede seed: et tal på højst 4294967295, fandt "4294967296"$/,
  },
  {
    name: 'baseYear: .inf',
    args: () => ['scenario', 'run', `${H}/infinite-value.yaml`],
    refused: /infinite-value\.yaml:5:11: forventede baseYear: et endeligt tal/,
  },
  {
    name: 'extends: ../../etc/passwd',
    args: () => ['scenario', 'run', `${H}/extends-passwd.yaml`],
    refused: /extends-passwd\.yaml:2:10: forventede en scenariefil, der ender på \.yaml/,
  },
  {
    name: 'JSON with a duplicate key',
    args: () => ['data', 'validate', `${H}/duplicate-key.json`],
    refused: /duplicate-key\.json:2:92: forventede et objekt med entydige nøgler \("value" står to gange\)/,
  },
  {
    name: 'XLSX with data only on a veryHidden sheet',
    args: () => ['data', 'validate', t('hidden-only.xlsx')],
    refused: /hidden-only\.xlsx:1: forventede et regneark med en overskriftsrække, fandt "kun skjulte eller tomme ark"/,
  },
  {
    name: 'XLSX with a hidden sheet first: the visible sheet is read',
    args: () => ['data', 'list', '--data', t('hidden-first.xlsx'), '--no-bundled', '--json'],
    accepted: (o) => expect((JSON.parse(o.out) as { id: string }[]).map((s) => s.id)).toEqual(['viso.x.shown']),
  },
  {
    name: 'XLSX formula into another workbook',
    args: () => ['data', 'validate', t('external-formula.xlsx')],
    refused:
      /external-formula\.xlsx: Data!C2: kolonne C \(value\): forventede en værdi eller en formel inden for denne projektmappe .*fandt "=\[1\]Budget!C7"/,
  },
  {
    name: 'XLSX formula into another workbook (--lang en)',
    args: () => ['data', 'validate', t('external-formula.xlsx'), '--lang', 'en'],
    refused:
      /external-formula\.xlsx: Data!C2: column C \(value\): expected a value or a formula within this workbook .*found "=\[1\]Budget!C7"/,
  },
  {
    name: 'XLSX formula without a saved value',
    args: () => ['data', 'validate', t('formula-no-value.xlsx')],
    refused:
      /formula-no-value\.xlsx: Data!C2: kolonne C \(value\): forventede en formel med et gemt resultat .*fandt "=SUM\(C3:C9\)"$/,
  },
  {
    name: 'XLSX formula without a saved value (--lang en)',
    args: () => ['data', 'validate', t('formula-no-value.xlsx'), '--lang', 'en'],
    refused:
      /formula-no-value\.xlsx: Data!C2: column C \(value\): expected a formula with a saved result .*found "=SUM\(C3:C9\)"$/,
  },
  {
    name: 'XLSX with a DTD (XXE)',
    args: () => ['data', 'validate', t('xxe.xlsx')],
    refused:
      /xxe\.xlsx: forventede en projektmappe uden XML-dokumenttyper \(xl\/[\w/.]+ erklærer en; entiteter læses ikke\), fandt "<!DOCTYPE"$/,
  },
];

describe('hostile corpus: each input answered with its expected outcome', () => {
  for (const c of CASES) {
    it(
      c.name,
      () => {
        const before = c.untouched?.() ?? [];
        const o = run(c.args());
        usage.push({ name: c.name, code: o.code, cpuMs: Math.round(o.cpuMs), maxRssMb: Math.round(o.maxRssMb) });
        const where = `${c.name}\nexit ${o.code}\nstderr: ${o.err}\nstdout: ${o.out.slice(0, 500)}`;
        expect(o.err, where).not.toMatch(/internal error|intern fejl|\n\s+at |Maximum call stack|heap out of memory/);
        if (c.refused) {
          expect(o.code, where).toBe(2);
          const lines = o.err.trimEnd().split('\n');
          if (c.name.startsWith('50 MB CSV of bad rows')) {
            expect(lines.length, where).toBe(1001);
            // the problems of one line in column order: year, value, unit
            expect(lines[0], where).toMatch(/big-bad\.csv:2: kolonne year: forventede et årstal/);
          } else expect(lines.length, where).toBe(1);
          expect(lines[lines.length - 1], where).toMatch(c.refused);
          expect(o.out, `${where}\nnothing on stdout`).toBe('');
        } else {
          expect(o.code, where).toBe(0);
          c.accepted?.(o);
        }
        for (const u of before) {
          if (u.content === undefined) expect(existsSync(u.path), `${u.path} must not be created`).toBe(false);
          else expect(readFileSync(u.path, 'utf8'), `${u.path} must be unchanged`).toBe(u.content);
        }
        if (c.heavy) {
          expect(o.cpuMs, `${c.name}: CPU time`).toBeLessThan(15_000);
          expect(o.maxRssMb, `${c.name}: peak memory`).toBeLessThan(700);
        }
      },
      180_000,
    );
  }
});

describe('hostile corpus: text in a report', () => {
  it('escapes markup, links, line breaks and ANSI escapes of a scenario name everywhere in report.md, and keeps them off the terminal', () => {
    const out = t('injection-report');
    const o = run(['report', '--scenario', `${H}/injection-name.yaml`, '--out', out, '--runs', '2000', '--no-png']);
    expect(o.code, o.err).toBe(0);
    expect(o.out).not.toMatch(/\u001b/);
    const md = readFileSync(join(out, 'report.md'), 'utf8');
    expect(md).not.toMatch(/<script|<img|[^\\]\]\(javascript:|\u001b/);
    expect(md).not.toMatch(/^# Overskrift/m);
    expect(md).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; # Overskrift [klik\\](javascript:alert(3)) ROD',
    );
    // with --no-png no image is linked
    expect(md).not.toMatch(/!\[[^\]]*\]\(charts\/[^)]*\.png\)/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script>alert|<img src=x/);
  }, 180_000);
});
