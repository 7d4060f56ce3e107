import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { implement, type RouteImplementation } from '../commons/router';
import { createBundleEntity, createOutboxEntity } from './entities';
import { createBundleService } from './service';

/** 出生一件事: submit (written with its outbox before answering) and per-item status. For the registration group. */
export function createBirthBundleRoutes(deps: {
  client: DynamoDBDocumentClient;
  table: string;
}): RouteImplementation[] {
  const service = createBundleService({
    bundles: createBundleEntity(deps.client, deps.table),
    outbox: createOutboxEntity(deps.client, deps.table),
  });
  return [
    implement(api.submitBirthBundle, ({ caller, body, now }) => service.submit(caller, body, now)),
    implement(api.getBirthBundle, ({ caller, params }) => service.get(caller, params.id)),
  ];
}
