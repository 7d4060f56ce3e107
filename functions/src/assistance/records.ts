import type { AssistanceStatus, DistrictCode } from '@hongjia/shared';
import { createConversions } from 'electrodb';
import { conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { createOnce } from '../commons/once';
import type { AssistanceRequestEntity, AssistanceRequestItem } from '../families/entities';

export type QueueSlice = { district: DistrictCode; status: AssistanceStatus; dueBefore?: string };

/** Store access of help requests: by id, by family, the district queue, locked changes. */
export function createAssistanceRecords(requests: AssistanceRequestEntity) {
  const byQueue = createConversions(requests).byAccessPattern.byQueue;
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
     * The optimistic lock: the change lands only on the version the caller saw;
     * otherwise 409. `composite` re-keys gsi2 when the status moves.
     */
    async change(
      item: AssistanceRequestItem,
      changes: Pick<AssistanceRequestItem, 'status' | 'firstRespondedAt' | 'events'>,
    ): Promise<AssistanceRequestItem> {
      const next: AssistanceRequestItem = { ...item, ...changes, version: item.version + 1 };
      try {
        await requests
          .patch({ requestId: item.requestId })
          .set({
            status: next.status,
            events: next.events,
            version: next.version,
            ...(next.firstRespondedAt ? { firstRespondedAt: next.firstRespondedAt } : {}),
          })
          .composite({ district: item.district, dueAt: item.dueAt })
          .where(({ version }, { eq }) => eq(version, item.version))
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw staleVersion();
        throw error;
      }
      return next;
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
