import { chinaYear } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { approve, fileInstitution, filingBody } from './childcare-filing-fixtures';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

/** District figures (SPEC C1): 普惠率 against 30%, centres opened this year against 18. */
let runtime: LocalRuntime;
let close: () => Promise<void>;

type Figures = {
  district: string;
  institutions: number;
  places: number;
  affordablePlaces: number;
  affordableShare: number;
  affordableTarget: number;
  meetsAffordableTarget: boolean;
  openedThisYear: number;
  openedTarget: number;
};

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
});
afterAll(async () => close?.());

const stats = async (token: string, query = '') => {
  const answer = await call(runtime, `/v1/staff/childcare/stats${query}`, { token });
  expect(answer.status, answer.text).toBe(200);
  return answer.json as { year: number; items: Figures[] };
};

describe('childcare stats', () => {
  it('gives district staff their own district only', async () => {
    const staff = (await signIn(runtime, 'staff-360104')).token;
    const { items } = await stats(staff);
    expect(items.map((i) => i.district)).toEqual(['360104']);
  });

  it('gives city staff all nine districts, with shares computed from places', async () => {
    const { items, year } = await stats((await signIn(runtime, 'staff-city')).token);
    expect(year).toBe(chinaYear(Date.now()));
    expect(items).toHaveLength(9);
    for (const item of items) {
      expect(item.institutions).toBeGreaterThan(0);
      expect(item.affordableShare).toBeCloseTo(item.affordablePlaces / item.places, 4);
      expect(item.meetsAffordableTarget).toBe(item.affordablePlaces / item.places >= 0.3);
      expect(item).toMatchObject({ affordableTarget: 0.3, openedTarget: 18 });
    }
  });

  it('counts a newly published affordable centre in its district and year', async () => {
    const staff = (await signIn(runtime, 'staff-360123')).token;
    const before = (await stats(staff)).items[0] as Figures;
    const provider = (await signIn(runtime, 'provider-7')).token;
    const id = await fileInstitution(
      runtime,
      provider,
      filingBody({
        district: '360123',
        lat: 28.8445,
        lng: 115.5491,
        affordable: true,
        classes: [
          { ageClass: 'toddler', capacity: 15, caregivers: 3 },
          { ageClass: 'preschool', capacity: 20, caregivers: 3 },
        ],
      }),
    );
    expect((await stats(staff)).items[0]?.institutions).toBe(before.institutions);
    await approve(runtime, staff, id);
    const after = (await stats(staff)).items[0] as Figures;
    expect(after.institutions).toBe(before.institutions + 1);
    expect(after.places).toBe(before.places + 35);
    expect(after.affordablePlaces).toBe(before.affordablePlaces + 35);
    expect(after.openedThisYear).toBe(before.openedThisYear + 1);
    // Places do not depend on the year asked for; openings do (the seed's centres opened from 2024 on).
    const earlier = (await stats(staff, '?year=2021')).items[0] as Figures;
    expect(earlier).toMatchObject({ places: after.places, openedThisYear: 0 });
  });

  it('is for staff only', async () => {
    const family = (await signIn(runtime, 'nosy-family')).token;
    expectEnvelope(await call(runtime, '/v1/staff/childcare/stats', { token: family }), 403, 'FORBIDDEN');
    const provider = (await signIn(runtime, 'provider-8')).token;
    expectEnvelope(await call(runtime, '/v1/staff/childcare/stats', { token: provider }), 403, 'FORBIDDEN');
  });
});
