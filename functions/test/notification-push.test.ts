import { describe, expect, it } from 'vitest';
import { type NotificationEntity, pushShards } from '../src/notifications/entity';
import { createOutboxNotifier, type NotificationMessage, pushShardOf } from '../src/notifications/notifier';
import { messageOf, type PushOutboxDeps } from '../src/notifications/push-outbox';
import type { BundleOutboxDeps } from '../src/workers/bundle-outbox';
import { runScheduledWork } from '../src/workers/scheduled';

const message: NotificationMessage = {
  kind: 'filing_approved',
  title: '备案已通过',
  body: '您的托育机构备案已通过审核。',
  link: '/packages/provider/pages/institutions/index',
};

/** An entity whose create records what it was asked to store. */
function recordingEntity() {
  const created: Record<string, unknown>[] = [];
  const entity = {
    create: (item: Record<string, unknown>) => {
      created.push(item);
      return { go: async () => ({ data: item }) };
    },
  } as unknown as NotificationEntity;
  return { entity, created };
}

/** A store whose due index answers nothing. */
const nothingDue = (onQuery: () => void = () => {}) =>
  ({
    query: {
      byPushDue: () => {
        onQuery();
        return { lte: () => ({ go: async () => ({ data: [] }) }) };
      },
    },
  }) as unknown as NotificationEntity;

const emptyOutbox = {
  pii: {},
  outbox: { query: { byDue: () => ({ lte: () => ({ go: async () => ({ data: [] }) }) }) } },
} as unknown as BundleOutboxDeps;
const noRenewals = {
  records: {
    subsidies: { query: { byRenewal: () => ({ lt: () => ({ go: async () => ({ data: [] }) }) }) } },
  },
  notifier: { notify: async () => {} },
} as unknown as Parameters<typeof runScheduledWork>[0]['renewals'];
const channel = { push: async () => {} };

describe('notifying marks the WeChat push for the workers group', () => {
  it('stores a pushed notification as pending, due now, on its shard', async () => {
    // Prepare
    const { entity, created } = recordingEntity();
    const now = new Date('2030-03-01T02:00:00Z');

    // Act
    await createOutboxNotifier(entity, { push: true }).notify('u_1', message, { dedupeKey: 'filing:1', now });

    // Assess
    expect(created[0]).toMatchObject({
      userId: 'u_1',
      title: message.title,
      pushStatus: 'pending',
      pushAttempts: 0,
      pushDueAt: now.toISOString(),
      pushShard: pushShardOf(created[0]?.notificationId as string),
    });
  });

  it('stores a local notification with no push status (outside the due index)', async () => {
    const { entity, created } = recordingEntity();
    await createOutboxNotifier(entity).notify('u_1', message, { dedupeKey: 'filing:2', now: new Date() });
    expect(created[0]).not.toHaveProperty('pushStatus');
  });

  it('spreads notifications over every shard of the due index', () => {
    const shards = new Set(Array.from({ length: 200 }, (_, index) => pushShardOf(`ntf_${index}`)));
    expect([...shards].sort()).toEqual([...pushShards].sort());
  });

  it('pushes the message the notification was stored with', () => {
    const item = { ...message, notificationId: 'ntf_1', userId: 'u_1', createdAt: '2030-01-01T00:00:00Z' };
    expect(messageOf(item as Parameters<typeof messageOf>[0])).toEqual(message);
  });
});

describe('the scheduled worker pushes', () => {
  it('drains the push queue when it has a channel and reports it', async () => {
    // Prepare
    let queried = 0;
    const pushes: PushOutboxDeps = { notifications: nothingDue(() => queried++), channel };

    // Act
    const report = await runScheduledWork(
      { outbox: emptyOutbox, renewals: noRenewals, pushes },
      new Date('2030-03-01T02:00:00Z'),
    );

    // Assess
    expect(report.pushes).toEqual({ due: 0, claimed: 0, pushed: 0, retrying: 0, failed: 0 });
    expect(queried).toBe(pushShards.length);
  });

  it('runs no push drain locally (no channel) and reports none', async () => {
    const report = await runScheduledWork({ outbox: emptyOutbox, renewals: noRenewals }, new Date());
    expect(report).not.toHaveProperty('pushes');
  });

  it('still drains the outbox and reminds when the push drain fails, then reports the failure', async () => {
    // Prepare
    let outboxQueried = false;
    const outbox = {
      pii: {},
      outbox: {
        query: {
          byDue: () => {
            outboxQueried = true;
            return { lte: () => ({ go: async () => ({ data: [] }) }) };
          },
        },
      },
    } as unknown as BundleOutboxDeps;
    const broken = {
      query: {
        byPushDue: () => {
          throw new Error('store unavailable');
        },
      },
    } as unknown as NotificationEntity;

    // Act + Assess
    await expect(
      runScheduledWork(
        { outbox, renewals: noRenewals, pushes: { notifications: broken, channel } },
        new Date(),
      ),
    ).rejects.toThrow('store unavailable');
    expect(outboxQueried).toBe(true);
  });
});
