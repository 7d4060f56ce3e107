import {
  chinaDate,
  type DistrictCode,
  daysBetween,
  type Inspection,
  type InspectionInput,
  type ListQuery,
  type SessionUser,
} from '@hongjia/shared';
import { type AccessChecks, covers } from '../../commons/access';
import type { AuditTrail } from '../../commons/audit';
import { conflict, notFound, validationFailed } from '../../commons/errors';
import { isConditionFailure, landed } from '../../commons/guards';
import { newId } from '../../commons/ids';
import { pageAcross, partitionPage } from '../../commons/paging';
import type { NotificationMessage, Notifier } from '../../notifications';
import type { UploadEntity } from '../../uploads';
import type { InstitutionEntity } from '../entities';
import type { InspectionEntity, InspectionItem } from './entities';
import { checkedEvidence } from './evidence';

export function toInspection(item: InspectionItem): Inspection {
  return {
    id: item.inspectionId,
    institutionId: item.institutionId,
    institutionName: item.institutionName,
    district: item.district,
    date: item.date,
    inspector: item.inspector,
    result: item.result,
    findings: item.findings,
    ...(item.rectifyBy ? { rectifyBy: item.rectifyBy } : {}),
    state: item.state,
    ...(item.rectifiedAt
      ? {
          rectification: {
            note: item.rectificationNote ?? '',
            attachments: (item.rectificationAttachments ?? []).map(({ id, fileName }) => ({ id, fileName })),
            reportedAt: item.rectifiedAt,
          },
        }
      : {}),
    createdAt: item.createdAt,
  };
}

/**
 * 安全监管 (decision 0034). Staff of the institution's district (or the city) record
 * inspections; the institution item keeps the latest one's date and result — the only part
 * the public detail page shows. Findings are for the provider (its own institutions) and
 * staff (their jurisdiction). A result other than 合格 awaits rectification until the provider
 * reports it; past its deadline it is on the district's overdue list (one range Query).
 */
