/**
 * Outcome series of a measure evaluation: dataset series or the derived
 * visitation rate / unit cost, with the documented data adjustments.
 */
import type { Flag } from '../data/types.js';
import { COST_IDS, type SeriesSource } from '../cost/data.js';

/** One year of an outcome. */
export interface OutcomePoint {
  year: number;
  value: number;
  flags: Flag[];
  /** adjustment applied to the published value, if any */
  adjustment?: { da: string; en: string };
}

/** An outcome ready for evaluation. */
export interface OutcomeData {
  id: string;
  label: { da: string; en: string };
  kind: 'count' | 'mio' | 'ratio';
  points: OutcomePoint[];
}

const AREA_LABEL: Record<string, { da: string; en: string }> = {
  voksne: { da: 'voksne', en: 'adults' },
  boern_unge: { da: 'børn og unge', en: 'children and young people' },
  specialundervisning: { da: 'specialundervisning', en: 'special education' },
  andet: { da: 'andet', en: 'other' },
  i_alt: { da: 'i alt', en: 'total' },
};

/**
 * Points of an outcome. Forbrug 2020 is used without the COVID-19 extra
 * costs (1.2 mio. kr.) so that it is comparable with the other years.
 *
 * @example
 * outcomeData(loadBundled(), 'visitation.i_alt').points[0] // { year: 2014, value: 1733 / 3836, ... }
 */
export function outcomeData(ds: SeriesSource, id: string): OutcomeData {
  const vis = /^visitation\.([a-z_]+)$/.exec(id);
  if (vis) {
    const area = vis[1];
    const num = forloebPoints(ds, area);
    const den = new Map(ds.get(COST_IDS.henvendelser(area)).points.map((p) => [p.year, p]));
    const points = num.flatMap((p) => {
      const d = den.get(p.year);
      return d ? [{ year: p.year, value: p.value / d.value, flags: union(p.flags, d.flags) }] : [];
    });
    const a = AREA_LABEL[area] ?? { da: area, en: area };
    return {
      id,
      label: {
        da: `Visitationsrate (forløb pr. henvendelse), ${a.da}`,
        en: `Visitation rate (forløb per henvendelse), ${a.en}`,
      },
      kind: 'ratio',
      points,
    };
  }
  if (id === 'unit_cost') {
    const f = new Map(forbrugPoints(ds).map((p) => [p.year, p]));
    const points = forloebPoints(ds, 'i_alt').flatMap((p) => {
      const b = f.get(p.year);
      return b
        ? [{ year: p.year, value: b.value / p.value, flags: union(p.flags, b.flags), adjustment: b.adjustment }]
        : [];
    });
    return {
      id,
      label: { da: 'Enhedsomkostning (mio. kr. pr. forløb)', en: 'Unit cost (DKK m per forløb)' },
      kind: 'ratio',
      points,
    };
  }
  if (id === COST_IDS.forbrug) {
    return { id, label: { da: 'Forbrug (mio. kr.)', en: 'Spending (DKK m)' }, kind: 'mio', points: forbrugPoints(ds) };
  }
  const s = ds.get(id);
  const m = /^viso\.raadgivning\.(forloeb|henvendelser)\.([a-z_]+)$/.exec(id);
  const a = m ? (AREA_LABEL[m[2]] ?? { da: m[2], en: m[2] }) : undefined;
  const label = m
    ? m[1] === 'forloeb'
      ? { da: `Rådgivningsforløb, ${a!.da}`, en: `Advisory forløb, ${a!.en}` }
      : { da: `Henvendelser (ekskl. COVID-19), ${a!.da}`, en: `Henvendelser (excl. COVID-19), ${a!.en}` }
    : { da: id, en: id };
  return {
    id,
    label,
    kind: s.unit === 'mio. kr.' ? 'mio' : s.unit === 'count' ? 'count' : 'ratio',
    points: s.points.map((p) => ({ year: p.year, value: p.value, flags: p.flags })),
  };
}

function forloebPoints(ds: SeriesSource, area: string): OutcomePoint[] {
  return ds.get(COST_IDS.forloeb(area)).points.map((p) => ({ year: p.year, value: p.value, flags: p.flags }));
}

function forbrugPoints(ds: SeriesSource): OutcomePoint[] {
  const covid = ds.has(COST_IDS.forbrugCovid)
    ? new Map(ds.get(COST_IDS.forbrugCovid).points.map((p) => [p.year, p.value]))
    : new Map<number, number>();
  return ds.get(COST_IDS.forbrug).points.map((p) => {
    const c = covid.get(p.year);
    return c
      ? {
          year: p.year,
          value: p.value - c,
          flags: p.flags,
          adjustment: {
            da: `offentliggjort ${String(p.value).replace('.', ',')} minus ${String(c).replace('.', ',')} mio. kr. COVID-19-merudgifter`,
            en: `published ${p.value} minus ${c} mio. kr. COVID-19 extra costs`,
          },
        }
      : { year: p.year, value: p.value, flags: p.flags };
  });
}

function union(a: Flag[], b: Flag[]): Flag[] {
  return [...new Set([...a, ...b])];
}
