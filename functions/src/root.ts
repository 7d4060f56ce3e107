import type { S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createArticleStateEntity } from './articles/entity';
import { createAssistanceEntities } from './assistance/entities';
import { createVolunteerEntities } from './assistance/volunteers/entities';
import { createBenefitEntities } from './benefits/entities';
import { createBundleEntity, createOutboxEntity } from './birth-bundles/entities';
import { createCertificateEntity } from './certificates/entity';
import { createPrintCodeEntity } from './certificates/print-code-entity';
import { createVerificationEntity } from './certificates/verification';
import { createBookingEntity } from './childcare/booking/entity';
import { createInstitutionEntity, createSlotEntity } from './childcare/entities';
import { createProgrammeEntities } from './childcare/programmes/entities';
import { createAccessChecks } from './commons/access';
import { createAuditEntity, createAuditTrail } from './commons/audit';
import { callerStoreOf } from './commons/caller';
import {
  type AccessTableName,
  type AuditTableName,
  accessTableName,
  auditTableName,
  documentClient,
  mainTableName,
} from './commons/dynamo';
import { createGuardEntity, createGuards } from './commons/guards';
import { type PiiCipher, piiCipher } from './commons/pii';
import type { MessageQueue } from './commons/queue';
import { createRateLimiter } from './commons/rate-limit';
import { createHttpHandler, type HttpHandlerOptions, type RouteImplementation } from './commons/router';
import { createUserEntity, createUserStore } from './commons/users';
import { createConflictEntity } from './conflicts/entity';
import { createConsentEntity } from './consents/consents';
import {
  createFamilyMemberEntity,
  createIdentityConflictEntity,
  createIdentityEntity,
  createRecordAuditEntity,
  createSpecialFamilyEntity,
  type FamilyEntities,
} from './families/entities';
import { createMonitoringEntities } from './monitoring/entities';
import { createNotificationEntity } from './notifications/entity';
import { notifierFor } from './notifications/from-env';
import type { Notifier } from './notifications/notifier';
import {
  createReceiptCounterEntity,
  createRegistrationEntity,
  createRegistrationProbeEntity,
} from './registration/entity';
import { createServicePointEntity } from './service-points/entities';
import { createSubsidyEntity } from './subsidies/entity';
import { createUploadEntity } from './uploads/entity';

/**
 * The composition root (decision 0024): every entity, the guards, the access check,
 * the user store, the notifier, the audit trail, the PII cipher and the clock, built
 * ONCE per process and handed to each capability's `createXServices(root)`, which
 * takes what it needs. Groups, workers, the seed, the benches and the tests start
 * here; no capability imports it (functions/test/import-rules.test.ts).
 *
 * Each piece is built on first use, not at cold start: a group reads only the tables
 * and keys its manifest grants (the childcare group has no Audit table name to read,
 * the reports group no cipher to load), and a group touching three entities builds three.
 * Building is plain object construction (ElectroDB parses each schema): no I/O.
 */
export interface RootWiring {
  client: DynamoDBDocumentClient;
  /** The main table. */
  table: string;
  /** Default: ACCESS_TABLE_NAME, read on first use. */
  accessTable?: AccessTableName;
  /** Default: AUDIT_TABLE_NAME, read on first use. */
  auditTable?: AuditTableName;
  /** Default: the outbox notifier WECHAT_AUTH_MODE asks for (notifications/from-env.ts). */
  notifier?: Notifier;
  /** Default: the process's cipher (commons/pii). */
  cipher?: () => Promise<PiiCipher>;
  /** The upload bucket, for the groups that hold it (the root imports no S3 client: bundles stay small). */
  s3?: S3Client;
  bucket?: string;
  /** The monitoring queue; default: the queue MONITORING_QUEUE_URL names (monitoring/wiring.ts). */
  queue?: MessageQueue;
  clock?: () => Date;
}

/** An object whose properties are built by `builders` on first read, then kept. */
function onFirstUse<T extends object>(builders: { [K in keyof T]: () => T[K] }): T {
  const built = {} as T;
  for (const key of Object.keys(builders) as (keyof T)[]) {
    Object.defineProperty(built, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = builders[key]();
        Object.defineProperty(built, key, { value, enumerable: true });
        return value;
      },
    });
  }
  return built;
}

