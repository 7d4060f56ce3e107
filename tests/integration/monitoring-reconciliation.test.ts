import type { Indicators, Reconciliation, ReconciliationKind } from '@hongjia/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../local/runtime';
import { call, expectEnvelope, signIn, startTestRuntime } from './harness';
import { csvOf, deliveriesCsv, importFile, utf8 } from './monitoring-fixtures';
import { daysFromToday, idNumber, key, parents, registrationBody, submit } from './registration-fixtures';

/**
 * The reconciliation worklist (SPEC C4): each of its five kinds found from the
 * imported sources and the 生育登记 on keyed hashes, closed when the missing
 * record arrives, resolved by staff with a note (and then out of the open
 * counts); coverage kept right when a registration arrives after its delivery;
 * every monitoring route refused outside the caller's jurisdiction.
 */
let runtime: LocalRuntime;
let close: () => Promise<void>;
let staff: string;
let otherStaff: string;
let cityStaff: string;
let family: string;
let parent: (n: number, role?: 'mother' | 'father') => Promise<string>;

beforeAll(async () => {
  ({ runtime, close } = await startTestRuntime());
  staff = (await signIn(runtime, 'staff-360102')).token;
  otherStaff = (await signIn(runtime, 'staff-360111')).token;
  cityStaff = (await signIn(runtime, 'staff-city')).token;
  family = (await signIn(runtime, 'monitoring-family')).token;
  parent = parents(runtime, 'monitoring');
});
afterAll(async () => close());

const monthOf = (day: string) => day.slice(0, 7);

async function reconciliation(token: string, month: string, extra = '') {
  const answer = await call(
    runtime,
    `/v1/staff/monitoring/reconciliation?district=360102&month=${month}${extra}`,
    {
      token,
    },
  );
  expect(answer.status, answer.text).toBe(200);
  return answer.json as unknown as Reconciliation;
}

async function registerApproved(n: number, expectedDueDate: string) {
  const answer = await submit(runtime, await parent(n), registrationBody(n, { expectedDueDate }));
  expect(answer.status, answer.text).toBe(201);
  expect((answer.json as { status: string }).status).toBe('approved');
  await runtime.queues.idle();
}

const delivery = (n: number, deliveryDate: string, overrides: Record<string, unknown> = {}) => ({
  deliveryId: `RC-${n}-${deliveryDate}`,
  motherIdNumber: idNumber('F', n),
  motherName: '王小红',
  district: '360102',
  deliveryDate,
  childSex: 'F',
  birthWeightG: 3200,
  parity: 1,
  ...overrides,
});

const itemsOf = (view: Reconciliation, kind: ReconciliationKind) => view.items.filter((i) => i.kind === kind);

describe('reconciliation', () => {
  it('finds each kind, closes a gap when its record arrives, and lets staff resolve an item', async () => {
    // Prepare: couple 801 registered with a due date long past and no delivery (overdue);
    // mother 802 delivered 45 days ago with no registration, no certificate, no vaccination,
    // and again 20 days later under another name (identity conflict).
    const overdueDue = daysFromToday(-100);
    await registerApproved(801, overdueDue);
    const day = daysFromToday(-45);
    const first = delivery(802, day);
    const second = delivery(802, daysFromToday(-25), { motherName: '王晓虹' });
    expect(
      (await importFile(runtime, staff, 'hospital_delivery', utf8(deliveriesCsv([first, second])))).accepted,
    ).toBe(2);

    // Act
    const month = await reconciliation(staff, monthOf(day));
    const overdue = await reconciliation(staff, monthOf(overdueDue));

    // Assess: every kind is found, with masked references only.
    expect(overdue.counts.registration_overdue).toBe(1);
    expect(month.counts.delivery_without_registration).toBeGreaterThanOrEqual(1);
    expect(month.counts.delivery_without_birth_certificate).toBeGreaterThanOrEqual(1);
    expect(month.counts.birth_without_vaccination).toBeGreaterThanOrEqual(1);
    const conflicts = [
      ...itemsOf(month, 'identity_conflict'),
      ...itemsOf(await reconciliation(staff, monthOf(second.deliveryDate)), 'identity_conflict'),
    ];
    expect(conflicts.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify([month, overdue])).not.toContain(idNumber('F', 802));
    expect(JSON.stringify([month, overdue])).not.toContain(idNumber('F', 801));

    // A birth certificate of the first child closes its "no certificate" gap.
    const certificates = csvOf(
      [
        'certNo',
        'childName',
        'childSex',
        'childBirthDate',
        'motherIdNumber',
        'fatherIdNumber',
        'hospital',
        'district',
        'issuedAt',
      ],
      [
        {
          certNo: 'Q360102-802',
          childName: '李小雨',
          childSex: 'F',
          childBirthDate: day,
          motherIdNumber: idNumber('F', 802),
          fatherIdNumber: idNumber('M', 802),
          hospital: '南昌市妇幼保健院',
          district: '360102',
          issuedAt: daysFromToday(-40),
        },
      ],
    );
    expect((await importFile(runtime, staff, 'birth_certificate', utf8(certificates))).accepted).toBe(1);
    const after = await reconciliation(staff, monthOf(day));
    expect(after.counts.delivery_without_birth_certificate).toBe(
      month.counts.delivery_without_birth_certificate - 1,
    );

    // A district officer explains the overdue registration: it leaves the open counts.
    const [item] = itemsOf(overdue, 'registration_overdue');
    const resolve = (token: string, expectedVersion: number) =>
      call(runtime, `/v1/staff/monitoring/reconciliation/${item?.id}/resolution`, {
        token,
        body: { note: '已电话核实：外地分娩，已补录', expectedVersion },
        headers: { 'idempotency-key': key('resolve') },
      });
    expectEnvelope(await resolve(otherStaff, item?.version ?? 0), 404, 'NOT_FOUND');
    const resolved = await resolve(staff, item?.version ?? 0);
    expect(resolved.status, resolved.text).toBe(200);
    expect(resolved.json).toMatchObject({
      status: 'resolved',
      resolution: { note: '已电话核实：外地分娩，已补录' },
    });
    expect((await reconciliation(staff, monthOf(overdueDue))).counts.registration_overdue).toBe(0);
    const listed = await reconciliation(staff, monthOf(overdueDue), '&status=resolved');
    expect(listed.items.map((i) => i.id)).toContain(item?.id);
    // A version the item never had is a stale write.
    expectEnvelope(await resolve(staff, (item?.version ?? 0) + 5), 409, 'CONFLICT');
  });

  it('counts a delivery as covered once its registration arrives after it', async () => {
    // Prepare: a delivery 10 days ago, no registration yet.
    const day = daysFromToday(-10);
    const month = monthOf(day);
    const indicators = async () => {
      const answer = await call(
        runtime,
        `/v1/staff/monitoring/indicators?district=360102&from=${month}&to=${month}`,
        {
          token: staff,
        },
      );
      expect(answer.status, answer.text).toBe(200);
      return answer.json as unknown as Indicators;
    };
    const before = await indicators();
    await importFile(runtime, staff, 'hospital_delivery', utf8(deliveriesCsv([delivery(803, day)])));
    const open = (await reconciliation(staff, month)).counts.delivery_without_registration;
    expect((await indicators()).registered).toBe(before.registered);

    // Act: the mother's registration, due 5 days after the delivery, is approved.
    await registerApproved(803, daysFromToday(-5));

    // Assess
    expect((await indicators()).registered).toBe(before.registered + 1);
    expect((await reconciliation(staff, month)).counts.delivery_without_registration).toBe(open - 1);
  });
});

