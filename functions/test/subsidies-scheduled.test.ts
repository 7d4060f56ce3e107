import { describe, expect, it } from 'vitest';
import type { Notifier } from '../src/notifications/notifier';
import type { SubsidyItem } from '../src/subsidies/entity';
import type { SubsidyRecords } from '../src/subsidies/records';
import type { BundleOutboxDeps } from '../src/workers/bundle-outbox';
import { runScheduledWork } from '../src/workers/scheduled';

const approved = {
  subsidyId: 'sub_1',
  userId: 'u_1',
  status: 'approved',
  version: 2,
  childNameMasked: '李**',
  renewalDueOn: '2027-12-10',
  renewalRemindedFor: '',
} as SubsidyItem;

/** A store whose byRenewal Query answers `items` for any month, recording the months asked. */
function renewals(items: SubsidyItem[]) {
  const months: string[] = [];
  const moved: string[] = [];
  const records = {
    subsidies: {
      query: {
        byRenewal: ({ renewalMonth }: { renewalMonth: string }) => {
          months.push(renewalMonth);
          return { lt: () => ({ go: async () => ({ data: renewalMonth === '2027-12' ? items : [] }) }) };
        },
      },
    },
    move: async (item: SubsidyItem) => {
      moved.push(item.subsidyId);
      return item;
    },
  } as unknown as SubsidyRecords;
  const sent: string[] = [];
  const notifier: Notifier = {
    notify: async (_user, message, { dedupeKey }) => {
      sent.push(`${message.kind} ${dedupeKey}`);
    },
  };
  return { deps: { records, notifier }, months, moved, sent };
}

const emptyOutbox = {
  pii: {},
  outbox: { query: { byDue: () => ({ lte: () => ({ go: async () => ({ data: [] }) }) }) } },
} as unknown as BundleOutboxDeps;
const brokenOutbox = {
  outbox: {
    query: {
      byDue: () => {
        throw new Error('store unavailable');
      },
    },
  },
} as unknown as BundleOutboxDeps;

describe('the scheduled worker run', () => {
  it('drains the outbox and sends the renewal reminders that are due, with a per-year dedupe key', async () => {
    const r = renewals([approved]);
    const report = await runScheduledWork(
      { outbox: emptyOutbox, renewals: r.deps },
      new Date('2027-11-20T01:00:00Z'),
    );
    expect(report.outbox.due).toBe(0);
    expect(report.renewals).toEqual({ due: 1, reminded: 1 });
    expect(r.months).toEqual(['2027-11', '2027-12']);
    expect(r.sent).toEqual(['subsidy_renewal subsidy-renewal:sub_1:2027-12-10']);
    expect(r.moved).toEqual(['sub_1']);
  });

  it('still sends the reminders when the outbox drain fails, then reports the failure', async () => {
    const r = renewals([approved]);
    await expect(
      runScheduledWork({ outbox: brokenOutbox, renewals: r.deps }, new Date('2027-11-20T01:00:00Z')),
    ).rejects.toThrow('store unavailable');
    expect(r.sent).toHaveLength(1);
  });

  it('skips an application already reminded of this renewal date', async () => {
    const r = renewals([{ ...approved, renewalRemindedFor: '2027-12-10' }]);
    const report = await runScheduledWork(
      { outbox: emptyOutbox, renewals: r.deps },
      new Date('2027-11-20T01:00:00Z'),
    );
    expect(report.renewals).toEqual({ due: 1, reminded: 0 });
    expect(r.sent).toEqual([]);
  });
});
