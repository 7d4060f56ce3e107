import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditTableName } from '@hongjia/functions/commons/dynamo';
import { addWorkingDays, todayInChina } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { bindIdentity, idempotencyKey, validIdNumber } from './special-family-fixtures';
import { itemKeyStartsWith } from './store-keys';

/**
 * 育儿补贴 through the API on the local runtime: apply (real-name binding
 * first), the pro-rata months, one application per child, review by the
 * child's household district with locking, the family's list, the yearly
 * renewal reminder (run directly against the runtime's dynalite with a chosen
 * `now`, as the scheduled worker would), and the district recording payments.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let client: DynamoDBDocumentClient;
let services: ReturnType<typeof import('@hongjia/functions/subsidies/services').createSubsidyServices>;
let reminder: (
  now: Date,
) => ReturnType<typeof import('@hongjia/functions/subsidies/reminder').remindRenewals>;
const tokens: Record<string, string> = {};

interface View {
  id: string;
  hukouDistrict: string;
  childBirthDate: string;
  comment?: string;
  status: string;
  months: number;
  amountYuan: number;
  byYear: { year: number; months: number; amountYuan: number }[];
  firstMonth: string;
  lastMonth: string;
  reviewDueBy: string;
  childNameMasked: string;
  childIdNumberMasked: string;
  applicantNameMasked: string;
  renewalDueOn?: string;
  payments: { year: number; amountYuan: number; paidAt: string }[];
  version: number;
}

const today = () => todayInChina();
const child = (birthDate: string, serial: number) => validIdNumber('360102', birthDate, 'M', serial);

function apply(token: string, birthDate: string, serial: number, overrides: Record<string, unknown> = {}) {
  return call(runtime, '/v1/childcare-subsidies', {
    token,
    body: {
      childName: '李小宝',
      childIdNumber: child(birthDate, serial),
      childBirthDate: birthDate,
      hukouDistrict: '360102',
      guardianConsent: true,
      ...overrides,
    },
    headers: { 'idempotency-key': idempotencyKey('subsidy') },
  });
}

const review = (token: string, id: string, body: Record<string, unknown>) =>
  call(runtime, `/v1/staff/childcare-subsidies/${id}/review`, { token, body });
const mine = async (token: string) =>
  ((await call(runtime, '/v1/me/childcare-subsidies', { token })).json as { items: View[] }).items;
const notifications = async (token: string, kind: string) =>
  (
    (await call(runtime, '/v1/me/notifications?limit=50', { token })).json as {
      items: { kind: string; link?: string; body: string }[];
    }
  ).items.filter((n) => n.kind === kind);

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  client = DynamoDBDocumentClient.from(localDynamoClient(runtime.dynamoEndpoint));
  // Imported after the runtime set the environment (the functions read it on import).
  const { createSubsidyServices } = await import('@hongjia/functions/subsidies/services');
  const { notifierFromEnv } = await import('@hongjia/functions/notifications/from-env');
  const { remindRenewals } = await import('@hongjia/functions/subsidies/reminder');
  const table = process.env.TABLE_NAME as string;
  const notifier = notifierFromEnv(client, table);
  const { createRoot } = await import('@hongjia/functions/root');
  services = createSubsidyServices(createRoot({ client, table, notifier }));
  reminder = (now) => remindRenewals({ records: services.records, notifier }, now);
  for (const openid of [
    'sub-mother',
    'sub-father',
    'sub-unbound',
    'staff-360102',
    'staff-360103',
    'staff-city',
  ]) {
    tokens[openid] = (await signIn(runtime, openid)).token;
  }
  const mother = await bindIdentity(
    runtime,
    tokens['sub-mother'] as string,
    '王秀英',
    validIdNumber('360102', '1994-03-01', 'F', 7),
  );
  const father = await bindIdentity(
    runtime,
    tokens['sub-father'] as string,
    '李建国',
    validIdNumber('360102', '1992-07-01', 'M', 7),
  );
  expect([mother.status, father.status]).toEqual([200, 200]);
});
afterAll(async () => {
  client?.destroy();
  await close?.();
});

const t = (name: string) => tokens[name] as string;
const created: Record<string, View> = {};

describe('applying', () => {
  it('needs a real-name binding first (403 IDENTITY_REQUIRED)', async () => {
    const error = expectEnvelope(await apply(t('sub-unbound'), '2025-03-15', 1), 403, 'IDENTITY_REQUIRED');
    expect(error.message).toBe('请先完成实名认证');
  });

  it('a 2022-born child gets only the months until the third birthday: 2025-01 … 2025-09, 2,700 yuan', async () => {
    const answer = await apply(t('sub-mother'), '2022-10-20', 1);
    expect(answer.status).toBe(201);
    expect(answer.json).toEqual({
      id: expect.stringMatching(/^sub_/),
      status: 'pending_review',
      months: 9,
      amountYuan: 2700,
      byYear: [{ year: 2025, months: 9, amountYuan: 2700 }],
      firstMonth: '2025-01',
      lastMonth: '2025-09',
      reviewDueBy: addWorkingDays(today(), 30),
    });
    created.older = answer.json as unknown as View;
  });

  it('a 2025-born child gets 36 months', async () => {
    const answer = await apply(t('sub-mother'), '2025-03-15', 2);
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      months: 36,
      amountYuan: 10800,
      firstMonth: '2025-03',
      lastMonth: '2028-02',
    });
    created.younger = answer.json as unknown as View;
  });

  it('refuses a child already 3 before 2025 with the reason (born 2021-12-31, 3 on 2024-12-31)', async () => {
    const error = expectEnvelope(await apply(t('sub-mother'), '2021-12-31', 3), 422, 'SUBSIDY_NOT_ELIGIBLE');
    expect(error.message).toContain('2024-12-31');
    expect(error.message).toContain('满3周岁');
  });

  it("the applicant's own second application for a child is 409 SUBSIDY_EXISTS (only ever their own)", async () => {
    const error = expectEnvelope(await apply(t('sub-mother'), '2025-03-15', 2), 409, 'SUBSIDY_EXISTS');
    expect(error.message).toContain('您已为该孩子申请过');
    expect((await mine(t('sub-mother'))).filter((v) => v.childBirthDate === '2025-03-15')).toHaveLength(1);
  });

  it('a birth date that disagrees with the ID number, or a bad number, is 400 with the field path', async () => {
    const mismatch = expectEnvelope(
      await apply(t('sub-father'), '2025-06-01', 4, { childBirthDate: '2025-06-02' }),
      400,
      'VALIDATION_FAILED',
    );
    expect(mismatch.details[0]?.path).toBe('body.childBirthDate');
    const wrongCheck =
      child('2025-06-01', 4).slice(0, 17) + (child('2025-06-01', 4).endsWith('1') ? '2' : '1');
    const bad = expectEnvelope(
      await apply(t('sub-father'), '2025-06-01', 4, { childIdNumber: wrongCheck }),
      400,
      'VALIDATION_FAILED',
    );
    expect(bad.details[0]?.path).toBe('body.childIdNumber');
  });

  it('the family sees its applications, newest first, with the child masked and no payments yet', async () => {
    const items = await mine(t('sub-mother'));
    expect(items.map((v) => v.id)).toEqual([created.younger?.id, created.older?.id]);
    for (const view of items) {
      expect(view.childNameMasked).toBe('李**');
      expect(view.childIdNumberMasked).toMatch(/^3601\*{10}\d{3}[\dX]$/);
      expect(view.applicantNameMasked).toBe('王**');
      expect(view.payments).toEqual([]);
      expect(view.version).toBe(1);
    }
  });
});

describe('review by the district', () => {
  it("lists the district's queue oldest first; staff of another district cannot list or see it", async () => {
    const queue = await call(runtime, '/v1/staff/childcare-subsidies?district=360102', {
      token: t('staff-360102'),
    });
    expect(queue.status).toBe(200);
    // The seeded city has its own applications in the queue; ours keep their order among them.
    const ours = new Set([created.older?.id, created.younger?.id]);
    const ids = (queue.json as { items: View[] }).items.map((v) => v.id).filter((id) => ours.has(id));
    expect(ids).toEqual([created.older?.id, created.younger?.id]);
    expectEnvelope(
      await call(runtime, '/v1/staff/childcare-subsidies?district=360102', { token: t('staff-360103') }),
      403,
      'FORBIDDEN',
    );
    const own = (await call(runtime, '/v1/staff/childcare-subsidies', { token: t('staff-360103') })).json as {
      items: View[];
    };
    expect(own.items.every((v) => v.hukouDistrict === '360103')).toBe(true);
    expect(own.items.map((v) => v.id).filter((id) => ours.has(id))).toEqual([]);
  });

  it('city staff page through all districts with a signed cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let firstCursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const answer = await call(runtime, `/v1/staff/childcare-subsidies?limit=2${query}`, {
        token: t('staff-city'),
      });
      const page = answer.json as { items: View[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((v) => v.id));
      cursor = page.nextCursor;
      firstCursor ??= cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const ours = seen.filter((id) => id === created.older?.id || id === created.younger?.id);
    expect(ours).toEqual([created.older?.id, created.younger?.id]);
    const page = { nextCursor: firstCursor };
    const forged = `${(page.nextCursor as string).slice(0, -2)}xx`;
    expectEnvelope(
      await call(runtime, `/v1/staff/childcare-subsidies?cursor=${encodeURIComponent(forged)}`, {
        token: t('staff-city'),
      }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('another district gets 404; a stale version 409; approval by 东湖区 schedules the yearly renewal', async () => {
    const id = created.younger?.id as string;
    expectEnvelope(
      await review(t('staff-360103'), id, { decision: 'approve', expectedVersion: 1 }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await review(t('staff-360102'), id, { decision: 'approve', expectedVersion: 2 }),
      409,
      'CONFLICT',
    );
    const approved = await review(t('staff-360102'), id, { decision: 'approve', expectedVersion: 1 });
    expect(approved.status).toBe(200);
    const view = approved.json as unknown as View;
    expect(view.status).toBe('approved');
    expect(view.version).toBe(2);
    expect(view.renewalDueOn).toBe(`${Number(today().slice(0, 4)) + 1}${today().slice(4)}`);
    expectEnvelope(
      await review(t('staff-360102'), id, { decision: 'reject', comment: '材料不全', expectedVersion: 2 }),
      409,
      'CONFLICT',
    );
    const told = await notifications(t('sub-mother'), 'subsidy_status');
    expect(told).toHaveLength(1);
    expect(told[0]?.link).toBe('/packages/family/pages/subsidies/index');
  });

  it('a child with no paid month left a year on is approved without a renewal date', async () => {
    const answer = await review(t('staff-360102'), created.older?.id as string, {
      decision: 'approve',
      expectedVersion: 1,
    });
    expect(answer.status).toBe(200);
    expect((answer.json as unknown as View).renewalDueOn).toBeUndefined();
  });

  it('rejection needs a reason, and frees the child for a corrected application', async () => {
    const filed = (await apply(t('sub-father'), '2025-08-08', 5)).json as unknown as View;
    const noReason = expectEnvelope(
      await review(t('staff-360102'), filed.id, { decision: 'reject', expectedVersion: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    expect(noReason.details[0]?.path).toBe('body.comment');
    const rejected = await review(t('staff-360102'), filed.id, {
      decision: 'reject',
      comment: '户籍地与申报不符',
      expectedVersion: 1,
    });
    expect((rejected.json as unknown as View).status).toBe('rejected');
    expect((await notifications(t('sub-father'), 'subsidy_status'))[0]?.body).toContain('户籍地与申报不符');
    expect((await apply(t('sub-father'), '2025-08-08', 5)).status).toBe(201);
  });
});

describe('yearly renewal', () => {
  it('renewing is refused before the 30-day window and by anyone but the applicant', async () => {
    const id = created.younger?.id as string;
    const early = expectEnvelope(
      await call(runtime, `/v1/me/childcare-subsidies/${id}/renew`, {
        token: t('sub-mother'),
        method: 'POST',
      }),
      409,
      'RENEWAL_NOT_DUE',
    );
    expect(early.message).toContain('年度确认');
    expectEnvelope(
      await call(runtime, `/v1/me/childcare-subsidies/${id}/renew`, {
        token: t('sub-father'),
        method: 'POST',
      }),
      404,
      'NOT_FOUND',
    );
  });

  const at = (date: string) => new Date(`${date}T02:00:00Z`);
  const shift = (date: string, days: number) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const applicantOf = async (id: string) =>
    ({ id: (await services.records.get(id))?.userId as string, roles: ['family'] }) as never;

  it('the scheduled reminder tells the applicant once, 30 days ahead; the last renewal clears the date', async () => {
    const id = created.younger?.id as string; // born 2025-03-15: paid until 2028-02
    const dueOn = (await services.records.get(id))?.renewalDueOn as string;
    expect(await reminder(at(shift(dueOn, -31)))).toEqual({ due: 0, reminded: 0 });
    expect(await reminder(at(shift(dueOn, -30)))).toEqual({ due: 1, reminded: 1 });
    expect(await reminder(at(shift(dueOn, -29)))).toEqual({ due: 0, reminded: 0 });
    expect(await reminder(at(shift(dueOn, 3)))).toEqual({ due: 0, reminded: 0 });
    const told = await notifications(t('sub-mother'), 'subsidy_renewal');
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toContain(dueOn);

    // A year after this renewal the child is past 2028-02: nothing left to confirm.
    const renewed = await services.family.renew(await applicantOf(id), id, at(shift(dueOn, -10)));
    expect(renewed.renewalDueOn).toBeUndefined();
    expect(await reminder(at(`${Number(dueOn.slice(0, 4)) + 1}${dueOn.slice(4)}`))).toEqual({
      due: 0,
      reminded: 0,
    });
  });

  it('a child with years left is reminded again after each renewal, once per year', async () => {
    const filed = (await apply(t('sub-father'), '2026-05-05', 6)).json as unknown as View;
    expect(filed.months).toBe(36);
    const approved = (await review(t('staff-city'), filed.id, { decision: 'approve', expectedVersion: 1 }))
      .json as unknown as View;
    const dueOn = approved.renewalDueOn as string;
    expect(await reminder(at(shift(dueOn, -20)))).toEqual({ due: 1, reminded: 1 });
    expect(await reminder(at(shift(dueOn, -19)))).toEqual({ due: 0, reminded: 0 });

    const renewed = await services.family.renew(await applicantOf(filed.id), filed.id, at(shift(dueOn, -5)));
    const nextDue = `${Number(dueOn.slice(0, 4)) + 1}${dueOn.slice(4)}`;
    expect(renewed.renewalDueOn).toBe(nextDue);
    expect(await reminder(at(shift(dueOn, -4)))).toEqual({ due: 0, reminded: 0 });
    expect(await reminder(at(shift(nextDue, -20)))).toEqual({ due: 1, reminded: 1 });
    expect(await reminder(at(shift(nextDue, -1)))).toEqual({ due: 0, reminded: 0 });

    const reminders = await notifications(t('sub-father'), 'subsidy_renewal');
    expect(reminders).toHaveLength(2);
    expect(reminders.map((n) => n.body).join()).toContain(nextDue);
    // Renewing again before the new window opens is refused.
    await expect(
      services.family.renew(await applicantOf(filed.id), filed.id, at(shift(nextDue, -40))),
    ).rejects.toMatchObject({ code: 'RENEWAL_NOT_DUE' });
  });
});

describe('payments recorded by the district', () => {
  const pay = (token: string, id: string, body: Record<string, unknown>, key = idempotencyKey('pay')) =>
    call(runtime, `/v1/staff/childcare-subsidies/${id}/payments`, {
      token,
      body,
      headers: { 'idempotency-key': key },
    });
  const current = async (id: string) => (await mine(t('sub-mother'))).find((v) => v.id === id) as View;

  it('an application not yet approved cannot be paid (409 CONFLICT: its state, not the request)', async () => {
    const filed = (await apply(t('sub-father'), '2024-02-02', 7)).json as unknown as View;
    expect(filed.status).toBe('pending_review');
    const error = expectEnvelope(
      await pay(t('staff-360102'), filed.id, { year: 2025, amountYuan: 3600, expectedVersion: 1 }),
      409,
      'CONFLICT',
    );
    expect(error.message).toBe('只有审核通过的申请才能登记发放');
  });

  it('staff of another district get 404; another amount 422; a year ahead 422; a stale version 409', async () => {
    const id = created.older?.id as string; // born 2022-10-20: 2025, nine months, 2,700 yuan
    const { version } = await current(id);
    expectEnvelope(
      await pay(t('staff-360103'), id, { year: 2025, amountYuan: 2700, expectedVersion: version }),
      404,
      'NOT_FOUND',
    );
    const wrong = expectEnvelope(
      await pay(t('staff-360102'), id, { year: 2025, amountYuan: 3600, expectedVersion: version }),
      422,
      'PAYMENT_REFUSED',
    );
    expect(wrong.message).toBe('2025 年应发放 2,700 元（9 个月），与登记的 3,600 元不一致，请核对后再登记');
    expect(wrong.details[0]?.path).toBe('body.amountYuan');
    const notOwed = expectEnvelope(
      await pay(t('staff-360102'), id, { year: 2026, amountYuan: 3600, expectedVersion: version }),
      422,
      'PAYMENT_REFUSED',
    );
    expect(notOwed.details[0]?.path).toBe('body.year');
    const younger = await current(created.younger?.id as string); // 2025-03 … 2028-02
    const nextYear = Number(today().slice(0, 4)) + 1;
    const owedNextYear = younger.byYear.find((y) => y.year === nextYear)?.amountYuan as number;
    const ahead = expectEnvelope(
      await pay(t('staff-360102'), younger.id, {
        year: nextYear,
        amountYuan: owedNextYear,
        expectedVersion: younger.version,
      }),
      422,
      'PAYMENT_REFUSED',
    );
    expect(ahead.message).toContain('还未到发放年度');
    expectEnvelope(
      await pay(t('staff-360102'), id, { year: 2025, amountYuan: 2700, expectedVersion: version - 1 }),
      409,
      'CONFLICT',
    );
    expect((await current(id)).payments).toEqual([]);
    expect(
      (await notifications(t('sub-mother'), 'subsidy_status')).filter((n) => n.body.includes('已发放')),
    ).toEqual([]);
  });

  it('paying 2025 for the 2022-10-20 child (2,700): the family sees it with the time, and is told once', async () => {
    const id = created.older?.id as string;
    const { version } = await current(id);
    const key = idempotencyKey('pay');
    const body = { year: 2025, amountYuan: 2700, expectedVersion: version };
    const before = Date.now();
    const answer = await pay(t('staff-360102'), id, body, key);
    expect(answer.status).toBe(200);
    const view = answer.json as unknown as View;
    expect(view.version).toBe(version + 1);
    expect(view.payments).toEqual([{ year: 2025, amountYuan: 2700, paidAt: expect.any(String) }]);
    const paidAt = Date.parse(view.payments[0]?.paidAt as string);
    expect(paidAt).toBeGreaterThanOrEqual(before - 1000);
    expect(paidAt).toBeLessThanOrEqual(Date.now() + 1000);

    const seen = await current(id);
    expect(seen.payments).toEqual(view.payments);
    expect(seen.version).toBe(version + 1);

    // A retry with the same key replays the answer; the payment stays one.
    const replay = await pay(t('staff-360102'), id, body, key);
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual(answer.json);

    const told = (await notifications(t('sub-mother'), 'subsidy_status')).filter((n) =>
      n.body.includes('已发放'),
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.body).toBe('李**的 2025 年育儿补贴 2,700 元已发放，请留意到账。');
    expect(told[0]?.link).toBe('/packages/family/pages/subsidies/index');
  });

  it('paying the year again is 409 PAYMENT_EXISTS, with the current version or the old one', async () => {
    const id = created.older?.id as string;
    const { version } = await current(id);
    for (const expectedVersion of [version, version - 1]) {
      const again = expectEnvelope(
        await pay(t('staff-city'), id, { year: 2025, amountYuan: 2700, expectedVersion }),
        409,
        'PAYMENT_EXISTS',
      );
      expect(again.message).toContain('不能重复登记');
    }
    expect((await current(id)).payments).toHaveLength(1);
    expect(
      (await notifications(t('sub-mother'), 'subsidy_status')).filter((n) => n.body.includes('已发放')),
    ).toHaveLength(1);
  });
});

describe('conflicts go to a person, never to the first filer', () => {
  // The mother's child C (born 2025-05-20) is first applied for by a stranger; D has the same
  // birth date and nobody else applied for it: the answers for C and D must read the same.
  const born = '2025-05-20';
  interface Conflict {
    id: string;
    kind: string;
    district: string;
    status: string;
    subject: string;
    sides: {
      side: string;
      recordId: string;
      applicantNameMasked: string;
      status: string;
      facts: { label: string; value: string }[];
      evidence: string[];
    }[];
    resolution?: { standing: string; resolvedBy: string; comment: string };
    version: number;
  }
  const queue = async (token: string, query = '') => {
    const answer = await call(runtime, `/v1/staff/conflicts/childcare-subsidies${query}`, { token });
    expect(answer.status, answer.text).toBe(200);
    return (answer.json as { items: Conflict[] }).items;
  };
  const resolve = (token: string, id: string, body: Record<string, unknown>) =>
    call(runtime, `/v1/staff/conflicts/childcare-subsidies/${id}/resolve`, { token, body });
  let strangers: View;
  let ours: View;
  let conflictId: string;

  beforeAll(async () => {
    tokens['sub-stranger'] = (await signIn(runtime, 'sub-stranger')).token;
    const bound = await bindIdentity(
      runtime,
      t('sub-stranger'),
      '张伟',
      validIdNumber('360103', '1990-01-01', 'M', 9),
    );
    expect(bound.status).toBe(200);
    // What the system holds for the mother: her registration of this pregnancy, and 出生一件事 for the child.
    const registration = await call(runtime, '/v1/registrations', {
      token: t('sub-mother'),
      body: {
        kind: 'registration',
        parity: 1,
        mother: {
          name: '王秀英',
          idNumber: validIdNumber('360102', '1994-03-01', 'F', 7),
          phone: '13812345678',
          hukouDistrict: '360102',
        },
        father: {
          name: '李建国',
          idNumber: validIdNumber('360102', '1992-07-01', 'M', 7),
          phone: '13987654321',
          hukouDistrict: '360102',
        },
        marriageDate: '2020-05-20',
        existingChildren: [],
        expectedDueDate: '2025-05-12',
      },
      headers: { 'idempotency-key': idempotencyKey('reg') },
    });
    expect(registration.status, registration.text).toBe(201);
    const bundle = await call(runtime, '/v1/birth-bundles', {
      token: t('sub-mother'),
      body: {
        medicalCertificateNo: 'S250520001',
        child: { name: '李小宝', sex: 'M', birthDate: born, hospital: '江西省妇幼保健院' },
        householdDistrict: '360102',
      },
      headers: { 'idempotency-key': idempotencyKey('bundle') },
    });
    expect(bundle.status, bundle.text).toBe(201);
  });

  it("a stranger's application does not block the mother: she is answered as for a child nobody applied for", async () => {
    const first = await apply(t('sub-stranger'), born, 8);
    expect(first.status, first.text).toBe(201);
    strangers = first.json as unknown as View;

    const exists = await apply(t('sub-mother'), born, 8);
    const fresh = await apply(t('sub-mother'), born, 9);
    expect([exists.status, fresh.status]).toEqual([201, 201]);
    // Identical apart from the id: nothing says that someone applied for C before.
    expect({ ...(exists.json as object), id: 'x' }).toEqual({ ...(fresh.json as object), id: 'x' });
    ours = exists.json as unknown as View;
    const listed = (await mine(t('sub-mother'))).filter((v) => v.childBirthDate === born);
    const strip = ({
      id: _id,
      childIdNumberMasked: _c,
      submittedAt: _s,
      ...rest
    }: View & { submittedAt?: string }) => rest;
    expect(listed).toHaveLength(2);
    expect(strip(listed[0] as View)).toEqual(strip(listed[1] as View));
    expect(listed.every((v) => v.status === 'pending_review')).toBe(true);
  });

  it("goes to the holder's district as a conflict: both sides masked, dates, statuses and the evidence", async () => {
    const found = (await queue(t('staff-360102'))).filter((c) => c.sides[0]?.recordId === strangers.id);
    expect(found).toHaveLength(1);
    const conflict = found[0] as Conflict;
    conflictId = conflict.id;
    expect(conflict).toMatchObject({
      kind: 'childcare_subsidy',
      district: '360102',
      status: 'open',
      version: 1,
    });
    expect(conflict.subject).toMatch(/^3601\*{10}\d{3}[\dX]$/);
    const [first, second] = conflict.sides;
    expect(first).toMatchObject({
      side: 'first',
      recordId: strangers.id,
      applicantNameMasked: '张*',
      status: 'pending_review',
    });
    expect(second).toMatchObject({
      side: 'second',
      recordId: ours.id,
      applicantNameMasked: '王**',
      status: 'on_hold',
    });
    expect(second?.facts).toContainEqual({ label: '出生日期', value: born });
    expect(first?.evidence).toEqual([]);
    expect(second?.evidence).toHaveLength(2);
    expect(second?.evidence[0]).toMatch(
      /^生育登记 SY\d+（.+）登记该申请人为母亲，预产期 2025-05-12 与孩子出生日期相符$/,
    );
    expect(second?.evidence[1]).toBe('该申请人办理过出生一件事（孩子李**，姓名和出生日期均相同）');
    // Masked only: neither the child's ID number nor a name in clear.
    const text = JSON.stringify(conflict);
    expect(text).not.toContain(child(born, 8));
    expect(text).not.toContain('王秀英');
    expect(text).not.toContain('张伟');
    expect(text).not.toContain('李小宝');
    // City staff see it; staff of another district neither see nor touch it.
    expect((await queue(t('staff-city'))).map((c) => c.id)).toContain(conflictId);
    expect((await queue(t('staff-360103'))).map((c) => c.id)).not.toContain(conflictId);
    expectEnvelope(
      await call(runtime, '/v1/staff/conflicts/childcare-subsidies?district=360102', {
        token: t('staff-360103'),
      }),
      403,
      'FORBIDDEN',
    );
    expectEnvelope(
      await resolve(t('staff-360103'), conflictId, {
        standing: 'second',
        comment: '核对出生证明',
        expectedVersion: 1,
      }),
      404,
      'NOT_FOUND',
    );
    expectEnvelope(
      await call(runtime, '/v1/staff/conflicts/childcare-subsidies', { token: t('sub-mother') }),
      403,
      'FORBIDDEN',
    );
  });

  it("holds the holder's ordinary review while the conflict is open (409 CONFLICT_PENDING)", async () => {
    expectEnvelope(
      await review(t('staff-360102'), strangers.id, { decision: 'approve', expectedVersion: 1 }),
      409,
      'CONFLICT_PENDING',
    );
    const pending = (
      await call(runtime, '/v1/staff/childcare-subsidies?limit=50', { token: t('staff-360102') })
    ).json as { items: View[] };
    // The application on hold is not in the ordinary queue.
    expect(pending.items.map((v) => v.id)).not.toContain(ours.id);
  });

  it('staff resolve it for the mother: the stranger is voided and the child freed for her, who goes to review', async () => {
    expectEnvelope(
      await resolve(t('staff-360102'), conflictId, {
        standing: 'second',
        comment: '出生证明与生育登记一致',
        expectedVersion: 2,
      }),
      409,
      'CONFLICT',
    );
    expectEnvelope(
      await resolve(t('staff-360102'), conflictId, { standing: 'second', expectedVersion: 1 }),
      400,
      'VALIDATION_FAILED',
    );
    const answer = await resolve(t('staff-360102'), conflictId, {
      standing: 'second',
      comment: '出生证明与生育登记一致',
      expectedVersion: 1,
    });
    expect(answer.status, answer.text).toBe(200);
    const resolved = answer.json as unknown as Conflict;
    expect(resolved).toMatchObject({
      status: 'resolved',
      version: 2,
      resolution: {
        standing: 'second',
        resolvedBy: '东湖区卫生健康委员会',
        comment: '出生证明与生育登记一致',
      },
    });
    expect(resolved.sides.map((s) => s.status)).toEqual(['voided', 'pending_review']);
    // Once only: the other side cannot be chosen afterwards.
    expectEnvelope(
      await resolve(t('staff-city'), conflictId, { standing: 'first', comment: '改判', expectedVersion: 2 }),
      409,
      'CONFLICT',
    );
    expect((await queue(t('staff-360102'))).map((c) => c.id)).not.toContain(conflictId);
    expect((await queue(t('staff-360102'), '?status=resolved')).map((c) => c.id)).toContain(conflictId);

    // The stranger's application reads as not approved, in neutral words.
    const theirs = (await mine(t('sub-stranger'))).find((v) => v.id === strangers.id) as View;
    expect(theirs.status).toBe('rejected');
    expect(theirs.comment).toBe(
      '经工作人员核对，本申请未予受理。如有疑问，请咨询孩子户籍所在地县区卫生健康委员会。',
    );
    // The claim on the child is the mother's now.
    const stored = await services.records.get(ours.id);
    const { createGuardEntity, createGuards } = await import('@hongjia/functions/commons/guards');
    const guards = createGuards(createGuardEntity(client, process.env.TABLE_NAME as string));
    expect((await guards.holder('childcare-subsidy', stored?.childIdHash as string))?.targetId).toBe(ours.id);
    // Her application is reviewed the ordinary way.
    const queueNow = (
      await call(runtime, '/v1/staff/childcare-subsidies?limit=50', { token: t('staff-360102') })
    ).json as { items: View[] };
    expect(queueNow.items.map((v) => v.id)).toContain(ours.id);
    const approved = await review(t('staff-360102'), ours.id, { decision: 'approve', expectedVersion: 2 });
    expect(approved.status, approved.text).toBe(200);
  });

  it('tells both in neutral words, and writes the decision to the audit trail', async () => {
    const theirs = (await notifications(t('sub-stranger'), 'subsidy_status')).map((n) => n.body);
    expect(theirs).toEqual([
      '经工作人员核对，李**的育儿补贴申请未予受理。如有疑问，请咨询孩子户籍所在地县区卫生健康委员会。',
    ]);
    const hers = (await notifications(t('sub-mother'), 'subsidy_status')).map((n) => n.body);
    expect(hers).toContain('经工作人员核对，李**的育儿补贴申请继续办理，结果以「我的育儿补贴」中显示为准。');
    for (const body of [...theirs, ...hers]) expect(body).not.toMatch(/张|王秀英|另一|他人/);
    const { createAuditEntity, createAuditTrail } = await import('@hongjia/functions/commons/audit');
    const audit = createAuditTrail(createAuditEntity(client, process.env.AUDIT_TABLE_NAME as AuditTableName));
    // Beside the staff reads and the review of the application (decision 0019), one resolution.
    const trail = (await audit.ofSubject('childcareSubsidy', ours.id)).filter(
      (e) => e.action === 'resolve_conflict',
    );
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({
      action: 'resolve_conflict',
      objectId: strangers.id,
      district: '360102',
      actorUserId: expect.stringMatching(/^u_/),
    });
  });

  it('the stranger applying again is another conflict, answered like any application', async () => {
    const again = await apply(t('sub-stranger'), born, 8);
    expect(again.status).toBe(201);
    expect((again.json as unknown as View).status).toBe('pending_review');
    const open = (await queue(t('staff-360102'))).filter(
      (c) => c.sides[1]?.recordId === (again.json as { id: string }).id,
    );
    expect(open).toHaveLength(1);
    expect(open[0]?.sides[0]).toMatchObject({ recordId: ours.id, status: 'approved' });
    // Resolved for the mother again: her approval stands, the stranger's second attempt is voided.
    const answer = await resolve(t('staff-city'), open[0]?.id as string, {
      standing: 'first',
      comment: '已核实',
      expectedVersion: 1,
    });
    expect(answer.status, answer.text).toBe(200);
    expect((answer.json as unknown as Conflict).sides.map((s) => s.status)).toEqual(['approved', 'voided']);
  });
});

describe('exactly once under retries', () => {
  const subsidyKeys = itemKeyStartsWith('$hongjia#subsidyid_');

  it('an application whose answer was lost after it was filed is finished by the retry, not refused', async () => {
    const { injectFaults } = await import('./faults');
    const key = idempotencyKey('subsidy');
    const body = {
      childName: '李小宝',
      childIdNumber: child('2025-09-09', 11),
      childBirthDate: '2025-09-09',
      hukouDistrict: '360102',
      guardianConsent: true,
    };
    // The move to pending_review lands, then the caller sees a failure (a timeout after the commit).
    const faults = await injectFaults([
      { command: 'UpdateItemCommand', matches: subsidyKeys, when: 'after', times: 1 },
    ]);
    try {
      const failed = await call(runtime, '/v1/childcare-subsidies', {
        token: t('sub-father'),
        body,
        headers: { 'idempotency-key': key },
      });
      expect(failed.status).toBe(500);
      expect(faults.failed()).toBe(1);
    } finally {
      faults.remove();
    }
    const retry = await call(runtime, '/v1/childcare-subsidies', {
      token: t('sub-father'),
      body,
      headers: { 'idempotency-key': key },
    });
    expect(retry.status, retry.text).toBe(201);
    const filed = (await mine(t('sub-father'))).filter((v) => v.childBirthDate === '2025-09-09');
    expect(filed.map((v) => v.id)).toEqual([(retry.json as { id: string }).id]);
    expect(filed[0]?.status).toBe('pending_review');
  });

  it('a payment whose answer was lost after it was recorded is answered by the retry, and paid once', async () => {
    const { injectFaults } = await import('./faults');
    const filed = (await apply(t('sub-father'), '2024-06-06', 12)).json as unknown as View;
    const approved = (await review(t('staff-360102'), filed.id, { decision: 'approve', expectedVersion: 1 }))
      .json as unknown as View;
    const year = approved.byYear[0] as { year: number; amountYuan: number };
    const key = idempotencyKey('pay');
    const body = { year: year.year, amountYuan: year.amountYuan, expectedVersion: approved.version };
    const pay = () =>
      call(runtime, `/v1/staff/childcare-subsidies/${filed.id}/payments`, {
        token: t('staff-360102'),
        body,
        headers: { 'idempotency-key': key },
      });
    const faults = await injectFaults([
      { command: 'UpdateItemCommand', matches: subsidyKeys, when: 'after', times: 1 },
    ]);
    try {
      expect((await pay()).status).toBe(500);
    } finally {
      faults.remove();
    }
    const retry = await pay();
    expect(retry.status, retry.text).toBe(200);
    const view = retry.json as unknown as View;
    expect(view.payments).toHaveLength(1);
    expect(view.version).toBe(approved.version + 1);
    const father = (await mine(t('sub-father'))).find((v) => v.id === filed.id) as View;
    expect(father.payments).toHaveLength(1);
    expect(
      (await notifications(t('sub-father'), 'subsidy_status')).filter((n) => n.body.includes('已发放')),
    ).toHaveLength(1);
  });
});
