/**
 * The paths the main package (首页, 我的, sign-in, the privacy gate) links to: the main package
 * imports these, not routes.ts, so the paths of every subpackage page (≈ 2.5 KiB) stay out of it
 * (decision 0029; target ≤ 350 KiB, decision 0027). routes.ts spreads them into the full table.
 */
export const entryRoutes = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  privacy: '/pages/privacy/index',
  registration: '/packages/family/pages/registration/index',
  certificates: '/packages/family/pages/certificates/index',
  servicePoints: '/packages/family/pages/service-points/index',
  childcare: '/packages/family/pages/childcare/index',
  bookings: '/packages/family/pages/bookings/index',
  messages: '/packages/family/pages/messages/index',
  specialAssistance: '/packages/family/pages/special-assistance/index',
  identity: '/packages/family/pages/identity/index',
  subsidies: '/packages/family/pages/subsidies/index',
  provider: '/packages/provider/pages/index',
  staff: '/packages/staff/pages/index',
  volunteer: '/packages/volunteer/pages/index',
  familyPolicies: '/packages/family/pages/family-policies/index',
  articles: '/packages/family/pages/articles/index',
} as const;

/**
 * The dev sign-in page, which exists only in local builds: other builds fold this to '' and
 * carry no trace of the page. Use it only inside an `if (isLocalBuild)` branch.
 */
// process.env is inlined here (not via env.ts) so the minifier can fold the condition.
export const devLoginRoute = process.env.TARO_APP_LOCAL === 'true' ? '/pages/login/index' : '';
