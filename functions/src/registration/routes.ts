import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createRegistrationServices, type RegistrationDeps } from './services';

/** The family's registrations and the district review queue. */
export function createRegistrationRoutes(deps: RegistrationDeps): RouteImplementation[] {
  const { registrations, attachments } = createRegistrationServices(deps);
  return [
    implement(api.submitRegistration, ({ caller, body, now, operationId }) =>
      registrations.submit(caller, body, now, operationId),
    ),
    implement(api.resubmitRegistration, ({ caller, params, body, now }) =>
      registrations.resubmit(caller, params.id, body, now),
    ),
    implement(api.getRegistration, ({ caller, params, now }) => registrations.get(caller, params.id, now)),
    implement(api.registrationAttachment, ({ caller, params, now, requestId, sourceIp }) =>
      attachments.link(caller, params.id, params.uploadId, { now, requestId, sourceIp }),
    ),
    implement(api.myRegistrations, ({ caller, query }) => registrations.listMine(caller, query)),
    implement(api.staffRegistrations, ({ caller, query }) => registrations.listForStaff(caller, query)),
    implement(api.reviewRegistration, ({ caller, params, body, now, requestId, sourceIp }) =>
      registrations.review(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.voidRegistration, ({ caller, params, body, now, requestId, sourceIp }) =>
      registrations.voidApproval(caller, params.id, body, now, { requestId, sourceIp }),
    ),
  ];
}
