import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createInstitutionEntity,
  createSlotEntity,
  type InstitutionItem,
  type SlotItem,
} from '@hongjia/functions/childcare/entities';
import { bruteForceNearby } from '@hongjia/functions/geo/index';
import { districts, type NearbyItem } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
/** The whole seeded city, read with a Scan: allowed here, to build the brute-force answer the API must match. */
let city: InstitutionItem[];
let slots: SlotItem[];

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  const table = process.env.TABLE_NAME as string;
  city = (await createInstitutionEntity(client, table).scan.go({ pages: 'all' })).data;
  slots = (await createSlotEntity(client, table).scan.go({ pages: 'all' })).data;
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

interface Page {
  items: NearbyItem[];
  nextCursor: string | null;
}

async function nearby(params: Record<string, string | number | boolean>): Promise<Page> {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)]));
  const answer = await call(runtime, `/v1/childcare/nearby?${query}`);
  expect(answer.status, answer.text).toBe(200);
  return answer.json as unknown as Page;
}

async function allPages(params: Record<string, string | number | boolean>): Promise<NearbyItem[]> {
  const items: NearbyItem[] = [];
  let cursor: string | null = null;
  do {
    const page: Page = await nearby({ ...params, ...(cursor ? { cursor } : {}) });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Free places on `date`, written independently of the service from the scanned slots. */
function freePlaces(institutionId: string, date: string, ageClass?: string): number {
  return slots
    .filter(
      (s) => s.institutionId === institutionId && s.date === date && (!ageClass || s.ageClass === ageClass),
    )
    .reduce((sum, s) => sum + Math.max(0, s.capacity - s.confirmed), 0);
}

function expected(
  origin: { lat: number; lng: number },
  radiusM: number,
  filters: { ageClass?: string; affordableOnly?: boolean; maxMonthlyFee?: number; date?: string } = {},
) {
  const candidates = city
    .filter((i) => i.status === 'published')
    .map((institution) => ({
      id: institution.institutionId,
      lat: institution.lat,
      lng: institution.lng,
      institution,
    }));
  return bruteForceNearby(candidates, {
    origin,
    radiusM,
    accept: ({ institution: i }) =>
      (!filters.ageClass || i.classes.some((c) => c.ageClass === filters.ageClass)) &&
      (!filters.affordableOnly || i.affordable) &&
      (filters.maxMonthlyFee === undefined || i.monthlyFeeYuan <= filters.maxMonthlyFee) &&
      (!filters.date || freePlaces(i.institutionId, filters.date, filters.ageClass) > 0),
  }).map((hit) => [hit.candidate.id, Math.round(hit.distanceM)]);
}

const idsAndDistances = (items: NearbyItem[]) => items.map((item) => [item.institution.id, item.distanceM]);

describe('nearby search', () => {
  it('reads the seeded city', () => {
    expect(city.filter((i) => i.status === 'published')).toHaveLength(308);
  });

  for (const district of districts) {
    it(`finds institutions near the centre of ${district.name}, nearest first, as brute force does`, async () => {
      const page = await nearby({ district: district.code });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.length).toBeLessThanOrEqual(20);
      for (const [index, item] of page.items.entries()) {
        expect(item.distanceM).toBeLessThanOrEqual(3000);
        expect(item.distanceM).toBeGreaterThanOrEqual(page.items[index - 1]?.distanceM ?? 0);
        expect(item.freePlaces).toBeUndefined();
      }
      expect(idsAndDistances(page.items)).toEqual(expected(district.centre, 3000).slice(0, 20));
    });
  }

  it('pages through a 20 km search to exactly the brute-force answer', async () => {
    const origin = { lat: 28.6829, lng: 115.8579 };
    const items = await allPages({ lat: origin.lat, lng: origin.lng, radiusM: 20_000, limit: 17 });
    expect(items.length).toBeGreaterThan(50);
    expect(idsAndDistances(items)).toEqual(expected(origin, 20_000));
  });

  it('gives the same items in small pages as in one big page', async () => {
    const params = { district: '360113', radiusM: 4000, affordableOnly: true };
    const centre = districts.find((d) => d.code === '360113')?.centre ?? { lat: 0, lng: 0 };
    expect(expected(centre, 4000, { affordableOnly: true }).length).toBeLessThanOrEqual(50);
    const big = await nearby({ ...params, limit: 50 });
    expect(big.nextCursor).toBeNull();
    expect(big.items.length).toBeGreaterThan(3);
    expect(await allPages({ ...params, limit: 3 })).toEqual(big.items);
  });

  it('filters by age class, fee and free places on a date, and says how many places are free', async () => {
    const date = [...new Set(slots.map((s) => s.date))].sort()[0] as string;
    const origin = { lat: 28.6566, lng: 115.877 };
    const filters = { ageClass: 'infant', maxMonthlyFee: 3000, date };
    const items = await allPages({
      lat: origin.lat,
      lng: origin.lng,
      radiusM: 15_000,
      limit: 50,
      ...filters,
    });
    expect(items.length).toBeGreaterThan(0);
    expect(idsAndDistances(items)).toEqual(expected(origin, 15_000, filters));
    for (const item of items) {
      expect(item.institution.monthlyFeeYuan).toBeLessThanOrEqual(3000);
      expect(item.freePlaces).toBe(freePlaces(item.institution.id, date, 'infant'));
      expect(item.freePlaces).toBeGreaterThan(0);
    }
  });

  it('finds nothing on a date without slots', async () => {
    const page = await nearby({ district: '360102', date: '2000-01-03' });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it('refuses a tampered cursor with 400 naming query.cursor', async () => {
    const first = await nearby({ district: '360102', limit: 2 });
    const cursor = first.nextCursor as string;
    const tampered = `${cursor.slice(0, 5)}${cursor[5] === 'A' ? 'B' : 'A'}${cursor.slice(6)}`;
    const error = expectEnvelope(
      await call(
        runtime,
        `/v1/childcare/nearby?district=360102&limit=2&cursor=${encodeURIComponent(tampered)}`,
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('query.cursor');
  });

  it('refuses the cursor of another search with 400', async () => {
    const first = await nearby({ district: '360102', limit: 2 });
    const cursor = encodeURIComponent(first.nextCursor as string);
    const error = expectEnvelope(
      await call(
        runtime,
        `/v1/childcare/nearby?district=360102&limit=2&affordableOnly=true&cursor=${cursor}`,
      ),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('query.cursor');
  });

  it('refuses a radius over 20 km with 400', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/childcare/nearby?district=360102&radiusM=20001'),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details[0]?.path).toBe('query.radiusM');
  });

  it('refuses a search without an origin with 400 naming query.lat', async () => {
    const error = expectEnvelope(
      await call(runtime, '/v1/childcare/nearby?radiusM=3000'),
      400,
      'VALIDATION_FAILED',
    );
    expect(error.details.map((d) => d.path)).toContain('query.lat');
  });
});

describe('institution detail and slots', () => {
  const seeded = () => city.find((i) => i.status === 'published') as InstitutionItem;

  it('shows a published institution with its classes', async () => {
    const answer = await call(runtime, `/v1/childcare/institutions/${seeded().institutionId}`);
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: seeded().institutionId,
      status: 'published',
      name: seeded().name,
    });
    expect((answer.json as { classes: unknown[] }).classes).toHaveLength(seeded().classes.length);
    expect(answer.json).not.toHaveProperty('providerId');
  });

  it('answers an unknown institution with 404', async () => {
    expectEnvelope(await call(runtime, '/v1/childcare/institutions/ins_nothing'), 404, 'NOT_FOUND');
    expectEnvelope(await call(runtime, '/v1/childcare/institutions/ins_nothing/slots'), 404, 'NOT_FOUND');
  });

  it('shows a filing under review only to its provider and its district staff', async () => {
    const provider = await signIn(runtime, 'provider-3');
    const id = `ins_pending_${Date.now()}`;
    await createInstitutionEntity(client, process.env.TABLE_NAME as string)
      .put({
        ...seeded(),
        institutionId: id,
        providerId: provider.user.id,
        district: '360104',
        cell: undefined,
        cell4: undefined,
        status: 'pending_review',
        publishedAt: undefined,
      })
      .go();
    const path = `/v1/childcare/institutions/${id}`;
    expectEnvelope(await call(runtime, path), 404, 'NOT_FOUND');
    expect((await call(runtime, path, { token: provider.token })).status).toBe(200);
    expect((await call(runtime, path, { token: (await signIn(runtime, 'staff-360104')).token })).status).toBe(
      200,
    );
    expect((await call(runtime, path, { token: (await signIn(runtime, 'staff-city')).token })).status).toBe(
      200,
    );
    const otherDistrict = await signIn(runtime, 'staff-360102');
    expectEnvelope(await call(runtime, path, { token: otherDistrict.token }), 404, 'NOT_FOUND');
    expectEnvelope(
      await call(runtime, path, { token: (await signIn(runtime, 'provider-4')).token }),
      404,
      'NOT_FOUND',
    );
  });

  it('lists the coming two weeks of slots with free places', async () => {
    const institution = seeded();
    const answer = await call(runtime, `/v1/childcare/institutions/${institution.institutionId}/slots`);
    expect(answer.status).toBe(200);
    const items = (answer.json as { items: { date: string; freePlaces: number; capacity: number }[] }).items;
    // The seed publishes full-day slots on the next 5 weekdays for every class.
    expect(items).toHaveLength(5 * institution.classes.length);
    const dates = items.map((s) => s.date);
    expect(dates).toEqual([...dates].sort());
    for (const slot of items) expect(slot.freePlaces).toBeLessThanOrEqual(slot.capacity);
  });

  it('lists slots between from and to, inclusive', async () => {
    const institution = seeded();
    const date = [...new Set(slots.map((s) => s.date))].sort()[1] as string;
    const answer = await call(
      runtime,
      `/v1/childcare/institutions/${institution.institutionId}/slots?from=${date}&to=${date}`,
    );
    expect(answer.status).toBe(200);
    const items = (answer.json as { items: { date: string }[] }).items;
    expect(items).toHaveLength(institution.classes.length);
    expect(new Set(items.map((s) => s.date))).toEqual(new Set([date]));
  });

  it('refuses a range over 60 days or backwards with 400 naming query.to', async () => {
    const base = `/v1/childcare/institutions/${seeded().institutionId}/slots`;
    const tooLong = expectEnvelope(
      await call(runtime, `${base}?from=2030-01-01&to=2030-03-03`),
      400,
      'VALIDATION_FAILED',
    );
    expect(tooLong.details[0]?.path).toBe('query.to');
    const backwards = expectEnvelope(
      await call(runtime, `${base}?from=2030-01-10&to=2030-01-01`),
      400,
      'VALIDATION_FAILED',
    );
    expect(backwards.details[0]?.path).toBe('query.to');
    expect((await call(runtime, `${base}?from=2030-01-01&to=2030-03-02`)).status).toBe(200);
  });
});
