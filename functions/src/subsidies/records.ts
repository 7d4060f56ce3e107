import { conflict } from '../commons/errors';
import { isConditionFailure } from '../commons/guards';
import type { SubsidyEntity, SubsidyItem, SubsidyItemStatus } from './entity';

/** What a move may change; everything else on an application is fixed when it is filed. */
export type SubsidyChanges = Partial<
  Pick<
    SubsidyItem,
    | 'reviewedAt'
    | 'reviewedBy'
    | 'comment'
    | 'renewalDueOn'
    | 'renewalMonth'
    | 'renewalRemindedFor'
    | 'payments'
  >
> & { status?: SubsidyItemStatus };

const staleMessage = '该申请已被他人处理或已更新，请刷新后重试';

/** Store access of the subsidies group: reads by key, creation, and the locked move every change goes through. */
export function createSubsidyRecords(subsidies: SubsidyEntity) {
  return {
    subsidies,

    async get(subsidyId: string): Promise<SubsidyItem | undefined> {
      return (await subsidies.get({ subsidyId }).go({ consistent: true })).data ?? undefined;
    },

    async create(item: SubsidyItem): Promise<void> {
      await subsidies.create(item).go();
    },

    /** Removes an application that never got past `checking` (its child was already applied for). */
    async discard(subsidyId: string): Promise<void> {
      try {
        await subsidies
          .delete({ subsidyId })
          .where((attr, op) => op.eq(attr.status, 'checking'))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /**
     * The optimistic lock: one UpdateItem conditional on the version (and
     * status) the caller saw, version + 1; anything else is 409 CONFLICT. The
     * whole mutable state is written each time, so the byRenewal index
     * condition always sees every attribute it reads.
     */
    async move(item: SubsidyItem, changes: SubsidyChanges, now: Date): Promise<SubsidyItem> {
      const next: SubsidyItem = {
        ...item,
        ...changes,
        version: item.version + 1,
        updatedAt: now.toISOString(),
      };
      try {
        await subsidies
          .patch({ subsidyId: item.subsidyId })
          .set({
            status: next.status,
            version: next.version,
            renewalDueOn: next.renewalDueOn,
            renewalMonth: next.renewalMonth,
            renewalRemindedFor: next.renewalRemindedFor,
            updatedAt: next.updatedAt,
            ...(next.reviewedAt ? { reviewedAt: next.reviewedAt } : {}),
            ...(next.reviewedBy ? { reviewedBy: next.reviewedBy } : {}),
            ...(next.comment ? { comment: next.comment } : {}),
            ...(next.payments ? { payments: next.payments } : {}),
          })
          .composite({ userId: item.userId, jurisdiction: item.jurisdiction, submittedAt: item.submittedAt })
          .where((attr, op) => `${op.eq(attr.version, item.version)} AND ${op.eq(attr.status, item.status)}`)
          .go();
      } catch (error) {
        if (isConditionFailure(error)) {
          throw conflict(staleMessage, [{ path: 'body.expectedVersion', message: '版本已过期' }]);
        }
        throw error;
      }
      return next;
    },
  };
}

export type SubsidyRecords = ReturnType<typeof createSubsidyRecords>;
