import type { FamilyEntities, IdentityItem, SpecialFamilyItem } from './entities';

export interface Membership {
  identity: IdentityItem;
  family: SpecialFamilyItem;
  role: 'father' | 'mother';
}

/**
 * Which special family the signed-in user belongs to: their real-name binding
 * → the member link on its ID hash → the family record. Three key reads, no
 * scan. `undefined` when not bound, not a member, or the link is an orphan.
 */
export function createMembershipLookup(
  entities: Pick<FamilyEntities, 'identities' | 'members' | 'families'>,
) {
  return {
    async identityOf(userId: string): Promise<IdentityItem | undefined> {
      return (await entities.identities.get({ userId }).go()).data ?? undefined;
    },

    async membershipOf(userId: string): Promise<Membership | undefined> {
      const identity = (await entities.identities.get({ userId }).go()).data;
      if (!identity) return undefined;
      const link = (await entities.members.get({ idHash: identity.idHash }).go()).data;
      if (!link) return undefined;
      const family = (await entities.families.get({ familyId: link.familyId }).go({ consistent: true })).data;
      if (!family) return undefined;
      const member = family.members.find((m) => m.idHash === identity.idHash);
      if (!member) return undefined;
      return { identity, family, role: member.role };
    },

    /** Users bound to the family's members (to notify them). */
    async boundUserIds(family: Pick<SpecialFamilyItem, 'members'>): Promise<string[]> {
      const found = await Promise.all(
        family.members.map(
          async (m) => (await entities.identities.query.byIdHash({ idHash: m.idHash }).go()).data,
        ),
      );
      return found.flat().map((identity) => identity.userId);
    },
  };
}
export type MembershipLookup = ReturnType<typeof createMembershipLookup>;

/** 失独家庭 张**、李**: how lists name a family without disclosing it. */
export function familyLabel(family: Pick<SpecialFamilyItem, 'kind' | 'members'>): string {
  const kind = family.kind === 'bereaved' ? '失独家庭' : '伤残家庭';
  return `${kind} ${family.members.map((m) => m.nameMasked).join('、')}`;
}
