import { randomUUID } from 'node:crypto';
import type { BundleEntity, OutboxEntity, OutboxItem } from '../birth-bundles';
import {
  type AgencyAdapter,
  AgencyError,
  type BirthDetails,
  bundleDetailsField,
  maxAttempts,
  outboxShards,
  payloadFor,
} from '../birth-bundles';
import { landed } from '../commons/guards';
import { logger } from '../commons/logger';
import { backoffDelayMs, dueAcross, leaseMs } from '../commons/outbox';
import { type PiiCipher, piiCipher } from '../commons/pii/index';

export interface BundleOutboxDeps {
  bundles: BundleEntity;
  outbox: OutboxEntity;
  agencies: AgencyAdapter;
  pii?: PiiCipher;
  /** Told once when an item is given up (the family's message); optional so tests can leave it out. */
  onFailed?: (item: OutboxItem, now: Date) => Promise<void>;
  /** Items handled per drain at most (a scheduled run must end well inside its timeout). */
  batchSize?: number;
  random?: () => number;
}

export interface DrainReport {
  due: number;
  claimed: number;
  accepted: number;
  retrying: number;
  failed: number;
}

/** What the family sees for a failed attempt: no internals, no agency error text. */
const retryMessage = '对方部门系统暂时无法受理，系统将自动重试';
const failedMessage = '多次提交未成功，请联系办事窗口处理';

/**
 * One pass of the 出生一件事 outbox: every due item (one Query per shard of
 * the sparse due index) is claimed with a conditional update — `sending`,
 * with a lease that makes it due again should this worker die — then handed
 * to its agency with the idempotency key `bundleId:kind`, and its outcome
 * written only if the lease is still ours. Accepted → done; failed → retried
 * with exponential backoff, given up after `maxAttempts`. Two workers cannot
 * both claim an item (the claim's condition), and a re-send after a lost
 * lease is recognised by the agency as a repeat: nothing lost, nothing twice.
 */
export async function drainBundleOutbox(deps: BundleOutboxDeps, now: Date): Promise<DrainReport> {
  const { outbox } = deps;
  const report: DrainReport = { due: 0, claimed: 0, accepted: 0, retrying: 0, failed: 0 };
  const limit = deps.batchSize ?? 100;
  const nowIso = now.toISOString();
  const due: OutboxItem[] = await dueAcross(outboxShards, limit, async (shard, wanted) => {
    const { data } = await outbox.query.byDue({ shard }).lte({ dueAt: nowIso }).go({ limit: wanted });
    return data;
  });
  report.due = due.length;
  const detailsOf = new Map<string, Promise<BirthDetails | undefined>>();
  const cipher = deps.pii ?? (await piiCipher());

  const startedMs = performance.now();
  for (const item of due) {
    const leaseId: string = randomUUID();
    // The lease runs from the claim, not from the start of the pass: slow agencies earlier in
    // the batch must not leave this item's lease already spent.
    const claimedAt = now.getTime() + (performance.now() - startedMs);
    const attempts = item.attempts + 1;
    const claimed = await landed(
      outbox
        .patch({ bundleId: item.bundleId, kind: item.kind })
        .set({
          status: 'sending',
          leaseId,
          attempts,
          dueAt: new Date(claimedAt + leaseMs).toISOString(),
          updatedAt: nowIso,
        })
        .composite({ shard: item.shard })
        .where(
          (a, op) =>
            `${op.lte(a.dueAt, nowIso)} AND ${op.ne(a.status, 'accepted')} AND ${op.ne(a.status, 'failed')}`,
        )
        .go(),
    );
    if (!claimed) continue; // another worker has it, or it moved on since the query
    report.claimed += 1;

    let details = detailsOf.get(item.bundleId);
    if (!details) {
      details = deps.bundles
        .get({ bundleId: item.bundleId })
        .go()
        .then(async ({ data }) =>
          data
            ? (JSON.parse(await cipher.open(data.sealedDetails, bundleDetailsField)) as BirthDetails)
            : undefined,
        );
      detailsOf.set(item.bundleId, details);
    }
    const outcome = await deliver(deps.agencies, item, await details);
    // False when our lease ran out and another worker took the item over: its outcome counts, not ours.
    const finish = (
      set: Pick<OutboxItem, 'status' | 'dueAt'> & Partial<Pick<OutboxItem, 'agencyReference' | 'lastError'>>,
    ) =>
      landed(
        outbox
          .patch({ bundleId: item.bundleId, kind: item.kind })
          .set({ ...set, updatedAt: nowIso })
          .composite({ shard: item.shard })
          .where((a, op) => `${op.eq(a.leaseId, leaseId)} AND ${op.eq(a.status, 'sending')}`)
          .go(),
      );

    if (outcome.ok) {
      if (await finish({ status: 'accepted', agencyReference: outcome.reference, dueAt: nowIso }))
        report.accepted += 1;
      continue;
    }
    logger.warn('agency hand-off failed', {
      kind: item.kind,
      attempts,
      permanent: outcome.permanent,
      reason: outcome.reason,
    });
    if (outcome.permanent || attempts >= maxAttempts) {
      if (await finish({ status: 'failed', lastError: failedMessage, dueAt: nowIso })) {
        report.failed += 1;
        await deps.onFailed?.({ ...item, status: 'failed', attempts }, now);
      }
      continue;
    }
    const next = new Date(now.getTime() + backoffDelayMs(attempts, deps.random));
    if (await finish({ status: 'retrying', lastError: retryMessage, dueAt: next.toISOString() }))
      report.retrying += 1;
  }
  return report;
}

type Outcome = { ok: true; reference: string } | { ok: false; permanent: boolean; reason: string };

async function deliver(
  agencies: AgencyAdapter,
  item: OutboxItem,
  details: BirthDetails | undefined,
): Promise<Outcome> {
  // A bundle without its item cannot happen (it is written first); if it did, retrying cannot help.
  if (!details) return { ok: false, permanent: true, reason: 'bundle missing' };
  try {
    const { reference } = await agencies.submit(
      item.kind,
      payloadFor(item.kind, details),
      `${item.bundleId}:${item.kind}`,
    );
    return { ok: true, reference };
  } catch (error) {
    // Agency messages are ours (no personal data); anything else is reported by its name only.
    if (error instanceof AgencyError) return { ok: false, permanent: error.permanent, reason: error.message };
    return { ok: false, permanent: false, reason: error instanceof Error ? error.name : 'unknown error' };
  }
}
