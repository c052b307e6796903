/**
 * The one dictionary (src/text/messages.ts): every code has a Danish and an English text with the
 * same placeholders; `say` fills `{name}`, `{name|n}` (thousands separators of the language) and
 * `{name|q}` (quoted), and words a nested message in the same language; errors carrying a code are
 * English in `message` and worded in the user's language by `userMessage`.
 */
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors, UsageError, userMessage } from '../../src/errors.js';
import { inputName, MESSAGES, say, term, type Entry } from '../../src/text/messages.js';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)(?:\|[nqd])?\}/g)].map((m) => m[1]).sort();

describe('MESSAGES', () => {
  it('has for every code a Danish and an English text with the same placeholders', () => {
    for (const [code, entry] of Object.entries(MESSAGES as Record<string, Entry>)) {
      expect(typeof entry.da === typeof entry.en, code).toBe(true);
      if (typeof entry.da === 'string' && typeof entry.en === 'string') {
        expect(entry.da.length, code).toBeGreaterThan(0);
        expect(placeholders(entry.da), code).toEqual(placeholders(entry.en));
      }
    }
  });
});

describe('say', () => {
  it('is Danish by default and English when asked, numbers with the language’s thousands separator', () => {
    expect(say('opt.integer', { name: 'runs', min: 1, max: 100_000_000, got: '0' })).toBe(
      '--runs skal være et helt tal fra 1 til 100.000.000, fik 0',
    );
    expect(say('opt.integer', { name: 'runs', min: 1, max: 100_000_000, got: '0' }, 'en')).toBe(
      '--runs must be a whole number from 1 to 100,000,000, got 0',
    );
  });

  it('quotes {x|q} and shortens it to 60 characters', () => {
    expect(say('input.found', { found: 'abc' }, 'da')).toBe('fandt "abc"');
    expect(say('input.found', { found: 'x'.repeat(80) }, 'en')).toBe(`found "${'x'.repeat(57)}..."`);
  });

  it('words {x|m} as the forecast method’s name in a sentence, an unknown id as given', () => {
    const p = { method: 'ensemble', used: 'comb' };
    expect(say('forecast.note.needsPositive', p, 'da')).toBe(
      'ensemblet kræver en strengt positiv serie: medianen af ETS, ARIMA og dynamisk optimeret Theta brugt i stedet',
    );
    expect(say('forecast.note.failed', { method: 'holt', used: 'drift' }, 'en')).toBe(
      'Holt’s linear trend failed on this series: random walk with drift used instead',
    );
    expect(say('forecast.note.failed', { method: 'nosuch', used: 'naive' }, 'da')).toBe(
      'nosuch fejlede på denne serie: den naive prognose brugt i stedet',
    );
  });

  it('words a nested message in the same language', () => {
    const near = { code: 'name.didYouMean', params: { names: 'viso.a' } } as const;
    expect(say('name.unknownSeries', { id: 'viso.b', near }, 'da')).toBe(
      'ukendt serie "viso.b"; mente du viso.a? (se viso data list)',
    );
    expect(say('name.unknownSeries', { id: 'viso.b', near }, 'en')).toBe(
      'unknown series "viso.b"; did you mean viso.a? (see viso data list)',
    );
  });

  it('words alternatives as "a, b or c" in each language', () => {
    expect(say('opt.ending', { name: 'out', endings: '.svg|.png|.vl.json', got: 'x.gif' })).toBe(
      '--out skal ende på .svg, .png eller .vl.json, fik x.gif',
    );
    expect(say('opt.ending', { name: 'out', endings: '.xlsx', got: 'x.csv' }, 'en')).toBe(
      '--out must end in .xlsx, got x.csv',
    );
  });
});

describe('term and inputName', () => {
  it('name inputs and flags in words, and leave unknown slugs as they are', () => {
    expect(term('flag', 'estimated', 'da')).toBe('Skøn');
    expect(term('flag', 'no_such_flag', 'da')).toBe('no_such_flag');
    expect(inputName('demandNoise', 'da')).toBe('Årlige udsving i henvendelser (z-værdi)');
    expect(inputName('measure:tightening-2021-09', 'en')).toBe('Effect of measure: tightening-2021-09');
  });
});

describe('errors with a code', () => {
  it('keep an English message and are worded in the user’s language by userMessage, file, line and column kept', () => {
    const e = new InputError({ file: 'a.csv', line: 3, column: 'value' }, { code: 'data.number' }, 'abc');
    expect(e.message).toBe('a.csv:3: column value: expected a number, found "abc"');
    expect(e.expected).toBe('a number');
    expect(userMessage(e, 'da')).toBe('a.csv:3: kolonne value: forventede et tal, fandt "abc"');
    expect(userMessage(e, 'en')).toBe(e.message);
    const many = new InputErrors([
      e,
      new InputError({ file: 'a.csv', line: 4, column: 2 }, { code: 'data.yearSuchAs' }, '20x1'),
    ]);
    expect(userMessage(many, 'da')).toBe(
      'a.csv:3: kolonne value: forventede et tal, fandt "abc"\na.csv:4:2: forventede et årstal som 2020, fandt "20x1"',
    );
    const u = new UsageError({ code: 'opt.compareTwo' });
    expect(u.message).toBe('compare needs at least two scenarios');
    expect(userMessage(u, 'da')).toBe('compare kræver mindst to scenarier');
  });

  it('a found value given as a code (a description, not the user’s text) is worded too', () => {
    const e = new InputError({ file: 'x.csv' }, { code: 'file.readable' }, { code: 'file.noSuchFile' });
    expect(e.found).toBe('no such file');
    expect(userMessage(e, 'da')).toBe('x.csv: forventede en læsbar fil, fandt "filen findes ikke"');
  });

  it('an error with an English text is printed whole in English (never half Danish)', () => {
    const e = new InputError({ file: 'a.csv', line: 2, column: 'x' }, 'a widget', 'y');
    expect(userMessage(e, 'da')).toBe('a.csv:2: column x: expected a widget, found "y"');
  });
});
