import { type DistrictCode, PersonName, type SubsidyRequest } from '@hongjia/shared';
import { idNumberFacts, idNumberHint } from '../identity/id-hint';

export interface SubsidyDraft {
  childName: string;
  childIdNumber: string;
  hukouDistrict: DistrictCode | undefined;
  /** The guardian's consent to process the child's data (PIPL art. 31: a child under 14). */
  consent: boolean;
}

export type SubsidyErrors = Partial<Record<keyof SubsidyDraft, string>>;

export const emptySubsidyDraft: SubsidyDraft = {
  childName: '',
  childIdNumber: '',
  hukouDistrict: undefined,
  consent: false,
};

/** The child's birth date, read from a complete and valid ID number. */
export function childBirthDate(
  draft: Pick<SubsidyDraft, 'childIdNumber'>,
  today: string,
): string | undefined {
  return idNumberFacts(draft.childIdNumber, today)?.birthDate;
}

export function validateSubsidy(draft: SubsidyDraft, today: string): SubsidyErrors {
  const errors: SubsidyErrors = {};
  const name = PersonName.safeParse(draft.childName);
  if (draft.childName.trim() === '') errors.childName = '请填写孩子的姓名';
  else if (!name.success) errors.childName = name.error.issues[0]?.message ?? '请填写孩子的姓名';
  const id =
    draft.childIdNumber.trim() === '' ? '请填写孩子的身份证号' : idNumberHint(draft.childIdNumber, today);
  if (id) errors.childIdNumber = id;
  if (!draft.hukouDistrict) errors.hukouDistrict = '请选择孩子户籍所在县区';
  if (!draft.consent) errors.consent = '请先阅读并勾选监护人同意';
  return errors;
}

/** The request of a valid draft (validateSubsidy found nothing); the consent goes with it to be recorded. */
export function toSubsidyRequest(draft: SubsidyDraft, today: string): SubsidyRequest | undefined {
  const birthDate = childBirthDate(draft, today);
  if (!birthDate || !draft.hukouDistrict || !draft.consent) return undefined;
  return {
    childName: draft.childName.trim(),
    childIdNumber: draft.childIdNumber.trim().toUpperCase(),
    childBirthDate: birthDate,
    hukouDistrict: draft.hukouDistrict,
    guardianConsent: true,
  };
}

/** Server field paths that belong to a field of this form (childBirthDate is read from the ID). */
export const subsidyFields = ['childName', 'childIdNumber', 'childBirthDate', 'hukouDistrict'] as const;

export const guardianConsentText =
  '我是孩子的父母或其他监护人，同意卫健部门为审核和发放育儿补贴处理孩子的姓名、身份证号和户籍信息。孩子未满 14 周岁，这些属于敏感个人信息，只用于本次申领，加密保存。';
