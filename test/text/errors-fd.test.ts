/**
 * Errors of the forecasts, forecast-batch, data files and the follow-up carry a code: Danish by
 * default (`userMessage(e, 'da')`), English as it always read in `message` and with --lang en.
 */
import { describe, expect, it } from 'vitest';
import { InputError, UsageError, userMessage } from '../../src/errors.js';
import { forecast } from '../../src/forecast/select.js';
import { backtest } from '../../src/forecast/backtest.js';
import { checkBatchOptions } from '../../src/forecast/batch.js';
import { adjustForEvents } from '../../src/forecast/events.js';
import { CsvRecordReader, CsvSyntaxError } from '../../src/forecast/batch-csv.js';
import { say } from '../../src/text/messages.js';
import { writeFileAtomic } from '../../src/io/write.js';

/** The error `f` throws, worded in Danish and in English. */
function words(f: () => unknown): { da: string; en: string; message: string } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof UsageError || e instanceof InputError)) throw e;
    expect(e.msg, e.message).toBeDefined();
    return { da: userMessage(e, 'da'), en: userMessage(e, 'en'), message: e.message };
  }
  throw new Error('did not throw');
}

describe('forecast errors', () => {
  it('are Danish by default and English (unchanged) with en', () => {
    const short = words(() => forecast([1, 2], { horizon: 2 }));
    expect(short.da).toBe('en prognose kræver mindst 3 observationer, fik 2');
    expect(short.en).toBe('a forecast needs at least 3 observations (got 2)');
    expect(short.message).toBe(short.en);
    const levels = words(() => forecast([1, 2, 3, 4], { horizon: 2, levels: [99.5, 100] }));
    expect(levels.da).toBe('intervalniveauer skal ligge strengt mellem 0 og 100, fik 100');
    expect(levels.en).toBe('interval levels must be between 0 and 100 exclusive (got 100)');
    const h = words(() => checkBatchOptions({ horizon: 2.5 }));
    expect(h.da).toBe('--horizon skal være et helt tal fra 1 til 100, fik 2,5');
    expect(h.en).toBe('--horizon must be a whole number from 1 to 100 (got 2.5)');
    const method = words(() => forecast([1, 2, 3, 4], { horizon: 2, method: 'magic' as never }));
    expect(method.da).toMatch(/^ukendt metode "magic" \(kendte: auto, naive, /);
    expect(method.en).toMatch(/^unknown method "magic" \(expected one of auto, naive, /);
    const bt = words(() => backtest([1, 2, 3, 4], { method: 'naive', horizon: 1, minTrain: 4 }));
    expect(bt.da).toBe('en backtest kræver flere end minTrain = 4 observationer, fik 4');
    expect(bt.en).toBe('a backtest needs more than minTrain = 4 observations (got 4)');
    const ev = words(() => adjustForEvents([1, 2, 3, 4, 5, 6], [{ kind: 'level', start: 9 }]));
    expect(ev.da).toBe('hændelsens start skal være en plads fra 1 til 5 i den tilpassede serie, fik 9');
    expect(ev.en).toBe('event start must be an index from 1 to 5 into the fitted series (got 9)');
  });
  it('a CSV syntax problem of forecast-batch is worded in both languages', () => {
    const r = new CsvRecordReader();
    let err: unknown;
    try {
      r.push('id,t,value\n"a,1,2\n', () => undefined);
      r.end(() => undefined);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvSyntaxError);
    const e = err as CsvSyntaxError;
    expect(e.expected).toBe('a closing quote (a quoted field starts on this line and never ends)');
    const ie = new InputError({ file: 'in.csv', line: e.line }, e.msg);
    expect(userMessage(ie, 'da')).toBe(
      'in.csv:2: forventede et afsluttende anførselstegn (et felt i anførselstegn begynder på denne linje og slutter aldrig)',
    );
    expect(userMessage(ie, 'en')).toBe(
      'in.csv:2: expected a closing quote (a quoted field starts on this line and never ends)',
    );
  });
});

describe('data and follow-up errors', () => {
  it('word numbers and periods in the language', () => {
    const p = {
      g: 'quarter',
      m: 'forbrug',
      year: 2025,
      running: '160.1',
      monthly: '547.9',
      what: '',
      meanOf: '2023, 2024',
      ref: '143.5',
    };
    expect(say('followup.err.runningTotal', p)).toBe(
      'kvartalsværdier, ikke en løbende sum: forbrug stiger i hvert kvartal af 2025 og svarer til 160,1 om året som en løbende sum, men 547,9 som kvartalsværdier (gennemsnittet af filens 2023, 2024: 143,5); angiv hvert kvartals egen værdi',
    );
    expect(say('followup.err.runningTotal', p, 'en')).toBe(
      "quarterly values, not a running total: forbrug rises in every quarter of 2025 and reads as 160.1 a year as a year-to-date total but 547.9 as quarterly values (the file's 2023, 2024 mean: 143.5); give each quarter's own value",
    );
    const one = { series: 'a.b', year: 2020, where: { code: 'data.err.onLine', params: { line: 4 } } } as const;
    expect(say('data.err.oneValue', one)).toBe('én værdi pr. serie og år (a.b 2020 står allerede på linje 4)');
    expect(say('data.err.oneValue', one, 'en')).toBe('one value per series and year (a.b 2020 is already on line 4)');
    const bev = new UsageError({ code: 'followup.err.noBevilling', params: { year: 2026, file: 'a.csv' } });
    expect(userMessage(bev, 'da')).toBe(
      'ingen bevilling for 2026 i a.csv, data eller et scenarie: angiv --bevilling (mio. kr.)',
    );
    expect(bev.message).toBe('no appropriation for 2026 in a.csv, the data or a scenario: give --bevilling (mio. kr.)');
  });
});

describe('output path errors', () => {
  it('are worded in the language, the English as before', () => {
    const w = words(() => writeFileAtomic('', 'x'));
    expect(w.da).toBe('(tom sti): forventede en filsti, fandt "en tom sti"');
    expect(w.en).toBe('(empty path): expected a file path, found "an empty path"');
    expect(w.message).toBe(w.en);
  });
});
