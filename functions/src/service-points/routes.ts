import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as api from '@hongjia/shared/api/routes';
import { implementPublic, type RouteImplementation } from '../commons/router';
import { createServicePointEntity } from './entities';
import { createServicePointSearch } from './nearby-service';

/** Public: the nearest print / pickup / consult points, open now or not (Asia/Shanghai). */
export function createServicePointRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
}): RouteImplementation[] {
  const search = createServicePointSearch({ points: createServicePointEntity(deps.client, deps.table) });
  return [implementPublic(api.nearbyServicePoints, ({ query, now }) => search.nearby(query, now))];
}