export function createRoot(wiring: RootWiring) {
  const { client, table } = wiring;
  const accessTable = () => wiring.accessTable ?? accessTableName();
  const auditTable = () => wiring.auditTable ?? auditTableName();

  const entities = onFirstUse({
    institutions: () => createInstitutionEntity(client, table),
    slots: () => createSlotEntity(client, table),
    /** 普惠 applications, inspections, known operators (decision 0034). */
    programmes: () => createProgrammeEntities(client, table),
    bookings: () => createBookingEntity(client, table),
    guards: () => createGuardEntity(client, table),
    conflicts: () => createConflictEntity(client, table),
    registrations: () => createRegistrationEntity(client, table),
    registrationProbes: () => createRegistrationProbeEntity(client, table),
    receiptCounters: () => createReceiptCounterEntity(client, table),
    certificates: () => createCertificateEntity(client, table),
    verifications: () => createVerificationEntity(client, table),
    printCodes: () => createPrintCodeEntity(client, table),
    servicePoints: () => createServicePointEntity(client, table),
    uploads: () => createUploadEntity(client, table),
    bundles: () => createBundleEntity(client, table),
    bundleOutbox: () => createOutboxEntity(client, table),
    subsidies: () => createSubsidyEntity(client, table),
    benefits: () => createBenefitEntities(client, table),
    assistance: () => createAssistanceEntities(client, table),
    volunteers: () => createVolunteerEntities(client, table),
    monitoring: () => createMonitoringEntities(client, table),
    notifications: () => createNotificationEntity(client, table),
    consents: () => createConsentEntity(client, table),
    identities: () => createIdentityEntity(client, table),
    /** A special family's record and its members (and the record's own audit, in the Audit table). */
    families: (): FamilyEntities => ({
      identities: entities.identities,
      identityConflicts: createIdentityConflictEntity(client, table),
      families: createSpecialFamilyEntity(client, table),
      members: createFamilyMemberEntity(client, table),
      audits: createRecordAuditEntity(client, auditTable()),
    }),
    /** Access table. */
    users: () => createUserEntity(client, accessTable()),
    /** Audit table. */
    audit: () => createAuditEntity(client, auditTable()),
    /** 科学育儿 articles' published / retired states (the text is in the guidance bundle). */
    articleStates: () => createArticleStateEntity(client, table),
  });

  return onFirstUse({
    client: () => client,
    table: () => table,
    entities: () => entities,
    guards: () => createGuards(entities.guards),
    access: () => createAccessChecks(),
    users: () => createUserStore(entities.users),
    /** The router's read of the stored user behind a token (consistent; commons/caller.ts). */
    callers: () => callerStoreOf(entities.users),
    audit: () => createAuditTrail(entities.audit),
    notifier: () => wiring.notifier ?? notifierFor(entities.notifications),
    cipher: () => wiring.cipher ?? piiCipher,
    limiter: () => createRateLimiter({ client, table }),
    clock: () => wiring.clock ?? (() => new Date()),
    s3: () => required(wiring.s3, 's3'),
    bucket: () => required(wiring.bucket, 'bucket'),
    queue: () => wiring.queue,
  });
}

export type Root = ReturnType<typeof createRoot>;

/**
 * A function group's root: the process's DynamoDB client and the table names its grants
 * bind. Each group file builds one at import, so once per cold start (locally, where every
 * group runs in one process, once per group, as deployed).
 */
export function rootFromEnv(wiring: Partial<RootWiring> = {}): Root {
  return createRoot({ client: documentClient, table: mainTableName(), ...wiring });
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`the composition root was built without ${name}`);
  return value;
}

/**
 * A group's HTTP handler on the root: the router reads the stored caller, counts limited
 * routes and writes audited reads through the root's pieces — each asked for only when a
 * request needs it (getters), so a group never reads a table its grants leave out.
 */
export function serve(
  root: Root,
  routes: readonly RouteImplementation[],
  options: Omit<HttpHandlerOptions, 'callers' | 'limiter' | 'audit'> = {},
) {
  return createHttpHandler(routes, {
    ...options,
    get callers() {
      return root.callers;
    },
    get limiter() {
      return root.limiter;
    },
    get audit() {
      return root.audit;
    },
  });
}
