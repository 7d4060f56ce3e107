/** Page paths in one place, so a renamed page breaks the type check and not a tap. */
export const routes = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  privacy: '/pages/privacy/index',
  registration: '/packages/family/pages/registration/index',
  registrationForm: '/packages/family/pages/registration/form',
  registrationStatus: '/packages/family/pages/registration/status',
  certificates: '/packages/family/pages/certificates/index',
  certificate: '/packages/family/pages/certificates/detail',
  servicePoints: '/packages/family/pages/service-points/index',
  birthBundle: '/packages/family/pages/birth-bundle/index',
  birthBundleProgress: '/packages/family/pages/birth-bundle/progress',
  childcare: '/packages/family/pages/childcare/index',
  childcareInstitution: '/packages/family/pages/childcare/institution',
  childcareBook: '/packages/family/pages/childcare/book',
  bookings: '/packages/family/pages/bookings/index',
  messages: '/packages/family/pages/messages/index',
  specialAssistance: '/packages/family/pages/special-assistance/index',
  identity: '/packages/family/pages/identity/index',
  specialBenefits: '/packages/family/pages/special-assistance/benefits',
  specialHelp: '/packages/family/pages/special-assistance/help',
  specialRequests: '/packages/family/pages/special-assistance/requests',
  specialViews: '/packages/family/pages/special-assistance/views',
  subsidies: '/packages/family/pages/subsidies/index',
  subsidyApply: '/packages/family/pages/subsidies/apply',
  provider: '/packages/provider/pages/index',
  providerFiling: '/packages/provider/pages/filing',
  providerSlots: '/packages/provider/pages/slots',
  providerBookings: '/packages/provider/pages/bookings',
  staff: '/packages/staff/pages/index',
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
} as const;

/**
 * The dev sign-in page, which exists only in local builds: other builds fold this to '' and
 * carry no trace of the page. Use it only inside an `if (isLocalBuild)` branch.
 */
// process.env is inlined here (not via env.ts) so the minifier can fold the condition.
export const devLoginRoute = process.env.TARO_APP_LOCAL === 'true' ? '/pages/login/index' : '';
