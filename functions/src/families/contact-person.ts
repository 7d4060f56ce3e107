import type { DistrictCode, SessionUser } from '@hongjia/shared';
import type { UserItem, UserStore } from '../auth/users';
import { validationFailed } from '../commons/errors';
import { covers, jurisdictionOf } from '../staff/jurisdiction';
import type { SpecialFamilyItem } from './entities';

/**
 * Who may be a special family's contact person with an account (decision 0017):
 * an active user holding the `staff` role whose district is the family's (or
 * city-wide staff). The contact persons of 三个全覆盖 are the community and
 * district family-planning workers, who hold staff accounts; a family member or
 * a provider is never one, and neither is a worker of another district.
 * A contact person without an account (`userId` absent) is only a name and a
 * phone on the record and can do nothing in the system.
 */
export function mayActForDistrict(user: SessionUser, district: DistrictCode): boolean {
  const jurisdiction = jurisdictionOf(user);
  return jurisdiction !== undefined && covers(jurisdiction, district);
}

/** The check when staff name a contact person: 400 at `body.contactPerson.userId` otherwise. */
export async function checkContactPersonAccount(
  users: Pick<UserStore, 'get'>,
  userId: string | undefined,
  district: DistrictCode,
): Promise<void> {
  if (userId === undefined) return;
  const stored: UserItem | undefined = await users.get(userId);
  const ok =
    stored !== undefined &&
    !stored.deactivatedAt &&
    mayActForDistrict(
      {
        id: stored.userId,
        roles: [...stored.roles],
        ...(stored.district ? { district: stored.district } : {}),
        ...(stored.cityWide ? { cityWide: true } : {}),
      },
      district,
    );
  if (!ok) {
    throw validationFailed('联系人账号须为本县区在岗工作人员的账号', [
      { path: 'body.contactPerson.userId', message: '该账号不存在、已停用，或不是本县区的工作人员' },
    ]);
  }
}

/**
 * Whether the caller (the stored user, as the router read it) is the family's
 * contact person now: named on the current record, and still staff covering
 * the family's district. A replaced contact person, or one whose role or
 * district was taken away, is not.
 */
export function isContactPersonOf(
  caller: SessionUser,
  family: Pick<SpecialFamilyItem, 'contactPerson' | 'district'>,
): boolean {
  return family.contactPerson?.userId === caller.id && mayActForDistrict(caller, family.district);
}
