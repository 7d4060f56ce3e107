import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createSubsidyServices, type SubsidiesDeps } from './services';

/**
 * 育儿补贴: apply, my applications and their yearly confirmation, the district's
 * review and payments, and its queue of conflicting applications (decision 0013).
 */
export function createSubsidiesRoutes(deps: SubsidiesDeps): RouteImplementation[] {
  const { application, family, review, payments, conflicts } = createSubsidyServices(deps);
  return [
    implement(api.applyChildcareSubsidy, ({ caller, body, now, operationId }) =>
      application.apply(caller, body, now, operationId),
    ),
    implement(api.myChildcareSubsidies, ({ caller, query }) => family.listMine(caller, query)),
    implement(api.renewChildcareSubsidy, ({ caller, params, now }) => family.renew(caller, params.id, now)),
    implement(api.staffChildcareSubsidies, ({ caller, query }) => review.list(caller, query)),
    implement(api.reviewChildcareSubsidy, ({ caller, params, body, now, requestId, sourceIp }) =>
      review.review(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.recordSubsidyPayment, ({ caller, params, body, now, operationId, requestId, sourceIp }) =>
      payments.record(caller, params.id, body, now, operationId, { requestId, sourceIp }),
    ),
    implement(api.staffSubsidyConflicts, ({ caller, query }) => conflicts.list(caller, query)),
    implement(api.resolveSubsidyConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
      conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
