import { type DistrictCode, districtByCode, type Role, type SessionUser } from '@hongjia/shared';
import { entryRoutes as routes } from '../config/entry-routes';

const roleNames: Record<Role, string> = {
  family: '家庭用户',
  provider: '托育机构',
  staff: '卫健工作人员',
  admin: '系统管理员',
  terminal: '自助打印终端',
  volunteer: '社会组织',
};

export function roleName(role: Role): string {
  return roleNames[role];
}

/** 东湖区 for district staff, 南昌市（全市） for city-wide staff, nothing for families. */
export function jurisdictionName(user: Pick<SessionUser, 'district' | 'cityWide'>): string | undefined {
  if (user.cityWide) return '南昌市（全市）';
  return user.district ? districtByCode(user.district as DistrictCode).name : undefined;
}

/** Role landing pages in their subpackages; families use the home page services. */
export function roleWorkbenches(roles: readonly Role[]): Array<{ role: Role; url: string; text: string }> {
  const out: Array<{ role: Role; url: string; text: string }> = [];
  if (roles.includes('provider')) out.push({ role: 'provider', url: routes.provider, text: '机构工作台' });
  if (roles.includes('staff') || roles.includes('admin')) {
    out.push({ role: 'staff', url: routes.staff, text: '工作人员工作台' });
  }
  if (roles.includes('volunteer'))
    out.push({ role: 'volunteer', url: routes.volunteer, text: '社会组织工作台' });
  return out;
}