describe('jurisdiction', () => {
  it('refuses families and other districts’ staff on every monitoring read', async () => {
    const month = daysFromToday(0).slice(0, 7);
    for (const path of [
      `/v1/staff/monitoring/indicators?district=360102&from=${month}&to=${month}`,
      `/v1/staff/monitoring/reconciliation?district=360102&month=${month}`,
      '/v1/staff/monitoring/imports',
    ]) {
      expectEnvelope(await call(runtime, path, { token: family }), 403, 'FORBIDDEN');
      if (!path.endsWith('imports'))
        expectEnvelope(await call(runtime, path, { token: otherStaff }), 403, 'FORBIDDEN');
    }
    const city = await call(runtime, `/v1/staff/monitoring/indicators?from=${month}&to=${month}`, {
      token: cityStaff,
    });
    expect(city.status, city.text).toBe(200);
    // District staff must name their own district (no silent whole-city answer).
    expectEnvelope(
      await call(runtime, `/v1/staff/monitoring/indicators?from=${month}&to=${month}`, { token: otherStaff }),
      403,
      'FORBIDDEN',
    );
  });

  it('rejects another district’s rows in a district officer’s file, and keeps the rest', async () => {
    const day = daysFromToday(-3);
    const view = await importFile(
      runtime,
      staff,
      'hospital_delivery',
      utf8(deliveriesCsv([delivery(804, day), delivery(805, day, { district: '360111' })])),
    );
    expect(view).toMatchObject({ accepted: 1, rejected: 1 });
    expect(view.errors).toEqual([
      { row: 3, field: 'district', message: expect.stringMatching(/青山湖区|只能导入/) },
    ]);
  });

  it('lists a district’s imports to its staff and city staff only', async () => {
    const view = await importFile(
      runtime,
      staff,
      'hospital_delivery',
      utf8(deliveriesCsv([delivery(806, daysFromToday(-2))])),
    );
    const ids = async (token: string, query = '') => {
      const answer = await call(runtime, `/v1/staff/monitoring/imports${query}`, { token });
      expect(answer.status, answer.text).toBe(200);
      return (answer.json as { items: { id: string }[] }).items.map((item) => item.id);
    };
    expect(await ids(staff)).toContain(view.id);
    expect(await ids(cityStaff, '?district=360102')).toContain(view.id);
    expect(await ids(otherStaff)).not.toContain(view.id);
    expectEnvelope(
      await call(runtime, `/v1/staff/monitoring/imports/${view.id}`, { token: otherStaff }),
      404,
      'NOT_FOUND',
    );
    const seen = await call(runtime, `/v1/staff/monitoring/imports/${view.id}`, { token: cityStaff });
    expect(seen.json).toMatchObject({ id: view.id, status: 'done', progress: 1 });
  });
});
