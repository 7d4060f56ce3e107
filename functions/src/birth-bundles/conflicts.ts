import { type ConflictSideStatus, districtByCode } from '@hongjia/shared';
import { type Guards, isConditionFailure } from '../commons/guards';
import type { PiiCipher } from '../commons/pii';
import type { ConflictEvidence, ConflictItem, ConflictParties, ConflictRecords } from '../conflicts';
import { sealSide } from '../conflicts';
import type { NotificationMessage } from '../notifications';
import type { RegistrationEntity } from '../registration';
import { type BundleItem, type BundleStatus, bundleDetailsField } from './entities';
import type { BirthDetails } from './payloads';
import { type BundleRecords, holdsCertificate, statusOf } from './records';

export interface BundleConflictDeps {
  records: BundleRecords;
  guards: Guards;
  conflicts: ConflictRecords;
  evidence: ConflictEvidence;
  registrations: RegistrationEntity;
  cipher: () => Promise<PiiCipher>;
}

const sideStatus: Record<BundleStatus, ConflictSideStatus> = {
  checking: 'handing_off',
  active: 'handing_off',
  held: 'on_hold',
  voided: 'voided',
};

/** The family's word on a voided bundle (its view and its message): nothing about another family. */
export const voidedNotice =
  '经工作人员核对，本次出生一件事未予办理。如有疑问，请携出生医学证明咨询户籍所在地县区卫生健康委员会。';
const stoppedMessage = '经工作人员核对，已停止办理';
const progressLink = (bundleId: string) => `/packages/family/pages/birth-bundle/progress?id=${bundleId}`;

/**
 * 出生一件事 conflicts (decision 0013): another family's bundle naming a
 * certificate already claimed waits `held` beside the holder, for the
 * holder's household district. Each side shows the child (masked), the birth
 * date and hospital, and the evidence: registrations the family filed, or that
 * name its bound person as a parent, for a pregnancy that fits the birth date.
 * Resolving voids one side — its undelivered items stop, its certificate claim
 * is released — and the other goes on: a held bundle claims the certificate
 * and its items are queued for the agencies. Items an agency already accepted
 * for a voided bundle cannot be recalled from here; staff tell the agency.
 */
export function createBundleConflicts(deps: BundleConflictDeps) {
  const { records, guards, conflicts, evidence } = deps;

  const detailsOf = async (bundle: BundleItem) =>
    JSON.parse(await (await deps.cipher()).open(bundle.sealedDetails, bundleDetailsField)) as BirthDetails;

  /** A side as staff will see it: masked copies in clear; birth date, hospital and evidence sealed. */
  const sideOf = async (bundle: BundleItem) => {
    const details = await detailsOf(bundle);
    const child = { birthDate: details.childBirthDate, name: details.childName };
    const notes = await evidence.registrations(bundle.userId, child, { filedCounts: true });
    if (bundle.registrationId) {
      const named = (await deps.registrations.get({ registrationId: bundle.registrationId }).go()).data;
      const note = named && `申报时关联了本人提交的生育登记 ${named.receiptNo}`;
      if (note && named.userId === bundle.userId && !notes.some((n) => n.includes(named.receiptNo))) {
        notes.push(note);
      }
    }
    return {
      recordId: bundle.bundleId,
      userId: bundle.userId,
      applicantNameMasked: (await evidence.applicantName(bundle.userId)) ?? '未实名认证用户',
      label: bundle.childNameMasked,
      filedAt: bundle.createdAt,
      facts: [
        { label: '孩子', value: bundle.childNameMasked },
        { label: '户籍地', value: districtByCode(bundle.householdDistrict).name },
      ],
      evidence: [],
      sealed: await sealSide(await deps.cipher(), {
        facts: [
          { label: '出生日期', value: details.childBirthDate },
          { label: '出生医院', value: details.hospital },
        ],
        evidence: notes,
      }),
    };
  };

  /** Records that `later` (another family's) names the certificate `holder` holds. */
  const record = async (holder: BundleItem, later: BundleItem, now: Date): Promise<ConflictItem> =>
    conflicts.record({
      kind: 'birth_bundle',
      district: holder.householdDistrict,
      subjectKey: holder.certificateHash ?? later.certificateHash ?? '',
      subjectMasked: later.certificateMasked ?? holder.certificateMasked ?? '',
      first: await sideOf(holder),
      second: await sideOf(later),
      createdAt: now.toISOString(),
    });

  /** Stops what has not gone to an agency yet; what is on its way or accepted stays as it is. */
  const stopItems = async (bundleId: string, now: Date) => {
    const { data } = await records.outbox.query.byBundle({ bundleId }).go({ pages: 'all' });
    for (const item of data) {
      if (item.status !== 'queued' && item.status !== 'retrying') continue;
      try {
        await records.outbox
          .patch({ bundleId, kind: item.kind })
          .set({
            status: 'failed',
            lastError: stoppedMessage,
            dueAt: now.toISOString(),
            updatedAt: now.toISOString(),
          })
          .composite({ shard: item.shard })
          .where((a, op) => `${op.eq(a.status, 'queued')} OR ${op.eq(a.status, 'retrying')}`)
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
  };

  const message = (
    side: { recordId: string; label: string },
    outcome: 'stands' | 'voided',
  ): NotificationMessage => ({
    kind: 'case_checked',
    title: '出生一件事核对结果',
    body:
      outcome === 'voided'
        ? `经工作人员核对，${side.label}的出生一件事未予办理。如有疑问，请携出生医学证明咨询户籍所在地县区卫生健康委员会。`
        : `经工作人员核对，${side.label}的出生一件事继续办理，可在办理进度中查看各部门受理情况。`,
    link: progressLink(side.recordId),
  });

  const parties: ConflictParties = {
    kind: 'birth_bundle',
    subjectType: 'birthBundle',

    async statuses(recordIds) {
      if (!recordIds.length) return new Map();
      const found = await records.bundles.get(recordIds.map((bundleId) => ({ bundleId }))).go();
      return new Map(found.data.map((bundle) => [bundle.bundleId, sideStatus[statusOf(bundle)]]));
    },

    async voidSide(item, side, now) {
      const bundle = await records.get(side.recordId);
      if (bundle && statusOf(bundle) !== 'voided') {
        await records.move(bundle, statusOf(bundle), 'voided', now, voidedNotice);
      }
      await stopItems(side.recordId, now);
      await guards.release('birth-bundle', item.subjectKey, side.recordId);
    },

    async proceed(item, side, now) {
      const bundle = await records.get(side.recordId);
      if (!bundle) return;
      if (statusOf(bundle) === 'active') {
        await records.queueItems(bundle, now);
        return;
      }
      if (statusOf(bundle) !== 'held') return;
      for (let round = 0; round < 3; round++) {
        const claim = await guards.claim(
          'birth-bundle',
          item.subjectKey,
          { ownerId: bundle.userId, targetId: bundle.bundleId },
          now,
        );
        if (claim.claimed || claim.holder?.targetId === bundle.bundleId) {
          await records.move(bundle, 'held', 'active', now);
          await records.queueItems(bundle, now);
          return;
        }
        if (!claim.holder) continue;
        const held = await records.get(claim.holder.targetId);
        if (held && holdsCertificate(held)) {
          // A third family's bundle took the certificate meanwhile: that is a conflict of its own.
          await record(held, bundle, now);
          return;
        }
        await guards.release('birth-bundle', item.subjectKey, claim.holder.targetId);
      }
    },

    message: (_item, side, outcome) => message(side, outcome),
  };

  return { record, parties };
}

export type BundleConflicts = ReturnType<typeof createBundleConflicts>;
