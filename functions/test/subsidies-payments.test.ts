import type { SessionUser } from '@hongjia/shared';
import { describe, expect, it } from 'vitest';
import { AppError, conflict } from '../src/commons/errors';
import type { NotificationMessage, Notifier } from '../src/notifications/notifier';
import type { AccessChecks } from '../src/staff/jurisdiction';
import type { SubsidyItem } from '../src/subsidies/entity';
import { createSubsidyPayments } from '../src/subsidies/payments';
import type { SubsidyRecords } from '../src/subsidies/records';
import { paymentRefusal, withPayment } from '../src/subsidies/rules';

const today = '2026-11-29';
/** Born 2022-10-20: nine months in 2025 (2,700 yuan). Born 2025-03-15: 2025 … 2028. */
const older = { status: 'approved', byYear: [{ year: 2025, months: 9, amountYuan: 2700 }] };
const younger = {
  status: 'approved',
  byYear: [
    { year: 2025, months: 10, amountYuan: 3000 },
    { year: 2026, months: 12, amountYuan: 3600 },
    { year: 2027, months: 12, amountYuan: 3600 },
    { year: 2028, months: 2, amountYuan: 600 },
  ],
};

describe('育儿补贴 payment rules', () => {
  it('allows a year the application owes, at exactly its computed amount, in arrears or within the year', () => {
    expect(paymentRefusal(older, { year: 2025, amountYuan: 2700 }, today)).toBeUndefined();
    expect(paymentRefusal(younger, { year: 2026, amountYuan: 3600 }, today)).toBeUndefined();
    // The first day of a year already allows that year; amounts agree to the fen.
    expect(paymentRefusal(younger, { year: 2027, amountYuan: 3600.001 }, '2027-01-01')).toBeUndefined();
  });

  it('refuses any application not approved', () => {
    for (const status of ['pending_review', 'rejected', 'checking']) {
      expect(paymentRefusal({ ...older, status }, { year: 2025, amountYuan: 2700 }, today)).toEqual({
        kind: 'not_approved',
        message: '只有审核通过的申请才能登记发放',
      });
    }
  });

  it('refuses a year the application does not cover, naming the years it does', () => {
    expect(paymentRefusal(older, { year: 2026, amountYuan: 3600 }, today)).toEqual({
      kind: 'refused',
      path: 'body.year',
      message: '该申请没有 2026 年的补贴（补贴年度：2025 年）',
    });
  });

  it('refuses a year still ahead (the day before it starts too)', () => {
    const refusal = paymentRefusal(younger, { year: 2027, amountYuan: 3600 }, '2026-12-31');
    expect(refusal).toMatchObject({ kind: 'refused', path: 'body.year' });
    expect(refusal?.message).toBe('2027 年的补贴还未到发放年度，只能登记当年或以前年度的发放');
  });

  it('refuses another amount with the computed one in the reason', () => {
    expect(paymentRefusal(older, { year: 2025, amountYuan: 3600 }, today)).toEqual({
      kind: 'refused',
      path: 'body.amountYuan',
      message: '2025 年应发放 2,700 元（9 个月），与登记的 3,600 元不一致，请核对后再登记',
    });
    expect(paymentRefusal(older, { year: 2025, amountYuan: 2699.99 }, today)?.kind).toBe('refused');
  });

  it('takes the amount from the stored byYear, whatever the policy says today', () => {
    // An application filed under another amount keeps it: policy is data, snapshotted per application.
    const filedUnderOtherPolicy = {
      status: 'approved',
      byYear: [{ year: 2025, months: 9, amountYuan: 2250 }],
    };
    expect(paymentRefusal(filedUnderOtherPolicy, { year: 2025, amountYuan: 2250 }, today)).toBeUndefined();
    expect(paymentRefusal(filedUnderOtherPolicy, { year: 2025, amountYuan: 2700 }, today)?.kind).toBe(
      'refused',
    );
  });

  it('refuses a second payment of a year, before the amount is even looked at', () => {
    const paid = { year: 2025, amountYuan: 2700, paidAt: '2026-03-01T02:00:00.000Z' };
    const refusal = paymentRefusal({ ...older, payments: [paid] }, { year: 2025, amountYuan: 1 }, today);
    expect(refusal).toEqual({
      kind: 'already_paid',
      path: 'body.year',
      payment: paid,
      message: '2025 年的育儿补贴已登记发放（2,700 元），不能重复登记',
    });
    // Another year of the same application is still open.
    expect(
      paymentRefusal({ ...younger, payments: [paid] }, { year: 2026, amountYuan: 3600 }, today),
    ).toBeUndefined();
  });

  it('keeps the payments in year order', () => {
    const p = (year: number) => ({ year, amountYuan: 1, paidAt: `${year + 1}-01-05T00:00:00.000Z` });
    expect(withPayment([p(2026)], p(2025)).map((x) => x.year)).toEqual([2025, 2026]);
    expect(withPayment(undefined, p(2025))).toEqual([p(2025)]);
  });
});

