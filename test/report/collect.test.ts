/**
 * collectReport reads the PL table (models/pl.yaml) only when a scenario shows its rates: the sources appendix cites
 * the rates' sources then, and not for scenarios that all write their own `pl:`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectReport } from '../../src/report/collect.js';
import { scenarioDir } from '../scenario/helpers.js';

const FM = 'Finansministeriets forudsætninger for 2025';
const plCited = (m: Awaited<ReturnType<typeof collectReport>>) => [
  ...(m.otherSources ?? []).filter((o) => o.usedBy.some((u) => u.startsWith('pl:'))).map((o) => o.source),
  ...Object.values(m.sourceUse)
    .flat()
    .filter((u) => u.startsWith('pl:')),
];

describe('collectReport: the PL table is read only when a scenario takes its rates from it', () => {
  it('a scenario with its own pl: cites nothing of models/pl.yaml; the bundled baseline cites its 2025 rates', async () => {
    const dir = scenarioDir({
      'own-pl.yaml': 'id: own-pl\nextends: baseline\npl: { default: 0.025, label: Egen PL-antagelse }\n',
    });
    const opts = { runs: 2_000, seed: 1, parts: ['scenarios' as const] };
    const own = await collectReport({ ...opts, scenarios: [join(dir, 'own-pl.yaml')] });
    expect(own.scenarios.map((s) => s.result.id)).toEqual(['own-pl']);
    expect(plCited(own)).toEqual([]);
    const base = await collectReport({ ...opts, scenarios: ['baseline'] });
    expect(plCited(base)).toEqual([FM]);
    expect(base.otherSources?.find((o) => o.source === FM)?.usedBy).toEqual(['pl:general.2025', 'pl:wage.2025']);
  });
});
