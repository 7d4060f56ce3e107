import { createProviderRoutes } from '../childcare/filing/routes';
import { createProviderProgrammeRoutes } from '../childcare/programmes/routes';
import { bookingEntities, filingEntities, programmeEntities, rootFromEnv, serve } from '../root';

/** The provider function group: file institutions, publish slots, see bookings; 普惠 applications, inspections. */
const root = rootFromEnv({}, filingEntities, bookingEntities, programmeEntities);

export const handler = serve(root, [...createProviderRoutes(root), ...createProviderProgrammeRoutes(root)]);
