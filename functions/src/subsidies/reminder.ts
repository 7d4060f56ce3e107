import { addDays, chinaDate, monthsBetween } from '@hongjia/shared';
import { isAppError } from '../commons/errors';
import type { Notifier } from '../notifications';
import type { SubsidyItem } from './entity';
import { renewalMessage } from './messages';
import type { SubsidyRecords } from './records';
import { renewalWindowDays } from './rules';

export interface RenewalReminderReport {
  due: number;
  reminded: number;
}

/**
 * The yearly renewal reminder, run by the scheduled worker: one Query per
 * renewal month from this month to the month 30 days ahead (usually this
 * month and next) on the sparse byRenewal index, which holds only approved
 * applications not yet reminded of their current renewalDueOn, and only the
 * part due by then. Each is notified ('subsidy_renewal', dedupe key
 * `subsidy-renewal:<id>:<renewalDueOn>`: once per year, whoever runs it and
 * however often), then marked reminded (leaving the index until renewed).
 * Notify first, mark second: a crash in between re-notifies nobody (dedupe).
 */
export async function remindRenewals(
  deps: { records: SubsidyRecords; notifier: Notifier },
  now: Date,
): Promise<RenewalReminderReport> {
  const today = chinaDate(now);
  const horizon = addDays(today, renewalWindowDays);
  const due: SubsidyItem[] = [];
  for (const renewalMonth of monthsBetween(today, horizon)) {
    const page = await deps.records.subsidies.query
      .byRenewal({ renewalMonth })
      .lt({ renewalDueOn: addDays(horizon, 1) })
      .go({ pages: 'all' });
    due.push(...page.data);
  }
  const report: RenewalReminderReport = { due: due.length, reminded: 0 };
  for (const item of due) {
    if (item.status !== 'approved' || !item.renewalDueOn || item.renewalRemindedFor === item.renewalDueOn)
      continue;
    await deps.notifier.notify(item.userId, renewalMessage(item), {
      dedupeKey: `subsidy-renewal:${item.subsidyId}:${item.renewalDueOn}`,
      now,
    });
    try {
      await deps.records.move(item, { renewalRemindedFor: item.renewalDueOn }, now);
      report.reminded += 1;
    } catch (error) {
      // Renewed or changed since the Query: the next run sees its current state.
      if (!isAppError(error) || error.code !== 'CONFLICT') throw error;
    }
  }
  return report;
}
