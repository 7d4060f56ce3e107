import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';

export interface AssistanceDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** Routes of the assistance group (being built). */
export function createAssistanceRoutes(_deps: AssistanceDeps): RouteImplementation[] {
  return [];
}
