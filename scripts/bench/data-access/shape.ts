/**
 * The entity the data-access comparison stores three ways (decision 0026): the booking of
 * functions/src/childcare/booking/entity.ts — key by id, a family's bookings newest first on
 * gsi1, a provider's by slot date on gsi2 — written once, read back, listed by family.
 */
export interface Booking {
  bookingId: string;
  slotId: string;
  institutionId: string;
  userId: string;
  ageClass: 'infant' | 'toddler' | 'preschool';
  date: string;
  session: 'full_day' | 'morning' | 'afternoon';
  childNameSealed: string;
  guardianPhoneMasked: string;
  status: 'pending' | 'confirmed' | 'waitlisted' | 'cancelled';
  waitlistSeq: number;
  createdAt: string;
  confirmedAt?: string;
}

/** What each variant offers the service: the three calls the comparison times. */
export interface BookingStore {
  create(booking: Booking): Promise<void>;
  get(bookingId: string): Promise<Booking | undefined>;
  listByUser(userId: string, limit: number): Promise<Booking[]>;
}

/** The document client as the variants use it (a stub in the comparison: no network). */
export interface SendOnly {
  send(command: unknown): Promise<unknown>;
}

export const sampleBooking = (n: number): Booking => ({
  bookingId: `bk_${n.toString(36).padStart(8, '0')}`,
  slotId: 'slot_01HZX',
  institutionId: 'inst_0042',
  userId: 'user_7f3a',
  ageClass: 'toddler',
  date: '2026-12-14',
  session: 'morning',
  childNameSealed: 'pii2:booking:AAAAbase64sealedvalue==',
  guardianPhoneMasked: '138****5678',
  status: 'confirmed',
  waitlistSeq: 0,
  createdAt: `2026-12-01T09:${String(n % 60).padStart(2, '0')}:00.000Z`,
});
