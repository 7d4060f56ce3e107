import type { AgeClass } from '@hongjia/shared';
import { searchPartitionOf } from '../../geo';
import type { InstitutionEntity, SlotEntity } from '../entities';
import { freePlacesOf } from '../views';
import type { InstitutionCandidate } from './filters';

/**
 * Reads one search cell (a geohash prefix, the search partition or finer) for
 * the nearby engine from the search index (gsi4, decision 0032): its published
 * institutions and, when the search names a date, first its slots on that date.
 * Both are queries on the precision-4 partition with begins_with on the
 * geohash, so the cost follows the cells the adaptive covering chose, not how
 * crowded the partition is. The index holds only what the filters read (no
 * name, address or keys of other indexes), so a 1 MB page holds ≈ 3× more
 * places; the page found is read whole afterwards (nearby-service.ts).
 * With a date only institutions with a free place can match, so a cell whose
 * slots have none is answered without reading its institutions: a date on
 * which almost nothing is free costs one Query per cell, not two.
 */
export function createCellLoader(
  deps: { institutions: InstitutionEntity; slots: SlotEntity },
  options: { date?: string; ageClass?: AgeClass },
) {
  const { date, ageClass } = options;
  return async (searchCell: string): Promise<InstitutionCandidate[]> => {
    const freeByInstitution =
      date === undefined ? undefined : await freePlacesInCell(deps.slots, searchCell, date, ageClass);
    if (freeByInstitution && ![...freeByInstitution.values()].some((free) => free > 0)) return [];
    const institutions = await deps.institutions.query
      .bySearchCell({ cell4: searchPartitionOf(searchCell) })
      .begins({ geohash: searchCell })
      .go({ pages: 'all' });
    return institutions.data.map((institution) => ({
      id: institution.institutionId,
      lat: institution.lat,
      lng: institution.lng,
      institution,
      ...(freeByInstitution ? { freePlaces: freeByInstitution.get(institution.institutionId) ?? 0 } : {}),
    }));
  };
}

/** Free places per institution in one cell on one date, over all sessions (of `ageClass` when given). */
async function freePlacesInCell(
  slots: SlotEntity,
  searchCell: string,
  date: string,
  ageClass: AgeClass | undefined,
): Promise<Map<string, number>> {
  const { data } = await slots.query
    .bySearchCellDate({ cell4: searchPartitionOf(searchCell), date })
    .begins({ geohash: searchCell })
    .go({ pages: 'all' });
  const free = new Map<string, number>();
  for (const slot of data) {
    if (ageClass && slot.ageClass !== ageClass) continue;
    free.set(slot.institutionId, (free.get(slot.institutionId) ?? 0) + freePlacesOf(slot));
  }
  return free;
}
