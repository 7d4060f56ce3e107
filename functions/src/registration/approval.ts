import type { CertificateItems } from '../certificates';
import { conflict } from '../commons/errors';
import type { GuardEntity, Guards } from '../commons/guards';
import type { RegistrationMonitoringHook } from '../monitoring';
import { certificateIdFor, issueCertificate } from './certificate-issue';
import type { RegistrationItem, RegistrationItemStatus } from './entity';
import type { RegistrationRecords } from './records';
import type { StatusChangeEntry } from './views';

/** A claim this old whose registration never got approved was left by a crash. */
const staleClaimMs = 60_000;

export function pregnancyKey(item: Pick<RegistrationItem, 'motherIdHash' | 'parity'>): string {
  return `${item.motherIdHash}#${item.parity}`;
}

export type ApprovalOutcome =
  | { approved: true; item: RegistrationItem }
  | { approved: false; heldBy: string };

/**
 * "Never two approvals for one pregnancy" without transactions (decision
 * 0008): approving first claims the `pregnancy` guard for (mother's keyed
 * hash, parity) with a conditional put — one approved registration per
 * mother and child number, whoever races. Then the registration moves to
 * approved (locked on its version) carrying the derived certificate id, then
 * the certificate item is written. A failed move gives the claim back.
 */
export function createApproval(deps: {
  records: RegistrationRecords;
  guards: Guards;
  guardEntity: GuardEntity;
  certificates: CertificateItems;
  /** Population monitoring is told of approvals and voids (its coverage of deliveries; never throws). */
  monitoring?: RegistrationMonitoringHook;
}) {
  const { records, guards, guardEntity, certificates, monitoring } = deps;

  /** The claim's holder may be replaced when its registration is gone, undone, or stuck past the crash window. */
  const isStale = async (key: string, holderId: string, now: Date): Promise<boolean> => {
    const held = await records.get(holderId);
    if (!held || held.status === 'rejected' || held.status === 'returned' || held.status === 'voided')
      return true;
    if (held.status === 'approved') return false;
    const claim = (await guardEntity.get({ scope: 'pregnancy', key }).go({ consistent: true })).data;
    return !claim || now.getTime() - Date.parse(claim.createdAt) > staleClaimMs;
  };

  const claim = async (item: RegistrationItem, now: Date): Promise<string | undefined> => {
    const key = pregnancyKey(item);
    for (let round = 0; round < 3; round++) {
      const result = await guards.claim(
        'pregnancy',
        key,
        { ownerId: item.userId, targetId: item.registrationId },
        now,
      );
      if (result.claimed || result.holder?.targetId === item.registrationId) return undefined;
      if (!result.holder) continue;
      if (!(await isStale(key, result.holder.targetId, now))) return result.holder.targetId;
      await guards.release('pregnancy', key, result.holder.targetId);
    }
    throw conflict('同一妊娠的登记正在处理中，请稍后再试');
  };

  return {
    async approve(
      item: RegistrationItem,
      from: { version: number; status: RegistrationItemStatus },
      change: StatusChangeEntry,
      now: Date,
    ): Promise<ApprovalOutcome> {
      const heldBy = await claim(item, now);
      if (heldBy) return { approved: false, heldBy };
      let approved: RegistrationItem;
      try {
        approved = await records.move(item, from, {
          status: 'approved',
          certificateId: certificateIdFor(item.registrationId),
          history: [...item.history, change],
          updatedAt: now.toISOString(),
        });
      } catch (error) {
        await guards.release('pregnancy', pregnancyKey(item), item.registrationId);
        throw error;
      }
      await issueCertificate(certificates, approved, now);
      await monitoring?.changed(approved, now);
      return { approved: true, item: approved };
    },

    /** Gives the claim back when a registration leaves the path to approval (returned, rejected, voided). */
    async release(item: RegistrationItem): Promise<void> {
      await guards.release('pregnancy', pregnancyKey(item), item.registrationId);
      if (item.status === 'voided') await monitoring?.changed(item, new Date());
    },

    /** Repairs an approval interrupted between the move and the certificate write. */
    async ensureCertificate(item: RegistrationItem, now: Date): Promise<void> {
      if (item.status !== 'approved' || !item.certificateId) return;
      const existing = await certificates.certificates
        .get({ certificateId: item.certificateId })
        .go({ consistent: true });
      if (!existing.data) await issueCertificate(certificates, item, now);
    },
  };
}

export type Approval = ReturnType<typeof createApproval>;
