import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';

export interface FamiliesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** Routes of the families group (being built). */
export function createFamiliesRoutes(_deps: FamiliesDeps): RouteImplementation[] {
  return [];
}
