import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { agenciesFromEnv, type BundleEntity, type OutboxEntity } from '../birth-bundles';
import { logger } from '../commons/logger';
import type { UserEntity } from '../commons/users';
import { type NotificationEntity, type Notifier, pushOutboxDepsFromEnv } from '../notifications';
import { createSubsidyRecords, createSubsidyServices, type SubsidiesDeps } from '../subsidies';
import type { BundleOutboxDeps } from './bundle-outbox';
import type { ScheduledWorkDeps } from './scheduled';
import { subsidyFilerOver } from './subsidy-filer';

/** 出生一件事 items by their Chinese names, for the family's message. */
const itemNames: Record<string, string> = {
  household_registration: '户口登记',
  medical_insurance: '医保参保',
  social_security_card: '社保卡申领',
  vaccination_record: '预防接种建档',
  birth_certificate: '出生医学证明',
  vaccination_certificate: '预防接种证',
  maternity_allowance: '生育津贴',
  maternity_medical: '生育医疗费用',
  childcare_subsidy: '育儿补贴',
};

/**
 * The outbox worker's dependencies from the environment: the same wiring for
 * the scheduled Lambda and the local runtime's interval. A given-up item is
 * logged for operators (no personal data: ids and kind only), shows as
 * `failed` in the bundle's status, and the family is told once (the
 * notification id is derived from the bundle and item).
 */
/** What the scheduled worker takes from the composition root (functions/src/root.ts). */
export interface ScheduledWorkWiring extends SubsidiesDeps {
  client: DynamoDBDocumentClient;
  table: string;
  entities: SubsidiesDeps['entities'] & {
    bundles: BundleEntity;
    bundleOutbox: OutboxEntity;
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
    // 育儿补贴 is filed in-house from the bundle (decision 0035); built on first use.
    fileSubsidy: (filing, now) => subsidyFilerOver(createSubsidyServices(deps).application)(filing, now),
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
