// Evaluated in Node at build time, so the shell's TARO_APP_LOCAL decides whether the dev
// sign-in page exists at all: weapp and production h5 builds have neither the page nor its route.
const devPages = process.env.TARO_APP_LOCAL === 'true' ? ['pages/login/index'] : [];

export default defineAppConfig({
  // Entry pages only; everything a role needs lives in its subpackage (main package ≤ 1 MB).
  pages: ['pages/index/index', 'pages/me/index', 'pages/privacy/index', ...devPages],
  subPackages: [
    {
      root: 'packages/family',
      pages: [
        'pages/registration/index',
        'pages/certificates/index',
        'pages/childcare/index',
        'pages/childcare/institution',
        'pages/childcare/book',
        'pages/bookings/index',
        'pages/messages/index',
        'pages/special-assistance/index',
        'pages/registration/form',
        'pages/registration/status',
        'pages/certificates/detail',
        'pages/service-points/index',
        'pages/birth-bundle/index',
        'pages/birth-bundle/progress',
        'pages/identity/index',
        'pages/special-assistance/benefits',
        'pages/special-assistance/help',
        'pages/special-assistance/requests',
        'pages/special-assistance/views',
        'pages/subsidies/index',
        'pages/subsidies/apply',
        'pages/family-policies/index',
        'pages/articles/index',
        'pages/articles/detail',
        'pages/special-assistance/proof',
      ],
    },
    {
      root: 'packages/provider',
      pages: [
        'pages/index',
        'pages/filing',
        'pages/slots',
        'pages/bookings',
        'pages/affordable',
        'pages/inspections',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/index',
        'pages/filings',
        'pages/stats',
        'pages/registrations',
        'pages/registration',
        'pages/special-families',
        'pages/special-family',
        'pages/special-family-form',
        'pages/coverage',
        'pages/screening',
        'pages/assistance',
        'pages/subsidies',
        'pages/conflicts',
        'pages/monitoring-import',
        'pages/monitoring-dashboard',
        'pages/monitoring-reconciliation',
        'pages/monitoring-report',
        'pages/affordable',
        'pages/supervision',
        'pages/overdue',
        'pages/operators',
        'pages/volunteer-organisations',
        'pages/fact-claims',
      ],
    },
    // 社会组织 (decision 0035): the organisation's one page, its own small subpackage.
    { root: 'packages/volunteer', pages: ['pages/index'] },
  ],
  // The family subpackage holds the services most users tap next (and, with zod for its forms,
  // ≈ 0.7 MB): WeChat fetches it in the background once 首页 shows (decision 0027).
  preloadRule: { 'pages/index/index': { network: 'all', packages: ['packages/family'] } },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '洪家',
    navigationBarTextStyle: 'black',
  },
  // Icons over the text, as WeChat users expect: 81×81 PNGs (WeChat's tabBar takes no SVG),
  // ≈ 0.5 KiB each in the main package, drawn by scripts/tab-icons.ts. The selected icon is
  // filled, not only red, so the state does not rest on colour.
  //
  // On weapp the bar is our own (custom-tab-bar/, decision 0045): WeChat's native bar has a fixed
  // text size, and elderly mode needs 首页 and 我的 at 18 pt. The list stays: WeChat reads the tab
  // pages from it. h5 keeps Taro's bar (Taro's h5 router draws no custom bar at all) and app.css
  // enlarges that one.
  tabBar: {
    custom: process.env.TARO_ENV === 'weapp',
    color: '#4d4d4d',
    selectedColor: '#a61b1b',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-selected.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-selected.png',
      },
    ],
  },
  // WeChat privacy rules (SPEC C5): fuzzy location for nearby search, asked only when needed.
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: {
    'scope.userFuzzyLocation': { desc: '用于查找您附近的托育机构和服务网点' },
  },
  __usePrivacyCheck__: true,
});
