import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { api } from '@hongjia/shared';
import { createUserEntity, createUserStore } from '../auth/users';
import { createCertificateEntity } from '../certificates/entity';
import { createGuardEntity, createGuards } from '../commons/guards';
import { piiCipher } from '../commons/pii';
import { implement, type RouteImplementation } from '../commons/router';
import type { Notifier } from '../notifications/notifier';
import { createAccessChecks } from '../staff/jurisdiction';
import { createUploadServiceFor } from '../uploads/routes';
import { createApproval } from './approval';
import {
  createReceiptCounterEntity,
  createRegistrationEntity,
  createRegistrationProbeEntity,
} from './entity';
import { createRegistrationRecords } from './records';
import { createRegistrationService } from './service';

export interface RegistrationDeps {
  client: DynamoDBDocumentClient;
  table: string;
  s3: S3Client;
  bucket: string;
  notifier: Notifier;
}

/** The service wired to the table (also used by the seed and the bench). */
export function createRegistrationServiceFor(deps: RegistrationDeps) {
  const { client, table } = deps;
  const records = createRegistrationRecords({
    registrations: createRegistrationEntity(client, table),
    probes: createRegistrationProbeEntity(client, table),
    counters: createReceiptCounterEntity(client, table),
    cipher: piiCipher,
  });
  const guardEntity = createGuardEntity(client, table);
  return createRegistrationService({
    records,
    approval: createApproval({
      records,
      guards: createGuards(guardEntity),
      guardEntity,
      certificates: createCertificateEntity(client, table),
    }),
    uploads: createUploadServiceFor({
      ...deps,
      holderExists: async (registrationId) => (await records.get(registrationId)) !== undefined,
    }),
    access: createAccessChecks(createUserStore(createUserEntity(client, table))),
    notifier: deps.notifier,
    cipher: piiCipher,
  });
}

/** The family's registrations and the district review queue. */
export function createRegistrationRoutes(deps: RegistrationDeps): RouteImplementation[] {
  const registrations = createRegistrationServiceFor(deps);
  return [
    implement(api.submitRegistration, ({ caller, body, now }) => registrations.submit(caller, body, now)),
    implement(api.resubmitRegistration, ({ caller, params, body, now }) =>
      registrations.resubmit(caller, params.id, body, now),
    ),
    implement(api.getRegistration, ({ caller, params, now }) => registrations.get(caller, params.id, now)),
    implement(api.myRegistrations, ({ caller, query }) => registrations.listMine(caller, query)),
    implement(api.staffRegistrations, ({ caller, query }) => registrations.listForStaff(caller, query)),
    implement(api.reviewRegistration, ({ caller, params, body, now }) =>
      registrations.review(caller, params.id, body, now),
    ),
  ];
}
