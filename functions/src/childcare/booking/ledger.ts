import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, UpdateCommand, unmarshall } from '../../commons/dynamo';
import { isConditionFailure } from '../../commons/guards';
import type { SlotEntity } from '../entities';

/**
 * The slot item is the ledger of who holds a place. Next to the `confirmed`,
 * `waitlisted` and `waitlistSeq` counters it carries one attribute per holder,
 * `hold_<bookingId>`: 0 for a confirmed place, the FIFO ticket for a waitlisted
 * one. Counters and holds change together in ONE conditional UpdateItem, so:
 * - capacity is never exceeded (`confirmed < capacity` in the condition);
 * - a booking id takes at most one place (`attribute_not_exists(hold)`), which
 *   makes a retried reservation harmless and tells it what it already got;
 * - releasing a confirmed place and promoting the first in line is one write.
 * Top-level attributes rather than a map: a slot written before this code
 * (the seed, search's fixtures) needs no map initialised first.
 */
const holdPrefix = 'hold_';
const maxAttempts = 12;

/** A waitlisted place carries its position as the write left it (holders with an earlier ticket + 1). */
export type Place =
  | { kind: 'confirmed' }
  | { kind: 'waitlisted'; seq: number; position: number }
  | { kind: 'full' };

export interface LedgerView {
  capacity: number;
  confirmed: number;
  waitlisted: number;
  /** bookingId → 0 (confirmed) or waitlist ticket. */
  holds: Map<string, number>;
}

export type Release =
  | { released: 'none' }
  | { released: 'waitlisted' }
  | { released: 'confirmed'; promoted?: string };

/** Position in the waitlist: 1 + holders with an earlier ticket still waiting. */
export function waitlistPosition(view: LedgerView, bookingId: string): number | undefined {
  const seq = view.holds.get(bookingId);
  if (seq === undefined || seq === 0) return undefined;
  let ahead = 0;
  for (const other of view.holds.values()) if (other > 0 && other < seq) ahead++;
  return ahead + 1;
}

export function firstInLine(view: LedgerView): { bookingId: string; seq: number } | undefined {
  let first: { bookingId: string; seq: number } | undefined;
  for (const [bookingId, seq] of view.holds) {
    if (seq > 0 && (!first || seq < first.seq)) first = { bookingId, seq };
  }
  return first;
}

function hasRoom(view: LedgerView, kind: 'place' | 'waitlist'): boolean {
  return kind === 'place' ? view.confirmed < view.capacity : view.waitlisted < view.capacity;
}

export function toLedgerView(item: Record<string, unknown>): LedgerView {
  const holds = new Map<string, number>();
  for (const [name, value] of Object.entries(item)) {
    if (name.startsWith(holdPrefix) && typeof value === 'number')
      holds.set(name.slice(holdPrefix.length), value);
  }
  return {
    capacity: Number(item.capacity),
    confirmed: Number(item.confirmed ?? 0),
    waitlisted: Number(item.waitlisted ?? 0),
    holds,
  };
}

