import { routes } from '../../miniapp/src/config/routes';
import { apiGet } from './roles';

/**
 * Which pages each person opens, for the tests that visit every page (axe, the gallery).
 * Pages come from miniapp/src/config/routes.ts by package, so a page added there is visited
 * without touching this file: a family opens every family page, a provider every provider page,
 * district staff every staff page. Pages that show one record get its id from the API first
 * (`detailQueries`); a page with no entry there is opened bare (it shows its own empty state).
 */
export type RouteName = keyof typeof routes;

export interface Visit {
  /** Route name, or 'login' for the local build's dev sign-in page. */
  name: RouteName | 'login';
  path: string;
}

export interface Role {
  name: 'anonymous' | 'family' | 'provider' | 'staff-district' | 'staff-city' | 'volunteer';
  /** Seeded account (local/seed/accounts.ts); none for a visitor not signed in. */
  openid?: string;
  /** Chinese, for reports and the gallery. */
  label: string;
  pages: (RouteName | 'login')[];
}

const names = Object.keys(routes) as RouteName[];
const inPackage = (prefix: string) => names.filter((name) => routes[name].startsWith(prefix));
const mainPages: RouteName[] = ['home', 'me', 'privacy'];

export const roles: Role[] = [
  {
    name: 'anonymous',
    label: '未登录',
    pages: [...mainPages, 'login', 'childcare', 'servicePoints'],
  },
  {
    // A bound member of a 计划生育特殊家庭 of 东湖区 (local/seed/special-families.ts): the
    // family pages with the most on them (帮扶, 求助, 档案查看记录) as well as the common ones.
    name: 'family',
    openid: 'member-360102',
    label: '家庭',
    pages: ['home', 'me', ...inPackage('/packages/family/')],
  },
  {
    name: 'provider',
    openid: 'provider-1',
    label: '托育机构',
    pages: ['me', ...inPackage('/packages/provider/')],
  },
  {
    name: 'staff-district',
    openid: 'staff-360102',
    label: '东湖区卫健委',
    pages: ['me', ...inPackage('/packages/staff/')],
  },
  {
    name: 'staff-city',
    openid: 'staff-city',
    label: '市卫健委',
    pages: ['staff', 'staffStats', 'staffCoverage', 'staffMonitoringDashboard', 'staffMonitoringReport'],
  },
  {
    // The demo social organisation's account (local/seed/volunteers.ts, decision 0035): the
    // help requests district staff assigned to it.
    name: 'volunteer',
    openid: 'volunteer-1',
    label: '社会组织',
    pages: ['me', ...inPackage('/packages/volunteer/')],
  },
];

type Page<T> = { items: T[] };

/** Query strings for pages that show one record, read as the role that opens them. */
const detailQueries: Partial<Record<RouteName, (apiUrl: string, token?: string) => Promise<string>>> = {
  async childcareInstitution(apiUrl) {
    const found = await apiGet<Page<{ institution: { id: string } }>>(
      apiUrl,
      '/v1/childcare/nearby?district=360102&radiusM=20000&limit=1',
    );
    return found.items[0] ? `id=${found.items[0].institution.id}` : '';
  },
  async childcareBook(apiUrl) {
    const found = await apiGet<Page<{ institution: { id: string; name: string } }>>(
      apiUrl,
      '/v1/childcare/nearby?district=360102&radiusM=20000&limit=1',
    );
    const institution = found.items[0]?.institution;
    if (!institution) return '';
    const slots = await apiGet<Page<{ id: string; date: string; ageClass: string; session: string }>>(
      apiUrl,
      `/v1/childcare/institutions/${institution.id}/slots`,
    );
    const slot = slots.items[0];
    if (!slot) return '';
    return new URLSearchParams({
      slotId: slot.id,
      name: institution.name,
      date: slot.date,
      ageClass: slot.ageClass,
      session: slot.session,
    }).toString();
  },
  async certificate(apiUrl, token) {
    const found = await apiGet<Page<{ id: string }>>(apiUrl, '/v1/me/certificates', token);
    return found.items[0] ? `id=${found.items[0].id}` : '';
  },
  async registrationStatus(apiUrl, token) {
    const found = await apiGet<Page<{ id: string }>>(apiUrl, '/v1/me/registrations', token);
    return found.items[0] ? `id=${found.items[0].id}` : '';
  },
  async providerSlots(apiUrl, token) {
    const found = await apiGet<Page<{ id: string; name: string }>>(
      apiUrl,
      '/v1/provider/institutions',
      token,
    );
    const first = found.items[0];
    return first ? new URLSearchParams({ id: first.id, name: first.name }).toString() : '';
  },
  async providerBookings(apiUrl, token) {
    return (await detailQueries.providerSlots?.(apiUrl, token)) ?? '';
  },
  async staffRegistration(apiUrl, token) {
    const found = await apiGet<Page<{ id: string }>>(apiUrl, '/v1/staff/registrations', token);
    return found.items[0] ? `id=${found.items[0].id}` : '';
  },
  async staffSpecialFamily(apiUrl, token) {
    const found = await apiGet<Page<{ id: string }>>(apiUrl, '/v1/staff/special-families', token);
    return found.items[0] ? `id=${found.items[0].id}` : '';
  },
};

/** The role's pages as hash paths, detail pages with a real record's id. */
export async function visitsOf(role: Role, apiUrl: string, token?: string): Promise<Visit[]> {
  const visits: Visit[] = [];
  for (const name of role.pages) {
    if (name === 'login') {
      // The dev sign-in page of the local build (config/routes.ts folds it away elsewhere).
      visits.push({ name, path: '/pages/login/index' });
      continue;
    }
    const query = (await detailQueries[name]?.(apiUrl, token)) ?? '';
    visits.push({ name, path: query ? `${routes[name]}?${query}` : routes[name] });
  }
  return visits;
}

/** Every route some role opens (the test checks none is left out). */
export function plannedRoutes(): Set<string> {
  return new Set(roles.flatMap((role) => role.pages));
}
