import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createUserEntity, createUserStore } from '../../auth/users';
import { createAuditEntity, createAuditTrail } from '../../commons/audit';
import { accessTableName, auditTableName } from '../../commons/dynamo';
import { createGuardEntity, createGuards } from '../../commons/guards';
import { createConflictDesk } from '../../conflicts/desk';
import { createConflictEntity } from '../../conflicts/entity';
import { createConflictRecords } from '../../conflicts/records';
import type { Notifier } from '../../notifications/notifier';
import { createAccessChecks } from '../../staff/jurisdiction';
import { createInstitutionEntity } from '../entities';
import { createFilingConflicts } from './conflicts';
import { createFilingService } from './service';

/**
 * 登记备案 wired to the table, for the provider group (filing) and the staff
 * group (review, credit-code conflicts), and the tests.
 */
export function createFilingServicesFor(deps: {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}) {
  const { client, table, notifier } = deps;
  const institutions = createInstitutionEntity(client, table);
  const guards = createGuards(createGuardEntity(client, table));
  const users = createUserStore(createUserEntity(client, accessTableName()));
  const access = createAccessChecks();
  const conflictRecords = createConflictRecords(createConflictEntity(client, table));
  const conflicts = createFilingConflicts({ institutions, guards, conflicts: conflictRecords, users });
  const audit = createAuditTrail(createAuditEntity(client, auditTableName()));
  return {
    institutions,
    access,
    filings: createFilingService({
      institutions,
      guards,
      access,
      notifier,
      recordConflict: conflicts.record,
      conflicts: conflictRecords,
      audit,
    }),
    conflicts: createConflictDesk({
      records: conflictRecords,
      parties: conflicts.parties,
      access,
      audit,
      notifier,
    }),
  };
}
