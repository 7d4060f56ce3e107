import { isConditionFailure } from '../commons/guards';
import {
  type BundleEntity,
  type BundleItem,
  type BundleItemKind,
  type BundleStatus,
  bundleItemKinds,
  type OutboxEntity,
} from './entities';
import { shardOf } from './shard';
import { toBundleView } from './views';

/** A bundle written before statuses existed is active. */
export const statusOf = (bundle: BundleItem): BundleStatus => bundle.status ?? 'active';

/** A bundle that holds (or is about to hold) its certificate's claim. */
export const holdsCertificate = (bundle: BundleItem) =>
  statusOf(bundle) === 'checking' || statusOf(bundle) === 'active';

/** Store access shared by the 出生一件事 service and its conflicts: reads, status moves, the outbox. */
export function createBundleRecords(deps: { bundles: BundleEntity; outbox: OutboxEntity }) {
  const { bundles, outbox } = deps;
  return {
    bundles,
    outbox,

    async get(bundleId: string): Promise<BundleItem | undefined> {
      return (await bundles.get({ bundleId }).go({ consistent: true })).data ?? undefined;
    },

    /** The family's view: the bundle with its outbox items in agency order. */
    async view(bundle: BundleItem) {
      const { data } = await outbox.query.byBundle({ bundleId: bundle.bundleId }).go({ pages: 'all' });
      const order = (kind: BundleItemKind) => bundleItemKinds.indexOf(kind);
      return toBundleView(
        bundle,
        data.sort((a, b) => order(a.kind) - order(b.kind)),
      );
    },

    /** `from` → `to`, conditional on `from`; false when the bundle was no longer there. */
    async move(bundle: BundleItem, from: BundleStatus, to: BundleStatus, now: Date, notice?: string) {
      try {
        await bundles
          .patch({ bundleId: bundle.bundleId })
          .set({ status: to, updatedAt: now.toISOString(), ...(notice ? { notice } : {}) })
          // A bundle written before statuses existed has none and counts as active.
          .where((attr, op) => {
            const was = op.eq(attr.status, from as BundleStatus);
            return from === 'active' ? `${was} OR ${op.notExists(attr.status)}` : was;
          })
          .go();
        return true;
      } catch (error) {
        if (isConditionFailure(error)) return false;
        throw error;
      }
    },

    /** Removes a bundle that never got past `checking` (the family's own other bundle stands). */
    async discard(bundle: BundleItem) {
      try {
        await bundles
          .delete({ bundleId: bundle.bundleId })
          .where((attr, op) => op.eq(attr.status, 'checking'))
          .go();
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    },

    /** One outbox item per agency (conditional creates: a repeat fills in only what is missing). */
    async queueItems(bundle: BundleItem, now: Date) {
      for (const kind of bundle.kinds) {
        try {
          await outbox
            .create({
              bundleId: bundle.bundleId,
              kind,
              userId: bundle.userId,
              shard: shardOf(bundle.bundleId, kind),
              status: 'queued',
              attempts: 0,
              dueAt: now.toISOString(),
              createdAt: now.toISOString(),
              updatedAt: now.toISOString(),
            })
            .go();
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
    },
  };
}

export type BundleRecords = ReturnType<typeof createBundleRecords>;
