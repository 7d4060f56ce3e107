import {
  districtByCode,
  type ServicePointsQuery,
  type ServicePointItem as ServicePointView,
} from '@hongjia/shared';
import type { z } from 'zod';
import {
  type Candidate,
  cellPrecision,
  decodeNearbyCursor,
  encodeNearbyCursor,
  type LatLng,
  queryFingerprint,
  searchNearby,
} from '../geo';
import type { ServicePointEntity, ServicePointItem } from './entities';
import { openingStatus } from './opening-hours';

type Query = z.infer<typeof ServicePointsQuery>;
type View = z.infer<typeof ServicePointView>;

export interface PointCandidate extends Candidate {
  point: ServicePointItem;
}

/** The phone's location when given, else the chosen district's government seat. */
function originOf(query: Query): LatLng {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  if (query.district) return districtByCode(query.district).centre;
  throw new Error('service-point query without an origin');
}

/**
 * One search cell for the nearby engine: one query on its geohash-5
 * partition with begins_with on the geohash (a no-op at precision 5; it
 * keeps the loader right should a finer search cell be chosen, as childcare's).
 */
export function createPointCellLoader(points: ServicePointEntity) {
  return async (searchCell: string): Promise<PointCandidate[]> => {
    const { data } = await points.query
      .byCell({ cell: searchCell.slice(0, cellPrecision) })
      .begins({ geohash: searchCell })
      .go({ pages: 'all' });
    return data.map((point) => ({ id: point.pointId, lat: point.lat, lng: point.lng, point }));
  };
}

export function toPointView(point: ServicePointItem, distanceM: number, now: Date): View {
  return {
    id: point.pointId,
    name: point.name,
    address: point.address,
    district: point.district,
    lat: point.lat,
    lng: point.lng,
    services: [...point.services].sort(),
    ...(point.officePhone ? { officePhone: point.officePhone } : {}),
    openingHours: point.openingHours,
    ...openingStatus(point.openingHours, now),
    distanceM: Math.round(distanceM),
  };
}

/**
 * Service points are sparse (a few per district, where institutions are
 * hundreds): the engine's cost is then the number of cells it must visit
 * before it can prove a page complete, not the points in them. So this
 * search walks whole geohash-5 partitions (≈ 4.9 km) rather than the
 * geohash-6 sub-cells childcare uses — a 10 km search reads about 20 cells,
 * not about 400 — and reads further ahead.
 */
export const pointSearchCellPrecision = cellPrecision;

/** Nearest service points first, optionally only those offering one service; paged by the geo cursor. */
export function createServicePointSearch(deps: { points: ServicePointEntity; readAhead?: number }) {
  return {
    async nearby(query: Query, now: Date): Promise<{ items: View[]; nextCursor: string | null }> {
      const origin = originOf(query);
      const fingerprint = queryFingerprint([
        'service-points-nearby',
        origin.lat,
        origin.lng,
        query.radiusM,
        query.service ?? null,
      ]);
      const after = await decodeNearbyCursor(query.cursor, fingerprint);
      const { service } = query;
      const page = await searchNearby<PointCandidate>(
        {
          origin,
          radiusM: query.radiusM,
          limit: query.limit,
          after,
          ...(service ? { accept: ({ point }) => point.services.includes(service) } : {}),
        },
        {
          cellPrecision: pointSearchCellPrecision,
          loadCell: createPointCellLoader(deps.points),
          readAhead: deps.readAhead ?? 6,
        },
      );
      return {
        items: page.items.map(({ candidate, distanceM }) => toPointView(candidate.point, distanceM, now)),
        nextCursor: await encodeNearbyCursor(page.next, fingerprint),
      };
    },
  };
}
