import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Entity, type EntityItem } from '../commons/store/index';

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
  /** Decision 0040: a 普惠 application decided, an inspection with findings, a social organisation's new assignment. */
  'affordable_decided',
  'inspection_findings',
  'volunteer_assigned',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/**
 * Where a notification stands on its way to WeChat (deployed only; the local
 * runtime never pushes, so its items carry no push state):
 * `pending` → `sending` (claimed by a worker, with a lease) → `done` (pushed,
 * or nothing to push: no template, not subscribed), else `retrying` with
 * backoff and `failed` after the last attempt. The in-app message stays
 * whatever happens to the push.
 */
export const pushStatuses = ['pending', 'sending', 'retrying', 'done', 'failed'] as const;
export type PushStatus = (typeof pushStatuses)[number];
const duePushStatuses: readonly string[] = ['pending', 'retrying', 'sending'];
/** The due index is spread over a few partitions, as the 出生一件事 outbox's (decision 0009). */
export const pushShards = ['p0', 'p1', 'p2', 'p3'] as const;

/**
 * What the system told a user: the outbox that the 消息 page reads and, in a
 * deployed stack, the queue of WeChat subscription messages that the workers
 * group pushes (the only group besides sign-in and face verification that
 * holds the WeChat secret, decision 0016). Keyed by a deterministic id (from
 * the event that caused it), so a retried or repaired step that notifies
 * again finds the item there and sends nothing twice.
 * - byId: the dedupe;
 * - byUser (gsi1): a user's notifications, newest first;
 * - byPushDue (gsi2, sparse): pushes still to make, by due time, per shard;
 *   `pushDueAt` is the next attempt, or the lease end while `sending`, so a
 *   push whose worker died becomes due again by itself.
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
        pushStatus: { type: pushStatuses },
        pushShard: { type: pushShards, readOnly: true },
        pushDueAt: { type: 'string' },
        pushAttempts: { type: 'number' },
        /** Who holds the current `sending` lease; only its holder records the outcome. */
        pushLeaseId: { type: 'string' },
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
        byPushDue: {
          index: 'gsi2',
          condition: (attr) => duePushStatuses.includes(String(attr.pushStatus)),
          pk: { field: 'gsi2pk', composite: ['pushShard'] },
          sk: { field: 'gsi2sk', composite: ['pushDueAt', 'notificationId'] },
        },
      },
    },
    { client, table },
  );
}

export type NotificationEntity = ReturnType<typeof createNotificationEntity>;
export type NotificationItem = EntityItem<NotificationEntity>;
