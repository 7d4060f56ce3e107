import ngeohash from 'ngeohash';
import { describe, expect, it } from 'vitest';
import { boxOf, maxDistanceM, minDistanceM, neighbourCells } from '../src/geo/cell-bounds';
import { coveringCells } from '../src/geo/covering';
import { haversineM, type LatLng } from '../src/geo/haversine';

/** Points on a grid over a cell, its edges and corners included. */
function samplePoints(cell: string, steps = 8): LatLng[] {
  const box = boxOf(cell);
  const points: LatLng[] = [];
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= steps; j++) {
      points.push({
        lat: box.minLat + ((box.maxLat - box.minLat) * i) / steps,
        lng: box.minLng + ((box.maxLng - box.minLng) * j) / steps,
      });
    }
  }
  return points;
}

/** Every cell of the precision in a generous box around the circle, to check the covering against. */
function cellsAround(origin: LatLng, radiusM: number, precision: number): string[] {
  const dLat = (radiusM / 111_000) * 1.5 + 0.1;
  const dLng = Math.min(179.9, dLat / Math.max(0.01, Math.cos((origin.lat * Math.PI) / 180)));
  const minLat = Math.max(-90, origin.lat - dLat);
  const maxLat = Math.min(90, origin.lat + dLat);
  const west = origin.lng - dLng;
  const east = origin.lng + dLng;
  const spans: [number, number][] =
    west < -180
      ? [
          [-180, east],
          [west + 360, 180],
        ]
      : east > 180
        ? [
            [west, 180],
            [-180, east - 360],
          ]
        : [[west, east]];
  return spans.flatMap(([from, to]) => ngeohash.bboxes(minLat, from, maxLat, to, precision));
}

const cases: { name: string; origin: LatLng; radiusM: number; precision: number }[] = [
  { name: 'a 3 km circle in Nanchang', origin: { lat: 28.6849, lng: 115.8999 }, radiusM: 3000, precision: 5 },
  {
    name: 'a 20 km circle in Nanchang',
    origin: { lat: 28.6566, lng: 115.877 },
    radiusM: 20_000,
    precision: 5,
  },
  {
    name: 'a circle centred on a cell corner',
    origin: (() => {
      const box = boxOf(ngeohash.encode(28.68, 115.9, 5));
      return { lat: box.maxLat, lng: box.minLng };
    })(),
    radiusM: 2500,
    precision: 5,
  },
  {
    name: 'a circle across the antimeridian',
    origin: { lat: -16.5, lng: 179.98 },
    radiusM: 15_000,
    precision: 5,
  },
  { name: 'a circle around the north pole', origin: { lat: 89.8, lng: 10 }, radiusM: 40_000, precision: 3 },
  { name: 'a circle at high latitude', origin: { lat: 78.2, lng: 15.6 }, radiusM: 8000, precision: 5 },
];

describe('covering cells', () => {
  for (const { name, origin, radiusM, precision } of cases) {
    it(`includes every cell that reaches into ${name}, and no other`, () => {
      const covering = coveringCells(origin, radiusM, precision);
      const chosen = new Set(covering.map((c) => c.cell));
      for (const cell of cellsAround(origin, radiusM, precision)) {
        const points = samplePoints(cell);
        const nearest = Math.min(...points.map((p) => haversineM(origin, p)));
        if (nearest <= radiusM) expect(chosen.has(cell), cell).toBe(true);
      }
      for (const { cell, minDistanceM: min } of covering) expect(min, cell).toBeLessThanOrEqual(radiusM);
    });

    it(`bounds the distance to every point of each cell for ${name}`, () => {
      for (const { cell, minDistanceM: min, maxDistanceM: max } of coveringCells(
        origin,
        radiusM,
        precision,
      )) {
        for (const point of samplePoints(cell)) {
          const d = haversineM(origin, point);
          expect(min, cell).toBeLessThanOrEqual(d);
          expect(max, cell).toBeGreaterThanOrEqual(d);
        }
      }
    });
  }

  it('lists cells nearest first', () => {
    const covering = coveringCells({ lat: 28.6849, lng: 115.8999 }, 10_000, 5);
    expect(covering[0]?.minDistanceM).toBe(0);
    for (let i = 1; i < covering.length; i++) {
      expect(covering[i]?.minDistanceM).toBeGreaterThanOrEqual(covering[i - 1]?.minDistanceM ?? 0);
    }
  });

  it('reads a handful of cells for 3 km and under a hundred for 20 km at precision 5', () => {
    expect(coveringCells({ lat: 28.6849, lng: 115.8999 }, 3000, 5).length).toBeLessThanOrEqual(9);
    expect(coveringCells({ lat: 28.6849, lng: 115.8999 }, 20_000, 5).length).toBeLessThan(100);
  });

  it('gives zero distance to the cell that holds the point', () => {
    const p = { lat: 28.6849, lng: 115.8999 };
    expect(minDistanceM(p, boxOf(ngeohash.encode(p.lat, p.lng, 5)))).toBe(0);
    expect(maxDistanceM(p, boxOf(ngeohash.encode(p.lat, p.lng, 5)))).toBeGreaterThan(0);
  });

  it('finds 8 neighbours in the middle of the map and no cells beyond a pole', () => {
    expect(neighbourCells('wt3q2')).toHaveLength(8);
    expect(new Set(neighbourCells('wt3q2'))).toEqual(new Set(ngeohash.neighbors('wt3q2')));
    const topRow = ngeohash.encode(89.99, 0, 3);
    for (const cell of neighbourCells(topRow)) expect(boxOf(cell).minLat).toBeLessThan(90);
    expect(neighbourCells(topRow)).toHaveLength(5);
  });
});
