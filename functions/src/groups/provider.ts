import { createProviderRoutes } from '../childcare/filing/routes';
import { createProviderProgrammeRoutes } from '../childcare/programmes/routes';
import { rootFromEnv, serve } from '../root';

/** The provider function group: file institutions, publish slots, see bookings; 普惠 applications, inspections. */
const root = rootFromEnv();

export const handler = serve(root, [...createProviderRoutes(root), ...createProviderProgrammeRoutes(root)]);
