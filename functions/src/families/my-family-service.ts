import type { ListQuery, MySpecialFamily, RecordView, SessionUser } from '@hongjia/shared';
import { decodeCursor, encodeCursor } from '../commons/cursor';
import { AppError, conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import { auditActionLabels } from './audit';
import type { FamilyEntities } from './entities';
import { openHelpers } from './family-views';
import { sealedFields } from './fields';
import { createMembershipLookup, type Membership } from './membership';
import type { SpecialFamilyRecord } from './sealed-record';

export interface MyFamilyServiceDeps {
  entities: Pick<FamilyEntities, 'identities' | 'members' | 'families' | 'audits'>;
  cipher: () => Promise<PiiCipher>;
}

const notAMember = () =>
  new AppError('NOT_A_MEMBER', '您还不是特殊家庭档案中的成员；如有疑问，请联系所在县区卫生健康委员会');

/**
 * What a member of a special family sees of its own record: who helps it (with
 * whole phones, to call with one tap), who read its record, and its consent
 * for the contact person to act for it. Never the staff's working notes.
 */
export function createMyFamilyService(deps: MyFamilyServiceDeps) {
  const { entities } = deps;
  const membership = createMembershipLookup(entities, deps.cipher);

  const member = async (caller: SessionUser): Promise<Membership> => {
    const found = await membership.membershipOf(caller.id);
    if (!found) throw notAMember();
    return found;
  };

  const toMine = async (family: SpecialFamilyRecord, role: Membership['role']): Promise<MySpecialFamily> => {
    const cipher = await deps.cipher();
    const { contactPerson, ...helpers } = await openHelpers(cipher, family);
    return {
      id: family.familyId,
      kind: family.kind,
      district: family.district,
      role,
      ...(contactPerson ? { contactPerson: { name: contactPerson.name, phone: contactPerson.phone } } : {}),
      ...helpers,
      ...(family.proxyConsent
        ? {
            proxyConsent: {
              contactName: await cipher.open(
                family.proxyConsent.contactNameSealed,
                sealedFields.proxyContactName,
              ),
              grantedAt: family.proxyConsent.grantedAt,
            },
          }
        : {}),
    };
  };

  return {
    async mine(caller: SessionUser) {
      const { family, role } = await member(caller);
      return toMine(family, role);
    },

    /** Staff reads and changes of the record, newest first, named by office. */
    async views(
      caller: SessionUser,
      query: ListQuery,
    ): Promise<{ items: RecordView[]; nextCursor: string | null }> {
      const { family } = await member(caller);
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await entities.audits.query
        .byFamily({ familyId: family.familyId })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return {
        items: page.data.map((a) => ({
          at: a.at,
          viewer: a.viewer,
          action: a.action,
          actionLabel: auditActionLabels[a.action],
        })),
        nextCursor: await encodeCursor(page.cursor),
      };
    },

    /**
     * Grants consent to the contact person now on the record (who must have an
     * account, or there is no one to act), or withdraws it. Locked on the
     * record's version, so a consent never lands on a contact person who was
     * replaced in the meantime.
     */
    async setProxyConsent(caller: SessionUser, granted: boolean, now: Date) {
      const { family, role } = await member(caller);
      const contact = family.contactPerson;
      if (granted && !contact?.userId) {
        throw new AppError(
          'NO_CONTACT_PERSON',
          '您的档案还没有可代办的联系人，请联系所在县区卫生健康委员会安排',
        );
      }
      if (!granted && !family.proxyConsent) return toMine(family, role);
      const cipher = await deps.cipher();
      const base = entities.families
        .patch({ familyId: family.familyId })
        .set({ version: family.version + 1, updatedAt: now.toISOString() });
      const change =
        granted && contact?.userId
          ? base.set({
              proxyConsent: {
                contactUserId: contact.userId,
                // The name the family consented to, sealed under its own field.
                contactNameSealed: await cipher.seal(
                  await cipher.open(contact.nameSealed, sealedFields.contactName),
                  sealedFields.proxyContactName,
                ),
                grantedByUserId: caller.id,
                grantedByRole: role,
                grantedAt: now.toISOString(),
              },
            })
          : base.remove(['proxyConsent']);
      try {
        await change.where(({ version }, { eq }) => eq(version, family.version)).go();
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('档案刚刚有更新，请刷新后重试');
        throw error;
      }
      const updated = await member(caller);
      return toMine(updated.family, updated.role);
    },
  };
}

export type MyFamilyService = ReturnType<typeof createMyFamilyService>;
