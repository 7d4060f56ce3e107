import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  Entity,
  GetItemCommand,
  item,
  number,
  PutItemCommand,
  QueryCommand,
  string,
  Table,
} from 'dynamodb-toolbox';
import type { Booking, BookingStore, SendOnly } from './shape';

/** dynamodb-toolbox 2: schema-checked items, keys computed from the item. */
export function toolboxStore(client: SendOnly, table: string): BookingStore {
  const bookings = new Table({
    name: table,
    documentClient: client as unknown as DynamoDBDocumentClient,
    partitionKey: { name: 'pk', type: 'string' },
    sortKey: { name: 'sk', type: 'string' },
    indexes: {
      gsi1: {
        type: 'global',
        partitionKey: { name: 'gsi1pk', type: 'string' },
        sortKey: { name: 'gsi1sk', type: 'string' },
      },
      gsi2: {
        type: 'global',
        partitionKey: { name: 'gsi2pk', type: 'string' },
        sortKey: { name: 'gsi2sk', type: 'string' },
      },
    },
  });
  const schema = item({
    bookingId: string().key(),
    slotId: string(),
    institutionId: string(),
    userId: string(),
    ageClass: string().enum('infant', 'toddler', 'preschool'),
    date: string(),
    session: string().enum('full_day', 'morning', 'afternoon'),
    childNameSealed: string(),
    guardianPhoneMasked: string(),
    status: string().enum('pending', 'confirmed', 'waitlisted', 'cancelled'),
    waitlistSeq: number().default(0),
    createdAt: string(),
    confirmedAt: string().optional(),
  });
  const linked = schema.and((prev) => ({
    gsi1pk: string()
      .hidden()
      .link<typeof prev>(({ userId }) => `user#${userId}`),
    gsi1sk: string()
      .hidden()
      .link<typeof prev>(({ createdAt, bookingId }) => `booking#${createdAt}#${bookingId}`),
    gsi2pk: string()
      .hidden()
      .link<typeof prev>(({ institutionId }) => `institution#${institutionId}`),
    gsi2sk: string()
      .hidden()
      .link<typeof prev>(
        ({ date, slotId, createdAt, bookingId }) => `booking#${date}#${slotId}#${createdAt}#${bookingId}`,
      ),
  }));
  const entity = new Entity({
    name: 'booking',
    table: bookings,
    schema: linked,
    timestamps: false,
    computeKey: ({ bookingId }: { bookingId: string }) => ({ pk: `booking#${bookingId}`, sk: 'booking' }),
  });
  return {
    async create(booking) {
      await entity
        .build(PutItemCommand)
        .item(booking)
        .options({ condition: { attr: 'bookingId', exists: false } })
        .send();
    },
    async get(bookingId) {
      const { Item } = await entity.build(GetItemCommand).key({ bookingId }).send();
      return Item as Booking | undefined;
    },
    async listByUser(userId, limit) {
      const { Items } = await bookings
        .build(QueryCommand)
        .entities(entity)
        .query({ index: 'gsi1', partition: `user#${userId}`, range: { beginsWith: 'booking#' } })
        .options({ reverse: true, limit })
        .send();
      return (Items ?? []) as Booking[];
    },
  };
}
