import { api, type RouteContract } from '@hongjia/shared';

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
  /** Least-privilege data access for this group. */
  access: {
    mainTable: 'RO' | 'RW';
    idempotencyTable?: 'RW';
    uploadBucket?: 'RO' | 'RW';
    sessionSecret: 'verify' | 'sign';
    wechatSecret?: boolean;
    /** Seals or opens personal data (ID numbers, phones): KMS data keys and the look-up HMAC key. */
    pii?: boolean;
    /** Signs certificate QR payloads with the Ed25519 key. */
    certSigningKey?: boolean;
  };
  memoryMb?: number;
  /** Workers: run on a schedule (EventBridge deployed, an interval locally) instead of serving routes. */
  schedule?: { everyMinutes: number };
}

export const functionGroups: readonly FunctionGroup[] = [
  {
    name: 'platform',
    entry: 'src/platform/handler.ts',
    routes: [api.health, api.openapi],
    access: { mainTable: 'RO', sessionSecret: 'verify' },
  },
  {
    name: 'auth',
    entry: 'src/auth/handler.ts',
    routes: [api.signIn, api.me, api.recordConsent, api.listConsents, api.myNotifications],
    access: { mainTable: 'RW', idempotencyTable: 'RW', sessionSecret: 'sign', wechatSecret: true },
  },
  {
    // Public search and a family's bookings. The WeChat secret buys the access
    // token for subscription messages (a promoted waitlist booking is notified).
    name: 'childcare',
    entry: 'src/childcare/handler.ts',
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
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // Providers' reads repair a booking behind its ledger, which may notify a promotion.
    name: 'provider',
    entry: 'src/provider/handler.ts',
    routes: [api.fileInstitution, api.providerInstitutions, api.publishSlot, api.providerBookings],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // Filing decisions notify the provider.
    name: 'staff',
    entry: 'src/staff/handler.ts',
    routes: [api.staffFilings, api.decideFiling, api.childcareStats],
    access: { mainTable: 'RW', sessionSecret: 'verify', wechatSecret: true },
  },
  {
    // Birth registration (秒办 and review), attachments, 出生一件事.
    name: 'registration',
    entry: 'src/registration/handler.ts',
    routes: [
      api.createUpload,
      api.submitRegistration,
      api.myRegistrations,
      api.getRegistration,
      api.resubmitRegistration,
      api.staffRegistrations,
      api.reviewRegistration,
      api.submitBirthBundle,
      api.getBirthBundle,
    ],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      uploadBucket: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // E-certificates: QR signing, public verification, print codes, nearest service points.
    // PII keys: its stored idempotent responses (live print codes) are sealed.
    name: 'certificates',
    entry: 'src/certificates/handler.ts',
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
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      certSigningKey: true,
      pii: true,
    },
  },
  {
    // Real-name binding (WeChat face verification needs the access token) and
    // special-family records with their audit log, coverage and proxy consent.
    name: 'families',
    entry: 'src/families/handler.ts',
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
    ],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // Policies as data, the family's benefits, 免申即享 screening and bulk enrolment (notifies).
    name: 'benefits',
    entry: 'src/benefits/handler.ts',
    routes: [
      api.myBenefits,
      api.runBenefitScreening,
      api.enrolBenefits,
      api.listPolicies,
      api.addPolicyVersion,
    ],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // Help requests of special families: deadlines, events, the overdue list, proxy filing.
    name: 'assistance',
    entry: 'src/assistance/handler.ts',
    routes: [
      api.createAssistanceRequest,
      api.myAssistanceRequests,
      api.staffAssistanceRequests,
      api.recordAssistanceEvent,
    ],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // 育儿补贴: applications, district review within 30 working days, yearly renewal, payments.
    name: 'subsidies',
    entry: 'src/subsidies/handler.ts',
    routes: [
      api.applyChildcareSubsidy,
      api.myChildcareSubsidies,
      api.renewChildcareSubsidy,
      api.staffChildcareSubsidies,
      api.reviewChildcareSubsidy,
      api.recordSubsidyPayment,
    ],
    access: {
      mainTable: 'RW',
      idempotencyTable: 'RW',
      sessionSecret: 'verify',
      wechatSecret: true,
      pii: true,
    },
  },
  {
    // The 出生一件事 outbox: hands each item to its agency, with retries and backoff.
    // Timeout (10 s, the construct's) stays well under the 60 s claim lease.
    name: 'workers',
    entry: 'src/workers/handler.ts',
    routes: [],
    // The WeChat secret: a given-up item is pushed to the family as a subscription message.
    access: { mainTable: 'RW', sessionSecret: 'verify', pii: true, wechatSecret: true },
    schedule: { everyMinutes: 1 },
  },
];
