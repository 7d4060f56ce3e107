import { createHash } from 'node:crypto';
import type { DistrictCode } from '@hongjia/shared';
import { AppError, conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import { pageAcross, partitionPage } from '../commons/paging';
import type { ConflictEntity, ConflictItem } from './entity';

export type ConflictKind = ConflictItem['kind'];
export type NewConflict = Omit<ConflictItem, 'conflictId' | 'status' | 'version' | 'updatedAt'>;

/** One conflict per pair of records, whoever records it and however often. */
export function conflictIdOf(kind: ConflictKind, firstId: string, secondId: string): string {
  return `cfl_${createHash('sha256').update(`${kind}|${firstId}|${secondId}`).digest('hex').slice(0, 20)}`;
}

/** What staff see while a conflict holds a claimed record's ordinary review, payment or decision. */
export const conflictPending = () =>
  new AppError('CONFLICT_PENDING', '该事项另有一份申请待核对，请先在「申请冲突核对」中处理', []);

/** Store access of the conflict queues: record once, read, list by district, resolve under the lock. */
export function createConflictRecords(conflicts: ConflictEntity) {
  const get = async (conflictId: string): Promise<ConflictItem | undefined> =>
    (await conflicts.get({ conflictId }).go({ consistent: true })).data ?? undefined;

  return {
    get,

    /** Records the conflict (conditional create); a retry finds the first one and returns it. */
    async record(conflict: NewConflict): Promise<ConflictItem> {
      const item: ConflictItem = {
        ...conflict,
        conflictId: conflictIdOf(conflict.kind, conflict.first.recordId, conflict.second.recordId),
        status: 'open',
        version: 1,
        updatedAt: conflict.createdAt,
      };
      try {
        await conflicts.create(item).go();
        return item;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        return (await get(item.conflictId)) ?? item;
      }
    },

    /**
     * Whether a conflict on this child, certificate or credit code still waits
     * for a person. Read from gsi2 (eventually consistent: a conflict recorded
     * within the last moment may not be seen yet; the resolution re-checks
     * every record under its own conditions).
     */
    async openOn(kind: ConflictKind, subjectKey: string): Promise<boolean> {
      const found = await conflicts.query.bySubject({ kind, subjectKey }).go({ pages: 'all' });
      return found.data.some((item) => item.status === 'open');
    },

    /** A page of one kind's conflicts in the given districts, oldest first. */
    async list(
      kind: ConflictKind,
      districts: readonly DistrictCode[],
      query: { status: ConflictItem['status']; limit: number; cursor?: string | undefined },
    ) {
      return pageAcross(districts, query, (district, limit, cursor) =>
        partitionPage(conflicts.query.byQueue({ kind, district, status: query.status }), {
          limit,
          cursor,
          order: 'asc',
        }),
      );
    },

    /** open → resolved, once: conditional on the version the reviewer saw and on `open`. */
    async resolve(
      item: ConflictItem,
      resolution: { standing: 'first' | 'second'; resolvedBy: string; comment: string },
      now: Date,
    ): Promise<ConflictItem> {
      const next: ConflictItem = {
        ...item,
        ...resolution,
        status: 'resolved',
        resolvedAt: now.toISOString(),
        version: item.version + 1,
        updatedAt: now.toISOString(),
      };
      try {
        await conflicts
          .patch({ conflictId: item.conflictId })
          .set({
            status: next.status,
            version: next.version,
            standing: resolution.standing,
            resolvedAt: next.resolvedAt as string,
            resolvedBy: resolution.resolvedBy,
            comment: resolution.comment,
            updatedAt: next.updatedAt,
          })
          .composite({ kind: item.kind, district: item.district, createdAt: item.createdAt })
          .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, 'open')}`)
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('该冲突已被他人处理或已更新，请刷新后重试');
        throw error;
      }
      return next;
    },
  };
}

export type ConflictRecords = ReturnType<typeof createConflictRecords>;
