import { type ConflictSideStatus, districtByCode } from '@hongjia/shared';
import { conflict, isAppError } from '../commons/errors';
import type { Guards } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type { ConflictEvidence, ConflictItem, ConflictParties, ConflictRecords } from '../conflicts';
import { sealSide } from '../conflicts';
import type { SubsidyItem } from './entity';
import { conflictCheckedMessage, voidedComment } from './messages';
import type { SubsidyChanges, SubsidyRecords } from './records';

export interface SubsidyConflictDeps {
  records: SubsidyRecords;
  guards: Guards;
  conflicts: ConflictRecords;
  evidence: ConflictEvidence;
  cipher: () => Promise<PiiCipher>;
}

const sideStatus: Record<SubsidyItem['status'], ConflictSideStatus> = {
  checking: 'pending_review',
  pending_review: 'pending_review',
  approved: 'approved',
  rejected: 'rejected',
  conflict: 'on_hold',
  voided: 'voided',
};

/** An application that holds its child's claim (or is about to): anything but refused, voided or on hold. */
export const holdsClaim = (item: SubsidyItem) =>
  item.status === 'checking' || item.status === 'pending_review' || item.status === 'approved';

/**
 * 育儿补贴 conflicts (decision 0013): another applicant's application for a
 * child already claimed is recorded beside the holder and waits as `conflict`
 * for the child's household district. Each side carries what it filed (masked)
 * and the evidence the system holds that its applicant is a parent of a child
 * born that day. Resolving voids one side (its guard released) and sends the
 * other on: an application on hold claims the child and goes to ordinary
 * review; the holder goes on as it was (under review, or approved).
 */
export function createSubsidyConflicts(deps: SubsidyConflictDeps) {
  const { records, guards, conflicts, evidence } = deps;

  /** A side as staff will see it: masked copies in clear, the birth date and the evidence sealed. */
  const sideOf = async (item: SubsidyItem) => {
    const cipher = await deps.cipher();
    const child = {
      birthDate: item.childBirthDate,
      name: await cipher.open(item.childNameSealed, 'subsidy.childName'),
    };
    const [registrations, bundles] = await Promise.all([
      evidence.registrations(item.userId, child, { filedCounts: false }),
      evidence.bundles(item.userId, child),
    ]);
    return {
      recordId: item.subsidyId,
      userId: item.userId,
      applicantNameMasked: item.applicantNameMasked,
      label: item.childNameMasked,
      filedAt: item.submittedAt,
      facts: [
        { label: '儿童', value: item.childNameMasked },
        { label: '身份证号', value: item.childIdMasked },
        { label: '户籍地', value: districtByCode(item.jurisdiction).name },
        {
          label: '补贴',
          value: `${item.months} 个月，${item.amountYuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} 元`,
        },
      ],
      evidence: [],
      sealed: await sealSide(cipher, {
        facts: [{ label: '出生日期', value: item.childBirthDate }],
        evidence: [...registrations, ...bundles],
      }),
    };
  };

  /** Records that `later` (another applicant's) claims the child `holder` holds; the holder's district decides. */
  const record = async (holder: SubsidyItem, later: SubsidyItem, now: Date): Promise<ConflictItem> =>
    conflicts.record({
      kind: 'childcare_subsidy',
      district: holder.jurisdiction,
      subjectKey: holder.childIdHash,
      subjectMasked: holder.childIdMasked,
      first: await sideOf(holder),
      second: await sideOf(later),
      createdAt: now.toISOString(),
    });

  /** One locked move from whatever the application is now; `undefined` changes: nothing to do. */
  const settle = async (
    subsidyId: string,
    changes: (item: SubsidyItem) => SubsidyChanges | undefined,
    now: Date,
  ) => {
    for (let round = 0; round < 3; round++) {
      const item = await records.get(subsidyId);
      const change = item && changes(item);
      if (!item || !change) return;
      try {
        await records.move(item, change, now);
        return;
      } catch (error) {
        if (!(isAppError(error) && error.code === 'CONFLICT')) throw error;
      }
    }
    throw conflict('该申请正在被更新，请稍后再试');
  };

  const parties: ConflictParties = {
    kind: 'childcare_subsidy',
    subjectType: 'childcareSubsidy',

    async statuses(recordIds) {
      if (!recordIds.length) return new Map();
      const found = await records.subsidies.get(recordIds.map((subsidyId) => ({ subsidyId }))).go();
      return new Map(found.data.map((item) => [item.subsidyId, sideStatus[item.status]]));
    },

    async voidSide(item, side, now) {
      await settle(
        side.recordId,
        (application) =>
          application.status === 'voided'
            ? undefined
            : {
                status: 'voided',
                comment: voidedComment,
                reviewedAt: now.toISOString(),
                ...(item.resolvedBy ? { reviewedBy: item.resolvedBy } : {}),
                // No yearly confirmation is owed on a voided application.
                renewalDueOn: '',
                renewalMonth: '',
              },
        now,
      );
      await guards.release('childcare-subsidy', item.subjectKey, side.recordId);
    },

    async proceed(_item, side, now) {
      const application = await records.get(side.recordId);
      if (application?.status !== 'conflict') return; // the holder goes on as it was
      for (let round = 0; round < 3; round++) {
        const claim = await guards.claim(
          'childcare-subsidy',
          application.childIdHash,
          { ownerId: application.userId, targetId: application.subsidyId },
          now,
        );
        if (claim.claimed || claim.holder?.targetId === application.subsidyId) {
          await settle(
            application.subsidyId,
            (current) => (current.status === 'conflict' ? { status: 'pending_review' } : undefined),
            now,
          );
          return;
        }
        if (!claim.holder) continue;
        const held = await records.get(claim.holder.targetId);
        if (held && holdsClaim(held)) {
          // A third application took the child meanwhile: that is a conflict of its own.
          await record(held, application, now);
          return;
        }
        await guards.release('childcare-subsidy', application.childIdHash, claim.holder.targetId);
      }
      throw conflict('该孩子的育儿补贴申请正在处理中，请稍后再试');
    },

    message: (_item, side, outcome) => conflictCheckedMessage(side.label, outcome),
  };

  return { record, parties };
}

export type SubsidyConflicts = ReturnType<typeof createSubsidyConflicts>;
