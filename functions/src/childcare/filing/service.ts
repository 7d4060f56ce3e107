import { randomUUID } from 'node:crypto';
import type {
  DistrictCode,
  InstitutionDetail,
  InstitutionFiling,
  ListQuery,
  SessionUser,
} from '@hongjia/shared';
import { z } from 'zod';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { conflict, forbidden, notFound, validationFailed } from '../../commons/errors';
import { type Guards, isConditionFailure } from '../../commons/guards';
import { cellOf, geohashOf } from '../../geo/cells';
import type { Notifier } from '../../notifications/notifier';
import { type AccessChecks, covers } from '../../staff/jurisdiction';
import type { InstitutionEntity, InstitutionItem } from '../entities';
import { toDetail } from '../views';
import { filingDecidedMessage } from './messages';
import { filingProblems } from './rules';

export interface FilingServiceDeps {
  institutions: InstitutionEntity;
  guards: Guards;
  access: AccessChecks;
  notifier: Notifier;
}

type Status = InstitutionItem['status'];

/** Staff lists walk the districts in order; the cursor says which district and where in it. */
const StaffCursor = z.object({ d: z.number().int().min(0), c: z.string().nullable() });

/**
 * 登记备案: a provider files an institution (pending review, no `cell`, so
 * invisible to search); staff of its district — or of the city — publish it
 * or reject it with a reason, exactly once (a conditional status move).
 * One active filing per credit code is a guard item, released on rejection
 * so a corrected filing can follow.
 */
export function createFilingService({ institutions, guards, access, notifier }: FilingServiceDeps) {
  const get = async (institutionId: string) =>
    (await institutions.get({ institutionId }).go({ consistent: true })).data ?? undefined;

  /** The credit code's claim: ours, or the one left by our own interrupted attempt; else 409. */
  const claimCreditCode = async (caller: SessionUser, creditCode: string, now: Date): Promise<string> => {
    for (let round = 0; round < 3; round++) {
      const institutionId = `ins_${randomUUID().replaceAll('-', '').slice(0, 20)}`;
      const claim = await guards.claim(
        'credit-code',
        creditCode,
        { ownerId: caller.id, targetId: institutionId },
        now,
      );
      if (claim.claimed) return institutionId;
      if (!claim.holder) continue;
      const existing = await get(claim.holder.targetId);
      if (!existing && claim.holder.ownerId === caller.id) return claim.holder.targetId;
      if (existing?.status === 'rejected') {
        await guards.release('credit-code', creditCode, claim.holder.targetId);
        continue;
      }
      throw conflict('该统一社会信用代码已有备案（审核中或已发布）', [
        { path: 'body.creditCode', message: '同一机构只能有一份有效备案' },
      ]);
    }
    throw conflict('该统一社会信用代码的备案正在处理中，请稍后再试');
  };

  return {
    async file(caller: SessionUser, filing: InstitutionFiling, now: Date) {
      await access.requireProvider(caller);
      const problems = filingProblems(filing);
      if (problems.length) throw validationFailed(problems[0]?.message ?? '备案信息不正确', problems);
      const institutionId = await claimCreditCode(caller, filing.creditCode, now);
      try {
        await institutions
          .create({
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
            status: 'pending_review',
            createdAt: now.toISOString(),
          })
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
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
      const jurisdiction = await access.staffJurisdiction(caller);
      if (query.district && !covers(jurisdiction, query.district)) throw forbidden('只能查看本县区的备案');
      const districts = query.district ? [query.district] : jurisdiction.districts;
      const decoded = await decodeCursor<unknown>(query.cursor);
      const parsed = decoded === undefined ? undefined : StaffCursor.safeParse(decoded);
      if (parsed && !parsed.success) throw validationFailed('分页游标无效，请从第一页重新加载');
      let position = parsed?.data ?? { d: 0, c: null };
      const items: InstitutionDetail[] = [];
      while (position.d < districts.length && items.length < query.limit) {
        const district = districts[position.d] as DistrictCode;
        const page = await institutions.query.byDistrict({ district, status: query.status }).go({
          limit: query.limit - items.length,
          order: 'desc',
          ...(position.c ? { cursor: position.c } : {}),
        });
        items.push(...page.data.map(toDetail));
        position = page.cursor ? { d: position.d, c: page.cursor } : { d: position.d + 1, c: null };
      }
      const more = position.d < districts.length;
      return { items, nextCursor: more ? await encodeCursor(position) : null };
    },

    /**
     * Approve (publish: the `cell` puts it into search) or reject with a
     * reason. Staff outside the institution's district get 404, as if the
     * filing did not exist — a pending filing is not public. A second
     * decision, even a racing one, is 409: the move is conditional on
     * `pending_review`.
     */
    async decide(
      caller: SessionUser,
      institutionId: string,
      decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
      now: Date,
    ) {
      const jurisdiction = await access.staffJurisdiction(caller);
      const item = await get(institutionId);
      if (!item || !covers(jurisdiction, item.district)) throw notFound('未找到该备案');
      if (item.status !== 'pending_review') throw conflict('该备案已审核，不能重复审核');
      const approve = decision.decision === 'approve';
      const changes = approve
        ? {
            status: 'published' as const,
            cell: cellOf(item.lat, item.lng),
            publishedAt: now.toISOString(),
            ...(decision.reason ? { reviewReason: decision.reason } : {}),
          }
        : { status: 'rejected' as const, reviewReason: decision.reason ?? '' };
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