// The service over an in-memory store that behaves like the conditional UpdateItem.
const now = new Date('2026-11-29T02:00:00Z');
const staff = (id: string) => ({ id, roles: ['staff'] }) as SessionUser;

function application(patch: Partial<SubsidyItem> = {}): SubsidyItem {
  return {
    subsidyId: 'sub_1',
    userId: 'usr_mother',
    status: 'approved',
    version: 2,
    jurisdiction: '360102',
    childNameSealed: 'sealed',
    childNameMasked: '李**',
    childIdSealed: 'sealed',
    childIdMasked: '3601**********0011',
    childIdHash: 'hash',
    childBirthDate: '2022-10-20',
    applicantNameMasked: '王**',
    policyEffectiveFrom: '2025-01-01',
    months: 9,
    amountYuan: 2700,
    firstMonth: '2025-01',
    lastMonth: '2025-09',
    byYear: [{ year: 2025, months: 9, amountYuan: 2700 }],
    submittedAt: '2026-11-20T02:00:00.000Z',
    reviewDueBy: '2027-01-05',
    reviewedAt: '2026-11-25T02:00:00.000Z',
    renewalDueOn: '',
    renewalMonth: '',
    renewalRemindedFor: '',
    updatedAt: '2026-11-25T02:00:00.000Z',
    ...patch,
  } as SubsidyItem;
}

function setUp(item: SubsidyItem, options: { conflictOpen?: boolean; auditFails?: boolean } = {}) {
  const audited: string[] = [];
  const items = new Map([[item.subsidyId, structuredClone(item)]]);
  const records = {
    items,
    async get(id: string) {
      const found = items.get(id);
      return found && structuredClone(found);
    },
    async move(current: SubsidyItem, changes: Partial<SubsidyItem>, at: Date) {
      const stored = items.get(current.subsidyId);
      if (!stored || stored.version !== current.version || stored.status !== current.status)
        throw conflict('该申请已被他人处理或已更新，请刷新后重试');
      const next = { ...current, ...changes, version: current.version + 1, updatedAt: at.toISOString() };
      items.set(current.subsidyId, structuredClone(next));
      return next;
    },
  };
  const sent = new Map<string, { userId: string; message: NotificationMessage }>();
  const notifier: Notifier = {
    async notify(userId, message, { dedupeKey }) {
      if (!sent.has(dedupeKey)) sent.set(dedupeKey, { userId, message });
    },
  };
  const access = {
    async staffJurisdiction(caller: SessionUser) {
      return caller.id === 'staff-city'
        ? { cityWide: true, districts: ['360102', '360103'] }
        : { cityWide: false, districts: [caller.id === 'staff-360103' ? '360103' : '360102'] };
    },
  } as unknown as AccessChecks;
  const payments = createSubsidyPayments({
    records: records as unknown as SubsidyRecords,
    access,
    notifier,
    conflicts: { openOn: async () => options.conflictOpen ?? false },
    audit: {
      async record(_actor, event) {
        if (options.auditFails) throw new Error('audit store down');
        audited.push(event.note ?? '');
      },
    },
  });
  return { items, sent, payments, audited };
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 'ok',
    (error: unknown) => (error instanceof AppError ? `${error.status} ${error.code}` : String(error)),
  );

