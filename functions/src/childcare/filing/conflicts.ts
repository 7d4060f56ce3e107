import { type ConflictSideStatus, districtByCode, maskName } from '@hongjia/shared';
import { conflict } from '../../commons/errors';
import { type Guards, isConditionFailure } from '../../commons/guards';
import type { UserStore } from '../../commons/users';
import type { ConflictItem, ConflictParties, ConflictRecords } from '../../conflicts';
import type { InstitutionEntity, InstitutionItem } from '../entities';
import { providerHomePage } from './messages';
import { holdsCreditCode } from './service';

export interface FilingConflictDeps {
  institutions: InstitutionEntity;
  guards: Guards;
  conflicts: ConflictRecords;
  users: UserStore;
}

const sideStatus: Record<InstitutionItem['status'], ConflictSideStatus> = {
  checking: 'pending_review',
  pending_review: 'pending_review',
  published: 'published',
  rejected: 'rejected',
  conflict: 'on_hold',
  voided: 'voided',
};

/** The provider's word on a voided filing (its detail and its message): nothing about the other side. */
export const voidedReason = '经工作人员核对，该备案未予受理。如有疑问，请咨询机构所在地县区卫生健康委员会。';

/**
 * Credit-code conflicts (decision 0013): another provider's filing of a code
 * already claimed waits as `conflict` beside the holder, for the holder's
 * district. Each side shows the institution as filed (name, address, district,
 * places) and the provider account (masked); the system holds no evidence of
 * who owns a code, so staff check the business licence. Resolving voids one
 * side — taken out of search if it was published, its code released — and the
 * other goes on: a filing on hold claims the code and goes to ordinary review.
 * Bookings already made at a voided institution stay for staff to settle.
 */
export function createFilingConflicts(deps: FilingConflictDeps) {
  const { institutions, guards, conflicts, users } = deps;
  const get = async (institutionId: string) =>
    (await institutions.get({ institutionId }).go({ consistent: true })).data ?? undefined;

  const sideOf = async (item: InstitutionItem) => {
    const account = await users.get(item.providerId);
    const places = item.classes.reduce((sum, c) => sum + c.capacity, 0);
    return {
      recordId: item.institutionId,
      userId: item.providerId,
      applicantNameMasked: maskName(account?.displayName ?? '未署名账号'),
      label: item.name,
      filedAt: item.createdAt,
      facts: [
        { label: '机构名称', value: item.name },
        { label: '地址', value: item.address },
        { label: '所在县区', value: districtByCode(item.district).name },
        { label: '托位', value: `${places} 个${item.affordable ? '（普惠）' : ''}` },
      ],
      evidence: [],
    };
  };

  /** Records that `later` (another provider's) files the credit code `holder` holds. */
  const record = async (holder: InstitutionItem, later: InstitutionItem, now: Date): Promise<ConflictItem> =>
    conflicts.record({
      kind: 'credit_code',
      district: holder.district,
      subjectKey: holder.creditCode,
      subjectMasked: holder.creditCode,
      first: await sideOf(holder),
      second: await sideOf(later),
      createdAt: now.toISOString(),
    });

  /** One conditional write from the status read; retried when it moved meanwhile. */
  const settle = async (
    institutionId: string,
    change: (item: InstitutionItem) => ((item: InstitutionItem) => Promise<void>) | undefined,
  ) => {
    for (let round = 0; round < 3; round++) {
      const item = await get(institutionId);
      const write = item && change(item);
      if (!item || !write) return;
      try {
        await write(item);
        return;
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw conflict('该备案正在被更新，请稍后再试');
  };

  const parties: ConflictParties = {
    kind: 'credit_code',
    subjectType: 'institution',

    async statuses(recordIds) {
      if (!recordIds.length) return new Map();
      const found = await institutions.get(recordIds.map((institutionId) => ({ institutionId }))).go();
      return new Map(found.data.map((item) => [item.institutionId, sideStatus[item.status]]));
    },

    async voidSide(conflictItem, side) {
      await settle(side.recordId, (item) =>
        item.status === 'voided'
          ? undefined
          : async (current) => {
              // Published: `cell` and `cell4` go too, which takes it out of search (the sparse indexes).
              const update = institutions
                .patch({ institutionId: current.institutionId })
                .composite({ createdAt: current.createdAt })
                .set({ status: 'voided', reviewReason: voidedReason });
              await (current.cell ? update.remove(['cell', 'cell4', 'publishedAt']) : update)
                .where((attr, op) => op.eq(attr.status, current.status))
                .go();
            },
      );
      await guards.release('credit-code', conflictItem.subjectKey, side.recordId);
    },

    async proceed(conflictItem, side, now) {
      const filing = await get(side.recordId);
      if (filing?.status !== 'conflict') return; // the holder goes on as it was
      for (let round = 0; round < 3; round++) {
        const claim = await guards.claim(
          'credit-code',
          conflictItem.subjectKey,
          { ownerId: filing.providerId, targetId: filing.institutionId },
          now,
        );
        if (claim.claimed || claim.holder?.targetId === filing.institutionId) {
          await settle(filing.institutionId, (item) =>
            item.status === 'conflict'
              ? async (current) => {
                  await institutions
                    .patch({ institutionId: current.institutionId })
                    .composite({ createdAt: current.createdAt })
                    .set({ status: 'pending_review' })
                    .where((attr, op) => op.eq(attr.status, 'conflict'))
                    .go();
                }
              : undefined,
          );
          return;
        }
        if (!claim.holder) continue;
        const held = await get(claim.holder.targetId);
        if (held && holdsCreditCode(held)) {
          // A third provider's filing took the code meanwhile: that is a conflict of its own.
          await record(held, filing, now);
          return;
        }
        await guards.release('credit-code', conflictItem.subjectKey, claim.holder.targetId);
      }
      throw conflict('该统一社会信用代码的备案正在处理中，请稍后再试');
    },

    message: (_item, side, outcome) => ({
      kind: 'case_checked',
      title: '机构备案核对结果',
      body:
        outcome === 'voided'
          ? `经工作人员核对，${side.label}的备案未予受理。如有疑问，请咨询机构所在地县区卫生健康委员会。`
          : `经工作人员核对，${side.label}的备案继续办理，结果以机构工作台中显示为准。`,
      link: providerHomePage,
    }),
  };

  return { record, parties };
}

export type FilingConflicts = ReturnType<typeof createFilingConflicts>;
