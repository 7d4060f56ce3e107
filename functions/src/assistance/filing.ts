import type { SessionUser } from '@hongjia/shared';
import { notFound } from '../commons/errors';
import type { PiiCipher } from '../commons/pii';
import { sealedFields as familyFields } from '../families/fields';
import type { MembershipLookup } from '../families/membership';
import { proxyConsentFor } from '../families/proxy';
import type { SpecialFamilyRecord } from '../families/sealed-record';
import { type AccessChecks, covers, jurisdictionOf } from '../staff/jurisdiction';
import { notSpecialFamilyMember, proxyConsentRequired } from './messages';

/** Who files a request and for which family; the request records all of it (sealed). */
export interface Filer {
  family: SpecialFamilyRecord;
  mode: 'self' | 'proxy';
  /** self: the member's masked name; proxy: the contact person's name. */
  name: string;
  consentBy?: string;
  consentAt?: string;
}

const roleNames = { father: '父亲', mother: '母亲' } as const;

/**
 * Proxy mode: the family's consent must name the contact person now on the
 * record and that is the caller (proxyConsentFor: a consent given to an
 * earlier contact person does not pass to the next). The request names both:
 * the contact person by `contactName` (opened from the record by the caller).
 */
export function proxyFiler(
  family: SpecialFamilyRecord,
  callerId: string,
  contactName: string,
): Filer | undefined {
  const consent = proxyConsentFor(family, callerId);
  if (!consent || !family.contactPerson) return undefined;
  const granter = family.members.find((m) => m.role === consent.grantedByRole);
  return {
    family,
    mode: 'proxy',
    name: contactName,
    consentBy: `${granter?.nameMasked ?? ''}（${roleNames[consent.grantedByRole]}）`,
    consentAt: consent.grantedAt,
  };
}

export function createFilerResolver(deps: {
  membership: MembershipLookup;
  getFamily: (familyId: string) => Promise<SpecialFamilyRecord | undefined>;
  access: AccessChecks;
  cipher: () => Promise<PiiCipher>;
}) {
  return {
    /** Self mode: a bound member of a special family; anyone else gets a kind 403. */
    async self(caller: SessionUser): Promise<Filer> {
      const membership = await deps.membership.membershipOf(caller.id);
      if (!membership) throw notSpecialFamilyMember();
      return { family: membership.family, mode: 'self', name: membership.identity.nameMasked };
    },

    /**
     * Proxy mode. A family outside the caller's districts (or any family, for a
     * caller who is not staff) is 404: the answer must not tell strangers that a
     * family is on record.
     */
    async proxy(caller: SessionUser, familyId: string): Promise<Filer> {
      const family = await deps.getFamily(familyId);
      // Only staff of the family's district may even learn it exists; among them only the
      // contact person now on the record, with the family's consent, files (proxyFiler).
      // The caller is the stored user: a contact person moved to another district or
      // stripped of the staff role is a stranger at once (decision 0017).
      const jurisdiction = jurisdictionOf(caller);
      if (!family || !jurisdiction || !covers(jurisdiction, family.district)) throw notFound('未找到该家庭');
      const contact = family.contactPerson;
      const contactName = contact
        ? await (await deps.cipher()).open(contact.nameSealed, familyFields.contactName)
        : '';
      const filer = proxyFiler(family, caller.id, contactName);
      if (!filer) throw proxyConsentRequired();
      return filer;
    },
  };
}
