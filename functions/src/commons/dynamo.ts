import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { envNames, getOptionalStringFromEnv, getStringFromEnv } from './env';

/**
 * The one DynamoDB client of a process. Locally DYNAMODB_ENDPOINT points at
 * dynalite; deployed it is unset and the SDK uses the regional endpoint.
 * The SDK's default retries (with backoff) cover throttling.
 */
const endpoint = getOptionalStringFromEnv(envNames.dynamodbEndpoint);

export const dynamoClient = new DynamoDBClient({
  ...(endpoint ? { endpoint } : {}),
  maxAttempts: 5,
});

export const documentClient = DynamoDBDocumentClient.from(dynamoClient, {
  marshallOptions: { removeUndefinedValues: true },
});

export function mainTableName(): string {
  return getStringFromEnv(envNames.tableName);
}

export function idempotencyTableName(): string {
  return getStringFromEnv(envNames.idempotencyTableName);
}
