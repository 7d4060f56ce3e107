/** The seeded demo accounts of the local runtime (SPEC §3), one tap each. */
export const seededAccounts = [
  { openid: 'staff-360102', text: '东湖区工作人员' },
  { openid: 'staff-city', text: '市级工作人员' },
  { openid: 'admin', text: '管理员' },
  { openid: 'provider-1', text: '托育机构 1' },
  { openid: 'elder-1', text: '特殊家庭成员（东湖区，56 岁）' },
  { openid: 'elder-2', text: '特殊家庭成员（东湖区，36 岁）' },
] as const;

export const defaultOpenid = 'family-demo';

/** Same rule as the local WeChat adapter: openid `[A-Za-z0-9_-]{1,64}`. */
export function isValidOpenid(openid: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(openid);
}
