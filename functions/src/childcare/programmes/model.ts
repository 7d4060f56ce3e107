import type { ModelLevel, SessionUser } from '@hongjia/shared';
import { type AccessChecks, covers } from '../../commons/access';
import type { AuditTrail } from '../../commons/audit';
import { conflict, forbidden, notFound } from '../../commons/errors';
import type { InstitutionEntity } from '../entities';

/**
 * 示范机构: city staff designate a published institution a provincial or municipal model
 * (with the year) and can withdraw it. The designation is two attributes of the institution
 * item, so search filters on it like on `affordable` and the nearby engine stays exact.
 */
export function createModelDesignations(deps: {
  institutions: InstitutionEntity;
  access: AccessChecks;
  audit: Pick<AuditTrail, 'record'>;
}) {
  async function cityInstitution(caller: SessionUser, institutionId: string) {
    const jurisdiction = await deps.access.staffJurisdiction(caller);
    // The role first: district staff learn nothing of any institution here (not even whether it exists).
    if (!jurisdiction.cityWide) throw forbidden('示范机构由市级工作人员认定');
    const item = (await deps.institutions.get({ institutionId }).go({ consistent: true })).data;
    if (!item || !covers(jurisdiction, item.district)) throw notFound('未找到该托育机构');
    if (item.status !== 'published') throw conflict('只有已备案发布的机构可以认定为示范机构');
    return item;
  }

  const trace = (
    caller: SessionUser,
    item: { institutionId: string; district: Parameters<AuditTrail['record']>[1]['district'] },
    action: string,
    note: string,
    now: Date,
    request: { requestId: string; sourceIp: string },
  ) =>
    deps.audit.record(
      caller,
      {
        subjectType: 'institution',
        subjectId: item.institutionId,
        action,
        district: item.district,
        note,
        ...request,
      },
      now,
    );

  return {
    async designate(
      caller: SessionUser,
      institutionId: string,
      designation: { level: ModelLevel; year: number },
      now: Date,
      request: { requestId: string; sourceIp: string },
    ) {
      const item = await cityInstitution(caller, institutionId);
      await trace(caller, item, 'model_designated', `${designation.level} ${designation.year}`, now, request);
      await deps.institutions
        .patch({ institutionId })
        .set({ modelLevel: designation.level, modelYear: designation.year })
        .go();
      return { id: institutionId, level: designation.level, year: designation.year };
    },

    async withdraw(
      caller: SessionUser,
      institutionId: string,
      now: Date,
      request: { requestId: string; sourceIp: string },
    ) {
      const item = await cityInstitution(caller, institutionId);
      if (!item.modelLevel) throw conflict('该机构不是示范机构');
      await trace(
        caller,
        item,
        'model_withdrawn',
        `${item.modelLevel} ${item.modelYear ?? ''}`,
        now,
        request,
      );
      await deps.institutions.patch({ institutionId }).remove(['modelLevel', 'modelYear']).go();
      return { id: institutionId, withdrawn: true as const };
    },
  };
}
