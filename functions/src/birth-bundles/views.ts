import type { BirthBundleView } from '@hongjia/shared';
import type { z } from 'zod';
import { type BundleItem, bundleItemKinds, type OutboxItem } from './entities';

type View = z.infer<typeof BirthBundleView>;

/**
 * What the family sees of a bundle whose items are not (yet) in the outbox:
 * one still `checking` or `held` for a person's check reads exactly as a
 * bundle just queued (decision 0013: no answer says another family named the
 * certificate); a voided one reads as stopped, with staff's neutral notice.
 */
function placeholderItems(bundle: BundleItem): View['items'] {
  const voided = bundle.status === 'voided';
  return bundleItemKinds
    .filter((kind) => bundle.kinds.includes(kind))
    .map((kind) => ({
      kind,
      status: voided ? ('failed' as const) : ('queued' as const),
      attempts: 0,
      ...(voided && bundle.notice ? { lastError: bundle.notice } : {}),
      updatedAt: bundle.updatedAt ?? bundle.createdAt,
    }));
}

/** The family's view: masked child name, each agency item with its status; no details, no errors' internals. */
export function toBundleView(bundle: BundleItem, items: OutboxItem[]): View {
  return {
    id: bundle.bundleId,
    createdAt: bundle.createdAt,
    childNameMasked: bundle.childNameMasked,
    items: items.length
      ? items.map((item) => ({
          kind: item.kind,
          status: item.status,
          attempts: item.attempts,
          ...(item.agencyReference ? { agencyReference: item.agencyReference } : {}),
          ...(item.lastError && item.status !== 'accepted' ? { lastError: item.lastError } : {}),
          updatedAt: item.updatedAt,
        }))
      : placeholderItems(bundle),
    ...(bundle.status === 'voided' && bundle.notice ? { notice: bundle.notice } : {}),
  };
}
