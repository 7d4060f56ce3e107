import type { SubsidyCreated, SubsidyView } from '@hongjia/shared';
import type { z } from 'zod';
import type { SubsidyItem } from './entity';

/**
 * What the applicant (and the review queue) sees of a status: an application on
 * hold for a conflict reads as any application under review, and a voided one
 * as not approved, so no answer tells a family that someone else applied for
 * the child (decision 0013).
 */
const shownStatus: Record<SubsidyItem['status'], SubsidyView['status']> = {
  checking: 'pending_review',
  pending_review: 'pending_review',
  conflict: 'pending_review',
  approved: 'approved',
  rejected: 'rejected',
  voided: 'rejected',
};

/** Every view is built from the masked copies: no name or ID number is opened to answer. */
export function toView(item: SubsidyItem): SubsidyView {
  return {
    id: item.subsidyId,
    status: shownStatus[item.status],
    months: item.months,
    amountYuan: item.amountYuan,
    byYear: item.byYear,
    firstMonth: item.firstMonth,
    lastMonth: item.lastMonth,
    childNameMasked: item.childNameMasked,
    childIdNumberMasked: item.childIdMasked,
    childBirthDate: item.childBirthDate,
    hukouDistrict: item.jurisdiction,
    applicantNameMasked: item.applicantNameMasked,
    submittedAt: item.submittedAt,
    reviewDueBy: item.reviewDueBy,
    ...(item.reviewedAt ? { reviewedAt: item.reviewedAt } : {}),
    ...(item.comment ? { comment: item.comment } : {}),
    ...(item.renewalDueOn ? { renewalDueOn: item.renewalDueOn } : {}),
    payments: (item.payments ?? []).map(({ year, amountYuan, paidAt }) => ({ year, amountYuan, paidAt })),
    version: item.version,
  };
}

export function toCreated(item: SubsidyItem): z.infer<typeof SubsidyCreated> {
  const { id, status, months, amountYuan, byYear, firstMonth, lastMonth, reviewDueBy } = toView(item);
  return { id, status, months, amountYuan, byYear, firstMonth, lastMonth, reviewDueBy };
}
