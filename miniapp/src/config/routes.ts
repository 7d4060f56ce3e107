import { entryRoutes } from './entry-routes';

/**
 * Page paths in one place, so a renamed page breaks the type check and not a tap. The pages the
 * main package links to are in entry-routes.ts: the whole table stays out of it (decision 0029).
 */
export { devLoginRoute } from './entry-routes';

export const routes = {
  ...entryRoutes,
  registrationForm: '/packages/family/pages/registration/form',
  registrationStatus: '/packages/family/pages/registration/status',
  certificate: '/packages/family/pages/certificates/detail',
  birthBundle: '/packages/family/pages/birth-bundle/index',
  birthBundleProgress: '/packages/family/pages/birth-bundle/progress',
  childcareInstitution: '/packages/family/pages/childcare/institution',
  childcareBook: '/packages/family/pages/childcare/book',
  specialBenefits: '/packages/family/pages/special-assistance/benefits',
  specialHelp: '/packages/family/pages/special-assistance/help',
  specialRequests: '/packages/family/pages/special-assistance/requests',
  specialViews: '/packages/family/pages/special-assistance/views',
  subsidyApply: '/packages/family/pages/subsidies/apply',
  article: '/packages/family/pages/articles/detail',
  providerFiling: '/packages/provider/pages/filing',
  providerSlots: '/packages/provider/pages/slots',
  providerBookings: '/packages/provider/pages/bookings',
  staffFilings: '/packages/staff/pages/filings',
  staffStats: '/packages/staff/pages/stats',
  staffRegistrations: '/packages/staff/pages/registrations',
  staffRegistration: '/packages/staff/pages/registration',
  staffSpecialFamilies: '/packages/staff/pages/special-families',
  staffSpecialFamily: '/packages/staff/pages/special-family',
  staffSpecialFamilyForm: '/packages/staff/pages/special-family-form',
  staffCoverage: '/packages/staff/pages/coverage',
  staffScreening: '/packages/staff/pages/screening',
  staffAssistance: '/packages/staff/pages/assistance',
  staffSubsidies: '/packages/staff/pages/subsidies',
  staffConflicts: '/packages/staff/pages/conflicts',
  staffMonitoringImport: '/packages/staff/pages/monitoring-import',
  staffMonitoringDashboard: '/packages/staff/pages/monitoring-dashboard',
  staffMonitoringReconciliation: '/packages/staff/pages/monitoring-reconciliation',
  staffMonitoringReport: '/packages/staff/pages/monitoring-report',
  // Childcare supervision (decision 0034).
  providerAffordable: '/packages/provider/pages/affordable',
  providerInspections: '/packages/provider/pages/inspections',
  staffAffordable: '/packages/staff/pages/affordable',
  staffSupervision: '/packages/staff/pages/supervision',
  staffOverdue: '/packages/staff/pages/overdue',
  staffOperators: '/packages/staff/pages/operators',
  // 社会组织登记 (decision 0040).
  staffVolunteerOrganisations: '/packages/staff/pages/volunteer-organisations',
  // Family-supplied proof of policy facts (decision 0039).
  specialProof: '/packages/family/pages/special-assistance/proof',
  staffFactClaims: '/packages/staff/pages/fact-claims',
} as const;
