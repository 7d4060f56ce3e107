import { type DistrictCode, districtByCode } from '@hongjia/shared';
import { formatChinaDateTime } from '@hongjia/shared/calendar/format';

/** 服务县区 of an organisation, in Chinese (顿号-separated, the district order of the code list). */
export function servedDistricts(codes: readonly DistrictCode[]): string {
  return [...codes]
    .sort()
    .map((code) => districtByCode(code).name)
    .join('、');
}

/** 在用, or 已停用 with the time (decision 0040). */
export function organisationState(org: { active: boolean; deactivatedAt?: string | undefined }): string {
  if (org.active) return '在用';
  return org.deactivatedAt ? `已停用（${formatChinaDateTime(org.deactivatedAt)}）` : '已停用';
}
