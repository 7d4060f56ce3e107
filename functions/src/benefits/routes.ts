import * as api from '@hongjia/shared/api/routes';
import { implement, implementPublic, type RouteImplementation } from '../commons/router';
import { type BenefitsDeps, createBenefitsServices } from './services';

/** 我的待遇, 免申即享 screening and bulk enrolment, policies and their corrections. */
export function createBenefitsRoutes(deps: BenefitsDeps): RouteImplementation[] {
  const benefits = createBenefitsServices(deps);
  return [
    implement(api.myBenefits, ({ caller, now }) => benefits.myBenefits(caller, now)),
    implement(api.runBenefitScreening, ({ caller, body, now }) => benefits.screen(caller, body, now)),
    implement(api.enrolBenefits, ({ caller, body, now, operationId }) =>
      benefits.enrol(caller, body, now, operationId),
    ),
    implementPublic(api.listPolicies, ({ now }) => benefits.listPolicies(now)),
    implement(api.addPolicyVersion, ({ caller, params, body, now, operationId }) =>
      benefits.addPolicyVersion(caller, params.id, body, now, operationId),
    ),
  ];
}
