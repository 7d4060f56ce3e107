import { createProviderRoutes } from '../childcare/filing/routes';
import { bookingEntities, filingEntities, rootFromEnv, serve } from '../root';

/** The provider function group: file institutions, publish slots, see bookings. */
const root = rootFromEnv({}, filingEntities, bookingEntities);

export const handler = serve(root, createProviderRoutes(root));
