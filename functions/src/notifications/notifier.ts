import { createHash } from 'node:crypto';
import { isConditionFailure } from '../commons/guards';
import { logger } from '../commons/logger';
import type { NotificationEntity, NotificationKind } from './entity';

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

/** A channel beyond the in-app outbox (WeChat subscription messages in production). */
export interface PushChannel {
  push(userId: string, message: NotificationMessage): Promise<void>;
}

export function notificationIdFor(dedupeKey: string): string {
  return `ntf_${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 24)}`;
}

/**
 * Writes the notification item first (the record the 消息 page shows), then
 * pushes. A push failure is logged and swallowed: the in-app message exists,
 * and the change that caused it must not fail because WeChat did.
 */
export function createOutboxNotifier(entity: NotificationEntity, channel?: PushChannel): Notifier {
  return {
    async notify(userId, message, { dedupeKey, now }) {
      try {
        await entity
          .create({
            notificationId: notificationIdFor(dedupeKey),
            userId,
            kind: message.kind,
            title: message.title,
            body: message.body,
            ...(message.link ? { link: message.link } : {}),
            createdAt: now.toISOString(),
          })
          .go();
      } catch (error) {
        if (isConditionFailure(error)) return;
        throw error;
      }
      if (!channel) return;
      try {
        await channel.push(userId, message);
      } catch (error) {
        logger.warn('push notification failed', { kind: message.kind, error });
      }
    },
  };
}
