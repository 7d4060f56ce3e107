import { routes } from '../../../config/routes';

/** Every staff section, in the sidebar's order and groups (the 工作台 page lists the same). */
export const consoleGroups = [
  {
    title: '工作台',
    items: [{ key: 'home', text: '工作台首页', url: routes.staff }],
  },
  {
    title: '审核与登记备案',
    items: [
      { key: 'registrations', text: '生育登记', url: routes.staffRegistrations },
      { key: 'filings', text: '托育备案', url: routes.staffFilings },
      { key: 'affordable', text: '普惠申报', url: routes.staffAffordable },
    ],
  },
  {
    title: '特殊家庭',
    items: [
      { key: 'special-families', text: '特殊家庭档案', url: routes.staffSpecialFamilies },
      { key: 'coverage', text: '三个全覆盖', url: routes.staffCoverage },
      { key: 'screening', text: '免申即享筛查', url: routes.staffScreening },
      { key: 'assistance', text: '求助工单', url: routes.staffAssistance },
      { key: 'volunteer-organisations', text: '社会组织', url: routes.staffVolunteerOrganisations },
      { key: 'fact-claims', text: '证明材料审核', url: routes.staffFactClaims },
    ],
  },
  {
    title: '补贴',
    items: [{ key: 'subsidies', text: '育儿补贴', url: routes.staffSubsidies }],
  },
  {
    title: '数据核对',
    items: [{ key: 'conflicts', text: '冲突核对', url: routes.staffConflicts }],
  },
  {
    title: '人口监测',
    items: [
      { key: 'monitoring-import', text: '数据导入', url: routes.staffMonitoringImport },
      { key: 'monitoring-dashboard', text: '指标看板', url: routes.staffMonitoringDashboard },
      { key: 'monitoring-reconciliation', text: '核查清单', url: routes.staffMonitoringReconciliation },
      { key: 'monitoring-report', text: '形势报告', url: routes.staffMonitoringReport },
    ],
  },
  {
    title: '统计',
    items: [
      { key: 'stats', text: '托育统计', url: routes.staffStats },
      { key: 'overdue', text: '逾期未整改', url: routes.staffOverdue },
      { key: 'operators', text: '机构底册', url: routes.staffOperators },
    ],
  },
] as const;

export type ConsoleSection = (typeof consoleGroups)[number]['items'][number]['key'];