export function createInspections(deps: {
  institutions: InstitutionEntity;
  inspections: InspectionEntity;
  uploads: UploadEntity;
  access: AccessChecks;
  audit: Pick<AuditTrail, 'record'>;
  notifier: Notifier;
}) {
  const { institutions, inspections } = deps;
  const ofInstitution = async (institutionId: string) =>
    (await inspections.query.byInstitution({ institutionId }).go({ pages: 'all', order: 'desc' })).data.map(
      toInspection,
    );

  async function coveredInstitution(caller: SessionUser, institutionId: string) {
    const jurisdiction = await deps.access.staffJurisdiction(caller);
    const item = (await institutions.get({ institutionId }).go()).data;
    if (!item || item.status === 'checking' || !covers(jurisdiction, item.district)) {
      throw notFound('未找到该托育机构');
    }
    return item;
  }

  return {
    async record(
      caller: SessionUser,
      institutionId: string,
      input: InspectionInput,
      now: Date,
      request: { requestId: string; sourceIp: string; operationId?: string | undefined },
    ): Promise<Inspection> {
      const institution = await coveredInstitution(caller, institutionId);
      if (institution.status !== 'published') throw conflict('只能检查已备案发布的机构');
      if (input.date > chinaDate(now)) {
        throw validationFailed('检查日期不能晚于今天', [
          { path: 'body.date', message: '检查日期不能晚于今天' },
        ]);
      }
      const inspectionId = newId('isp', request.operationId);
      const awaiting = input.result !== 'pass';
      const item: InspectionItem = {
        inspectionId,
        institutionId,
        institutionName: institution.name,
        providerId: institution.providerId,
        district: institution.district,
        date: input.date,
        inspector: input.inspector,
        result: input.result,
        findings: input.findings,
        ...(input.rectifyBy ? { rectifyBy: input.rectifyBy } : {}),
        dueOn: (awaiting && input.rectifyBy) || input.date,
        state: awaiting ? 'awaiting_rectification' : 'closed',
        recordedBy: caller.id,
        createdAt: now.toISOString(),
      };
      await deps.audit.record(
        caller,
        {
          subjectType: 'institution',
          subjectId: institutionId,
          action: 'inspection_recorded',
          district: institution.district,
          note: `${input.date} ${input.result}`,
          requestId: request.requestId,
          sourceIp: request.sourceIp,
        },
        now,
      );
      try {
        await inspections.create(item).go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
      // The latest inspection only: an older one recorded late leaves the public line alone.
      await landed(
        institutions
          .patch({ institutionId })
          .set({ lastInspectionDate: input.date, lastInspectionResult: input.result })
          .where(
            (attr, op) =>
              `${op.notExists(attr.lastInspectionDate)} OR ${op.lte(attr.lastInspectionDate, input.date)}`,
          )
          .go(),
      );
      // Findings are the provider's to rectify: it hears of them at once (once per inspection).
      if (awaiting)
        await deps.notifier.notify(item.providerId, findingsMessage(item), {
          dedupeKey: `inspection-findings:${inspectionId}`,
          now,
        });
      return toInspection(item);
    },

    async forStaff(caller: SessionUser, institutionId: string) {
      await coveredInstitution(caller, institutionId);
      return { items: await ofInstitution(institutionId) };
    },

    async forProvider(caller: SessionUser, institutionId: string) {
      await deps.access.requireProvider(caller);
      const item = (await institutions.get({ institutionId }).go()).data;
      if (!item || item.providerId !== caller.id) throw notFound('未找到该机构');
      return { items: await ofInstitution(institutionId) };
    },

    /** The provider reports rectification of its own inspection (another provider's: 404). */
    async rectify(
      caller: SessionUser,
      inspectionId: string,
      input: { note: string; attachmentIds: string[] },
      now: Date,
    ): Promise<Inspection> {
      await deps.access.requireProvider(caller);
      const item = (await inspections.get({ inspectionId }).go({ consistent: true })).data;
      if (!item || item.providerId !== caller.id) throw notFound('未找到该检查记录');
      if (item.state === 'closed') throw conflict('该检查结果为合格，无需整改');
      if (item.state === 'rectified') throw conflict('已报告过整改情况');
      const attachments = await checkedEvidence(deps.uploads, caller, input.attachmentIds);
      const changes = {
        state: 'rectified' as const,
        rectificationNote: input.note,
        rectificationAttachments: attachments,
        rectifiedAt: now.toISOString(),
      };
      try {
        await inspections
          .patch({ inspectionId })
          .composite({ district: item.district, dueOn: item.dueOn })
          .set(changes)
          .where((attr, op) => op.eq(attr.state, 'awaiting_rectification'))
          .go();
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('已报告过整改情况');
        throw error;
      }
      return toInspection({ ...item, ...changes });
    },

    /** Rectifications past their deadline (before today, Asia/Shanghai), by district, oldest deadline first. */
    async overdue(
      caller: SessionUser,
      query: ListQuery & { district?: DistrictCode | undefined },
      now: Date,
    ) {
      const districts = await deps.access.staffDistricts(caller, query.district, '只能查看本县区的整改情况');
      const today = chinaDate(now);
      return pageAcross(districts, query, (district, limit, cursor) =>
        partitionPage(
          inspections.query.byDistrict({ district, state: 'awaiting_rectification' }).lt({ dueOn: today }),
          { limit, cursor, order: 'asc' },
          (item: InspectionItem) => ({ ...toInspection(item), daysOverdue: daysBetween(item.dueOn, today) }),
        ),
      );
    },
  };
}

/** To the provider: an inspection found something to rectify (decision 0040). */
function findingsMessage(item: InspectionItem): NotificationMessage {
  return {
    kind: 'inspection_findings',
    title: item.result === 'fail' ? '安全检查不合格，请整改' : '安全检查发现问题，请限期整改',
    body: `${item.institutionName} ${item.date} 的安全检查需要整改，整改期限 ${item.rectifyBy ?? ''}。请在小程序中查看检查发现并报告整改情况。`,
    link: '/packages/provider/pages/inspections',
  };
}
