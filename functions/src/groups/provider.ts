import { createProviderRoutes } from '../childcare/filing/routes';
import { rootFromEnv, serve } from '../root';

/** The provider function group: file institutions, publish slots, see bookings. */
const root = rootFromEnv();

export const handler = serve(root, createProviderRoutes(root));
