import { type DistrictCode, districtCodes, type Role, type SessionUser } from '@hongjia/shared';
import { AppError, forbidden } from './errors';

/**
 * What a caller may act on. The caller a service receives is the stored user
 * the router read for this request (commons/caller.ts, decision 0017), never
 * the token's claims: a role, district or city-wide scope withdrawn since
 * sign-in applies at once, without a second read here.
 */
export type Jurisdiction =
  | { cityWide: true; districts: readonly DistrictCode[] }
  | { cityWide: false; districts: readonly [DistrictCode] };

export function covers(jurisdiction: Jurisdiction, district: DistrictCode): boolean {
  return jurisdiction.districts.includes(district);
}

/** Staff of one district, or of the city (all nine); undefined for anyone else. */
export function jurisdictionOf(caller: SessionUser): Jurisdiction | undefined {
  if (!caller.roles.includes('staff')) return undefined;
  if (caller.cityWide) return { cityWide: true, districts: districtCodes };
  if (caller.district) return { cityWide: false, districts: [caller.district] };
  return undefined;
}

/**
 * The districts a staff list reads: the one asked for (403 with `refusal` when it is not in
 * the caller's jurisdiction), or, without one, every district of it.
 */
export function districtsAsked(
  jurisdiction: Jurisdiction,
  district: DistrictCode | undefined,
  refusal: string,
): readonly DistrictCode[] {
  if (district && !covers(jurisdiction, district)) throw forbidden(refusal);
  return district ? [district] : jurisdiction.districts;
}

export function createAccessChecks() {
  const requireRole = (caller: SessionUser, role: Role) => {
    if (!caller.roles.includes(role)) throw forbidden('当前账号无权使用该功能');
  };
  /** Staff of one district, or of the city (all nine). Anyone else: 403. */
  const staffJurisdiction = async (caller: SessionUser): Promise<Jurisdiction> => {
    requireRole(caller, 'staff');
    const jurisdiction = jurisdictionOf(caller);
    if (!jurisdiction) throw forbidden('该工作人员账号未设置所属县区');
    return jurisdiction;
  };
  return {
    staffJurisdiction,

    /** The districts a staff list reads (`districtsAsked` of the caller's jurisdiction). */
    async staffDistricts(
      caller: SessionUser,
      district: DistrictCode | undefined,
      refusal: string,
    ): Promise<readonly DistrictCode[]> {
      return districtsAsked(await staffJurisdiction(caller), district, refusal);
    },

    async requireProvider(caller: SessionUser): Promise<void> {
      requireRole(caller, 'provider');
    },
  };
}

export type AccessChecks = ReturnType<typeof createAccessChecks>;

/**
 * The reviewer is never the applicant (issue 12): a user holding two roles (a
 * parent who is also staff, a provider who is also staff) cannot review, void,
 * resolve, pay or enrol their own filing or family. Checked on the stored ids of
 * the case, never on what the request says; another member of staff does it.
 */
export function refuseOwnCase(caller: SessionUser, applicantUserIds: readonly (string | undefined)[]): void {
  if (applicantUserIds.includes(caller.id)) {
    throw new AppError('OWN_CASE', '不能办理本人（或本人家庭）提交的事项，请由其他工作人员办理');
  }
}
