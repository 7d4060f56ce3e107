import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, UpdateCommand } from '../../commons/dynamo';
import { landed } from '../../commons/guards';
import { bookingLimits } from '../../commons/limits';

/**
 * An account's booking quota (decision 0018): one item per account, a small
 * ledger like the slot's (decision 0007). It carries `active`, one counter
 * per slot `slot_<slotId>`, and one attribute per booking that counts,
 * `hold_<bookingId>` = its slot id. Counters and hold change together in ONE
 * conditional UpdateItem, so the counters always equal the holds (no drift,
 * whatever crashes), a retried take is harmless (the hold is already there)
 * and a release gives back exactly what its booking took. A hold outliving its
 * booking (a crash between the booking's release and the quota's) is found
 * when the quota refuses, and repaired then (`holds`).
 */
const holdPrefix = 'hold_';
const slotPrefix = 'slot_';

export type QuotaTake = { taken: true } | { taken: false; reason: 'account' | 'slot' };

export function createBookingQuota(deps: { client: DynamoDBDocumentClient; table: string }) {
  const key = (userId: string) => ({ pk: `booking-quota#${userId}`, sk: 'quota' });
  const read = async (userId: string) =>
    (
      await deps.client.send(
        new GetCommand({ TableName: deps.table, Key: key(userId), ConsistentRead: true }),
      )
    ).Item;

  /** The attributes one booking changes: its hold, the account's count and the slot's. */
  const names = (bookingId: string, slotId: string) => ({
    '#hold': `${holdPrefix}${bookingId}`,
    '#active': 'active',
    '#slot': `${slotPrefix}${slotId}`,
  });

  return {
    /** Counts `bookingId` (on `slotId`) against the account unless it would pass a limit; a second take is a no-op. */
    async take(userId: string, bookingId: string, slotId: string): Promise<QuotaTake> {
      const counted = await landed(
        deps.client.send(
          new UpdateCommand({
            TableName: deps.table,
            Key: key(userId),
            UpdateExpression: 'SET #hold = :slotId ADD #active :one, #slot :one',
            ConditionExpression:
              'attribute_not_exists(#hold) AND (attribute_not_exists(#active) OR #active < :maxActive) AND (attribute_not_exists(#slot) OR #slot < :maxSlot)',
            ExpressionAttributeNames: names(bookingId, slotId),
            ExpressionAttributeValues: {
              ':slotId': slotId,
              ':one': 1,
              ':maxActive': bookingLimits.activePerAccount,
              ':maxSlot': bookingLimits.activePerAccountPerSlot,
            },
          }),
        ),
      );
      if (counted) return { taken: true };
      const item = await read(userId);
      if (item?.[`${holdPrefix}${bookingId}`] !== undefined) return { taken: true };
      const perSlot = Number(item?.[`${slotPrefix}${slotId}`] ?? 0);
      return { taken: false, reason: perSlot >= bookingLimits.activePerAccountPerSlot ? 'slot' : 'account' };
    },

    /** Gives back what `bookingId` took; nothing when it holds nothing (released already, or never counted). */
    async release(userId: string, bookingId: string, slotId: string): Promise<void> {
      await landed(
        deps.client.send(
          new UpdateCommand({
            TableName: deps.table,
            Key: key(userId),
            UpdateExpression: 'REMOVE #hold ADD #active :minus, #slot :minus',
            ConditionExpression: 'attribute_exists(#hold)',
            ExpressionAttributeNames: names(bookingId, slotId),
            ExpressionAttributeValues: { ':minus': -1 },
          }),
        ),
      );
    },

    /** The bookings the account's quota counts, with their slots (≤ activePerAccount of them). */
    async holds(userId: string): Promise<{ bookingId: string; slotId: string }[]> {
      const item = await read(userId);
      return Object.entries(item ?? {})
        .filter(([name]) => name.startsWith(holdPrefix))
        .map(([name, slotId]) => ({ bookingId: name.slice(holdPrefix.length), slotId: String(slotId) }));
    },
  };
}

export type BookingQuota = ReturnType<typeof createBookingQuota>;
