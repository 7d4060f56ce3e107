import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';

export interface BenefitsDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** Routes of the benefits group (being built). */
export function createBenefitsRoutes(_deps: BenefitsDeps): RouteImplementation[] {
  return [];
}
