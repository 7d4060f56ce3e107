import type { BookingService } from '@hongjia/functions/childcare/booking/service';
import type { InstitutionItem, SlotItem } from '@hongjia/functions/childcare/entities';
import { userIdForOpenid } from '@hongjia/functions/commons/users';
import { type AgeClass, districts } from '@hongjia/shared';
import type { Random } from './random';

/** The demo families `family-1` … `family-50` who hold the seeded bookings. */
export const seedFamilyCount = 50;
export const familyOpenid = (n: number) => `family-${(n % seedFamilyCount) + 1}`;

const surnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '胡',
  '朱',
  '高',
  '林',
  '何',
  '郭',
];
const given = [
  '子涵',
  '一诺',
  '欣怡',
  '浩然',
  '梓萱',
  '宇轩',
  '若曦',
  '思远',
  '嘉怡',
  '沐阳',
  '语桐',
  '俊熙',
  '可馨',
  '皓轩',
];

/** Months old on the slot date, safely inside each class (minus a few days to vary). */
const ageMonths: Record<AgeClass, number> = { infant: 8, toddler: 17, preschool: 29 };

function birthDateFor(ageClass: AgeClass, slotDate: string, spreadDays: number): string {
  const [y, m, d] = slotDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - ageMonths[ageClass], d - spreadDays)).toISOString().slice(0, 10);
}

interface Plan {
  slot: SlotItem;
  bookings: number;
}

/**
 * Which slots get bookings: in every district, on the first seeded date, two
 * full slots (every place confirmed and three on the waitlist) and two with
 * two places left — one affordable and one not of each — so a newcomer's
 * first search meets full, nearly full and open institutions alike.
 */
export function planSeedBookings(
  institutions: readonly InstitutionItem[],
  slots: readonly SlotItem[],
): Plan[] {
  const firstDate = slots.map((slot) => slot.date).sort()[0];
  const plans: Plan[] = [];
  for (const district of districts) {
    const local = institutions.filter((i) => i.district === district.code);
    const picks = [
      { institution: local.find((i) => i.affordable), full: true },
      { institution: local.find((i) => !i.affordable), full: true },
      { institution: local.filter((i) => i.affordable)[1], full: false },
      { institution: local.filter((i) => !i.affordable)[1], full: false },
    ];
    for (const { institution, full } of picks) {
      const slot =
        institution &&
        slots.find((s) => s.institutionId === institution.institutionId && s.date === firstDate);
      if (slot) plans.push({ slot, bookings: full ? slot.capacity + 3 : slot.capacity - 2 });
    }
  }
  return plans;
}

/** One seeded booking request: who books, for which child, from which phone. */
export interface SeedBookingRequest {
  openid: string;
  childName: string;
  childBirthDate: string;
  guardianPhone: string;
  /** The guardian agreed to the child's data being used for the booking (PIPL art. 31). */
  guardianConsent: true;
}

/** A slot's seeded bookings, in booking order (deterministic waitlist tickets). */
export interface SlotBookings {
  slotId: string;
  requests: SeedBookingRequest[];
}

/**
 * Who books what, drawn from `random` without writing anything: the seed books
 * these, and the at-rest test (tests/integration/pii-at-rest.test.ts) reads the
 * same children's names and birth dates to look for them in the tables.
 */
export function planBookingRequests(plans: readonly Plan[], random: Random): SlotBookings[] {
  let family = 0;
  return plans.map((plan) => ({
    slotId: plan.slot.slotId,
    requests: Array.from({ length: plan.bookings }, (_, n) => ({
      openid: familyOpenid(family++),
      childName: `${random.pick(surnames)}${random.pick(given)}${n}`,
      childBirthDate: birthDateFor(plan.slot.ageClass, plan.slot.date, random.int(0, 20)),
      guardianPhone: `139${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      guardianConsent: true as const,
    })),
  }));
}

/**
 * Books through the booking service itself, so the slots' counters, ledgers
 * and booking items agree exactly as they would after real requests. Slots
 * in parallel, each slot's bookings in order (deterministic waitlist tickets).
 */
export async function seedBookings(
  service: BookingService,
  work: readonly SlotBookings[],
  now: Date,
): Promise<number> {
  let made = 0;
  const queue = [...work];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      for (const { openid, ...request } of next.requests) {
        await service.create({ id: userIdForOpenid(openid), roles: ['family'] }, next.slotId, request, now);
        made++;
      }
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return made;
}
