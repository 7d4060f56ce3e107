import type { Notifier } from '../notifications';
import { drainPushOutbox, type PushDrainReport, type PushOutboxDeps } from '../notifications';
import type { SubsidyRecords } from '../subsidies';
import { type RenewalReminderReport, remindRenewals } from '../subsidies';
import { type BundleOutboxDeps, type DrainReport, drainBundleOutbox } from './bundle-outbox';

export interface ScheduledWorkDeps {
  outbox: BundleOutboxDeps;
  renewals: { records: SubsidyRecords; notifier: Notifier };
  /** Deployed only: the WeChat subscription-message queue (the local runtime never pushes). */
  pushes?: PushOutboxDeps;
}

export interface ScheduledWorkReport {
  outbox: DrainReport;
  renewals: RenewalReminderReport;
  pushes?: PushDrainReport;
}

/**
 * One run of the scheduled worker (every minute): the 出生一件事 outbox drain,
 * the 育儿补贴 renewal reminder and (deployed) the WeChat push queue, side by
 * side. Each is safe to overlap and to repeat; one failing does not stop the
 * others, and the first error is rethrown once all have run (so the run shows
 * as failed). Reminders written in this run are pushed by the next one.
 */
export async function runScheduledWork(deps: ScheduledWorkDeps, now: Date): Promise<ScheduledWorkReport> {
  const { pushes } = deps;
  const [outbox, renewals, pushed] = await Promise.allSettled([
    drainBundleOutbox(deps.outbox, now),
    remindRenewals(deps.renewals, now),
    pushes ? drainPushOutbox(pushes, now) : Promise.resolve(undefined),
  ]);
  if (outbox.status === 'rejected') throw outbox.reason;
  if (renewals.status === 'rejected') throw renewals.reason;
  if (pushed.status === 'rejected') throw pushed.reason;
  return {
    outbox: outbox.value,
    renewals: renewals.value,
    ...(pushed.value ? { pushes: pushed.value } : {}),
  };
}
