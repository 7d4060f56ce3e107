import { assertNoDevModeOutsideLocal } from '../commons/stage-guard';
import { rootFromEnv, scheduledWorkEntities } from '../root';
import { scheduledWorkDepsFromEnv } from '../workers/from-env';
import { runScheduledWork } from '../workers/scheduled';

/**
 * The scheduled worker (an EventBridge rule, every minute): drains the
 * 出生一件事 outbox, sends the 育儿补贴 renewal reminders that are due and
 * pushes pending notifications as WeChat subscription messages.
 * Overlapping runs are safe: each outbox item and each push is claimed by one
 * conditional update, and each reminder is deduplicated per application and
 * renewal date.
 */
assertNoDevModeOutsideLocal();
const deps = scheduledWorkDepsFromEnv(rootFromEnv({}, scheduledWorkEntities));

export const handler = async () => runScheduledWork(deps, new Date());
