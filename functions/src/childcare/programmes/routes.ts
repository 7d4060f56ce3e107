import * as api from '@hongjia/shared/api/routes';
import { implement, type RouteImplementation } from '../../commons/router';
import { createProgrammeServices, createProviderProgrammeServices, type ProgrammeDeps } from './services';

/** The provider's side of supervision: apply for 普惠, change the fee, see inspections, report rectification. */
export function createProviderProgrammeRoutes(deps: ProgrammeDeps): RouteImplementation[] {
  const { affordable, fees, inspections } = createProviderProgrammeServices(deps);
  return [
    implement(api.applyAffordable, ({ caller, params, body, now, operationId }) =>
      affordable.apply(caller, params.id, body, now, operationId),
    ),
    implement(api.providerAffordableApplications, ({ caller, query }) => affordable.listOwn(caller, query)),
    implement(api.changeInstitutionFee, ({ caller, params, body }) =>
      fees.change(caller, params.id, body.monthlyFeeYuan),
    ),
    implement(api.providerInspections, ({ caller, params }) => inspections.forProvider(caller, params.id)),
    implement(api.reportRectification, ({ caller, params, body, now }) =>
      inspections.rectify(caller, params.id, body, now),
    ),
  ];
}

/** The staff side: review 普惠 applications, designate 示范机构, inspections, the known-operator list. */
export function createStaffProgrammeRoutes(deps: ProgrammeDeps): RouteImplementation[] {
  const { affordable, model, inspections, operators } = createProgrammeServices(deps);
  return [
    implement(api.staffAffordableApplications, ({ caller, query }) => affordable.listForStaff(caller, query)),
    implement(api.decideAffordableApplication, ({ caller, params, body, now, requestId, sourceIp }) =>
      affordable.decide(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.designateModelInstitution, ({ caller, params, body, now, requestId, sourceIp }) =>
      model.designate(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.withdrawModelInstitution, ({ caller, params, now, requestId, sourceIp }) =>
      model.withdraw(caller, params.id, now, { requestId, sourceIp }),
    ),
    implement(api.recordInspection, ({ caller, params, body, now, requestId, sourceIp, operationId }) =>
      inspections.record(caller, params.id, body, now, { requestId, sourceIp, operationId }),
    ),
    implement(api.staffInstitutionInspections, ({ caller, params }) =>
      inspections.forStaff(caller, params.id),
    ),
    implement(api.overdueRectifications, ({ caller, query, now }) => inspections.overdue(caller, query, now)),
    implement(api.knownOperators, ({ caller, query }) => operators.list(caller, query)),
    implement(api.addKnownOperator, ({ caller, body, now }) => operators.add(caller, body, now)),
    implement(api.importKnownOperators, ({ caller, body, now }) => operators.import(caller, body, now)),
  ];
}
