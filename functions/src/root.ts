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
import { createFactClaimEntity } from './fact-claims/entity';
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

/**
 * What an entity is built from: the client and the table names (the Access and Audit
 * names read on first use, so a group without those grants never reads them).
 */
export interface EntityContext {
  client: DynamoDBDocumentClient;
  table: string;
  accessTable: () => AccessTableName;
  auditTable: () => AuditTableName;
}

type EntityBuilders = Record<string, (context: EntityContext) => unknown>;
type Built<B extends EntityBuilders> = { [K in keyof B]: ReturnType<B[K]> };

// Each entity's builder, once. A group's root takes the sets below its routes use; esbuild leaves
// the builders (and entity files) no set of that group names out of its bundle (decision 0026).
const institutions = (c: EntityContext) => createInstitutionEntity(c.client, c.table);
const slots = (c: EntityContext) => createSlotEntity(c.client, c.table);
/** 普惠 applications, inspections, known operators (decision 0034). */
const programmes = (c: EntityContext) => createProgrammeEntities(c.client, c.table);
const bookings = (c: EntityContext) => createBookingEntity(c.client, c.table);
const guards = (c: EntityContext) => createGuardEntity(c.client, c.table);
const conflicts = (c: EntityContext) => createConflictEntity(c.client, c.table);
const registrations = (c: EntityContext) => createRegistrationEntity(c.client, c.table);
const registrationProbes = (c: EntityContext) => createRegistrationProbeEntity(c.client, c.table);
const receiptCounters = (c: EntityContext) => createReceiptCounterEntity(c.client, c.table);
const certificates = (c: EntityContext) => createCertificateEntity(c.client, c.table);
const verifications = (c: EntityContext) => createVerificationEntity(c.client, c.table);
const printCodes = (c: EntityContext) => createPrintCodeEntity(c.client, c.table);
const servicePoints = (c: EntityContext) => createServicePointEntity(c.client, c.table);
const uploads = (c: EntityContext) => createUploadEntity(c.client, c.table);
const bundles = (c: EntityContext) => createBundleEntity(c.client, c.table);
const bundleOutbox = (c: EntityContext) => createOutboxEntity(c.client, c.table);
const subsidies = (c: EntityContext) => createSubsidyEntity(c.client, c.table);
const benefits = (c: EntityContext) => createBenefitEntities(c.client, c.table);
const assistance = (c: EntityContext) => createAssistanceEntities(c.client, c.table);
/** 社会组织: organisations, their accounts and assignments (decision 0035). */
const volunteers = (c: EntityContext) => createVolunteerEntities(c.client, c.table);
const monitoring = (c: EntityContext) => createMonitoringEntities(c.client, c.table);
const notifications = (c: EntityContext) => createNotificationEntity(c.client, c.table);
const consents = (c: EntityContext) => createConsentEntity(c.client, c.table);
const identities = (c: EntityContext) => createIdentityEntity(c.client, c.table);
/** A special family's record and its members (and the record's own audit, in the Audit table). */
const families = (c: EntityContext): FamilyEntities => ({
  identities: identities(c),
  identityConflicts: createIdentityConflictEntity(c.client, c.table),
  families: createSpecialFamilyEntity(c.client, c.table),
  members: createFamilyMemberEntity(c.client, c.table),
  audits: createRecordAuditEntity(c.client, c.auditTable()),
});
/** Access table. */
const users = (c: EntityContext) => createUserEntity(c.client, c.accessTable());
/** Audit table. */
const audit = (c: EntityContext) => createAuditEntity(c.client, c.auditTable());
/** 科学育儿 articles' published / retired states (the text is in the guidance bundle). */
const articleStates = (c: EntityContext) => createArticleStateEntity(c.client, c.table);
/** Family-supplied proof of policy facts (decision 0039). */
const factClaims = (c: EntityContext) => createFactClaimEntity(c.client, c.table);

/** What every root holds: the router's caller store, audit trail and guards, and the notifier. */
const foundationEntities = { guards, users, audit, notifications };

