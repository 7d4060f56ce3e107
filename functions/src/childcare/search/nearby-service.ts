import { districtByCode, type NearbyItem, type NearbyQuery } from '@hongjia/shared';
import {
  decodeNearbyCursor,
  encodeNearbyCursor,
  type LatLng,
  queryFingerprint,
  searchAdaptive,
  searchPartitionPrecision,
} from '../../geo';
import type { InstitutionEntity, InstitutionItem, SlotEntity } from '../entities';
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
 * Cells from the search partition (precision 4, ≈ 39 × 20 km; decision 0032)
 * down to precision 8 (≈ 38 × 19 m), the origin's precision-7 cell (≈ 150 m)
 * read first to learn how dense the place is (decision 0025).
 */
export const nearbyCovering = { coarsest: searchPartitionPrecision, probe: 7, finest: 8 } as const;

/** Institutions by id, by key in one BatchGet (a page is ≤ 100 keys); keys DynamoDB left unprocessed are asked again. */
async function readWhole(institutions: InstitutionEntity, ids: string[]) {
  const found = new Map<string, InstitutionItem>();
  let keys = ids.map((institutionId) => ({ institutionId }));
  while (keys.length > 0) {
    const { data, unprocessed } = await institutions.get(keys).go();
    for (const item of data) found.set(item.institutionId, item);
    keys = unprocessed.map(({ institutionId }) => ({ institutionId }));
  }
  return found;
}

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
      // The index held only what the filters read: the page's institutions are read whole, in one
      // BatchGet. One that is gone or no longer published since its index entry was read is left out.
      const whole = await readWhole(
        deps.institutions,
        page.items.map(({ candidate }) => candidate.id),
      );
      return {
        items: page.items.flatMap(({ candidate, distanceM }) => {
          const institution = whole.get(candidate.id);
          if (institution?.status !== 'published') return [];
          return [
            {
              institution: toSummary(institution),
              distanceM: Math.round(distanceM),
              ...(filters.date !== undefined ? { freePlaces: candidate.freePlaces ?? 0 } : {}),
            },
          ];
        }),
        nextCursor: await encodeNearbyCursor(page.next, fingerprint),
        stats: page.stats,
      };
    },
  };
}
