import { api, type RouteContract } from '@hongjia/shared';
import type { LookupPurpose, PiiFamily } from './commons/pii/families';

/**
 * The Lambda functions, one per capability group, and the routes each serves.
 * Read by the CDK stack (one NodejsFunction and its HTTP API routes per group),
 * by the local runtime (which imports the same handler files) and by the
 * OpenAPI generator. A route belongs to exactly one group.
 */
export interface FunctionGroup {
  /** Short name, also the CDK construct id and the log service name. */
  name: string;
  /** Handler file, relative to the functions package; exports `handler`. */
  entry: string;
  routes: readonly RouteContract[];
  /**
   * Least-privilege access of this group: the CDK stack grants exactly this
   * (access-grants.ts turns it into DynamoDB actions), and the local runtime
   * refuses what it does not name, so the integration tests prove it is
   * enough. Decision 0016 says what each group may do and why.
   */
  access: GroupAccess;
  memoryMb?: number;
  /** The function's timeout (default 10 s). */
  timeoutSeconds?: number;
  /** Workers: run on a schedule (EventBridge deployed, an interval locally) instead of serving routes. */
  schedule?: { everyMinutes: number };
  /**
   * Workers triggered by a queue of their own: deployed an SQS queue with a
   * dead-letter queue, an alarm on it and an event source (one message per
   * invocation); locally an in-process queue (local/queues.ts) that runs the
   * same handler as this group. Senders name the group in `access.sendsTo`
   * and get the queue's URL in `envVar`.
   */
  queue?: { envVar: string };
  /**
   * Files copied beside the bundled handler (paths from the repository root), for code that
   * reads them at run time — the reports group's CJK font. Locally the same code reads them
   * from functions/assets/.
   */
  bundleAssets?: readonly { from: string }[];
}

export interface GroupAccess {
  /** The domain table. RO: get, batch get, query (table and indexes); RW adds put, update, delete, batch write. Never Scan. */
  mainTable?: 'RO' | 'RW';
  /** User records (roles, district). RO: GetItem by key; RW (sign-in only): also create and update them. */
  accessTable?: 'RO' | 'RW';
  /** The audit trails, append-only: `append` = PutItem (conditional creates), `read` = Query. Never update or delete. */
  auditTable?: 'append' | 'read' | 'append-read';
  idempotencyTable?: 'RW';
  uploadBucket?: 'RO' | 'RW';
  /** Only objects under this prefix of the upload bucket (default: every object). */
  uploadPrefix?: string;
  /** Queue-triggered groups this group sends messages to (sqs:SendMessage on exactly their queues). */
  sendsTo?: readonly string[];
  /**
   * Session tokens (decision 0017): `verify` gets the public key set only; `sign`
   * (the sign-in group alone) also gets the Ed25519 private key; absent (no
   * signed-in routes: platform, workers) gets neither. Enforced by IAM deployed
   * and by the key readers locally; a CDK test lists who holds what.
   */
  sessionSecret?: 'verify' | 'sign';
  /** Signs and checks list cursors (its own HMAC key; groups whose routes page). */
  cursorKey?: boolean;
  /** Keys rate-limit counters and print-code candidates (its own HMAC key). */
  rateLimitKey?: boolean;
  /**
   * Why the group calls WeChat with the AppSecret: jscode2session at sign-in,
   * real-name face verification, or pushing subscription messages (the
   * workers group drains the notification outbox). No other group holds it.
   */
  wechatSecret?: 'signIn' | 'faceVerification' | 'push';
  /**
   * Personal-data field families this group seals or opens (KMS data keys under
   * those encryption contexts only; commons/pii/families.ts).
   */
  pii?: readonly PiiFamily[];
  /**
   * Computes keyed look-up hashes of personal data (the HMAC key). `true`: any
   * purpose; a list: only those purposes (checked in code — IAM can only grant
   * the whole secret, so a list narrows what a bug can do, not what a
   * compromised function can; decision 0016).
   */
  piiLookup?: true | readonly LookupPurpose[];
  /** Signs certificate QR payloads with the Ed25519 key. */
  certSigningKey?: boolean;
}

