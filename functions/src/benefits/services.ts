import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAccessChecks } from '../commons/access';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { piiCipher } from '../commons/pii';
import { userStoreFor } from '../commons/users';
import { createFamilyEntities, createMembershipLookup, createRecordAuditor } from '../families';
import type { Notifier } from '../notifications';
import { createBenefitEntities } from './entities';
import { createPolicyStore } from './policy-store';
import { createBenefitRecords } from './records';
import { createBenefitsService } from './service';

export interface BenefitsDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The service wired to the table (also used by tests that need another `now`). */
export function createBenefitsServices(deps: BenefitsDeps) {
  const entities = {
    ...createFamilyEntities(deps.client, deps.table, auditTableName()),
    ...createBenefitEntities(deps.client, deps.table),
  };
  const users = userStoreFor(deps.client, accessTableName());
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
