import type { NewUser } from '@hongjia/functions/commons/users';
import { type DistrictCode, districts } from '@hongjia/shared';
import { familyOpenid, seedFamilyCount } from './bookings';
import { elderOpenids, memberOpenid } from './special-families';

/**
 * The demo accounts of SPEC §3. Their openids are what `dev:<openid>` signs in
 * as: `staff-360102` is staff of 东湖区, `staff-city` sees every district.
 */
export function seedAccounts(): NewUser[] {
  const staff = districts.map((district) => ({
    openid: `staff-${district.code}`,
    roles: ['staff' as const],
    district: district.code as DistrictCode,
    displayName: `${district.name}卫生健康委员会`,
  }));
  const providers = Array.from({ length: 20 }, (_, index) => ({
    openid: `provider-${index + 1}`,
    roles: ['provider' as const],
    displayName: `托育机构运营者 ${index + 1}`,
  }));
  return [
    ...staff,
    { openid: 'staff-city', roles: ['staff'], cityWide: true, displayName: '南昌市卫生健康委员会' },
    { openid: 'admin', roles: ['admin'], cityWide: true, displayName: '系统管理员' },
    // A social organisation's account (local/seed/volunteers.ts registers its organisation).
    { openid: 'volunteer-1', roles: ['volunteer'], displayName: '东湖区红心志愿服务协会' },
    ...providers,
    ...Array.from({ length: seedFamilyCount }, (_, index) => ({
      openid: familyOpenid(index),
      roles: ['family' as const],
    })),
    // Members of special families, bound by real name in the seed (special-families.ts).
    ...[...elderOpenids, ...districts.map((district) => memberOpenid(district.code))].map((openid) => ({
      openid,
      roles: ['family' as const],
    })),
  ];
}
