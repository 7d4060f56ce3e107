import type { SessionUser } from '@hongjia/shared';
import type { CertificateItems } from '../certificates';
import { type AccessChecks, covers, type Jurisdiction } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { conflict, notFound } from '../commons/errors';
import type { Approval } from './approval';
import { revokeCertificate } from './certificate-issue';
import type { RegistrationItem } from './entity';
import { officeName } from './office';
import type { RegistrationRecords } from './records';
import type { StatusChangeEntry } from './views';

export interface VoidRequest {
  reason: string;
  expectedVersion: number;
}

/**
 * 作废 (decision 0011): staff of the jurisdiction undo an approval that should
 * not have been made (a pregnancy filed under a mistyped or someone else's
 * number), so the rightful filing can be approved:
 * 1. the audit trail gets the entry first (no void without it);
 * 2. approved → voided, locked on `version` like every move, the reason in the
 *    history under the office's name (the family reads it);
 * 3. the certificate is revoked (it verifies as invalid from then on);
 * 4. the `pregnancy` guard is released;
 * 5. the family is notified.
 * A retry of the same void after a failure past step 2 (same version seen,
 * same reason) skips 1–2 and finishes 3–5, each of which is idempotent.
 */
export function createVoiding(deps: {
  records: RegistrationRecords;
  approval: Approval;
  certificates: CertificateItems;
  audit: AuditTrail;
  access: AccessChecks;
  notify: (item: RegistrationItem, now: Date) => Promise<void>;
}) {
  const { records, approval, certificates, audit, access, notify } = deps;

  const isThisVoid = (item: RegistrationItem, request: VoidRequest) => {
    const last = item.history.at(-1);
    return (
      item.status === 'voided' &&
      item.version === request.expectedVersion + 1 &&
      last?.status === 'voided' &&
      last.comment === request.reason
    );
  };

  return {
    async voidApproval(
      caller: SessionUser,
      registrationId: string,
      request: VoidRequest,
      now: Date,
      trace: {
        requestId: string;
        sourceIp: string;
        /** 403 OWN_CASE when the caller filed it or is a parent named in it. */
        refuseOwn: (caller: SessionUser, item: RegistrationItem) => Promise<void>;
      },
    ): Promise<{ item: RegistrationItem; jurisdiction: Jurisdiction }> {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await records.get(registrationId);
      if (!item || !covers(jurisdiction, item.jurisdiction)) throw notFound('未找到该登记');
      await trace.refuseOwn(caller, item);
      let voided = item;
      if (!isThisVoid(item, request)) {
        if (item.version !== request.expectedVersion) {
          throw conflict('该登记已被他人处理或已更新，请刷新后重试', [
            { path: 'body.expectedVersion', message: '版本已过期' },
          ]);
        }
        if (item.status !== 'approved') throw conflict('只有已通过的登记可以作废');
        // The reason stays in the history only: the trail holds no free text that could name a person.
        await audit.record(
          caller,
          {
            subjectType: 'registration',
            subjectId: registrationId,
            action: 'void',
            district: item.jurisdiction,
            ...(item.certificateId ? { objectId: item.certificateId } : {}),
            note: `approved v${item.version} → voided`,
            requestId: trace.requestId,
            sourceIp: trace.sourceIp,
          },
          now,
        );
        const change: StatusChangeEntry = {
          status: 'voided',
          at: now.toISOString(),
          by: 'staff',
          byName: officeName(jurisdiction),
          comment: request.reason,
        };
        voided = await records.move(
          item,
          { version: item.version, status: 'approved' },
          { status: 'voided', history: [...item.history, change], updatedAt: now.toISOString() },
        );
      }
      await revokeCertificate(certificates, voided, { reason: request.reason, by: caller.id }, now);
      await approval.release(voided);
      await notify(voided, now);
      return { item: voided, jurisdiction };
    },
  };
}

export type Voiding = ReturnType<typeof createVoiding>;