export function createSlotLedger(client: DynamoDBDocumentClient, slots: SlotEntity) {
  const target = (slotId: string) => {
    const { TableName, Key } = slots.get({ slotId }).params() as {
      TableName: string;
      Key: Record<string, string>;
    };
    return { TableName, Key };
  };

  /**
   * One conditional update. On success the item as the write left it; on a failed
   * condition the item as the condition saw it when the store says so
   * (`ReturnValuesOnConditionCheckFailure`: DynamoDB does, dynalite ignores it), so
   * the caller reads only when it must.
   */
  const attempt = async (
    input: Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>,
    slotId: string,
  ) => {
    try {
      const answer = await client.send(
        new UpdateCommand({ ...target(slotId), ReturnValuesOnConditionCheckFailure: 'ALL_OLD', ...input }),
      );
      return { ok: true as const, attributes: answer.Attributes ?? {} };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const seen = (error as { Item?: Record<string, AttributeValue> }).Item;
      return { ok: false as const, ...(seen ? { seen: toLedgerView(unmarshall(seen)) } : {}) };
    }
  };

  const read = async (slotId: string): Promise<LedgerView | undefined> => {
    const answer = await client.send(new GetCommand({ ...target(slotId), ConsistentRead: true }));
    return answer.Item ? toLedgerView(answer.Item) : undefined;
  };

  return {
    read,

    /**
     * Takes a confirmed place while one is free, else a waitlist ticket while
     * the waitlist is shorter than the capacity, else reports full. Never
     * waitlists while a place is free: the waitlist condition requires the
     * slot to be fully confirmed, and a place freed in between sends us round
     * again. Idempotent per booking id: a retry returns what it already holds.
     * `likelyFull` (the caller's read found every place confirmed) tries the
     * waitlist first, so a waitlisted booking costs one write, not two.
     */
    async reserve(slotId: string, bookingId: string, options: { likelyFull?: boolean } = {}): Promise<Place> {
      const names = {
        '#cap': 'capacity',
        '#confirmed': 'confirmed',
        '#waitlisted': 'waitlisted',
        '#seq': 'waitlistSeq',
        '#hold': `${holdPrefix}${bookingId}`,
      };
      const confirm = () =>
        attempt(
          {
            UpdateExpression: 'SET #confirmed = #confirmed + :one, #hold = :zero',
            ConditionExpression:
              'attribute_exists(#cap) AND #confirmed < #cap AND attribute_not_exists(#hold)',
            ExpressionAttributeNames: {
              '#cap': names['#cap'],
              '#confirmed': names['#confirmed'],
              '#hold': names['#hold'],
            },
            ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
          },
          slotId,
        );
      const waitlist = () =>
        attempt(
          {
            UpdateExpression: 'SET #waitlisted = #waitlisted + :one, #seq = #seq + :one, #hold = #seq + :one',
            ConditionExpression:
              'attribute_exists(#cap) AND #confirmed >= #cap AND #waitlisted < #cap AND attribute_not_exists(#hold)',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':one': 1 },
            // The whole item: the position comes from its holds, with no read after.
            ReturnValues: 'ALL_NEW',
          },
          slotId,
        );
      const waitlisted = (view: LedgerView): Place => {
        const seq = view.holds.get(bookingId) ?? 0;
        return { kind: 'waitlisted', seq, position: waitlistPosition(view, bookingId) ?? 1 };
      };
      const order = options.likelyFull ? [waitlist, confirm] : [confirm, waitlist];
      for (let round = 0; round < maxAttempts; round++) {
        let seen: LedgerView | undefined;
        for (const write of order) {
          const done = await write();
          if (done.ok) {
            return write === confirm ? { kind: 'confirmed' } : waitlisted(toLedgerView(done.attributes));
          }
          seen = done.seen;
          // What the store saw decides whether the other write can succeed at all.
          if (seen && (seen.holds.has(bookingId) || !hasRoom(seen, write === confirm ? 'waitlist' : 'place')))
            break;
        }
        const view = seen ?? (await read(slotId));
        if (!view) throw new Error(`slot ${slotId} vanished during a reservation`);
        const held = view.holds.get(bookingId);
        if (held !== undefined) return held === 0 ? { kind: 'confirmed' } : waitlisted(view);
        if (!hasRoom(view, 'place') && !hasRoom(view, 'waitlist')) return { kind: 'full' };
        // A place or ticket was freed between our writes: go round again.
      }
      throw new Error(`slot ${slotId}: reservation still contended after ${maxAttempts} rounds`);
    },

    /**
     * Gives up what `bookingId` holds. A confirmed place goes to the first in
     * line in the same write (its ticket becomes 0, `waitlisted` − 1,
     * `confirmed` unchanged); with nobody waiting `confirmed` − 1, on condition
     * that the waitlist is still empty. Any condition that fails (a concurrent
     * cancel promoted that booking, someone joined the waitlist) sends us
     * round with a fresh read. 'none' when the booking holds nothing (already
     * released by an earlier, interrupted cancel).
     */
    async release(slotId: string, bookingId: string): Promise<Release> {
      const hold = `${holdPrefix}${bookingId}`;
      for (let round = 0; round < maxAttempts; round++) {
        const view = await read(slotId);
        const seq = view?.holds.get(bookingId);
        if (!view || seq === undefined) return { released: 'none' };
        if (seq > 0) {
          const done = await attempt(
            {
              UpdateExpression: 'REMOVE #hold SET #waitlisted = #waitlisted - :one',
              ConditionExpression: '#hold = :seq',
              ExpressionAttributeNames: { '#hold': hold, '#waitlisted': 'waitlisted' },
              ExpressionAttributeValues: { ':one': 1, ':seq': seq },
            },
            slotId,
          );
          if (done.ok) return { released: 'waitlisted' };
          continue;
        }
        const first = firstInLine(view);
        if (first) {
          const done = await attempt(
            {
              UpdateExpression: 'REMOVE #hold SET #first = :zero, #waitlisted = #waitlisted - :one',
              ConditionExpression: '#hold = :zero AND #first = :firstSeq',
              ExpressionAttributeNames: {
                '#hold': hold,
                '#first': `${holdPrefix}${first.bookingId}`,
                '#waitlisted': 'waitlisted',
              },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':firstSeq': first.seq },
            },
            slotId,
          );
          if (done.ok) return { released: 'confirmed', promoted: first.bookingId };
          continue;
        }
        const done = await attempt(
          {
            UpdateExpression: 'REMOVE #hold SET #confirmed = #confirmed - :one',
            ConditionExpression: '#hold = :zero AND #waitlisted = :zero',
            ExpressionAttributeNames: {
              '#hold': hold,
              '#confirmed': 'confirmed',
              '#waitlisted': 'waitlisted',
            },
            ExpressionAttributeValues: { ':zero': 0, ':one': 1 },
          },
          slotId,
        );
        if (done.ok) return { released: 'confirmed' };
      }
      throw new Error(`slot ${slotId}: release still contended after ${maxAttempts} rounds`);
    },
  };
}

export type SlotLedger = ReturnType<typeof createSlotLedger>;
