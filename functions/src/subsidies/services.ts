import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createPolicyStore, createPolicyVersionEntity } from '../benefits';
import { createBundleEntity } from '../birth-bundles';
import { createAccessChecks } from '../commons/access';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import {
  createConflictDesk,
  createConflictEntity,
  createConflictEvidence,
  createConflictRecords,
} from '../conflicts';
import { createIdentityEntity } from '../families';
import type { Notifier } from '../notifications';
import { createRegistrationEntity } from '../registration';
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
export function createSubsidyServices(deps: SubsidiesDeps) {
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
