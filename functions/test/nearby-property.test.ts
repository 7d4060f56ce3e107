import fc from 'fast-check';
import ngeohash from 'ngeohash';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bruteForceNearby,
  type Candidate,
  cellPrecision,
  coveringCells,
  createMemoryCellIndex,
  decodeNearbyCursor,
  encodeNearbyCursor,
  haversineM,
  type LatLng,
  type NearbyHit,
  prefixLoader,
  searchAdaptive,
  searchNearby,
  searchPartitionPrecision,
} from '../src/geo';
import { boxOf } from '../src/geo/cell-bounds';

interface Place extends Candidate {
  affordable: boolean;
  fee: number;
}

beforeAll(() => {
  process.env.CURSOR_SECRET ??= 'unit-test-cursor-secret-unit-test-cursor-secret';
});

/**
 * Around Nanchang: most points within about 5 km of the centre (dense, so pages
 * fill inside a few cells and stopping early would show), the rest across a
 * 50 km box so 20 km searches reach its edges.
 */
const around = { lat: 28.68, lng: 115.9 };
// noBias: fast-check's doubles otherwise favour the range's ends, piling points onto four spots.
const pointWithin = (degrees: number) =>
  fc.record({
    lat: fc.noBias(fc.double({ min: around.lat - degrees, max: around.lat + degrees, noNaN: true })),
    lng: fc.noBias(fc.double({ min: around.lng - degrees, max: around.lng + degrees, noNaN: true })),
  });
const randomPoint = fc.oneof(
  { weight: 3, arbitrary: pointWithin(0.05) },
  { weight: 1, arbitrary: pointWithin(0.25) },
);

/**
 * Corners and edges of the partition cells of both engines (geohash 5 for the fixed covering,
 * 4 for childcare's search index): where a point's cell and its distance are easiest to get wrong.
 */
const cellEdgePoint = fc
  .tuple(
    randomPoint,
    fc.constantFrom(cellPrecision, searchPartitionPrecision),
    fc.constantFrom('corner', 'latEdge', 'lngEdge'),
    fc.nat(3),
    fc.double({ min: 0, max: 1, noNaN: true }),
  )
  .map(([point, precision, kind, corner, t]): LatLng => {
    const box = boxOf(ngeohash.encode(point.lat, point.lng, precision));
    const lat = corner & 1 ? box.maxLat : box.minLat;
    const lng = corner & 2 ? box.maxLng : box.minLng;
    if (kind === 'corner') return { lat, lng };
    if (kind === 'latEdge') return { lat, lng: box.minLng + t * (box.maxLng - box.minLng) };
    return { lat: box.minLat + t * (box.maxLat - box.minLat), lng };
  });

const location = fc.oneof({ weight: 3, arbitrary: randomPoint }, { weight: 2, arbitrary: cellEdgePoint });

const places = fc
  .array(
    fc.record({
      at: location,
      affordable: fc.boolean(),
      fee: fc.integer({ min: 8, max: 45 }).map((n) => n * 100),
    }),
    {
      maxLength: 200,
      // fast-check keeps arrays short by default; nearby search needs crowds to page through.
      size: 'max',
    },
  )
  // Some places share a spot exactly (two centres in one building): their order is by id alone.
  .chain((raw) =>
    fc.array(fc.nat(Math.max(0, raw.length - 1)), { maxLength: raw.length > 0 ? 10 : 0 }).map((twins) => {
      const all = raw.map(
        ({ at, affordable, fee }, index): Place => ({ id: `p${index}`, ...at, affordable, fee }),
      );
      for (const [n, source] of twins.entries()) {
        const twin = all[source];
        if (twin) all.push({ ...twin, id: `t${n}` });
      }
      return all;
    }),
  );

type Filter = 'none' | 'affordable' | 'fee';
const accepts = (filter: Filter, maxFee: number) => (place: Place) =>
  filter === 'none' ? true : filter === 'affordable' ? place.affordable : place.fee <= maxFee;

/** The point of a cell's box nearest to `origin` (exact when their longitudes overlap): where a cell's bound is tight. */
function facingPoint(origin: LatLng, cell: string): LatLng {
  const box = boxOf(cell);
  return {
    lat: Math.min(box.maxLat, Math.max(box.minLat, origin.lat)),
    lng: Math.min(box.maxLng, Math.max(box.minLng, origin.lng)),
  };
}

const scenario = places
  .chain((crowd) => fc.record({ crowd: fc.constant(crowd), origin: fc.oneof(randomPoint, cellEdgePoint) }))
  // Places exactly at the nearest point of cells around the origin: at the very distance the engine stops on.
  .chain(({ crowd, origin }) => {
    const near = coveringCells(origin, 8000, cellPrecision).map((c) => c.cell);
    return fc.array(fc.constantFrom(...near), { maxLength: 12 }).map((cells) => ({
      origin,
      all: [
        ...crowd,
        ...cells.map(
          (cell, n): Place => ({
            id: `f${n}`,
            ...facingPoint(origin, cell),
            affordable: n % 2 === 0,
            fee: 1500,
          }),
        ),
      ],
    }));
  })
  .chain(({ all, origin }) =>
    fc.record({
      all: fc.constant(all),
      origin: fc.constant(origin),
      // Either a plain radius, or one exactly at a place's distance, or 1e-6 m either side of it.
      radius: fc.oneof(
        fc.double({ min: 100, max: 20_000, noNaN: true }),
        fc.record({ place: fc.nat(Math.max(0, all.length - 1)), offset: fc.constantFrom(-1e-6, 0, 1e-6) }),
      ),
      limit: fc.integer({ min: 1, max: 50 }),
      filter: fc.constantFrom<Filter>('none', 'affordable', 'fee'),
      maxFee: fc.integer({ min: 8, max: 45 }).map((n) => n * 100),
    }),
  );

