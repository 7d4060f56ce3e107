import type { DistrictCode, InstitutionFiling, ListQuery, SessionUser } from '@hongjia/shared';
import { type AccessChecks, covers, refuseOwnCase } from '../../commons/access';
import type { AuditTrail } from '../../commons/audit';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { conflict, notFound, validationFailed } from '../../commons/errors';
import { type Guards, isConditionFailure, landed } from '../../commons/guards';
import { newId } from '../../commons/ids';
import { pageAcross, partitionPage } from '../../commons/paging';
import { type ConflictRecords, conflictPending } from '../../conflicts';
import { cellOf, geohashOf, searchPartitionOf } from '../../geo';
import type { Notifier } from '../../notifications';
import type { InstitutionEntity, InstitutionItem } from '../entities';
import { toDetail } from '../views';
import { filingDecidedMessage } from './messages';
import { filingProblems } from './rules';

export interface FilingServiceDeps {
  institutions: InstitutionEntity;
  guards: Guards;
  access: AccessChecks;
  notifier: Notifier;
  /** Records a conflict when another provider's filing holds the credit code (./conflicts.ts). */
  recordConflict: (holder: InstitutionItem, later: InstitutionItem, now: Date) => Promise<unknown>;
  conflicts: Pick<ConflictRecords, 'openOn'>;
  /** Written before a decision lands (decision 0019). */
  audit: Pick<AuditTrail, 'record'>;
}

type Status = InstitutionItem['status'];

/** Only ever the provider's own filing: another provider's is a conflict for staff, never disclosed. */
const ownFilingExists = () =>
  conflict('您已为该统一社会信用代码提交过备案（审核中或已发布）', [
    { path: 'body.creditCode', message: '同一机构只能有一份有效备案' },
  ]);

/** A filing that holds (or is about to hold) its credit code. */
export const holdsCreditCode = (item: InstitutionItem) =>
  item.status === 'checking' || item.status === 'pending_review' || item.status === 'published';

/**
 * 登记备案: a provider files an institution (pending review, no `cell`, so
 * invisible to search); staff of its district — or of the city — publish it
 * or reject it with a reason, exactly once (a conditional status move).
 * One active filing per credit code is a guard item, released on rejection
 * so a corrected filing can follow. Filing follows decision 0008's order: the
 * institution is written `checking` (its id from the request's operation id, so
 * a retry finds it), then the code is claimed, then it moves to review. A code
 * held by another provider's live filing does not refuse the filer: the filing
 * waits as `conflict` and the holder's district decides (decision 0013); the
 * answer is the one every filing gets.
 */
