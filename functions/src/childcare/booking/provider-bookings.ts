import type { ListQuery, ProviderBooking as ProviderBookingSchema } from '@hongjia/shared';
import type { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { piiCipher } from '../../commons/pii/index';
import type { BookingEntity } from './entity';
import type { SlotLedger } from './ledger';
import { type BookingService, guardianPhoneField, openChildName, readLedgers, toMyBooking } from './service';

type ProviderBooking = z.infer<typeof ProviderBookingSchema>;

/**
 * The bookings of one institution, by slot date, for its provider (who
 * needs the guardian's phone whole to reach the family). The caller's
 * ownership of the institution is checked by the caller of this function.
 */
export function createProviderBookings(deps: {
  bookings: BookingEntity;
  service: BookingService;
  ledger: SlotLedger;
}) {
  return {
    async list(institutionId: string, query: ListQuery, now: Date) {
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await deps.bookings.query
        .byInstitution({ institutionId })
        .go({ limit: query.limit, ...(cursor ? { cursor } : {}) });
      const views = await readLedgers(deps.ledger, page.data);
      const pii = await piiCipher();
      const items: ProviderBooking[] = [];
      for (const item of page.data) {
        const view = views.get(item.slotId);
        const visible = await deps.service.reconcile(item, view, now);
        if (!visible) continue;
        // The provider cares for the child and calls the guardian: both opened, for this page only.
        const { guardianPhoneMasked: _masked, ...rest } = toMyBooking(
          visible,
          view,
          await openChildName(pii, visible),
        );
        const guardianPhone = await pii.open(visible.guardianPhoneSealed, guardianPhoneField);
        items.push({ ...rest, guardianPhone });
      }
      return { items, nextCursor: await encodeCursor(page.cursor) };
    },
  };
}
