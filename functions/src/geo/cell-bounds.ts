import ngeohash from 'ngeohash';
import { haversineM, type LatLng } from './haversine';

/**
 * Distance bounds from a point to a geohash cell (a closed latitude/longitude
 * box). The nearby engine decides which cells to read and when to stop from
 * these, so they must err on the safe side: `minDistanceM` never exceeds the
 * distance to any point of the cell, `maxDistanceM` is never below it.
 */

/** Absorbs floating-point error of the bounds (millimetres: far below anything a user sees). */
const slackM = (distanceM: number) => 1e-3 + distanceM * 1e-9;

export interface Box {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

export function boxOf(cell: string): Box {
  const [minLat, minLng, maxLat, maxLng] = ngeohash.decode_bbox(cell) as [number, number, number, number];
  return { minLat, minLng, maxLat, maxLng };
}

/** Longitude difference folded into (-180, 180]. */
function lngDelta(from: number, to: number): number {
  const delta = (((to - from) % 360) + 360) % 360;
  return delta > 180 ? delta - 360 : delta;
}

/**
 * Exact minimum great-circle distance from `p` to the box, then lowered by a
 * small slack. When p's longitude lies within the box's, the nearest point is
 * straight north or south of p (a parallel is nearest where the longitudes
 * agree). Otherwise it is on the nearer meridian edge, at an end of the edge
 * or where the great circle through p meets that meridian at a right angle:
 * on the sphere, cos d = A sin φ' + B cos φ' along a meridian, so the only
 * interior maximum of cos d is at φ' = atan2(A, B). Each candidate point goes
 * through haversine, which stays accurate at short range where acos does not.
 */
export function minDistanceM(p: LatLng, box: Box): number {
  const width = box.maxLng - box.minLng;
  const offset = lngDelta(box.minLng, p.lng);
  const fromMin = offset < 0 ? offset + 360 : offset;
  if (fromMin <= width) {
    if (p.lat >= box.minLat && p.lat <= box.maxLat) return 0;
    const lat = p.lat > box.maxLat ? box.maxLat : box.minLat;
    const d = haversineM(p, { lat, lng: p.lng });
    return Math.max(0, d - slackM(d));
  }
  const edgeLng =
    Math.abs(lngDelta(p.lng, box.minLng)) <= Math.abs(lngDelta(p.lng, box.maxLng)) ? box.minLng : box.maxLng;
  const phi = (p.lat * Math.PI) / 180;
  const dLambda = (lngDelta(edgeLng, p.lng) * Math.PI) / 180;
  const foot = (Math.atan2(Math.sin(phi), Math.cos(phi) * Math.cos(dLambda)) * 180) / Math.PI;
  const lats = [box.minLat, box.maxLat];
  if (foot > box.minLat && foot < box.maxLat) lats.push(foot);
  const d = Math.min(...lats.map((lat) => haversineM(p, { lat, lng: edgeLng })));
  return Math.max(0, d - slackM(d));
}

/**
 * An upper bound by the triangle inequality through the box centre. From the
 * centre the farthest point of a box narrower than 180° of longitude is a
 * corner (along a parallel distance grows with the longitude difference, and
 * along a meridian edge cos d has no interior minimum), which holds for every
 * geohash cell of precision ≥ 1.
 */
export function maxDistanceM(p: LatLng, box: Box): number {
  const centre = { lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 };
  const corners = [
    { lat: box.minLat, lng: box.minLng },
    { lat: box.minLat, lng: box.maxLng },
    { lat: box.maxLat, lng: box.minLng },
    { lat: box.maxLat, lng: box.maxLng },
  ];
  const d = haversineM(p, centre) + Math.max(...corners.map((corner) => haversineM(centre, corner)));
  return d + slackM(d);
}

/**
 * The up-to-8 cells around `cell` (fewer at a pole: nothing lies north of the
 * top row). Computed from the box rather than with ngeohash.neighbors, which
 * wraps latitude past the poles into cells on the other side of the globe.
 */
export function neighbourCells(cell: string): string[] {
  const box = boxOf(cell);
  const height = box.maxLat - box.minLat;
  const width = box.maxLng - box.minLng;
  const centre = { lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 };
  const cells = new Set<string>();
  for (const dLat of [-1, 0, 1]) {
    for (const dLng of [-1, 0, 1]) {
      if (dLat === 0 && dLng === 0) continue;
      const lat = centre.lat + dLat * height;
      if (lat < -90 || lat > 90) continue;
      // Neighbour centres are never on ±90 / ±180 themselves, so folding the longitude is enough.
      cells.add(ngeohash.encode(lat, lngDelta(0, centre.lng + dLng * width), cell.length));
    }
  }
  cells.delete(cell);
  return [...cells];
}
