import { maskName, type RegistrationStatus, type RegistrationView, type StatusChange } from '@hongjia/shared';
import type { z } from 'zod';
import type { RegistrationItem } from './entity';

export type StatusChangeEntry = z.infer<typeof StatusChange>;

/**
 * What leaves the service: ID numbers and phones only as their stored masked
 * copies (every view and list, the family's own included — the family typed
 * them and needs no echo), names whole in a detail and masked in lists.
 */
export function visibleStatus(item: RegistrationItem): RegistrationStatus {
  // `checking` is an internal step of an automatic approval; from outside it is still under review.
  return item.status === 'checking' ? 'pending_review' : item.status;
}

export function toView(item: RegistrationItem): RegistrationView {
  return {
    id: item.registrationId,
    receiptNo: item.receiptNo,
    kind: item.kind,
    parity: item.parity,
    status: visibleStatus(item),
    version: item.version,
    jurisdiction: item.jurisdiction,
    mother: {
      name: item.motherName,
      idNumberMasked: item.motherIdMasked,
      phoneMasked: item.motherPhoneMasked,
      hukouDistrict: item.motherHukou,
    },
    father: {
      name: item.fatherName,
      idNumberMasked: item.fatherIdMasked,
      phoneMasked: item.fatherPhoneMasked,
      hukouDistrict: item.fatherHukou,
    },
    marriageDate: item.marriageDate,
    existingChildren: item.existingChildren,
    ...(item.expectedDueDate ? { expectedDueDate: item.expectedDueDate } : {}),
    ...(item.reason ? { reason: item.reason } : {}),
    attachments: item.attachments,
    reasons: item.reasons,
    history: item.history,
    ...(item.certificateId ? { certificateId: item.certificateId } : {}),
    submittedAt: item.submittedAt,
  };
}

export function toSummary(item: RegistrationItem) {
  return {
    id: item.registrationId,
    receiptNo: item.receiptNo,
    kind: item.kind,
    parity: item.parity,
    status: visibleStatus(item),
    version: item.version,
    jurisdiction: item.jurisdiction,
    submittedAt: item.submittedAt,
    ...(item.certificateId ? { certificateId: item.certificateId } : {}),
    motherNameMasked: maskName(item.motherName),
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
