import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from './env';
import { lazyClient } from './lazy-client';

/**
 * The one DynamoDB client of a process. Locally DYNAMODB_ENDPOINT points at
 * dynalite; deployed it is unset and the SDK uses the regional endpoint.
 * The SDK's default retries (with backoff) cover throttling. Built at its first
 * use (commons/lazy-client.ts), which is also when DYNAMODB_ENDPOINT is read.
 */
export const dynamoClient: DynamoDBClient = lazyClient(() => {
  const endpoint = getOptionalStringFromEnv(envNames.dynamodbEndpoint);
  return new DynamoDBClient({
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 5,
  });
});

export const documentClient: DynamoDBDocumentClient = lazyClient(() =>
  DynamoDBDocumentClient.from(dynamoClient, {
    marshallOptions: { removeUndefinedValues: true },
  }),
);

export function mainTableName(): string {
  return getStringFromEnv(envNames.tableName);
}

export function idempotencyTableName(): string {
  return getStringFromEnv(envNames.idempotencyTableName);
}

/**
 * The access table's name. A type of its own so that an entity bound to the
 * access table (users) cannot be handed the main table by mistake: deployed,
 * that would be an AccessDenied; locally it would silently read nothing.
 */
export type AccessTableName = string & { readonly table: 'access' };
/** The audit table's name (append-only for functions; see AccessTableName for why a type). */
export type AuditTableName = string & { readonly table: 'audit' };

export function accessTableName(): AccessTableName {
  return getStringFromEnv(envNames.accessTableName) as AccessTableName;
}

export function auditTableName(): AuditTableName {
  return getStringFromEnv(envNames.auditTableName) as AuditTableName;
}
