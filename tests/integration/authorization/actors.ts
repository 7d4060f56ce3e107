import type { DistrictCode, Role } from '@hongjia/shared';

/**
 * The callers of the authorization matrix (issue 12): the seed's accounts
 * (local/seed/accounts.ts, terminals.ts) and two families signed in fresh.
 * The volunteer is the seed's social organisation account (local/seed/volunteers.ts,
 * decision 0035); its "someone else's" is an assignment of another organisation the
 * matrix registers. `peer` names the actor
 * whose objects count as "someone else's" of the same kind.
 */
export interface Actor {
  name: ActorName;
  /** `dev:<openid>` signs in as this account; none for the anonymous caller. */
  openid?: string;
  roles: readonly Role[];
  district?: DistrictCode;
  cityWide?: boolean;
}

export const ownDistrict: DistrictCode = '360102';
export const otherDistrict: DistrictCode = '360111';

export const actors: readonly Actor[] = [
  { name: 'anonymous', roles: [] },
  { name: 'familyA', openid: 'matrix-family-a', roles: ['family'] },
  { name: 'familyB', openid: 'matrix-family-b', roles: ['family'] },
  { name: 'provider', openid: 'provider-1', roles: ['provider'] },
  { name: 'otherProvider', openid: 'provider-2', roles: ['provider'] },
  { name: 'districtStaff', openid: `staff-${ownDistrict}`, roles: ['staff'], district: ownDistrict },
  { name: 'otherDistrictStaff', openid: `staff-${otherDistrict}`, roles: ['staff'], district: otherDistrict },
  { name: 'cityStaff', openid: 'staff-city', roles: ['staff'], cityWide: true },
  { name: 'admin', openid: 'admin', roles: ['admin'], cityWide: true },
  { name: 'terminal', openid: `terminal-${ownDistrict}`, roles: ['terminal'], district: ownDistrict },
  { name: 'volunteer', openid: 'volunteer-1', roles: ['volunteer'] },
];

export type ActorName =
  | 'anonymous'
  | 'familyA'
  | 'familyB'
  | 'provider'
  | 'otherProvider'
  | 'districtStaff'
  | 'otherDistrictStaff'
  | 'cityStaff'
  | 'admin'
  | 'terminal'
  | 'volunteer';
