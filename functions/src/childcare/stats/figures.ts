import { chinaYear, type DistrictCode, districtByCode } from '@hongjia/shared';
import type { InstitutionItem } from '../entities';

/** 普惠托育 targets of the work plan: ≥ 30% of places affordable, ≥ 18 new centres a year. */
export const affordableTarget = 0.3;
export const openedTarget = 18;

export type PublishedInstitution = Pick<InstitutionItem, 'affordable' | 'classes' | 'publishedAt'>;

/** One district's figures from its published institutions; places are the filed class sizes. */
export function districtFigures(
  district: DistrictCode,
  published: readonly PublishedInstitution[],
  year: number,
) {
  let places = 0;
  let affordablePlaces = 0;
  let openedThisYear = 0;
  for (const institution of published) {
    const size = institution.classes.reduce((sum, offer) => sum + offer.capacity, 0);
    places += size;
    if (institution.affordable) affordablePlaces += size;
    if (institution.publishedAt && chinaYear(institution.publishedAt) === year) openedThisYear++;
  }
  const affordableShare = places === 0 ? 0 : Math.round((affordablePlaces / places) * 10_000) / 10_000;
  return {
    district,
    districtName: districtByCode(district).name,
    institutions: published.length,
    places,
    affordablePlaces,
    affordableShare,
    affordableTarget,
    meetsAffordableTarget: places > 0 && affordablePlaces / places >= affordableTarget,
    openedThisYear,
    openedTarget,
  };
}
