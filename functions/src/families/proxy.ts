import type { SpecialFamilyItem } from './entities';

export type ProxyConsent = NonNullable<SpecialFamilyItem['proxyConsent']>;

/**
 * The family's consent for this contact person to act for it, or undefined.
 * Valid only while the consent names the contact person now on the record:
 * a contact person who was replaced (or a consent left over from them) does
 * not carry it over. Every proxied action should name both sides from it.
 */
export function proxyConsentFor(
  family: Pick<SpecialFamilyItem, 'contactPerson' | 'proxyConsent'>,
  contactUserId: string,
): ProxyConsent | undefined {
  const consent = family.proxyConsent;
  if (!consent || consent.contactUserId !== contactUserId) return undefined;
  if (family.contactPerson?.userId !== contactUserId) return undefined;
  return consent;
}
