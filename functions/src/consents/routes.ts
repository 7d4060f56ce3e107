import * as api from '@hongjia/shared/api/routes';
import type { AuditTrail } from '../commons/audit';
import { implement, type RouteImplementation } from '../commons/router';
import type { UserStore } from '../commons/users';
import { type ConsentEntity, createConsentService } from './consents';

/** The privacy-guideline agreements (PIPL record), over the composition root's pieces. */
export function createConsentRoutes(deps: {
  entities: { consents: ConsentEntity };
  users: UserStore;
  audit: AuditTrail;
}): RouteImplementation[] {
  const consents = createConsentService(deps.entities.consents, deps.users, deps.audit);
  return [
    implement(api.recordConsent, ({ caller, body, now, operationId }) =>
      consents.record(caller, body, now, operationId),
    ),
    implement(api.listConsents, ({ caller, query }) => consents.list(caller, query)),
    implement(api.withdrawConsent, ({ caller, body, now, requestId, sourceIp }) =>
      consents.withdraw(caller, body.kind, now, { requestId, sourceIp }),
    ),
  ];
}
