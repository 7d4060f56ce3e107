import {
  type Indicators,
  type Reconciliation,
  type ReconciliationKind,
  reconciliationKinds,
  shanghaiDay,
} from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { demoBirthsPerDistrict } from '../../local/seed/monitoring-files';
import { call, signIn, startTestRuntime } from './harness';

/**
 * The demo seed's monitoring year (local/seed/monitoring.ts), imported through
 * the real import path: the city's figures look like a city's (sex ratio,
 * every birth counted once) and the reconciliation worklist has something of
 * every kind to show.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let city: string;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime({ monitoringBirthsPerDistrict: demoBirthsPerDistrict }));
  city = (await signIn(runtime, 'staff-city')).token;
}, 900_000);
afterAll(async () => close());

const today = shanghaiDay(new Date());
const monthsBack = (n: number) => {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const date = new Date(Date.UTC(year, month - 1 - n, 1));
  return date.toISOString().slice(0, 7);
};

describe('seeded monitoring year', () => {
  it('counts every seeded birth once, with a sex ratio in 100–115 and most births registered', async () => {
    const answer = await call(
      runtime,
      `/v1/staff/monitoring/indicators?from=${monthsBack(12)}&to=${monthsBack(0)}`,
      {
        token: city,
      },
    );
    expect(answer.status, answer.text).toBe(200);
    const figures = answer.json as unknown as Indicators;
    expect(figures.births).toBe(demoBirthsPerDistrict * 9);
    expect(figures.sexRatio).toBeGreaterThanOrEqual(100);
    expect(figures.sexRatio).toBeLessThanOrEqual(115);
    expect(figures.registrationCoverage).toBeGreaterThan(0.7);
    expect(figures.registrationCoverage).toBeLessThan(1);
    expect(figures.migrationIn + figures.migrationOut).toBeGreaterThan(0);
  });

  it('leaves an open item of every reconciliation kind somewhere in the year', async () => {
    const found = new Set<ReconciliationKind>();
    for (let n = 0; n <= 12 && found.size < reconciliationKinds.length; n++) {
      const answer = await call(
        runtime,
        `/v1/staff/monitoring/reconciliation?district=360102&month=${monthsBack(n)}`,
        { token: city },
      );
      expect(answer.status, answer.text).toBe(200);
      const { counts } = answer.json as unknown as Reconciliation;
      for (const kind of reconciliationKinds) if (counts[kind] > 0) found.add(kind);
    }
    expect([...found].sort()).toEqual([...reconciliationKinds].sort());
  });
});
