import { type DistrictCode, districtCodes, type Role, type SessionUser } from '@hongjia/shared';
import type { UserStore } from '../auth/users';
import { AppError, forbidden } from '../commons/errors';

/**
 * What a caller may act on, read from the stored user rather than the token
 * (decision 0005): a role or district withdrawn since sign-in applies at once.
 */
export type Jurisdiction =
  | { cityWide: true; districts: readonly DistrictCode[] }
  | { cityWide: false; districts: readonly [DistrictCode] };

export function covers(jurisdiction: Jurisdiction, district: DistrictCode): boolean {
  return jurisdiction.districts.includes(district);
}

export function createAccessChecks(users: UserStore) {
  const storedRoles = async (caller: SessionUser, role: Role) => {
    const user = await users.get(caller.id);
    if (!user?.roles.includes(role)) throw forbidden('当前账号无权使用该功能');
    return user;
  };
  return {
    /** Staff of one district, or of the city (all nine). Anyone else: 403. */
    async staffJurisdiction(caller: SessionUser): Promise<Jurisdiction> {
      const user = await storedRoles(caller, 'staff');
      if (user.cityWide) return { cityWide: true, districts: districtCodes };
      if (user.district) return { cityWide: false, districts: [user.district] };
      throw forbidden('该工作人员账号未设置所属县区');
    },

    async requireProvider(caller: SessionUser): Promise<void> {
      await storedRoles(caller, 'provider');
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
