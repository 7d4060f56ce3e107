import type { RegistrationStatus, RegistrationView, StatusChange } from '@hongjia/shared';
import type { z } from 'zod';
import type { PiiCipher } from '../commons/pii';
import type { RegistrationItem } from './entity';
import { openExistingChildren, openNames, sealedFields } from './intake';

export type StatusChangeEntry = z.infer<typeof StatusChange>;

/**
 * What leaves the service: ID numbers and phones only as their stored masked
 * copies (every view and list, the family's own included — the family typed
 * them and needs no echo), names whole in a detail (opened) and masked in
 * lists (the stored masked copy: a list opens nothing).
 */
export function visibleStatus(item: RegistrationItem): RegistrationStatus {
  // `checking` is an internal step of an automatic approval; from outside it is still under review.
  return item.status === 'checking' ? 'pending_review' : item.status;
}

/** What every view of a registration starts with: which case, its kind and where it stands. */
export function caseHeading(item: RegistrationItem) {
  return {
    id: item.registrationId,
    receiptNo: item.receiptNo,
    kind: item.kind,
    parity: item.parity,
    status: visibleStatus(item),
    jurisdiction: item.jurisdiction,
    submittedAt: item.submittedAt,
  };
}

export async function toView(item: RegistrationItem, cipher: PiiCipher): Promise<RegistrationView> {
  const { motherName, fatherName } = await openNames(cipher, item);
  return {
    ...caseHeading(item),
    version: item.version,
    mother: {
      name: motherName,
      idNumberMasked: item.motherIdMasked,
      phoneMasked: item.motherPhoneMasked,
      hukouDistrict: item.motherHukou,
    },
    father: {
      name: fatherName,
      idNumberMasked: item.fatherIdMasked,
      phoneMasked: item.fatherPhoneMasked,
      hukouDistrict: item.fatherHukou,
    },
    marriageDate: item.marriageDate,
    existingChildren: await openExistingChildren(cipher, item),
    ...(item.expectedDueDate ? { expectedDueDate: item.expectedDueDate } : {}),
    ...(item.reasonSealed ? { reason: await cipher.open(item.reasonSealed, sealedFields.reason) } : {}),
    attachments: item.attachments,
    reasons: item.reasons,
    history: item.history,
    ...(item.certificateId ? { certificateId: item.certificateId } : {}),
  };
}

export function toSummary(item: RegistrationItem) {
  return {
    ...caseHeading(item),
    version: item.version,
    ...(item.certificateId ? { certificateId: item.certificateId } : {}),
    motherNameMasked: item.motherNameMasked,
  };
}

export function toCreated(item: RegistrationItem) {
  const status = item.status === 'approved' ? ('approved' as const) : ('pending_review' as const);
  return {
    id: item.registrationId,
    receiptNo: item.receiptNo,
    status,
    ...(status === 'pending_review' ? { reasons: item.reasons } : {}),
    version: item.version,
    ...(item.certificateId ? { certificateId: item.certificateId } : {}),
  };
}
