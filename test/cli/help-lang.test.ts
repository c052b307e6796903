/**
 * The help of every command is in one language: Danish by default (whatever the environment's
 * LANG), English with --lang en. Regressions fail on a small list of common words of the other
 * language; option names, positional names, choices, paths and examples are left out of the scan
 * (they are identifiers, the same in both languages).
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, MAIN, ROOT, viso } from '../helpers/cli.js';

/** Every command and subcommand of `viso`. */
const COMMANDS: string[][] = [
  [],
  ['data'],
  ['data', 'list'],
  ['data', 'show'],
  ['data', 'validate'],
  ['data', 'map'],
  ['data', 'events'],
  ['forecast'],
  ['forecast-batch'],
  ['backtest'],
  ['cost'],
  ['measure'],
  ['scenario'],
  ['scenario', 'run'],
  ['scenario', 'compare'],
  ['scenario', 'goal-seek'],
  ['scenario', 'sensitivity'],
  ['scenario', 'backtest'],
  ['scenario', 'template'],
  ['report'],
  ['chart'],
  ['follow-up'],
];

// not 'to': Danish for two
const ENGLISH = [
  'the',
  'and',
  'of',
  'or',
  'is',
  'in',
  'file',
  'files',
  'series',
  'write',
  'default',
  'output',
  'with',
  'from',
  'number',
  'years',
  'help',
  'only',
  'each',
  'one',
  'use',
];
const DANISH = [
  'og',
  'eller',
  'af',
  'fil',
  'filer',
  'serier',
  'til',
  'fra',
  'hvis',
  'skriv',
  'vis',
  'antal',
  'kolonne',
];

/** The words of a help text, without identifiers: options, <positionals>, [labels], "choices", paths, command lines. */
function words(help: string): string[] {
  const prose = help
    .split('\n')
    .map((l) => l.replace(/^\s*viso\b.*?( {2,}|$)/, '')) // a command's own line: its name and positionals
    .map((l) => l.replace(/^ {2}[\w-]+(?= {2,})/, '')) // a positional's name
    .join('\n')
    .replace(/--[\w-]+/g, ' ')
    .replace(/<[^>]*>|\[[^\]]*\]|"[^"]*"/g, ' ')
    .replace(/\S*[/]\S*|\S+\.(yaml|csv|xlsx|svg|png|json)\b/g, ' ');
  return prose.toLowerCase().match(/[a-zæøå]+/g) ?? [];
}

describe('the help of every command', () => {
  it('is Danish by default: no common English word in any command’s help', () => {
    for (const c of COMMANDS) {
      const r = viso(...c, '--help');
      expect(r.code, c.join(' ')).toBe(0);
      const found = words(r.out).filter((w) => ENGLISH.includes(w));
      expect(found, `viso ${c.join(' ')} --help:\n${r.out}`).toEqual([]);
    }
  });

  it('is English with --lang en: no common Danish word in any command’s help', () => {
    for (const c of COMMANDS) {
      const r = viso(...c, '--help', '--lang', 'en');
      expect(r.code, c.join(' ')).toBe(0);
      const found = words(r.out).filter((w) => DANISH.includes(w));
      expect(found, `viso ${c.join(' ')} --help --lang en:\n${r.out}`).toEqual([]);
    }
  });

  it('names the commands in the chosen language, whatever LANG says', () => {
    ensureBuilt();
    const help = (env: Record<string, string>, ...args: string[]) =>
      spawnSync(process.execPath, [MAIN, '--help', ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, ...env },
      }).stdout.replace(/\s+/g, ' '); // white space collapsed: the help is wrapped
    for (const LANG of ['en_US.UTF-8', 'de_DE.UTF-8', 'da_DK.UTF-8']) {
      const da = help({ LANG, LC_ALL: LANG });
      expect(da).toContain('Kommandoer:');
      expect(da).toContain('Indbyggede data og egne datafiler: list, show, validate, map, events');
      expect(da).toContain('Vis hjælp');
      const en = help({ LANG, LC_ALL: LANG }, '--lang', 'en');
      expect(en).toContain('Commands:');
      expect(en).toContain('Bundled and user data: list, show, validate, map, events');
      expect(en).toContain('Show help');
    }
  });
});

describe('positional arguments', () => {
  it('are named in the help’s language (viso forecast [serie] / [series]) and read the same under either name', () => {
    const da = viso('--help').out.replace(/\s+/g, ' ');
    for (const x of [
      'viso forecast [serie]',
      'viso backtest <serie>',
      'viso measure <handling> [tiltag]',
      'viso scenario <kommando>',
      'viso chart <navn>',
    ])
      expect(da).toContain(x);
    const en = viso('--help', '--lang', 'en').out.replace(/\s+/g, ' ');
    for (const x of [
      'viso forecast [series]',
      'viso backtest <series>',
      'viso measure <action> [measure]',
      'viso scenario <command>',
      'viso chart <name>',
    ])
      expect(en).toContain(x);
    expect(viso('data', 'validate', '--help').out).toMatch(/^viso data validate <filer\.\.>$/m);
    expect(viso('scenario', 'run', '--help', '--lang', 'en').out).toMatch(/^viso scenario run <file>$/m);
    // the handlers get the argument whichever name the help gave it
    const shownDa = viso('data', 'show', 'viso.raadgivning.forbrug');
    const shownEn = viso('data', 'show', 'viso.raadgivning.forbrug', '--lang', 'en');
    expect(shownDa.code, shownDa.err).toBe(0);
    expect(shownEn.code, shownEn.err).toBe(0);
    expect(shownDa.out).toMatch(/^2024\s+143,5/m);
    expect(shownEn.out).toMatch(/^2024\s+143\.5/m);
    const missing = viso('data', 'show');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^viso: \S.*\n$/); // one line, in Danish
  });
});

describe('a data error', () => {
  it('is Danish by default and English with --lang en, with file, line and column', () => {
    const file = 'test/fixtures/bad/non-numeric.csv';
    const da = viso('data', 'validate', file);
    const en = viso('data', 'validate', file, '--lang', 'en');
    expect(da.code).toBe(2);
    expect(en.code).toBe(2);
    expect(da.err).toMatch(/^test\/fixtures\/bad\/non-numeric\.csv:\d+: kolonne \w+: forventede et tal/);
    expect(en.err).toMatch(/^test\/fixtures\/bad\/non-numeric\.csv:\d+: column \w+: expected a number/);
    // the same problems in the same places
    expect(da.err.split('\n').map((l) => l.split(': ')[0])).toEqual(en.err.split('\n').map((l) => l.split(': ')[0]));
  });
});
