import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createConflictDesk } from '../conflicts/desk';
import { createConflictEntity } from '../conflicts/entity';
import { createConflictEvidence } from '../conflicts/evidence';
import { createConflictRecords } from '../conflicts/records';
import { createIdentityEntity } from '../families/entities';
import type { Notifier } from '../notifications/notifier';
import { createRegistrationEntity } from '../registration/entity';
import { createAccessChecks } from '../staff/jurisdiction';
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
export function createBirthBundleServicesFor(deps: BirthBundleDeps) {
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

/**
 * 出生一件事: submit (written with its outbox before answering), per-item status,
 * and the district's queue of bundles naming one certificate (decision 0013).
 * For the registration group.
 */
export function createBirthBundleRoutes(deps: BirthBundleDeps): RouteImplementation[] {
  const { bundles, conflicts } = createBirthBundleServicesFor(deps);
  return [
    implement(api.submitBirthBundle, ({ caller, body, now, operationId }) =>
      bundles.submit(caller, body, now, operationId),
    ),
    implement(api.getBirthBundle, ({ caller, params }) => bundles.get(caller, params.id)),
    implement(api.staffBundleConflicts, ({ caller, query }) => conflicts.list(caller, query)),
    implement(api.resolveBundleConflict, ({ caller, params, body, now, requestId, sourceIp }) =>
      conflicts.resolve(caller, params.id, body, { now, requestId, sourceIp }),
    ),
  ];
}
