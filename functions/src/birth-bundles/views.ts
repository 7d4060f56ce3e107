import type { BirthBundleView } from '@hongjia/shared';
import type { z } from 'zod';
import type { BundleItem, OutboxItem } from './entities';

/** The family's view: masked child name, each agency item with its status; no details, no errors' internals. */
export function toBundleView(bundle: BundleItem, items: OutboxItem[]): z.infer<typeof BirthBundleView> {
  return {
    id: bundle.bundleId,
    createdAt: bundle.createdAt,
    childNameMasked: bundle.childNameMasked,
    items: items.map((item) => ({
      kind: item.kind,
      status: item.status,
      attempts: item.attempts,
      ...(item.agencyReference ? { agencyReference: item.agencyReference } : {}),
      ...(item.lastError && item.status !== 'accepted' ? { lastError: item.lastError } : {}),
      updatedAt: item.updatedAt,
    })),
  };
}
