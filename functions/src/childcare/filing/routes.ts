import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../../commons/router';
import { type BookingDeps, createProviderBookingServices } from '../booking/services';
import { createFilingServices, type FilingDeps } from './services';

/** The provider's side: file institutions, publish slots, see an own institution's bookings. */
export function createProviderRoutes(deps: FilingDeps & BookingDeps): RouteImplementation[] {
  const { filings, publishing } = createFilingServices(deps);
  const bookings = createProviderBookingServices(deps);
  return [
    implement(api.fileInstitution, ({ caller, body, now, operationId }) =>
      filings.file(caller, body, now, operationId),
    ),
    implement(api.providerInstitutions, ({ caller, query }) => filings.listOwn(caller, query)),
    implement(api.publishSlot, ({ caller, params, body, now, operationId }) =>
      publishing.publish(caller, params.id, body, now, operationId),
    ),
    implement(api.providerBookings, async ({ caller, params, query, now }) => {
      await publishing.ownInstitution(caller, params.id);
      return bookings.list(params.id, query, now);
    }),
  ];
}

/** The staff side: review filings of the caller's jurisdiction, credit-code conflicts (decision 0013), figures. */
export function createFilingReviewRoutes(deps: FilingDeps): RouteImplementation[] {
  const { filings, conflicts, stats } = createFilingServices(deps);
  return [
    implement(api.staffFilings, ({ caller, query }) => filings.listForStaff(caller, query)),
    implement(api.decideFiling, ({ caller, params, body, now, requestId, sourceIp }) =>
      filings.decide(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.childcareStats, ({ caller, query, now }) => stats.figures(caller, query, now)),
    implement(api.staffFilingConflicts, ({ caller, query }) => conflicts.list(caller, query)),
    implement(api.resolveFilingConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
      conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
