import {
  affordablePlacesOf,
  type InstitutionDetail,
  type InstitutionSummary,
  type Slot,
} from '@hongjia/shared';
import type { InstitutionItem, SlotItem } from './entities';

/** What a search result shows of an institution: nothing a family would not see on its door. */
export function toSummary(item: InstitutionItem): InstitutionSummary {
  return {
    id: item.institutionId,
    name: item.name,
    address: item.address,
    district: item.district,
    lat: item.lat,
    lng: item.lng,
    affordable: item.affordable,
    monthlyFeeYuan: item.monthlyFeeYuan,
    ...(item.modelLevel && item.modelYear !== undefined
      ? { model: { level: item.modelLevel, year: item.modelYear } }
      : {}),
  };
}

/**
 * A filing on hold for a conflict reads as any filing under review, a voided one
 * as not approved: no answer tells a provider that another filed the same code.
 */
const shownStatus: Record<InstitutionItem['status'], InstitutionDetail['status']> = {
  checking: 'pending_review',
  pending_review: 'pending_review',
  conflict: 'pending_review',
  published: 'published',
  rejected: 'rejected',
  voided: 'rejected',
};

export function toDetail(item: InstitutionItem): InstitutionDetail {
  return {
    ...toSummary(item),
    creditCode: item.creditCode,
    classes: item.classes.map(({ ageClass, capacity, caregivers }) => ({ ageClass, capacity, caregivers })),
    status: shownStatus[item.status],
    ...(item.reviewReason !== undefined ? { reviewReason: item.reviewReason } : {}),
    createdAt: item.createdAt,
    ...(item.publishedAt !== undefined ? { publishedAt: item.publishedAt } : {}),
    ...(item.affordableState === 'approved'
      ? {
          affordablePlaces: affordablePlacesOf(item),
          ...(item.affordableFeeCapYuan !== undefined
            ? { affordableFeeCapYuan: item.affordableFeeCapYuan }
            : {}),
        }
      : {}),
    ...(item.lastInspectionDate && item.lastInspectionResult
      ? { lastInspection: { date: item.lastInspectionDate, result: item.lastInspectionResult } }
      : {}),
  };
}

/** Places still bookable without the waitlist (never negative, even if counters were ever off). */
export function freePlacesOf(slot: Pick<SlotItem, 'capacity' | 'confirmed'>): number {
  return Math.max(0, slot.capacity - slot.confirmed);
}

export function toSlot(item: SlotItem): Slot {
  return {
    id: item.slotId,
    institutionId: item.institutionId,
    ageClass: item.ageClass,
    date: item.date,
    session: item.session,
    capacity: item.capacity,
    confirmed: item.confirmed,
    waitlisted: item.waitlisted,
    freePlaces: freePlacesOf(item),
    ...(item.monthlyFeeYuan !== undefined ? { monthlyFeeYuan: item.monthlyFeeYuan } : {}),
  };
}
