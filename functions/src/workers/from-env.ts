import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agenciesFromEnv, type BundleEntity, type OutboxEntity } from '../birth-bundles';
import { logger } from '../commons/logger';
import type { UserEntity } from '../commons/users';
import { type NotificationEntity, type Notifier, pushOutboxDepsFromEnv } from '../notifications';
import { createSubsidyRecords, type SubsidyEntity } from '../subsidies';
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
/** What the scheduled worker takes from the composition root (functions/src/root.ts). */
export interface ScheduledWorkWiring {
  client: DynamoDBDocumentClient;
  table: string;
  entities: {
    bundles: BundleEntity;
    bundleOutbox: OutboxEntity;
    subsidies: SubsidyEntity;
    notifications: NotificationEntity;
    users: UserEntity;
  };
  notifier: Notifier;
}

export function bundleOutboxDepsFromEnv(deps: ScheduledWorkWiring): BundleOutboxDeps {
  const { notifier } = deps;
  return {
    bundles: deps.entities.bundles,
    outbox: deps.entities.bundleOutbox,
    agencies: agenciesFromEnv(deps.client, deps.table),
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
export function scheduledWorkDepsFromEnv(deps: ScheduledWorkWiring): ScheduledWorkDeps {
  const pushes = pushOutboxDepsFromEnv(deps);
  return {
    outbox: bundleOutboxDepsFromEnv(deps),
    renewals: {
      records: createSubsidyRecords(deps.entities.subsidies),
      notifier: deps.notifier,
    },
    ...(pushes ? { pushes } : {}),
  };
}
