/**
 * The malformed-file corpus in test/fixtures/bad (made by test/fixtures/make-fixtures.mjs):
 * every file has one defect, and validation must report exactly this one-line message
 * (file, line, column, what was expected, the offending text). FILE stands for the path.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateFile } from '../../src/data/load.js';

const BAD = 'test/fixtures/bad';

export const EXPECTED: Record<string, string[]> = {
  "ambiguous-locale.csv": [
    "FILE:2: column value: expected an unambiguous number format: \"4.714\" reads as 4714 (Danish) or 4.714 (international); give --locale da or --locale en, found \"4.714\"",
  ],
  "bad-series-id.csv": [
    "FILE:2: column series: expected a series id of lower-case letters, digits, _ and . (e.g. viso.raadgivning.forbrug), found \"VISO Forbrug\"",
  ],
  "binary.csv": [
    "FILE:1: expected a text file (CSV), found \"binary content\"",
  ],
  "corrupt.xlsx": [
    "FILE: expected an .xlsx workbook (a zip file), found \"a file that is not a zip archive\"",
  ],
  "duplicate.csv": [
    "FILE:4: column year: expected one value per series and year (viso.raadgivning.forbrug 2019 is already on line 2), found \"2019\"",
  ],
  "empty-series.csv": [
    "FILE:2: column series: expected a series id, found \"\"",
  ],
  "empty.csv": [
    "FILE:1: expected a header line, found \"an empty file\"",
  ],
  "empty.xlsx": [
    "FILE:1: expected a worksheet with a header row, found \"an empty workbook\"",
  ],
  "export.ods": [
    "FILE: expected a .csv, .tsv, .txt, .xlsx or .json file, found \".ods\"",
  ],
  "field-count.csv": [
    "FILE:3: expected 4 fields as in the header (delimiter \",\"), found \"5 fields\"",
  ],
  "fractional-count.csv": [
    "FILE:3: column værdi: expected a whole number (unit count), found \"2164,5\"",
  ],
  "invalid.json": [
    "FILE:3:55: expected valid JSON (expected ',' or '}' after property value), found \"\\\"value\\\": 143.9}\"",
  ],
  "missing-column.csv": [
    "FILE:1: expected column value (long layout), found \"series,year,unit\"",
  ],
  "missing-unit.json": [
    "FILE:1: expected column unit (long layout), found \"series,year,value\"",
  ],
  "mixed-locale.csv": [
    "FILE:3: column value: expected numbers in one format: line 2 uses Danish \"136,5\", this line international; give --locale da or --locale en, found \"143.9\"",
  ],
  "negative-count.csv": [
    "FILE:3: column value: expected a count of 0 or more, found \"-5\"",
  ],
  "negative-count.json": [
    "FILE:3: column value: expected a count of 0 or more, found \"-3921\"",
  ],
  "negative.xlsx": [
    "FILE:3: column C (value): expected a count of 0 or more, found \"-2164\"",
  ],
  "no-layout.csv": [
    "FILE:1: expected columns series, year, value, unit (long layout) or series, unit and year columns such as 2020 (wide layout), found \"name,amount\"",
  ],
  "non-numeric.csv": [
    "FILE:3: column value: expected a number like 1,234.5, found \"abc\"",
  ],
  "not-records.json": [
    "FILE:1: expected a JSON array of records, or {\"observations\": [...]}, found \"an object without \\\"observations\\\"\"",
  ],
  "pct-over-100.csv": [
    "FILE:2: column value: expected a percentage between 0 and 100, found \"192\"",
  ],
  "record-not-object.json": [
    "FILE:3: expected a record (JSON object), found \"143.9\"",
  ],
  "string-value.json": [
    "FILE:3: column value: expected a number, found \"lots\"",
  ],
  "text-number.xlsx": [
    "FILE:2: column D (2020): expected a number, found \"2164 stk\"",
  ],
  "unclosed-quote.csv": [
    "FILE:3: expected a closing quote (\"), found \"end of file\"",
  ],
  "unit-mismatch.csv": [
    "FILE:3: column unit: expected the same unit for all rows of viso.raadgivning.forbrug (line 2 has mio. kr.), found \"count\"",
  ],
  "unknown-flag.csv": [
    "FILE:2: column flags: expected flags separated by | from estimated, registration_break, uncertain_registration, includes_covid, excludes_covid, derived, ambiguous_account, user_supplied, found \"guessed\"",
  ],
  "unknown-unit.csv": [
    "FILE:2: column unit: expected a unit: mio. kr., count, pct (or antal, %, mio.kr.), found \"stk\"",
  ],
  "wide-duplicate.xlsx": [
    "FILE:3: column C (2019): expected one value per series and year (viso.raadgivning.forbrug 2019 is already on line 2), found \"136.5\"",
    "FILE:3: column D (2020): expected one value per series and year (viso.raadgivning.forbrug 2020 is already on line 2), found \"143.9\"",
  ],
  "wide-missing-unit.csv": [
    "FILE:1: expected column unit (wide layout), found \"series,2019,2020\"",
  ],
  "wide-text-cell.csv": [
    "FILE:2: column 2020: expected a number like 1.234,5, found \"n/a\"",
  ],
  "wide-year-header.csv": [
    "FILE:1: column 1899: expected a year between 1990 and 2100, found \"1899\"",
  ],
  "year-not-whole.csv": [
    "FILE:2: column year: expected a whole-number year, found \"2019.5\"",
  ],
  "year-text.tsv": [
    "FILE:2: column year: expected a year such as 2020, found \"20x9\"",
  ],
  "year-too-early.csv": [
    "FILE:2: column year: expected a year between 1990 and 2100, found \"1899\"",
  ],
  "year-too-late.csv": [
    "FILE:2: column year: expected a year between 1990 and 2100, found \"2150\"",
  ],
};

describe('malformed fixtures are rejected with a precise message', () => {
  it('the corpus has at least 25 files and every one is in the table', () => {
    const files = readdirSync(BAD).sort();
    expect(files.length).toBeGreaterThanOrEqual(25);
    expect(files).toEqual(Object.keys(EXPECTED).sort());
  });
  for (const [file, messages] of Object.entries(EXPECTED)) {
    it(file, async () => {
      const r = await validateFile(`${BAD}/${file}`);
      expect(r.ok).toBe(false);
      expect(r.problems.map((p) => p.message)).toEqual(messages.map((m) => m.replace('FILE', `${BAD}/${file}`)));
      for (const p of r.problems) expect(p.message).not.toContain('\n');
    });
  }
});
