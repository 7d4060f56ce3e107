import * as api from '@hongjia/shared/api/routes';
import { implementPublic, type RouteImplementation } from '../commons/router';
import type { ServicePointEntity } from './entities';
import { createServicePointSearch } from './nearby-service';

/** Public: the nearest print / pickup / consult points, open now or not (Asia/Shanghai). */
export function createServicePointRoutes(deps: {
  entities: { servicePoints: ServicePointEntity };
}): RouteImplementation[] {
  const search = createServicePointSearch({ points: deps.entities.servicePoints });
  return [implementPublic(api.nearbyServicePoints, ({ query, now }) => search.nearby(query, now))];
}
