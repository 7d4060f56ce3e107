import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { bruteForceNearby } from '@hongjia/functions/geo/index';
import { createServicePointEntity, type ServicePointItem } from '@hongjia/functions/service-points/entities';
import { openingStatus } from '@hongjia/functions/service-points/opening-hours';
import { districts } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, startTestRuntime } from './harness';

let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
/** Every seeded point, read with a Scan: allowed here, to build the brute-force answer. */
let points: ServicePointItem[];

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  points = (
    await createServicePointEntity(client, process.env.TABLE_NAME as string).scan.go({ pages: 'all' })
  ).data;
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

interface Item {
  id: string;
  distanceM: number;
  services: string[];
  openNow: boolean;
  todayHours: string;
}

async function allPages(params: Record<string, string | number>): Promise<{ items: Item[]; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query = new URLSearchParams(
      Object.entries({ ...params, ...(cursor ? { cursor } : {}) }).map(([k, v]) => [k, String(v)]),
    );
    const answer = await call(runtime, `/v1/service-points/nearby?${query}`);
    expect(answer.status, answer.text).toBe(200);
    items.push(...((answer.json?.items ?? []) as Item[]));
    cursor = answer.json?.nextCursor as string | null;
    pages += 1;
  } while (cursor);
  return { items, pages };
}

function expected(origin: { lat: number; lng: number }, radiusM: number, service?: string) {
  return bruteForceNearby(
    points.map((point) => ({ id: point.pointId, lat: point.lat, lng: point.lng, point })),
    {
      origin,
      radiusM,
      ...(service ? { accept: ({ point }) => point.services.includes(service as 'print') } : {}),
    },
  ).map((hit) => [hit.candidate.id, Math.round(hit.distanceM)]);
}

describe('nearby service points', () => {
  it('has the seeded points: four kinds per district and its 托育指导中心', () => {
    expect(points).toHaveLength(45);
  });

  it('lists the 托育指导中心 of every district among the consult points, with its hours', async () => {
    for (const district of districts) {
      const { items } = await allPages({
        district: district.code,
        service: 'consult',
        radiusM: 2000,
        limit: 50,
      });
      const centre = (items as (Item & { name: string; district: string })[]).find((item) =>
        item.name.includes('托育指导中心'),
      );
      expect(centre, district.name).toMatchObject({ district: district.code, services: ['consult'] });
      expect(centre?.todayHours).toMatch(/\d{2}:\d{2}–\d{2}:\d{2}|今日休息/);
    }
  });

  it('answers nearest first, exactly the brute-force answer, over every page', async () => {
    for (const [index, district] of districts.entries()) {
      const origin = { lat: district.centre.lat + 0.004 * (index % 3), lng: district.centre.lng - 0.003 };
      const service = ['print', 'pickup', 'consult', undefined][index % 4];
      const radiusM = index % 2 ? 8000 : 30_000;
      const { items, pages } = await allPages({
        lat: origin.lat,
        lng: origin.lng,
        radiusM,
        limit: 3,
        ...(service ? { service } : {}),
      });
      expect(items.map((item) => [item.id, item.distanceM])).toEqual(expected(origin, radiusM, service));
      if (items.length > 3) expect(pages).toBeGreaterThan(1);
      if (service) for (const item of items) expect(item.services).toContain(service);
    }
  });

  it('falls back to the district centre', async () => {
    const district = districts[0] as (typeof districts)[number];
    const { items } = await allPages({ district: district.code, radiusM: 5000, limit: 50 });
    expect(items.map((item) => [item.id, item.distanceM])).toEqual(expected(district.centre, 5000));
  });

  it('says whether each point is open now, in Asia/Shanghai', async () => {
    const before = new Date();
    const { items } = await allPages({ district: '360102', radiusM: 50_000, limit: 50 });
    const after = new Date();
    for (const item of items) {
      const point = points.find((p) => p.pointId === item.id) as ServicePointItem;
      const possible = [openingStatus(point.openingHours, before), openingStatus(point.openingHours, after)];
      expect(possible).toContainEqual({ openNow: item.openNow, todayHours: item.todayHours });
    }
  });

  it('refuses a query without an origin and a cursor from another query', async () => {
    expectEnvelope(await call(runtime, '/v1/service-points/nearby?service=print'), 400, 'VALIDATION_FAILED');
    const first = await call(runtime, '/v1/service-points/nearby?district=360102&radiusM=50000&limit=2');
    const cursor = first.json?.nextCursor as string;
    const other = await call(
      runtime,
      `/v1/service-points/nearby?district=360103&radiusM=50000&limit=2&cursor=${encodeURIComponent(cursor)}`,
    );
    expectEnvelope(other, 400, 'VALIDATION_FAILED');
  });
});
