import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as api from '@hongjia/shared/api/routes';
import { implementPublic, type RouteImplementation } from '../../commons/router';
import { createInstitutionEntity, createSlotEntity } from '../entities';
import { createInstitutionService } from './institution-service';
import { createNearbyService } from './nearby-service';

/** Public childcare browsing: nearby search, an institution, its slots. Composed into the childcare handler. */
export function createSearchRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
}): RouteImplementation[] {
  const entities = {
    institutions: createInstitutionEntity(deps.client, deps.table),
    slots: createSlotEntity(deps.client, deps.table),
  };
  const nearby = createNearbyService(entities);
  const institutions = createInstitutionService(entities);
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
