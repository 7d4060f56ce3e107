import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAccessChecks } from '../commons/access';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { piiCipher } from '../commons/pii';
import { userStoreFor } from '../commons/users';
import { createFamilyEntities, createMembershipLookup, createRecordAuditor, openRecord } from '../families';
import type { Notifier } from '../notifications';
import { createAssistanceEntities } from './entities';
import { createFilerResolver } from './filing';
import { createAssistanceRecords } from './records';
import { createAssistanceService } from './service';

export interface AssistanceDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The service wired to the table (also for tests that need a later `now`). */
export function createAssistanceServices(deps: AssistanceDeps) {
  const { client, table } = deps;
  const entities = createFamilyEntities(client, table, auditTableName());
  const { requests, requestEvents } = createAssistanceEntities(client, table);
  const users = userStoreFor(client, accessTableName());
  const access = createAccessChecks();
  const membership = createMembershipLookup(entities, piiCipher);
  const getFamily = async (familyId: string) => {
    const found = (await entities.families.get({ familyId }).go({ consistent: true })).data;
    return found ? openRecord(await piiCipher(), found) : undefined;
  };
  const auditor = createRecordAuditor(entities, users);
  return createAssistanceService({
    records: createAssistanceRecords(requests, requestEvents),
    filers: createFilerResolver({ membership, getFamily, access, cipher: piiCipher }),
    membership,
    getFamily,
    access,
    users,
    notifier: deps.notifier,
    cipher: piiCipher,
    audit: createAuditTrail(createAuditEntity(client, auditTableName())),
    auditProxyRequest: (family, caller, now, event) =>
      auditor.record([family.familyId], 'proxy_request', caller, now, event),
  });
}