export const functionGroups: readonly FunctionGroup[] = [
  {
    name: 'platform',
    entry: 'src/groups/platform.ts',
    routes: [api.health, api.openapi],
    // Answers from code alone: no table, no key (its router never looks at a token).
    access: {},
    // The OpenAPI document, generated at build time (functions/src/platform/openapi-document.ts).
    bundleAssets: [{ from: 'functions/assets/openapi.json' }],
  },
  {
    name: 'auth',
    entry: 'src/groups/auth.ts',
    routes: [
      api.signIn,
      api.me,
      api.logout,
      api.deactivateUser,
      api.reactivateUser,
      api.recordConsent,
      api.listConsents,
      api.withdrawConsent,
      api.myNotifications,
    ],
    // The only group that writes user records (and signs sessions); deactivations are audited.
    access: {
      rateLimitKey: true,
      mainTable: 'RW',
      accessTable: 'RW',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'sign',
      cursorKey: true,
      wechatSecret: 'signIn',
    },
  },
  {
    // Public search and a family's bookings (the guardian's phone is sealed).
    name: 'childcare',
    entry: 'src/groups/childcare.ts',
    routes: [
      api.childcareNearby,
      api.childcareInstitution,
      api.childcareInstitutionSlots,
      api.createBooking,
      api.myBookings,
      api.cancelBooking,
    ],
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['booking'],
      // The one-active-booking-per-child guard key, and nothing else.
      piiLookup: ['child-slot'],
    },
  },
  {
    // Providers' reads repair a booking behind its ledger, which may notify a
    // promotion; a provider's booking list opens the guardians' phones (each read audited).
    name: 'provider',
    entry: 'src/groups/provider.ts',
    routes: [
      api.fileInstitution,
      api.providerInstitutions,
      api.publishSlot,
      api.providerBookings,
      api.applyAffordable,
      api.providerAffordableApplications,
      api.changeInstitutionFee,
      api.providerInspections,
      api.reportRectification,
    ],
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      // A provider's read of its bookings opens guardians' phones: audited (decision 0019).
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['booking'],
    },
  },
  {
    // Filing decisions notify the provider. Credit-code conflicts are resolved here:
    // they touch institutions and guards only, no personal data (decision 0013).
    name: 'staff',
    entry: 'src/groups/staff.ts',
    routes: [
      api.staffFilings,
      api.decideFiling,
      api.childcareStats,
      api.staffFilingConflicts,
      api.resolveFilingConflict,
      api.staffAffordableApplications,
      api.decideAffordableApplication,
      api.designateModelInstitution,
      api.withdrawModelInstitution,
      api.recordInspection,
      api.staffInstitutionInspections,
      api.overdueRectifications,
      api.knownOperators,
      api.addKnownOperator,
      api.importKnownOperators,
    ],
    // The idempotency table: 普惠 decisions, designations, inspections and operator writes take an Idempotency-Key.
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
    },
  },
  {
    // Birth registration (秒办 and review), attachments, 出生一件事 and its conflicts.
    name: 'registration',
    entry: 'src/groups/registration.ts',
    routes: [
      api.createUpload,
      api.submitRegistration,
      api.myRegistrations,
      api.getRegistration,
      api.registrationAttachment,
      api.resubmitRegistration,
      api.staffRegistrations,
      api.reviewRegistration,
      api.voidRegistration,
      api.submitBirthBundle,
      api.getBirthBundle,
      api.staffBundleConflicts,
      api.resolveBundleConflict,
    ],
    // Approvals and voids are told to population monitoring (its registration hook: a fact and a message).
    access: {
      rateLimitKey: true,
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      uploadBucket: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['registration', 'birthBundle', 'conflict', 'idempotency'],
      piiLookup: true,
      sendsTo: ['monitoringWorker'],
    },
  },
  {
    // E-certificates: QR signing, public verification, print codes, nearest service points.
    // PII keys: its stored idempotent responses (live print codes) are sealed.
    name: 'certificates',
    entry: 'src/groups/certificates.ts',
    routes: [
      api.myCertificates,
      api.myCertificate,
      api.verifyCertificate,
      api.certificatePublicKey,
      api.createPrintCode,
      api.redeemPrintCode,
      api.revokeCertificate,
      api.nearbyServicePoints,
    ],
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      rateLimitKey: true,
      certSigningKey: true,
      pii: ['idempotency'],
    },
  },
  {
    // Real-name binding (WeChat face verification needs the access token) and
    // special-family records with their audit log, coverage and proxy consent.
    name: 'families',
    entry: 'src/groups/families.ts',
    routes: [
      api.bindIdentity,
      api.myIdentity,
      api.staffIdentityConflicts,
      api.createSpecialFamily,
      api.staffSpecialFamilies,
      api.staffSpecialFamily,
      api.updateSpecialFamily,
      api.specialFamilyCoverage,
      api.mySpecialFamily,
      api.myRecordViews,
      api.setProxyConsent,
      // Family-supplied proof of policy facts and its review (decision 0039).
      api.submitFactClaim,
      api.myFactClaims,
      api.staffFactClaims,
      api.decideFactClaim,
      api.factClaimAttachment,
    ],
    access: {
      rateLimitKey: true,
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append-read',
      idempotencyTable: 'RW',
      // Proof attachments: read back, copied under the claim, and linked for reading (decision 0039).
      uploadBucket: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      wechatSecret: 'faceVerification',
      pii: ['identity', 'specialFamily', 'idempotency'],
      piiLookup: true,
    },
  },
  {
    // Policies as data, the family's benefits, 免申即享 screening and bulk enrolment (notifies).
    name: 'benefits',
    entry: 'src/groups/benefits.ts',
    routes: [
      api.myBenefits,
      api.runBenefitScreening,
      api.enrolBenefits,
      api.listPolicies,
      api.addPolicyVersion,
    ],
    // Its replayable responses are sealed (idempotency); screening and 我的待遇 open the
    // facts the rules need: members' birth dates (identity), a special family's kind and
    // event date (specialFamily).
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['identity', 'specialFamily', 'idempotency'],
    },
  },
  {
    // Help requests of special families: deadlines, events, the overdue list, proxy filing
    // (opens the family's record to check the proxy and audit it: specialFamily).
    name: 'assistance',
    entry: 'src/groups/assistance.ts',
    routes: [
      api.createAssistanceRequest,
      api.myAssistanceRequests,
      api.staffAssistanceRequests,
      api.recordAssistanceEvent,
      api.assistanceRequestEvents,
      // 社会组织 (decision 0035): registration, assignment, the organisation's side.
      api.registerVolunteerOrganisation,
      api.staffVolunteerOrganisations,
      api.deactivateVolunteerOrganisation,
      api.assignAssistanceRequest,
      api.volunteerAssignments,
      api.recordVolunteerEvent,
    ],
    access: {
      rateLimitKey: true,
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['assistance', 'specialFamily', 'idempotency'],
    },
  },
  {
    // 育儿补贴: applications, district review within 30 working days, yearly renewal, payments,
    // conflicting applications for one child (opens sealed names for the evidence).
    name: 'subsidies',
    entry: 'src/groups/subsidies.ts',
    routes: [
      api.applyChildcareSubsidy,
      api.myChildcareSubsidies,
      api.renewChildcareSubsidy,
      api.staffChildcareSubsidies,
      api.reviewChildcareSubsidy,
      api.recordSubsidyPayment,
      api.staffSubsidyConflicts,
      api.resolveSubsidyConflict,
    ],
    access: {
      rateLimitKey: true,
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['subsidy', 'conflict', 'birthBundle', 'idempotency'],
      piiLookup: true,
    },
  },
  {
    // The 出生一件事 outbox: hands each item to its agency, with retries and backoff;
    // 育儿补贴 renewal reminders.
    // Timeout (10 s, the construct's) stays well under the 60 s claim lease.
    name: 'workers',
    entry: 'src/groups/workers.ts',
    routes: [],
    // Also pushes the notification outbox as WeChat subscription messages (the
    // openid from the user record): the one group that sends them.
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      wechatSecret: 'push',
      // 育儿补贴 filed from a bundle (decision 0035): seals the application, hashes the child's
      // ID number for its guard, and opens a conflict's evidence when another applicant holds it.
      pii: ['birthBundle', 'subsidy', 'conflict'],
      piiLookup: ['id-number'],
    },
    schedule: { everyMinutes: 1 },
  },
  {
    // Population monitoring for staff: imports (queued to the worker), indicators from the
    // counters, the reconciliation worklist and its audited resolutions (notes sealed).
    name: 'monitoring',
    entry: 'src/groups/monitoring.ts',
    routes: [
      api.createMonitoringImport,
      api.monitoringImport,
      api.monitoringImports,
      api.monitoringImportErrors,
      api.monitoringIndicators,
      api.monitoringReconciliation,
      api.resolveReconciliationItem,
    ],
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      cursorKey: true,
      pii: ['monitoring', 'idempotency'],
      sendsTo: ['monitoringWorker'],
    },
  },
  {
    // The situation report (人口形势分析报告) as PDF or HTML, from monitoring's indicators and open
    // reconciliation counts (read only; no personal data). Its own group so the CJK font and the PDF
    // writer stay out of every other bundle; its cache is the bucket's reports/ prefix (decisions 0021, 0043).
    name: 'reports',
    entry: 'src/groups/reports.ts',
    routes: [api.monitoringReport],
    memoryMb: 1024,
    timeoutSeconds: 29,
    access: {
      mainTable: 'RO',
      accessTable: 'RO',
      uploadBucket: 'RW',
      uploadPrefix: 'reports/',
      sessionSecret: 'verify',
      // Reads the open gaps through monitoring's list, which signs its next-page cursor.
      cursorKey: true,
    },
    bundleAssets: [
      { from: 'functions/assets/report-font.ttf' },
      { from: 'functions/assets/report-font.json' },
    ],
  },
  {
    // The monitoring worker (no routes; its queue): streams import files from the bucket's
    // imports/ prefix in checkpointed chunks, seals and hashes the records, keeps the counters
    // and the reconciliation items; matches registrations approved after their delivery.
    // Timeout 300 s: wiring.ts's lease (360 s) and prune delay (900 s) exceed it (decision 0020).
    name: 'monitoringWorker',
    entry: 'src/groups/monitoring-worker.ts',
    routes: [],
    memoryMb: 512,
    timeoutSeconds: 300,
    queue: { envVar: 'MONITORING_QUEUE_URL' },
    access: {
      mainTable: 'RW',
      uploadBucket: 'RO',
      uploadPrefix: 'imports/',
      pii: ['monitoring'],
      // Records' person hash and the registration look-up, births' child keys, names' hashes (record-builder.ts).
      piiLookup: ['id-number', 'monitoring-child', 'monitoring-name'],
      sendsTo: ['monitoringWorker'],
    },
  },
  {
    // 科学育儿 (decision 0036): the articles' text is bundled as data (content/articles, built by
    // scripts/build-articles.ts); only their published / retired states are in the table.
    // City staff's changes are audited and idempotent.
    name: 'guidance',
    entry: 'src/groups/guidance.ts',
    routes: [api.listArticles, api.getArticle, api.staffArticles, api.setArticleState],
    access: {
      mainTable: 'RW',
      accessTable: 'RO',
      auditTable: 'append',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
    },
  },
];