describe('登记发放', () => {
  const pay2025 = { year: 2025, amountYuan: 2700, expectedVersion: 2 };

  it('pays nothing when its audit entry cannot be written (audit before the change)', async () => {
    const { items, sent, payments } = setUp(application(), { auditFails: true });
    await expect(payments.record(staff('staff-360102'), 'sub_1', pay2025, now)).rejects.toThrow(
      'audit store down',
    );
    expect(items.get('sub_1')?.payments ?? []).toEqual([]);
    expect(items.get('sub_1')?.version).toBe(2);
    expect(sent.size).toBe(0);
  });

  it('appends the payment with the office that recorded it, bumps the version and tells the applicant once', async () => {
    const { items, sent, payments, audited } = setUp(application());
    const view = await payments.record(staff('staff-360102'), 'sub_1', pay2025, now);
    expect(view.payments).toEqual([{ year: 2025, amountYuan: 2700, paidAt: now.toISOString() }]);
    expect(view.version).toBe(3);
    expect(audited).toEqual(['2025: 2700 yuan, v2']);
    expect(items.get('sub_1')?.payments).toEqual([
      { year: 2025, amountYuan: 2700, paidAt: now.toISOString(), recordedBy: '东湖区卫生健康委员会' },
    ]);
    expect(JSON.stringify(view)).not.toContain('operationId');
    expect([...sent.entries()]).toEqual([
      [
        'subsidy-paid:sub_1:2025',
        {
          userId: 'usr_mother',
          message: {
            kind: 'subsidy_status',
            title: '育儿补贴已发放',
            body: '李**的 2025 年育儿补贴 2,700 元已发放，请留意到账。',
            link: '/packages/family/pages/subsidies/index',
          },
        },
      ],
    ]);
  });

  it('a second recording of the year is 409 PAYMENT_EXISTS, whatever version it carries', async () => {
    const { items, sent, payments } = setUp(application());
    await payments.record(staff('staff-360102'), 'sub_1', pay2025, now);
    for (const expectedVersion of [2, 3]) {
      await expect(
        codeOf(payments.record(staff('staff-city'), 'sub_1', { ...pay2025, expectedVersion }, now)),
      ).resolves.toBe('409 PAYMENT_EXISTS');
    }
    expect(items.get('sub_1')?.payments).toHaveLength(1);
    expect(sent.size).toBe(1);
  });

  it('the same request again after its write landed answers as the first did, not PAYMENT_EXISTS', async () => {
    // The idempotency record is released when the first attempt fails after the write (say the
    // notice failed), so the retry runs again: the payment's operation id recognises it.
    const { items, sent, payments } = setUp(application());
    const first = await payments.record(staff('staff-360102'), 'sub_1', pay2025, now, 'op-1');
    sent.clear();
    const retry = await payments.record(staff('staff-360102'), 'sub_1', pay2025, now, 'op-1');
    expect(retry).toEqual(first);
    expect(items.get('sub_1')?.payments).toHaveLength(1);
    expect([...sent.keys()]).toEqual(['subsidy-paid:sub_1:2025']);
    await expect(
      codeOf(
        payments.record(staff('staff-360102'), 'sub_1', { ...pay2025, expectedVersion: 3 }, now, 'op-2'),
      ),
    ).resolves.toBe('409 PAYMENT_EXISTS');
  });

  it('pays nothing while another application for the child waits in the conflict queue', async () => {
    const { items, sent, payments } = setUp(application(), { conflictOpen: true });
    await expect(codeOf(payments.record(staff('staff-360102'), 'sub_1', pay2025, now))).resolves.toBe(
      '409 CONFLICT_PENDING',
    );
    expect(items.get('sub_1')?.payments).toBeUndefined();
    expect(sent.size).toBe(0);
  });

  it('re-sends a notice lost between the write and the notify (same dedupe key)', async () => {
    const paid = { year: 2025, amountYuan: 2700, paidAt: '2026-11-28T02:00:00.000Z' };
    const { sent, payments } = setUp(application({ version: 3, payments: [paid] }));
    await expect(
      codeOf(payments.record(staff('staff-360102'), 'sub_1', { ...pay2025, expectedVersion: 3 }, now)),
    ).resolves.toBe('409 PAYMENT_EXISTS');
    expect([...sent.keys()]).toEqual(['subsidy-paid:sub_1:2025']);
  });

  it('two staff recording the same year at once: one payment, the other 409', async () => {
    const { items, payments } = setUp(application());
    const results = await Promise.all([
      codeOf(payments.record(staff('staff-360102'), 'sub_1', pay2025, now)),
      codeOf(payments.record(staff('staff-city'), 'sub_1', pay2025, now)),
    ]);
    expect(results.sort()).toEqual(['409 CONFLICT', 'ok']);
    expect(items.get('sub_1')?.payments).toHaveLength(1);
  });

  it('another district, an unknown id or an unfinished application is 404', async () => {
    const { payments } = setUp(application());
    await expect(codeOf(payments.record(staff('staff-360103'), 'sub_1', pay2025, now))).resolves.toBe(
      '404 NOT_FOUND',
    );
    await expect(codeOf(payments.record(staff('staff-360102'), 'sub_x', pay2025, now))).resolves.toBe(
      '404 NOT_FOUND',
    );
    const checking = setUp(application({ status: 'checking' }));
    await expect(
      codeOf(checking.payments.record(staff('staff-360102'), 'sub_1', pay2025, now)),
    ).resolves.toBe('404 NOT_FOUND');
  });

  it('maps the refusals: not approved 409, wrong year / ahead / amount 422, stale version 409', async () => {
    const pending = setUp(application({ status: 'pending_review', version: 1 }));
    await expect(
      codeOf(
        pending.payments.record(staff('staff-360102'), 'sub_1', { ...pay2025, expectedVersion: 1 }, now),
      ),
    ).resolves.toBe('409 CONFLICT');
    const { items, sent, payments } = setUp(application());
    for (const body of [
      { ...pay2025, year: 2024 },
      { ...pay2025, amountYuan: 3600 },
    ]) {
      await expect(codeOf(payments.record(staff('staff-360102'), 'sub_1', body, now))).resolves.toBe(
        '422 PAYMENT_REFUSED',
      );
    }
    await expect(
      codeOf(payments.record(staff('staff-360102'), 'sub_1', { ...pay2025, expectedVersion: 1 }, now)),
    ).resolves.toBe('409 CONFLICT');
    expect(items.get('sub_1')?.payments).toBeUndefined();
    expect(sent.size).toBe(0);
  });

  it('a year ahead is refused by the Shanghai day: 2026 becomes payable at 00:00 on 1 January in Nanchang', async () => {
    const item = application({
      byYear: [
        { year: 2026, months: 12, amountYuan: 3600 },
        { year: 2027, months: 12, amountYuan: 3600 },
      ],
    });
    const { payments } = setUp(item);
    const body = { year: 2027, amountYuan: 3600, expectedVersion: 2 };
    // 2026-12-31T15:59Z is 23:59 on 31 December in Nanchang; a minute later it is 2027 there.
    await expect(
      codeOf(payments.record(staff('staff-360102'), 'sub_1', body, new Date('2026-12-31T15:59:00Z'))),
    ).resolves.toBe('422 PAYMENT_REFUSED');
    await expect(
      codeOf(payments.record(staff('staff-360102'), 'sub_1', body, new Date('2026-12-31T16:00:00Z'))),
    ).resolves.toBe('ok');
  });
});
