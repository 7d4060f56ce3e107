import * as articles from './articles';
import * as assistance from './assistance';
import * as auth from './auth';
import * as benefits from './benefits';
import * as bundles from './birth-bundles';
import * as certificates from './certificates';
import * as childcare from './childcare';
import * as conflicts from './conflicts';
import * as consents from './consents';
import * as factClaims from './fact-claims';
import * as identity from './identity';
import * as monitoring from './monitoring';
import * as notifications from './notifications';
import * as platform from './platform';
import * as programmes from './programmes';
import * as registration from './registration';
import * as servicePoints from './service-points';
import * as specialFamilies from './special-families';
import * as subsidies from './subsidies';
import * as uploads from './uploads';
import * as volunteers from './volunteers';

export * from './articles';
export * from './assistance';
export * from './auth';
export * from './benefits';
export * from './birth-bundles';
export * from './certificates';
export * from './childcare';
export * from './conflicts';
export * from './consents';
export * from './contract';
export * from './errors';
export * from './fact-claims';
export * from './identity';
export * from './monitoring';
export * from './notifications';
export * from './platform';
export * from './programmes';
export * from './registration';
export * from './service-points';
export * from './special-families';
export * from './subsidies';
export * from './uploads';
export * from './volunteers';

/** Every route of the API, by operation. New capabilities add their module here. */
export const api = {
  health: platform.health,
  openapi: platform.openapi,
  signIn: auth.signIn,
  me: auth.me,
  logout: auth.logout,
  deactivateUser: auth.deactivateUser,
  reactivateUser: auth.reactivateUser,
  recordConsent: consents.recordConsent,
  listConsents: consents.listConsents,
  withdrawConsent: consents.withdrawConsent,
  myNotifications: notifications.myNotifications,
  childcareNearby: childcare.childcareNearby,
  childcareInstitution: childcare.childcareInstitution,
  childcareInstitutionSlots: childcare.childcareInstitutionSlots,
  createBooking: childcare.createBooking,
  myBookings: childcare.myBookings,
  cancelBooking: childcare.cancelBooking,
  fileInstitution: childcare.fileInstitution,
  providerInstitutions: childcare.providerInstitutions,
  publishSlot: childcare.publishSlot,
  providerBookings: childcare.providerBookings,
  staffFilings: childcare.staffFilings,
  decideFiling: childcare.decideFiling,
  childcareStats: childcare.childcareStats,
  createUpload: uploads.createUpload,
  registrationAttachment: uploads.registrationAttachment,
  submitRegistration: registration.submitRegistration,
  myRegistrations: registration.myRegistrations,
  getRegistration: registration.getRegistration,
  resubmitRegistration: registration.resubmitRegistration,
  staffRegistrations: registration.staffRegistrations,
  reviewRegistration: registration.reviewRegistration,
  voidRegistration: registration.voidRegistration,
  myCertificates: certificates.myCertificates,
  myCertificate: certificates.myCertificate,
  verifyCertificate: certificates.verifyCertificate,
  certificatePublicKey: certificates.certificatePublicKey,
  createPrintCode: certificates.createPrintCode,
  redeemPrintCode: certificates.redeemPrintCode,
  revokeCertificate: certificates.revokeCertificate,
  nearbyServicePoints: servicePoints.nearbyServicePoints,
  submitBirthBundle: bundles.submitBirthBundle,
  getBirthBundle: bundles.getBirthBundle,
  bindIdentity: identity.bindIdentity,
  myIdentity: identity.myIdentity,
  staffIdentityConflicts: identity.staffIdentityConflicts,
  createSpecialFamily: specialFamilies.createSpecialFamily,
  staffSpecialFamilies: specialFamilies.staffSpecialFamilies,
  staffSpecialFamily: specialFamilies.staffSpecialFamily,
  updateSpecialFamily: specialFamilies.updateSpecialFamily,
  specialFamilyCoverage: specialFamilies.specialFamilyCoverage,
  mySpecialFamily: specialFamilies.mySpecialFamily,
  myRecordViews: specialFamilies.myRecordViews,
  setProxyConsent: specialFamilies.setProxyConsent,
  myBenefits: benefits.myBenefits,
  runBenefitScreening: benefits.runBenefitScreening,
  enrolBenefits: benefits.enrolBenefits,
  listPolicies: benefits.listPolicies,
  addPolicyVersion: benefits.addPolicyVersion,
  createAssistanceRequest: assistance.createAssistanceRequest,
  myAssistanceRequests: assistance.myAssistanceRequests,
  staffAssistanceRequests: assistance.staffAssistanceRequests,
  recordAssistanceEvent: assistance.recordAssistanceEvent,
  assistanceRequestEvents: assistance.assistanceRequestEvents,
  applyChildcareSubsidy: subsidies.applyChildcareSubsidy,
  myChildcareSubsidies: subsidies.myChildcareSubsidies,
  renewChildcareSubsidy: subsidies.renewChildcareSubsidy,
  staffChildcareSubsidies: subsidies.staffChildcareSubsidies,
  reviewChildcareSubsidy: subsidies.reviewChildcareSubsidy,
  recordSubsidyPayment: subsidies.recordSubsidyPayment,
  staffSubsidyConflicts: conflicts.staffSubsidyConflicts,
  resolveSubsidyConflict: conflicts.resolveSubsidyConflict,
  staffBundleConflicts: conflicts.staffBundleConflicts,
  resolveBundleConflict: conflicts.resolveBundleConflict,
  staffFilingConflicts: conflicts.staffFilingConflicts,
  resolveFilingConflict: conflicts.resolveFilingConflict,
  createMonitoringImport: monitoring.createMonitoringImport,
  monitoringImport: monitoring.monitoringImport,
  monitoringImports: monitoring.monitoringImports,
  monitoringImportErrors: monitoring.monitoringImportErrors,
  monitoringIndicators: monitoring.monitoringIndicators,
  monitoringReconciliation: monitoring.monitoringReconciliation,
  resolveReconciliationItem: monitoring.resolveReconciliationItem,
  monitoringReport: monitoring.monitoringReport,
  applyAffordable: programmes.applyAffordable,
  providerAffordableApplications: programmes.providerAffordableApplications,
  changeInstitutionFee: programmes.changeInstitutionFee,
  providerInspections: programmes.providerInspections,
  reportRectification: programmes.reportRectification,
  staffAffordableApplications: programmes.staffAffordableApplications,
  decideAffordableApplication: programmes.decideAffordableApplication,
  designateModelInstitution: programmes.designateModelInstitution,
  withdrawModelInstitution: programmes.withdrawModelInstitution,
  recordInspection: programmes.recordInspection,
  staffInstitutionInspections: programmes.staffInstitutionInspections,
  overdueRectifications: programmes.overdueRectifications,
  knownOperators: programmes.knownOperators,
  addKnownOperator: programmes.addKnownOperator,
  importKnownOperators: programmes.importKnownOperators,
  registerVolunteerOrganisation: volunteers.registerVolunteerOrganisation,
  staffVolunteerOrganisations: volunteers.staffVolunteerOrganisations,
  assignAssistanceRequest: volunteers.assignAssistanceRequest,
  volunteerAssignments: volunteers.volunteerAssignments,
  recordVolunteerEvent: volunteers.recordVolunteerEvent,
  deactivateVolunteerOrganisation: volunteers.deactivateVolunteerOrganisation,
  submitFactClaim: factClaims.submitFactClaim,
  myFactClaims: factClaims.myFactClaims,
  staffFactClaims: factClaims.staffFactClaims,
  decideFactClaim: factClaims.decideFactClaim,
  factClaimAttachment: factClaims.factClaimAttachment,
  listArticles: articles.listArticles,
  getArticle: articles.getArticle,
  staffArticles: articles.staffArticles,
  setArticleState: articles.setArticleState,
} as const;

export type Api = typeof api;
