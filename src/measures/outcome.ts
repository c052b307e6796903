/**
 * Outcome series of a measure evaluation: dataset series or the derived
 * visitation rate / unit cost, with the documented data adjustments.
 */
import type { Flag } from '../data/types.js';
import { COST_IDS, type SeriesSource } from '../cost/data.js';
import type { Msg, MsgCode } from '../text/messages.js';

/** One year of an outcome. */
export interface OutcomePoint {
  year: number;
  value: number;
  flags: Flag[];
  /** adjustment applied to the published value, if any, as a code (worded in src/report/measuresText.ts) */
  adjustment?: Msg;
}

/** An outcome ready for evaluation. */
export interface OutcomeData {
  id: string;
  /** the outcome's name, as a code (worded in src/report/measuresText.ts) */
  label: Msg;
  kind: 'count' | 'mio' | 'ratio';
  points: OutcomePoint[];
}

const AREAS = ['voksne', 'boern_unge', 'specialundervisning', 'andet', 'i_alt'] as const;

/** An area in an outcome name: its words where it has them, else the slug. */
function areaParam(area: string): Msg | string {
  return (AREAS as readonly string[]).includes(area) ? { code: `measures.area.${area}` as MsgCode } : area;
}

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
    return {
      id,
      label: { code: 'measures.outcome.visitation', params: { area: areaParam(area) } },
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
      label: { code: 'measures.outcome.unitCost' },
      kind: 'ratio',
      points,
    };
  }
  if (id === COST_IDS.forbrug) {
    return { id, label: { code: 'measures.outcome.forbrug' }, kind: 'mio', points: forbrugPoints(ds) };
  }
  const s = ds.get(id);
  const m = /^viso\.raadgivning\.(forloeb|henvendelser)\.([a-z_]+)$/.exec(id);
  const label: Msg = m
    ? {
        code: m[1] === 'forloeb' ? 'measures.outcome.forloeb' : 'measures.outcome.henvendelser',
        params: { area: areaParam(m[2]) },
      }
    : { code: 'measures.outcome.series', params: { id } };
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
          adjustment: { code: 'measures.adjust.covid', params: { published: p.value, covid: c } },
        }
      : { year: p.year, value: p.value, flags: p.flags };
  });
}

function union(a: Flag[], b: Flag[]): Flag[] {
  return [...new Set([...a, ...b])];
}
