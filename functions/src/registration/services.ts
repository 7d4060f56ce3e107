import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createCertificateItems } from '../certificates';
import { createAccessChecks } from '../commons/access';
import { createAuditEntity, createAuditTrail } from '../commons/audit';
import { auditTableName } from '../commons/dynamo';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { createIdentityEntity } from '../families';
import { registrationMonitoringHook } from '../monitoring';
import type { Notifier } from '../notifications';
import { createUploadServices } from '../uploads';
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
export function createRegistrationServices(deps: RegistrationDeps) {
  const { client, table } = deps;
  const records = recordsFor(deps);
  const guardEntity = createGuardEntity(client, table);
  const certificates = createCertificateItems(client, table);
  return createRegistrationService({
    records,
    approval: createApproval({
      records,
      guards: createGuards(guardEntity),
      guardEntity,
      certificates,
      monitoring: registrationMonitoringHook({ client, table }),
    }),
    uploads: createUploadServices({
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

/** Reads of a registration's attachments (a staff read is audited first). */
export function createAttachmentServices(deps: RegistrationDeps) {
  return createAttachmentReads({
    records: recordsFor(deps),
    access: createAccessChecks(),
    uploads: createUploadServices(deps),
    audit: createAuditTrail(createAuditEntity(deps.client, auditTableName())),
  });
}
