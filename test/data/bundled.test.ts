import { describe, expect, it } from 'vitest';
import { bundledDataPath, loadBundled } from '../../src/data/bundled.js';
import { parseEvents } from '../../src/data/events.js';
import { seriesValues, valueAt } from '../../src/data/series.js';
import { InputError, UsageError } from '../../src/errors.js';

describe('bundled dataset', () => {
  const ds = loadBundled();
  it('is cached', () => {
    expect(loadBundled()).toBe(ds);
  });
  it('has bevilling and forbrug 2011-2024 with 2021 missing', () => {
    const f = seriesValues(ds.get('viso.raadgivning.forbrug'));
    expect(f.years).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022, 2023, 2024]);
    expect(valueAt(ds.get('viso.raadgivning.forbrug'), 2020)).toBe(143.9);
    expect(valueAt(ds.get('viso.raadgivning.bevilling'), 2021)).toBeUndefined();
    expect(ds.get('viso.raadgivning.bevilling').points.find((p) => p.year === 2023)?.flags).toEqual(['ambiguous_account']);
    expect(ds.get('viso.raadgivning.forbrug').unit).toBe('mio. kr.');
  });
  it('has the contract series', () => {
    for (const id of [
      'viso.raadgivning.henvendelser.i_alt',
      'viso.raadgivning.forloeb.i_alt',
      'viso.covid.henvendelser.i_alt',
      'viso.covid.hotline_henvendelser.i_alt',
      'viso.raadgivning.gruppeforloeb.i_alt',
      'viso.raadgivning.maalgruppeforloeb.i_alt',
      'viso.raadgivning.temaforloeb.i_alt',
      'viso.kas.henvendelser.i_alt',
      'viso.kas.forloeb.i_alt',
      'viso.kas.bevilling',
      'viso.kas.forbrug',
      'viso.samlet.bevilling',
      'viso.raadgivning.forbrug_covid.i_alt',
      'viso.raadgivning.maalgrupper.autismespektrum',
    ]) {
      expect(ds.has(id), id).toBe(true);
    }
    const forloeb = ds.get('viso.raadgivning.forloeb.i_alt');
    expect(forloeb.points.find((p) => p.year === 2024)).toMatchObject({ value: 2543, flags: ['registration_break'] });
    expect(forloeb.points.find((p) => p.year === 2020)?.flags).toContain('estimated');
  });
  it('every source refers to a listed document', () => {
    const docs = new Set(ds.sources.map((s) => s.doc));
    for (const o of ds.observations()) expect(docs.has(o.source.split('#')[0]), o.source).toBe(true);
  });
  it('suggests close ids for an unknown series', () => {
    expect(() => ds.get('viso.raadgivning.forbrg')).toThrow(UsageError);
    expect(() => ds.get('viso.raadgivning.forbrg')).toThrow(/did you mean viso\.raadgivning\.forbrug/);
  });
  it('lists series sorted by id', () => {
    const ids = ds.list().map((s) => s.id);
    expect(ids).toEqual([...ids].sort());
    expect(ds.ids()).toEqual(ids);
  });
  it('locates data relative to the package root', () => {
    expect(bundledDataPath('viso.csv')).toMatch(/\/data\/viso\.csv$/);
  });
});

describe('events', () => {
  const ds = loadBundled();
  it('holds the dated events in date order', () => {
    const byId = new Map(ds.events.map((e) => [e.id, e]));
    expect(byId.get('covid-hotline-2020')).toMatchObject({ date: '2020-03-18', year: 2020, kind: 'covid', datePrecision: 'day' });
    expect(byId.get('tightening-2021-09')).toMatchObject({ date: '2021-09-20', kind: 'measure' });
    expect(byId.get('initiatives-2021-05')).toMatchObject({ date: '2021-05-01', kind: 'measure', datePrecision: 'month' });
    expect(byId.get('measures-2018')).toMatchObject({ year: 2018, kind: 'measure' });
    expect(byId.get('registration-change-2023-11')).toMatchObject({ date: '2023-11-01', kind: 'registration_break' });
    const dates = ds.events.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    for (const e of ds.events) {
      expect(e.title.da, e.id).toMatch(/\S/);
      expect(e.title.en, e.id).toMatch(/\S/);
    }
  });
  it('rejects malformed event rows with line and column', () => {
    const head = 'id,date,year,kind,title_da,title_en,source,date_precision\n';
    expect(() => parseEvents(head + 'x,2021-13-01,2021,measure,a,b,doc#x,day\n', 'ev.csv')).toThrow(InputError);
    expect(() => parseEvents(head + 'x,2021-09-20,2020,measure,a,b,doc#x,day\n', 'ev.csv')).toThrow('ev.csv:2: column year: expected the year of the date (2021), found "2020"');
    expect(() => parseEvents(head + 'x,2021-09-20,2021,party,a,b,doc#x,day\n', 'ev.csv')).toThrow(/column kind/);
  });
});

describe('strict parsing of the bundled file', () => {
  const head = 'series,area,measure,category,year,value,unit,source,flags\n';
  it('names line and column of a bad row', async () => {
    const { parseBundledObservations } = await import('../../src/data/bundled.js');
    expect(() => parseBundledObservations(head + 'viso.a.b,a,b,i_alt,2020,1,5,count,doc#x,\n', 'v.csv')).toThrow('v.csv:2: expected 9 fields, found "10 fields"');
    expect(() => parseBundledObservations(head + 'viso.a.b,a,b,i_alt,2020,1,stk,doc#x,\n', 'v.csv')).toThrow('v.csv:2: column unit: expected one of mio. kr., count, pct, found "stk"');
    expect(() => parseBundledObservations(head + 'viso.a.b,a,b,i_alt,2020,1,count,nodoc#x,\n', 'v.csv', new Set(['doc']))).toThrow(
      'v.csv:2: column source: expected a document listed in data/sources.csv, found "nodoc#x"',
    );
    expect(() => parseBundledObservations(head + 'viso.a.b,a,b,i_alt,2020,1,count,doc#x,guess\n', 'v.csv')).toThrow(/column flags/);
  });
});
