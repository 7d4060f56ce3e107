import type { DistrictCode, RegistrationView } from '@hongjia/shared';

/**
 * The registration form as typed. Text stays text until submit, so a half-typed value is never
 * lost; the request body is built only from a draft that passed every step.
 */
export type Sex = 'M' | 'F';
export type Kind = 'registration' | 'reapproval';

export interface ParentDraft {
  name: string;
  idNumber: string;
  phone: string;
  hukouDistrict?: DistrictCode;
  /** On resubmit the server shows only the masked number: the user types it again. */
  maskedIdNumber?: string;
  maskedPhone?: string;
}

export interface ChildDraft {
  name: string;
  birthDate: string;
  sex?: Sex;
}

export interface AttachmentDraft {
  uploadId: string;
  fileName: string;
  size: number;
}

export interface RegistrationDraft {
  kind: Kind;
  parity: number;
  reason: string;
  mother: ParentDraft;
  father: ParentDraft;
  marriageDate: string;
  existingChildren: ChildDraft[];
  expectedDueDate: string;
  attachments: AttachmentDraft[];
  consent: boolean;
}

const emptyParent: ParentDraft = { name: '', idNumber: '', phone: '' };

/** A fresh form; the mother's district comes from the last registration on this phone, if any. */
export function emptyDraft(
  prefill: { motherName?: string; motherDistrict?: DistrictCode } = {},
): RegistrationDraft {
  return {
    kind: 'registration',
    parity: 1,
    reason: '',
    mother: { ...emptyParent, name: prefill.motherName ?? '', hukouDistrict: prefill.motherDistrict },
    father: { ...emptyParent },
    marriageDate: '',
    existingChildren: [],
    expectedDueDate: '',
    attachments: [],
    consent: false,
  };
}

/** A number the server masked (3601**********1234) cannot be sent back: leave the field empty. */
function whole(value: string): string {
  return value.includes('*') ? '' : value;
}

function parentFrom(view: RegistrationView['mother']): ParentDraft {
  return {
    name: view.name,
    idNumber: whole(view.idNumberMasked),
    phone: whole(view.phoneMasked),
    hukouDistrict: view.hukouDistrict,
    maskedIdNumber: view.idNumberMasked.includes('*') ? view.idNumberMasked : undefined,
    maskedPhone: view.phoneMasked.includes('*') ? view.phoneMasked : undefined,
  };
}

/**
 * 修改并重新提交: the returned registration as a draft. Attachments stay attached by id;
 * masked ID numbers and phones are typed again (the server never sends them whole to the page).
 */
export function draftFromView(view: RegistrationView): RegistrationDraft {
  return {
    kind: view.kind,
    parity: view.parity,
    reason: view.reason ?? '',
    mother: parentFrom(view.mother),
    father: parentFrom(view.father),
    marriageDate: view.marriageDate,
    existingChildren: view.existingChildren.map((c) => ({ ...c })),
    expectedDueDate: view.expectedDueDate ?? '',
    attachments: view.attachments.map((a) => ({ uploadId: a.id, fileName: a.fileName, size: a.size })),
    consent: false,
  };
}
