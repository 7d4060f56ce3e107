import { coveringCells } from './covering';
import { haversineM } from './haversine';
import { comparePositions, type NearbyPosition } from './order';
import type { Candidate, NearbyHit, NearbySearch } from './types';

export interface NearbyEngine<C extends Candidate> {
  /** Geohash precision of the cells the store indexes candidates by. */
  cellPrecision: number;
  /** Every candidate indexed under `cell` (storage-specific: a DynamoDB query, an array in tests). */
  loadCell: (cell: string) => Promise<C[]>;
  /**
   * Cells requested ahead of the one being examined, to overlap store round
   * trips. 0 reads strictly one cell at a time (fewest reads); each extra cell
   * may be read for nothing when the page fills up early.
   */
  readAhead?: number;
}

export interface NearbyPage<C extends Candidate> {
  items: NearbyHit<C>[];
  /** The last item's position when more results follow; absent on the last page. */
  next?: NearbyPosition;
  stats: { cellsRead: number; candidatesRead: number };
}

const positionOf = <C extends Candidate>(hit: NearbyHit<C>): NearbyPosition => ({
  distanceM: hit.distanceM,
  id: hit.candidate.id,
});

/**
 * Nearest-first search whose cost follows the page, not the city.
 *
 * Cells within the radius are visited in order of their minimum distance from
 * the origin. After each, the best `limit + 1` matches so far are kept; once
 * the page's last item is strictly nearer than the next cell could possibly
 * be, no unread cell can change the page, and the extra item proves there is
 * a next page. So a first page reads only the nearest cells, and a later page
 * skips cells that lie wholly before its cursor.
 */
export async function searchNearby<C extends Candidate>(
  search: NearbySearch<C>,
  engine: NearbyEngine<C>,
): Promise<NearbyPage<C>> {
  const { origin, radiusM, limit, after, accept } = search;
  const cells = coveringCells(origin, radiusM, engine.cellPrecision).filter(
    (cell) => !after || cell.maxDistanceM >= after.distanceM,
  );
  const stats = { cellsRead: 0, candidatesRead: 0 };
  const pending: Promise<C[]>[] = [];
  const load = (index: number) => {
    const cell = cells[index];
    if (!cell || pending[index]) return;
    pending[index] = engine.loadCell(cell.cell).then((candidates) => {
      stats.cellsRead += 1;
      stats.candidatesRead += candidates.length;
      return candidates;
    });
  };

  let best: NearbyHit<C>[] = [];
  const seen = new Set<string>();
  try {
    for (let index = 0; index < cells.length; index++) {
      for (let ahead = index; ahead <= index + (engine.readAhead ?? 0); ahead++) load(ahead);
      for (const candidate of await (pending[index] as Promise<C[]>)) {
        // A candidate lives in one cell; the set only guards against a store that repeats one.
        if (seen.has(candidate.id)) continue;
        const distanceM = haversineM(origin, candidate);
        if (distanceM > radiusM) continue;
        if (after && comparePositions({ distanceM, id: candidate.id }, after) <= 0) continue;
        if (accept && !accept(candidate)) continue;
        seen.add(candidate.id);
        best.push({ candidate, distanceM });
      }
      best = best.sort((a, b) => comparePositions(positionOf(a), positionOf(b))).slice(0, limit + 1);
      const nextMinimum = cells[index + 1]?.minDistanceM ?? Number.POSITIVE_INFINITY;
      const last = best[limit - 1];
      if (best.length > limit && last && last.distanceM < nextMinimum) break;
    }
  } finally {
    // Reads started ahead finish before we answer: nothing keeps running after the response.
    await Promise.allSettled(pending);
  }

  const items = best.slice(0, limit);
  const last = items[limit - 1];
  return { items, ...(best.length > limit && last ? { next: positionOf(last) } : {}), stats };
}
