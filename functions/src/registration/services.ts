import type { CertificateEntity, VerificationEntity } from '../certificates';
import type { Foundation } from '../commons/foundation';
import type { GuardEntity } from '../commons/guards';
import type { IdentityEntity } from '../families';
import { type MonitoringWiring, registrationMonitoringHook } from '../monitoring';
import type { Notifier } from '../notifications';
import { createUploadServices, type UploadDeps } from '../uploads';
import { createApproval } from './approval';
import { createAttachmentReads } from './attachments';
import type { ReceiptCounterEntity, RegistrationEntity, RegistrationProbeEntity } from './entity';
import { createFilerCheck } from './filer';
import { createRegistrationRecords } from './records';
import { createRegistrationService } from './service';

/** What registrations take from the composition root (functions/src/root.ts). */
export interface RegistrationDeps
  extends Pick<Foundation, 'guards' | 'access' | 'audit' | 'cipher'>,
    UploadDeps,
    Pick<MonitoringWiring, 'queue'> {
  entities: UploadDeps['entities'] &
    Pick<MonitoringWiring['entities'], 'monitoring'> & {
      registrations: RegistrationEntity;
      registrationProbes: RegistrationProbeEntity;
      receiptCounters: ReceiptCounterEntity;
      guards: GuardEntity;
      certificates: CertificateEntity;
      verifications: VerificationEntity;
      identities: IdentityEntity;
    };
  notifier: Notifier;
}

/** The registrations, their review and their attachments over the root's pieces (also the seed's and the bench's). */
export function createRegistrationServices(deps: RegistrationDeps) {
  const { entities, access, audit, cipher } = deps;
  const records = createRegistrationRecords({
    registrations: entities.registrations,
    probes: entities.registrationProbes,
    counters: entities.receiptCounters,
    cipher,
  });
  const uploads = createUploadServices(deps);
  // A certificate and its verification item are written together (decision 0025).
  const certificates = { certificates: entities.certificates, verifications: entities.verifications };
  return {
    registrations: createRegistrationService({
      records,
      approval: createApproval({
        records,
        guards: deps.guards,
        guardEntity: entities.guards,
        certificates,
        monitoring: registrationMonitoringHook(deps),
      }),
      uploads: createUploadServices(
        deps,
        async (registrationId) => (await records.get(registrationId)) !== undefined,
      ),
      access,
      notifier: deps.notifier,
      cipher,
      filer: createFilerCheck(entities.identities),
      certificates,
      audit,
    }),
    /** Reads of a registration's attachments (a staff read is audited first). */
    attachments: createAttachmentReads({ records, access, uploads, audit }),
  };
}
