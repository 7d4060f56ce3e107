import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../../commons/router';
import { type BookingDeps, createBookingServices } from './services';

/** A family's bookings: book (confirmed, waitlisted or SLOT_FULL), list, cancel. */
export function createBookingRoutes(deps: BookingDeps): RouteImplementation[] {
  const bookings = createBookingServices(deps);
  return [
    implement(api.createBooking, ({ caller, params, body, now, operationId }) =>
      bookings.create(caller, params.slotId, body, now, operationId),
    ),
    implement(api.myBookings, ({ caller, query, now }) => bookings.listMine(caller, query, now)),
    implement(api.cancelBooking, ({ caller, params, now }) => bookings.cancel(caller, params.id, now)),
  ];
}
