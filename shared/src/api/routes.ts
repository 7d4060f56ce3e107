/**
 * Every route contract by its operation name, one re-export per capability module: the same
 * names as `api` (index.ts; a unit test holds the two equal). Server code imports
 * `* as api from '@hongjia/shared/api/routes'` so a bundle keeps only the contracts it names;
 * the `api` object keeps every contract it lists, so importing it pulls in the whole API
 * (decision 0026).
 */

export { getArticle, listArticles, setArticleState, staffArticles } from './articles';
export {
  assistanceRequestEvents,
  createAssistanceRequest,
  myAssistanceRequests,
  recordAssistanceEvent,
  staffAssistanceRequests,
} from './assistance';
export { deactivateUser, logout, me, reactivateUser, signIn } from './auth';
export { addPolicyVersion, enrolBenefits, listPolicies, myBenefits, runBenefitScreening } from './benefits';
export { getBirthBundle, submitBirthBundle } from './birth-bundles';
export {
  certificatePublicKey,
  createPrintCode,
  myCertificate,
  myCertificates,
  redeemPrintCode,
  revokeCertificate,
  verifyCertificate,
} from './certificates';
export {
  cancelBooking,
  childcareInstitution,
  childcareInstitutionSlots,
  childcareNearby,
  childcareStats,
  createBooking,
  decideFiling,
  fileInstitution,
  myBookings,
  providerBookings,
  providerInstitutions,
  publishSlot,
  staffFilings,
} from './childcare';
export {
  resolveBundleConflict,
  resolveFilingConflict,
  resolveSubsidyConflict,
  staffBundleConflicts,
  staffFilingConflicts,
  staffSubsidyConflicts,
} from './conflicts';
export { listConsents, recordConsent, withdrawConsent } from './consents';
export {
  decideFactClaim,
  factClaimAttachment,
  myFactClaims,
  staffFactClaims,
  submitFactClaim,
} from './fact-claims';
export { bindIdentity, myIdentity, staffIdentityConflicts } from './identity';
export {
  createMonitoringImport,
  monitoringImport,
  monitoringImportErrors,
  monitoringImports,
  monitoringIndicators,
  monitoringReconciliation,
  monitoringReport,
  resolveReconciliationItem,
} from './monitoring';
export { myNotifications } from './notifications';
export { health, openapi } from './platform';
export {
  addKnownOperator,
  applyAffordable,
  changeInstitutionFee,
  decideAffordableApplication,
  designateModelInstitution,
  importKnownOperators,
  knownOperators,
  overdueRectifications,
  providerAffordableApplications,
  providerInspections,
  recordInspection,
  reportRectification,
  staffAffordableApplications,
  staffInstitutionInspections,
  withdrawModelInstitution,
} from './programmes';
export {
  getRegistration,
  myRegistrations,
  resubmitRegistration,
  reviewRegistration,
  staffRegistrations,
  submitRegistration,
  voidRegistration,
} from './registration';
export { nearbyServicePoints } from './service-points';
export {
  createSpecialFamily,
  myRecordViews,
  mySpecialFamily,
  setProxyConsent,
  specialFamilyCoverage,
  staffSpecialFamilies,
  staffSpecialFamily,
  updateSpecialFamily,
} from './special-families';
export {
  applyChildcareSubsidy,
  myChildcareSubsidies,
  recordSubsidyPayment,
  renewChildcareSubsidy,
  reviewChildcareSubsidy,
  staffChildcareSubsidies,
} from './subsidies';
export { createUpload, registrationAttachment } from './uploads';
export {
  assignAssistanceRequest,
  deactivateVolunteerOrganisation,
  recordVolunteerEvent,
  registerVolunteerOrganisation,
  staffVolunteerOrganisations,
  volunteerAssignments,
} from './volunteers';
