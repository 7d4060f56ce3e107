import { createBookingRoutes } from '../childcare/booking/routes';
import { createSearchRoutes } from '../childcare/search/routes';
import { bookingEntities, rootFromEnv, searchEntities, serve } from '../root';

/** The childcare function group: public search and a family's bookings. */
const root = rootFromEnv({}, searchEntities, bookingEntities);

export const handler = serve(root, [...createSearchRoutes(root), ...createBookingRoutes(root)]);
