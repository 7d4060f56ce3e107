import type { AgeClass } from '@hongjia/shared';
import type { Candidate } from '../../geo';
import type { InstitutionItem } from '../entities';

/** What the search index projects of an institution (infra/lib/table-spec.ts `searchIndex`). */
export type SearchFields = Pick<
  InstitutionItem,
  'institutionId' | 'lat' | 'lng' | 'status' | 'affordable' | 'monthlyFeeYuan' | 'classes' | 'modelLevel'
>;

/** An institution as the nearby engine sees it, with its free places on the searched date. */
export interface InstitutionCandidate extends Candidate {
  institution: SearchFields;
  /** Present only when the search names a date. */
  freePlaces?: number;
}

export interface NearbyFilters {
  ageClass?: AgeClass;
  affordableOnly?: boolean;
  maxMonthlyFee?: number;
  date?: string;
  /** 示范机构 only: one more attribute of the institution item, read like the others. */
  modelOnly?: boolean;
}

/**
 * The search filters other than distance, on the index's fields only. The
 * `published` check repeats what the sparse index already guarantees, so a
 * stale index entry can never show a filing that is not public.
 */
export function acceptsInstitution(filters: NearbyFilters) {
  return ({ institution, freePlaces }: InstitutionCandidate): boolean => {
    if (institution.status !== 'published') return false;
    if (filters.ageClass && !institution.classes.some((offer) => offer.ageClass === filters.ageClass))
      return false;
    if (filters.affordableOnly && !institution.affordable) return false;
    if (filters.maxMonthlyFee !== undefined && institution.monthlyFeeYuan > filters.maxMonthlyFee)
      return false;
    if (filters.date !== undefined && !((freePlaces ?? 0) > 0)) return false;
    if (filters.modelOnly && !institution.modelLevel) return false;
    return true;
  };
}
