import type { AssistanceStatus, DistrictCode } from '@hongjia/shared';
import { conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { createOnce } from '../commons/once';
import { createConversions } from '../commons/store/index';
import type {
  AssistanceEventEntity,
  AssistanceEventItem,
  AssistanceRequestEntity,
  AssistanceRequestItem,
} from './entities';

export type QueueSlice = { district: DistrictCode; status: AssistanceStatus; dueBefore?: string };

/** One event as stored (on its own item, or as the request's newest). */
export type StoredEvent = NonNullable<AssistanceRequestItem['lastEvent']>;
export type NumberedEvent = StoredEvent & { seq: number };

const seqKey = (seq: number) => String(seq).padStart(6, '0');

/** Events recorded on a request: its count, or the length of a pre-issue-12 list. */
export function eventCountOf(item: AssistanceRequestItem): number {
  return item.eventCount ?? item.events?.length ?? 0;
}

/** The newest event, whichever way the item stores it. */
export function lastEventOf(item: AssistanceRequestItem): StoredEvent | undefined {
  return item.lastEvent ?? item.events?.at(-1);
}

const asStored = (event: AssistanceEventItem): NumberedEvent => ({
  seq: event.seq,
  kind: event.kind,
  at: event.at,
  byNameSealed: event.byNameSealed,
  byUserId: event.byUserId,
  ...(event.noteSealed ? { noteSealed: event.noteSealed } : {}),
});

/**
 * Store access of help requests: by id, by family, the district queue, locked
 * changes, and the events, each on its own item (decision 0019).
 */
export function createAssistanceRecords(requests: AssistanceRequestEntity, events: AssistanceEventEntity) {
  const byQueue = createConversions(requests).byAccessPattern.byQueue;

  /** Conditional create of event `seq`; already there (the same event, written by an earlier attempt) is fine. */
  const putEvent = async (requestId: string, seq: number, event: StoredEvent) => {
    try {
      await events.create({ requestId, seq, seqKey: seqKey(seq), ...event }).go();
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  };

  /**
   * Makes every event the item knows its own item before the count moves on:
   * a request written before issue 12 moves its whole list; otherwise only the
   * newest can be missing (a crash between the locked update and its create),
   * and the item holds it whole in `lastEvent`.
   */
  const materialize = async (item: AssistanceRequestItem) => {
    if (item.eventCount === undefined && item.events?.length) {
      const legacy = item.events;
      await Promise.all(legacy.map((event, index) => putEvent(item.requestId, index + 1, event)));
      return;
    }
    const count = eventCountOf(item);
    if (count > 0 && item.lastEvent) await putEvent(item.requestId, count, item.lastEvent);
  };

  return {
    async get(requestId: string): Promise<AssistanceRequestItem | undefined> {
      return (await requests.get({ requestId }).go({ consistent: true })).data ?? undefined;
    },

    /** Conditional create; an earlier attempt of the same operation's request comes back instead. */
    async createOnce(item: AssistanceRequestItem) {
      return createOnce(
        item,
        (fresh) => requests.create(fresh).go(),
        async () =>
          (await requests.get({ requestId: item.requestId }).go({ consistent: true })).data ?? undefined,
      );
    },

    /** The family's requests, newest first (gsi1 sk starts with createdAt). */
    async pageOfFamily(familyId: string, limit: number, cursor: string | undefined) {
      return requests.query
        .byFamily({ familyId })
        .go({ limit, order: 'desc', ...(cursor ? { cursor } : {}) });
    },

    /**
     * One district's queue, earliest deadline first, resuming after `after`.
     * `dueBefore` is a key condition (sk < dueAt prefix), so the overdue list
     * reads only overdue items.
     */
    async pageOfQueue(slice: QueueSlice, limit: number, after: string | undefined) {
      const key = requests.query.byQueue({ district: slice.district, status: slice.status });
      const ranged = slice.dueBefore ? key.lt({ dueAt: slice.dueBefore }) : key;
      const start = after ? queueKeyOf(after) : undefined;
      const cursor = start
        ? byQueue.fromComposite.toCursor({ district: slice.district, status: slice.status, ...start })
        : undefined;
      const page = await ranged.go({ limit, order: 'asc', ...(cursor ? { cursor } : {}) });
      const last =
        page.data.at(-1) ?? (page.cursor ? byQueue.fromCursor.toComposite(page.cursor) : undefined);
      return { items: page.data, next: page.cursor && last ? queuePositionAfter(last) : null };
    },

    /**
     * Records one event under the optimistic lock: the change lands only on the
     * version the caller saw; otherwise 409. Without transactions, in this order:
     * 1. the events the item knows are made their own items (idempotent);
     * 2. the request item moves (count + 1, the event as `lastEvent`, status),
     *    conditional on the version — the one write that decides;
     * 3. the event's own item is created under its sequence number.
     * A crash after 2 leaves the event whole on the request: readers show it from
     * there, and the next event's step 1 writes its item. `composite` re-keys gsi2
     * when the status moves.
     */
    async change(
      item: AssistanceRequestItem,
      changes: Pick<AssistanceRequestItem, 'status' | 'firstRespondedAt'> & { event: StoredEvent },
    ): Promise<{ next: AssistanceRequestItem; seq: number }> {
      await materialize(item);
      const seq = eventCountOf(item) + 1;
      const { event, ...rest } = changes;
      const { events: _legacy, ...kept } = item;
      const next: AssistanceRequestItem = {
        ...kept,
        ...rest,
        eventCount: seq,
        lastEvent: event,
        version: item.version + 1,
      };
      try {
        const patch = requests.patch({ requestId: item.requestId }).set({
          status: next.status,
          eventCount: seq,
          lastEvent: event,
          version: next.version,
          ...(next.firstRespondedAt ? { firstRespondedAt: next.firstRespondedAt } : {}),
        });
        await (item.events ? patch.remove(['events']) : patch)
          .composite({ district: item.district, dueAt: item.dueAt })
          .where(({ version }, { eq }) => eq(version, item.version))
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw staleVersion();
        throw error;
      }
      await putEvent(item.requestId, seq, event);
      return { next, seq };
    },

    /**
     * Names the organisation the request is assigned to (decision 0035), under the same
     * optimistic lock as an event: only on the version the caller saw, else 409.
     */
    async assign(
      item: AssistanceRequestItem,
      assignment: Required<
        Pick<
          AssistanceRequestItem,
          | 'assignedOrgId'
          | 'assignedAt'
          | 'assignmentConsentAt'
          | 'assignmentConsentUserId'
          | 'assignmentContactSealed'
        >
      >,
    ): Promise<AssistanceRequestItem> {
      const version = item.version + 1;
      try {
        await requests
          .patch({ requestId: item.requestId })
          .set({ ...assignment, version })
          .where(({ version: stored }, { eq }) => eq(stored, item.version))
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw staleVersion();
        throw error;
      }
      return { ...item, ...assignment, version };
    },

    /**
     * A page of a request's events, oldest first, after sequence number `after`.
     * Only events the request counts are shown; the newest comes from the request
     * item when its own item is not there yet (step 3 above did not run).
     */
    async eventsPage(
      item: AssistanceRequestItem,
      limit: number,
      after: number,
    ): Promise<{ items: NumberedEvent[]; more: boolean }> {
      const count = eventCountOf(item);
      if (item.eventCount === undefined) {
        const legacy = (item.events ?? []).map((event, index) => ({ ...event, seq: index + 1 }));
        const items = legacy.filter((e) => e.seq > after).slice(0, limit);
        return { items, more: (items.at(-1)?.seq ?? count) < count };
      }
      const found = await events.query
        .byRequest({ requestId: item.requestId })
        .gt({ seqKey: seqKey(after) })
        .go({ limit, order: 'asc' });
      const items = found.data.map(asStored).filter((e) => e.seq <= count);
      const lastSeq = items.at(-1)?.seq ?? after;
      if (items.length < limit && lastSeq < count && item.lastEvent) {
        items.push({ ...item.lastEvent, seq: count });
      }
      return { items, more: (items.at(-1)?.seq ?? count) < count };
    },
  };
}

/**
 * A queue position: the key of the last item read, as short as it can be —
 * a city list cursor carries one per district and must stay under 2 KB.
 */
export function queuePositionAfter(key: { dueAt?: string; requestId?: string }): string {
  return `${key.dueAt}~${key.requestId}`;
}

function queueKeyOf(position: string): { dueAt: string; requestId: string } | undefined {
  const [dueAt, requestId, extra] = position.split('~');
  return dueAt && requestId && extra === undefined ? { dueAt, requestId } : undefined;
}

export const staleVersion = () =>
  conflict('该求助已被他人处理或已更新，请刷新后重试', [
    { path: 'body.expectedVersion', message: '版本已过期' },
  ]);

export type AssistanceRecords = ReturnType<typeof createAssistanceRecords>;
