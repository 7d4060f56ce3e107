import type { InstitutionDetail } from '@hongjia/shared';
import type { InstitutionItem } from '../entities';

export function toInstitutionDetail(item: InstitutionItem): InstitutionDetail {
  return {
    id: item.institutionId,
    name: item.name,
    address: item.address,
    district: item.district,
    lat: item.lat,
    lng: item.lng,
    affordable: item.affordable,
    monthlyFeeYuan: item.monthlyFeeYuan,
    creditCode: item.creditCode,
    classes: item.classes.map(({ ageClass, capacity, caregivers }) => ({ ageClass, capacity, caregivers })),
    status: item.status,
    ...(item.reviewReason ? { reviewReason: item.reviewReason } : {}),
    createdAt: item.createdAt,
    ...(item.publishedAt ? { publishedAt: item.publishedAt } : {}),
  };
}
