/**
 * Nearby search at 10k and 100k institutions (SPEC §4): the real service on
 * dynalite against brute force. Per size it prints whether every answer was
 * exactly the brute-force one, p50/p99 latency, items read per query (every
 * Query's ScannedCount, slots included, and the page read whole) against items returned, the two
 * bounded cases of decision 0025 (a first page in the densest district; a
 * 20 km query whose filter matches nothing, in Queries sent; the bench fails
 * when either misses its target at 100k), and the service's p50 as a share of a brute-force
 * search that has to Scan the table (the only Scan in the project, here to
 * measure what the index saves). Last stdout line: `BENCH_ROWS [...]`.
 *
 *   npx tsx scripts/bench/nearby.ts            # 10k then 100k
 *   BENCH_NEARBY_SIZES=2000 npx tsx scripts/bench/nearby.ts
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createInstitutionEntity,
  createSlotEntity,
  type InstitutionItem,
  type SlotItem,
} from '@hongjia/functions/childcare/entities';
import { createNearbyService } from '@hongjia/functions/childcare/search/nearby-service';
import {
  bruteForceNearby,
  cellOf,
  geohashOf,
  haversineM,
  searchPartitionOf,
} from '@hongjia/functions/geo/index';
import { mainTable } from '@hongjia/infra/table-spec';
import { type DistrictCode, districts, type NearbyQuery } from '@hongjia/shared';
import { ensureTables, localDynamoClient, localTableName, startDynalite } from '../../local/dynamodb';
import { spreadMetresByDistrict } from '../../local/seed/places';
import { pointNear, seededRandom } from '../../local/seed/random';

type BenchRow = [measure: string, value: string, note: string];
type AgeClass = InstitutionItem['classes'][number]['ageClass'];

const sizes = (process.env.BENCH_NEARBY_SIZES ?? '10000,100000').split(',').map(Number);
const queriesPerSize = 50;
const pageSize = 20;
const slotDate = '2030-06-03';
const ageClasses: AgeClass[] = ['infant', 'toddler', 'preschool'];

// Cursors are signed with their own key (decision 0017); the bench is its own little world.
process.env.CURSOR_SECRET ??= randomBytes(32).toString('base64url');
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';

const random = seededRandom(20260101);

/** A synthetic institution near a district centre (urban ones overlap), with one slot on `slotDate`. */
function synthetic(index: number): { institution: InstitutionItem; slot: SlotItem } {
  const district = random.pick(districts);
  const { lat, lng } = pointNear(
    random,
    district.centre,
    spreadMetresByDistrict[district.code as DistrictCode] * 2,
  );
  const affordable = random.chance(0.38);
  const classes = ageClasses
    .filter((_, n) => n === 1 || random.chance(0.6))
    .map((ageClass) => ({ ageClass, capacity: 10, caregivers: 3 }));
  const institutionId = `bench_${String(index).padStart(6, '0')}`;
  const cell = cellOf(lat, lng);
  const geohash = geohashOf(lat, lng);
  const cell4 = searchPartitionOf(geohash);
  const offered = random.pick(classes);
  return {
    institution: {
      institutionId,
      providerId: 'u_bench',
      name: `基准托育 ${index}`,
      creditCode: '91360100MA00000000',
      address: `南昌市${district.name}基准路 ${index} 号`,
      district: district.code,
      lat,
      lng,
      geohash,
      cell,
      cell4,
      affordable,
      monthlyFeeYuan: affordable ? random.int(16, 30) * 50 : random.int(36, 90) * 50,
      classes,
      status: 'published',
      createdAt: '2026-01-01T00:00:00.000Z',
      publishedAt: '2026-01-01T00:00:00.000Z',
    },
    slot: {
      slotId: `bench_slot_${index}`,
      institutionId,
      cell,
      cell4,
      geohash,
      ageClass: offered.ageClass,
      date: slotDate,
      session: 'full_day',
      capacity: offered.capacity,
      confirmed: random.int(0, offered.capacity),
      waitlisted: 0,
      waitlistSeq: 0,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  };
}

function randomQuery(): NearbyQuery {
  const centre = random.pick(districts).centre;
  const origin = pointNear(random, centre, 6000);
  const filter = random.int(0, 4);
  return {
    lat: origin.lat,
    lng: origin.lng,
    radiusM: random.chance(0.5) ? 3000 : 10_000,
    limit: pageSize,
    ...(filter === 1 ? { affordableOnly: true } : {}),
    ...(filter === 2 ? { maxMonthlyFee: 1500, ageClass: random.pick(ageClasses) } : {}),
    ...(filter === 3 ? { date: slotDate, ageClass: random.pick(ageClasses) } : {}),
  };
}

/** The same filters, written out for the in-memory reference. */
function bruteForce(
  query: NearbyQuery,
  institutions: InstitutionItem[],
  freeById: Map<string, Map<AgeClass, number>>,
) {
  const free = (id: string) => {
    const byClass = freeById.get(id);
    if (!byClass) return 0;
    return query.ageClass
      ? (byClass.get(query.ageClass) ?? 0)
      : [...byClass.values()].reduce((a, b) => a + b, 0);
  };
  const candidates = institutions.map((i) => ({ id: i.institutionId, lat: i.lat, lng: i.lng, i }));
  return bruteForceNearby(candidates, {
    origin: { lat: query.lat as number, lng: query.lng as number },
    radiusM: query.radiusM,
    accept: ({ i }) =>
      (!query.ageClass || i.classes.some((c) => c.ageClass === query.ageClass)) &&
      (!query.affordableOnly || i.affordable) &&
      (query.maxMonthlyFee === undefined || i.monthlyFeeYuan <= query.maxMonthlyFee) &&
      // Every synthetic slot is on slotDate: on any other date nothing is free.
      (!query.date || (query.date === slotDate && free(i.institutionId) > 0)),
  });
}

function withoutKeys(item: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const copy = { ...item };
  for (const key of keys) delete copy[key];
  return copy;
}

/** BatchWriteItem, 25 items a request, a few requests in flight, unprocessed items retried. */
async function batchWrite(client: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const worker = async () => {
    for (let chunk = chunks.pop(); chunk; chunk = chunks.pop()) {
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const answer = await client.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
        requests = (answer.UnprocessedItems?.[table] ?? []) as typeof requests;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The first page (or pages) a search answered, against the brute-force answer's head. */
function sameAsBruteForce(
  query: NearbyQuery,
  got: { institution: { id: string }; distanceM: number }[],
  institutions: InstitutionItem[],
  freeById: Map<string, Map<AgeClass, number>>,
): boolean {
  const want = bruteForce(query, institutions, freeById)
    .slice(0, got.length % pageSize === 0 && got.length > 0 ? got.length : undefined)
    .map((hit) => [hit.candidate.id, Math.round(hit.distanceM)]);
  return JSON.stringify(got.map((item) => [item.institution.id, item.distanceM])) === JSON.stringify(want);
}

/** The district whose centre has the most institutions within 1 km. */
function densestCentre(institutions: InstitutionItem[]): (typeof districts)[number] {
  const near = (centre: { lat: number; lng: number }) =>
    institutions.filter((i) => haversineM(centre, i) <= 1000).length;
  const [densest] = [...districts].map((d) => ({ d, n: near(d.centre) })).sort((a, b) => b.n - a.n);
  if (!densest) throw new Error('no districts');
  return densest.d;
}

const missed: string[] = [];

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hongjia-bench-nearby-'));
  const dynamo = await startDynalite(join(dataDir, 'dynamodb'));
  const raw = localDynamoClient(dynamo.endpoint);
  const rows: BenchRow[] = [];
  let inexact = 0;
  try {
    // Every Query the search sends (each page of one counts) and the items it read, slots included,
    // and the items the page's BatchGet read whole (decision 0032).
    const tally = { queries: 0, itemsRead: 0 };
    raw.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'QueryCommand') {
          tally.queries += 1;
          tally.itemsRead += Number((result.output as { ScannedCount?: number }).ScannedCount ?? 0);
        }
        if (context.commandName === 'BatchGetItemCommand') {
          const responses = (result.output as { Responses?: Record<string, unknown[]> }).Responses ?? {};
          for (const items of Object.values(responses)) tally.itemsRead += items.length;
        }
        return result;
      },
      { step: 'initialize', name: 'countQueries' },
    );
    await ensureTables(raw);
    const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    const table = localTableName(mainTable);
    const institutionsEntity = createInstitutionEntity(client, table);
    const slotsEntity = createSlotEntity(client, table);
    const service = createNearbyService({ institutions: institutionsEntity, slots: slotsEntity });

    const institutions: InstitutionItem[] = [];
    const freeById = new Map<string, Map<AgeClass, number>>();
    for (const size of sizes) {
      const started = performance.now();
      const batch = Array.from({ length: size - institutions.length }, (_, n) =>
        synthetic(institutions.length + n),
      );
      // Keys composed by ElectroDB, minus the indexes nearby search never reads (the precision-5 cell
      // indexes it read before decision 0032, a provider's filings, a district's, an institution's
      // slots): a third of the index writes, so 100k loads in budget.
      const items = batch.flatMap(({ institution, slot }) => [
        withoutKeys(institutionsEntity.put(institution).params<{ Item: Record<string, unknown> }>().Item, [
          'gsi1pk',
          'gsi1sk',
          'gsi2pk',
          'gsi2sk',
          'gsi3pk',
          'gsi3sk',
        ]),
        withoutKeys(slotsEntity.put(slot).params<{ Item: Record<string, unknown> }>().Item, [
          'gsi1pk',
          'gsi1sk',
          'gsi2pk',
          'gsi2sk',
        ]),
      ]);
      await batchWrite(client, table, items);
      for (const { institution, slot } of batch) {
        institutions.push(institution);
        freeById.set(
          slot.institutionId,
          new Map([[slot.ageClass, Math.max(0, slot.capacity - slot.confirmed)]]),
        );
      }
      const loadSeconds = (performance.now() - started) / 1000;
      process.stderr.write(`nearby bench: ${size} institutions written in ${loadSeconds.toFixed(1)} s\n`);

      const latencies: number[] = [];
      let exact = 0;
      let read = 0;
      let returned = 0;
      for (let q = 0; q < queriesPerSize; q++) {
        const query = randomQuery();
        const t0 = performance.now();
        const before = tally.itemsRead;
        const first = await service.search(query);
        latencies.push(performance.now() - t0);
        read += tally.itemsRead - before;
        // A second page too, so the cursor path is held to brute force as well.
        const second = first.nextCursor
          ? await service.search({ ...query, cursor: first.nextCursor })
          : { items: [], nextCursor: null };
        returned += first.items.length;
        if (sameAsBruteForce(query, [...first.items, ...second.items], institutions, freeById)) exact++;
        else inexact++;
      }

      // The two bounded cases of issue 13 (decision 0025), from the densest district's centre.
      const densest = densestCentre(institutions);
      const measureCase = async (queries: NearbyQuery[]) => {
        let items = 0;
        let returnedHere = 0;
        let queryCalls = 0;
        for (const query of queries) {
          const before = { ...tally };
          const page = await service.search(query);
          items += tally.itemsRead - before.itemsRead;
          queryCalls += tally.queries - before.queries;
          returnedHere += page.items.length;
          if (!sameAsBruteForce(query, page.items, institutions, freeById)) inexact++;
        }
        return { items, returned: returnedHere, queryCalls, count: queries.length };
      };
      const denseQueries: NearbyQuery[] = Array.from({ length: 10 }, (_, n) => {
        const at = pointNear(random, densest.centre, 1000);
        return {
          lat: at.lat,
          lng: at.lng,
          radiusM: 3000,
          limit: pageSize,
          ...(n % 3 === 1 ? { affordableOnly: true } : {}),
          ...(n % 3 === 2 ? { date: slotDate, ageClass: 'toddler' as const } : {}),
        };
      });
      const dense = await measureCase(denseQueries);
      const sparseBase = {
        lat: densest.centre.lat,
        lng: densest.centre.lng,
        radiusM: 20_000,
        limit: pageSize,
      };
      // Below every fee (800 yuan is the lowest), and a date on which nothing is offered.
      const sparseFee = await measureCase([{ ...sparseBase, maxMonthlyFee: 750 }]);
      const sparseDate = await measureCase([{ ...sparseBase, date: '2030-06-04' }]);
      const denseRatio = dense.items / Math.max(1, dense.returned);
      const sparseQueries = Math.max(sparseFee.queryCalls, sparseDate.queryCalls);
      if (size >= 100_000) {
        if (denseRatio > 10)
          missed.push(`dense first page read ${denseRatio.toFixed(1)}× what it returned (target ≤ 10×)`);
        if (sparseQueries > 100)
          missed.push(`a sparse 20 km query sent ${sparseQueries} Queries (target ≤ 100)`);
      }

      // Brute force from DynamoDB: Scan every item, then filter and sort in memory (twice; the better time counts).
      const scanTimes: number[] = [];
      for (let run = 0; run < 2; run++) {
        const t0 = performance.now();
        const scanned = await institutionsEntity.scan.go({ pages: 'all' });
        bruteForce(randomQuery(), scanned.data, freeById);
        scanTimes.push(performance.now() - t0);
      }
      const scanMs = Math.min(...scanTimes);
      const p50 = percentile(latencies, 50);
      const label = size >= 1000 ? `${size / 1000}k` : String(size);
      rows.push(
        [
          `nearby ${label}: exact match`,
          `${((100 * exact) / queriesPerSize).toFixed(0)} %`,
          `${exact}/${queriesPerSize} queries, 2 pages each, vs brute force`,
        ],
        [
          `nearby ${label}: latency p50 / p99`,
          `${ms(p50)} / ${ms(percentile(latencies, 99))}`,
          'first page of 20, dynalite, 3 or 10 km, mixed filters',
        ],
        [
          `nearby ${label}: items read / returned`,
          `${(read / queriesPerSize).toFixed(0)} / ${(returned / queriesPerSize).toFixed(1)}`,
          "per query, first page; every Query's ScannedCount (slots included) and the page's BatchGet",
        ],
        [
          `nearby ${label}: densest district, items read / returned`,
          `${denseRatio.toFixed(1)} ×`,
          `${dense.items} / ${dense.returned} over ${dense.count} first pages within 1 km of ${densest.name}'s centre (3 km, mixed filters; slots counted); ${(dense.queryCalls / dense.count).toFixed(1)} Queries a page; target ≤ 10× at 100k`,
        ],
        [
          `nearby ${label}: 20 km, filter matching nothing, Queries`,
          `${sparseFee.queryCalls} / ${sparseDate.queryCalls}`,
          `fee below every institution's / a date with no slots, from ${densest.name}'s centre; items read ${sparseFee.items} / ${sparseDate.items}; target ≤ 100 at 100k`,
        ],
        [
          `nearby ${label}: vs Scan brute force`,
          `${((100 * p50) / scanMs).toFixed(2)} %`,
          `service p50 ${ms(p50)} vs Scan + filter ${ms(scanMs)}`,
        ],
      );
      process.stderr.write(
        `${rows
          .slice(-6)
          .map((row) => row.join('  '))
          .join('\n')}\n`,
      );
    }
  } finally {
    raw.destroy();
    await dynamo.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`BENCH_ROWS ${JSON.stringify(rows)}`);
  // A page that differs from brute force is a failed bench, whatever its speed; so is a missed target.
  if (inexact > 0) process.stderr.write(`nearby bench: ${inexact} answers differ from brute force\n`);
  for (const miss of missed) process.stderr.write(`nearby bench: target missed: ${miss}\n`);
  if (inexact > 0 || missed.length > 0) process.exitCode = 1;
}

await main();
