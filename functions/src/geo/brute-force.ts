import { haversineM } from './haversine';
import { comparePositions } from './order';
import type { Candidate, NearbyHit, NearbySearch } from './types';

/**
 * The reference answer: every candidate, measured, filtered and sorted. Tests
 * and the bench hold the indexed search to exactly this (ids, order, distances).
 * `limit` is ignored: it returns every match after `after`.
 */
export function bruteForceNearby<C extends Candidate>(
  all: Iterable<C>,
  query: Omit<NearbySearch<C>, 'limit'> & { limit?: number },
): NearbyHit<C>[] {
  const hits: NearbyHit<C>[] = [];
  for (const candidate of all) {
    const distanceM = haversineM(query.origin, candidate);
    if (distanceM > query.radiusM) continue;
    if (query.after && comparePositions({ distanceM, id: candidate.id }, query.after) <= 0) continue;
    if (query.accept && !query.accept(candidate)) continue;
    hits.push({ candidate, distanceM });
  }
  return hits.sort((a, b) =>
    comparePositions(
      { distanceM: a.distanceM, id: a.candidate.id },
      { distanceM: b.distanceM, id: b.candidate.id },
    ),
  );
}
