import {
  type AffordableApplication,
  type AffordableApplicationInput,
  ageClassRules,
  type DistrictCode,
  type ErrorDetail,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import { type AccessChecks, covers, refuseOwnCase } from '../../commons/access';
import type { AuditTrail } from '../../commons/audit';
import { decodeCursor, encodeCursor } from '../../commons/cursor';
import { conflict, notFound, validationFailed } from '../../commons/errors';
import { isConditionFailure, landed } from '../../commons/guards';
import { newId } from '../../commons/ids';
import { pageAcross, partitionPage } from '../../commons/paging';
import type { NotificationMessage, Notifier } from '../../notifications';
import type { UploadEntity } from '../../uploads';
import type { InstitutionEntity, InstitutionItem } from '../entities';
import type { AffordableApplicationEntity, AffordableApplicationItem } from './entities';
import { checkedEvidence } from './evidence';

export interface AffordableDeps {
  institutions: InstitutionEntity;
  applications: AffordableApplicationEntity;
  uploads: UploadEntity;
  access: AccessChecks;
  audit: Pick<AuditTrail, 'record'>;
  notifier: Notifier;
}

/** To the provider: its 普惠 application decided (decision 0040). */
function decidedMessage(item: AffordableApplicationItem): NotificationMessage {
  return item.status === 'approved'
    ? {
        kind: 'affordable_decided',
        title: '普惠申报已通过',
        body: `${item.institutionName}的普惠托育申报已通过，普惠限价每月 ${item.feeCapYuan} 元，托位已按普惠展示。`,
        link: providerAffordablePage,
      }
    : {
        kind: 'affordable_decided',
        title: '普惠申报未通过',
        body: `${item.institutionName}的普惠托育申报未通过：${item.reviewReason ?? ''}`,
        link: providerAffordablePage,
      };
}
const providerAffordablePage = '/packages/provider/pages/affordable';

export function toApplication(item: AffordableApplicationItem): AffordableApplication {
  return {
    id: item.applicationId,
    institutionId: item.institutionId,
    institutionName: item.institutionName,
    district: item.district,
    feeCapYuan: item.feeCapYuan,
    monthlyFeeYuan: item.monthlyFeeYuan,
    places: item.places.map(({ ageClass, places }) => ({ ageClass, places })),
    attachments: item.attachments.map(({ id, fileName }) => ({ id, fileName })),
    ...(item.note ? { note: item.note } : {}),
    status: item.status,
    ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
    createdAt: item.createdAt,
    ...(item.decidedAt ? { decidedAt: item.decidedAt } : {}),
  };
}

/** What an application may ask: filed classes only, within their filed size, some place, a cap the fee meets. */
export function applicationProblems(
  institution: InstitutionItem,
  input: AffordableApplicationInput,
): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  const seen = new Set<string>();
  input.places.forEach((offer, index) => {
    const at = `body.places.${index}`;
    const rule = ageClassRules[offer.ageClass];
    const filed = institution.classes.find((c) => c.ageClass === offer.ageClass);
    if (seen.has(offer.ageClass)) problems.push({ path: `${at}.ageClass`, message: `${rule.name}重复填写` });
    seen.add(offer.ageClass);
    if (!filed) problems.push({ path: `${at}.ageClass`, message: `本机构未备案${rule.name}` });
    else if (offer.places > filed.capacity) {
      problems.push({
        path: `${at}.places`,
        message: `${rule.name}普惠托位不能超过备案班额 ${filed.capacity} 人`,
      });
    }
  });
  if (input.places.every((offer) => offer.places === 0)) {
    problems.push({ path: 'body.places', message: '至少提供 1 个普惠托位' });
  }
  if (institution.monthlyFeeYuan > input.feeCapYuan) {
    problems.push({
      path: 'body.feeCapYuan',
      message: `机构当前月收费 ${institution.monthlyFeeYuan} 元高于申报的普惠限价 ${input.feeCapYuan} 元，请先调整收费`,
    });
  }
  return problems;
}

const decidedAlready = () => conflict('该普惠申报已审核，不能重复审核');