/**
 * The entities each capability's `createXServices` takes (its `XDeps['entities']`), one export
 * per set so that esbuild keeps only the sets a group names: `rootFromEnv({}, searchEntities,
 * bookingEntities)`. The typecheck fails when a group hands a capability a root without an
 * entity it takes.
 */
export const searchEntities = { institutions, slots };
export const bookingEntities = { bookings, slots, institutions, guards };
export const filingEntities = { institutions, slots, guards, conflicts };
export const certificateEntities = { certificates, verifications, printCodes, servicePoints };
export const uploadEntities = { uploads };
export const registrationEntities = {
  uploads,
  monitoring,
  registrations,
  registrationProbes,
  receiptCounters,
  guards,
  certificates,
  verifications,
  identities,
};
export const birthBundleEntities = { bundles, bundleOutbox, guards, conflicts, registrations, identities };
export const subsidyEntities = { subsidies, guards, conflicts, identities, registrations, bundles, benefits };
export const familyEntities = { families };
export const benefitEntities = { benefits, families };
export const assistanceEntities = { assistance, families };
export const monitoringEntities = { monitoring, uploads };
export const consentEntities = { consents };
export const programmeEntities = { programmes, institutions, slots, uploads };
export const volunteerEntities = { volunteers };
export const articleEntities = { articleStates };
export const factClaimEntities = { factClaims, families, uploads };
/** The scheduled work, and the 育儿补贴 a bundle files once the child has an ID number (decision 0035). */
// Spelled out, not `...subsidyEntities`: esbuild keeps an object with a spread (a spread may run a
// getter), so that line put five entity files into every group's bundle (decision 0026).
export const scheduledWorkEntities = {
  bundleOutbox,
  notifications,
  users,
  subsidies,
  guards,
  conflicts,
  identities,
  registrations,
  bundles,
  benefits,
};

/** Every entity: the root of the seed, the benches, the tests and the local runtime's one process. */
const everyEntity = () => ({
  ...foundationEntities,
  institutions,
  slots,
  bookings,
  conflicts,
  registrations,
  registrationProbes,
  receiptCounters,
  certificates,
  verifications,
  printCodes,
  servicePoints,
  uploads,
  bundles,
  bundleOutbox,
  subsidies,
  benefits,
  assistance,
  monitoring,
  consents,
  identities,
  families,
  programmes,
  volunteers,
  articleStates,
  factClaims,
});

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void
  ? I
  : never;

/** A root over the foundation's entities and `sets` (each entity built on first use, once). */
export function composeRoot<S extends EntityBuilders[]>(wiring: RootWiring, ...sets: S) {
  const { client, table } = wiring;
  const context: EntityContext = {
    client,
    table,
    accessTable: () => wiring.accessTable ?? accessTableName(),
    auditTable: () => wiring.auditTable ?? auditTableName(),
  };
  const builders: EntityBuilders = Object.assign({}, foundationEntities, ...sets);
  type Entities = Built<typeof foundationEntities & UnionToIntersection<S[number]>>;
  const entities = onFirstUse(
    Object.fromEntries(Object.entries(builders).map(([name, build]) => [name, () => build(context)])) as {
      [K in keyof Entities]: () => Entities[K];
    },
  );

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

/** The root with every entity (the seed, benches, tests; the local runtime). Groups take `rootFromEnv`. */
export function createRoot(wiring: RootWiring) {
  return composeRoot(wiring, everyEntity());
}

export type Root = ReturnType<typeof createRoot>;

/**
 * A function group's root: the process's DynamoDB client and the table names its grants
 * bind. Each group file builds one at import, so once per cold start (locally, where every
 * group runs in one process, once per group, as deployed).
 */
export function rootFromEnv<S extends EntityBuilders[]>(wiring: Partial<RootWiring>, ...sets: S) {
  return composeRoot({ client: documentClient, table: mainTableName(), ...wiring }, ...sets);
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
  root: Pick<Root, 'callers' | 'limiter' | 'audit'>,
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
