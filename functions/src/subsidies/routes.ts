import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';

export interface SubsidiesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** Routes of the subsidies group (being built). */
export function createSubsidiesRoutes(_deps: SubsidiesDeps): RouteImplementation[] {
  return [];
}
