import { randomUUID } from 'node:crypto';
import { landed } from '../commons/guards';
import { logger } from '../commons/logger';
import { backoffDelayMs, dueAcross, leaseMs } from '../commons/outbox';
import { type NotificationEntity, type NotificationItem, pushShards } from './entity';
import type { NotificationMessage, PushChannel } from './notifier';

/**
 * Attempts before a push is given up: with the outbox backoff (30 s doubling)
 * about eight minutes of trying. A subscription message that late has lost its
 * point; the in-app message stays either way.
 */
export const pushMaxAttempts = 5;

export interface PushOutboxDeps {
  notifications: NotificationEntity;
  channel: PushChannel;
  /** Pushes handled per drain at most (a scheduled run must end well inside its timeout). */
  batchSize?: number;
  random?: () => number;
}

export interface PushDrainReport {
  due: number;
  claimed: number;
  pushed: number;
  retrying: number;
  failed: number;
}

/** The message a stored notification carries (what the notifier was asked to say). */
export function messageOf(item: NotificationItem): NotificationMessage {
  return {
    kind: item.kind,
    title: item.title,
    body: item.body,
    ...(item.link ? { link: item.link } : {}),
  };
}

/**
 * One pass over the WeChat push queue, the same shape as the 出生一件事 outbox
 * drain (decision 0009): every due notification (one Query per shard of the
 * sparse due index) is claimed with a conditional update — `sending` with a
 * lease, so it is due again should this worker die — pushed, and its outcome
 * written only while the lease is still ours. A failure is retried with
 * backoff and given up after `pushMaxAttempts`. Two workers never both claim
 * one item; a worker that dies between the push and its outcome leaves the
 * item to be pushed again after the lease (WeChat has no idempotency key, so
 * that rare case can repeat a message: at least once, never lost).
 */
export async function drainPushOutbox(deps: PushOutboxDeps, now: Date): Promise<PushDrainReport> {
  const { notifications } = deps;
  const report: PushDrainReport = { due: 0, claimed: 0, pushed: 0, retrying: 0, failed: 0 };
  const limit = deps.batchSize ?? 100;
  const nowIso = now.toISOString();
  const due: NotificationItem[] = await dueAcross(pushShards, limit, async (pushShard, wanted) => {
    const { data } = await notifications.query
      .byPushDue({ pushShard })
      .lte({ pushDueAt: nowIso })
      .go({ limit: wanted });
    return data;
  });
  report.due = due.length;

  const startedMs = performance.now();
  for (const item of due) {
    const { notificationId, pushShard } = item;
    if (!pushShard) continue; // not in the index without one; a guard for the type
    const leaseId: string = randomUUID();
    const claimedAt = now.getTime() + (performance.now() - startedMs);
    const attempts = (item.pushAttempts ?? 0) + 1;
    const claimed = await landed(
      notifications
        .patch({ notificationId })
        .set({
          pushStatus: 'sending',
          pushLeaseId: leaseId,
          pushAttempts: attempts,
          pushDueAt: new Date(claimedAt + leaseMs).toISOString(),
        })
        .composite({ pushShard })
        .where(
          (a, op) =>
            `${op.lte(a.pushDueAt, nowIso)} AND ${op.ne(a.pushStatus, 'done')} AND ${op.ne(a.pushStatus, 'failed')}`,
        )
        .go(),
    );
    if (!claimed) continue; // another worker has it, or it moved on since the query
    report.claimed += 1;

    // False when our lease ran out and another worker took the item over: its outcome counts, not ours.
    const finish = (pushStatus: 'done' | 'retrying' | 'failed', pushDueAt: string) =>
      landed(
        notifications
          .patch({ notificationId })
          .set({ pushStatus, pushDueAt })
          .composite({ pushShard })
          .where((a, op) => `${op.eq(a.pushLeaseId, leaseId)} AND ${op.eq(a.pushStatus, 'sending')}`)
          .go(),
      );

    try {
      await deps.channel.push(item.userId, messageOf(item));
    } catch (error) {
      // The channel's errors carry WeChat's errcode or an HTTP status, never the message text.
      logger.warn('subscription message push failed', {
        kind: item.kind,
        attempts,
        reason: error instanceof Error ? error.message : 'unknown error',
      });
      if (attempts >= pushMaxAttempts) {
        if (await finish('failed', nowIso)) report.failed += 1;
        continue;
      }
      const next = new Date(now.getTime() + backoffDelayMs(attempts, deps.random));
      if (await finish('retrying', next.toISOString())) report.retrying += 1;
      continue;
    }
    if (await finish('done', nowIso)) report.pushed += 1;
  }
  return report;
}
