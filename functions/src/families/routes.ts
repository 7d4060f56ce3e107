import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../commons/router';
import { createFamiliesServices, type FamiliesDeps } from './services';

/** Real-name binding and 计划生育特殊家庭 records. */
export function createFamiliesRoutes(deps: FamiliesDeps): RouteImplementation[] {
  const { identity, families, coverage, myFamily } = createFamiliesServices(deps);
  return [
    implement(api.bindIdentity, ({ caller, body, now, operationId }) =>
      identity.bind(caller, body, now, operationId),
    ),
    implement(api.myIdentity, ({ caller }) => identity.mine(caller)),
    implement(api.staffIdentityConflicts, ({ caller, query }) => identity.conflicts(caller, query)),
    implement(api.createSpecialFamily, ({ caller, body, now, operationId }) =>
      families.create(caller, body, now, operationId),
    ),
    implement(api.staffSpecialFamilies, ({ caller, query, now }) => families.list(caller, query, now)),
    implement(api.staffSpecialFamily, ({ caller, params, now }) => families.detail(caller, params.id, now)),
    implement(api.updateSpecialFamily, ({ caller, params, body, now }) =>
      families.update(caller, params.id, body, now),
    ),
    implement(api.specialFamilyCoverage, ({ caller, query, now }) => coverage.coverage(caller, query, now)),
    implement(api.mySpecialFamily, ({ caller }) => myFamily.mine(caller)),
    implement(api.myRecordViews, ({ caller, query }) => myFamily.views(caller, query)),
    implement(api.setProxyConsent, ({ caller, body, now }) =>
      myFamily.setProxyConsent(caller, body.granted, now),
    ),
  ];
}
