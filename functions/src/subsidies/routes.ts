import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createPolicyStore } from '../benefits/policy-store';
import { createBundleEntity } from '../birth-bundles/entities';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createConflictDesk } from '../conflicts/desk';
import { createConflictEntity } from '../conflicts/entity';
import { createConflictEvidence } from '../conflicts/evidence';
import { createConflictRecords } from '../conflicts/records';
import { createIdentityEntity, createPolicyVersionEntity } from '../families/entities';
import type { Notifier } from '../notifications/notifier';
import { createRegistrationEntity } from '../registration/entity';
import { createAccessChecks } from '../staff/jurisdiction';
import { createSubsidyApplication } from './application';
import { createSubsidyConflicts } from './conflicts';
import { createSubsidyEntity } from './entity';
import { createSubsidyFamilySide } from './family';
import { createSubsidyPayments } from './payments';
import { createSubsidyRecords } from './records';
import { createSubsidyReview } from './review';

export interface SubsidiesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The 育儿补贴 services wired to the table (also used by the worker and the tests). */
export function createSubsidyServicesFor(deps: SubsidiesDeps) {
  const { client, table, notifier } = deps;
  const records = createSubsidyRecords(createSubsidyEntity(client, table));
  const guards = createGuards(createGuardEntity(client, table));
  const access = createAccessChecks();
  const identities = createIdentityEntity(client, table);
  const conflictRecords = createConflictRecords(createConflictEntity(client, table));
  const audit = createAuditTrail(createAuditEntity(client, auditTableName()));
  const conflicts = createSubsidyConflicts({
    records,
    guards,
    conflicts: conflictRecords,
    evidence: createConflictEvidence({
      registrations: createRegistrationEntity(client, table),
      bundles: createBundleEntity(client, table),
      identities,
      cipher: piiCipher,
    }),
    cipher: piiCipher,
  });
  return {
    records,
    application: createSubsidyApplication({
      records,
      guards,
      identities,
      policies: createPolicyStore(createPolicyVersionEntity(client, table)),
      cipher: piiCipher,
      conflicts,
    }),
    family: createSubsidyFamilySide(records),
    review: createSubsidyReview({ records, guards, access, notifier, conflicts: conflictRecords, audit }),
    payments: createSubsidyPayments({ records, access, notifier, conflicts: conflictRecords, audit }),
    conflicts: createConflictDesk({
      records: conflictRecords,
      parties: conflicts.parties,
      access,
      audit,
      notifier,
      cipher: piiCipher,
    }),
  };
}

/**
 * 育儿补贴: apply, my applications and their yearly confirmation, the district's
 * review and payments, and its queue of conflicting applications (decision 0013).
 */
export function createSubsidiesRoutes(deps: SubsidiesDeps): RouteImplementation[] {
  const { application, family, review, payments, conflicts } = createSubsidyServicesFor(deps);
  return [
    implement(api.applyChildcareSubsidy, ({ caller, body, now, operationId }) =>
      application.apply(caller, body, now, operationId),
    ),
    implement(api.myChildcareSubsidies, ({ caller, query }) => family.listMine(caller, query)),
    implement(api.renewChildcareSubsidy, ({ caller, params, now }) => family.renew(caller, params.id, now)),
    implement(api.staffChildcareSubsidies, ({ caller, query }) => review.list(caller, query)),
    implement(api.reviewChildcareSubsidy, ({ caller, params, body, now, requestId, sourceIp }) =>
      review.review(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.recordSubsidyPayment, ({ caller, params, body, now, operationId, requestId, sourceIp }) =>
      payments.record(caller, params.id, body, now, operationId, { requestId, sourceIp }),
    ),
    implement(api.staffSubsidyConflicts, ({ caller, query }) => conflicts.list(caller, query)),
    implement(api.resolveSubsidyConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
      conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
