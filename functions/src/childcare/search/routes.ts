import * as api from '@hongjia/shared/api/routes';
import { implementPublic, type RouteImplementation } from '../../commons/router';
import { createSearchServices, type SearchDeps } from './services';

/** Public childcare browsing: nearby search, an institution, its slots. Composed into the childcare handler. */
export function createSearchRoutes(deps: SearchDeps): RouteImplementation[] {
  const { nearby, institutions } = createSearchServices(deps);
  return [
    implementPublic(api.childcareNearby, async ({ query }) => {
      const { items, nextCursor } = await nearby.search(query);
      return { items, nextCursor };
    }),
    implementPublic(api.childcareInstitution, ({ params, caller }) => institutions.detail(params.id, caller)),
    implementPublic(api.childcareInstitutionSlots, ({ params, query, caller, now }) =>
      institutions.slots(params.id, query, caller, now),
    ),
  ];
}
