import {
  chinaDate,
  type DistrictCode,
  districtByCode,
  type ListQuery,
  type SessionUser,
  type SubsidyStatus,
} from '@hongjia/shared';
import type { AccessChecks, Jurisdiction } from '../commons/access';
import type { AuditTrail } from '../commons/audit';
import { conflict } from '../commons/errors';
import type { Guards } from '../commons/guards';
import { pageAcross, partitionPage } from '../commons/paging';
import { type ConflictRecords, conflictPending } from '../conflicts';
import type { Notifier } from '../notifications';
import { decisionMessage } from './messages';
import type { SubsidyRecords } from './records';
import { nextRenewal } from './rules';
import { staffCase } from './staff-case';
import { toView } from './views';

export interface SubsidyReviewDeps {
  records: SubsidyRecords;
  guards: Guards;
  access: AccessChecks;
  notifier: Notifier;
  conflicts: Pick<ConflictRecords, 'openOn'>;
  /** Written before the decision lands (decision 0019). */
  audit: Pick<AuditTrail, 'record'>;
}

/** The office a decision or a payment is recorded under. */
export const officeName = (jurisdiction: Jurisdiction) =>
  jurisdiction.cityWide
    ? '南昌市卫生健康委员会'
    : `${districtByCode(jurisdiction.districts[0]).name}卫生健康委员会`;

/**
 * 育儿补贴 review by the child's household district: the queue oldest first
 * (first come, first reviewed; each shows its 30-working-day due date), and
 * one decision per application, locked on `version`. An application of another
 * district is 404 (not revealed); listing another district is 403. Approval
 * schedules the yearly confirmation; rejection frees the child for a corrected
 * application. While another applicant's application for the child waits in
 * the conflict queue, the decision waits too (409 CONFLICT_PENDING, decision 0013).
 */
export function createSubsidyReview(deps: SubsidyReviewDeps) {
  const { records, guards, access, notifier, conflicts } = deps;

  return {
    async list(
      caller: SessionUser,
      query: ListQuery & { status: SubsidyStatus; district?: DistrictCode | undefined },
    ) {
      const districts = await access.staffDistricts(caller, query.district, '只能查看本县区的申请');
      return pageAcross(districts, query, (jurisdiction, limit, cursor) =>
        partitionPage(
          records.subsidies.query.byQueue({ jurisdiction, status: query.status }),
          { limit, cursor, order: 'asc' },
          toView,
        ),
      );
    },

    async review(
      caller: SessionUser,
      subsidyId: string,
      decision: { decision: 'approve' | 'reject'; comment?: string | undefined; expectedVersion: number },
      now: Date,
      trace: { requestId: string; sourceIp: string } = { requestId: 'internal', sourceIp: 'internal' },
    ) {
      const { jurisdiction, item } = await staffCase(access, records, caller, subsidyId);
      if (item.version !== decision.expectedVersion) {
        throw conflict('该申请已被他人处理或已更新，请刷新后重试', [
          { path: 'body.expectedVersion', message: '版本已过期' },
        ]);
      }
      if (item.status === 'conflict') throw conflictPending();
      if (item.status !== 'pending_review') throw conflict('该申请已审核，不能重复审核');
      if (await conflicts.openOn('childcare_subsidy', item.childIdHash)) throw conflictPending();
      const approve = decision.decision === 'approve';
      const renewalDueOn = approve ? nextRenewal(chinaDate(now), item.lastMonth) : '';
      // Audit first: the decision never lands without its entry.
      await deps.audit.record(
        caller,
        {
          subjectType: 'childcareSubsidy',
          subjectId: subsidyId,
          action: 'review',
          district: item.jurisdiction,
          note: `pending_review v${item.version} → ${approve ? 'approved' : 'rejected'}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      const decided = await records.move(
        item,
        {
          status: approve ? 'approved' : 'rejected',
          reviewedAt: now.toISOString(),
          reviewedBy: officeName(jurisdiction),
          ...(decision.comment ? { comment: decision.comment } : {}),
          renewalDueOn,
          renewalMonth: renewalDueOn.slice(0, 7),
        },
        now,
      );
      if (!approve) await guards.release('childcare-subsidy', item.childIdHash, item.subsidyId);
      await notifier.notify(decided.userId, decisionMessage(decided), {
        dedupeKey: `subsidy:${decided.subsidyId}:${decision.decision}`,
        now,
      });
      return toView(decided);
    },
  };
}

export type SubsidyReview = ReturnType<typeof createSubsidyReview>;
