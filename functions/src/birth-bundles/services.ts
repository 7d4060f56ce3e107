import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
import { createBundleConflicts } from './conflicts';
import { createBundleEntity, createOutboxEntity } from './entities';
import { createBundleRecords } from './records';
import { createBundleService } from './service';

export interface BirthBundleDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The 出生一件事 services wired to the table (also used by the tests). */
export function createBirthBundleServices(deps: BirthBundleDeps) {
  const { client, table, notifier } = deps;
  const records = createBundleRecords({
    bundles: createBundleEntity(client, table),
    outbox: createOutboxEntity(client, table),
  });
  const guards = createGuards(createGuardEntity(client, table));
  const registrations = createRegistrationEntity(client, table);
  const conflictRecords = createConflictRecords(createConflictEntity(client, table));
  const conflicts = createBundleConflicts({
    records,
    guards,
    conflicts: conflictRecords,
    evidence: createConflictEvidence({
      registrations,
      bundles: records.bundles,
      identities: createIdentityEntity(client, table),
      cipher: piiCipher,
    }),
    registrations,
    cipher: piiCipher,
  });
  return {
    records,
    bundles: createBundleService({ records, guards, recordConflict: conflicts.record }),
    conflicts: createConflictDesk({
      records: conflictRecords,
      parties: conflicts.parties,
      access: createAccessChecks(),
      audit: createAuditTrail(createAuditEntity(client, auditTableName())),
      notifier,
      cipher: piiCipher,
    }),
  };
}
