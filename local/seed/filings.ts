import type { InstitutionItem } from '@hongjia/functions/childcare/entities';
import { geohashOf } from '@hongjia/functions/geo/cells';

/**
 * Filings waiting for review, one per district, so staff find work on their
 * first visit: copies of a published centre moved a little, under a new name
 * and credit code, pending and without a `cell` (invisible to search).
 */
export function pendingFilings(
  published: readonly InstitutionItem[],
  idFor: (index: number) => string,
  creditCodeFor: (district: InstitutionItem['district'], index: number) => string,
  now: Date,
): InstitutionItem[] {
  const byDistrict = new Map<string, InstitutionItem>();
  for (const item of published) if (!byDistrict.has(item.district)) byDistrict.set(item.district, item);
  return [...byDistrict.values()].map((model, index) => {
    const { cell: _cell, cell4: _cell4, publishedAt: _publishedAt, ...rest } = model;
    const lat = Math.round((model.lat + 0.004) * 1e6) / 1e6;
    const lng = Math.round((model.lng - 0.003) * 1e6) / 1e6;
    return {
      ...rest,
      institutionId: idFor(index),
      name: `${model.name.replace(/（.*）$/, '')}（新园区）`,
      creditCode: creditCodeFor(model.district, index),
      lat,
      lng,
      geohash: geohashOf(lat, lng),
      status: 'pending_review',
      createdAt: new Date(now.getTime() - (index + 1) * 3_600_000).toISOString(),
    };
  });
}

/** Every seeded filing holds its credit code, as one filed through the API would. */
export function creditCodeGuards(items: readonly InstitutionItem[], now: Date) {
  return items.map((item) => ({
    scope: 'credit-code' as const,
    key: item.creditCode,
    ownerId: item.providerId,
    targetId: item.institutionId,
    createdAt: now.toISOString(),
  }));
}
