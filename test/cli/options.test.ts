/**
 * One set of run options (--runs, --seed, --threads, --lang): the same limits and the same
 * wording for every command, Danish by default, exit code 2, nothing written on stdout.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkProbabilityOption,
  engineRun,
  langOf,
  numberOptions,
  readRunOptions,
  RUN_LIMITS,
  RUN_LIMITS_BY_COMMAND,
} from '../../src/cli/options.js';
import { UsageError } from '../../src/errors.js';
import { MAX_RUNS } from '../../src/scenario/load.js';
import { viso } from '../helpers/cli.js';

/** The message `readRunOptions` throws for `argv`. */
function refusal(argv: Record<string, unknown>): string {
  try {
    readRunOptions(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(argv)}`);
}

describe('readRunOptions', () => {
  it('takes the command’s own run range where it has one (follow-up: 1.000–10.000.000), else 1–100.000.000', () => {
    expect(RUN_LIMITS_BY_COMMAND['follow-up'].runs).toEqual({ min: 1000, max: 10_000_000 });
    expect(() => readRunOptions({ _: ['follow-up'], runs: '500' })).toThrow(
      '--runs skal være et helt tal fra 1.000 til 10.000.000, fik 500',
    );
    expect(readRunOptions({ _: ['scenario', 'run'], runs: '500' }).runs).toBe(500);
    expect(readRunOptions({ _: ['follow-up'], runs: '4000' }).runs).toBe(4000);
  });
  it('converts given options and leaves out what was not given (the engine default applies)', () => {
    expect(readRunOptions({ runs: '1000', seed: '7', lang: 'en' })).toEqual({
      runs: 1000,
      seed: 7,
      threads: 1,
      lang: 'en',
    });
    expect(readRunOptions({})).toEqual({ threads: 1, lang: 'da' });
    expect(readRunOptions({ runs: '1e6', seed: '0', threads: '2' })).toEqual({
      runs: 1_000_000,
      seed: 0,
      threads: 2,
      lang: 'da',
    });
    expect(readRunOptions({ seed: '4294967295' }).seed).toBe(4_294_967_295);
  });

  it('refuses values outside the limits, in Danish by default and in English with lang en', () => {
    expect(refusal({ runs: '0' })).toBe('--runs skal være et helt tal fra 1 til 100.000.000, fik 0');
    expect(refusal({ runs: '0', lang: 'en' })).toBe('--runs must be a whole number from 1 to 100,000,000, got 0');
    expect(refusal({ runs: '100000001' })).toBe('--runs skal være et helt tal fra 1 til 100.000.000, fik 100000001');
    expect(refusal({ seed: '4294967296' })).toBe(
      '--seed skal være et helt tal fra 0 til 4.294.967.295, fik 4294967296',
    );
    expect(refusal({ seed: '-5' })).toBe('--seed skal være et helt tal fra 0 til 4.294.967.295, fik -5');
    expect(refusal({ seed: '1.5', lang: 'en' })).toBe('--seed must be a whole number from 0 to 4,294,967,295, got 1.5');
    expect(refusal({ threads: '65' })).toBe('--threads skal være et helt tal fra 1 til 64, fik 65');
    expect(refusal({ runs: 'abc' })).toBe('--runs skal være et helt tal fra 1 til 100.000.000, fik abc');
    expect(refusal({ runs: '' })).toBe('--runs skal være et helt tal fra 1 til 100.000.000, fik ""');
  });

  it('refuses a thousands separator instead of reading 100.000 as 100', () => {
    expect(refusal({ runs: '100.000' })).toBe('--runs skal skrives uden tusindtalsseparator, fx 100000, fik 100.000');
    expect(refusal({ runs: '1,000,000', lang: 'en' })).toBe(
      '--runs must be written without a thousands separator, e.g. 1000000, got 1,000,000',
    );
  });

  it('refuses an option given twice and an unknown language', () => {
    expect(refusal({ runs: ['1000', '2000'] })).toBe('--runs er angivet 2 gange; angiv den én gang');
    expect(refusal({ lang: 'de' })).toBe('--lang skal være da eller en, fik de');
  });

  it('uses the scenario engine’s own run limit', () => {
    expect(RUN_LIMITS.runs.max).toBe(MAX_RUNS);
  });

  it('engineRun passes only what was given', () => {
    expect(engineRun({ threads: 1, lang: 'da' })).toEqual({});
    expect(engineRun({ runs: 5, seed: 0, threads: 2, lang: 'en' })).toEqual({ runs: 5, seed: 0 });
  });

  it('langOf reads --lang en in both spellings, Danish otherwise', () => {
    expect(langOf(['report', '--lang', 'en'])).toBe('en');
    expect(langOf(['report', '--lang=en'])).toBe('en');
    expect(langOf(['report', '--lang', 'xx'])).toBe('da');
    expect(langOf([])).toBe('da');
  });
});

describe('run options on the command line', () => {
  // every command that takes --runs/--seed, with its other required arguments
  const commands: string[][] = [
    ['scenario', 'run', 'baseline'],
    ['scenario', 'compare', 'baseline', 'high-demand'],
    ['scenario', 'goal-seek', 'baseline', '--lever', 'visitation', '--target', 'P(merforbrug>0, 2026) <= 0.2'],
    ['scenario', 'sensitivity', 'baseline'],
    ['report', '--out', 'test/out/never-written'],
    ['chart', 'p-merforbrug', '--out', 'test/out/never-written.svg'],
    ['measure', 'evaluate', 'tightening-2021-09'],
  ];
  const bad: [string[], string][] = [
    [['--runs', '0'], '--runs skal være et helt tal fra 1 til 100.000.000, fik 0\n'],
    [['--seed', '4294967296'], '--seed skal være et helt tal fra 0 til 4.294.967.295, fik 4294967296\n'],
    [['--seed', '-5', '--lang', 'en'], '--seed must be a whole number from 0 to 4,294,967,295, got -5\n'],
  ];

  it('every command refuses the same bad values with the same one-line message, exit 2 and no output', () => {
    for (const cmd of commands) {
      for (const [args, message] of bad) {
        const r = viso(...cmd, ...args);
        expect(r.code, `${cmd.join(' ')} ${args.join(' ')}: ${r.err}`).toBe(2);
        expect(r.err).toBe(message);
        expect(r.out).toBe('');
      }
    }
  });

  it('--threads is taken only where it has an effect; yargs’s own errors are in Danish by default', () => {
    expect(viso('scenario', 'run', 'baseline', '--runs', '1000', '--threads', '0').err).toBe(
      '--threads skal være et helt tal fra 1 til 64, fik 0\n',
    );
    const r = viso('scenario', 'sensitivity', 'baseline', '--threads', '2');
    expect(r.code).toBe(2);
    expect(r.err).toBe('viso: Ukendt argument: threads\n');
    expect(viso('scenario', 'sensitivity', 'baseline', '--threads', '2', '--lang', 'en').err).toBe(
      'viso: Unknown argument: threads\n',
    );
  });

  it('a value outside an option’s choices is one line too (yargs lists the choices on lines of their own)', () => {
    const r = viso('data', 'validate', 'test/fixtures/good/viso-2025.csv', '--locale', 'xx');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe('viso: Ugyldige værdier: Argument: locale, angivet: "xx", valg: "da", "en"\n');
    expect(
      viso(
        'scenario',
        'goal-seek',
        'baseline',
        '--lever',
        'foo',
        '--target',
        'P(merforbrug>0, 2026) <= 0.2',
        '--lang',
        'en',
      ).err,
    ).toBe(
      'viso: Invalid values: Argument: lever, Given: "foo", Choices: "visitation", "bevilling", "demand", "unitCost"\n',
    );
  });

  it('the help names each command’s defaults, in the language asked', () => {
    // the help is wrapped to the terminal: compared with its white space collapsed
    const help = (...args: string[]) => viso(...args).out.replace(/\s+/g, ' ');
    expect(help('report', '--help')).toContain(
      'Antal Monte Carlo-kørsler, 1–100.000.000 (standard: hvert scenaries runs, ellers 100.000)',
    );
    expect(help('report', '--help', '--lang', 'en')).toContain(
      "Monte Carlo runs, 1–100,000,000 (default: each scenario file's runs, else 100,000)",
    );
    expect(help('scenario', 'run', '--help')).toContain('(standard: scenariefilens runs, ellers 100.000)');
    expect(viso('scenario', 'run', '--help').out).toContain('(standard: scenariefilens seed)');
  });

  it('the options given reach the engine', () => {
    expect(viso('scenario', 'run', 'baseline', '--runs', '1000', '--seed', '5').out.split('\n')[0]).toBe(
      'Basisforløb – ingen nye tiltag (baseline): 1.000 kørsler, seed 5',
    );
    expect(viso('measure', 'evaluate', 'tightening-2021-09', '--runs', '300', '--seed', '9').out).toMatch(
      /fra 300 simulerede forløb \(seed 9\)/,
    );
  });

  it('measure evaluate states its memory capacity rather than running out of memory', () => {
    const r = viso('measure', 'evaluate', 'tightening-2021-09', '--runs', '2000000');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      '--runs: measure evaluate gemmer hvert simuleret forløb i hukommelsen og kører højst 1.000.000, fik 2.000.000\n',
    );
  });
});

describe('numberOptions (the numeric options as typed)', () => {
  it('reads a decimal comma as a decimal (161,2 is 161.2), for the option and its camel-case alias, array elements too', () => {
    const a: Record<string, unknown> = {
      bevilling: NaN,
      'spread-k': NaN,
      spreadK: NaN,
      threshold: [NaN, 160],
    };
    numberOptions(a, ['--bevilling', '161,2', '--spread-k=2,5', '--threshold', '0,5', '160'], 'da');
    expect(a).toEqual({ bevilling: 161.2, 'spread-k': 2.5, spreadK: 2.5, threshold: [0.5, 160] });
    const neg: Record<string, unknown> = { opsparing: NaN };
    numberOptions(neg, ['--opsparing', '−5,5'], 'da');
    expect(neg.opsparing).toBe(-5.5);
  });
  it('leaves numbers yargs read alone and refuses text that is no number with what was typed (not "NaN")', () => {
    const ok: Record<string, unknown> = { year: 2025 };
    numberOptions(ok, ['--year', '2025'], 'da');
    expect(ok.year).toBe(2025);
    const refused = (a: Record<string, unknown>, raw: string[], lang: 'da' | 'en') => {
      try {
        numberOptions(a, raw, lang);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error('accepted');
    };
    expect(refused({ year: NaN }, ['--year', 'abc'], 'da')).toBe(
      '--year skal være et tal (decimaler med komma eller punktum), fik abc',
    );
    expect(refused({ threshold: [160, NaN] }, ['--threshold', '160', 'x1'], 'en')).toBe(
      '--threshold must be a number, got x1',
    );
    expect(refused({ bevilling: NaN }, ['--bevilling='], 'da')).toMatch(/fik ""$/);
  });
  it('on the command line: follow-up --bevilling 161,2 is --bevilling 161.2; abc is refused naming it, exit 2', () => {
    const args = ['follow-up', '--actuals', 'data/viso-monthly-illustrative.csv', '--runs', '2000'];
    const comma = viso(...args, '--bevilling', '161,2');
    expect(comma.code, comma.err).toBe(0);
    expect(comma.out).toBe(viso(...args, '--bevilling', '161.2').out);
    const bad = viso(...args, '--bevilling', 'abc');
    expect([bad.code, bad.out, bad.err]).toEqual([
      2,
      '',
      '--bevilling skal være et tal (decimaler med komma eller punktum), fik abc\n',
    ]);
  });
});

describe('probability options (--target): a share strictly between 0 and 1, or a per cent', () => {
  const refused = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('reads "20 %", "20%" and "15,8 %" as the shares 0.2 and 0.158; other options keep refusing a per cent', () => {
    for (const [typed, share] of [
      ['20 %', 0.2],
      ['20%', 0.2],
      ['15,8 %', 0.158],
    ] as const) {
      const a: Record<string, unknown> = { target: NaN };
      numberOptions(a, ['--target', typed], 'da');
      expect(a.target).toBeCloseTo(share, 12);
    }
    expect(refused(() => numberOptions({ bevilling: NaN }, ['--bevilling', '20 %'], 'da'))).toBe(
      '--bevilling skal være et tal (decimaler med komma eller punktum), fik 20 %',
    );
  });
  it('refuses 0 %, 100 % and more as typed, and a whole per cent typed as a number with the share it likely meant', () => {
    expect(refused(() => numberOptions({ target: NaN }, ['--target', '120 %'], 'da'))).toBe(
      '--target skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik 120 %',
    );
    expect(checkProbabilityOption('target', 0.2, 'da')).toBe(0.2);
    expect(refused(() => checkProbabilityOption('target', 20, 'da'))).toBe(
      '--target skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik 20; mente du 0,2 (20 %)?',
    );
    expect(refused(() => checkProbabilityOption('target', 15.8, 'en'))).toBe(
      '--target must be a probability between 0 and 1 (or 0–100%), got 15.8; did you mean 0.158 (15.8%)?',
    );
    expect(refused(() => checkProbabilityOption('target', 1, 'da'))).toBe(
      '--target skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik 1',
    );
  });
  it('on the command line: report --target 20 is refused before anything is written (exit 2); chart --target "20 %" is 0.2', () => {
    const bad = viso('report', '--target', '20', '--out', 'test/out/never-written');
    expect([bad.code, bad.out, bad.err]).toEqual([
      2,
      '',
      '--target skal være en sandsynlighed mellem 0 og 1 (eller 0–100 %), fik 20; mente du 0,2 (20 %)?\n',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'viso-target-'));
    const spec = (t: string, name: string) => {
      const out = join(dir, name);
      const r = viso('chart', 'goal-seek', '--target', t, '--runs', '2000', '--out', out);
      expect(r.code, r.err).toBe(0);
      return readFileSync(out, 'utf8');
    };
    expect(spec('20 %', 'pct.vl.json')).toBe(spec('0.2', 'share.vl.json'));
    rmSync(dir, { recursive: true, force: true });
  });
});
