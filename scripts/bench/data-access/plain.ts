import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Booking, BookingStore, SendOnly } from './shape';

/** Plain DocumentClient helpers: the keys written by hand, the item checked by the caller's types. */
const keysOf = (b: Booking) => ({
  pk: `booking#${b.bookingId}`,
  sk: 'booking',
  gsi1pk: `user#${b.userId}`,
  gsi1sk: `booking#${b.createdAt}#${b.bookingId}`,
  gsi2pk: `institution#${b.institutionId}`,
  gsi2sk: `booking#${b.date}#${b.slotId}#${b.createdAt}#${b.bookingId}`,
});

const keyNames = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

function toBooking(item: Record<string, unknown>): Booking {
  const booking: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!keyNames.includes(name)) booking[name] = value;
  return booking as unknown as Booking;
}

export function plainStore(client: SendOnly, table: string): BookingStore {
  return {
    async create(booking) {
      await client.send(
        new PutCommand({
          TableName: table,
          Item: { ...booking, ...keysOf(booking), entity: 'booking' },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    },
    async get(bookingId) {
      const answer = (await client.send(
        new GetCommand({ TableName: table, Key: { pk: `booking#${bookingId}`, sk: 'booking' } }),
      )) as { Item?: Record<string, unknown> };
      return answer.Item ? toBooking(answer.Item) : undefined;
    },
    async listByUser(userId, limit) {
      const answer = (await client.send(
        new QueryCommand({
          TableName: table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk and begins_with(gsi1sk, :sk)',
          ExpressionAttributeValues: { ':pk': `user#${userId}`, ':sk': 'booking#' },
          ScanIndexForward: false,
          Limit: limit,
        }),
      )) as { Items?: Record<string, unknown>[] };
      return (answer.Items ?? []).map(toBooking);
    },
  };
}
