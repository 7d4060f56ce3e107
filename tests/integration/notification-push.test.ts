import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { leaseMs } from '@hongjia/functions/commons/outbox';
import { createNotificationEntity, type NotificationEntity } from '@hongjia/functions/notifications/entity';
import {
  createOutboxNotifier,
  type NotificationMessage,
  notificationIdFor,
  type PushChannel,
} from '@hongjia/functions/notifications/notifier';
import { drainPushOutbox, pushMaxAttempts } from '@hongjia/functions/notifications/push-outbox';
import { mainTable } from '@hongjia/infra/table-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, localDynamoClient, localTableName, startDynalite } from '../../local/dynamodb';

/**
 * The WeChat push queue on a real dynalite (no runtime, no seed): notifying
 * groups only mark an item pending; the workers group pushes it, once, retries
 * a failure with backoff and gives up after the last attempt, keeping the
 * in-app message.
 */
let dataDir: string;
let dynamo: Awaited<ReturnType<typeof startDynalite>>;
let client: DynamoDBDocumentClient;
let entity: NotificationEntity;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hongjia-push-'));
  dynamo = await startDynalite(dataDir);
  const raw = localDynamoClient(dynamo.endpoint);
  await ensureTables(raw);
  client = DynamoDBDocumentClient.from(raw);
  entity = createNotificationEntity(client, localTableName(mainTable));
});
afterAll(async () => {
  client.destroy();
  await dynamo.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const message: NotificationMessage = {
  kind: 'booking_promoted',
  title: '候补成功：托位已确认',
  body: '某托育中心有名额空出，您的候补预约已转为正式预约。',
  link: '/packages/family/pages/bookings/index',
};

/** A channel that records every push and fails while `failures` lasts. */
function recordingChannel(failures = 0) {
  const pushed: { userId: string; message: NotificationMessage }[] = [];
  let left = failures;
  const channel: PushChannel = {
    async push(userId, pushedMessage) {
      if (left-- > 0) throw new Error('subscribeMessage.send failed with errcode -1');
      pushed.push({ userId, message: pushedMessage });
    },
  };
  return { channel, pushed };
}

let sequence = 0;
/** Notifies a fresh user (each test its own) and returns the stored item's id. */
async function notify(push: boolean, at: Date) {
  sequence += 1;
  const userId = `u_push_${sequence}_${Date.now()}`;
  const dedupeKey = `push-test:${userId}`;
  await createOutboxNotifier(entity, { push }).notify(userId, message, { dedupeKey, now: at });
  return { userId, notificationId: notificationIdFor(dedupeKey) };
}

const stored = async (notificationId: string) => (await entity.get({ notificationId }).go()).data;

/** Drains until nothing of this test is due (other tests' items may share the index). */
async function drainFor(channel: PushChannel, now: Date) {
  return drainPushOutbox({ notifications: entity, channel, random: () => 0.5 }, now);
}

describe('the WeChat push queue', () => {
  it('pushes a pending notification once, with its message, and takes it out of the due index', async () => {
    // Prepare
    const now = new Date('2030-01-01T08:00:00Z');
    const { userId, notificationId } = await notify(true, now);
    const { channel, pushed } = recordingChannel();

    // Act
    await drainFor(channel, new Date(now.getTime() + 1000));
    await drainFor(channel, new Date(now.getTime() + 2000));

    // Assess
    expect(pushed).toEqual([{ userId, message }]);
    expect(await stored(notificationId)).toMatchObject({ pushStatus: 'done', pushAttempts: 1 });
  });

  it('leaves a notification written without push (the local runtime) alone', async () => {
    // Prepare
    const now = new Date('2030-01-02T08:00:00Z');
    const { userId, notificationId } = await notify(false, now);
    const { channel, pushed } = recordingChannel();

    // Act
    await drainFor(channel, new Date(now.getTime() + 60_000));

    // Assess
    expect(pushed.filter((p) => p.userId === userId)).toHaveLength(0);
    expect((await stored(notificationId))?.pushStatus).toBeUndefined();
  });

  it('retries a failed push after its backoff, not before', async () => {
    // Prepare
    const now = new Date('2030-01-03T08:00:00Z');
    const { userId, notificationId } = await notify(true, now);
    const { channel, pushed } = recordingChannel(1);

    // Act
    const first = await drainFor(channel, new Date(now.getTime() + 1));
    const tooSoon = await drainFor(channel, new Date(now.getTime() + 10_000));
    const later = await drainFor(channel, new Date(now.getTime() + 31_000));

    // Assess
    expect(first.retrying).toBe(1);
    expect(tooSoon.claimed).toBe(0);
    expect(later.pushed).toBe(1);
    expect(pushed).toEqual([{ userId, message }]);
    expect(await stored(notificationId)).toMatchObject({ pushStatus: 'done', pushAttempts: 2 });
  });

  it(`gives up after ${pushMaxAttempts} attempts and keeps the in-app message`, async () => {
    // Prepare
    const start = new Date('2030-01-04T08:00:00Z');
    const { userId, notificationId } = await notify(true, start);
    const { channel, pushed } = recordingChannel(100);

    // Act: an hour apart, every attempt is due
    let failed = 0;
    for (let attempt = 0; attempt < pushMaxAttempts + 2; attempt++) {
      failed += (await drainFor(channel, new Date(start.getTime() + 1 + attempt * 3600_000))).failed;
    }

    // Assess
    expect(failed).toBe(1);
    expect(pushed).toEqual([]);
    expect(await stored(notificationId)).toMatchObject({
      pushStatus: 'failed',
      pushAttempts: pushMaxAttempts,
    });
    const inbox = await entity.query.byUser({ userId }).go();
    expect(inbox.data.map((item) => item.title)).toEqual([message.title]);
  });

  it('lets two overlapping drains push an item once', async () => {
    // Prepare
    const now = new Date('2030-01-05T08:00:00Z');
    const { userId } = await notify(true, now);
    const { channel, pushed } = recordingChannel();

    // Act
    const later = new Date(now.getTime() + 1);
    const reports = await Promise.all([drainFor(channel, later), drainFor(channel, later)]);

    // Assess
    expect(reports.reduce((sum, report) => sum + report.pushed, 0)).toBe(1);
    expect(pushed.filter((p) => p.userId === userId)).toHaveLength(1);
  });

  it('takes over an item whose worker died mid-push once its lease ran out; the stale outcome does not count', async () => {
    // Prepare: the first worker claims the item and hangs in the push.
    const now = new Date('2030-01-06T08:00:00Z');
    const { userId, notificationId } = await notify(true, now);
    let release: () => void = () => {};
    const hanging: PushChannel = {
      push: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    };
    const stuck = drainFor(hanging, new Date(now.getTime() + 1));
    await expect.poll(async () => (await stored(notificationId))?.pushStatus).toBe('sending');
    const { channel, pushed } = recordingChannel();

    // Act
    const during = await drainFor(channel, new Date(now.getTime() + leaseMs / 2));
    const after = await drainFor(channel, new Date(now.getTime() + leaseMs + 5_000));
    release();
    const stale = await stuck;

    // Assess
    expect(during.claimed).toBe(0);
    expect(after.pushed).toBe(1);
    expect(stale.pushed).toBe(0);
    expect(pushed.filter((p) => p.userId === userId)).toHaveLength(1);
    expect(await stored(notificationId)).toMatchObject({ pushStatus: 'done', pushAttempts: 2 });
  });
});
