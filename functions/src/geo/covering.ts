import ngeohash from 'ngeohash';
import { type Box, boxOf, maxDistanceM, minDistanceM, neighbourCells } from './cell-bounds';
import type { LatLng } from './haversine';

export interface CoveringCell {
  cell: string;
  box: Box;
  /** A lower bound of the distance from the origin to any point of the cell. */
  minDistanceM: number;
  /** An upper bound of the distance from the origin to any point of the cell. */
  maxDistanceM: number;
}

/**
 * Every cell of `precision` whose closed box comes within `radiusM` of
 * `origin`, nearest first (ties by cell name, so the order is total).
 *
 * Found by flooding out from the origin's cell through neighbours while they
 * stay within the radius: the cap of the circle is connected and cells that
 * touch it touch each other along the way, so nothing within reach is missed
 * (at a pole the top row is joined through its east/west neighbours). This
 * avoids guessing the box of a circle in degrees, which breaks down near the
 * poles and the antimeridian.
 */
export function coveringCells(origin: LatLng, radiusM: number, precision: number): CoveringCell[] {
  const start = ngeohash.encode(origin.lat, origin.lng, precision);
  const seen = new Set<string>([start]);
  const queue = [start];
  const found: CoveringCell[] = [];
  for (let index = 0; index < queue.length; index++) {
    const next = queue[index] as string;
    const box = boxOf(next);
    const minimum = minDistanceM(origin, box);
    if (minimum > radiusM) continue;
    found.push({ cell: next, box, minDistanceM: minimum, maxDistanceM: maxDistanceM(origin, box) });
    for (const neighbour of neighbourCells(next)) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  return found.sort(
    (a, b) => a.minDistanceM - b.minDistanceM || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
  );
}
