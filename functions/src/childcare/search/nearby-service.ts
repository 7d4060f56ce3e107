import { districtByCode, type NearbyItem, type NearbyQuery } from '@hongjia/shared';
import {
  cellPrecision,
  decodeNearbyCursor,
  encodeNearbyCursor,
  type LatLng,
  queryFingerprint,
  searchAdaptive,
} from '../../geo';
import type { InstitutionEntity, SlotEntity } from '../entities';
import { toSummary } from '../views';
import { createCellLoader } from './cell-loader';
import { acceptsInstitution } from './filters';

export interface NearbyResult {
  items: NearbyItem[];
  nextCursor: string | null;
  /** What the search read, for the bench; not part of the response. */
  stats: { cellsRead: number; candidatesRead: number };
}

/** The phone's location when given, else the chosen district's government seat (SPEC C1). */
export function originOf(query: Pick<NearbyQuery, 'lat' | 'lng' | 'district'>): LatLng {
  if (query.lat !== undefined && query.lng !== undefined) return { lat: query.lat, lng: query.lng };
  if (query.district) return districtByCode(query.district).centre;
  // The query schema refuses this already; reaching it is a bug.
  throw new Error('nearby query without an origin');
}

/**
 * Cells from the index partition (precision 5, ≈ 4.9 km) down to precision 8
 * (≈ 38 × 19 m), the origin's precision-7 cell (≈ 150 m) read first to learn
 * how dense the place is (decision 0025).
 */
export const nearbyCovering = { coarsest: cellPrecision, probe: 7, finest: 8 } as const;

export function createNearbyService(deps: {
  institutions: InstitutionEntity;
  slots: SlotEntity;
  /** Cells read ahead in parallel (see NearbyEngine.readAhead). */
  readAhead?: number;
}) {
  return {
    async search(query: NearbyQuery): Promise<NearbyResult> {
      const origin = originOf(query);
      const filters = {
        ageClass: query.ageClass,
        affordableOnly: query.affordableOnly === true,
        maxMonthlyFee: query.maxMonthlyFee,
        date: query.date,
        modelOnly: query.modelOnly === true,
      };
      const fingerprint = queryFingerprint([
        'childcare-nearby',
        origin.lat,
        origin.lng,
        query.radiusM,
        filters.ageClass ?? null,
        filters.affordableOnly,
        filters.maxMonthlyFee ?? null,
        filters.date ?? null,
        // Appended only when asked, so every cursor issued before the filter existed still matches.
        ...(filters.modelOnly ? ['model-only'] : []),
      ]);
      const after = await decodeNearbyCursor(query.cursor, fingerprint);
      const page = await searchAdaptive(
        { origin, radiusM: query.radiusM, limit: query.limit, accept: acceptsInstitution(filters), after },
        {
          covering: nearbyCovering,
          loadCell: createCellLoader(deps, { date: filters.date, ageClass: filters.ageClass }),
          readAhead: deps.readAhead ?? 2,
        },
      );
      return {
        items: page.items.map(({ candidate, distanceM }) => ({
          institution: toSummary(candidate.institution),
          distanceM: Math.round(distanceM),
          ...(filters.date !== undefined ? { freePlaces: candidate.freePlaces ?? 0 } : {}),
        })),
        nextCursor: await encodeNearbyCursor(page.next, fingerprint),
        stats: page.stats,
      };
    },
  };
}
