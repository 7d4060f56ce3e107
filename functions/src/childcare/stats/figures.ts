import {
  affordablePlacesOf,
  chinaYear,
  type DistrictCode,
  districtByCode,
  filingRate,
} from '@hongjia/shared';
import type { InstitutionItem } from '../entities';

/** 普惠托育 targets of the work plan: ≥ 30% of places affordable, ≥ 18 new centres a year. */
export const affordableTarget = 0.3;
export const openedTarget = 18;

export type PublishedInstitution = Pick<InstitutionItem, 'affordable' | 'classes' | 'publishedAt'> &
  Partial<Pick<InstitutionItem, 'affordablePlaces' | 'creditCode'>>;

/**
 * One district's figures from its published institutions; places are the filed class sizes,
 * affordable places those an approved 普惠 application named (affordablePlacesOf). With the
 * district's known-operator list (credit codes), 登记备案率 beside them (decision 0034).
 */
export function districtFigures(
  district: DistrictCode,
  published: readonly PublishedInstitution[],
  year: number,
  listedOperators: readonly string[] = [],
) {
  let places = 0;
  let affordablePlaces = 0;
  let openedThisYear = 0;
  for (const institution of published) {
    const size = institution.classes.reduce((sum, offer) => sum + offer.capacity, 0);
    places += size;
    affordablePlaces += affordablePlacesOf(institution);
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
    ...filingRateOf(listedOperators, published),
  };
}

function filingRateOf(listed: readonly string[], published: readonly PublishedInstitution[]) {
  const {
    knownOperators,
    filedOperators,
    filingRate: rate,
  } = filingRate(
    listed,
    published.flatMap((institution) => (institution.creditCode ? [institution.creditCode] : [])),
  );
  return { knownOperators, filedOperators, filingRate: rate };
}
