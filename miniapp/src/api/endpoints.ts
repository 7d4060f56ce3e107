import type { Api, RouteContract } from '@hongjia/shared';
import { accountApi } from './account-endpoints';

/**
 * What the client needs of a route at run time: its method, path and whether it takes an
 * Idempotency-Key. The shared contract (`@hongjia/shared` `api`) is imported as a TYPE only:
 * its zod schemas stay out of the mini-program's main package (decision 0027) and the server
 * validates every request and shapes every response through them. `contract` is never set; it
 * carries the route's body, query, params and response types to `call`.
 */
export interface Endpoint<R extends RouteContract = RouteContract> {
  readonly method: R['method'];
  readonly path: string;
  readonly idempotent?: boolean;
  readonly contract?: R;
}

/** Endpoints of the named routes. */
export type Endpoints<K extends keyof Api> = { readonly [P in K]: Endpoint<Api[P]> };

/**
 * Every route of the shared contract, by the same names. The mapped type makes a route added
 * to the contract fail typecheck until it is listed here; test/endpoints.test.ts fails when a
 * method, path or idempotency differs from the contract's. Only subpackages import this table;
 * the main package's pages take their few routes from ./account-endpoints.
 */
export const api: Endpoints<keyof Api> = {
  ...accountApi,
  health: { method: 'GET', path: '/health' },
  openapi: { method: 'GET', path: '/v1/openapi.json' },
  deactivateUser: { method: 'POST', path: '/v1/admin/users/{id}/deactivate' },
  reactivateUser: { method: 'POST', path: '/v1/admin/users/{id}/reactivate' },
  myNotifications: { method: 'GET', path: '/v1/me/notifications' },
  childcareNearby: { method: 'GET', path: '/v1/childcare/nearby' },
  childcareInstitution: { method: 'GET', path: '/v1/childcare/institutions/{id}' },
  childcareInstitutionSlots: { method: 'GET', path: '/v1/childcare/institutions/{id}/slots' },
  createBooking: { method: 'POST', path: '/v1/childcare/slots/{slotId}/bookings', idempotent: true },
  myBookings: { method: 'GET', path: '/v1/me/bookings' },
  cancelBooking: { method: 'POST', path: '/v1/me/bookings/{id}/cancel' },
  fileInstitution: { method: 'POST', path: '/v1/provider/institutions', idempotent: true },
  providerInstitutions: { method: 'GET', path: '/v1/provider/institutions' },
  publishSlot: { method: 'POST', path: '/v1/provider/institutions/{id}/slots', idempotent: true },
  providerBookings: { method: 'GET', path: '/v1/provider/institutions/{id}/bookings' },
  staffFilings: { method: 'GET', path: '/v1/staff/childcare/filings' },
  decideFiling: { method: 'POST', path: '/v1/staff/childcare/filings/{id}/decision' },
  childcareStats: { method: 'GET', path: '/v1/staff/childcare/stats' },
  createUpload: { method: 'POST', path: '/v1/uploads', idempotent: true },
  registrationAttachment: { method: 'GET', path: '/v1/registrations/{id}/attachments/{uploadId}' },
  submitRegistration: { method: 'POST', path: '/v1/registrations', idempotent: true },
  myRegistrations: { method: 'GET', path: '/v1/me/registrations' },
  getRegistration: { method: 'GET', path: '/v1/registrations/{id}' },
  resubmitRegistration: { method: 'POST', path: '/v1/registrations/{id}/resubmit' },
  staffRegistrations: { method: 'GET', path: '/v1/staff/registrations' },
  reviewRegistration: { method: 'POST', path: '/v1/staff/registrations/{id}/review' },
  voidRegistration: { method: 'POST', path: '/v1/staff/registrations/{id}/void', idempotent: true },
  myCertificates: { method: 'GET', path: '/v1/me/certificates' },
  myCertificate: { method: 'GET', path: '/v1/me/certificates/{id}' },
  verifyCertificate: { method: 'GET', path: '/v1/certificates/verify/{code}' },
  certificatePublicKey: { method: 'GET', path: '/v1/certificates/public-key' },
  createPrintCode: { method: 'POST', path: '/v1/me/certificates/{id}/print-codes', idempotent: true },
  redeemPrintCode: { method: 'POST', path: '/v1/print-jobs' },
  revokeCertificate: { method: 'POST', path: '/v1/staff/certificates/{id}/revoke' },
  nearbyServicePoints: { method: 'GET', path: '/v1/service-points/nearby' },
  submitBirthBundle: { method: 'POST', path: '/v1/birth-bundles', idempotent: true },
  getBirthBundle: { method: 'GET', path: '/v1/birth-bundles/{id}' },
  bindIdentity: { method: 'POST', path: '/v1/me/identity', idempotent: true },
  staffIdentityConflicts: { method: 'GET', path: '/v1/staff/identity-conflicts' },
  createSpecialFamily: { method: 'POST', path: '/v1/staff/special-families', idempotent: true },
  staffSpecialFamilies: { method: 'GET', path: '/v1/staff/special-families' },
  staffSpecialFamily: { method: 'GET', path: '/v1/staff/special-families/{id}' },
  updateSpecialFamily: { method: 'PATCH', path: '/v1/staff/special-families/{id}' },
  specialFamilyCoverage: { method: 'GET', path: '/v1/staff/special-families/coverage' },
  mySpecialFamily: { method: 'GET', path: '/v1/me/special-family' },
  myRecordViews: { method: 'GET', path: '/v1/me/special-family/views' },
  setProxyConsent: { method: 'POST', path: '/v1/me/special-family/proxy-consent' },
  withdrawConsent: { method: 'POST', path: '/v1/me/consents/withdrawal', idempotent: true },
  myBenefits: { method: 'GET', path: '/v1/me/benefits' },
  runBenefitScreening: { method: 'POST', path: '/v1/staff/benefit-screenings' },
  enrolBenefits: { method: 'POST', path: '/v1/staff/benefit-enrolments', idempotent: true },
  listPolicies: { method: 'GET', path: '/v1/policies' },
  addPolicyVersion: { method: 'POST', path: '/v1/admin/policies/{id}/versions', idempotent: true },
  createAssistanceRequest: { method: 'POST', path: '/v1/assistance/requests', idempotent: true },
  myAssistanceRequests: { method: 'GET', path: '/v1/me/assistance/requests' },
  staffAssistanceRequests: { method: 'GET', path: '/v1/staff/assistance/requests' },
  recordAssistanceEvent: { method: 'POST', path: '/v1/staff/assistance/requests/{id}/events' },
  assistanceRequestEvents: { method: 'GET', path: '/v1/assistance/requests/{id}/events' },
  applyChildcareSubsidy: { method: 'POST', path: '/v1/childcare-subsidies', idempotent: true },
  myChildcareSubsidies: { method: 'GET', path: '/v1/me/childcare-subsidies' },
  renewChildcareSubsidy: { method: 'POST', path: '/v1/me/childcare-subsidies/{id}/renew' },
  staffChildcareSubsidies: { method: 'GET', path: '/v1/staff/childcare-subsidies' },
  reviewChildcareSubsidy: { method: 'POST', path: '/v1/staff/childcare-subsidies/{id}/review' },
  recordSubsidyPayment: {
    method: 'POST',
    path: '/v1/staff/childcare-subsidies/{id}/payments',
    idempotent: true,
  },
  staffSubsidyConflicts: { method: 'GET', path: '/v1/staff/conflicts/childcare-subsidies' },
  resolveSubsidyConflict: { method: 'POST', path: '/v1/staff/conflicts/childcare-subsidies/{id}/resolve' },
  staffBundleConflicts: { method: 'GET', path: '/v1/staff/conflicts/birth-bundles' },
  resolveBundleConflict: { method: 'POST', path: '/v1/staff/conflicts/birth-bundles/{id}/resolve' },
  staffFilingConflicts: { method: 'GET', path: '/v1/staff/conflicts/filings' },
  resolveFilingConflict: { method: 'POST', path: '/v1/staff/conflicts/filings/{id}/resolve' },
  createMonitoringImport: { method: 'POST', path: '/v1/staff/monitoring/imports', idempotent: true },
  monitoringImport: { method: 'GET', path: '/v1/staff/monitoring/imports/{id}' },
  monitoringImports: { method: 'GET', path: '/v1/staff/monitoring/imports' },
  monitoringImportErrors: { method: 'GET', path: '/v1/staff/monitoring/imports/{id}/errors.csv' },
  monitoringIndicators: { method: 'GET', path: '/v1/staff/monitoring/indicators' },
  monitoringReconciliation: { method: 'GET', path: '/v1/staff/monitoring/reconciliation' },
  resolveReconciliationItem: {
    method: 'POST',
    path: '/v1/staff/monitoring/reconciliation/{id}/resolution',
    idempotent: true,
  },
  monitoringReport: { method: 'GET', path: '/v1/staff/monitoring/reports' },
  // Childcare supervision (decision 0034).
  applyAffordable: {
    method: 'POST',
    path: '/v1/provider/institutions/{id}/affordable-applications',
    idempotent: true,
  },
  providerAffordableApplications: { method: 'GET', path: '/v1/provider/affordable-applications' },
  changeInstitutionFee: { method: 'POST', path: '/v1/provider/institutions/{id}/fee', idempotent: true },
  providerInspections: { method: 'GET', path: '/v1/provider/institutions/{id}/inspections' },
  reportRectification: {
    method: 'POST',
    path: '/v1/provider/inspections/{id}/rectification',
    idempotent: true,
  },
  staffAffordableApplications: { method: 'GET', path: '/v1/staff/childcare/affordable-applications' },
  decideAffordableApplication: {
    method: 'POST',
    path: '/v1/staff/childcare/affordable-applications/{id}/decision',
    idempotent: true,
  },
  designateModelInstitution: {
    method: 'POST',
    path: '/v1/staff/childcare/institutions/{id}/model',
    idempotent: true,
  },
  withdrawModelInstitution: {
    method: 'POST',
    path: '/v1/staff/childcare/institutions/{id}/model/withdraw',
    idempotent: true,
  },
  recordInspection: {
    method: 'POST',
    path: '/v1/staff/childcare/institutions/{id}/inspections',
    idempotent: true,
  },
  staffInstitutionInspections: { method: 'GET', path: '/v1/staff/childcare/institutions/{id}/inspections' },
  overdueRectifications: { method: 'GET', path: '/v1/staff/childcare/inspections/overdue' },
  knownOperators: { method: 'GET', path: '/v1/staff/childcare/operators' },
  addKnownOperator: { method: 'POST', path: '/v1/staff/childcare/operators', idempotent: true },
  importKnownOperators: { method: 'POST', path: '/v1/staff/childcare/operators/imports', idempotent: true },
  registerVolunteerOrganisation: {
    method: 'POST',
    path: '/v1/staff/volunteer-organisations',
    idempotent: true,
  },
  staffVolunteerOrganisations: { method: 'GET', path: '/v1/staff/volunteer-organisations' },
  deactivateVolunteerOrganisation: {
    method: 'POST',
    path: '/v1/staff/volunteer-organisations/{id}/deactivation',
    idempotent: true,
  },
  assignAssistanceRequest: { method: 'POST', path: '/v1/staff/assistance/requests/{id}/assignment' },
  volunteerAssignments: { method: 'GET', path: '/v1/volunteer/assignments' },
  recordVolunteerEvent: { method: 'POST', path: '/v1/volunteer/assignments/{id}/events' },
  listArticles: { method: 'GET', path: '/v1/articles' },
  getArticle: { method: 'GET', path: '/v1/articles/{id}' },
  staffArticles: { method: 'GET', path: '/v1/staff/articles' },
  setArticleState: { method: 'POST', path: '/v1/staff/articles/{id}/state', idempotent: true },
  // Family-supplied proof of policy facts (decision 0039).
  submitFactClaim: { method: 'POST', path: '/v1/me/special-family/fact-claims', idempotent: true },
  myFactClaims: { method: 'GET', path: '/v1/me/special-family/fact-claims' },
  staffFactClaims: { method: 'GET', path: '/v1/staff/fact-claims' },
  decideFactClaim: { method: 'POST', path: '/v1/staff/fact-claims/{id}/decision', idempotent: true },
  factClaimAttachment: { method: 'GET', path: '/v1/fact-claims/{id}/attachments/{uploadId}' },
};
