import { createHmac } from 'node:crypto';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { readRateLimitSecret } from '../commons/secrets';

/**
 * A fixed-window counter per client and minute: one item per window, bumped
 * by a conditional ADD that fails once the window is full, so concurrent
 * Lambdas share one exact count without a transaction. The window is in the
 * key, so an old window is simply never read again (expiry on read); `ttl`
 * lets DynamoDB delete it in the cloud. The client address is stored only as
 * an HMAC (under the rate-limit key, decision 0017): counters carry no IPs.
 */
const windowMs = 60_000;

export function createRateLimiter(deps: { client: DynamoDBDocumentClient; table: string }) {
  let key: Promise<Buffer> | undefined;
  const clientKey = async (scope: string, clientId: string) => {
    key ??= readRateLimitSecret().then((secret) =>
      createHmac('sha256', secret).update('hongjia-rate-limit-v1').digest(),
    );
    return createHmac('sha256', await key)
      .update(`${scope}\u0000${clientId}`)
      .digest('base64url')
      .slice(0, 22);
  };

  return {
    /** Counts one request; throws 429 RATE_LIMITED when the client's window is full. */
    async hit(scope: string, clientId: string, limit: number, now: Date): Promise<void> {
      const window = Math.floor(now.getTime() / windowMs);
      try {
        await deps.client.send(
          new UpdateCommand({
            TableName: deps.table,
            Key: { pk: `ratelimit#${scope}#${await clientKey(scope, clientId)}`, sk: `window#${window}` },
            UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
            ExpressionAttributeValues: {
              ':one': 1,
              ':limit': limit,
              ':ttl': Math.ceil(((window + 2) * windowMs) / 1000),
            },
          }),
        );
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        throw new AppError('RATE_LIMITED', '查询过于频繁，请一分钟后再试');
      }
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