const summary = (hits: NearbyHit<Place>[]) => hits.map((hit) => [hit.candidate.id, hit.distanceM]);

type Search = Parameters<typeof searchNearby<Place>>[0];
type Engine = (all: Place[]) => {
  run: (search: Search) => ReturnType<typeof searchNearby<Place>>;
  loaded: string[];
};

/** The fixed covering (precision-5 cells, service points) and the adaptive one (childcare, decision 0025). */
const engines: [string, Engine][] = [
  [
    'fixed covering',
    (all) => {
      const { engine, loaded } = createMemoryCellIndex(all, cellPrecision);
      return { run: (search) => searchNearby(search, engine), loaded };
    },
  ],
  [
    'adaptive covering',
    (all) => {
      const index = prefixLoader(all, 9);
      // As childcare search reads its index (nearby-service.ts nearbyCovering).
      const covering = { coarsest: searchPartitionPrecision, probe: 7, finest: 8 };
      return {
        run: (search) => searchAdaptive(search, { covering, loadCell: index.loadCell, readAhead: 2 }),
        loaded: index.loaded,
      };
    },
  ],
];

/**
 * Both engines answer every scenario (one scenario, one brute force), paging to the end. Pages
 * are capped at 6 a scenario (the limit is raised to fit): page boundaries still fall between
 * twins and on exact distances, while a limit of 1 over 200 places (200 searches, each
 * learning the density anew) no longer dominates the run. Was 300 runs per engine, each its
 * own scenario, and limits down to 1 over any crowd (≈ 39 s of CI, the adaptive engine's).
 */
describe('nearby search against brute force (both engines)', () => {
  it('pages through exactly what a brute-force scan returns, in the same order with the same distances', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ all, origin, radius, limit: drawn, filter, maxFee }) => {
        const anchor = typeof radius === 'number' ? undefined : all[radius.place];
        const radiusM =
          typeof radius === 'number'
            ? radius
            : anchor
              ? Math.max(0, haversineM(origin, anchor) + radius.offset)
              : 3000;
        const accept = accepts(filter, maxFee);
        const expected = bruteForceNearby(all, { origin, radiusM, accept });
        const limit = Math.max(drawn, Math.ceil(expected.length / 6));

        for (const [name, engineFor] of engines) {
          const { run, loaded } = engineFor(all);
          const fingerprint = JSON.stringify([origin, radiusM, filter, maxFee]);
          const pages: NearbyHit<Place>[][] = [];
          let cursor: string | null = null;
          do {
            const after = await decodeNearbyCursor(cursor ?? undefined, fingerprint);
            const page = await run({ origin, radiusM, limit, accept, ...(after ? { after } : {}) });
            pages.push(page.items);
            cursor = await encodeNearbyCursor(page.next, fingerprint);
            expect(pages.length, name).toBeLessThanOrEqual(expected.length + 1);
          } while (cursor);

          expect(summary(pages.flat()), name).toEqual(summary(expected));
          // Every page but the last is full; the last is empty only when there is nothing at all.
          for (const page of pages.slice(0, -1)) expect(page, name).toHaveLength(limit);
          if (expected.length > 0) expect(pages.at(-1)?.length, name).toBeGreaterThan(0);
          // It never reads a cell that lies wholly outside the circle.
          for (const cell of loaded) {
            const box = boxOf(cell);
            const nearest = haversineM(origin, {
              lat: Math.min(box.maxLat, Math.max(box.minLat, origin.lat)),
              lng: Math.min(box.maxLng, Math.max(box.minLng, origin.lng)),
            });
            // The clamped point is at most a few metres from the true nearest point of a cell.
            expect(nearest - 50, name).toBeLessThanOrEqual(radiusM);
          }
        }
      }),
      { numRuns: 100 },
    );
  }, 180_000);
});

describe('nearby search against brute force', () => {
  it('includes a place exactly at the radius and leaves out one a micrometre beyond', async () => {
    const origin = { lat: 28.68, lng: 115.9 };
    const place: Place = { id: 'edge', lat: 28.7, lng: 115.91, affordable: true, fee: 1000 };
    const d = haversineM(origin, place);
    const { engine } = createMemoryCellIndex([place], cellPrecision);
    for (const [radiusM, found] of [
      [d, true],
      [d + 1e-6, true],
      [d - 1e-6, false],
    ] as const) {
      const page = await searchNearby({ origin, radiusM, limit: 5 }, engine);
      expect(page.items.map((hit) => hit.candidate.id)).toEqual(found ? ['edge'] : []);
    }
  });
});
