import { type AgeClass, ageClassOn, ageClassRules, ageInMonths, BookingRequest } from '@hongjia/shared';
import { className } from './labels';

export interface BookingDraft {
  childName: string;
  childBirthDate: string;
  guardianPhone: string;
}

export type BookingField = keyof BookingDraft;
export type BookingErrors = Partial<Record<BookingField, string>>;

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The live hint under the birth date: which class the child is in on the slot's date. Uses the
 * shared rule the server applies, so the form and the server never disagree.
 */
export function classHint(
  birthDate: string,
  slotDate: string,
): { ageClass?: AgeClass; text: string } | undefined {
  if (!datePattern.test(birthDate) || BookingRequest.shape.childBirthDate.safeParse(birthDate).error)
    return undefined;
  if (birthDate > slotDate) return { text: '出生日期晚于入托日期，请检查' };
  const months = ageInMonths(birthDate, slotDate);
  const ageClass = ageClassOn(birthDate, slotDate);
  if (!ageClass) return { text: `入托当天孩子 ${months} 个月，不在托育年龄（6–36 个月）内` };
  return { ageClass, text: `入托当天孩子 ${months} 个月，应入${className(ageClass)}` };
}

/** The contract's fields this form types in; the guardian's consent is its checkbox, checked apart. */
const DraftFields = BookingRequest.omit({ guardianConsent: true });

/** Field errors of the form: the contract's own schema, then the age class against the slot's. */
export function validateBooking(
  draft: BookingDraft,
  slot: { date: string; ageClass: AgeClass },
): BookingErrors {
  const errors: BookingErrors = {};
  const parsed = DraftFields.safeParse(draft);
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as BookingField;
    errors[field] ??= issue.message;
  }
  if (!errors.childBirthDate) {
    const hint = classHint(draft.childBirthDate, slot.date);
    if (hint && hint.ageClass !== slot.ageClass) {
      errors.childBirthDate = hint.ageClass
        ? `该时段是${className(slot.ageClass)}（${ageRange(slot.ageClass)}），孩子应入${className(hint.ageClass)}，请返回选择${className(hint.ageClass)}的时段`
        : hint.text;
    }
  }
  return errors;
}

function ageRange(ageClass: AgeClass): string {
  const rule = ageClassRules[ageClass];
  return `${rule.minMonths}–${rule.maxMonthsExclusive} 个月`;
}

export function hasErrors(errors: object): boolean {
  return Object.values(errors).some(Boolean);
}
