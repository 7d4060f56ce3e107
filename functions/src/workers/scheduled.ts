import type { Notifier } from '../notifications/notifier';
import type { SubsidyRecords } from '../subsidies/records';
import { type RenewalReminderReport, remindRenewals } from '../subsidies/reminder';
import { type BundleOutboxDeps, type DrainReport, drainBundleOutbox } from './bundle-outbox';

export interface ScheduledWorkDeps {
  outbox: BundleOutboxDeps;
  renewals: { records: SubsidyRecords; notifier: Notifier };
}

export interface ScheduledWorkReport {
  outbox: DrainReport;
  renewals: RenewalReminderReport;
}

/**
 * One run of the scheduled worker (every minute): the 出生一件事 outbox drain
 * and the 育儿补贴 renewal reminder, side by side. Each is safe to overlap
 * and to repeat; one failing does not stop the other, and its error is
 * rethrown once both have run (so the run shows as failed).
 */
export async function runScheduledWork(deps: ScheduledWorkDeps, now: Date): Promise<ScheduledWorkReport> {
  const [outbox, renewals] = await Promise.allSettled([
    drainBundleOutbox(deps.outbox, now),
    remindRenewals(deps.renewals, now),
  ]);
  if (outbox.status === 'rejected') throw outbox.reason;
  if (renewals.status === 'rejected') throw renewals.reason;
  return { outbox: outbox.value, renewals: renewals.value };
}
