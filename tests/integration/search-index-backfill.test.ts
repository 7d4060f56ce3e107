import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import {
  createInstitutionEntity,
  createSlotEntity,
  type InstitutionItem,
  type SlotItem,
} from '@hongjia/functions/childcare/entities';
import { type BackfillProgress, backfillSearchIndex } from '@hongjia/functions/childcare/search/backfill';
import { createNearbyService } from '@hongjia/functions/childcare/search/nearby-service';
import { cellOf, geohashOf } from '@hongjia/functions/geo/index';
import { mainTable } from '@hongjia/infra/table-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, localDynamoClient, localTableName, startDynalite } from '../../local/dynamodb';

/**
 * Decision 0032: institutions and slots written before the search index have no
 * `cell4`, so nearby search cannot see them; the backfill puts them in, once,
 * and carries on where a cut-off run stopped. On its own dynalite: the seeded
 * city is written with `cell4` already.
 */
const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-backfill-'));
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let raw: ReturnType<typeof localDynamoClient>;
let deps: Parameters<typeof backfillSearchIndex>[0];

const at = { lat: 28.68, lng: 115.89 };
const date = '2030-06-03';
function institution(n: number, status: InstitutionItem['status']): InstitutionItem {
  const lat = at.lat + n * 0.001;
  const lng = at.lng;
  return {
    institutionId: `ins_old_${n}`,
    providerId: 'u_old',
    name: `旧托育 ${n}`,
    creditCode: `91360100MA0000000${n}`,
    address: `南昌市东湖区旧路 ${n} 号`,
    district: '360102',
    lat,
    lng,
    geohash: geohashOf(lat, lng),
    ...(status === 'published' ? { cell: cellOf(lat, lng), publishedAt: '2026-01-01T00:00:00.000Z' } : {}),
    affordable: true,
    monthlyFeeYuan: 1200,
    classes: [{ ageClass: 'toddler', capacity: 10, caregivers: 3 }],
    status,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
}
const slotOf = (item: InstitutionItem): SlotItem => ({
  slotId: `slt_old_${item.institutionId}`,
  institutionId: item.institutionId,
  cell: item.cell as string,
  geohash: item.geohash,
  ageClass: 'toddler',
  date,
  session: 'full_day',
  capacity: 10,
  confirmed: 2,
  waitlisted: 0,
  waitlistSeq: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** Writes an item as code from before decision 0032 did: no `cell4`, no search index keys. */
async function writeOld(params: { Item: Record<string, unknown> }) {
  const { gsi4pk: _pk, gsi4sk: _sk, cell4: _cell4, ...Item } = params.Item;
  await raw.send(new PutCommand({ TableName: localTableName(mainTable), Item }));
}

const search = () =>
  createNearbyService(deps).search({ lat: at.lat, lng: at.lng, radiusM: 3000, limit: 10, date });

beforeAll(async () => {
  process.env.CURSOR_SECRET ??= randomBytes(32).toString('base64url');
  dynamo = await startDynalite(join(dataDir, 'dynamodb'));
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTables(client);
  raw = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const table = localTableName(mainTable);
  deps = {
    institutions: createInstitutionEntity(raw, table),
    slots: createSlotEntity(raw, table),
    client: raw,
    table,
  };
  const published = [1, 2, 3].map((n) => institution(n, 'published'));
  for (const item of [...published, institution(4, 'pending_review')])
    await writeOld(deps.institutions.put(item).params());
  // ElectroDB composes the new index's keys from cell4 and the date together: give it one, then drop it.
  for (const item of published) await writeOld(deps.slots.put({ ...slotOf(item), cell4: 'wt3m' }).params());
});

afterAll(async () => {
  raw?.destroy();
  await dynamo?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('search index backfill (decision 0032)', () => {
  it('puts old institutions and slots into search, resumes where a run stopped, and is idempotent', async () => {
    expect((await search()).items).toEqual([]);

    // A run cut off after its first page (the institutions): it leaves where to go on.
    let saved: BackfillProgress | undefined;
    await expect(
      backfillSearchIndex(deps, {
        onPage: (progress) => {
          saved = progress;
          throw new Error('cut off');
        },
      }),
    ).rejects.toThrow('cut off');
    expect(saved).toMatchObject({ phase: 'slots', cursor: null, updated: 3 });

    // Resumed from there: only the slots are left; the pending filing never enters search.
    const resumed = await backfillSearchIndex(deps, { from: saved });
    expect(resumed.updated).toBe(3);
    const page = await search();
    expect(page.items.map((item) => [item.institution.id, item.freePlaces])).toEqual([
      ['ins_old_1', 8],
      ['ins_old_2', 8],
      ['ins_old_3', 8],
    ]);
    expect(page.items[0]?.institution.name).toBe('旧托育 1');

    // Run again from the start: nothing left to write, nothing changes.
    expect(await backfillSearchIndex(deps)).toMatchObject({ updated: 0 });
    expect((await search()).items).toEqual(page.items);
  });
});
