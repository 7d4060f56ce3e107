import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createRecordAuditor } from '../families/audit';
import { createFamilyEntities } from '../families/entities';
import { createMembershipLookup } from '../families/membership';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createPolicyStore } from './policy-store';
import { createBenefitRecords } from './records';
import { createBenefitsService } from './service';

export interface BenefitsDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The service wired to the table (also used by tests that need another `now`). */
export function createBenefitsServiceFor(deps: BenefitsDeps) {
  const entities = createFamilyEntities(deps.client, deps.table, auditTableName());
  const users = createUserStore(createUserEntity(deps.client, accessTableName()));
  return createBenefitsService({
    records: createBenefitRecords(entities, piiCipher),
    policies: createPolicyStore(entities.policyVersions),
    membership: createMembershipLookup(entities, piiCipher),
    access: createAccessChecks(),
    users,
    auditor: createRecordAuditor(entities, users),
    notifier: deps.notifier,
  });
}

/** 我的待遇, 免申即享 screening and bulk enrolment, policies and their corrections. */
export function createBenefitsRoutes(deps: BenefitsDeps): RouteImplementation[] {
  const benefits = createBenefitsServiceFor(deps);
  return [
    implement(api.myBenefits, ({ caller, now }) => benefits.myBenefits(caller, now)),
    implement(api.runBenefitScreening, ({ caller, body, now }) => benefits.screen(caller, body, now)),
    implement(api.enrolBenefits, ({ caller, body, now, operationId }) =>
      benefits.enrol(caller, body, now, operationId),
    ),
    implement(api.listPolicies, () => benefits.listPolicies()),
    implement(api.addPolicyVersion, ({ caller, params, body, now, operationId }) =>
      benefits.addPolicyVersion(caller, params.id, body, now, operationId),
    ),
  ];
}
