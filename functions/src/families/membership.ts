import type { PiiCipher } from '../commons/pii';
import type { FamilyEntities, IdentityItem, SpecialFamilyItem } from './entities';
import { sealedFields } from './fields';
import { openRecord, type SpecialFamilyRecord } from './sealed-record';

export interface Membership {
  identity: IdentityItem;
  family: SpecialFamilyRecord;
  role: 'father' | 'mother';
}

/** A binding with the person's birth date opened (the rules engine judges by it). */
export type IdentityRecord = IdentityItem & { birthDate: string };

/**
 * Which special family the signed-in user belongs to: their real-name binding
 * → the member link on its ID hash → the family record (its facts opened).
 * Three key reads, no scan. `undefined` when not bound, not a member, or the
 * link is an orphan.
 */
export function createMembershipLookup(
  entities: Pick<FamilyEntities, 'identities' | 'members' | 'families'>,
  cipher: () => Promise<PiiCipher>,
) {
  return {
    async identityOf(userId: string): Promise<IdentityRecord | undefined> {
      const identity = (await entities.identities.get({ userId }).go()).data;
      if (!identity) return undefined;
      const birthDate = await (await cipher()).open(identity.birthDateSealed, sealedFields.identityBirthDate);
      return { ...identity, birthDate };
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
      return { identity, family: await openRecord(await cipher(), family), role: member.role };
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

/** 失独家庭 张**、李**: how lists name a family without disclosing it (its kind opened from the facts). */
export function familyLabel(family: Pick<SpecialFamilyRecord, 'kind' | 'members'>): string {
  const kind = family.kind === 'bereaved' ? '失独家庭' : '伤残家庭';
  return `${kind} ${family.members.map((m) => m.nameMasked).join('、')}`;
}