export function createFilingService(deps: FilingServiceDeps) {
  const { institutions, guards, access, notifier } = deps;
  const get = async (institutionId: string) =>
    (await institutions.get({ institutionId }).go({ consistent: true })).data ?? undefined;

  /** `from` → `to` (conditional on `from`); false when the filing was no longer there. */
  const move = (item: InstitutionItem, from: Status, to: Status) =>
    landed(
      institutions
        .patch({ institutionId: item.institutionId })
        .composite({ createdAt: item.createdAt })
        .set({ status: to })
        .where((attr, op) => op.eq(attr.status, from))
        .go(),
    );

  const discard = async (item: InstitutionItem) => {
    await landed(
      institutions
        .delete({ institutionId: item.institutionId })
        .where((attr, op) => op.eq(attr.status, 'checking'))
        .go(),
    );
  };

  /** Claims the credit code for a `checking` filing: to review, or on hold beside another provider's. */
  const settle = async (item: InstitutionItem, now: Date): Promise<void> => {
    if (item.status !== 'checking') return;
    for (let round = 0; round < 3; round++) {
      const claim = await guards.claim(
        'credit-code',
        item.creditCode,
        { ownerId: item.providerId, targetId: item.institutionId },
        now,
      );
      if (claim.claimed || claim.holder?.targetId === item.institutionId) {
        await move(item, 'checking', 'pending_review');
        return;
      }
      if (!claim.holder) continue;
      const held = await get(claim.holder.targetId);
      if (!held || !holdsCreditCode(held)) {
        // Rejected, voided, or a claim whose filing was never written (a crash in the older order).
        await guards.release('credit-code', item.creditCode, claim.holder.targetId);
        continue;
      }
      if (held.providerId === item.providerId) {
        await discard(item);
        throw ownFilingExists();
      }
      await deps.recordConflict(held, item, now);
      await move(item, 'checking', 'conflict');
      return;
    }
    throw conflict('该统一社会信用代码的备案正在处理中，请稍后再试');
  };

  return {
    get,

    /**
     * `operationId` (the router's, the same for every retry of the request)
     * names the institution: a retry after a failure past the write finishes
     * that filing instead of writing a second one.
     */
    async file(caller: SessionUser, filing: InstitutionFiling, now: Date, operationId?: string) {
      await access.requireProvider(caller);
      const problems = filingProblems(filing);
      if (problems.length) throw validationFailed(problems[0]?.message ?? '备案信息不正确', problems);
      const institutionId = newId('ins', operationId);
      const earlier = operationId ? await get(institutionId) : undefined;
      const item: InstitutionItem = earlier ?? {
        institutionId,
        providerId: caller.id,
        name: filing.name,
        creditCode: filing.creditCode,
        address: filing.address,
        district: filing.district,
        lat: filing.lat,
        lng: filing.lng,
        geohash: geohashOf(filing.lat, filing.lng),
        affordable: filing.affordable,
        monthlyFeeYuan: filing.monthlyFeeYuan,
        classes: filing.classes,
        status: 'checking',
        createdAt: now.toISOString(),
      };
      if (!earlier) {
        try {
          await institutions.create(item).go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      await settle(item, now);
      return { id: institutionId, status: 'pending_review' as const };
    },

    async listOwn(caller: SessionUser, query: ListQuery) {
      await access.requireProvider(caller);
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await institutions.query
        .byProvider({ providerId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(toDetail), nextCursor: await encodeCursor(page.cursor) };
    },

    /**
     * Filings of the caller's jurisdiction with one status, newest first.
     * District staff asking for another district get 403; city staff see
     * one district or, without `district`, all nine one after another.
     */
    async listForStaff(
      caller: SessionUser,
      query: ListQuery & { status: Status; district?: DistrictCode | undefined },
    ) {
      const districts = await access.staffDistricts(caller, query.district, '只能查看本县区的备案');
      return pageAcross(districts, query, (district, limit, cursor) =>
        partitionPage(
          institutions.query.byDistrict({ district, status: query.status }),
          { limit, cursor, order: 'desc' },
          toDetail,
        ),
      );
    },

    /**
     * Approve (publish: the `cell` puts it into search) or reject with a
     * reason. Staff outside the institution's district get 404, as if the
     * filing did not exist — a pending filing is not public. A second
     * decision, even a racing one, is 409: the move is conditional on
     * `pending_review`. A filing whose credit code another provider's filing
     * also claims waits for the conflict's resolution (409 CONFLICT_PENDING).
     */
    async decide(
      caller: SessionUser,
      institutionId: string,
      decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
      now: Date,
      trace: { requestId: string; sourceIp: string } = { requestId: 'internal', sourceIp: 'internal' },
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await get(institutionId);
      if (!item || item.status === 'checking' || !covers(jurisdiction, item.district)) {
        throw notFound('未找到该备案');
      }
      // A provider who is also staff does not decide their own institution's filing.
      refuseOwnCase(caller, [item.providerId]);
      if (item.status === 'conflict') throw conflictPending();
      if (item.status !== 'pending_review') throw conflict('该备案已审核，不能重复审核');
      if (await deps.conflicts.openOn('credit_code', item.creditCode)) throw conflictPending();
      const approve = decision.decision === 'approve';
      const changes = approve
        ? {
            status: 'published' as const,
            cell: cellOf(item.lat, item.lng),
            cell4: searchPartitionOf(item.geohash),
            publishedAt: now.toISOString(),
            ...(decision.reason ? { reviewReason: decision.reason } : {}),
          }
        : { status: 'rejected' as const, reviewReason: decision.reason ?? '' };
      // Audit first (decision 0019): the decision never lands without its entry.
      await deps.audit.record(
        caller,
        {
          subjectType: 'institution',
          subjectId: institutionId,
          action: 'filing_decision',
          district: item.district,
          note: `pending_review → ${changes.status}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      try {
        await institutions
          .patch({ institutionId })
          .composite({ createdAt: item.createdAt })
          .set(changes)
          .where((attr, op) => op.eq(attr.status, 'pending_review'))
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('该备案已审核，不能重复审核');
        throw error;
      }
      const decided: InstitutionItem = { ...item, ...changes };
      if (!approve) await guards.release('credit-code', item.creditCode, institutionId);
      await notifier.notify(item.providerId, filingDecidedMessage(decided, decision.reason), {
        dedupeKey: `filing-decided:${institutionId}`,
        now,
      });
      return toDetail(decided);
    },
  };
}

export type FilingService = ReturnType<typeof createFilingService>;
