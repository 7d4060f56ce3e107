import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, type EntityItem } from 'electrodb';

export const notificationKinds = [
  'booking_promoted',
  'filing_approved',
  'filing_rejected',
  'registration_status',
  'birth_bundle_item_failed',
  'benefit_enrolled',
  'assistance_request',
  'assistance_update',
  'subsidy_status',
  'subsidy_renewal',
  /** A person checked two filings that claimed one thing (decision 0013): neutral words either way. */
  'case_checked',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * What the system told a user: the outbox that the 消息 page reads and that
 * production also pushes as a WeChat subscription message. Keyed by a
 * deterministic id (from the event that caused it), so a retried or repaired
 * step that notifies again finds the item there and sends nothing twice.
 * - byId: the dedupe;
 * - byUser (gsi1): a user's notifications, newest first.
 */
export function createNotificationEntity(client: DynamoDBDocumentClient, table: string) {
  return new Entity(
    {
      model: { entity: 'notification', version: '1', service: 'hongjia' },
      attributes: {
        notificationId: { type: 'string', required: true, readOnly: true },
        userId: { type: 'string', required: true, readOnly: true },
        kind: { type: notificationKinds, required: true, readOnly: true },
        title: { type: 'string', required: true, readOnly: true },
        body: { type: 'string', required: true, readOnly: true },
        link: { type: 'string', readOnly: true },
        createdAt: { type: 'string', required: true, readOnly: true },
      },
      indexes: {
        byId: {
          pk: { field: 'pk', composite: ['notificationId'] },
          sk: { field: 'sk', composite: [] },
        },
        byUser: {
          index: 'gsi1',
          pk: { field: 'gsi1pk', composite: ['userId'] },
          sk: { field: 'gsi1sk', composite: ['createdAt', 'notificationId'] },
        },
      },
    },
    { client, table },
  );
}

export type NotificationEntity = ReturnType<typeof createNotificationEntity>;
export type NotificationItem = EntityItem<NotificationEntity>;
