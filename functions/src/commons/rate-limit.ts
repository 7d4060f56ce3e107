import { createHmac, randomInt } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from './dynamo';
import { AppError } from './errors';
import { landed } from './guards';
import { limitInForce, type WindowLimit } from './limits';
import { readRateLimitSecret } from './secrets';

/**
 * THE key the limiter hashes subjects under (user ids, openids, terminal ids,
 * addresses), so counters carry none of them in clear: the rate-limit key,
 * apart from the session and cursor keys (decision 0017); groups that limit
 * declare `rateLimitKey` in the manifest.
 */
let hashKey: Promise<Buffer> | undefined;
export function rateLimitHashKey(): Promise<Buffer> {
  hashKey ??= readRateLimitSecret().then((secret) =>
    createHmac('sha256', secret).update('hongjia-rate-limit-v1').digest(),
  );
  return hashKey;
}

/** The aligned window `now` falls in, and how long until it ends (the 429's Retry-After). */
export function windowOf(now: Date, windowSeconds: number) {
  const windowMs = windowSeconds * 1000;
  const index = Math.floor(now.getTime() / windowMs);
  const endsAtMs = (index + 1) * windowMs;
  return {
    index,
    retryAfterSeconds: Math.max(1, Math.ceil((endsAtMs - now.getTime()) / 1000)),
    /** DynamoDB TTL (epoch seconds): one window after it ended; locally it is simply never read again. */
    ttl: Math.ceil(endsAtMs / 1000) + windowSeconds,
  };
}

/** Each shard allows its share of the limit, at least one. */
export function shardLimit(limit: number, shards: number): number {
  return Math.max(1, Math.ceil(limit / shards));
}

/**
 * The subject an address is counted as: IPv4 as is (also when IPv4-mapped),
 * IPv6 by its /64 (what one subscriber line gets, so cycling through it does
 * not multiply the allowance). Always the address API Gateway reports
 * (`requestContext.http.sourceIp`), never a forwarded header a client writes.
 */
export function addressSubject(sourceIp: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(sourceIp);
  if (mapped?.[1]) return `ip4:${mapped[1]}`;
  if (isIPv4(sourceIp)) return `ip4:${sourceIp}`;
  if (isIPv6(sourceIp)) return `ip6:${expandIPv6(sourceIp).slice(0, 4).join(':')}`;
  return `addr:${sourceIp}`;
}

function expandIPv6(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((part) =>
    part.toLowerCase().padStart(4, '0'),
  );
}

/** One counted hit, to give back when the request turned out not to count (a redeemed print code). */
export interface Charge {
  readonly pk: string;
  readonly sk: string;
}

export type RateLimited = AppError & { retryAfterSeconds: number };

/**
 * Fixed-window counters: one item per subject (and shard) and window, bumped
 * by ONE conditional ADD that fails once the window is full, so concurrent
 * Lambdas share an exact count without a transaction or a read. The window is
 * in the key, so an old window is never read again (expiry on read); `ttl`
 * lets DynamoDB delete it in the cloud.
 */
export function createRateLimiter(deps: { client: DynamoDBDocumentClient; table: string }) {
  const subjectKey = async (rule: WindowLimit, subject: string) =>
    createHmac('sha256', await rateLimitHashKey())
      .update(`${rule.name}\u0000${subject}`)
      .digest('base64url')
      .slice(0, 22);

  return {
    /** Counts one request of `subject`; throws 429 RATE_LIMITED (with Retry-After) when its window is full. */
    async hit(rule: WindowLimit, subject: string, now: Date): Promise<Charge> {
      const window = windowOf(now, rule.windowSeconds);
      const shards = rule.shards ?? 1;
      const shard = shards > 1 ? `#${randomInt(shards)}` : '';
      const limit = shards > 1 ? shardLimit(limitInForce(rule), shards) : limitInForce(rule);
      const charge = {
        pk: `ratelimit#${rule.name}#${await subjectKey(rule, subject)}${shard}`,
        sk: `window#${rule.windowSeconds}#${window.index}`,
      };
      const counted = await landed(
        deps.client.send(
          new UpdateCommand({
            TableName: deps.table,
            Key: charge,
            UpdateExpression: 'ADD #count :one SET #ttl = if_not_exists(#ttl, :ttl)',
            ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
            ExpressionAttributeNames: { '#count': 'count', '#ttl': 'ttl' },
            ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': window.ttl },
          }),
        ),
      );
      if (counted) return charge;
      throw rateLimited(rule.message, window.retryAfterSeconds);
    },

    /** Takes back one counted hit (never below zero). */
    async giveBack(charge: Charge): Promise<void> {
      // Never below zero: a give-back the condition refuses had nothing to take back.
      await landed(
        deps.client.send(
          new UpdateCommand({
            TableName: deps.table,
            Key: charge,
            UpdateExpression: 'ADD #count :minus',
            ConditionExpression: '#count > :zero',
            ExpressionAttributeNames: { '#count': 'count' },
            ExpressionAttributeValues: { ':minus': -1, ':zero': 0 },
          }),
        ),
      );
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;

export function rateLimited(message: string, retryAfterSeconds: number): AppError {
  return new AppError('RATE_LIMITED', message, [], { retryAfterSeconds });
}
