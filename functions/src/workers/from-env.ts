import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agenciesFromEnv, createBundleEntity, createOutboxEntity } from '../birth-bundles';
import { logger } from '../commons/logger';
import { notifierFromEnv, pushOutboxDepsFromEnv } from '../notifications';
import { createSubsidyEntity, createSubsidyRecords } from '../subsidies';
import type { BundleOutboxDeps } from './bundle-outbox';
import type { ScheduledWorkDeps } from './scheduled';

/** 出生一件事 items by their Chinese names, for the family's message. */
const itemNames: Record<string, string> = {
  household_registration: '户口登记',
  medical_insurance: '医保参保',
  social_security_card: '社保卡申领',
  vaccination_record: '预防接种建档',
};

/**
 * The outbox worker's dependencies from the environment: the same wiring for
 * the scheduled Lambda and the local runtime's interval. A given-up item is
 * logged for operators (no personal data: ids and kind only), shows as
 * `failed` in the bundle's status, and the family is told once (the
 * notification id is derived from the bundle and item).
 */
export function bundleOutboxDepsFromEnv(client: DynamoDBDocumentClient, table: string): BundleOutboxDeps {
  const notifier = notifierFromEnv(client, table);
  return {
    bundles: createBundleEntity(client, table),
    outbox: createOutboxEntity(client, table),
    agencies: agenciesFromEnv(client, table),
    onFailed: async (item, now) => {
      logger.error('birth bundle item given up', {
        bundleId: item.bundleId,
        kind: item.kind,
        attempts: item.attempts,
      });
      await notifier.notify(
        item.userId,
        {
          kind: 'birth_bundle_item_failed',
          title: `出生一件事：${itemNames[item.kind] ?? '一项业务'}未办成`,
          body: '多次提交给办理部门均未成功，请携带出生医学证明到就近办事窗口办理，或拨打 12345 咨询。',
          link: `/packages/family/pages/birth-bundle/progress?id=${item.bundleId}`,
        },
        { dedupeKey: `bundle-failed-${item.bundleId}-${item.kind}`, now },
      );
    },
  };
}

/** Everything the scheduled worker runs, wired once (the Lambda and the local interval alike). */
export function scheduledWorkDepsFromEnv(client: DynamoDBDocumentClient, table: string): ScheduledWorkDeps {
  const pushes = pushOutboxDepsFromEnv(client, table);
  return {
    outbox: bundleOutboxDepsFromEnv(client, table),
    renewals: {
      records: createSubsidyRecords(createSubsidyEntity(client, table)),
      notifier: notifierFromEnv(client, table),
    },
    ...(pushes ? { pushes } : {}),
  };
}
