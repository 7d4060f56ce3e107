import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createFactClaimServices, type FactClaimDeps } from './services';

/** Family-supplied proof of a policy fact and its review by district staff (decision 0039). */
export function createFactClaimRoutes(deps: FactClaimDeps): RouteImplementation[] {
  const claims = createFactClaimServices(deps);
  return [
    implement(api.submitFactClaim, ({ caller, body, now, operationId }) =>
      claims.submit(caller, body, now, operationId),
    ),
    implement(api.myFactClaims, ({ caller, query }) => claims.listMine(caller, query)),
    implement(api.staffFactClaims, ({ caller, query, now }) => claims.listForStaff(caller, query, now)),
    implement(api.decideFactClaim, ({ caller, params, body, now, requestId, sourceIp }) =>
      claims.decide(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.factClaimAttachment, ({ caller, params, now }) =>
      claims.attachment(caller, params.id, params.uploadId, now),
    ),
  ];
}
