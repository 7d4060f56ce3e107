import type { AgeClass, api, DistrictCode, QueryInputOf } from '@hongjia/shared';

/** Where the search starts: the phone's (fuzzy) location, or a district centre when refused. */
export type Origin = { kind: 'point'; lat: number; lng: number } | { kind: 'district'; code: DistrictCode };

export const radiusChoicesKm = [1, 3, 5, 10, 20] as const;
export type RadiusKm = (typeof radiusChoicesKm)[number];

export interface SearchFilters {
  radiusKm: RadiusKm;
  ageClass?: AgeClass;
  affordableOnly: boolean;
  /** Whole yuan; undefined means no limit. */
  maxMonthlyFee?: number;
  /** YYYY-MM-DD: only institutions with free places that day (the answer then carries freePlaces). */
  date?: string;
  /** 示范机构 only (decision 0034). */
  modelOnly?: boolean;
}

export const defaultFilters: SearchFilters = { radiusKm: 3, affordableOnly: false };

export type NearbyQueryInput = QueryInputOf<typeof api.childcareNearby>;

/**
 * The query of GET /v1/childcare/nearby. Unset filters are left out (not sent as empty strings),
 * so the server's defaults apply and the cursor of one filter set is never reused for another.
 */
export function nearbyQuery(
  origin: Origin,
  filters: SearchFilters,
  cursor?: string,
  limit = 20,
): NearbyQueryInput {
  const where = origin.kind === 'point' ? { lat: origin.lat, lng: origin.lng } : { district: origin.code };
  return {
    ...where,
    radiusM: filters.radiusKm * 1000,
    ageClass: filters.ageClass,
    affordableOnly: filters.affordableOnly ? 'true' : undefined,
    maxMonthlyFee: filters.maxMonthlyFee,
    date: filters.date,
    modelOnly: filters.modelOnly ? 'true' : undefined,
    limit,
    cursor,
  };
}

/** The fee box: '' is no limit, a non-negative whole number is a limit, anything else is refused. */
export function parseMaxFee(
  text: string,
): { ok: true; value: number | undefined } | { ok: false; message: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^\d{1,6}$/.test(trimmed)) return { ok: false, message: '请填写不超过 6 位的整数金额' };
  return { ok: true, value: Number(trimmed) };
}
