import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createCertificateEntity } from '../certificates/entity';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import { createIdentityEntity } from '../families/entities';
import { registrationMonitoringHook } from '../monitoring/wiring';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createUploadServiceFor } from '../uploads/routes';
import { createApproval } from './approval';
import { createAttachmentReads } from './attachments';
import {
  createReceiptCounterEntity,
  createRegistrationEntity,
  createRegistrationProbeEntity,
} from './entity';
import { createFilerCheck } from './filer';
import { createRegistrationRecords } from './records';
import { createRegistrationService } from './service';

export interface RegistrationDeps {
  client: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
  notifier: Notifier;
}

const recordsFor = ({ client, table }: Pick<RegistrationDeps, 'client' | 'table'>) =>
  createRegistrationRecords({
    registrations: createRegistrationEntity(client, table),
    probes: createRegistrationProbeEntity(client, table),
    counters: createReceiptCounterEntity(client, table),
    cipher: piiCipher,
  });

/** The service wired to the table (also used by the seed and the bench). */
export function createRegistrationServiceFor(deps: RegistrationDeps) {
  const { client, table } = deps;
  const records = recordsFor(deps);
  const guardEntity = createGuardEntity(client, table);
  const certificates = createCertificateEntity(client, table);
  return createRegistrationService({
    records,
    approval: createApproval({
      records,
      guards: createGuards(guardEntity),
      guardEntity,
      certificates,
      monitoring: registrationMonitoringHook({ client, table }),
    }),
    uploads: createUploadServiceFor({
      ...deps,
      holderExists: async (registrationId) => (await records.get(registrationId)) !== undefined,
    }),
    access: createAccessChecks(),
    notifier: deps.notifier,
    cipher: piiCipher,
    filer: createFilerCheck(createIdentityEntity(client, table)),
    certificates,
    audit: createAuditTrail(createAuditEntity(client, auditTableName())),
  });
}

/** The family's registrations and the district review queue. */
export function createRegistrationRoutes(deps: RegistrationDeps): RouteImplementation[] {
  const registrations = createRegistrationServiceFor(deps);
  const attachments = createAttachmentReads({
    records: recordsFor(deps),
    access: createAccessChecks(),
    uploads: createUploadServiceFor(deps),
    audit: createAuditTrail(createAuditEntity(deps.client, auditTableName())),
  });
  return [
    implement(api.submitRegistration, ({ caller, body, now, operationId }) =>
      registrations.submit(caller, body, now, operationId),
    ),
    implement(api.resubmitRegistration, ({ caller, params, body, now }) =>
      registrations.resubmit(caller, params.id, body, now),
    ),
    implement(api.getRegistration, ({ caller, params, now }) => registrations.get(caller, params.id, now)),
    implement(api.registrationAttachment, ({ caller, params, now, requestId, sourceIp }) =>
      attachments.link(caller, params.id, params.uploadId, { now, requestId, sourceIp }),
    ),
    implement(api.myRegistrations, ({ caller, query }) => registrations.listMine(caller, query)),
    implement(api.staffRegistrations, ({ caller, query }) => registrations.listForStaff(caller, query)),
    implement(api.reviewRegistration, ({ caller, params, body, now, requestId, sourceIp }) =>
      registrations.review(caller, params.id, body, now, { requestId, sourceIp }),
    ),
    implement(api.voidRegistration, ({ caller, params, body, now, requestId, sourceIp }) =>
      registrations.voidApproval(caller, params.id, body, now, { requestId, sourceIp }),
    ),
  ];
}
