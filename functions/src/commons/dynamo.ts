import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { classAtFirstUse, clientDynamodb, libDynamodb, utilDynamodb } from './aws-sdk';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from './env';
import { lazyClient } from './lazy-client';

/**
 * The one DynamoDB client of a process. Locally DYNAMODB_ENDPOINT points at
 * dynalite; deployed it is unset and the SDK uses the regional endpoint.
 * The SDK's default retries (with backoff) cover throttling. Built at its first
 * use (commons/lazy-client.ts), which is also when DYNAMODB_ENDPOINT is read and
 * the SDK module loaded (commons/aws-sdk.ts).
 */
export const dynamoClient: DynamoDBClient = lazyClient(() => {
  const endpoint = getOptionalStringFromEnv(envNames.dynamodbEndpoint);
  return new (clientDynamodb().DynamoDBClient)({
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: 5,
  });
});

export const documentClient: DynamoDBDocumentClient = lazyClient(() =>
  libDynamodb().DynamoDBDocumentClient.from(dynamoClient, {
    marshallOptions: { removeUndefinedValues: true },
  }),
);

/**
 * The document client's commands, as the SDK's own classes once the first is made: code
 * imports them from here, not from '@aws-sdk/lib-dynamodb', so importing it loads no SDK.
 */
export const GetCommand = classAtFirstUse(() => libDynamodb().GetCommand);
export const BatchGetCommand = classAtFirstUse(() => libDynamodb().BatchGetCommand);
export const PutCommand = classAtFirstUse(() => libDynamodb().PutCommand);
export const UpdateCommand = classAtFirstUse(() => libDynamodb().UpdateCommand);
export const DeleteCommand = classAtFirstUse(() => libDynamodb().DeleteCommand);
export const BatchWriteCommand = classAtFirstUse(() => libDynamodb().BatchWriteCommand);
export const QueryCommand = classAtFirstUse(() => libDynamodb().QueryCommand);
export const ScanCommand = classAtFirstUse(() => libDynamodb().ScanCommand);

/** An item in DynamoDB's attribute-value form as plain values (util-dynamodb, loaded at first use). */
export const unmarshall: typeof import('@aws-sdk/util-dynamodb').unmarshall = (item, options) =>
  utilDynamodb().unmarshall(item, options);

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
