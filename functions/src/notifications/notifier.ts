import { createHash } from 'node:crypto';
import { isConditionFailure } from '../commons/guards';
import { type NotificationEntity, type NotificationKind, pushShards } from './entity';

type PushShard = (typeof pushShards)[number];

export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Mini-program page to open. */
  link?: string;
}

/**
 * How the domain tells a user something. `dedupeKey` names the event (e.g.
 * `booking-promoted:<bookingId>`): notifying twice for one event stores and
 * sends once, so repair paths may call it again safely.
 */
export interface Notifier {
  notify(
    userId: string,
    message: NotificationMessage,
    options: { dedupeKey: string; now: Date },
  ): Promise<void>;
}

/** A channel beyond the in-app outbox (WeChat subscription messages, pushed by the workers group). */
export interface PushChannel {
  push(userId: string, message: NotificationMessage): Promise<void>;
}

export function notificationIdFor(dedupeKey: string): string {
  return `ntf_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 24)}`;
}

/** The due-index shard of a notification: stable per item, spread over all shards. */
export function pushShardOf(notificationId: string): PushShard {
  const byte = createHash('sha256').update(notificationId).digest()[0] ?? 0;
  return pushShards[byte % pushShards.length] ?? 'p0';
}

export interface OutboxNotifierOptions {
  /**
   * Deployed (`WECHAT_AUTH_MODE=wechat`): mark the item `pending` for the
   * workers group to push as a subscription message. The group that notifies
   * never calls WeChat itself, so it needs no WeChat secret (decision 0016).
   */
  push?: boolean;
}

/**
 * Writes the notification item — the record the 消息 page shows and, when
 * pushing, the outbox item of its WeChat push — in one conditional create.
 * The change that caused it never waits for or fails because of WeChat.
 */
export function createOutboxNotifier(
  entity: NotificationEntity,
  options: OutboxNotifierOptions = {},
): Notifier {
  return {
    async notify(userId, message, { dedupeKey, now }) {
      const notificationId = notificationIdFor(dedupeKey);
      const createdAt = now.toISOString();
      try {
        await entity
          .create({
            notificationId,
            userId,
            kind: message.kind,
            title: message.title,
            body: message.body,
            ...(message.link ? { link: message.link } : {}),
            createdAt,
            // ElectroDB wants every composite of the sparse push index on each write;
            // only a `pending` status puts the item into it.
            pushShard: pushShardOf(notificationId),
            pushDueAt: createdAt,
            ...(options.push ? { pushStatus: 'pending' as const, pushAttempts: 0 } : {}),
          })
          .go();
      } catch (error) {
        if (isConditionFailure(error)) return;
        throw error;
      }
    },
  };
}
