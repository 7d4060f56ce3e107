import { type AgeClass, ageClassRules } from '@hongjia/shared';

/** Chinese names of the contract's enum values, in one place. */
export type SessionKind = 'full_day' | 'morning' | 'afternoon';
export type BookingStatusKind = 'confirmed' | 'waitlisted' | 'cancelled';
export type InstitutionStatusKind = 'pending_review' | 'published' | 'rejected';

export const sessionNames: Record<SessionKind, string> = {
  full_day: '全天',
  morning: '上午',
  afternoon: '下午',
};

export const institutionStatusNames: Record<InstitutionStatusKind, string> = {
  pending_review: '待审核',
  published: '已通过',
  rejected: '已驳回',
};

export function className(ageClass: AgeClass): string {
  return ageClassRules[ageClass].name;
}

/** 已确认 / 候补第 3 位 / 已取消 */
export function bookingStatusText(status: BookingStatusKind, waitlistPosition?: number): string {
  if (status === 'confirmed') return '已确认';
  if (status === 'cancelled') return '已取消';
  return waitlistPosition ? `候补第 ${waitlistPosition} 位` : '候补中';
}

/** What a family can still do with a slot: book, join the waitlist (length ≤ capacity), or nothing. */
export function slotAvailability(slot: { freePlaces: number; waitlisted: number; capacity: number }): {
  kind: 'free' | 'waitlist' | 'closed';
  text: string;
} {
  if (slot.freePlaces > 0) return { kind: 'free', text: `余 ${slot.freePlaces} 位` };
  if (slot.waitlisted < slot.capacity) return { kind: 'waitlist', text: `已满，候补 ${slot.waitlisted} 人` };
  return { kind: 'closed', text: '已满（候补已满）' };
}