/**
 * 普惠托育 programme applications (decision 0034). The institution item is the one arbiter:
 * applying claims it (`affordableApplicationId`, state `applied`) with a conditional write,
 * so an institution has one open or approved application at a time; a decision moves the
 * institution first (approval conditional on the claim and on the fee still within the cap),
 * then the application, so two racing reviewers cannot both land and a retry of the same
 * decision finishes what the first attempt began. Approval sets `affordable`, the places per
 * class and the cap: search, stats and 普惠率 read them from the institution item.
 */
export function createAffordableService(deps: AffordableDeps) {
  const { institutions, applications } = deps;
  const getInstitution = async (institutionId: string) =>
    (await institutions.get({ institutionId }).go({ consistent: true })).data ?? undefined;
  const getApplication = async (applicationId: string) =>
    (await applications.get({ applicationId }).go({ consistent: true })).data ?? undefined;

  /** Claims the institution for `applicationId`; a claim whose application was never written is taken over. */
  async function claim(institution: InstitutionItem, applicationId: string): Promise<void> {
    const claimed = await landed(
      institutions
        .patch({ institutionId: institution.institutionId })
        .set({ affordableApplicationId: applicationId, affordableState: 'applied' })
        .where(
          (attr, op) =>
            `${op.notExists(attr.affordableState)} OR ${op.eq(attr.affordableState, 'rejected')} OR ${op.eq(attr.affordableApplicationId, applicationId)}`,
        )
        .go(),
    );
    if (claimed) return;
    const now = await getInstitution(institution.institutionId);
    if (now?.affordableState === 'approved') throw conflict('该机构已是普惠托育机构');
    const held = now?.affordableApplicationId;
    if (held && !(await getApplication(held))) {
      // A crash between claim and write left a claim nobody can see: take it over, conditionally.
      const taken = await landed(
        institutions
          .patch({ institutionId: institution.institutionId })
          .set({ affordableApplicationId: applicationId, affordableState: 'applied' })
          .where((attr, op) => op.eq(attr.affordableApplicationId, held))
          .go(),
      );
      if (taken) return;
    }
    throw conflict('该机构已有一份普惠申报在审核中');
  }

  return {
    async apply(
      caller: SessionUser,
      institutionId: string,
      input: AffordableApplicationInput,
      now: Date,
      operationId?: string,
    ): Promise<AffordableApplication> {
      await deps.access.requireProvider(caller);
      const institution = await getInstitution(institutionId);
      if (!institution || institution.providerId !== caller.id) throw notFound('未找到该机构');
      const applicationId = newId('aff', operationId);
      const earlier = operationId ? await getApplication(applicationId) : undefined;
      if (earlier) return toApplication(earlier);
      if (institution.status !== 'published') throw conflict('机构备案审核通过后才能申报普惠托育');
      if (institution.affordableState === 'approved') throw conflict('该机构已是普惠托育机构');
      const problems = applicationProblems(institution, input);
      if (problems.length) throw validationFailed(problems[0]?.message ?? '申报信息不正确', problems);
      const attachments = await checkedEvidence(deps.uploads, caller, input.attachmentIds);
      await claim(institution, applicationId);
      const item: AffordableApplicationItem = {
        applicationId,
        institutionId,
        institutionName: institution.name,
        providerId: caller.id,
        district: institution.district,
        feeCapYuan: input.feeCapYuan,
        monthlyFeeYuan: institution.monthlyFeeYuan,
        places: input.places,
        attachments,
        ...(input.note ? { note: input.note } : {}),
        status: 'pending_review',
        createdAt: now.toISOString(),
      };
      try {
        await applications.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      return toApplication(item);
    },

    async listOwn(caller: SessionUser, query: ListQuery) {
      await deps.access.requireProvider(caller);
      const cursor = await decodeCursor<string>(query.cursor);
      const page = await applications.query
        .byProvider({ providerId: caller.id })
        .go({ limit: query.limit, order: 'desc', ...(cursor ? { cursor } : {}) });
      return { items: page.data.map(toApplication), nextCursor: await encodeCursor(page.cursor) };
    },

    async listForStaff(
      caller: SessionUser,
      query: ListQuery & { status: AffordableApplicationItem['status']; district?: DistrictCode | undefined },
    ) {
      const districts = await deps.access.staffDistricts(caller, query.district, '只能查看本县区的普惠申报');
      return pageAcross(districts, query, (district, limit, cursor) =>
        partitionPage(
          applications.query.byDistrict({ district, status: query.status }),
          { limit, cursor, order: 'desc' },
          toApplication,
        ),
      );
    },

    async decide(
      caller: SessionUser,
      applicationId: string,
      decision: { decision: 'approve' | 'reject'; reason?: string | undefined },
      now: Date,
      trace: { requestId: string; sourceIp: string },
    ): Promise<AffordableApplication> {
      const jurisdiction = await deps.access.staffJurisdiction(caller);
      const application = await getApplication(applicationId);
      if (!application || !covers(jurisdiction, application.district)) throw notFound('未找到该普惠申报');
      // A provider who is also staff does not review their own institution's application.
      refuseOwnCase(caller, [application.providerId]);
      const approve = decision.decision === 'approve';
      const to = approve ? ('approved' as const) : ('rejected' as const);
      // Once per application (the key names it): a retry after a lost notification tells it then.
      const told = async (item: AffordableApplicationItem) => {
        await deps.notifier.notify(item.providerId, decidedMessage(item), {
          dedupeKey: `affordable-decided:${applicationId}`,
          now,
        });
        return toApplication(item);
      };
      if (application.status !== 'pending_review') {
        if (application.status === to && application.reviewerId === caller.id) return told(application);
        throw decidedAlready();
      }
      await deps.audit.record(
        caller,
        {
          subjectType: 'affordableApplication',
          subjectId: applicationId,
          action: 'affordable_decision',
          district: application.district,
          note: `pending_review → ${to}`,
          requestId: trace.requestId,
          sourceIp: trace.sourceIp,
        },
        now,
      );
      // The institution moves first: its item decides between racing reviewers.
      const moved = await landed(
        approve
          ? institutions
              .patch({ institutionId: application.institutionId })
              .set({
                affordable: true,
                affordableState: 'approved',
                affordablePlaces: application.places,
                affordableFeeCapYuan: application.feeCapYuan,
              })
              .where(
                (attr, op) =>
                  `${op.eq(attr.affordableApplicationId, applicationId)} AND ${op.eq(attr.affordableState, 'applied')} AND ${op.lte(attr.monthlyFeeYuan, application.feeCapYuan)}`,
              )
              .go()
          : institutions
              .patch({ institutionId: application.institutionId })
              .set({ affordableState: 'rejected' })
              .where(
                (attr, op) =>
                  `${op.eq(attr.affordableApplicationId, applicationId)} AND ${op.eq(attr.affordableState, 'applied')}`,
              )
              .go(),
      );
      if (!moved) {
        const institution = await getInstitution(application.institutionId);
        const finishedByUs =
          institution?.affordableApplicationId === applicationId && institution.affordableState === to;
        if (!finishedByUs) {
          if (approve && institution && institution.monthlyFeeYuan > application.feeCapYuan) {
            throw conflict(
              `机构收费已调整为 ${institution.monthlyFeeYuan} 元，高于申报的普惠限价 ${application.feeCapYuan} 元，不能通过`,
            );
          }
          throw decidedAlready();
        }
      }
      const changes = {
        status: to,
        reviewerId: caller.id,
        decidedAt: now.toISOString(),
        ...(decision.reason ? { reviewReason: decision.reason } : {}),
      };
      try {
        await applications
          .patch({ applicationId })
          .composite({ createdAt: application.createdAt })
          .set(changes)
          .where((attr, op) => op.eq(attr.status, 'pending_review'))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
        const now2 = await getApplication(applicationId);
        if (now2?.status !== to) throw decidedAlready();
        return told(now2);
      }
      return told({ ...application, ...changes });
    },
  };
}
