import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { accessTableName, auditTableName } from '../commons/dynamo';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createRecordAuditor } from '../families/audit';
import { createFamilyEntities } from '../families/entities';
import { createMembershipLookup } from '../families/membership';
import { openRecord } from '../families/sealed-record';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createFilerResolver } from './filing';
import { createAssistanceRecords } from './records';
import { createAssistanceService } from './service';

export interface AssistanceDeps {
  client: DynamoDBDocumentClient;
  table: string;
  notifier: Notifier;
}

/** The service wired to the table (also for tests that need a later `now`). */
export function createAssistanceServiceFor(deps: AssistanceDeps) {
  const { client, table } = deps;
  const entities = createFamilyEntities(client, table, auditTableName());
  const users = createUserStore(createUserEntity(client, accessTableName()));
  const access = createAccessChecks();
  const membership = createMembershipLookup(entities, piiCipher);
  const getFamily = async (familyId: string) => {
    const found = (await entities.families.get({ familyId }).go({ consistent: true })).data;
    return found ? openRecord(await piiCipher(), found) : undefined;
  };
  const auditor = createRecordAuditor(entities, users);
  return createAssistanceService({
    records: createAssistanceRecords(entities.requests, entities.requestEvents),
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

/** Help requests: file (self or proxy), the family's list, the staff queue, events. */
export function createAssistanceRoutes(deps: AssistanceDeps): RouteImplementation[] {
  const assistance = createAssistanceServiceFor(deps);
  return [
    implement(api.createAssistanceRequest, ({ caller, body, now, operationId }) =>
      assistance.create(caller, body, now, operationId),
    ),
    implement(api.myAssistanceRequests, ({ caller, query, now }) => assistance.listMine(caller, query, now)),
    implement(api.staffAssistanceRequests, ({ caller, query, now }) =>
      assistance.listForStaff(caller, query, now),
    ),
    implement(api.recordAssistanceEvent, ({ caller, params, body, now, requestId, sourceIp }) =>
      assistance.recordEvent(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.assistanceRequestEvents, ({ caller, params, query }) =>
      assistance.events(caller, params.id, query),
    ),
  ];
}
